"""PostgreSQL's kept rankings (articles/search/standing.py) and the log of writes they read
(migration 0018): a search brought up to date from the last one lists exactly what a ranking from
scratch lists, and counts exactly what a plain count counts, after inserts, edits, deletions,
writes still running at the kept snapshot, pruning and TRUNCATE."""

import dataclasses
import random
import threading
from unittest import mock

import pytest
from browse_data import outlet, report
from django.core.cache import cache
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.search import parse_query, standing

# Committed rows: inside one test transaction every row is as young as the snapshot, and the
# log would hold everything, which would prove nothing about reading only what was written since.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's rankings"),
]

QUERY = parse_query("harbour crane")


@pytest.fixture(autouse=True)
def empty_log() -> None:
    """Each test starts with an empty log (the table is not a model's: the flush between tests
    leaves it), pruned as the writers prune it, which also keeps them from pruning for a minute."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT articles_prune_search_changes(interval '0 seconds')")


def _ranked(*, limit: int) -> list[int]:
    """The kept path's ids, checked against a ranking and a count from scratch in plain SQL."""
    ids, total = standing.ranking(QUERY, limit=limit)
    assert total == _matches()
    assert ids == _from_scratch(limit)
    return ids


def _matches() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM articles_article WHERE search_vector @@ plainto_tsquery('english', %s)",
            [QUERY.plain_text()],
        )
        return cursor.fetchone()[0]


def _from_scratch(limit: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT id FROM articles_article, plainto_tsquery('english', %s) AS q(tsq)
            WHERE search_vector @@ q.tsq
            ORDER BY ts_rank_cd(search_vector, q.tsq) DESC, id DESC LIMIT %s
            """,
            [QUERY.plain_text(), limit],
        )
        return [row[0] for row in cursor.fetchall()]


def _kept(limit: int) -> standing.Standing:
    return cache.get(standing._key(QUERY, limit))


def _harbour_reports(source, n: int) -> list[Article]:
    # More mentions, more weight: report i ranks by how often it names the harbour crane.
    return [
        report(source, title=f"Port notice {i}", body="The harbour crane moved. " * i)
        for i in range(1, n + 1)
    ]


def _logged_ids() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT article_id FROM articles_search_change ORDER BY xid")
        return [row[0] for row in cursor.fetchall()]


def _edit(article: Article, body: str) -> None:
    article.body_text = body
    article.save()


def test_a_search_run_again_lists_a_report_written_since_in_its_place_in_one_statement():
    source = outlet("Alpha News")
    _harbour_reports(source, 6)
    assert len(_ranked(limit=3)) == 3
    newcomer = report(source, title="Harbour crane collapses", body="The harbour crane fell. " * 8)
    with CaptureQueriesContext(connection) as queries:
        again, total = standing.ranking(QUERY, limit=3)
    assert total == 7
    assert again[0] == newcomer.pk
    assert again == _from_scratch(3)
    assert len(queries.captured_queries) == 1
    assert "articles_search_change" in queries.captured_queries[0]["sql"]


def test_bringing_a_ranking_up_to_date_tests_only_the_reports_logged_since_not_every_match():
    source = outlet("Alpha News")
    _harbour_reports(source, 6)
    _ranked(limit=3)
    # The snapshot point just after the six were logged, so that no transaction running elsewhere
    # on the server (the oldest running one is the point) makes the log read start before them.
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(xid::text::bigint) + 1 FROM articles_search_change")
        kept = dataclasses.replace(_kept(3), oldest=cursor.fetchone()[0])
    assert _reports_tested(kept) == []
    newcomer = report(source, title="Airport reopens", body="Flights resumed.")
    # One report tested, not the six that match: the log is read by index.
    assert _reports_tested(kept) == [newcomer.pk]


def test_the_log_holds_inserts_deletions_and_edits_of_the_text_but_not_other_writes():
    source = outlet("Alpha News")
    first, second = report(source, body="One."), report(source, body="Two.")
    Article.objects.filter(pk=first.pk).update(word_count=99, grouping_score=0.5)
    assert _logged_ids() == [first.pk, second.pk]
    Article.objects.filter(pk=first.pk).update(title="A new headline")
    Article.objects.filter(pk=second.pk).delete()
    assert _logged_ids() == [first.pk, second.pk, first.pk, second.pk]


def test_a_search_whose_results_did_not_change_leaves_the_kept_ranking_unwritten():
    source = outlet("Alpha News")
    _harbour_reports(source, 4)
    _ranked(limit=2)
    report(source, title="Airport reopens", body="Flights resumed on Monday.")
    with mock.patch.object(standing.cache, "set", wraps=standing.cache.set) as writes:
        _ranked(limit=2)
        assert writes.call_count == 0
        newcomer = report(source, title="Harbour crane collapses", body="The harbour crane fell. " * 8)
        assert _ranked(limit=2)[0] == newcomer.pk
        assert writes.call_count == 1


def test_a_kept_report_edited_to_rank_lower_lets_one_from_below_the_cut_back_in():
    source = outlet("Alpha News")
    reports = _harbour_reports(source, 5)
    assert _ranked(limit=2) == [reports[4].pk, reports[3].pk]
    _edit(reports[4], "The harbour crane moved.")
    assert _ranked(limit=2) == [reports[3].pk, reports[2].pk]


def test_a_kept_report_that_no_longer_matches_or_is_deleted_leaves_the_ranking():
    source = outlet("Alpha News")
    reports = _harbour_reports(source, 5)
    assert _ranked(limit=2) == [reports[4].pk, reports[3].pk]
    _edit(reports[4], "The airport was closed.")
    assert _ranked(limit=2) == [reports[3].pk, reports[2].pk]
    Article.objects.filter(pk=reports[3].pk).delete()
    assert _ranked(limit=2) == [reports[2].pk, reports[1].pk]


def test_a_report_edited_to_rank_higher_moves_up_in_a_kept_ranking():
    source = outlet("Alpha News")
    reports = _harbour_reports(source, 5)
    assert _ranked(limit=2) == [reports[4].pk, reports[3].pk]
    _edit(reports[0], "The harbour crane moved. " * 9)
    assert _ranked(limit=2) == [reports[0].pk, reports[4].pk]


def test_reports_below_the_cut_edited_to_match_and_not_to_match_change_the_count_exactly():
    # The count is the only thing these writes change: it must come from the kept set of
    # matches, since a report edited away no longer says whether it matched before.
    source = outlet("Alpha News")
    reports = _harbour_reports(source, 5)
    other = report(source, title="Airport reopens", body="Flights resumed.")
    _ranked(limit=2)
    _edit(other, "The harbour crane was seen from the airport.")
    _ranked(limit=2)
    assert _kept(2).total == 6
    _edit(reports[0], "The airport was closed.")
    _edit(other, "Flights resumed.")
    _ranked(limit=2)
    assert _kept(2).total == 4
    _edit(other, "Flights resumed.  ")  # the same words: the same vector, nothing logged
    _edit(reports[0], "The harbour crane moved again.")
    _edit(reports[0], "The harbour crane moved once more.")  # logged twice, counted once
    assert _ranked(limit=2) == [reports[4].pk, reports[3].pk]


def test_a_report_below_the_cut_deleted_leaves_the_count():
    source = outlet("Alpha News")
    reports = _harbour_reports(source, 5)
    _ranked(limit=2)
    Article.objects.filter(pk__in=[reports[0].pk, reports[1].pk]).delete()
    assert _ranked(limit=2) == [reports[4].pk, reports[3].pk]
    assert _kept(2).total == 3


def test_a_search_that_matched_nothing_finds_a_report_written_since():
    assert _ranked(limit=5) == []
    found = report(outlet("Alpha News"), title="Harbour crane", body="The harbour crane moved.")
    assert _ranked(limit=5) == [found.pk]


def test_a_search_inside_a_transaction_that_wrote_sees_its_writes_but_keeps_nothing():
    # Its own uncommitted report would stay in a kept ranking after a rollback, with no log row
    # left to take it out.
    source = outlet("Alpha News")
    _harbour_reports(source, 3)
    _ranked(limit=2)
    kept = _kept(2)
    with transaction.atomic():
        own = report(source, title="Harbour crane", body="The harbour crane moved. " * 9)
        assert _ranked(limit=2)[0] == own.pk
        assert standing._ranked_afresh(QUERY, 2).oldest is None
        transaction.set_rollback(True)
    assert _kept(2) == kept
    assert own.pk not in _ranked(limit=2)


@pytest.mark.parametrize("writes_before_the_snapshot", [True, False])
def test_a_write_running_when_a_ranking_was_kept_is_counted_once_it_commits(writes_before_the_snapshot):
    # The writer has its transaction id before the kept ranking's snapshot, and writes the report
    # before it or after it; the snapshot does not see the report either way.
    source = outlet("Alpha News")
    _harbour_reports(source, 3)
    started, go = threading.Event(), threading.Event()
    late: list[Article] = []

    def write() -> None:
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_current_xact_id()")
                if writes_before_the_snapshot:
                    late.append(report(source, title="Harbour crane late", body="The harbour crane. " * 9))
                started.set()
                go.wait(30)
                if not writes_before_the_snapshot:
                    late.append(report(source, title="Harbour crane late", body="The harbour crane. " * 9))
        finally:
            connection.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert started.wait(30)
        # A younger transaction ends first, so that the snapshot's upper bound passes the
        # writer's id: only its lower bound, the oldest transaction running, covers the write.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_current_xact_id()")
        # Ranked from scratch and kept while the writer runs (a write here would wait for the
        # writer's lock on the site-wide version row).
        ranked_meanwhile = _ranked(limit=2)
        assert _kept(2).total == 3
    finally:
        go.set()
        writer.join(30)
    assert late[0].pk not in ranked_meanwhile
    assert _ranked(limit=2)[0] == late[0].pk
    assert _kept(2).total == 4


def test_many_writes_of_every_kind_leave_the_kept_ranking_equal_to_one_from_scratch():
    rng = random.Random(7)
    source = outlet("Alpha News")
    reports = _harbour_reports(source, 10)
    words = ["The harbour crane moved.", "The airport closed.", "A crane at the harbour.", "Harbour."]
    _ranked(limit=4)
    for round_ in range(12):
        for _ in range(rng.randint(1, 8)):
            action = rng.random()
            if action < 0.4 or len(reports) < 3:
                body = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
                reports.append(report(source, title=f"Notice {round_}", body=body))
            elif action < 0.8:
                body = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
                _edit(rng.choice(reports), body)
            else:
                gone = reports.pop(rng.randrange(len(reports)))
                gone.delete()
        _ranked(limit=4)
    assert _matches() > 4  # the count went through the kept set, not only the best


def test_more_writes_than_a_ranking_from_scratch_costs_rank_afresh():
    source = outlet("Alpha News")
    _harbour_reports(source, 3)
    _ranked(limit=2)
    # Past 64 rows and half the three matches.
    for i in range(standing.MOST_LOGGED + 2):
        report(source, title=f"Airport notice {i}", body="Flights resumed.")
    with CaptureQueriesContext(connection) as queries:
        _ranked(limit=2)
    assert _statements(queries) == ["since", "afresh"]


def test_a_pruned_log_makes_the_next_search_rank_afresh():
    source = outlet("Alpha News")
    _harbour_reports(source, 3)
    _ranked(limit=2)
    report(source, title="Harbour crane", body="The harbour crane moved. " * 5)
    with connection.cursor() as cursor:
        cursor.execute("SELECT articles_prune_search_changes(interval '0 seconds')")
        assert cursor.fetchone()[0] == 4
    assert _logged_ids() == []
    with CaptureQueriesContext(connection) as queries:
        _ranked(limit=2)
    assert _statements(queries) == ["since", "afresh"]
    # The new ranking's snapshot is past the pruned rows: it is brought up to date again.
    report(source, title="Harbour crane", body="The harbour crane moved. " * 6)
    with CaptureQueriesContext(connection) as queries:
        _ranked(limit=2)
    assert _statements(queries) == ["since"]


def test_writers_prune_rows_older_than_the_log_keeps_at_most_once_a_minute():
    source = outlet("Alpha News")
    old = report(source, body="One.")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_search_change SET written_at = now() - interval '30 minutes'")
        cursor.execute("UPDATE articles_search_state SET pruned_at = now() - interval '30 seconds'")
    recent = report(source, body="Two.")
    assert _logged_ids() == [old.pk, recent.pk]  # pruned less than a minute ago
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_search_state SET pruned_at = now() - interval '2 minutes'")
    latest = report(source, body="Three.")
    assert _logged_ids() == [recent.pk, latest.pk]


def test_a_truncated_table_makes_a_kept_ranking_start_over():
    source = outlet("Alpha News")
    _harbour_reports(source, 3)
    _ranked(limit=2)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE articles_article CASCADE")
    found = report(source, title="Harbour crane", body="The harbour crane moved.")
    assert _ranked(limit=2) == [found.pk]


def test_a_cache_miss_ranks_afresh_and_keeps_the_ranking():
    source = outlet("Alpha News")
    _harbour_reports(source, 4)
    _ranked(limit=2)
    cache.clear()
    report(source, title="Harbour crane", body="The harbour crane moved. " * 3)
    with CaptureQueriesContext(connection) as queries:
        _ranked(limit=2)
    assert _statements(queries) == ["afresh"]
    assert _kept(2).total == 5


def test_the_log_migration_reverses_and_applies_again_with_a_new_generation():
    source = outlet("Alpha News")
    _harbour_reports(source, 3)
    _ranked(limit=2)
    before = _kept(2).generation
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("articles")
    executor.migrate([("articles", "0017_eventkey_weight_per_member")])
    try:
        assert "articles_search_change" not in connection.introspection.table_names()
        unlogged = report(source, title="Harbour crane", body="The harbour crane moved. " * 9)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    assert _ranked(limit=2)[0] == unlogged.pk
    assert _kept(2).generation != before


def _statements(queries: CaptureQueriesContext) -> list[str]:
    """The kept ranking's statements among `queries`: "since" brings one up to date, "afresh"
    ranks from scratch."""
    kinds = [("articles_search_change", "since"), ("int8send", "afresh")]
    return [kind for query in queries.captured_queries for mark, kind in kinds if mark in query["sql"]]


def _reports_tested(kept: standing.Standing) -> list[int]:
    """The reports the statement that brings `kept` up to date tests against the query."""
    with connection.cursor() as cursor:
        cursor.execute(standing._SINCE, [QUERY.plain_text(), *standing._since_params(kept)])
        return sorted(row[5] for row in cursor.fetchall() if row[5] is not None)
