"""The home page: events by latest activity with their coverage, and reports not grouped yet.

The other reader pages live beside it: events.py, reports.py, outlets.py, search.py.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..browsing.pagecache import cached_page
from ..browsing.rows import attach_event_rows, attach_report_rows
from ..models import Article, Event

HOME_EVENTS = 20
HOME_UNASSIGNED = 10


@require_safe
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    events = list(Event.objects.with_reports().for_rows().latest_first()[:HOME_EVENTS])
    attach_event_rows(events)
    unassigned = list(Article.objects.for_rows().unassigned().latest_first()[:HOME_UNASSIGNED])
    attach_report_rows(unassigned)
    return render(request, "articles/home.html", {"events": events, "unassigned": unassigned})
