"""Every list and detail page runs a bounded number of queries whatever the number of rows."""

import pytest
from browse_data import (
    bulk_rows,
    event_with_reports,
    outlet,
)
from django.db import connection
from django.urls import reverse

from articles.models import Article, Event, Source

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10


@pytest.fixture(params=[2, 20, 200])
def rows(request) -> int:
    bulk_rows(request.param)
    # One event reported by many outlets, for the event and article pages.
    many = [outlet(f"Wide Outlet {i}") for i in range(request.param)]
    event_with_reports("Widely covered summit", many)
    return request.param


def _pages() -> list[str]:
    event = Event.objects.get(title="Widely covered summit")
    article, other = event.articles.order_by("id")[:2]
    source = Source.objects.order_by("id").first()
    return [
        reverse("articles:home"),
        reverse("articles:event-list"),
        reverse("articles:event-list") + "?sort=covered&min_outlets=1&source=" + source.slug,
        event.get_absolute_url(),
        reverse("articles:article-list"),
        reverse("articles:article-list") + "?text=harbour&unassigned=on",
        article.get_absolute_url(),
        reverse("articles:compare", args=[article.pk, other.pk]),
        reverse("articles:compare-pick") + f"?event={event.pk}",
        reverse("articles:source-list"),
        source.get_absolute_url(),
        reverse("articles:search") + "?q=harbour+strike",
        reverse("articles:event-feed"),
        reverse("articles:event-reports-feed", args=[event.pk]),
        reverse("articles:source-feed", args=[source.slug]),
        "/api/v1/articles?limit=100",
        "/api/v1/articles?search=strike&limit=100",
        "/api/v1/events?limit=100",
        f"/api/v1/events/{event.pk}",
        "/api/v1/sources",
    ]


def test_pages_run_a_bounded_number_of_queries(client, rows, django_assert_max_num_queries):
    for url in _pages():
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url)
        assert response.status_code == 200, url


def _plan(sql: str, params: list[object]) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # tiny tables: ask whether an index *can* answer
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    return plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN plans are checked on PostgreSQL")
def test_main_list_and_search_queries_use_their_indexes(rows):
    from articles.grouping.store import first_members
    from articles.search import parse_query
    from articles.search.engines import PostgresEngine

    events = Event.objects.with_reports().latest_first()[:20]
    assert "event_reported_latest_idx" in _plan(*events.query.sql_with_params())
    reports = Article.objects.for_lists().latest_first()[:50]
    assert "article_latest_nulls_last_idx" in _plan(*reports.query.sql_with_params())
    one_outlet = Article.objects.for_lists().filter(source_id=1).latest_first()[:50]
    assert "article_source_latest_nulls_last_idx" in _plan(*one_outlet.query.sql_with_params())
    unassigned = Article.objects.for_lists().unassigned().latest_first()[:10]
    assert "article_unassigned_latest_idx" in _plan(*unassigned.query.sql_with_params())
    # An event's reports: either the (event, source) index or the foreign key's own index.
    by_event = Article.objects.filter(event_id=1).order_by().values_list("source_id")
    by_event_plan = _plan(*by_event.query.sql_with_params())
    assert "Index Cond: (event_id = " in by_event_plan, by_event_plan
    # Grouping reads an event's first reports on every import: never a walk of the table.
    first = first_members(1)
    assert "article_event_order_idx" in _plan(*first.query.sql_with_params())
    sql, params = PostgresEngine().match_sql(parse_query("harbour strike"))
    assert "article_search_vector_idx" in _plan(sql, params)
