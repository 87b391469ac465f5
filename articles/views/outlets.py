"""Outlets (sources): the list with counts, and one outlet's profile."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ..browsing.outlets import outlet_profile, outlets_with_counts
from ..browsing.pagecache import cached_page
from ..models import Source


@require_safe
@cached_page
def source_list(request: HttpRequest) -> HttpResponse:
    return render(request, "articles/source_list.html", {"sources": outlets_with_counts()})


@require_safe
@cached_page
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source, slug=slug)
    return render(request, "articles/source_detail.html", {"profile": outlet_profile(source)})
