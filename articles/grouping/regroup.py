"""Rebuilding the grouping: the same engine as on import, run in memory, written in bulk.

Reports placed by staff (grouping_status "manual") keep their events; so do reports
outside `--since`. Every other report in scope is detached and assigned again, in id
order (import order), which gives exactly what importing them one by one would give.
"""

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

import orjson
from django.db import connection, transaction
from django.db.models import Q, TextField
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import Cast, Substr
from django.utils import timezone

from ..browsing.pagecache import one_version_bump
from ..models import Article, Event, EventKey, EventProfile, GroupingStatus, IngestStage, KeyFrequency
from ..models import ReportFeatures as StoredFeatures
from . import bulk, near_misses
from .engine import Weights, decide, report_keys
from .features import ReportFeatures, extract_features
from .last_look import closing_thoughts_of, last_look
from .link_look import look_for_links, other_cycles
from .memory import MemoryEvent, MemoryStore
from .refine import reconsider, split_evidence
from .service import candidate, serialise_grouping
from .store import grouping_outlet
from .summaries import OPENING_CHARS, title_and_summary

BATCH = 2000


@dataclass
class RegroupResult:
    assigned: int
    kept: int
    events: int
    review: int


def _features(rows: Iterator[tuple[int, str, str, datetime | None, str | None]]) -> Iterator:
    """(id, title, body, date, stored data as JSON text) -> (id, ReportFeatures), computing
    missing ones. The text is decoded here with orjson: decoding 100,000 reports' features
    through the ORM's JSON field was a tenth of a regroup."""
    missing = []
    for chunk in itertools.batched(rows, BATCH, strict=False):
        readings = _feature_readings([pk for pk, *_, text in chunk if text is None])
        for pk, title, body, published_at, text in chunk:
            if text is None:
                report = extract_features(title, body, published_at, readings.get(pk))
                missing.append(StoredFeatures(article_id=pk, data=report.to_json()))
            else:
                report = ReportFeatures.from_json(orjson.loads(text), published_at)
            yield pk, report
    StoredFeatures.objects.bulk_create(missing, batch_size=BATCH)


def _feature_readings(ids: list[int]) -> dict[int, dict]:
    """The parts of the stored readings that features use (meaning vectors, the kinds of
    names, vote counts, new levels), by article id: whole readings of a regroup's worth of reports
    would not fit in memory."""
    if not ids:
        return {}
    rows = Article.objects.filter(id__in=ids).values_list(
        "id",
        KeyTransform("title", "analysis"),
        KeyTransform("title_vector", "analysis"),
        KeyTransform("vectors", "analysis"),
        KeyTransform("entities", "analysis"),
        KeyTransform("title_numbers", "analysis"),
        KeyTransform("numbers", "analysis"),
    )
    return {
        pk: {
            "title": title,
            "title_vector": headline,
            "vectors": sentences,
            "entities": entities,
            "title_numbers": title_numbers,
            "numbers": numbers,
        }
        for pk, title, headline, sentences, entities, title_numbers, numbers in rows
    }


class _DryRun(Exception):
    def __init__(self, result: RegroupResult) -> None:
        self.result = result


def regroup(
    *,
    since: datetime | None = None,
    dry_run: bool = False,
    refresh_features: bool = False,
    progress: Callable[[Iterator], Iterator] = iter,
) -> RegroupResult:
    """Rebuild the grouping in one transaction (imports wait meanwhile); dry_run rolls back.

    refresh_features: extract every report's features from its text again instead of
    reading the stored ones (after feature extraction has changed).
    """
    try:
        with transaction.atomic():
            serialise_grouping()
            if refresh_features:
                StoredFeatures.objects.all().delete()
            result = _regroup(since, progress)
            if dry_run:
                raise _DryRun(result)
            return result
    except _DryRun as rolled_back:
        return rolled_back.result


def _regroup(since: datetime | None, progress: Callable[[Iterator], Iterator]) -> RegroupResult:
    in_scope = (
        Q()
        if since is None
        else Q(published_at__gte=since) | Q(published_at__isnull=True, created_at__gte=since)
    )
    # Reports stage two of an import has not finished are its to group (and to count): left out.
    redo_q = in_scope & ~Q(grouping_status=GroupingStatus.MANUAL) & Q(ingest_stage=IngestStage.DONE)
    redo = set(Article.objects.filter(redo_q).values_list("id", flat=True))
    kept_event_ids = set(
        Article.objects.exclude(redo_q).filter(event__isnull=False).values_list("event_id", flat=True)
    )
    next_id = (Event.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    store = MemoryStore(next_id)
    store.pinned = set(Article.objects.exclude(redo_q).values_list("id", flat=True))
    kept = {e.id: e for e in Event.objects.filter(id__in=kept_event_ids).only("id", "title", "title_locked")}
    for event in kept.values():
        store.events[event.id] = MemoryEvent(
            id=event.id, title=event.title, title_locked=event.title_locked, new=False
        )

    rows = (
        Article.objects.filter(ingest_stage=IngestStage.DONE)
        .order_by("id")
        .annotate(features=Cast("grouping_features__data", TextField()))
        .values_list(
            "id",
            "title",
            "body_text",
            "published_at",
            "features",
            "source_id",
            "outlet_assumed",
            "event_id",
        )
        .iterator(chunk_size=BATCH)
    )
    sources: dict[int, tuple[int, str, int | None]] = {}
    outlets: dict[int, int | None] = {}

    def with_sources() -> Iterator:
        for pk, title, body, published_at, data, source_id, assumed, event_id in rows:
            sources[pk] = (source_id, title, event_id)
            outlets[pk] = grouping_outlet(source_id, assumed)
            yield pk, title, body, published_at, data

    # Reports that stay where they are are counted first; their events exist from the start.
    pending: list[tuple[int, ReportFeatures]] = []
    for pk, report in _features(with_sources()):
        report.outlet = outlets.pop(pk)
        if pk in redo:
            pending.append((pk, report))
            continue
        store.count_report(report_keys(report))
        source_id, title, event_id = sources[pk]
        if event_id is not None:
            store.add_member(
                store.events[event_id], pk, source_id, title, report, Weights(*store.frequencies([]))
            )
    for event in store.events.values():
        store.reindex(event)

    # article id -> (status, score, evidence); the event comes from the final membership,
    # since second thoughts may move a report after its own decision.
    outcomes: dict[int, tuple[str, float | None, dict]] = {}
    near: dict[tuple[int, int], float] = {}  # possibly-same pairs, as on import
    review = 0
    for pk, report in progress(pending):
        store.count_report(report_keys(report))
        decision = decide(report, store)
        source_id, title, _ = sources[pk]
        if decision.status == "joined":
            event = store.events[decision.event_id]
        elif decision.status == "started":
            event = store.new_event(title)
        else:
            event = None
            review += 1
        outcomes[pk] = (decision.status, decision.score, decision.evidence)
        for pair, score in near_misses.near_pairs(event.id if event else None, decision.considered).items():
            near[pair] = max(score, near.get(pair, 0.0))
        if event is not None:
            store.add_member(event, pk, source_id, title, report, decision.weights)
            store.reindex(event)
            refinement = reconsider(
                store,
                event.id,
                decision.considered,
                trigger=pk,
                weights=decision.weights,
                size=len(event.members),
            )
            store.apply_refinement(refinement)
            for move in refinement.moves:
                outcomes[move.article_id] = ("joined", move.score, move.evidence)
            for split in refinement.splits:
                new_id = store.event_of[split.article_ids[0]]
                for pair, score in near_misses.near_pairs(
                    new_id, [(split.from_event, split.between)]
                ).items():
                    near[pair] = max(score, near.get(pair, 0.0))
                title = sources[split.article_ids[0]][1][:500]
                for article_id in split.article_ids:
                    evidence = split_evidence(split, article_id, new_id, title)
                    outcomes[article_id] = ("joined", split.scores[article_id], evidence)

    # As after an import's run (batched.group_articles): the reports left alone look once more.
    looked = last_look(store, {store.event_of[pk] for pk in outcomes if pk in store.event_of})
    store.apply_refinement(looked)
    for move in looked.moves:
        outcomes[move.article_id] = ("joined", move.score, move.evidence)
    grouped = {store.event_of[pk] for pk in outcomes if pk in store.event_of}
    for closing in closing_thoughts_of(store, grouped):
        store.apply_refinement(closing)
        for move in closing.moves:
            outcomes[move.article_id] = ("joined", move.score, move.evidence)
    # As batched.look_again: the halves of one happening left apart are linked (link_look.py).
    final_events = {store.event_of[pk] for pk in outcomes if pk in store.event_of}
    for pair, score in look_for_links(store, final_events).items():
        near[pair] = max(score, near.get(pair, 0.0))

    updates = [
        (store.event_of.get(pk) if status != "review" else None, status, score, evidence, pk)
        for pk, (status, score, evidence) in outcomes.items()
    ]
    with one_version_bump():
        _write(store, kept_event_ids, updates)
        _write_links(store, near)
    return RegroupResult(
        assigned=len(updates),
        kept=len(sources) - len(updates),
        events=sum(1 for e in store.events.values() if e.members),
        review=review,
    )


def _write_links(store: MemoryStore, near: dict[tuple[int, int], float]) -> None:
    """The possibly-same links of the regrouped events (those of removed events went with
    them); a pair second thoughts emptied one side of is dropped, and so is a pair of dated
    events more than one news cycle apart (link_look.other_cycles, as batched.look_again)."""
    for (a, b), score in sorted(near.items()):
        if (
            store.events.get(a)
            and store.events[a].members
            and store.events.get(b)
            and store.events[b].members
            and not other_cycles(store.events[a].profile.first, store.events[b].profile.first)
        ):
            near_misses.link(a, b, score)


def _write(store: MemoryStore, kept_event_ids: set[int], updates: list) -> None:
    """Replace the old automatic events by the new ones, in bulk."""
    # Every profile, index and frequency row is rewritten below, kept events' included.
    EventKey.objects.all().delete()
    EventProfile.objects.all().delete()
    KeyFrequency.objects.all().delete()
    events = [e for e in store.events.values() if e.members]
    headlines = _read_headlines(events)
    # The reports first, pointing at their new events before those exist (the foreign key is
    # checked at commit), so that each regrouped report is written once. Detaching them from
    # the old events first wrote each twice: a second full row version, with new entries in
    # every index of the table. New events take ids above every old one, so the delete below
    # finds no regrouped report in an old event, and detaches any other report it does find.
    # While the database applies them, this thread picks the events' titles and summaries and
    # prepares the rows of the other tables, which needs no database (see updating_outcomes).
    with bulk.updating_outcomes(
        Article._meta.db_table,
        [(eid, status, score, _json(evidence), pk) for eid, status, score, evidence, pk in updates],
    ):
        summaries = _event_texts(events, headlines)
        now = timezone.now()
        rows = {e.id: _event_row(e, summaries.get(e.id, ""), now) for e in events}
        profiles = [(e.id, _json(e.profile.to_json())) for e in events]
        adapt = connection.ops.adapt_datetimefield_value
        keys = [
            (e.id, key, weight, last)
            for e in events
            for last in [adapt(e.profile.last)]
            for key, weight in e.keys.items()
        ]
    Event.objects.exclude(id__in=kept_event_ids).delete()

    _insert_events([row for eid, row in rows.items() if store.events[eid].new])
    kept = [row for eid, row in rows.items() if not store.events[eid].new]
    for event in Event.objects.filter(id__in=[row.id for row in kept]):
        row = rows[event.id]
        row.title = event.title if event.title_locked else row.title
        row.summary = event.summary if event.summary_locked else row.summary
        row.title_locked, row.summary_locked, row.created_at = (
            event.title_locked,
            event.summary_locked,
            event.created_at,
        )
    Event.objects.bulk_update(kept, [*_EVENT_FIELDS, "title_locked", "summary_locked"])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(_NoStyle(), [Event]):
                cursor.execute(sql)

    bulk.insert_rows(EventProfile._meta.db_table, ["event_id", "data"], profiles)
    bulk.insert_rows(EventKey._meta.db_table, ["event_id", "key", "weight", "last_published_at"], keys)
    bulk.insert_rows(
        KeyFrequency._meta.db_table, ["key", "reports"], [("", store.reports), *store.frequency.items()]
    )
    if len(updates) >= bulk.ANALYZE_AFTER:
        bulk.refresh_statistics(
            [model._meta.db_table for model in (Article, Event, EventKey, EventProfile, KeyFrequency)]
        )


_EVENT_FIELDS = [
    "title",
    "summary",
    "first_published_at",
    "last_published_at",
    "article_count",
    "source_count",
]


def _event_row(event: MemoryEvent, summary: str, now: datetime) -> Event:
    return Event(
        id=event.id,
        title=event.title,
        summary=summary,
        first_published_at=event.profile.first,
        last_published_at=event.profile.last,
        article_count=len(event.members),
        source_count=len(event.sources),
        created_at=now,
        updated_at=now,
    )


def _insert_events(rows: list[Event]) -> None:
    """Insert new events with one plain statement: the ORM's bulk_create spends more time
    building 30,000 rows' SQL than the database spends storing them."""
    adapt = connection.ops.adapt_datetimefield_value
    columns = [*_EVENT_FIELDS, "id", "slug", "title_locked", "summary_locked", "created_at", "updated_at"]
    bulk.insert_rows(
        Event._meta.db_table,
        columns,
        [
            tuple(adapt(v) if isinstance(v, datetime) else v for v in (getattr(row, c) for c in columns))
            for row in rows
        ],
    )


def _read_headlines(events: list[MemoryEvent]) -> dict[int, tuple[str, str | None, dict | None]]:
    """(opening, read title, title vector) by article id, of the reports an event's title and
    summary are picked from (MemoryEvent.headlines)."""
    wanted = sorted(pk for e in events for pk, _, _ in e.headlines)
    read: dict[int, tuple[str, str | None, dict | None]] = {}
    for start in range(0, len(wanted), BATCH):
        rows = Article.objects.filter(id__in=wanted[start : start + BATCH]).values_list(
            "id",
            Substr("body_text", 1, OPENING_CHARS),
            KeyTransform("title", "analysis"),
            KeyTransform("title_vector", "analysis"),
        )
        read.update((pk, rest) for pk, *rest in rows)
    return read


def _event_texts(
    events: list[MemoryEvent], read: dict[int, tuple[str, str | None, dict | None]]
) -> dict[int, str]:
    """Set each event's title and return its summary, picked as service.refresh_event_text
    picks them: from the first reports by id, with their headlines' meaning vectors."""
    summaries = {}
    for event in events:
        candidates = []
        for pk, headline, report in event.headlines:
            opening, read_title, vector = read[pk]
            candidates.append(candidate(headline, opening, report.terms, read_title, vector))
        title, summaries[event.id] = title_and_summary(candidates, event.profile)
        if not event.title_locked:
            event.title = title
        event.title_stale = False
    return summaries


def _json(value: dict) -> str:
    return orjson.dumps(value).decode()


class _NoStyle:
    """sequence_reset_sql wants a `style`; plain SQL needs no colouring."""

    def __getattr__(self, name: str) -> Callable[[str], str]:
        return lambda text: text
