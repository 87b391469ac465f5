"""Events: the filtered list and the event page (who covered it, when, and who did not)."""

import hashlib
from collections.abc import Mapping

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from ..browsing.coverage import event_page_version
from ..browsing.pagecache import cached_page, page_version
from ..browsing.pages import EventPage
from ..browsing.rows import event_rows, event_scopes
from ..filters import EventFilter
from ..models import Event, MergedEvent
from .listing import RowListView


class EventListView(RowListView):
    filterset_class = EventFilter
    queryset = Event.objects.with_reports().latest_first()
    template_name = "articles/event_list.html"
    paginate_by = 30

    def rows(self, ids: list[tuple], *, tokens: Mapping[str, str] | None = None) -> list[SafeString]:
        return event_rows([pk for (pk,) in ids], tokens=tokens)

    @classmethod
    def row_scopes(cls, ids: list[tuple]) -> list[str]:
        return event_scopes([pk for (pk,) in ids])


@require_safe
@cached_page(version=event_page_version, reuse_while_unwritten=True)
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # The content is kept under the state of everything it shows (event_page_version), so a
    # render whose content is cached runs none of EventPage's queries; the title outside it
    # comes with that state.
    version = page_version(request, event_page_version, pk=pk)
    if version.title is None:
        merged = get_object_or_404(MergedEvent.objects.select_related("into"), pk=pk)
        return HttpResponsePermanentRedirect(merged.into.get_absolute_url())
    content_key = f"{version}|{timezone.get_current_timezone_name()}"
    context = {
        "event_id": pk,
        "event_title": version.title,
        "page": EventPage(pk, not_covered=version.not_covered),
        "content_key": hashlib.sha256(content_key.encode()).hexdigest(),
    }
    return render(request, "articles/event_detail.html", context)
