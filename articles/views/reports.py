"""Reports (articles): the filtered list and the article page."""

import hashlib

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_safe
from django_filters.views import FilterView

from ..browsing.fragments import filter_form_key
from ..browsing.pagecache import cached_page, scope_versions
from ..browsing.rows import attach_report_rows
from ..filters import ArticleFilter
from ..models import Article


@method_decorator([require_safe, cached_page], name="dispatch")
class ArticleListView(FilterView):
    filterset_class = ArticleFilter
    queryset = Article.objects.for_rows().latest_first()
    template_name = "articles/article_list.html"
    paginate_by = 50
    strict = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["object_list"] = list(context["object_list"])
        attach_report_rows(context["object_list"], show_event=True)
        context["filter_form_key"] = filter_form_key(context["filter"], self.request.path)
        return context


def _content_key(article: Article, others: list[Article]) -> str:
    """A digest of everything the article page shows (as the event page's, see events.py): the
    page cache is keyed by the database's version, which any import changes; this key changes
    only when this page would, so a write elsewhere costs the page its queries, not its
    rendering (the body, the list of other reports and the comparison links)."""
    source, event = article.source, article.event
    shown = (
        (article.pk, article.title, article.byline, article.url, article.word_count, article.why_here),
        (article.published_at, article.published_time_known, article.body_html, article.body_text),
        (source.pk, source.name, source.slug),
        (event.pk, event.title) if event else None,
        [(o.pk, o.title, o.published_at, o.source.name, o.source.slug) for o in others],
        timezone.get_current_timezone_name(),
    )
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def article_page_version(pk: int) -> str:
    """The article page shows the report, its outlet, its event's title and the event's other
    reports: the report's scope, its event's and the outlets' (migration 0014) cover them all."""
    return scope_versions([f"article:{pk}"], reports_events=[pk])


@require_safe
@cached_page(version=article_page_version)
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("source", "event").defer("analysis"), pk=pk)
    others = []
    if article.event_id is not None:
        others = list(
            Article.objects.for_lists()
            .filter(event_id=article.event_id)
            .exclude(pk=article.pk)
            .order_by("source__name", "published_at", "id")
        )
    context = {"article": article, "others": others, "content_key": _content_key(article, others)}
    return render(request, "articles/article_detail.html", context)
