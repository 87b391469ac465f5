from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from ..importing.analysing import resume_stalled
from ..models import Article, GroupingStatus, ImportBatch, IngestStage
from ..paths import path_for

REPORT_ROWS = 2000
# While an import runs its page reloads itself: it lists only the first items then, so that a
# 10,000-item batch does not rebuild a 2,000-row table every few seconds.
RUNNING_REPORT_ROWS = 100
_AFTER_STAGE_ONE = "Starts when stage one has stored the reports"


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "created_at",
        "origin",
        "status",
        "progress_text",
        "analysis_text",
        "created_count",
        "duplicate_count",
        "failed_count",
        "created_by",
    ]
    list_filter = ["origin", "status", "created_at"]
    list_select_related = ["created_by"]
    search_fields = ["message", "created_by__username"]
    date_hierarchy = "created_at"
    fields = [
        "origin",
        "stage_one",
        "created_by",
        "created_at",
        "finished_at",
        "progress",
        "created_count",
        "duplicate_count",
        "failed_count",
        "message",
        "stage_two",
        "analysis_progress",
        "analysis_finished_at",
        "analysis_message",
        "analysis_failures_table",
        "report_table",
    ]
    readonly_fields = fields

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        # Where staff look for their imports is where a dead one is first told apart.
        _notice_dead_processes()
        return super().changelist_view(request, extra_context)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        _notice_dead_processes()
        return super().change_view(request, object_id, form_url, extra_context)

    def has_add_permission(self, request: HttpRequest) -> bool:  # batches are made by imports only
        return False

    def has_change_permission(self, request: HttpRequest, obj: ImportBatch | None = None) -> bool:
        return False  # a record of what happened: read-only

    def has_view_permission(self, request: HttpRequest, obj: ImportBatch | None = None) -> bool:
        # Whoever may import may read the reports the import page sends them to.
        return super().has_view_permission(request, obj) or request.user.has_perm("articles.add_article")

    @admin.display(description="Progress")
    def progress_text(self, batch: ImportBatch) -> str:
        return f"{batch.processed_items} / {batch.total_items}"

    @admin.display(description="Progress")
    def progress(self, batch: ImportBatch) -> SafeString:
        percent = round(100 * batch.processed_items / batch.total_items) if batch.total_items else 0
        return format_html(
            '<span class="import-progress"><progress max="{}" value="{}">{}%</progress> {} of {} items ({}%)</span>',
            batch.total_items or 1,
            batch.processed_items,
            percent,
            batch.processed_items,
            batch.total_items,
            percent,
        )

    @admin.display(description="Stage one (store)")
    def stage_one(self, batch: ImportBatch) -> str:
        return batch.get_status_display()

    @admin.display(description="Stage two (read and group)")
    def stage_two(self, batch: ImportBatch) -> str:
        if batch.analysis_status:
            return batch.get_analysis_status_display()
        return _AFTER_STAGE_ONE if batch.in_progress else "Nothing to do"

    @admin.display(description="Read and grouped")
    def analysis_text(self, batch: ImportBatch) -> str:
        if not batch.analysis_status:
            return "-"
        return f"{batch.grouped_count} / {batch.analysis_total}"

    @admin.display(description="Stage two: read and grouped")
    def analysis_progress(self, batch: ImportBatch) -> SafeString:
        if not batch.analysis_status:
            return format_html(
                "<p>{}</p>", _AFTER_STAGE_ONE if batch.in_progress else "Nothing to read or group."
            )
        total = batch.analysis_total or 1
        return format_html(
            '<span class="import-progress"><progress max="{}" value="{}"></progress> read {} of {}</span><br>'
            '<span class="import-progress"><progress max="{}" value="{}"></progress> grouped {} of {} ({}%)</span>',
            total,
            batch.read_count,
            batch.read_count,
            batch.analysis_total,
            total,
            batch.grouped_count,
            batch.grouped_count,
            batch.analysis_total,
            round(100 * batch.grouped_count / total),
        )

    @admin.display(description="Stage two failures")
    def analysis_failures_table(self, batch: ImportBatch) -> SafeString:
        failures = batch.analysis_failures[:REPORT_ROWS]
        if not failures:
            return format_html("<p>{}</p>", "None.")
        rows = format_html_join(
            "\n",
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    _article_links({"article_id": f.get("article_id"), "title": f.get("title")}),
                    f.get("stage", ""),
                    f.get("reason", ""),
                )
                for f in failures
            ),
        )
        return format_html(
            '<table class="import-preview"><thead><tr><th>Report</th><th>Stage</th><th>Reason</th></tr>'
            "</thead><tbody>{}</tbody></table>",
            rows,
        )

    @admin.display(description="Items")
    def report_table(self, batch: ImportBatch) -> SafeString:
        if not batch.report:
            return format_html(
                "<p>{}</p>", "No items yet." if batch.status in ("queued", "running") else "No items."
            )
        shown = RUNNING_REPORT_ROWS if batch.in_progress else REPORT_ROWS
        entries = batch.report[:shown]
        events = _events_of(
            [entry.get("article_id") for entry in entries if entry.get("outcome") == "created"]
        )
        rows = format_html_join(
            "\n",
            '<tr class="outcome-{}"><td>{}</td><td><span class="badge badge-{}">{}</span></td><td>{}</td>'
            "<td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    entry.get("outcome", ""),
                    entry.get("item", ""),
                    entry.get("outcome", ""),
                    entry.get("outcome", ""),
                    _article_links(entry),
                    events.get(entry.get("article_id"), "") if entry.get("outcome") == "created" else "",
                    entry.get("source", ""),
                    "; ".join(filter(None, [entry.get("reason", ""), *entry.get("warnings", [])])),
                )
                for entry in entries
            ),
        )
        more = len(batch.report) - shown
        later = ", listed when the import has finished" if batch.in_progress else ""
        tail = format_html("<p>… and {} more items{}.</p>", more, later) if more > 0 else ""
        return format_html(
            '<table class="import-preview"><thead><tr><th>Item</th><th>Outcome</th><th>Article</th>'
            "<th>Event</th><th>Outlet</th><th>Reason / warnings</th></tr></thead><tbody>{}</tbody></table>{}",
            rows,
            tail,
        )


def _notice_dead_processes() -> None:
    """Where staff look for their imports is where a dead one is first told apart; stage
    two's reports that a dead process held are handed to the workers again."""
    ImportBatch.objects.expire_dead()
    resume_stalled()


def _article_links(entry: dict) -> SafeString | str:
    article_id, title = entry.get("article_id"), entry.get("title") or "article"
    if not article_id:
        return title if entry.get("title") else ""
    return format_html(
        '<a href="{}">{}</a> (<a href="{}">on the site</a>)',
        reverse("admin:articles_article_change", args=[article_id]),
        title,
        reverse("articles:article-detail", kwargs={"pk": article_id}),
    )


_JOINED_HOW = {
    GroupingStatus.JOINED: "joined",
    GroupingStatus.STARTED: "started",
    GroupingStatus.MANUAL: "placed by staff in",
}


def _events_of(article_ids: list[int | None]) -> dict[int, SafeString | str]:
    """The event each new report is in now, as a link saying whether it joined or started it;
    one query for the page."""
    rows = Article.objects.filter(pk__in=[pk for pk in article_ids if pk]).values_list(
        "pk", "grouping_status", "event_id", "event__title", "ingest_stage"
    )
    out: dict[int, SafeString | str] = {}
    for pk, status, event_id, title, stage in rows:
        if stage != IngestStage.DONE:
            out[pk] = "being analysed"
            continue
        if event_id is None:
            out[pk] = "needs review" if status == GroupingStatus.REVIEW else "in no event"
            continue
        out[pk] = format_html(
            '{} <a href="{}">{}</a> (<a href="{}">#{}</a>)',
            _JOINED_HOW.get(status, "in"),
            path_for("articles:event-detail", "pk", event_id),
            title,
            reverse("admin:articles_event_change", args=[event_id]),
            event_id,
        )
    return out
