"""Side-by-side comparison of two reports (issue: comparison). Filled in by the compare feature."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ..models import Article


def compare_view(request: HttpRequest, a: int, b: int) -> HttpResponse:
    left = get_object_or_404(Article.objects.select_related("source"), pk=a)
    right = get_object_or_404(Article.objects.select_related("source"), pk=b)
    return render(request, "articles/compare.html", {"a": left, "b": right})
