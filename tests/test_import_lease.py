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
