from django.contrib import admin

from ..models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "article_count", "source_count", "first_published_at", "last_published_at"]
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
