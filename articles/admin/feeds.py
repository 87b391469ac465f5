"""Outlets' feeds in the admin: add and edit them, see each one's health, poll now."""

import datetime as dt

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ..following.polling import Poller
from ..models import Feed

# A feed whose polls have all failed for this long is flagged on the admin index.
FAILING_FLAG_AFTER = dt.timedelta(days=1)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "url",
        "source",
        "active",
        "last_polled_at",
        "last_status",
        "last_new_entries",
        "error_reason",
        "next_poll_at",
        "health",
    ]
    list_filter = ["active", "last_status", "source"]
    list_select_related = ["source"]
    search_fields = ["url", "source__name", "last_error"]
    autocomplete_fields = ["source"]
    ordering = ["source__name", "url"]
    actions = ["poll_now"]
    readonly_fields = [
        "last_polled_at",
        "last_status",
        "last_new_entries",
        "last_error",
        "last_batch",
        "next_poll_at",
        "consecutive_failures",
        "failing_since",
        "etag",
        "last_modified",
    ]
    fields = ["source", "url", "active", "interval_minutes", *readonly_fields]

    @admin.display(description="Error")
    def error_reason(self, feed: Feed) -> str:
        return feed.last_error or "—"

    @admin.display(description="Health", ordering="failing_since")
    def health(self, feed: Feed) -> SafeString:
        if feed.failing_since is None:
            return format_html(
                '<span class="feed-ok">{}</span>', "OK" if feed.last_polled_at else "Not polled yet"
            )
        if timezone.now() - feed.failing_since >= FAILING_FLAG_AFTER:
            return format_html(
                '<strong class="feed-failing">Failing for over a day</strong> ({} polls)',
                feed.consecutive_failures,
            )
        return format_html(
            "Failing ({} poll{})", feed.consecutive_failures, "" if feed.consecutive_failures == 1 else "s"
        )

    @admin.action(description="Poll the selected feeds now")
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
        poller = Poller()
        for feed in queryset.select_related("source"):
            result = poller.poll(feed)
            if result.error:
                self.message_user(request, f"{feed.url}: {result.error}", messages.WARNING)
            else:
                self.message_user(
                    request,
                    f"{feed.url}: {result.new_entries} new, {result.skipped} already stored, "
                    f"{result.created} reports created.",
                    messages.SUCCESS,
                )
