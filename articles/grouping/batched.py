"""Grouping stored reports in bulk: what stage two of an import calls.

One function, so that the order in which an import's reports are grouped (and how the
work is batched) is decided in one place.

The decisions are those of assign_article run one report at a time, in publication order
(tests/test_grouping_batched.py holds both to the same events and evidence): under the
grouping lock nothing else writes grouping state, and every read goes through ChunkStore,
which answers from what it read or wrote earlier in the chunk. Batched per chunk:
- the reports' features: stored ones read in one query, missing ones computed and stored
  in one statement;
- the document frequencies: every key the chunk's reports hold read in one pass, counted
  in memory as each report is decided, written back in one statement per few hundred keys;
- the events with their profiles: read once, then kept (and kept current) across the chunk.
Still per report: the article's own row, the event row, the profile and the index postings
(the candidate search of the next report reads them back from the index).
"""

import logging
from collections.abc import Iterable

from django.db import connection, transaction

from ..models import Article, Event, KeyFrequency
from ..models import ReportFeatures as StoredFeatures
from . import near_misses
from .engine import report_keys
from .features import ReportFeatures
from .last_look import closing_thoughts_of, last_look, singles_near
from .link_look import look_for_links
from .service import apply_refinement, assign_article
from .similarity import Profile
from .store import ALL_REPORTS, CHUNK, DatabaseStore, features_of
from .summaries import MEMBERS_READ, OPENING_CHARS

logger = logging.getLogger(__name__)


class ChunkStore(DatabaseStore):
    """A DatabaseStore that keeps what it reads and writes for one chunk of reports.

    Why keeping an event's profile gives the decisions of reading it back: a profile's sums
    are rounded as stored (5 places for terms and names; meaning sums as MeaningSum stores
    them), JSON round-trips floats exactly, and every sum over a profile runs in the
    report's key order or sorts with a tie-break, so the order jsonb gives the keys back in
    changes nothing. A report whose grouping fails rolls back its savepoint; the store then
    drops every event it holds (forget_all), since their objects may have changed with it.
    """

    batched = True

    def __init__(self) -> None:
        super().__init__()
        self.known: dict[str, int] = {}
        self.absent: set[str] = set()
        self.pending: dict[str, int] = {}  # increments not written yet
        self.this_report: list[str] = []  # increments of the report being decided
        self.prepared: dict[int, tuple[ReportFeatures, bool]] = {}
        # Events and profiles read or saved earlier in the chunk (event id -> both), and the
        # rows of first_members of the events whose text was picked in it.
        self.held: dict[int, tuple[Event, Profile]] = {}
        self.openings: dict[int, list[tuple]] = {}

    # --- features, for the whole chunk at once ---
    def prepare(self, articles: list[Article]) -> dict[int, str]:
        """Features of every report (stored ones read, missing ones computed and stored),
        and the document frequencies of all their keys; returns the reports whose features
        could not be computed, with the reason (they are left ungrouped)."""
        stored = dict(
            StoredFeatures.objects.filter(article__in=[a.pk for a in articles]).values_list(
                "article_id", "data"
            )
        )
        failures: dict[int, str] = {}
        new_rows, upgraded = [], []
        for article in articles:
            try:
                report, write = features_of(article, stored.get(article.pk))
            except Exception as error:
                logger.exception("Features of report %s failed", article.pk)
                failures[article.pk] = f"could not be grouped: {error}"
                continue
            new = article.pk not in stored
            if write:
                (new_rows if new else upgraded).append(
                    StoredFeatures(article_id=article.pk, data=report.to_json())
                )
            self.prepared[article.pk] = (report, new)
        StoredFeatures.objects.bulk_create(new_rows, batch_size=CHUNK)
        if upgraded:
            StoredFeatures.objects.bulk_update(upgraded, ["data"], batch_size=CHUNK)
        self._load({ALL_REPORTS, *(k for report, _ in self.prepared.values() for k in report_keys(report))})
        return failures

    def features(self, article: Article) -> tuple[ReportFeatures, bool]:
        if article.pk in self.prepared:
            return self.prepared[article.pk]
        return super().features(article)

    def discard_features(self, article_id: int) -> None:
        """A report whose grouping failed: its features go with the rest of its work, so that
        grouping it again counts its words (as a first grouping does)."""
        _, new = self.prepared.pop(article_id, (None, False))
        if new:
            StoredFeatures.objects.filter(article_id=article_id).delete()

    # --- events and profiles, kept across the chunk ---
    def forget_reads(self) -> None:
        self.counted.clear()
        self.this_report = []

    def forget_event(self, event_id: int) -> None:
        self.held.pop(event_id, None)
        self.openings.pop(event_id, None)

    def forget_all(self) -> None:
        self.held.clear()
        self.openings.clear()

    def first_members(self, event_id: int, joined: Article | None = None) -> list[tuple]:
        """The rows first_members(event_id) would read, kept up to date as reports join."""
        rows = self.openings.get(event_id)
        held = self.held.get(event_id)
        if rows is None and joined is not None and held is not None and held[0].article_count == 1:
            rows = []  # an event the report has just started: it is the only member
        if rows is None:
            rows = self.openings[event_id] = super().first_members(event_id)
        if joined is not None and all(row[0] != joined.pk for row in rows):
            report = self.prepared.get(joined.pk, (None, False))[0]
            if report is None:  # not one of the chunk's reports: read the rows again
                rows = self.openings[event_id] = super().first_members(event_id)
            else:
                reading = joined.analysis if isinstance(joined.analysis, dict) else {}
                row = (
                    joined.pk,
                    joined.title,
                    joined.body_text[:OPENING_CHARS],
                    {"t": report.terms},  # what refresh_event_text reads of the stored features
                    reading.get("title"),
                    reading.get("title_vector"),
                )
                rows = self.openings[event_id] = sorted([*rows, row], key=lambda r: r[0])[:MEMBERS_READ]
        return rows

    def profiles(self, event_ids: list[int]) -> dict[int, Profile]:
        missing = [e for e in event_ids if e not in self.held]
        if missing:
            for event_id, profile in super().profiles(missing).items():
                self.held[event_id] = (self.events[event_id], profile)
            self.events.clear()
            self.loaded.clear()
        return {e: self.held[e][1] for e in event_ids if e in self.held}

    def title(self, event_id: int) -> str:
        return self.held[event_id][0].title

    def loaded_profile(self, event_id: int) -> tuple[Event, Profile]:
        if event_id not in self.held:
            self.profiles([event_id])
        return self.held[event_id]

    def save_profile(self, event: Event, profile: Profile) -> None:
        super().save_profile(event, profile)
        self.held[event.pk] = (event, profile)

    # --- document frequencies, in memory for the chunk ---
    def _load(self, keys: set[str]) -> None:
        wanted = sorted(k for k in keys if k not in self.known and k not in self.absent)
        for start in range(0, len(wanted), CHUNK):
            part = wanted[start : start + CHUNK]
            found = dict(KeyFrequency.objects.filter(key__in=part).values_list("key", "reports"))
            self.known.update(found)
            self.absent.update(k for k in part if k not in found)

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

    def undo_report(self, article_id: int) -> None:
        """Take back what a report whose grouping failed (its savepoint rolled back) left in
        the store: its counts, its features, and every event held (they may have changed)."""
        for key in self.this_report:
            self.known[key] -= 1
            self.pending[key] -= 1
        self.this_report = []
        self.discard_features(article_id)
        self.forget_all()

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
    failures = store.prepare(articles)
    for article in articles:
        if article.pk in failures:
            continue
        try:
            with transaction.atomic():
                assign_article(article, store=store)
        except Exception as error:
            store.undo_report(article.pk)
            logger.exception("Grouping report %s failed", article.pk)
            failures[article.pk] = f"could not be grouped: {error}"
    store.flush()
    return failures


def look_again(event_ids: Iterable[int]) -> int:
    """The last look (last_look.py) at the reports left alone in `event_ids`, the events of an
    import's grouped reports once its last run is grouped, then the closing second thoughts of
    each of those events (last_look.closing_thoughts), then the look for events possibly the same
    story (link_look.py); returns how many moved. The caller holds the grouping lock in its
    transaction, as for group_articles.

    In runs of CHUNK events by id, each stored before the next is read: the same moves as one
    look over all of them (a look skips an event a move filled and never offers an emptied one),
    without an IN list as long as the import, which SQLite refuses past its variable limit."""
    moved = 0
    ordered = sorted(set(event_ids))
    # The import's events as they end: those it started or grew, and those its reports moved to.
    final = set(ordered)
    for start in range(0, len(ordered), CHUNK):
        store = DatabaseStore()
        run = ordered[start : start + CHUNK]
        # Reports of earlier imports left alone near this import's stories look again with them.
        refinement = last_look(store, [*run, *singles_near(store, run)])
        apply_refinement(refinement, store)
        moved += len(refinement.moves)
        final.update(move.to_event for move in refinement.moves)
    # Once every run has had its look, as regroup does after its own: the events' members read
    # a few hundred events a query, each refinement applied before the next event's turn.
    store = DatabaseStore()
    for refinement in closing_thoughts_of(store, ordered):
        apply_refinement(refinement, store)
        moved += len(refinement.moves)
        final.update(move.to_event for move in refinement.moves)
    # The events as they now stand: the halves of one happening that stayed apart are linked as
    # possibly the same story (link_look.py), so "not covered by" does not name their outlets.
    # In runs of CHUNK events, as above: one link look over all of them in parts.
    ended = sorted(final)
    for start in range(0, len(ended), CHUNK):
        links = look_for_links(DatabaseStore(), ended[start : start + CHUNK])
        for (first, second), score in sorted(links.items()):
            near_misses.link(first, second, score)
    near_misses.drop_other_cycles(ended)
    return moved
