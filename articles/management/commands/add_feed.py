"""Follow an outlet's RSS or Atom feed: `manage.py add_feed "OUTLET NAME" FEED_URL`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.following.polling import FeedRefused, add_feed


class Command(BaseCommand):
    help = "Add a feed for an outlet (the outlet is created if it is new); the poller picks it up."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("outlet", help='the outlet name, e.g. "Valley Gazette"')
        parser.add_argument("url", help="the feed's address (RSS or Atom)")
        parser.add_argument("--interval", type=int, default=None, help="minutes between polls")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            feed = add_feed(
                outlet_name=options["outlet"], url=options["url"], interval_minutes=options["interval"]
            )
        except FeedRefused as error:
            raise CommandError(f"feed not added: {error}") from None
        self.stdout.write(
            f"Following {feed.url} for {feed.source.name}, every {feed.interval_minutes} minutes."
        )
