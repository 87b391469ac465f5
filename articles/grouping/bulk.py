"""Regroup's bulk writes: COPY on PostgreSQL, executemany on SQLite.

Why not executemany everywhere: on PostgreSQL each row of an executemany is a statement
of its own, and the page-cache version triggers on articles and events are statement
triggers (browsing/pagecache.py). A regroup of 100,000 reports then rewrote the one token
row some 130,000 times in one transaction, each time past all the dead versions before
it: 540 s instead of 100. COPY is one statement per table, fires each trigger once and is
the fastest way into PostgreSQL. SQLite has no COPY; its executemany reuses one prepared
statement and its triggers are dropped for the write (pagecache.one_version_bump).
"""

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from django.db import connection
from django.db.backends.utils import CursorWrapper

# Rows per executemany call on SQLite (bounds the memory of one call, not a limit of SQLite).
CHUNK = 20_000
# A regroup rewriting at least this many reports refreshes the planner statistics; below,
# stale statistics cost little and autovacuum's own analyze is left to it.
ANALYZE_AFTER = 10_000
# The GIN pending list allowed while updating_outcomes applies the rows, in kB (PostgreSQL's largest): all of
# a regroup's new index entries are merged into the index once, at the end.
GIN_PENDING_LIST_KB = 2_147_483_647


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Insert rows (values in `columns` order; JSON columns as JSON text)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY's text input of a jsonb column is parsed as JSON: no cast needed.
            _copy(cursor, f"COPY {quote(table)} ({names}) FROM STDIN", rows)
            return
        placeholders = ", ".join("%s" for _ in columns)
        _execute_chunked(cursor, f"INSERT INTO {quote(table)} ({names}) VALUES ({placeholders})", rows)


@contextmanager
def updating_outcomes(table: str, rows: Sequence[tuple]) -> Iterator[None]:
    """Set (event_id, grouping_status, grouping_score, grouping_evidence JSON text) by id,
    while the block runs.

    rows: (event_id, status, score, evidence, id). On PostgreSQL the rows are copied into a
    temporary table, then one UPDATE applies them on this connection from another thread
    while the block computes in Python: the server's work (about 20 s for 100,000 reports,
    most of it index upkeep) and the caller's overlap on two cores. The block must not use
    the database; psycopg's connection lock would make it wait for the UPDATE if it did. The
    context ends when both have. SQLite: written first, in this thread, then the block runs.
    """
    if not rows or connection.vendor != "postgresql":
        _update_outcomes_sqlite(table, rows)
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS pg_temp.regroup_outcome")
        cursor.execute(
            "CREATE TEMPORARY TABLE regroup_outcome (event_id bigint, grouping_status text, "
            "grouping_score double precision, grouping_evidence jsonb, id bigint) ON COMMIT DROP"
        )
        _copy(cursor, "COPY regroup_outcome FROM STDIN", rows)
        # Statistics for the planner: autovacuum never analyses a temporary table, and a table
        # that grew since it last analysed it (a regroup after a large import) is planned as
        # it was. With 1,000 reports' statistics at 100,000, this UPDATE ran for minutes. As
        # refresh_statistics after a write: only for a large one, which stale statistics can
        # mislead; a small one is planned well enough either way.
        if len(rows) >= ANALYZE_AFTER:
            cursor.execute("ANALYZE regroup_outcome")
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
        with _meanwhile(lambda: _apply_outcomes(cursor, table)):
            yield


def _apply_outcomes(cursor: CursorWrapper, table: str) -> None:
    # Every row rewritten gets new entries in every index, the full-text GIN index included
    # (about 150 per report). GIN queues them in a pending list and merges it into the index
    # whenever it passes gin_pending_list_limit (4 MB): thousands of small merges, each
    # revisiting the same posting lists. One merge at the end, in bulk, writes less than half
    # the WAL and takes a third less time (50,000 reports: 1,110 MB and 10.6 s of server CPU
    # against 494 MB and 8.7 s). The merge is done here, not left to vacuum: searches scan a
    # pending list row by row.
    cursor.execute("SELECT set_config('gin_pending_list_limit', %s, true)", [str(GIN_PENDING_LIST_KB)])
    cursor.execute(
        f"UPDATE {connection.ops.quote_name(table)} AS a SET event_id = o.event_id, "
        "grouping_status = o.grouping_status, grouping_score = o.grouping_score, "
        "grouping_evidence = o.grouping_evidence FROM regroup_outcome AS o WHERE a.id = o.id"
    )
    cursor.execute("RESET gin_pending_list_limit")
    cursor.execute(
        "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
        "WHERE i.indrelid = %s::regclass AND am.amname = 'gin'",
        [table],
    )


def _update_outcomes_sqlite(table: str, rows: Sequence[tuple]) -> None:
    sql = (
        f"UPDATE {connection.ops.quote_name(table)} SET event_id = %s, grouping_status = %s, "
        "grouping_score = %s, grouping_evidence = %s WHERE id = %s"
    )
    with connection.cursor() as cursor:
        _execute_chunked(cursor, sql, rows)


@contextmanager
def _meanwhile(work: Callable[[], None]) -> Iterator[None]:
    """Run `work` in a thread while the block runs; re-raise its error after both end."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:  # handed to the caller's thread below
            failed.append(error)

    thread = threading.Thread(target=run, name="regroup-write")
    thread.start()
    try:
        yield
    finally:
        # Also when the block failed: the transaction is rolled back only after the UPDATE.
        thread.join()
    if failed:
        raise failed[0]


def _copy(cursor: CursorWrapper, sql: str, rows: Sequence[tuple]) -> None:
    """PostgreSQL: stream the rows through one COPY ... FROM STDIN (psycopg's cursor)."""
    with cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _execute_chunked(cursor: CursorWrapper, sql: str, rows: Sequence[tuple]) -> None:
    for start in range(0, len(rows), CHUNK):
        cursor.executemany(sql, rows[start : start + CHUNK])


def refresh_statistics(tables: Sequence[str]) -> None:
    """PostgreSQL: re-read the rewritten tables' statistics, so that the next imports plan
    their queries on the new contents (autovacuum would, but later, and only when on)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))
