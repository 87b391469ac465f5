"""The rows of the list pages (events, reports), through the row cache (fragments.py).

A view hands `event_rows` / `report_rows` the ids of the page's rows, read from its list query
(`row_ids`, or fixedsql for a query whose SQL never changes); they return the rendered rows,
in order, which the templates print as they are. Each row's key names the version tokens (migration
0014) of everything the row shows (an event row its event's token, covering its row and its
reports, and the outlets' token; a report row its report's, its event's and the outlets'), and
model instances are built only for the rows not in the cache. Building every row's instances
(with their outlets and events joined) cost more than the rest of an uncached list page.

Order matters for correctness: ids, then tokens, then, for the rows that missed, their content.
Content read after its token is never older than the token names, so nothing stale is stored;
a write between the two only stores newer content under a key no later request reads.
"""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.safestring import SafeString, mark_safe

from ..models import Article, Event
from ..templatetags.browsing import event_item, report_item
from .coverage import attach_coverage_strips
from .fragments import cached_rows
from .pagecache import scope_tokens, versions_of


def joined(rows: list[SafeString]) -> SafeString:
    """The rows as one piece of markup for the template: a template loop printing 50 rows cost
    a fifth of an uncached list page."""
    return mark_safe("".join(rows))  # each row was built by format_html


def row_ids(rows: QuerySet, *columns: str) -> list[tuple]:
    """The `columns` of a list query's rows ("id", or "id" and "event_id" for report_rows)."""
    return list(rows.values_list(*columns))


def event_scopes(ids: Sequence[int]) -> list[str]:
    """The scopes (migration 0014) of what the events' rows show (with the outlets and the epoch
    that scope_tokens adds)."""
    return [f"event:{pk}" for pk in ids]


def report_scopes(pairs: Sequence[tuple[int, int | None]], *, show_event: bool = False) -> list[str]:
    """The scopes of what the reports' rows show, from (report id, event id) pairs."""
    events = {event_id for _, event_id in pairs if show_event and event_id}
    return [f"article:{pk}" for pk, _ in pairs] + [f"event:{pk}" for pk in sorted(events)]


@dataclass(frozen=True)
class ShownRows:
    """What a list page shows (its str() keys the page, see pagecache.cached_page's `shows`):
    its count (None when it shows none), the ids of its rows as its rows take them (see
    views.listing.RowListView.row_columns), and the tokens of everything those rows show, which
    the page renders its rows by."""

    count: int | None
    ids: tuple[tuple, ...]
    tokens: Mapping[str, str]

    def __str__(self) -> str:
        return f"rows|{self.count}|{self.ids}|{versions_of(self.tokens)}"


def event_rows(ids: Sequence[int], *, tokens: Mapping[str, str] | None = None) -> list[SafeString]:
    """Each event's row: title, counts, dates and its coverage strip. `tokens`: the rows'
    tokens as already read (see ShownRows), else read now."""
    if not ids:
        return []
    tokens = tokens or scope_tokens(event_scopes(ids))
    shared = (tokens["outlets"], tokens["epoch"])

    def shown(pk: int) -> Hashable:
        return (pk, tokens[f"event:{pk}"], shared)

    def render(missed: list[int]) -> list[SafeString | None]:
        found = Event.objects.for_rows().in_bulk(missed)
        attach_coverage_strips(list(found.values()))
        return [event_item(found[pk]) if pk in found else None for pk in missed]

    return cached_rows(ids, kind="event", shown=shown, render=render)


def report_rows(
    pairs: Sequence[tuple[int, int | None]],
    *,
    show_event: bool = False,
    tokens: Mapping[str, str] | None = None,
) -> list[SafeString]:
    """Each report's row, from (report id, event id) pairs: headline, outlet, time and (if
    asked) its event. `tokens`: as for event_rows."""
    if not pairs:
        return []
    tokens = tokens or scope_tokens(report_scopes(pairs, show_event=show_event))
    shared = (tokens["outlets"], tokens["epoch"])

    def shown(pair: tuple[int, int | None]) -> Hashable:
        pk, event_id = pair
        event = tokens[f"event:{event_id}"] if show_event and event_id else None
        return (pk, tokens[f"article:{pk}"], event_id if show_event else None, event, show_event, shared)

    def render(missed: list[tuple[int, int | None]]) -> list[SafeString | None]:
        found = Article.objects.for_rows().in_bulk([pk for pk, _ in missed])
        return [report_item(found[pk], show_event=show_event) if pk in found else None for pk, _ in missed]

    return cached_rows(pairs, kind="report", shown=shown, render=render)
