"""The home page: events by latest activity with their coverage, and reports not grouped yet.

The other reader pages live beside it: events.py, reports.py, outlets.py, search.py.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..browsing.fixedsql import fixed_rows
from ..browsing.pagecache import cached_page, scope_tokens
from ..browsing.rows import ShownRows, event_rows, event_scopes, joined, report_rows, report_scopes
from ..models import Article, Event

HOME_EVENTS = 20
HOME_UNASSIGNED = 10


def home_shows(request: HttpRequest) -> ShownRows:
    """What the home page shows: the latest events and the latest reports not yet grouped (the
    two queries never change, so they are compiled once per process, fixedsql), then the tokens
    of those rows. A write that leaves both lists as they were leaves the page cached."""
    events = fixed_rows(
        "home-events", lambda: Event.objects.with_reports().latest_first().values_list("id")[:HOME_EVENTS]
    )
    unassigned = fixed_rows(
        "home-unassigned",
        lambda: Article.objects.unassigned().latest_first().values_list("id", "event_id")[:HOME_UNASSIGNED],
    )
    ids = ((tuple(pk for (pk,) in events)), tuple(unassigned))
    tokens = scope_tokens([*event_scopes(ids[0]), *report_scopes(ids[1])])
    return ShownRows(None, ids, tokens)


@require_safe
@cached_page(shows=home_shows)
def home(request: HttpRequest) -> HttpResponse:
    # The rows the page cache read (page_version), so that the page stored under its key shows
    # exactly what the key names; read now when the page cache is off.
    shown = getattr(request, "page_version", None) or home_shows(request)
    events, unassigned = shown.ids
    context = {
        "event_rows": joined(event_rows(events, tokens=shown.tokens)),
        "unassigned_rows": joined(report_rows(unassigned, tokens=shown.tokens)),
    }
    return render(request, "articles/home.html", context)
