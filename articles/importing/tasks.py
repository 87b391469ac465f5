"""Background imports through Django's tasks framework (worker: `manage.py db_worker`)."""

import itertools
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from ..models import ImportBatch, ImportStatus
from . import read_inputs, read_pasted_text
from .analysing import analyse_stored
from .pipeline import import_items, limits_from_settings
from .records import InputFile, ItemFailure, RawRecord
from .staging import StagingError, discard, load


def upload_items(
    pasted_text: str, files: list[InputFile], fetched: Iterable[RawRecord | ItemFailure] = ()
) -> Iterator[RawRecord | ItemFailure]:
    """The items of one admin upload: the pasted text first, then the pages fetched by URL,
    then every file."""
    pasted = read_pasted_text(pasted_text) if pasted_text.strip() else iter(())
    return itertools.chain(pasted, fetched, read_inputs(files, limits_from_settings()))


def run_staged_import(batch: ImportBatch, stage_id: str) -> None:
    """Import a staged upload into `batch`, then delete the staged files."""
    try:
        staged = load(stage_id)
    except StagingError as error:
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportStatus.FAILED, message=f"The import stopped: {error}", finished_at=timezone.now()
        )
        raise
    try:
        import_items(
            upload_items(staged.pasted_text, staged.files, staged.records),
            origin=batch.origin,
            user=batch.created_by,
            default_source=staged.default_source,
            strict=staged.strict,
            batch=batch,
            # This task reads and groups too, and other workers join in.
            helpers=max(0, settings.ANALYSIS_TASKS - 1),
        )
    finally:
        discard(stage_id)


@task()
def import_staged_upload(batch_id: int, stage_id: str) -> None:
    run_staged_import(ImportBatch.objects.select_related("created_by").get(pk=batch_id), stage_id)


@task()
def analyse_stored_reports() -> None:
    """Stage two for whatever is waiting: read and group stored reports until none is left
    that no other worker holds (several of these run at once on several workers)."""
    analyse_stored()
