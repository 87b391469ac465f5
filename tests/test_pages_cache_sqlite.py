"""The SQLite token reader that spares cache hits a new database connection."""

import sqlite3

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
