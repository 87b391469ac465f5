"""Side-by-side comparison of two reports, the picker that leads to it, and event exports."""

import csv

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from ..browsing.fragments import cached_fragment
from ..browsing.pagecache import cached_page, page_version, scope_versions
from ..comparisons import UnreadableReport, build_comparison, comparison_cache_key, event_fact_table
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
    # The content is kept under the state of both reports and the outlets
    # (comparison_page_version) and built only when it is not cached; the page's title needs
    # the outlets' names, taken from the reports built, or else read alone.
    state = page_version(request, comparison_page_version, a=a, b=b)
    built: dict[int, Article] = {}
    try:
        content = cached_fragment("compare-page", state, lambda: _comparison_content(request, a, b, built))
    except UnreadableReport as error:
        # Not cached (only 200s are): a clear page now, the comparison once the report reads.
        return render(request, "articles/compare_unreadable.html", {"report": error.article}, status=422)
    if built:
        outlets = {pk: article.source.name for pk, article in built.items()}
    else:
        outlets = dict(Article.objects.filter(pk__in=[a, b]).values_list("pk", "source__name"))
        if a not in outlets or b not in outlets:
            raise Http404("No such report.")
    context = {"a": {"outlet": outlets[a]}, "b": {"outlet": outlets[b]}, "content": content}
    return render(request, "articles/compare.html", context)


def _comparison_content(request: HttpRequest, a: int, b: int, built: dict[int, Article]) -> str:
    # The stored analyses and bodies are large and needed only when the comparison is not cached
    # yet; build_comparison loads them then.
    articles = (
        Article.objects.select_related("source", "event")
        .defer("body_text", "body_html", "analysis", "grouping_evidence")
        .in_bulk([a, b])
    )
    if a not in articles or b not in articles:
        raise Http404("No such report.")
    built.update(articles)
    left, right = articles[a], articles[b]
    comparison = build_comparison(left, right)
    context = comparison_page(left, right, comparison, comparison_cache_key(left, right))
    return render_to_string("articles/_compare_content.html", context, request)


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
