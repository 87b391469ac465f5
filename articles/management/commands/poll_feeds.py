"""Poll the outlets' feeds that are due: once (--once), or in a loop as `make run` does."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from articles.following.polling import Poller, PollResult, poll_forever


class Command(BaseCommand):
    help = "Poll due feeds and import their new reports; loops unless --once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="poll the due feeds once, then stop")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["once"]:
            self.stdout.write("Polling feeds; stop with Ctrl-C.")
            poll_forever()
            return
        results = Poller().poll_due()
        for result in results:
            self.stdout.write(describe(result))
        self.stdout.write(f"Polled {len(results)} feed{'s' if len(results) != 1 else ''}.")


def describe(result: PollResult) -> str:
    status = result.status if result.status is not None else "no answer"
    line = (
        f"{result.feed.url}: HTTP {status}, {result.new_entries} new, {result.skipped} already stored, "
        f"{result.pages_fetched} pages fetched, {result.created} reports created"
    )
    return f"{line}; error: {result.error}" if result.error else line
