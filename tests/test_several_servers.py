"""Several machines' worth of processes on one PostgreSQL database and one Redis: two gunicorn
servers and two task workers. An import through one server, run by a worker, is on the other
server's pages at the next request: no stale page from the page cache or the row cache.

Runs in the PostgreSQL pass (it makes its own database on that server) when Redis answers too.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest
from conftest import DEMO_DIR, REPO
from django.utils.html import escape
from services import REDIS_URL, postgres_server_url, require_redis

pytestmark = pytest.mark.slow

# Gives up on the worker after this long: a stuck worker fails the test instead of hanging it.
# Not a speed check: the import needs a few seconds.
WORKER_PATIENCE_SECONDS = 300
PASSWORD = "several-servers-pw-1234"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _demo_reports() -> list[dict]:
    """Reports of two demo events (two outlets each), from the demo folder's JSON lines."""
    rows = [json.loads(line) for line in (DEMO_DIR / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    return rows[:6]


@dataclass
class Site:
    env: dict[str, str]
    database_url: str
    servers: list[str]


def _manage(env: dict[str, str], *args: str, **kwargs: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, **kwargs
    )


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    server_url = postgres_server_url()
    require_redis()
    name = f"coverage_servers_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(server_url + "/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    database_url = f"{server_url}/{name}"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DATABASE_URL": database_url,
        "CACHE_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": name,  # this site's keys only, deleted afterwards
        # Every upload of more than one report goes to the task workers.
        "IMPORT_INLINE_MAX_ITEMS": "1",
        # Staged uploads in one folder all servers and workers see, as a shared volume would be.
        "IMPORT_STAGING_DIR": str(tmp_path / "staging"),
        "DJANGO_SETTINGS_MODULE": "coverage_site.settings",
    }
    processes: list[subprocess.Popen] = []
    try:
        migrated = _manage(env, "migrate", "--noinput", timeout=300)
        assert migrated.returncode == 0, migrated.stderr
        created = _manage(
            {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
            "createsuperuser",
            "--noinput",
            "--username",
            "editor",
            "--email",
            "editor@example.com",
            timeout=120,
        )
        assert created.returncode == 0, created.stderr
        servers = []
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        for _ in range(2):
            port = _free_port()
            processes.append(
                subprocess.Popen(
                    [
                        gunicorn,
                        "coverage_site.wsgi:application",
                        "--workers",
                        "1",
                        "--bind",
                        f"127.0.0.1:{port}",
                    ],
                    cwd=REPO,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            servers.append(f"http://127.0.0.1:{port}")
        for worker in range(2):
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "manage.py",
                        "db_worker",
                        "--no-reload",
                        "--interval",
                        "0.2",
                        "--worker-id",
                        f"{name}-{worker}",
                    ],
                    cwd=REPO,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        for server in servers:
            _wait_for(server)
        yield Site(env=env, database_url=database_url, servers=servers)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(match=f"{name}:*"))
        if keys:
            client.delete(*keys)
        with psycopg.connect(server_url + "/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _wait_for(server: str) -> None:
    for _ in range(300):
        try:
            if httpx.get(server + "/", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{server} did not start")


def _csrf(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def _import_through(server: str, reports: list[dict]) -> None:
    """Log in to the server's admin and import the reports as staff would: upload, preview, confirm."""
    with httpx.Client(base_url=server, follow_redirects=True, timeout=60) as browser:
        login = browser.get("/admin/login/?next=/admin/")
        done = browser.post(
            "/admin/login/?next=/admin/",
            data={"csrfmiddlewaretoken": _csrf(login.text), "username": "editor", "password": PASSWORD},
        )
        assert "Log out" in done.text or "logout" in done.text
        form = browser.get("/admin/articles/import/")
        upload = "\n".join(json.dumps(row) for row in reports).encode()
        preview = browser.post(
            "/admin/articles/import/",
            data={"csrfmiddlewaretoken": _csrf(form.text)},
            files={"files": ("reports.jsonl", upload, "application/jsonl")},
        )
        assert "run in the background" in preview.text
        token = re.search(r'name="token" value="([^"]+)"', preview.text).group(1)
        browser.post(
            "/admin/articles/import/", data={"csrfmiddlewaretoken": _csrf(preview.text), "token": token}
        )


def _wait_for_the_workers(database_url: str) -> None:
    deadline = time.monotonic() + WORKER_PATIENCE_SECONDS
    with psycopg.connect(database_url, autocommit=True) as connection:
        while time.monotonic() < deadline:
            # Both stages: storing (status), then reading and grouping (analysis_status,
            # empty when the batch stored nothing for stage two).
            status, analysis = connection.execute(
                "SELECT status, analysis_status FROM articles_importbatch ORDER BY id DESC"
            ).fetchone()
            if status not in ("queued", "running") and analysis not in ("queued", "running"):
                assert (status, analysis) in (("done", "done"), ("done", "")), (status, analysis)
                return
            time.sleep(0.2)
    pytest.fail(f"the task workers did not finish the import in {WORKER_PATIENCE_SECONDS} s")


def test_an_import_through_one_server_is_on_the_others_pages_at_once(site):
    first, second = site.servers
    reports = _demo_reports()
    already, added = reports[:2], reports[2:]
    # Both servers render and cache their pages (in Redis) before the import.
    _import_through(first, already)
    _wait_for_the_workers(site.database_url)
    for server in site.servers:
        for path in ("/", "/events/", "/articles/"):
            assert httpx.get(server + path).status_code == 200
        assert httpx.get(server + "/").headers["X-Page-Cache"] == "hit"

    _import_through(first, added)
    _wait_for_the_workers(site.database_url)

    with psycopg.connect(site.database_url) as connection:
        stored = connection.execute(
            "SELECT id, event_id, title FROM articles_article WHERE title = ANY(%s) ORDER BY id",
            [[row["title"] for row in added]],
        ).fetchall()
    assert len(stored) == len(added)
    home, events, articles = (httpx.get(second + path).text for path in ("/", "/events/", "/articles/"))
    for _, event_id, title in stored:
        assert f'href="/events/{event_id}/"' in home and f'href="/events/{event_id}/"' in events
        assert escape(title) in articles
        assert escape(title) in httpx.get(f"{second}/events/{event_id}/").text
    (a, *_), (b, *_) = stored[:2]  # two outlets' reports of one demo event
    comparison = httpx.get(f"{second}/compare/{a}/{b}/", timeout=120)
    assert comparison.status_code == 200
    # The comparison the first server computes for the same pair is the one the second shows.
    assert httpx.get(f"{first}/compare/{a}/{b}/", timeout=120).text == comparison.text
