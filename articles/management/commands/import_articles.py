"""Import articles from files, zip archives, folders and web pages by URL: the command-line
door to the same pipeline the admin's "Import articles" page uses."""

import itertools
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.importing import InputFile, ItemFailure, files_from_paths, read_inputs
from articles.importing.pipeline import import_items, limits_from_settings
from articles.importing.webpages import parse_url_lines, read_urls
from articles.models import ImportOrigin


class Command(BaseCommand):
    help = (
        "Import articles from .txt, .html, .json, .jsonl, .csv files, .zip archives, folders, "
        "and web pages by URL (--url, --urls FILE). "
        "Duplicates are reported and skipped; re-running adds nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="files, zip archives or folders (read recursively)")
        parser.add_argument(
            "--url",
            action="append",
            default=[],
            dest="urls",
            metavar="URL",
            help="a page to fetch and import",
        )
        parser.add_argument("--urls", dest="url_file", metavar="FILE", help="a file of page URLs, one a line")
        parser.add_argument("--source", default="", help="outlet for items whose record and text name none")
        parser.add_argument("--dry-run", action="store_true", help="report what would happen, store nothing")
        parser.add_argument("--strict", action="store_true", help="store nothing if any item is invalid")
        parser.add_argument(
            "--no-wait",
            action="store_true",
            help="return once the reports are stored; the task workers (manage.py db_worker) read and group them",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        urls = list(options["urls"])
        if options["url_file"]:
            try:
                with open(options["url_file"], encoding="utf-8") as url_file:
                    urls += [u for u in parse_url_lines(url_file.read()) if u not in urls]
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"cannot read the URL file {options['url_file']}: {error}") from None
        if not options["paths"] and not urls:
            raise CommandError("give files or folders to import, or --url URL, or --urls FILE")
        limits = limits_from_settings()
        loaded = list(files_from_paths(options["paths"], limits))
        refused = [f for f in loaded if isinstance(f, ItemFailure)]
        files = [f for f in loaded if isinstance(f, InputFile)]
        items = itertools.chain(refused, read_urls(urls), read_inputs(files, limits))

        bars = ProgressBars(enabled=sys.stdout.isatty() and options["verbosity"] > 0)
        try:
            result = import_items(
                items,
                origin=ImportOrigin.COMMAND,
                default_source=options["source"],
                dry_run=options["dry_run"],
                strict=options["strict"],
                progress=bars.stored,
                on_total=bars.total,
                analyse="workers" if options["no_wait"] else "here",
                # Running workers share stage two with this process.
                helpers=settings.ANALYSIS_TASKS,
                analysis_progress=bars.analysed,
            )
        finally:
            bars.close()

        for entry in result.entries:
            if entry["outcome"] == "failed":
                self.stderr.write(f"  failed: {entry['item']}: {entry['reason']}")
            elif options["verbosity"] > 1:
                self.stdout.write(f"  {entry['outcome']}: {entry['item']}: {entry.get('title', '')}")
        for entry in result.entries:
            if entry.get("warnings") and options["verbosity"] > 0:
                self.stdout.write(f"  warning: {entry['item']}: {'; '.join(entry['warnings'])}")
        if result.refused:
            self.stderr.write(result.refused)
        prefix = "Dry run: " if result.dry_run else ""
        batch = f" (batch #{result.batch.pk})" if result.batch is not None else ""
        self.stdout.write(f"{prefix}{result.summary}{batch}")
        if options["no_wait"] and result.batch is not None and result.batch.analysis_status:
            self.stdout.write(
                f"{result.batch.analysis_total} report(s) are left to the task workers to read and group "
                "(manage.py db_worker); the batch page shows their progress."
            )
        if result.refused or (result.failed and not result.created and not result.duplicates):
            raise CommandError("nothing was imported")


class ProgressBars:
    """Two bars on a terminal: items stored (stage one), then reports read and grouped
    (stage two, by this process and any workers helping)."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.bars: list[Any] = []

    def _bar(self, description: str) -> Any:
        from tqdm import tqdm

        bar = tqdm(unit="report", desc=description, leave=False)
        self.bars.append(bar)
        return bar

    def total(self, count: int) -> None:
        if self.enabled:
            self._bar("Storing").reset(count)

    def stored(self, count: int) -> None:
        if self.bars:
            self.bars[0].update(count)

    def analysed(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if len(self.bars) < 2:
            self._bar("Reading and grouping").reset(total)
        bar = self.bars[-1]
        bar.update(done - bar.n)

    def close(self) -> None:
        for bar in self.bars:
            bar.close()
