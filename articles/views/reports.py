"""Reports (articles): the filtered list and the article page."""

import hashlib
from collections.abc import Mapping

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from ..browsing.pagecache import cached_page, page_version, scope_versions
from ..browsing.pages import ArticlePage
from ..browsing.rows import report_rows, report_scopes
from ..filters import ArticleFilter
from ..models import Article
from .listing import RowListView


class ArticleListView(RowListView):
    filterset_class = ArticleFilter
    queryset = Article.objects.latest_first()
    template_name = "articles/article_list.html"
    paginate_by = 50

    row_columns = ("id", "event_id")

    def rows(self, ids: list[tuple], *, tokens: Mapping[str, str] | None = None) -> list[SafeString]:
        return report_rows(ids, show_event=True, tokens=tokens)

    @classmethod
    def row_scopes(cls, ids: list[tuple]) -> list[str]:
        return report_scopes(ids, show_event=True)


def article_page_version(pk: int) -> str:
    """The article page shows the report, its outlet, its event's title and the event's other
    reports: the report's scope, its event's and the outlets' (migration 0014) cover them all."""
    return scope_versions([f"article:{pk}"], reports_events=[pk])


@require_safe
@cached_page(version=article_page_version)
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # The title (for the head) only; the rest is read inside the content fragment, kept under
    # the state of everything it shows (article_page_version).
    article = get_object_or_404(Article.objects.only("id", "title", "event_id"), pk=pk)
    state = f"{page_version(request, article_page_version, pk=pk)}|{timezone.get_current_timezone_name()}"
    context = {
        "article": article,
        "page": ArticlePage(pk),
        "content_key": hashlib.sha256(state.encode()).hexdigest(),
    }
    return render(request, "articles/article_detail.html", context)
