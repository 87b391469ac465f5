"""kill -9 in either stage loses nothing and half-stores nothing; running again finishes the
rest, and no batch stays "running" after its process died. Real processes, real database."""

import pytest
from import_helpers import story
from ingest_helpers import SharedDatabase, kill_hard, synthetic_records, wait_until, write_jsonl

from articles.importing.pipeline import CHUNK_SIZE
from articles.reading import READING_VERSION

pytestmark = pytest.mark.django_db(transaction=True)

COUNT_ARTICLES = "SELECT count(*) FROM articles_article"


def stage_counts(db: SharedDatabase) -> dict[str, int]:
    return dict(db.rows("SELECT ingest_stage, count(*) FROM articles_article GROUP BY ingest_stage"))


def test_killing_the_importer_in_stage_one_keeps_whole_chunks_and_a_second_run_adds_the_rest(tmp_path):
    db = SharedDatabase(tmp_path)
    total = 12 * CHUNK_SIZE
    records = [
        {"title": f"Bridge number {n} closed", "text": story(f"bridge number {n}")} for n in range(total)
    ]
    path = write_jsonl(tmp_path / "bridges.jsonl", records)

    importer = db.start("import_articles", str(path), "--no-wait", "--source", "Harbour Post")
    wait_until(importer, lambda: db.value(COUNT_ARTICLES) >= 2 * CHUNK_SIZE)
    kill_hard(importer)

    stored = db.value(COUNT_ARTICLES)
    assert 0 < stored < total
    assert stored % CHUNK_SIZE == 0  # every chunk whole or not at all
    [(batch_id, status, analysis_total)] = db.rows(
        "SELECT id, status, analysis_total FROM articles_importbatch"
    )
    assert status == "running" and analysis_total == stored  # counted with the rows, not after
    assert stage_counts(db) == {"stored": stored}

    db.lapse_leases()  # as if IMPORT_LEASE_SECONDS had passed
    again = db.manage("import_articles", str(path), "--no-wait", "--source", "Harbour Post")

    assert f"created {total - stored}, duplicates {stored}, failed 0" in again.stdout
    assert db.value(COUNT_ARTICLES) == total
    status, message = db.rows("SELECT status, message FROM articles_importbatch WHERE id = %s", (batch_id,))[
        0
    ]
    assert status == "failed" and "its process ended without finishing" in message


def test_killing_a_worker_in_stage_two_loses_nothing_and_a_new_worker_finishes_the_same_events(tmp_path):
    db = SharedDatabase(tmp_path)
    path = write_jsonl(tmp_path / "reports.jsonl", synthetic_records(80))
    db.manage("import_articles", str(path), "--no-wait")
    assert stage_counts(db) == {"stored": 80}

    worker = db.start("db_worker", "--batch")
    wait_until(worker, lambda: db.value("SELECT read_count FROM articles_importbatch") > 0)
    kill_hard(worker)

    # Each report is untouched, read whole, or read and grouped; the batch counts agree.
    stages = stage_counts(db)
    assert 0 < stages.get("read", 0) + stages.get("done", 0) < 80
    read_count, grouped_count = db.rows("SELECT read_count, grouped_count FROM articles_importbatch")[0]
    assert read_count == stages.get("read", 0) + stages.get("done", 0)
    assert grouped_count == stages.get("done", 0)
    assert (
        db.value(
            "SELECT count(*) FROM articles_article WHERE ingest_stage <> 'stored' AND analysis_version <> %s",
            (READING_VERSION,),
        )
        == 0
    )
    assert (
        db.value(
            "SELECT count(*) FROM articles_article WHERE ingest_stage <> 'done' AND event_id IS NOT NULL"
        )
        == 0
    )

    db.lapse_leases()  # as if ANALYSIS_LEASE_SECONDS had passed
    db.manage("analyse_stored", "--queue")  # what `make worker` does first
    db.manage("db_worker", "--batch")

    assert stage_counts(db) == {"done": 80}
    status, read_count, grouped_count = db.rows(
        "SELECT analysis_status, read_count, grouped_count FROM articles_importbatch"
    )[0]
    assert (status, read_count, grouped_count) == ("done", 80, 80)
    assert_event_counts_match_members(db)
    resumed = db.grouping()

    # The same events as one worker that was never interrupted.
    db.empty()
    db.manage("import_articles", str(path))
    assert db.grouping() == resumed


def assert_event_counts_match_members(db: SharedDatabase) -> None:
    rows = db.rows(
        "SELECT e.id, e.article_count, count(a.id) FROM articles_event e "
        "LEFT JOIN articles_article a ON a.event_id = e.id GROUP BY e.id, e.article_count"
    )
    assert rows and all(stored == members for _, stored, members in rows)
