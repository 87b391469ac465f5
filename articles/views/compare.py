"""Side-by-side comparison of two reports, the picker that leads to it, and event exports."""

import csv

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from ..browsing.pagecache import cached_page, scope_versions
from ..comparisons import build_comparison, comparison_cache_key, event_fact_table
from ..export import fact_table_csv_rows, fact_table_json
from ..forms import ComparePickForm
from ..models import Article, Event
from ..presenting import comparison_page


def comparison_page_version(a: int, b: int) -> str:
    """A comparison shows the two reports and their outlets, nothing of their events: a report
    joining either event leaves it as it was."""
    return scope_versions([f"article:{a}", f"article:{b}"])


@require_GET
@cached_page(version=comparison_page_version)
def compare_view(request: HttpRequest, a: int, b: int) -> HttpResponse:
    # The stored analyses and bodies are large and needed only when the comparison is not cached
    # yet; build_comparison loads them then.
    articles = (
        Article.objects.select_related("source", "event")
        .defer("body_text", "body_html", "analysis", "grouping_evidence")
        .in_bulk([a, b])
    )
    left = articles.get(a) or get_object_or_404(Article, pk=a)
    right = articles.get(b) or get_object_or_404(Article, pk=b)
    comparison = build_comparison(left, right)
    context = comparison_page(left, right, comparison, comparison_cache_key(left, right))
    return render(request, "articles/compare.html", context)


@require_GET
def compare_pick(request: HttpRequest) -> HttpResponse:
    """The picker's target: redirect to /compare/<a>/<b>/, or show the picker with its errors."""
    context: dict = {"reports": [], "event": None, "fact_table": None}
    if "event" in request.GET and request.GET["event"].isdigit():
        event = get_object_or_404(Event, pk=int(request.GET["event"]))
        context["event"] = event
        context["reports"] = list(event.articles.for_lists().order_by("source__name", "published_at", "id"))
        context["fact_table"] = event_fact_table(event)
    if "a" not in request.GET and "b" not in request.GET:
        return render(request, "articles/compare_pick.html", {**context, "form": ComparePickForm()})
    form = ComparePickForm(request.GET)
    if form.is_valid():
        return redirect("articles:compare", a=form.cleaned_data["a"], b=form.cleaned_data["b"])
    return render(request, "articles/compare_pick.html", {**context, "form": form}, status=400)


@require_GET
def event_export_json(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    data = fact_table_json(event, event_fact_table(event))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-comparison.json"'
    return response


@require_GET
def event_export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-comparison.csv"'
    writer = csv.writer(response)
    writer.writerows(fact_table_csv_rows(event_fact_table(event)))
    return response
