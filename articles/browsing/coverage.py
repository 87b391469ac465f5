"""Who covered which event: coverage strips for lists, and the "not covered by" rule."""

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ..grouping.near_misses import Link, links_of
from ..models import Article, Event, Source
from .pagecache import ProcessMemo, read_rows, scope_tokens, scope_versions, versions_of

# A strip draws one cell per outlet; past this many outlets it only lists those who reported.
STRIP_MAX_OUTLETS = 60

# "Not covered by": outlets that shared at least NOT_COVERED_MIN_SHARED events with this event's
# outlets in the NOT_COVERED_WINDOW_DAYS before its latest report, yet did not report it.
NOT_COVERED_WINDOW_DAYS = 90
NOT_COVERED_MIN_SHARED = 3
NOT_COVERED_LIMIT = 10


@dataclass(frozen=True)
class StripCell:
    name: str
    slug: str
    reported: bool


@dataclass(frozen=True)
class CoverageStrip:
    reporters: list[Source]  # outlets that reported the event, by name
    cells: list[StripCell]  # one per outlet on the site (empty when there are too many outlets)
    links: list[SafeString]  # a link to each reporter's page, in the same order


def _outlet_link(source: Source) -> SafeString:
    return format_html('<a href="{}">{}</a>', source.get_absolute_url(), source.name)


def outlets_by_event(event_ids: Iterable[int]) -> dict[int, list[Source]]:
    """The outlets that reported each event, in one query over the (event, source) index."""
    ids = list(event_ids)
    result: dict[int, list[Source]] = {event_id: [] for event_id in ids}
    if not ids:
        return result
    outlets = {source.pk: source for source in Source.objects.only("id", "name", "slug")}
    pairs = (
        Article.objects.filter(event_id__in=ids).order_by().values_list("event_id", "source_id").distinct()
    )
    for event_id, source_id in pairs:
        result[event_id].append(outlets[source_id])
    for reporters in result.values():
        reporters.sort(key=lambda source: source.name.casefold())
    return result


def attach_coverage_strips(events: Sequence[Event]) -> None:
    """Set `event.coverage` on each event of a page (two queries for the whole page)."""
    reporters_by_event = outlets_by_event(event.pk for event in events)
    every_outlet: list[Source] = []
    if reporters_by_event:
        every_outlet = list(Source.objects.only("id", "name", "slug")[: STRIP_MAX_OUTLETS + 1])
    if len(every_outlet) > STRIP_MAX_OUTLETS:
        every_outlet = []
    # A page names the same few outlets hundreds of times: build each one's link once.
    links: dict[int, SafeString] = {}
    for event in events:
        reporters = reporters_by_event.get(event.pk, [])
        reported = {source.pk for source in reporters}
        cells = [StripCell(source.name, source.slug, source.pk in reported) for source in every_outlet]
        event_links = [links.get(s.pk) or links.setdefault(s.pk, _outlet_link(s)) for s in reporters]
        event.coverage = CoverageStrip(reporters=reporters, cells=cells, links=event_links)


# The "not covered by" rule's result: (outlet id, events shared) pairs, most shared first.
type NotCoveredCounts = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class MissingOutlet:
    source: Source
    shared_events: int


@dataclass(frozen=True)
class EventCoverage:
    """Who reported an event, the events possibly the same story, and who is missing."""

    reporters: list[Source]
    possibly_same: list[Link]
    missing: list[MissingOutlet]


def event_coverage(
    event: Event, reports: Sequence[Article], *, not_covered: NotCoveredCounts | None = None
) -> EventCoverage:
    """The event page's and the event API's account of its coverage (reports with sources);
    `not_covered`: the rule's result as already read (see EventPageVersion)."""
    reporters = list({report.source_id: report.source for report in reports}.values())
    possibly_same = links_of(event.pk)
    return EventCoverage(reporters, possibly_same, not_covered_by(event, counts=not_covered))


# The "not covered by" rule in one statement, from the event's id and its window alone: the
# outlets that reported it and the events linked to it as possibly the same story are read by
# subqueries. Built through the ORM it cost four queries' worth of Python (about 4 ms a view,
# a fifth of the event page); this way it is one query, and the event page's cache key can name
# its result (event_page_version), which is read again only when its inputs change.
# Events active in the window that one of this event's outlets reported: starting from the
# events (few, indexed by date) rather than from the reports (many) keeps this a few ms at 100k.
NOT_COVERED_SQL = """
SELECT a.source_id, COUNT(DISTINCT a.event_id) AS shared
FROM articles_article a
WHERE a.event_id IN (
        SELECT e.id FROM articles_event e
        WHERE e.last_published_at >= %s AND e.first_published_at <= %s AND e.id <> %s
          AND EXISTS (
              SELECT 1 FROM articles_article r
              WHERE r.event_id = e.id
                AND r.source_id IN (SELECT source_id FROM articles_article WHERE event_id = %s)))
  AND a.source_id NOT IN (SELECT source_id FROM articles_article WHERE event_id = %s)
  AND a.source_id NOT IN (
        SELECT source_id FROM articles_article WHERE event_id IN (
            SELECT event_b_id FROM articles_possiblysame WHERE event_a_id = %s
            UNION SELECT event_a_id FROM articles_possiblysame WHERE event_b_id = %s))
GROUP BY a.source_id
HAVING COUNT(DISTINCT a.event_id) >= %s
ORDER BY shared DESC, a.source_id
LIMIT %s
"""


def _not_covered_params(event_id: int, window_start: object, window_end: object) -> list[object]:
    return [window_start, window_end, *[event_id] * 5, NOT_COVERED_MIN_SHARED, NOT_COVERED_LIMIT]


def not_covered_by(event: Event, *, counts: NotCoveredCounts | None = None) -> list[MissingOutlet]:
    """Outlets that usually cover what this event's outlets cover, but have no report of it,
    nor of any event possibly the same story: grouping may have split one story in two, and an
    outlet whose report sits in the other half did cover it. `counts`: the rule's result as
    already read, (outlet id, shared events) pairs, instead of reading it again."""
    if counts is None:
        if event.last_published_at is None:
            return []
        counts = _not_covered_counts(
            event.pk, connection.ops.adapt_datetimefield_value(event.last_published_at)
        )
    outlets = Source.objects.in_bulk([pk for pk, _ in counts])
    return [MissingOutlet(outlets[pk], shared) for pk, shared in counts if pk in outlets]


# The event's title (shown outside its cached content) comes with its window's end, so that a
# render whose content is cached reads no Event row through the ORM: that cost a third of it.
# The event's and the epoch's tokens come in the same statement, so that the three name one state.
WINDOW_END_SQL = (
    "SELECT e.last_published_at, e.title,"
    " (SELECT token FROM articles_page_version WHERE scope = 'event:' || e.id),"
    " (SELECT token FROM articles_page_version WHERE scope = 'epoch')"
    " FROM articles_event e WHERE e.id = %s"
)


@dataclass(frozen=True)
class EventPageVersion:
    """The state of everything the event page shows (its str() keys the page and its content),
    with the "not covered by" result it names: the page renders that result, not a second
    reading of it, so that what is stored under a key is exactly what the key names even when
    a write lands between the two (counts, unlike tokens, can return to an earlier value).
    `title`: the event's title, None when there is no such event; its changes change the
    event's token, so the key needs no more."""

    state: str
    not_covered: NotCoveredCounts
    title: str | None = None

    def __str__(self) -> str:
        return self.state


def report_weeks(window_end: object) -> list[str]:
    """The week scopes (migration 0016) that the "not covered by" window ending at `window_end`
    touches, the database's value as read (naive UTC text on SQLite, a datetime on PostgreSQL).
    A week is (Julian day number - 1) // 7 of the UTC date, as the triggers count it."""
    if isinstance(window_end, str):
        end = dt.date.fromisoformat(window_end[:10])
    elif isinstance(window_end, dt.datetime) and window_end.tzinfo is not None:
        end = window_end.astimezone(dt.UTC).date()
    else:
        end = window_end.date()  # naive UTC
    start = end - dt.timedelta(days=NOT_COVERED_WINDOW_DAYS)
    return [f"week:{n}" for n in range(_week(start), _week(end) + 1)]


def _week(day: dt.date) -> int:
    # date.toordinal() + 1721424 is the Julian day number less one (positive for every date).
    return (day.toordinal() + 1721424) // 7


# The rule's results this process has read, by a digest of the tokens of everything they depend
# on (see event_page_version): about 200 bytes an entry.
_rule_results: ProcessMemo[bytes, NotCoveredCounts] = ProcessMemo(10_000)

# Each event's window end and title as this process last read them, with the event's and the
# epoch's tokens of that reading: while both tokens stand, the row is as read (any change to it
# changes the event's token; a bulk write with the triggers off changes the epoch's).
_windows: ProcessMemo[int, tuple[str, str, object, str | None]] = ProcessMemo(20_000)


def event_page_version(pk: int) -> EventPageVersion:
    """The event's own scopes (its row, its reports, its links, the outlets; see migration 0014)
    and the result of the "not covered by" rule, which depends on other events' reports and so
    on no scope of its own. The result is read again only when the tokens of its inputs change:
    the event's scopes, those of the events linked to it, and those of the weeks its window
    touches (migration 0016), read in the same query. The weeks follow from the window's end,
    a column of the event's row, which this process keeps while the event's token stands: so
    after a write elsewhere the whole version is one query (two the first time, or after the
    event changed); after a write in the window, the rule too (1 to 2.5 ms on PostgreSQL)."""
    event = f"event:{pk}"
    known = _windows.get(pk)
    if known is not None:
        event_token, epoch_token, window_end, title = known
        tokens = scope_tokens([event, *_weeks_of(window_end)], linked_to=pk)
        if (tokens[event], tokens["epoch"]) != (event_token, epoch_token):
            known = None
    if known is None:
        rows = read_rows(WINDOW_END_SQL, [pk])
        if not rows:
            return EventPageVersion(f"{scope_versions([event])}|no-window|False", (), None)
        window_end, title, event_token, epoch_token = rows[0]
        tokens = scope_tokens([event, *_weeks_of(window_end)], linked_to=pk)
        # Kept only when nothing changed between the two reads: the tokens must name the row read.
        if (tokens[event], tokens["epoch"]) == (event_token or "none", epoch_token or "none"):
            _windows.put(pk, (tokens[event], tokens["epoch"], window_end, title))
    versions = versions_of({name: tokens[name] for name in (event, "outlets", "epoch")})
    if window_end is None:
        return EventPageVersion(f"{versions}|no-window|True", (), title)
    # The event's id too: two linked events read the same scopes and may share a window's end,
    # but not the rule's result.
    named = f"{pk}|{window_end}|{versions_of(tokens)}"
    inputs = hashlib.sha256(named.encode()).digest()
    counts = _rule_results.get(inputs)
    if counts is None:
        # Read after the tokens: the result is at least as new as the state they name.
        counts = _not_covered_counts(pk, window_end)
        _rule_results.put(inputs, counts)
    return EventPageVersion(f"{versions}|{window_end}|{counts}", counts, title)


def _weeks_of(window_end: object) -> list[str]:
    return [] if window_end is None else report_weeks(window_end)


def _not_covered_counts(pk: int, window_end: object) -> NotCoveredCounts:
    """The rule's result for event `pk`, whose window ends at `window_end` as the database
    holds it: the stored text on SQLite (naive UTC, as Django writes it), a datetime on
    PostgreSQL."""
    if isinstance(window_end, str):
        window_start = str(dt.datetime.fromisoformat(window_end) - dt.timedelta(days=NOT_COVERED_WINDOW_DAYS))
    else:
        window_start = window_end - dt.timedelta(days=NOT_COVERED_WINDOW_DAYS)
    rows = read_rows(NOT_COVERED_SQL, _not_covered_params(pk, window_start, window_end))
    return tuple((source, shared) for source, shared in rows)
