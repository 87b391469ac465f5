from django.contrib import admin
from django.utils.html import format_html

from ..models import Article
from .grouping_actions import GroupingCorrectionsMixin


@admin.register(Article)
class ArticleAdmin(GroupingCorrectionsMixin, admin.ModelAdmin):
    list_display = ["title", "source", "event_link", "published_at", "grouping_status", "word_count"]
    list_filter = ["source", "grouping_status", "language"]
    list_select_related = ["source", "event"]
    search_fields = ["title", "byline", "url"]
    autocomplete_fields = ["source", "event"]
    date_hierarchy = "published_at"
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

    @admin.display(description="Event", ordering="event__title")
    def event_link(self, obj: Article) -> str:
        if obj.event_id is None:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.event.get_absolute_url(), obj.event.title)
