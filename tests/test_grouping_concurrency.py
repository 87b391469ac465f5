"""Two imports running at once in separate processes never split one story in two."""

import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest
from django.db import connection
from grouping_cases import (
    COMMITTEE_VOTE,
    COMMITTEE_VOTE_OTHER_OUTLET,
    FERRY_FIRST_DAY,
    FERRY_NEXT_DAY,
    FIRST_SUMMIT_BROADCASTER,
    FIRST_SUMMIT_WIRE,
)
from grouping_helpers import seed_texts

from articles.models import Article, Event

WORKER = os.path.join(os.path.dirname(__file__), "grouping_worker.py")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def database_url(tmp_path) -> str:
    """A database both worker processes can open: the test database on PostgreSQL, a
    migrated file on SQLite (the SQLite test database lives in memory)."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
        return f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"
    url = f"sqlite:///{tmp_path / 'concurrent.sqlite3'}"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": url},
        check=True,
    )
    return url


def stored_grouping(tmp_path) -> tuple[dict[str, int | None], int]:
    """(headline -> event id, number of events) as the workers left them."""
    if connection.vendor == "postgresql":
        return dict(Article.objects.values_list("title", "event_id")), Event.objects.count()
    with sqlite3.connect(tmp_path / "concurrent.sqlite3") as db:
        articles = dict(db.execute("SELECT title, event_id FROM articles_article"))
        (count,) = db.execute("SELECT count(*) FROM articles_event").fetchone()
    return articles, count


def run_workers(url: str, batches: list[list[dict]], tmp_path) -> None:
    start_at = time.time() + 3  # both have imported Django by then
    processes = []
    for number, batch in enumerate(batches):
        path = tmp_path / f"reports-{number}.json"
        path.write_text(json.dumps(batch), encoding="utf-8")
        processes.append(
            subprocess.Popen(
                [sys.executable, WORKER, str(path), str(start_at)],
                cwd=REPO,
                env={**os.environ, "DATABASE_URL": url},
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for process in processes:
        _, errors = process.communicate()
        assert process.returncode == 0, errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_imports_of_the_same_stories_make_one_event_per_story(tmp_path):
    (seed_a, seed_b) = seed_texts()
    stories = [
        (FERRY_FIRST_DAY, FERRY_NEXT_DAY),
        (FIRST_SUMMIT_WIRE, FIRST_SUMMIT_BROADCASTER),
        (COMMITTEE_VOTE, COMMITTEE_VOTE_OTHER_OUTLET),
        (seed_a, seed_b),
    ]
    batches = [
        [{"source": outlet, "title": story[side][0], "text": story[side][1]} for story in stories]
        for side, outlet in enumerate(["Alpha Wire", "Beta Broadcasting"])
    ]
    url = database_url(tmp_path)

    run_workers(url, batches, tmp_path)

    events, event_count = stored_grouping(tmp_path)
    assert len(events) == 8
    for one, other in stories:
        assert events[one[0]] is not None
        assert events[one[0]] == events[other[0]], f"split: {one[0]!r}"
    assert event_count == len(stories)
