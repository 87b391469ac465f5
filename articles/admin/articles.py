from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ..models import Article
from .grouping_actions import GroupingCorrectionsMixin


@admin.register(Article)
class ArticleAdmin(GroupingCorrectionsMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "source",
        "event_link",
        "published_at",
        "grouping_status",
        "word_count",
        "batch_link",
    ]
    list_filter = ["grouping_status", "language", "published_at", "created_at", "source", "outlet_assumed"]
    list_select_related = ["source", "event"]
    search_fields = ["title", "byline", "url", "source__name"]
    autocomplete_fields = ["source", "event"]
    date_hierarchy = "published_at"
    show_facets = admin.ShowFacets.NEVER  # counting every filter value is slow on large tables
    readonly_fields = [
        "body_html",
        "content_hash",
        "word_count",
        "batch",
        "created_at",
        "grouping_status",
        "grouping_score",
        "grouping_explanation",
        "analysis_version",
    ]
    exclude = ["analysis", "grouping_evidence"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        # The list never shows bodies or analysis: do not load them.
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name == "articles_article_changelist":
            queryset = queryset.defer("body_text", "body_html", "analysis", "grouping_evidence")
        return queryset

    @admin.display(description="Event", ordering="event__title")
    def event_link(self, obj: Article) -> SafeString | str:
        if obj.event_id is None:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.event.get_absolute_url(), obj.event.title)

    @admin.display(description="Import", ordering="batch_id")
    def batch_link(self, obj: Article) -> SafeString | str:
        if obj.batch_id is None:
            return "—"
        url = reverse("admin:articles_importbatch_change", args=[obj.batch_id])
        return format_html('<a href="{}">#{}</a>', url, obj.batch_id)
