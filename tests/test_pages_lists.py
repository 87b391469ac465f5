"""Uncached list pages: rows from their ids (built only when missing from the row cache), SQL
compiled once per process for the queries that never change, and no FilterSet for a request
that filters nothing. Every write must still show on the next request."""

import datetime as dt

import pytest
from browse_data import BASE_TIME, event_with_reports, outlet, report
from django.core.cache import cache
from django.urls import reverse

from articles.browsing.rows import event_rows, report_rows
from articles.models import Article, Event, Source

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Every request renders its page, as after any write on a live site; rows stay cached."""
    settings.BROWSE_PAGE_CACHE_SECONDS = 0
    cache.clear()


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_unfiltered_list_shows_a_new_report_and_its_new_count_on_the_next_request(client):
    # The list's count and page of ids are compiled once per process and run on every request.
    alpha = outlet("Alpha News")
    report(alpha, title="First report", published_at=BASE_TIME)
    before = _html(client, reverse("articles:article-list"))
    assert "1 report match" in before
    report(alpha, title="Second report", published_at=BASE_TIME + dt.timedelta(hours=1))
    after = _html(client, reverse("articles:article-list"))
    assert "2 reports match" in after
    assert after.index("Second report") < after.index("First report")


def test_an_unfiltered_lists_count_is_read_once_until_a_write(client):
    # COUNT(*) of a whole table is kept under the site-wide token, which every write changes.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    alpha = outlet("Alpha News")
    report(alpha, title="First report", published_at=BASE_TIME)
    url = reverse("articles:article-list")
    assert "1 report match" in _html(client, url)
    with CaptureQueriesContext(connection) as queries:
        assert "1 report match" in _html(client, url)
    assert not [q for q in queries.captured_queries if "COUNT(*)" in q["sql"]]
    Article.objects.filter(title="First report").delete()
    assert "0 reports match" in _html(client, url)


def test_the_home_page_shows_a_new_event_and_a_newly_grouped_report_at_once(client):
    alpha, beta = outlet("Alpha News"), outlet("Beta Times")
    loose = report(alpha, title="A report not grouped yet", published_at=BASE_TIME)
    event_with_reports("Earlier summit", [alpha])
    html = _html(client, reverse("articles:home"))
    assert "A report not grouped yet" in html
    later = event_with_reports("Later summit", [beta], start=BASE_TIME + dt.timedelta(days=1))
    Article.objects.filter(pk=loose.pk).update(event=later)
    html = _html(client, reverse("articles:home"))
    assert html.index("Later summit") < html.index("Earlier summit")
    assert "Not yet grouped" not in html


def test_later_pages_of_an_unfiltered_list_follow_the_list_order(client):
    alpha = outlet("Alpha News")
    for day in range(35):
        event = Event.objects.create(title=f"Event of day {day:02d}")
        report(alpha, event=event, published_at=BASE_TIME + dt.timedelta(days=day))
    first = _html(client, reverse("articles:event-list"))
    second = _html(client, reverse("articles:event-list") + "?page=2")
    assert "Event of day 34" in first and "Event of day 05" in first
    assert "Event of day 04" not in first
    assert [f"Event of day {day:02d}" in second for day in range(5)] == [True] * 5
    assert "Event of day 05" not in second
    assert client.get(reverse("articles:event-list") + "?page=3").status_code == 404


def test_an_unfiltered_list_shows_the_same_filter_form_as_an_empty_filter(client):
    unfiltered = _html(client, reverse("articles:event-list"))
    cache.clear()
    submitted = _html(client, reverse("articles:event-list") + "?text=&source=&min_outlets=")
    start = unfiltered.index('<form method="get" class="filters"')
    form = unfiltered[start : unfiltered.index("</form>", start)]
    assert form in submitted
    assert 'name="min_outlets"' in form and 'name="sort"' in form


def test_a_row_whose_item_was_deleted_after_the_list_was_read_is_left_out():
    alpha = outlet("Alpha News")
    kept = report(alpha, title="Kept report")
    gone = report(alpha, title="Deleted report")
    pairs = [(kept.pk, None), (gone.pk, None)]
    Article.objects.filter(pk=gone.pk).delete()
    rows = report_rows(pairs)
    assert len(rows) == 1 and "Kept report" in rows[0]
    event = event_with_reports("Summit", [alpha])
    event_id = event.pk
    event.delete()
    assert event_rows([event_id]) == []


@pytest.mark.parametrize(
    "write, shown",
    [
        (lambda a: Article.objects.filter(pk=a.pk).update(title="Alpha retitles"), "Alpha retitles"),
        (lambda a: Source.objects.filter(pk=a.source_id).update(name="Alpha Renamed"), "Alpha Renamed"),
        (lambda a: Event.objects.filter(pk=a.event_id).update(title="Summit renamed"), "Summit renamed"),
    ],
    ids=["report-edited", "outlet-renamed", "event-renamed"],
)
def test_an_outlets_recent_reports_show_an_edit_to_their_report_outlet_or_event_at_once(client, write, shown):
    event = event_with_reports("Summit", [outlet("Alpha News")])
    article = event.articles.get()
    url = reverse("articles:source-detail", args=["alpha-news"])
    assert shown not in _html(client, url)
    write(article)
    assert shown in _html(client, url)


def test_an_event_pages_title_follows_an_edit_at_once_while_its_content_is_cached(client):
    event = event_with_reports("Summit", [outlet("Alpha News")])
    assert "<title>Summit · Coverage</title>" in _html(client, event.get_absolute_url())
    Event.objects.filter(pk=event.pk).update(title="Summit renamed")
    html = _html(client, event.get_absolute_url())
    assert "<title>Summit renamed · Coverage</title>" in html
    assert "<h1>Summit renamed</h1>" in html


def test_the_api_lists_count_follows_a_new_report_at_once(client):
    alpha = outlet("Alpha News")
    report(alpha, title="First report", published_at=BASE_TIME)
    assert client.get("/api/v1/articles").json()["count"] == 1
    report(alpha, title="Second report", published_at=BASE_TIME + dt.timedelta(hours=1))
    body = client.get("/api/v1/articles").json()
    assert body["count"] == 2
    assert [item["title"] for item in body["items"]] == ["Second report", "First report"]
