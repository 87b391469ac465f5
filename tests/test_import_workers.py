"""Several task workers share stage two: no report is read or grouped twice, and they make
the same events as one worker. Real `manage.py db_worker` processes, real database."""

import re

import pytest
from ingest_helpers import SharedDatabase, synthetic_records, write_jsonl

pytestmark = pytest.mark.django_db(transaction=True)

READ_LINE = re.compile(r"Stage two read reports ([\d,]+)")


def run_workers(db: SharedDatabase, count: int) -> list[list[int]]:
    """Start `count` workers together, wait for all; the report ids each one read, claim by claim."""
    workers = [db.start("db_worker", "--batch", LOG_LEVEL="INFO") for _ in range(count)]
    reads = []
    for worker in workers:
        _, log = worker.communicate()
        assert worker.returncode == 0, log[-3000:]
        reads.append([int(pk) for line in READ_LINE.findall(log) for pk in line.split(",")])
    return reads


def test_two_workers_read_each_report_once_and_make_the_events_one_worker_makes(tmp_path):
    db = SharedDatabase(tmp_path)
    path = write_jsonl(tmp_path / "reports.jsonl", synthetic_records(160))
    db.manage("import_articles", str(path), "--no-wait", ANALYSIS_TASKS="2")

    first, second = run_workers(db, 2)

    ids = [pk for (pk,) in db.rows("SELECT id FROM articles_article")]
    assert sorted(first + second) == sorted(ids)  # every report read, none twice
    assert first and second  # both workers took part
    assert db.rows("SELECT DISTINCT ingest_stage FROM articles_article") == [("done",)]
    assert db.rows("SELECT analysis_status, read_count, grouped_count FROM articles_importbatch") == [
        ("done", 160, 160)
    ]
    # Grouped once: every event's count is its members, and frequencies count each report once.
    assert db.value("SELECT reports FROM articles_keyfrequency WHERE \"key\" = ''") == 160
    rows = db.rows(
        "SELECT e.article_count, count(a.id) FROM articles_event e "
        "LEFT JOIN articles_article a ON a.event_id = e.id GROUP BY e.id, e.article_count"
    )
    assert rows and all(stored == members for stored, members in rows)
    together = db.grouping()

    db.empty()
    db.manage("import_articles", str(path), "--no-wait", ANALYSIS_TASKS="1")
    [alone] = run_workers(db, 1)

    assert len(alone) == 160
    assert db.grouping() == together
