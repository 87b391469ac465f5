"""The search page: ranked reports for the words typed, grouped by event."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from ..browsing.fragments import cached_fragment
from ..browsing.pagecache import cached_page
from ..search import Ranking, parse_query, rank, results_for
from ..search.query import MAX_QUERY_LENGTH

RESULTS_PER_PAGE = 50


class SearchForm(forms.Form):
    q = forms.CharField(label="Search reports", max_length=MAX_QUERY_LENGTH, required=False, strip=True)


def search_shows(request: HttpRequest) -> Ranking | None:
    """What a search page shows: its ranking (which reports, in which order, how many match, and
    their tokens; see search.Ranking), so that a write that leaves the ranking as it was (most
    imports: a new report rarely ranks among the first for a given search) leaves the page
    cached. None for a page with no search to run (no words, or a form error): those are
    keyed by the site-wide token."""
    form = SearchForm(request.GET)
    if not (form.is_valid() and form.cleaned_data["q"]):
        return None
    query = parse_query(form.cleaned_data["q"])
    return None if query.is_empty else rank(query, limit=RESULTS_PER_PAGE)


@require_safe
@cached_page(shows=search_shows)
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
            # The ranking the page cache read (its key), so that the page stored under it shows
            # exactly that ranking; ranked now when the page cache is off.
            ranking = getattr(request, "page_version", None)
            if not isinstance(ranking, Ranking):
                ranking = rank(query, limit=RESULTS_PER_PAGE)
            results = cached_fragment(
                "search-results",
                str(ranking),
                lambda: render_to_string("articles/_search_results.html", {"results": results_for(ranking)}),
            )
    context = {"form": form, "query": query, "results": results, "message": message}
    return render(request, "articles/search.html", context)
