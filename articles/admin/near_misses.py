"""Events possibly the same story (grouping's near misses), with a one-click merge."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html

from ..grouping.corrections import merge_events
from ..models import PossiblySame


@admin.register(PossiblySame)
class PossiblySameAdmin(admin.ModelAdmin):
    list_display = ["first_event", "second_event", "score", "updated_at", "merge_button"]
    list_select_related = ["event_a", "event_b"]
    ordering = ["-score", "-updated_at"]
    readonly_fields = ["event_a", "event_b", "score", "updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # recorded by grouping; staff merge or dismiss (delete) them

    @admin.display(description="Event")
    def first_event(self, obj: PossiblySame) -> str:
        return _event_link(obj.event_a)

    @admin.display(description="Possibly the same story as")
    def second_event(self, obj: PossiblySame) -> str:
        return _event_link(obj.event_b)

    @admin.display(description="Merge")
    def merge_button(self, obj: PossiblySame) -> str:
        # A submit button of the change list's own form (which carries the CSRF token),
        # sent to this pair's merge address instead: one click.
        url = reverse("admin:articles_possiblysame_merge", args=[obj.pk])
        return format_html('<button type="submit" class="button" formaction="{}">Merge the two</button>', url)

    def get_urls(self) -> list:
        merge = self.admin_site.admin_view(self.merge_view)
        return [path("<int:pk>/merge/", merge, name="articles_possiblysame_merge"), *super().get_urls()]

    def merge_view(self, request: HttpRequest, pk: int) -> HttpResponseRedirect:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm("articles.change_event"):
            raise PermissionDenied
        link = get_object_or_404(PossiblySame.objects.select_related("event_a", "event_b"), pk=pk)
        target = merge_events([link.event_a, link.event_b], by=request.user)
        self.message_user(
            request,
            format_html(
                'Merged the two events into <a href="{}">#{} {}</a>; staff decisions are kept on regrouping.',
                target.get_absolute_url(),
                target.pk,
                target.title,
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:articles_possiblysame_changelist"))


def _event_link(event) -> str:
    url = reverse("admin:articles_event_change", args=[event.pk])
    return format_html(
        '<a href="{}">#{} {}</a> <span class="quiet">({} reports)</span>',
        url,
        event.pk,
        event.title,
        event.article_count,
    )
