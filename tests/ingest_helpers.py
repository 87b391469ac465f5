"""Helpers for the two-stage import tests: synthetic reports, and real processes (the import
command, task workers) working on a database the test can read too."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from django.db import connection

REPO = Path(__file__).resolve().parent.parent


def synthetic_records(count: int, seed: int = 20190118) -> list[dict]:
    """JSONL records of the import benchmark: events of 1-5 reports from several outlets,
    with Zipf-distributed words and their own topic words and names."""
    import random

    from bench.bench_grouping import Generator
    from bench.bench_import import make_article

    rng = random.Random(seed)
    reports = Generator(seed=seed).reports(count)
    return [make_article(rng, n, report) for n, report in enumerate(reports)]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


class SharedDatabase:
    """A database that separate processes and the test both use: the test database on
    PostgreSQL (the test must be transactional), a migrated file on SQLite (whose test
    database lives in this process's memory)."""

    def __init__(self, tmp_path: Path) -> None:
        settings = connection.settings_dict
        self.postgres = connection.vendor == "postgresql"
        if self.postgres:
            host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
            self.url = f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"
        else:
            self.path = tmp_path / "shared.sqlite3"
            self.url = f"sqlite:///{self.path}"
            self.manage("migrate", "--noinput", "-v0")

    def env(self, **extra: str) -> dict[str, str]:
        return {**os.environ, "DATABASE_URL": self.url, **extra}

    def manage(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=self.env(**env),
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done

    def start(self, *args: str, **env: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=self.env(**env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple]:
        """Plain SQL, written to run on both databases ("%s" placeholders)."""
        if self.postgres:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        with sqlite3.connect(self.path, timeout=30) as db:
            return db.execute(sql.replace("%s", "?"), params).fetchall()

    def value(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self.rows(sql, params)[0][0]

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        if self.postgres:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
            return
        with sqlite3.connect(self.path, timeout=30) as db:
            db.execute(sql.replace("%s", "?"), params)

    def lapse_leases(self) -> None:
        """What the passing of ANALYSIS_LEASE_SECONDS / IMPORT_LEASE_SECONDS does, at once."""
        past = "2000-01-01 00:00:00"
        self.execute(
            "UPDATE articles_article SET claimed_until = %s WHERE claimed_until IS NOT NULL", (past,)
        )
        self.execute(
            "UPDATE articles_importbatch SET lease_expires_at = %s, analysis_lease_expires_at = %s",
            (past, past),
        )

    def grouping(self) -> tuple[set[frozenset[str]], dict[str, str]]:
        """The events as sets of reports (by URL, else headline), and each one's decision."""
        members: dict[int, set[str]] = {}
        decisions = {}
        for name, event_id, status in self.rows(
            "SELECT coalesce(url, title), event_id, grouping_status FROM articles_article"
        ):
            decisions[name] = status
            if event_id is not None:
                members.setdefault(event_id, set()).add(name)
        return {frozenset(titles) for titles in members.values()}, decisions

    def empty(self) -> None:
        """Forget every report, event and grouping statistic (a fresh database)."""
        for table in [
            "articles_reportfeatures",
            "articles_article",
            "articles_eventkey",
            "articles_eventprofile",
            "articles_possiblysame",
            "articles_mergedevent",
            "articles_event",
            "articles_keyfrequency",
            "articles_importbatch",
            "django_tasks_database_dbtaskresult",
        ]:
            self.execute(f"DELETE FROM {table}")


def wait_until(process: subprocess.Popen, condition: Any) -> None:
    """Poll `condition()` while the process runs; fail if it ends first."""
    while not condition():
        if process.poll() is not None:
            _, errors = process.communicate()
            raise AssertionError(
                f"the process ended (exit {process.returncode}) before the moment: {errors[-2000:]}"
            )
        time.sleep(0.02)


def kill_hard(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL
