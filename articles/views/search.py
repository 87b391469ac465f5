"""The search page: ranked reports for the words typed, grouped by event."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from ..browsing.fragments import cached_fragment
from ..browsing.pagecache import cached_page
from ..search import parse_query, rank, results_for
from ..search.query import MAX_QUERY_LENGTH

RESULTS_PER_PAGE = 50


class SearchForm(forms.Form):
    q = forms.CharField(label="Search reports", max_length=MAX_QUERY_LENGTH, required=False, strip=True)


@require_safe
@cached_page
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    results = None  # the rendered results, kept by what they show (search.Ranking)
    query = None
    message = ""
    if form.is_valid() and form.cleaned_data["q"]:
        query = parse_query(form.cleaned_data["q"])
        if query.is_empty:
            message = "Type at least one word: punctuation alone finds nothing."
        else:
            ranking = rank(query, limit=RESULTS_PER_PAGE)
            results = cached_fragment(
                "search-results",
                str(ranking),
                lambda: render_to_string("articles/_search_results.html", {"results": results_for(ranking)}),
            )
    context = {"form": form, "query": query, "results": results, "message": message}
    return render(request, "articles/search.html", context)
