"""Who covered which event: coverage strips for lists, and the "not covered by" rule."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ..grouping.near_misses import Link, links_of
from ..models import Article, Event, Source

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


def event_coverage(event: Event, reports: Sequence[Article]) -> EventCoverage:
    """The event page's and the event API's account of its coverage (reports with sources)."""
    reporters = list({report.source_id: report.source for report in reports}.values())
    possibly_same = links_of(event.pk)
    missing = not_covered_by(event, reporters, [link.event.pk for link in possibly_same])
    return EventCoverage(reporters, possibly_same, missing)


def not_covered_by(
    event: Event, reporters: Sequence[Source], related_event_ids: Sequence[int] = ()
) -> list[MissingOutlet]:
    """Outlets that usually cover what this event's outlets cover, but have no report of it,
    nor of any event possibly the same story (related_event_ids): grouping may have split one
    story in two, and an outlet whose report sits in the other half did cover it."""
    if not reporters or event.last_published_at is None:
        return []
    window_end = event.last_published_at
    window_start = window_end - dt.timedelta(days=NOT_COVERED_WINDOW_DAYS)
    reporter_ids = [source.pk for source in reporters]
    # Events active in the window that one of this event's outlets reported. Starting from the
    # events (few, indexed by date) rather than from the reports (many) keeps this a few ms at 100k.
    shared_events = (
        Event.objects.filter(last_published_at__gte=window_start, first_published_at__lte=window_end)
        .filter(Exists(Article.objects.filter(event=OuterRef("pk"), source_id__in=reporter_ids)))
        .values("pk")
    )
    rows = (
        Article.objects.filter(event_id__in=shared_events)
        .exclude(event_id=event.pk)
        .exclude(source_id__in=reporter_ids)
        .exclude(
            source_id__in=Article.objects.filter(event_id__in=list(related_event_ids)).values("source_id")
        )
        .order_by()
        .values("source_id")
        .annotate(shared=Count("event_id", distinct=True))
        .filter(shared__gte=NOT_COVERED_MIN_SHARED)
        .order_by("-shared", "source_id")[:NOT_COVERED_LIMIT]
    )
    counts = {row["source_id"]: row["shared"] for row in rows}
    outlets = Source.objects.in_bulk(list(counts))
    return [MissingOutlet(outlets[pk], shared) for pk, shared in counts.items() if pk in outlets]
