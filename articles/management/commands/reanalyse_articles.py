"""Recompute stored text analyses after the analysers change (READING_VERSION went up)."""

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from articles.comparisons import reanalyse
from articles.models import Article
from articles.reading import READING_VERSION


class Command(BaseCommand):
    help = "Re-analyse articles whose stored analysis predates READING_VERSION (or all with --all)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all", action="store_true", help="re-analyse every article, not only stale ones"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would be re-analysed; change nothing"
        )

    def handle(self, *args: object, **options: object) -> None:
        articles = Article.objects.order_by("pk")
        if not options["all"]:
            articles = articles.exclude(analysis_version=READING_VERSION)
        total = articles.count()
        if options["dry_run"]:
            self.stdout.write(
                f"{total} article(s) would be re-analysed (analysis version {READING_VERSION})."
            )
            return
        with tqdm(total=total, unit="article", disable=total == 0 or options["verbosity"] == 0) as progress:
            updated = reanalyse(articles, on_progress=lambda: progress.update(1))
        self.stdout.write(
            self.style.SUCCESS(f"Re-analysed {updated} article(s) (analysis version {READING_VERSION}).")
        )
