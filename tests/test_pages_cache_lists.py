"""Home and the unfiltered lists are cached by what they show (their count, their rows and those
rows' tokens), not by the site-wide token: a write that leaves a page's rows and count as they
were leaves it cached, and any write to what it shows is on the next request."""

import datetime as dt

import pytest
from browse_data import BASE_TIME, bulk_rows, event_with_reports, outlet, report
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.browsing import pagecache
from articles.grouping.corrections import delete_articles, merge_events
from articles.models import Article, Event, Source
from articles.views import listing

pytestmark = pytest.mark.django_db


def _get(client, url: str, **params: object) -> tuple[str, str]:
    response = client.get(url, params)
    assert response.status_code == 200
    return response["X-Page-Cache"], response.content.decode()


def test_the_events_list_stays_cached_after_a_write_that_leaves_its_rows_and_count_as_they_were(client):
    alpha = outlet("Alpha News")
    event_with_reports("Harbour strike", [alpha, outlet("Beta Times")])
    url = reverse("articles:event-list")
    assert _get(client, url)[0] == "miss"
    report(alpha, title="A report no event holds yet")  # the site-wide token changes
    state, html = _get(client, url)
    assert state == "hit"
    assert "Harbour strike" in html


def test_the_home_page_shows_a_new_report_not_yet_grouped_at_once(client):
    alpha = outlet("Alpha News")
    event_with_reports("Harbour strike", [alpha])
    url = reverse("articles:home")
    assert _get(client, url)[0] == "miss"
    report(alpha, title="Fresh ungrouped report", published_at=BASE_TIME)
    state, html = _get(client, url)
    assert state == "miss"
    assert "Fresh ungrouped report" in html


def test_the_home_page_stays_cached_after_a_write_to_a_report_it_does_not_show(client):
    alpha = outlet("Alpha News")
    event_with_reports("Harbour strike", [alpha])
    oldest = report(alpha, title="Oldest ungrouped", published_at=BASE_TIME - dt.timedelta(days=30))
    for n in range(10):
        report(alpha, title=f"Newer ungrouped {n}", published_at=BASE_TIME + dt.timedelta(hours=n))
    url = reverse("articles:home")
    assert "Oldest ungrouped" not in _get(client, url)[1]  # the home page shows the ten latest
    Article.objects.filter(pk=oldest.pk).update(title="Oldest, retitled")
    assert _get(client, url)[0] == "hit"


def test_a_list_page_shows_a_new_report_in_one_of_its_events_at_once(client):
    event = event_with_reports("Harbour strike", [outlet("Alpha News")])
    url = reverse("articles:event-list")
    assert "<strong>1</strong> report\n" in _get(client, url)[1]
    report(outlet("Gamma Post"), title="Gamma on the strike", event=event, published_at=BASE_TIME)
    state, html = _get(client, url)
    assert state == "miss"
    assert "<strong>2</strong> reports" in html


def test_the_report_list_shows_a_new_report_and_the_new_count_at_once(client):
    alpha = outlet("Alpha News")
    event_with_reports("Harbour strike", [alpha, outlet("Beta Times")])
    url = reverse("articles:article-list")
    assert "2 reports match" in _get(client, url)[1]
    report(alpha, title="A third report", published_at=BASE_TIME)
    state, html = _get(client, url)
    assert state == "miss"
    assert "3 reports match" in html
    assert "A third report" in html


def test_a_later_page_of_the_events_list_stays_cached_when_only_the_first_page_changes(client):
    bulk_rows(40)
    latest = Event.objects.with_reports().latest_first().first()
    url = reverse("articles:event-list")
    _get(client, url, page=1)
    assert _get(client, url, page=2)[0] == "miss"
    # An outlet the site has already: a new one would change every row's outlets token.
    report(Source.objects.first(), title="Another report of the latest", event=latest, published_at=BASE_TIME)
    assert _get(client, url, page=1)[0] == "miss"
    assert _get(client, url, page=2)[0] == "hit"


def test_a_new_event_on_the_first_page_changes_every_page_it_shifts(client):
    bulk_rows(40)
    url = reverse("articles:event-list")
    _, before = _get(client, url, page=2)
    event_with_reports("Newest of all", [outlet("Gamma Post")], start=BASE_TIME + dt.timedelta(days=1))
    state, after = _get(client, url, page=2)
    assert state == "miss"
    assert after != before  # one more event: the count, and every row moved down by one


@pytest.mark.parametrize("write", ["delete", "merge", "retitle"])
def test_the_lists_show_a_deletion_a_merge_and_an_edit_at_once(client, write):
    alpha, beta = outlet("Alpha News"), outlet("Beta Times")
    first = event_with_reports("Harbour strike", [alpha, beta])
    second = event_with_reports("Port closure", [beta], start=BASE_TIME + dt.timedelta(hours=5))
    urls = [reverse("articles:home"), reverse("articles:event-list"), reverse("articles:article-list")]
    before = [_get(client, url)[1] for url in urls]
    if write == "delete":
        delete_articles(Article.objects.filter(event=first, source=alpha))
        expected = "Port closure"
    elif write == "merge":
        merge_events([first, second])
        expected = Event.objects.with_reports().get().title
    else:
        Event.objects.filter(pk=first.pk).update(title="Harbour strike ends")
        expected = "Harbour strike ends"
    for url, old in zip(urls, before, strict=True):
        state, html = _get(client, url)
        assert state == "miss", url
        assert html != old, url
        assert expected in html, url
    if write == "delete":
        assert "Harbour strike (Alpha News)" not in _get(client, urls[2])[1]
    if write == "merge":
        assert "2 events match" not in _get(client, urls[1])[1]


def test_a_filtered_list_is_still_rendered_after_any_write(client):
    alpha = outlet("Alpha News")
    event_with_reports("Harbour strike", [alpha])
    url = reverse("articles:article-list")
    assert _get(client, url, outlet="alpha-news")[0] == "miss"
    report(outlet("Beta Times"), title="Elsewhere")
    assert _get(client, url, outlet="alpha-news")[0] == "miss"


def test_a_list_page_hit_before_any_write_reads_the_site_token_alone(client):
    event_with_reports("Harbour strike", [outlet("Alpha News")])
    url = reverse("articles:event-list")
    _get(client, url)
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, url)[0] == "hit"
    assert [q["sql"] for q in queries.captured_queries] == [pagecache.VERSION_SQL]


def test_a_write_landing_while_a_list_reads_its_rows_shows_on_the_next_request(client, monkeypatch):
    """The page's rows are read after the site-wide token: a write that lands between the two
    changes the token, so the rows kept with the old one are never reused. (Read the other way
    round, the new token would be kept with the rows from before the write: a stale page until
    the next write.)"""
    alpha = outlet("Alpha News")
    event_with_reports("Harbour strike", [alpha])
    url = reverse("articles:article-list")
    real = listing.fixed_rows
    writes = [lambda: report(alpha, title="Landed in between", published_at=BASE_TIME)]

    def rows_then_write(*args: object, **kwargs: object) -> list[tuple]:
        rows = real(*args, **kwargs)
        if writes:
            writes.pop()()
        return rows

    monkeypatch.setattr(listing, "fixed_rows", rows_then_write)
    assert "Landed in between" not in _get(client, url)[1]
    state, html = _get(client, url)
    assert state == "miss"
    assert "Landed in between" in html


def test_a_search_page_stays_cached_after_a_write_that_leaves_its_ranking_as_it_was(client):
    alpha = outlet("Alpha News")
    event_with_reports("Harbour strike", [alpha, outlet("Beta Times")])
    url = reverse("articles:search")
    assert _get(client, url, q="harbour")[0] == "miss"
    report(alpha, title="Storm in the mountains", body="Snow closed the pass.", published_at=BASE_TIME)
    state, html = _get(client, url, q="harbour")
    assert state == "hit"
    assert "Storm in the mountains" not in html


@pytest.mark.parametrize("write", ["new match", "retitled match", "deleted match"])
def test_a_search_page_shows_a_write_to_what_it_ranks_at_once(client, write):
    alpha = outlet("Alpha News")
    event = event_with_reports("Harbour strike", [alpha, outlet("Beta Times")])
    url = reverse("articles:search")
    _, before = _get(client, url, q="harbour")
    shown = Article.objects.filter(event=event).order_by("id")
    if write == "new match":
        report(alpha, title="Harbour cranes idle", body="The harbour stayed shut.", published_at=BASE_TIME)
        expected, gone = "cranes idle", None
    elif write == "retitled match":
        Article.objects.filter(pk=shown[0].pk).update(title="Harbour strike spreads inland")
        expected, gone = "spreads inland", None
    else:
        gone = shown[0].title
        delete_articles(shown[:1])
        expected = shown.last().title
    state, html = _get(client, url, q="harbour")
    assert state == "miss"
    assert html != before
    assert expected in html
    if gone:
        assert gone not in html
