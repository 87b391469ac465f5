"""What the event and article pages show, computed only when their content is not cached.

Each page's content is kept under its version (event_page_version: the event's version tokens
and the "not covered by" result; article_page_version: the report's, its event's and the
outlets' tokens), which the view reads in one to three small queries. Every part the content
shows (reports, timeline, fact table, links, missing outlets, the body) is a cached property
here, which the template reads only inside its `{% cache %}` block: on a cache hit none of it
runs.
"""

from functools import cached_property

from ..comparisons import event_fact_table
from ..models import Article, Event
from .coverage import (
    NOT_COVERED_MIN_SHARED,
    NOT_COVERED_WINDOW_DAYS,
    EventCoverage,
    NotCoveredCounts,
    event_coverage,
)
from .timeline import Timeline, TimelineReport, build_timeline


class EventPage:
    not_covered_window_days = NOT_COVERED_WINDOW_DAYS
    not_covered_min_shared = NOT_COVERED_MIN_SHARED

    def __init__(self, pk: int, *, not_covered: NotCoveredCounts | None = None) -> None:
        self.pk = pk
        self.not_covered = not_covered  # as the page's key named it (EventPageVersion)

    @cached_property
    def event(self) -> Event:
        return Event.objects.get(pk=self.pk)

    @cached_property
    def reports(self) -> list[Article]:
        return list(self.event.articles.for_lists().order_by("source__name", "published_at", "id"))

    @cached_property
    def coverage(self) -> EventCoverage:
        return event_coverage(self.event, self.reports, not_covered=self.not_covered)

    @cached_property
    def timeline(self) -> Timeline | None:
        return build_timeline(
            [
                TimelineReport(
                    report.source.name,
                    report.published_at,
                    report.title,
                    report.get_absolute_url(),
                    report.published_time_known,
                )
                for report in self.reports
                if report.published_at is not None
            ]
        )

    @cached_property
    def fact_table(self) -> dict:
        return event_fact_table(self.event)

    @property
    def undated_count(self) -> int:
        return sum(1 for report in self.reports if report.published_at is None)

    @property
    def span_time_known(self) -> bool:
        """The event's span is shown as days when no report gave a time of day."""
        return any(report.published_time_known for report in self.reports if report.published_at)


class ArticlePage:
    """What the article page shows inside its cached content: loaded only when that content is
    not in the cache (the body and the event's other reports are most of the page's cost)."""

    def __init__(self, pk: int) -> None:
        self.pk = pk

    @cached_property
    def article(self) -> Article:
        return Article.objects.select_related("source", "event").defer("analysis").get(pk=self.pk)

    @cached_property
    def others(self) -> list[Article]:
        if self.article.event_id is None:
            return []
        return list(
            Article.objects.for_lists()
            .filter(event_id=self.article.event_id)
            .exclude(pk=self.pk)
            .order_by("source__name", "published_at", "id")
        )
