"""An import in two stages: stage one stores reports at once (listed, searchable, shown as
"being analysed"); stage two reads and groups them, counting its progress on the batch."""

import pytest
from django.core.management import call_command
from django.db import connection
from grouping_cases import FIRST_SUMMIT_BROADCASTER, FIRST_SUMMIT_WIRE
from import_helpers import jsonl, run_files

from articles.importing import InputFile
from articles.importing.analysing import analyse_stored
from articles.models import Article, ImportBatch, ImportStatus, IngestStage
from articles.reading import READING_VERSION

pytestmark = pytest.mark.django_db


def summit_file(*extra: dict) -> InputFile:
    records = [
        {"title": title, "text": body, "source": outlet, "published_at": "2024-03-04T09:00:00+00:00"}
        for (title, body), outlet in [
            (FIRST_SUMMIT_WIRE, "Wire Service"),
            (FIRST_SUMMIT_BROADCASTER, "Public Broadcaster"),
        ]
    ]
    return jsonl("summit.jsonl", *records, *extra)


def stage_one_only() -> ImportBatch:
    result = run_files(summit_file(), analyse="workers")
    assert result.created == 2
    return ImportBatch.objects.get(pk=result.batch.pk)


def test_stage_one_stores_reports_listed_and_searchable_before_they_are_read(client):
    batch = stage_one_only()

    assert batch.status == ImportStatus.DONE
    assert batch.analysis_status == ImportStatus.QUEUED and batch.analysis_total == 2
    assert batch.read_count == 0 and batch.grouped_count == 0
    stored = Article.objects.get(title=FIRST_SUMMIT_WIRE[0])
    assert stored.ingest_stage == IngestStage.STORED
    assert stored.analysis == {} and stored.event_id is None
    assert FIRST_SUMMIT_WIRE[0] in client.get("/articles/").content.decode()
    assert FIRST_SUMMIT_WIRE[0] in client.get("/search/", {"q": "trawlers"}).content.decode()


def test_a_report_not_yet_read_says_it_is_being_analysed_where_its_event_would_be(client):
    stage_one_only()
    stored = Article.objects.get(title=FIRST_SUMMIT_WIRE[0])

    page = client.get(stored.get_absolute_url()).content.decode()
    listing = client.get("/articles/").content.decode()

    assert "Being analysed" in page and "Not grouped yet" not in page
    assert "being analysed" in listing
    api = client.get(f"/api/v1/articles/{stored.pk}").json()
    assert api["being_analysed"] is True and api["event"] is None


def test_stage_two_reads_and_groups_the_stored_reports_and_counts_them_on_the_batch(client):
    batch = stage_one_only()

    analyse_stored()

    batch.refresh_from_db()
    assert (batch.analysis_status, batch.read_count, batch.grouped_count) == (ImportStatus.DONE, 2, 2)
    assert batch.analysis_finished_at is not None and batch.analysis_failures == []
    wire, broadcaster = Article.objects.order_by("id")
    for report in (wire, broadcaster):
        assert report.ingest_stage == IngestStage.DONE and report.claimed_until is None
        assert report.analysis_version == READING_VERSION and report.analysis["sentences"]
    assert wire.event_id is not None and wire.event_id == broadcaster.event_id
    page = client.get(wire.get_absolute_url()).content.decode()
    assert "Part of an event" in page and "Being analysed" not in page
    assert client.get(f"/api/v1/articles/{wire.pk}").json()["being_analysed"] is False


def test_an_import_returns_only_when_both_stages_are_done_by_default():
    result = run_files(summit_file())

    batch = ImportBatch.objects.get(pk=result.batch.pk)
    assert (batch.status, batch.analysis_status, batch.grouped_count) == ("done", "done", 2)
    assert not Article.objects.being_analysed().exists()
    assert Article.objects.filter(event__isnull=False).count() == 2


def test_a_report_the_reading_layer_cannot_read_is_a_failure_of_its_own_and_the_rest_proceed(admin_client):
    # spaCy refuses texts over its max_length (1,000,000 characters) with an error; stage one
    # stores such a report (the file limits allow it), so stage two meets it.
    sentence = "The harbour board met again on Monday and said the quay would stay shut for repairs. "
    huge = {"title": "Harbour board minutes in full", "text": sentence * 12_000, "source": "Board Gazette"}
    result = run_files(summit_file(huge), analyse="workers")
    assert result.created == 3

    analyse_stored()

    batch = ImportBatch.objects.get(pk=result.batch.pk)
    assert (batch.analysis_status, batch.read_count, batch.grouped_count) == ("done", 3, 3)
    [failure] = batch.analysis_failures
    unread = Article.objects.get(title=huge["title"])
    assert failure["article_id"] == unread.pk and failure["stage"] == "reading"
    assert failure["reason"].startswith("could not be read")
    assert unread.ingest_stage == IngestStage.DONE and unread.analysis_version == 0
    read = Article.objects.exclude(pk=unread.pk)
    assert all(a.analysis_version == READING_VERSION and a.event_id for a in read)
    page = admin_client.get(batch.get_absolute_url()).content.decode()
    assert "Stage two failures" in page and "could not be read" in page and huge["title"] in page


def test_the_batch_page_shows_both_stages_progress(admin_client):
    batch = stage_one_only()

    waiting = admin_client.get(batch.get_absolute_url()).content.decode()
    analyse_stored()
    done = admin_client.get(batch.get_absolute_url()).content.decode()

    assert "2 of 2 items" in waiting and "read 0 of 2" in waiting and "grouped 0 of 2 (0%)" in waiting
    assert 'http-equiv="refresh"' in waiting
    assert "read 2 of 2" in done and "grouped 2 of 2 (100%)" in done
    assert 'http-equiv="refresh"' not in done


def test_a_comparison_asked_for_before_stage_two_is_computed_on_demand_and_not_stored(client):
    stage_one_only()
    wire, broadcaster = Article.objects.order_by("id")

    page = client.get(f"/compare/{wire.pk}/{broadcaster.pk}/")

    assert page.status_code == 200
    assert "Claim by claim" in page.content.decode() and 'class="cmp-row' in page.content.decode()
    # Stage two stores readings; a page never half-stores one.
    assert Article.objects.filter(analysis_version=0, ingest_stage=IngestStage.STORED).count() == 2


def test_the_command_with_no_wait_leaves_stage_two_to_the_workers(tmp_path, capsys):
    path = tmp_path / "summit.jsonl"
    path.write_bytes(summit_file().data)

    call_command("import_articles", str(path), "--no-wait")

    out = capsys.readouterr().out
    assert "created 2, duplicates 0, failed 0" in out and "left to the task workers" in out
    assert Article.objects.being_analysed().count() == 2
    call_command("analyse_stored")
    assert not Article.objects.being_analysed().exists()


def test_the_command_waits_for_both_stages_without_no_wait(tmp_path, capsys):
    path = tmp_path / "summit.jsonl"
    path.write_bytes(summit_file().data)

    call_command("import_articles", str(path))

    assert "created 2, duplicates 0, failed 0" in capsys.readouterr().out
    assert not Article.objects.being_analysed().exists()
    assert Article.objects.filter(event__isnull=False).count() == 2


def test_a_regroup_leaves_reports_being_analysed_to_stage_two():
    from articles.grouping.regroup import regroup
    from articles.models import KeyFrequency

    stage_one_only()

    regroup()

    assert Article.objects.filter(event__isnull=False).count() == 0
    assert not KeyFrequency.objects.filter(key="").exclude(reports=0).exists()
    analyse_stored()
    assert KeyFrequency.objects.get(key="").reports == 2  # each report counted once
    assert Article.objects.filter(event__isnull=False).count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN plans are checked on PostgreSQL")
def test_stage_two_finds_its_queue_through_the_partial_index_not_a_walk_of_every_report():
    from articles.importing.analysing import claimable

    stage_one_only()
    for scope in (None, [1]):
        sql, params = claimable(scope)[:32].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")  # tiny tables: ask whether the index *can* answer
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            cursor.execute("RESET enable_seqscan")
        assert "article_ingest_queue_idx" in plan, plan
