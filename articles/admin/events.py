from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from ..grouping.corrections import merge_events
from ..models import Article, Event
from .grouping_actions import evidence_html


class ReportInline(admin.TabularInline):
    """The event's reports with the evidence that put each one there (read-only)."""

    model = Article
    fields = ["report", "source", "published_at", "grouping_status", "grouping_score", "evidence"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "Reports, and why each is in this event"

    def has_add_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        return False

    @admin.display(description="Report")
    def report(self, obj: Article) -> str:
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.title)

    @admin.display(description="Evidence")
    def evidence(self, obj: Article) -> str:
        return evidence_html(obj.grouping_evidence)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("source").order_by("id")


@admin.action(description="Merge selected events into one", permissions=["change"])
def merge_selected_events(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    events = list(queryset)
    if len(events) < 2:
        modeladmin.message_user(request, "Select at least two events to merge.", messages.ERROR)
        return
    target = merge_events(events, by=request.user)
    modeladmin.message_user(
        request,
        format_html(
            'Merged {} events into <a href="{}">#{} {}</a>; staff decisions are kept on regrouping.',
            len(events),
            target.get_absolute_url(),
            target.pk,
            target.title,
        ),
        messages.SUCCESS,
    )


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "article_count",
        "source_count",
        "first_published_at",
        "last_published_at",
        "title_locked",
        "summary_locked",
    ]
    list_filter = ["title_locked", "summary_locked"]
    search_fields = ["title", "summary"]
    readonly_fields = [
        "first_published_at",
        "last_published_at",
        "article_count",
        "source_count",
        "created_at",
        "updated_at",
    ]
    date_hierarchy = "last_published_at"
    actions = [merge_selected_events]
    inlines = [ReportInline]

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        """A title or summary edited by staff is locked: automatic upkeep never rewrites it."""
        if "title" in form.changed_data:
            obj.title_locked = True
        if "summary" in form.changed_data:
            obj.summary_locked = True
        super().save_model(request, obj, form, change)
