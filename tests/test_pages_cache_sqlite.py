"""The SQLite token reader that spares cache hits a new database connection."""

import os
import sqlite3
import subprocess
import sys

from conftest import REPO

from articles.browsing.pagecache import _sqlite_file, read_token_sqlite


def test_token_reader_sees_each_committed_change(tmp_path):
    path = tmp_path / "site.sqlite3"
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE articles_content_version (id integer PRIMARY KEY, token text)")
    writer.execute("INSERT INTO articles_content_version VALUES (1, 'first')")
    writer.commit()
    assert read_token_sqlite(str(path)) == "first"
    writer.execute("UPDATE articles_content_version SET token = 'second' WHERE id = 1")
    assert read_token_sqlite(str(path)) == "first"  # not committed yet
    writer.commit()
    assert read_token_sqlite(str(path)) == "second"
    writer.close()


def test_token_reader_follows_a_replaced_database_file(tmp_path):
    path = tmp_path / "site.sqlite3"
    for token in ("old database", "new database"):
        path.unlink(missing_ok=True)
        writer = sqlite3.connect(path)
        writer.execute("CREATE TABLE articles_content_version (id integer PRIMARY KEY, token text)")
        writer.execute("INSERT INTO articles_content_version VALUES (1, ?)", [token])
        writer.commit()
        writer.close()
        assert read_token_sqlite(str(path)) == token


def test_in_memory_databases_use_djangos_own_connection():
    assert _sqlite_file({"NAME": "file:memorydb_default?mode=memory&cache=shared"}) is None
    assert _sqlite_file({"NAME": ":memory:"}) is None
    assert _sqlite_file({"NAME": "/srv/coverage/db.sqlite3"}) == "/srv/coverage/db.sqlite3"


LIST_PAGES_SCRIPT = """
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.backends.signals import connection_created
from django.test import Client
from articles.models import Article, Source

call_command("migrate", verbosity=0)
outlet = Source.objects.create(name="Alpha News", slug="alpha-news")
Article.objects.create(source=outlet, title="First headline", body_text="Text.", content_hash="a" * 64)
client = Client()
for path in ("/", "/articles/", "/events/"):
    client.get(path)  # the rows are cached from here on
opened = []
connection_created.connect(lambda **kwargs: opened.append(kwargs))
statuses = []
for path in ("/", "/articles/", "/events/"):
    connection.close()  # as at the end of each request a server serves (CONN_MAX_AGE=0)
    statuses.append(client.get(path).status_code)
print("connections opened:", len(opened), "statuses:", statuses)
Article.objects.create(source=outlet, title="Second headline", body_text="More.", content_hash="b" * 64)
print("second shown:", all("Second headline" in client.get(path).content.decode() for path in ("/", "/articles/")))
"""


def test_list_pages_on_a_sqlite_file_read_through_the_reader_and_show_a_commit_at_once(tmp_path):
    # Their fixed queries go through the thread's long-lived reader (fixedsql), as the tokens do:
    # with the rows cached, a list page opens no connection of Django's (half a millisecond).
    result = subprocess.run(
        [sys.executable, "-c", LIST_PAGES_SCRIPT],
        cwd=REPO,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "coverage_site.settings",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
            "BROWSE_PAGE_CACHE_SECONDS": "0",
            "CACHE_URL": "",
            "ALLOWED_HOSTS": "testserver",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "connections opened: 0 statuses: [200, 200, 200]" in result.stdout
    assert "second shown: True" in result.stdout
