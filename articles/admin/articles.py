from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ..grouping.corrections import delete_articles
from ..models import Article, GroupingStatus
from .grouping_actions import GroupingCorrectionsMixin

# The change list must stay readable at laptop widths with the admin's navigation sidebar
# open: long headlines and event titles are cut (the whole text is in the tooltip), and the
# grouping status gets a one-word label.
TITLE_CHARS = 70
EVENT_CHARS = 45
SHORT_STATUS = {
    GroupingStatus.PENDING: "Pending",
    GroupingStatus.JOINED: "Joined",
    GroupingStatus.STARTED: "New event",
    GroupingStatus.MANUAL: "By staff",
    GroupingStatus.REVIEW: "Review",
}


def shortened(text: str, limit: int) -> SafeString:
    """The text cut at a word boundary, with the whole of it in a title="" tooltip."""
    if len(text) <= limit:
        return format_html("{}", text)
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return format_html('<span title="{}">{}</span>', text, cut)


@admin.register(Article)
class ArticleAdmin(GroupingCorrectionsMixin, admin.ModelAdmin):
    list_display = [
        "short_title",
        "outlet_and_date",
        "event_link",
        "grouping",
        "batch_link",
    ]
    list_display_links = ["short_title"]
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
        "ingest_stage",
    ]
    exclude = ["analysis", "grouping_evidence", "claimed_until"]

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        delete_articles([obj])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        # Django's bulk delete skips delete_model; the events' counts must follow either way.
        delete_articles(queryset.order_by("id"))

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        # The list never shows bodies or analysis: do not load them.
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name == "articles_article_changelist":
            queryset = queryset.defer("body_text", "body_html", "analysis", "grouping_evidence")
        return queryset

    @admin.display(description="Title", ordering="title")
    def short_title(self, obj: Article) -> SafeString:
        return shortened(obj.title, TITLE_CHARS)

    @admin.display(description="Outlet, date", ordering="published_at")
    def outlet_and_date(self, obj: Article) -> SafeString:
        when = (
            formats.date_format(timezone.localtime(obj.published_at), "j M Y, H:i")
            if obj.published_at
            else "date unknown"
        )
        return format_html('{}<br><span class="quiet">{}</span>', obj.source.name, when)

    @admin.display(description="Event", ordering="event__title")
    def event_link(self, obj: Article) -> SafeString | str:
        if obj.event_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', obj.event.get_absolute_url(), shortened(obj.event.title, EVENT_CHARS)
        )

    @admin.display(description="Grouping", ordering="grouping_status")
    def grouping(self, obj: Article) -> SafeString:
        # The length sits with the decision: too little text is what sends a report to review.
        status = SHORT_STATUS.get(obj.grouping_status, obj.grouping_status)
        return format_html('{}<br><span class="quiet">{} words</span>', status, obj.word_count)

    @admin.display(description="Import", ordering="batch_id")
    def batch_link(self, obj: Article) -> SafeString | str:
        if obj.batch_id is None:
            return "—"
        url = reverse("admin:articles_importbatch_change", args=[obj.batch_id])
        return format_html('<a href="{}">#{}</a>', url, obj.batch_id)
