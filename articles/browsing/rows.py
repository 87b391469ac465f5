"""The rows of the list pages (events, reports), through the row cache (fragments.py).

A view calls `attach_event_rows` / `attach_report_rows` on the page's objects; the templates'
`{% event_item %}` and `{% report_item %}` tags then print the attached row instead of building
it. Each row's key names every value the row shows, so the cache can never show an old row.
"""

from collections.abc import Hashable, Sequence

from django.utils.safestring import SafeString

from ..models import Article, Event, Source
from ..templatetags.browsing import event_item, report_item
from .coverage import STRIP_MAX_OUTLETS, attach_coverage_strips, outlets_by_event
from .fragments import cached_rows


def _outlet(source: Source) -> tuple[int, str, str]:
    return (source.pk, source.name, source.slug)


def attach_event_rows(events: Sequence[Event]) -> None:
    """Set `event.row` on each event: title, counts, dates and its coverage strip."""
    if not events:
        return
    reporters_by_event = outlets_by_event(event.pk for event in events)
    # The strip's cells follow every outlet in name order; past STRIP_MAX_OUTLETS there is none.
    every_outlet = list(Source.objects.order_by("name").values_list("pk", flat=True)[: STRIP_MAX_OUTLETS + 1])
    if len(every_outlet) > STRIP_MAX_OUTLETS:
        every_outlet = []

    def shown(event: Event) -> Hashable:
        reporters = reporters_by_event.get(event.pk, [])
        reported = {source.pk for source in reporters}
        return (
            event.pk,
            event.title,
            event.source_count,
            event.article_count,
            event.first_published_at,
            event.last_published_at,
            tuple(_outlet(source) for source in reporters),
            tuple(pk in reported for pk in every_outlet),
        )

    def render(missed: list[Event]) -> list[SafeString]:
        attach_coverage_strips(missed)
        return [event_item(event) for event in missed]

    for event, row in zip(events, cached_rows(events, kind="event", shown=shown, render=render), strict=True):
        event.row = row


def attach_report_rows(articles: Sequence[Article], *, show_event: bool = False) -> None:
    """Set `article.row` on each report: headline, outlet, time and (if asked) its event."""

    def shown(article: Article) -> Hashable:
        event = article.event if show_event and article.event_id else None
        return (
            article.pk,
            article.title,
            _outlet(article.source),
            article.published_at,
            show_event,
            (event.pk, event.title) if event else None,
        )

    def render(missed: list[Article]) -> list[SafeString]:
        return [report_item(article, show_event=show_event) for article in missed]

    rows = cached_rows(articles, kind="report", shown=shown, render=render)
    for article, row in zip(articles, rows, strict=True):
        article.row, article.row_show_event = row, show_event
