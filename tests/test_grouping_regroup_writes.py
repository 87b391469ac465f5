"""How a regroup writes on PostgreSQL: each regrouped report once, and no index work left over."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection
from test_grouping_regroup import corpus_reports, load

from articles.models import Article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics and GIN index"),
]


def _article_rows_updated() -> int:
    """Row updates of articles_article so far in this transaction (the test's)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'articles_article'")
        row = cursor.fetchone()
    return row[0] if row else 0


def test_regroup_writes_each_regrouped_report_once():
    # Every report is in an event before the regroup: detaching them from the old events and
    # then attaching them to the new ones would write each twice.
    load(corpus_reports(12))
    assert not Article.objects.filter(event__isnull=True).exists()
    before = _article_rows_updated()

    call_command("regroup", "--no-progress", stdout=StringIO())

    assert _article_rows_updated() - before == Article.objects.count()


def test_regroup_leaves_no_full_text_index_entries_pending():
    # The regroup lets GIN queue the new index entries of every report it rewrites and merges
    # them at the end: none may be left for searches to scan one by one.
    load(corpus_reports(12))

    call_command("regroup", "--no-progress", stdout=StringIO())

    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('article_search_vector_idx')")
        assert cursor.fetchone()[0] == 0


def test_a_regroup_whose_report_update_fails_changes_nothing():
    # The reports' UPDATE runs in a thread of its own while titles are picked: its failure
    # must still reach the caller and roll the whole regroup back.
    load(corpus_reports(12))
    before = sorted(Article.objects.values_list("id", "event_id", "grouping_status", "grouping_score"))
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION pg_temp.refuse() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$"
        )
        cursor.execute(
            "CREATE TRIGGER refuse_updates BEFORE UPDATE ON articles_article "
            "FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.refuse()"
        )

    with pytest.raises(DatabaseError, match="refused by the test"):
        call_command("regroup", "--no-progress", stdout=StringIO())

    after = sorted(Article.objects.values_list("id", "event_id", "grouping_status", "grouping_score"))
    assert after == before


def test_event_profiles_are_stored_with_lz4_where_the_server_has_it():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        if not cursor.fetchone()[0]:
            pytest.skip("this PostgreSQL server was built without lz4")
    load(corpus_reports(12))

    call_command("regroup", "--no-progress", stdout=StringIO())

    with connection.cursor() as cursor:
        # Only values over PostgreSQL's 2 kB threshold are compressed at all.
        cursor.execute(
            "SELECT DISTINCT pg_column_compression(data) FROM articles_eventprofile "
            "WHERE pg_column_compression(data) IS NOT NULL"
        )
        assert [row[0] for row in cursor.fetchall()] == ["lz4"]
