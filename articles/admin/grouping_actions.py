"""Grouping corrections and evidence in the article admin (mixed into ArticleAdmin).

Kept in its own module so the article admin stays small; the actions call the same
domain functions (articles.grouping.corrections) a script would.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join

from ..grouping.corrections import detach_articles, move_articles, split_articles
from ..models import Article, Event


class MoveForm(forms.Form):
    event = forms.ModelChoiceField(
        queryset=Event.objects.all(),
        label="Move to event",
        widget=AutocompleteSelect(Article._meta.get_field("event"), admin.site),
    )


def evidence_html(evidence: dict) -> str:
    """The stored grouping evidence as a readable list (read-only)."""
    if not evidence:
        return "Not grouped yet."
    rows = [("Explanation", evidence.get("explanation", ""))]
    labels = [
        ("event_id", "Compared with event"),
        ("event_title", "Its title"),
        ("score", "Score"),
        ("threshold", "Threshold"),
        ("term_similarity", "Term similarity"),
        ("name_similarity", "Name similarity"),
        ("meaning_similarity", "Meaning similarity (headline and lead)"),
        ("time_factor", "Time factor"),
        ("gap_days", "Days from the event's first report"),
        ("same_outlet", "Penalised: the event has this outlet's report"),
        ("other_day", "Penalised: undated, its lead names another weekday"),
        ("other_vote", "Penalised: its lead gives another vote's count"),
        ("other_level", "Penalised: its lead gives another new rate or level"),
        ("other_stage", "Penalised: without dates to compare, its headline tells another stage"),
        ("shared_people", "Shared people"),
        ("shared_organisations", "Shared organisations"),
        ("shared_places", "Shared places"),
        ("shared_other_names", "Other shared names"),
        ("shared_terms", "Shared terms"),
        ("by", "Decided by"),
        ("at", "Decided at"),
    ]
    for key, label in labels:
        value = evidence.get(key)
        if value in (None, [], "") or value is False:
            continue
        if value is True:
            value = "yes"
        rows.append((label, ", ".join(map(str, value)) if isinstance(value, list) else str(value)))
    return format_html(
        "<dl class='grouping-evidence'>{}</dl>",
        format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows),
    )


class GroupingCorrectionsMixin:
    """Move / split actions, the readable evidence, and manual edits of the event field."""

    @admin.display(description="Grouping evidence")
    def grouping_explanation(self, obj: Article) -> str:
        return evidence_html(obj.grouping_evidence)

    def get_actions(
        self, request: HttpRequest, action_location: ActionLocation = ActionLocation.CHANGE_LIST
    ) -> dict:
        # Added here rather than in `actions`, so the article admin may list its own.
        actions = super().get_actions(request, action_location=action_location)
        if self.actions is not None and self.has_change_permission(request):
            for func in (move_to_event, split_into_new_event):
                action = self.get_action(func, action_location)
                if action is not None:
                    actions[action.name] = action
        return actions

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        """Choosing another event in the form is a staff decision like the move action."""
        event_changed = change and "event" in form.changed_data
        new_event = obj.event
        if event_changed:
            obj.event_id = form.initial.get("event")
        super().save_model(request, obj, form, change)
        if event_changed and new_event is not None:
            move_articles([obj], to=new_event, by=request.user)
        elif event_changed:
            detach_articles([obj], by=request.user)


@admin.action(description="Move selected reports to another event", permissions=["change"])
def move_to_event(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> HttpResponse | None:
    if "apply" in request.POST:
        form = MoveForm(request.POST)
        if form.is_valid():
            moved = move_articles(queryset.order_by("id"), to=form.cleaned_data["event"], by=request.user)
            modeladmin.message_user(
                request, f"Moved {moved} report(s); staff decisions are kept on regrouping."
            )
            return None
    else:
        form = MoveForm()
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Move reports to another event",
        "form": form,
        "media": modeladmin.media + form.media,
        "articles": queryset.select_related("source", "event"),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "opts": modeladmin.model._meta,
    }
    return TemplateResponse(request, "admin/articles/move_articles.html", context)


@admin.action(description="Split selected reports off into a new event", permissions=["change"])
def split_into_new_event(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    event = split_articles(queryset.order_by("id"), by=request.user)
    modeladmin.message_user(
        request,
        format_html(
            'Started event <a href="{}">#{}</a> with the selected reports.',
            event.get_absolute_url(),
            event.pk,
        ),
        messages.SUCCESS,
    )
