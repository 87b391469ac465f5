"""Stage two of imports from the command line: read and group the stored reports waiting for it.

`make worker` runs this with --queue before starting the task worker, so that work a killed
worker left behind is taken up again by the workers."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from articles.importing.analysing import analyse_stored, queue_analysis
from articles.models import Article


class Command(BaseCommand):
    help = "Read and group the stored reports that stage two of their import has not finished."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--queue",
            action="store_true",
            help="queue the work for the task workers instead of doing it here",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        waiting = Article.objects.being_analysed().count()
        if not waiting:
            self.stdout.write("No report is waiting to be read or grouped.")
        elif options["queue"]:
            queue_analysis()
            self.stdout.write(f"{waiting} report(s) waiting; queued for the task workers.")
        else:
            analyse_stored(wait=True)
            self.stdout.write(f"Read and grouped {waiting} report(s).")
