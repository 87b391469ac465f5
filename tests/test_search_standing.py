"""PostgreSQL's kept rankings (articles/search/standing.py): a search brought up to date from the
last one lists exactly what a ranking from scratch lists, after inserts, edits and deletions."""

from unittest import mock

import pytest
from browse_data import outlet, report
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.search import matching_ids, parse_query, standing

# Committed rows: inside one test transaction every row is as young as the snapshot, and the
# kept ranking would score them all again, which would prove nothing about skipping.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's rankings"),
]

QUERY = parse_query("harbour crane")


def _ranked(*, limit: int) -> list[int]:
    """The kept path's ids, checked against its count of matches."""
    ids, total = standing.ranking(QUERY, limit=limit)
    assert total == standing._ranked_afresh(QUERY, limit).total == _matches()
    return ids


def _matches() -> int:
    return Article.objects.filter(id__in=matching_ids(QUERY)).count()


def _from_scratch(limit: int) -> list[int]:
    return [pk for pk, _ in standing._ranked_afresh(QUERY, limit).best]


def _harbour_reports(source, n: int) -> list[Article]:
    # More mentions, more weight: report i ranks by how often it names the harbour crane.
    return [
        report(source, title=f"Port notice {i}", body="The harbour crane moved. " * i)
        for i in range(1, n + 1)
    ]


def test_a_search_run_again_lists_a_report_written_since_in_its_place_in_one_statement():
    source = outlet("Alpha News")
    _harbour_reports(source, 6)
    assert _ranked(limit=3) == _from_scratch(3)
    newcomer = report(source, title="Harbour crane collapses", body="The harbour crane fell. " * 8)
    with CaptureQueriesContext(connection) as queries:
        again, total = standing.ranking(QUERY, limit=3)
    assert total == 7
    assert again[0] == newcomer.pk
    assert again == _from_scratch(3)
    assert len(queries.captured_queries) == 1
    assert "age(a.xmin)" in queries.captured_queries[0]["sql"]


def test_bringing_a_ranking_up_to_date_scores_only_the_kept_best_and_rows_written_since():
    source = outlet("Alpha News")
    _harbour_reports(source, 6)
    # The snapshot point just after the six were written, read from their own rows, so that no
    # transaction running elsewhere on the server makes the point older.
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(xmin::text::bigint) + 1 FROM articles_article")
        after_them = cursor.fetchone()[0]
    fresh = standing._ranked_afresh(QUERY, 3)
    kept = standing.Standing(after_them, fresh.total, fresh.best)
    assert _rows_scored(kept) == 3
    report(source, title="Harbour crane collapses", body="The harbour crane fell.")
    assert _rows_scored(kept) == 4


def test_a_search_whose_results_did_not_change_leaves_the_kept_ranking_unwritten():
    source = outlet("Alpha News")
    _harbour_reports(source, 4)
    _ranked(limit=2)
    report(source, title="Airport reopens", body="Flights resumed on Monday.")
    with mock.patch.object(standing.cache, "set", wraps=standing.cache.set) as writes:
        assert _ranked(limit=2) == _from_scratch(2)
        assert writes.call_count == 0
        newcomer = report(source, title="Harbour crane collapses", body="The harbour crane fell. " * 8)
        assert _ranked(limit=2)[0] == newcomer.pk
        assert writes.call_count == 1


def test_a_kept_report_edited_to_rank_lower_lets_one_from_below_the_cut_back_in():
    source = outlet("Alpha News")
    reports = _harbour_reports(source, 5)
    assert _ranked(limit=2) == [reports[4].pk, reports[3].pk]
    reports[4].body_text = "The harbour crane moved."
    reports[4].save()
    assert _ranked(limit=2) == _from_scratch(2) == [reports[3].pk, reports[2].pk]


def test_a_kept_report_that_no_longer_matches_or_is_deleted_leaves_the_ranking():
    source = outlet("Alpha News")
    reports = _harbour_reports(source, 5)
    assert _ranked(limit=2) == [reports[4].pk, reports[3].pk]
    reports[4].body_text = "The airport was closed."
    reports[4].save()
    assert _ranked(limit=2) == _from_scratch(2) == [reports[3].pk, reports[2].pk]
    Article.objects.filter(pk=reports[3].pk).delete()
    assert _ranked(limit=2) == _from_scratch(2) == [reports[2].pk, reports[1].pk]


def test_a_report_edited_to_rank_higher_moves_up_in_a_kept_ranking():
    source = outlet("Alpha News")
    reports = _harbour_reports(source, 5)
    assert _ranked(limit=2) == [reports[4].pk, reports[3].pk]
    reports[0].body_text = "The harbour crane moved. " * 9
    reports[0].save()
    assert _ranked(limit=2) == _from_scratch(2) == [reports[0].pk, reports[4].pk]


def test_a_search_that_matched_nothing_finds_a_report_written_since():
    assert _ranked(limit=5) == []
    found = report(outlet("Alpha News"), title="Harbour crane", body="The harbour crane moved.")
    assert _ranked(limit=5) == [found.pk]


def _rows_scored(kept: standing.Standing) -> int:
    """How many rows the statement that brings `kept` up to date runs ts_rank_cd on."""
    with connection.cursor() as cursor:
        cursor.execute(standing._SINCE, [QUERY.plain_text(), *standing._since_params(kept)])
        _, _, ids, scores = cursor.fetchone()
    assert len(ids) == len(scores)
    return len(ids)
