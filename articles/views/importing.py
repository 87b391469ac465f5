"""The admin's "Import articles" page: upload, paste or give URLs, preview, confirm, see
the report.

Nothing is stored before confirmation: the preview is a dry run of the same pipeline
over files staged privately (articles.importing.staging). Pages given by URL are fetched
once, for the preview, and staged with the files, so the import stores what was previewed. Large imports are handed to
the background worker; the batch page shows their progress.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ..importing import InputFile, staging
from ..importing.forms import ImportForm
from ..importing.pipeline import import_items
from ..importing.tasks import import_staged_upload, run_staged_import, upload_items
from ..importing.webpages import read_urls
from ..models import Article, ImportBatch, ImportOrigin, ImportStatus

PREVIEW_ROWS = 200


@staff_member_required
@require_http_methods(["GET", "POST"])
def import_articles_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("articles.add_article"):
        raise PermissionDenied("You need permission to add articles.")
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return _preview(request, form)
    return _render(request, {"form": form})


def _render(request: HttpRequest, context: dict) -> HttpResponse:
    context = {
        **admin.site.each_context(request),
        "title": "Import articles",
        "opts": Article._meta,
        "inline_max_items": settings.IMPORT_INLINE_MAX_ITEMS,
        **context,
    }
    return render(request, "admin/articles/import.html", context)


def _preview(request: HttpRequest, form: ImportForm) -> HttpResponse:
    data = form.cleaned_data
    files = [InputFile(f.name, f.read()) for f in data["files"]]
    fetched = list(read_urls(data["urls"]))
    origin = ImportOrigin.UPLOAD if files else ImportOrigin.URL if fetched else ImportOrigin.PASTE
    stage_id = staging.stage(
        files=files,
        pasted_text=data["text"],
        default_source=data["default_source"],
        strict=data["strict"],
        origin=origin,
        user_id=request.user.pk,
        records=fetched,
    )
    try:
        result = import_items(
            upload_items(data["text"], files, fetched),
            origin=ImportOrigin.UPLOAD,
            default_source=data["default_source"],
            strict=data["strict"],
            dry_run=True,
        )
    except BaseException:
        # Nobody can confirm a preview that crashed: its files must not wait six hours.
        staging.discard(stage_id)
        raise
    staging.record_item_count(stage_id, len(result.entries))
    storable = result.created > 0 and not result.refused
    if not storable:
        staging.discard(stage_id)
    return _render(
        request,
        {
            "form": form,
            "result": result,
            "rows": result.entries[:PREVIEW_ROWS],
            "hidden_rows": max(0, len(result.entries) - PREVIEW_ROWS),
            "token": staging.sign(stage_id, request.user.pk) if storable else "",
            "background": len(result.entries) > settings.IMPORT_INLINE_MAX_ITEMS,
            "default_source": data["default_source"],
        },
    )


def _confirm(request: HttpRequest) -> HttpResponse:
    try:
        stage_id = staging.unsign(request.POST["token"], request.user.pk)
        staged = staging.load(stage_id)
    except staging.StagingError as error:
        messages.error(request, str(error).capitalize())
        return HttpResponseRedirect(reverse("admin-import-articles"))
    batch = ImportBatch.objects.create(
        origin=staged.origin, created_by=request.user, status=ImportStatus.QUEUED
    )
    if staged.item_count > settings.IMPORT_INLINE_MAX_ITEMS:
        ImportBatch.objects.filter(pk=batch.pk).update(total_items=staged.item_count)
        transaction.on_commit(lambda: import_staged_upload.enqueue(batch_id=batch.pk, stage_id=stage_id))
        messages.info(request, f"{staged.item_count} items are being imported in the background.")
    else:
        run_staged_import(batch, stage_id)
        batch.refresh_from_db()
        level = messages.SUCCESS if batch.status == ImportStatus.DONE else messages.WARNING
        messages.add_message(
            request,
            level,
            f"Created {batch.created_count}, duplicates {batch.duplicate_count}, failed {batch.failed_count}.",
        )
    return HttpResponseRedirect(batch.get_absolute_url())
