"""Template helpers for the reader pages."""

from datetime import UTC, datetime

from django import template
from django.template.defaultfilters import date, pluralize, truncatewords
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from ..browsing.coverage import CoverageStrip
from ..models import Article, Event
from ..paths import path_for, path_of

register = template.Library()
# Filled and hollow rectangles: the difference is in the shape, not only the colour.
REPORTED = "\u25ae"
NOT_REPORTED = "\u25af"


@register.filter
def published(moment: datetime | None, time_known: bool = True) -> str:
    """A publication as pages show it: "3 May 2019, 14:05", or "3 May 2019" when the source
    gave only the day. The day is read in UTC, where it was stored: in a zone west of UTC
    its midnight would fall on the day before."""
    if moment is None:
        return ""
    if time_known:
        return date(timezone.localtime(moment), "j M Y, H:i")
    return date(moment.astimezone(UTC), "j M Y")


@register.filter
def published_iso(moment: datetime | None, time_known: bool = True) -> str:
    """The machine-readable form for <time datetime>: the date alone when no time was given."""
    if moment is None:
        return ""
    return moment.isoformat() if time_known else moment.astimezone(UTC).date().isoformat()


@register.simple_tag
def route(name: str, **kwargs: int | str) -> str:
    """{% url %} for a route with no argument or one (`{% route "articles:event-reports-feed"
    pk=event.pk %}`), without running reverse() on every render (articles.paths)."""
    if not kwargs:
        return path_of(name)
    ((kwarg, value),) = kwargs.items()
    return path_for(name, kwarg, value)


@register.simple_tag
def coverage_cells(coverage: CoverageStrip) -> SafeString:
    """The strip as one glyph per outlet, in the outlets' name order. Built in Python and kept to
    a few bytes: list pages draw thousands of cells, and a template loop with an element per cell
    was most of the page's rendering time and size. The strip is aria-hidden: the sentence beside
    it names the reporters."""
    return mark_safe("".join(REPORTED if cell.reported else NOT_REPORTED for cell in coverage.cells))


@register.simple_tag
def reporter_links(coverage: CoverageStrip) -> SafeString:
    if not coverage.reporters:
        return format_html("{}", "no outlet")
    return mark_safe(", ".join(coverage.links))  # each link is built by format_html


# List items, built in Python rather than by a template include per item: an include costs more
# than the rest of the item's work, and list pages render 20-50 of them on every cache miss. The
# markup is the one the list pages have always had (see the tests of the home and list pages).
_DAY_AND_TIME = "j M Y, H:i"


def _time(moment: datetime | None) -> SafeString:
    local = timezone.localtime(moment)
    return format_html('<time datetime="{}">{}</time>', date(local, "c"), date(local, _DAY_AND_TIME))


def report_item(article: Article, show_event: bool = False) -> SafeString:
    """A report's row on the list pages, rendered when the row cache (browsing.rows) misses it."""
    when = format_html(" · {}", _time(article.published_at)) if article.published_at else " · date unknown"
    event = ""
    if show_event and article.event_id and article.event:
        event = format_html(
            ' · in <a href="{}">{}</a>',
            article.event.get_absolute_url(),
            truncatewords(article.event.title, 12),
        )
    elif show_event and article.being_analysed:
        event = format_html(' · <span class="being-analysed">{}</span>', "being analysed")
    return format_html(
        '<li class="report-item">\n  <a href="{}">{}</a>\n'
        '  <span class="meta"><a href="{}">{}</a>{}{}</span>\n</li>',
        article.get_absolute_url(),
        article.title,
        article.source.get_absolute_url(),
        article.source.name,
        when,
        event,
    )


def event_item(event: Event) -> SafeString:
    """An event's row on the list pages, rendered when the row cache (browsing.rows) misses it."""
    dates = []
    if event.first_published_at:
        dates.append(format_html("· first {}", _time(event.first_published_at)))
    if event.last_published_at and event.last_published_at != event.first_published_at:
        dates.append(format_html("· latest {}", _time(event.last_published_at)))
    return format_html(
        '<li class="event-item">\n  <h3><a href="{}">{}</a></h3>\n  <p class="meta">\n'
        "    <strong>{}</strong> outlet{},\n    <strong>{}</strong> report{}\n    {}\n  </p>\n"
        '  <div class="coverage">\n    {}\n    <span class="reporters">Reported by {}</span>\n  </div>\n</li>',
        event.get_absolute_url(),
        event.title,
        event.source_count,
        pluralize(event.source_count),
        event.article_count,
        pluralize(event.article_count),
        mark_safe(" ".join(dates)),  # built by format_html above
        format_html('<span class="strip" aria-hidden="true">{}</span>', coverage_cells(event.coverage))
        if event.coverage.cells
        else "",
        reporter_links(event.coverage),
    )
