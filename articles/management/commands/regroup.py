import sys
from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from tqdm import tqdm

from articles.grouping.regroup import regroup


def parse_since(value: str) -> datetime:
    """A date (2019-01-18) or a date and time (2019-01-18T12:00), in UTC unless stated."""
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value) if value else None
        if day is None:
            raise CommandError(f"--since must be a date like 2019-01-18 (or 2019-01-18T12:00), not {value!r}")
        moment = datetime.combine(day, time.min)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.UTC)
    return moment


class Command(BaseCommand):
    help = (
        "Rebuild event grouping with the same engine as on import, keeping every staff "
        "decision. With --since, only reports published (or, undated, loaded) since then."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--since", help="Only regroup reports from this date on (YYYY-MM-DD).")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change, store nothing.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")
        parser.add_argument(
            "--refresh-features",
            action="store_true",
            help="Read every report's terms, names and day cues from its text again (after an "
            "upgrade that changes how they are read) instead of using the stored ones.",
        )

    def handle(
        self, *args, since: str | None, dry_run: bool, no_progress: bool, refresh_features: bool, **options
    ) -> None:
        moment = parse_since(since) if since is not None else None

        def progress(items):
            return tqdm(items, desc="Regrouping", unit="report", disable=no_progress, file=sys.stderr)

        result = regroup(since=moment, dry_run=dry_run, refresh_features=refresh_features, progress=progress)
        self.stdout.write(
            ("Dry run, nothing stored: " if dry_run else "")
            + f"Regrouped {result.assigned} reports into {result.events} events "
            f"({result.review} left for review); {result.kept} kept where staff or --since put them."
        )
