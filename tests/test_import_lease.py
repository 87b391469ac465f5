"""A batch whose process died is marked failed with a reason once its lease lapses; a live
import keeps renewing its lease and is never touched."""

import datetime as dt

import pytest
from django.utils import timezone
from import_helpers import STORY, run_paste

from articles.models import ImportBatch, ImportStatus

pytestmark = pytest.mark.django_db


def running_batch(*, lease_ends: dt.datetime) -> ImportBatch:
    return ImportBatch.objects.create(
        origin="command", status=ImportStatus.RUNNING, lease_expires_at=lease_ends
    )


def test_batch_of_a_killed_process_is_marked_failed_with_a_reason_in_the_admin(staff_client):
    dead = running_batch(lease_ends=timezone.now() - dt.timedelta(seconds=1))
    alive = running_batch(lease_ends=timezone.now() + dt.timedelta(minutes=10))
    page = staff_client.get("/admin/articles/importbatch/")
    assert page.status_code == 200
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == ImportStatus.FAILED and dead.finished_at is not None
    assert "its process ended without finishing" in dead.message
    assert alive.status == ImportStatus.RUNNING and alive.message == ""


def test_opening_a_dead_batch_shows_it_failed(staff_client):
    dead = running_batch(lease_ends=timezone.now() - dt.timedelta(minutes=1))
    page = staff_client.get(f"/admin/articles/importbatch/{dead.pk}/change/")
    assert "its process ended without finishing" in page.content.decode()


def test_an_import_takes_a_lease_that_lies_ahead(settings):
    result = run_paste(f"Harbour bridge closed\n\n{STORY}", default_source="X")
    batch = ImportBatch.objects.get(pk=result.batch.pk)
    assert batch.lease_expires_at > timezone.now() + dt.timedelta(seconds=settings.IMPORT_LEASE_SECONDS - 60)
    assert ImportBatch.objects.expire_dead() == 0
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE


def test_a_batch_whose_stage_two_process_died_waits_again_and_its_page_queues_the_workers(
    staff_client, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    result = run_paste(f"Harbour bridge closed\n\n{STORY}", default_source="X", analyse="workers")
    ImportBatch.objects.filter(pk=result.batch.pk).update(
        analysis_status=ImportStatus.RUNNING,
        analysis_lease_expires_at=timezone.now() - dt.timedelta(seconds=1),
    )
    DBTaskResult.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        page = staff_client.get(f"/admin/articles/importbatch/{result.batch.pk}/change/")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.get(f"/admin/articles/importbatch/{result.batch.pk}/change/")

    batch = ImportBatch.objects.get(pk=result.batch.pk)
    assert batch.analysis_status == ImportStatus.QUEUED and "next worker resumes" in batch.analysis_message
    assert "next worker resumes" in page.content.decode()
    assert batch.analysis_lease_expires_at > timezone.now()
    # Queued once for the workers, not again on every look.
    assert DBTaskResult.objects.count() == settings.ANALYSIS_TASKS
