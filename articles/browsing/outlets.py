"""An outlet's profile: what it reported, what only it reported, whom it reports alongside."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet

from ..models import Article, Event, Source

PROFILE_LIST_LENGTH = 10


@dataclass(frozen=True)
class SharedOutlet:
    source: Source
    shared_events: int


@dataclass(frozen=True)
class OutletProfile:
    source: Source
    report_count: int
    event_count: int
    # Sliced, not read: the page reads only their ids and renders them through the row cache.
    recent_reports: QuerySet[Article]
    solo_events: list[Event]
    shares_with: list[SharedOutlet]


def outlets_with_counts() -> QuerySet[Source]:
    """Every outlet with its numbers of reports and of events (one query)."""
    return Source.objects.annotate(
        report_count=Count("articles", distinct=True),
        event_count=Count("articles__event", distinct=True),
    ).order_by("name")


def outlet_profile(source: Source) -> OutletProfile:
    reports = Article.objects.filter(source=source)
    counts = reports.aggregate(reports=Count("id"), events=Count("event", distinct=True))
    recent = reports.for_rows().latest_first()[:PROFILE_LIST_LENGTH]
    # Events only this outlet covered: one outlet in total, and it is this one.
    solo = list(
        Event.objects.filter(source_count=1)
        .filter(Exists(Article.objects.filter(event=OuterRef("pk"), source=source)))
        .latest_first()[:PROFILE_LIST_LENGTH]
    )
    its_events = reports.filter(event__isnull=False).values("event_id")
    shared_rows = (
        Article.objects.filter(event_id__in=its_events)
        .exclude(source=source)
        .order_by()
        .values("source_id")
        .annotate(shared=Count("event_id", distinct=True))
        .order_by("-shared", "source_id")[:PROFILE_LIST_LENGTH]
    )
    counts_by_outlet = {row["source_id"]: row["shared"] for row in shared_rows}
    outlets = Source.objects.in_bulk(list(counts_by_outlet))
    shares_with = [SharedOutlet(outlets[pk], n) for pk, n in counts_by_outlet.items() if pk in outlets]
    return OutletProfile(
        source=source,
        report_count=counts["reports"],
        event_count=counts["events"],
        recent_reports=recent,
        solo_events=solo,
        shares_with=shares_with,
    )
