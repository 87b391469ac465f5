"""Grouping stored reports in bulk: what stage two of an import calls.

One function, so that the order in which an import's reports are grouped (and how the
work is batched) is decided in one place.

Batched so far: the document frequencies. Each key is read once a chunk, counted in memory
as each report is decided, and written back in one statement per few hundred keys, instead
of one upsert and one or two reads per report. Decisions are the
same as one by one: under the grouping lock nothing else writes them, and every read goes
through this store. Events, their profiles and index postings are still read and written
per report (see the note at ChunkStore).
"""

import logging
from collections.abc import Iterable

from django.db import connection, transaction

from ..models import Article, KeyFrequency
from .service import assign_article
from .store import ALL_REPORTS, CHUNK, DatabaseStore

logger = logging.getLogger(__name__)


class ChunkStore(DatabaseStore):
    """A DatabaseStore whose document frequencies live in memory for one chunk of reports.

    Events and postings are not cached: an event's stored profile is what a one-by-one
    assignment reads back (PostgreSQL's jsonb reorders its keys, and the order of float
    sums decides ties), so keeping it in memory could change a decision.
    """

    def __init__(self) -> None:
        super().__init__()
        # Counts read so far (keys are read when a report first needs them: a report's
        # features are computed, and stored, by assign_article itself).
        self.known: dict[str, int] = {}
        self.absent: set[str] = set()
        self.pending: dict[str, int] = {}  # increments not written yet
        self.this_report: list[str] = []  # increments of the report being decided

    def _load(self, keys: set[str]) -> None:
        wanted = sorted(k for k in keys if k not in self.known and k not in self.absent)
        for start in range(0, len(wanted), CHUNK):
            part = wanted[start : start + CHUNK]
            found = dict(KeyFrequency.objects.filter(key__in=part).values_list("key", "reports"))
            self.known.update(found)
            self.absent.update(k for k in part if k not in found)

    def forget_reads(self) -> None:
        super().forget_reads()
        self.this_report = []

    def count_report(self, keys: list[str]) -> None:
        wanted = {ALL_REPORTS, *keys}
        self._load(wanted)
        for key in wanted:
            self.known[key] = self.known.get(key, 0) + 1
            self.absent.discard(key)
            self.pending[key] = self.pending.get(key, 0) + 1
            self.this_report.append(key)

    def frequencies(self, keys: Iterable[str]) -> tuple[int, dict[str, int]]:
        wanted = sorted({ALL_REPORTS, *keys})
        self._load(set(wanted))
        found = {key: self.known[key] for key in wanted if key in self.known}
        return found.pop(ALL_REPORTS, 0), found

    def undo_report(self) -> None:
        """Take back the counts of a report whose grouping failed (its savepoint rolled back)."""
        for key in self.this_report:
            self.known[key] -= 1
            self.pending[key] -= 1
        self.this_report = []

    def flush(self) -> None:
        """Write the counted increments: one statement per CHUNK keys."""
        table = connection.ops.quote_name(KeyFrequency._meta.db_table)
        rows = sorted((key, n) for key, n in self.pending.items() if n)
        with connection.cursor() as cursor:
            for start in range(0, len(rows), CHUNK):
                part = rows[start : start + CHUNK]
                cursor.execute(
                    f'INSERT INTO {table} ("key", reports) VALUES '
                    + ", ".join(["(%s, %s)"] * len(part))
                    + f' ON CONFLICT ("key") DO UPDATE SET reports = {table}.reports + EXCLUDED.reports',
                    [value for row in part for value in row],
                )
        self.pending.clear()


def publication_order(article: Article) -> tuple[bool, float, int]:
    """Oldest first, undated last, ties in the order stored: stage one stores an import in
    grouping.order's order (undated reports cluster by cluster), which ids keep."""
    published = article.published_at
    return published is None, published.timestamp() if published is not None else 0.0, article.pk


def group_articles(article_ids: list[int]) -> dict[int, str]:
    """Group the stored reports `article_ids` in publication order, each as assign_article
    decides it; returns the reason for each report that could not be grouped.

    The caller holds the grouping lock (service.serialise_grouping) in its transaction.
    Each report is grouped in its own savepoint, so one that fails leaves the others'
    decisions in place and itself ungrouped ("pending").
    """
    articles = sorted(Article.objects.filter(pk__in=article_ids), key=publication_order)
    store = ChunkStore()
    failures: dict[int, str] = {}
    for article in articles:
        try:
            with transaction.atomic():
                assign_article(article, store=store)
        except Exception as error:
            store.undo_report()
            logger.exception("Grouping report %s failed", article.pk)
            failures[article.pk] = f"could not be grouped: {error}"
    store.flush()
    return failures
