"""The rows of the list pages (events, reports), through the row cache (fragments.py).

A view calls `attach_event_rows` / `attach_report_rows` on the page's objects; the templates'
`{% event_item %}` and `{% report_item %}` tags then print the attached row instead of building
it. Each row's key names the version tokens (migration 0014) of everything the row shows: an
event row its event's token (its row and its reports) and the outlets' token; a report row its
report's, its event's and the outlets'. Those change in the same transaction as any write to
what the row shows, so the cache can never show an old row, and a row costs nothing to look up:
one query for the tokens of the whole page, against two queries and hundreds of (event, outlet)
pairs turned into objects to name the values each row shows.
"""

from collections.abc import Hashable, Sequence

from django.utils.safestring import SafeString

from ..models import Article, Event
from ..templatetags.browsing import event_item, report_item
from .coverage import attach_coverage_strips
from .fragments import cached_rows
from .pagecache import scope_tokens


def attach_event_rows(events: Sequence[Event]) -> None:
    """Set `event.row` on each event: title, counts, dates and its coverage strip."""
    if not events:
        return
    tokens = scope_tokens([f"event:{event.pk}" for event in events])
    shared = (tokens["outlets"], tokens["epoch"])

    def shown(event: Event) -> Hashable:
        return (event.pk, tokens[f"event:{event.pk}"], shared)

    def render(missed: list[Event]) -> list[SafeString]:
        attach_coverage_strips(missed)
        return [event_item(event) for event in missed]

    for event, row in zip(events, cached_rows(events, kind="event", shown=shown, render=render), strict=True):
        event.row = row


def attach_report_rows(articles: Sequence[Article], *, show_event: bool = False) -> None:
    """Set `article.row` on each report: headline, outlet, time and (if asked) its event."""
    if not articles:
        return
    events = {article.event_id for article in articles if show_event and article.event_id}
    tokens = scope_tokens(
        [f"article:{article.pk}" for article in articles] + [f"event:{pk}" for pk in sorted(events)]
    )
    shared = (tokens["outlets"], tokens["epoch"])

    def shown(article: Article) -> Hashable:
        event = tokens[f"event:{article.event_id}"] if show_event and article.event_id else None
        return (article.pk, tokens[f"article:{article.pk}"], event, show_event, shared)

    def render(missed: list[Article]) -> list[SafeString]:
        return [report_item(article, show_event=show_event) for article in missed]

    rows = cached_rows(articles, kind="report", shown=shown, render=render)
    for article, row in zip(articles, rows, strict=True):
        article.row, article.row_show_event = row, show_event
