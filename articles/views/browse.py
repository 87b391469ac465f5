"""The home page: events by latest activity with their coverage, and reports not grouped yet.

The other reader pages live beside it: events.py, reports.py, outlets.py, search.py.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..browsing.fixedsql import fixed_rows
from ..browsing.pagecache import cached_page
from ..browsing.rows import event_rows, joined, report_rows
from ..models import Article, Event

HOME_EVENTS = 20
HOME_UNASSIGNED = 10


@require_safe
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    # The two queries never change: compiled once per process (fixedsql).
    events = fixed_rows(
        "home-events", lambda: Event.objects.with_reports().latest_first().values_list("id")[:HOME_EVENTS]
    )
    unassigned = fixed_rows(
        "home-unassigned",
        lambda: Article.objects.unassigned().latest_first().values_list("id", "event_id")[:HOME_UNASSIGNED],
    )
    context = {
        "event_rows": joined(event_rows([pk for (pk,) in events])),
        "unassigned_rows": joined(report_rows(unassigned)),
    }
    return render(request, "articles/home.html", context)
