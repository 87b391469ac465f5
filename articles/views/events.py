"""Events: the filtered list and the event page (who covered it, when, and who did not)."""

import hashlib

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_safe
from django_filters.views import FilterView

from ..browsing.coverage import (
    NOT_COVERED_MIN_SHARED,
    NOT_COVERED_WINDOW_DAYS,
    MissingOutlet,
    event_coverage,
    event_page_version,
)
from ..browsing.fragments import filter_form_key
from ..browsing.pagecache import cached_page
from ..browsing.rows import attach_event_rows
from ..browsing.timeline import TimelineReport, build_timeline
from ..comparisons import event_fact_table
from ..filters import EventFilter
from ..grouping.near_misses import Link
from ..models import Article, Event, MergedEvent


@method_decorator([require_safe, cached_page], name="dispatch")
class EventListView(FilterView):
    filterset_class = EventFilter
    queryset = Event.objects.with_reports().for_rows().latest_first()
    template_name = "articles/event_list.html"
    paginate_by = 30
    # Invalid filters show the form's errors over an empty list rather than everything.
    strict = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        attach_event_rows(context["object_list"])
        context["filter_form_key"] = filter_form_key(context["filter"], self.request.path)
        return context


def _content_key(
    event: Event, reports: list[Article], missing: list[MissingOutlet], fact_table: dict, links: list[Link]
) -> str:
    """A digest of everything the event page shows. The page cache is keyed by the database's
    version, which any write anywhere changes; this key changes only when this page would, so an
    import elsewhere costs this page its queries (a few ms) but not its rendering (most of it)."""
    shown = (
        (event.pk, event.title, event.summary, event.source_count, event.article_count),
        (event.first_published_at, event.last_published_at),
        [
            (
                r.pk,
                r.title,
                r.byline,
                r.published_at,
                r.published_time_known,
                r.why_here,
                r.source.slug,
            )
            for r in reports
        ],
        [(r.source_id, r.source.name) for r in reports],
        [(m.source.pk, m.source.name, m.source.slug, m.shared_events) for m in missing],
        [(link.event.pk, link.event.title, link.event.article_count, link.score) for link in links],
        (NOT_COVERED_WINDOW_DAYS, NOT_COVERED_MIN_SHARED, fact_table.get("cache_key")),
        timezone.get_current_timezone_name(),
    )
    return hashlib.sha256(repr(shown).encode()).hexdigest()


@require_safe
@cached_page(version=event_page_version)
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = Event.objects.filter(pk=pk).first()
    if event is None:
        merged = get_object_or_404(MergedEvent.objects.select_related("into"), pk=pk)
        return HttpResponsePermanentRedirect(merged.into.get_absolute_url())
    reports = list(event.articles.for_lists().order_by("source__name", "published_at", "id"))
    coverage = event_coverage(event, reports)
    timeline = build_timeline(
        [
            TimelineReport(
                report.source.name,
                report.published_at,
                report.title,
                report.get_absolute_url(),
                report.published_time_known,
            )
            for report in reports
            if report.published_at is not None
        ]
    )
    fact_table = event_fact_table(event)
    context = {
        "content_key": _content_key(event, reports, coverage.missing, fact_table, coverage.possibly_same),
        "possibly_same": coverage.possibly_same,
        "event": event,
        "reports": reports,
        "reporters": coverage.reporters,
        "undated_count": sum(1 for report in reports if report.published_at is None),
        # The event's span is shown as days when no report gave a time of day.
        "span_time_known": any(report.published_time_known for report in reports if report.published_at),
        "timeline": timeline,
        "missing_outlets": coverage.missing,
        "not_covered_window_days": NOT_COVERED_WINDOW_DAYS,
        "not_covered_min_shared": NOT_COVERED_MIN_SHARED,
        "fact_table": fact_table,
    }
    return render(request, "articles/event_detail.html", context)
