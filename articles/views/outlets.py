"""Outlets (sources): the list with counts, and one outlet's profile."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ..browsing.outlets import outlet_profile, outlets_with_counts
from ..browsing.pagecache import cached_page
from ..browsing.rows import joined, report_rows, row_ids
from ..models import Source

SUGGESTIONS = 20


@require_safe
@cached_page
def source_list(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/source_list.html", {"sources": outlets_with_counts()})


@require_safe
@cached_page
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source, slug=slug)
    profile = outlet_profile(source)
    rows = joined(report_rows(row_ids(profile.recent_reports, "id", "event_id"), show_event=True))
    return render(request, "articles/source_detail.html", {"profile": profile, "recent_rows": rows})


@require_safe
def source_suggestions(request: HttpRequest) -> JsonResponse:
    """Outlets whose name contains ?q=, for the outlet filter's autocomplete: a few at a time,
    so list pages need not carry every outlet in a giant <select>."""
    query = request.GET.get("q", "").strip()[:100]
    outlets = Source.objects.order_by("name").values("slug", "name")
    if query:
        outlets = outlets.filter(name__icontains=query)
    return JsonResponse({"items": list(outlets[:SUGGESTIONS])})
