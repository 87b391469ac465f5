"""The home page: events by latest activity with their coverage, and reports not grouped yet.

The other reader pages live beside it: events.py, reports.py, outlets.py, search.py.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..browsing.pagecache import cached_page
from ..browsing.rows import event_rows, report_rows
from ..models import Article, Event

HOME_EVENTS = 20
HOME_UNASSIGNED = 10


@require_safe
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    events = event_rows(Event.objects.with_reports().latest_first()[:HOME_EVENTS])
    unassigned = report_rows(Article.objects.unassigned().latest_first()[:HOME_UNASSIGNED])
    return render(request, "articles/home.html", {"event_rows": events, "unassigned_rows": unassigned})
