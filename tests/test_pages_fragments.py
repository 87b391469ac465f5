"""Parts of pages kept in the cache by what they show (list rows, the article page): reused while
unchanged, rendered afresh after any change to what they show."""

import pytest
from browse_data import event_with_reports, outlet, report
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Event, Source

pytestmark = pytest.mark.django_db


LISTS = ["articles:home", "articles:event-list", "articles:article-list"]


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Every request renders its page, as after any write on a live site; rows stay cached."""
    settings.BROWSE_PAGE_CACHE_SECONDS = 0


def _get(client, url: str) -> tuple[int, str]:
    """The queries that read the page's rows (not the list's count of the whole table, which is
    kept under the site-wide token and so read again after any write), and the page."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    rows = [q for q in queries.captured_queries if "COUNT(*)" not in q["sql"]]
    return len(rows), response.content.decode()


@pytest.mark.parametrize("name", LISTS)
def test_unchanged_rows_are_reused_and_the_page_reads_the_same(client, name):
    event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    report(Source.objects.get(name="Alpha News"), title="A report not grouped yet")
    first_count, first = _get(client, reverse(name))
    again_count, again = _get(client, reverse(name))
    assert again == first
    # The rows' own work (coverage strips for events) is skipped on the second render.
    assert again_count <= first_count


CHANGES = {
    "event-title": (lambda e: Event.objects.filter(pk=e.pk).update(title="Renamed summit"), "Renamed summit"),
    "outlet-name": (
        lambda e: Source.objects.filter(name="Beta Times").update(name="Beta Renamed"),
        "Beta Renamed",
    ),
    "new-reporter": (lambda e: report(outlet("Gamma Post"), event=e), "Gamma Post"),
    "report-title": (
        lambda e: Article.objects.filter(event=e).update(title="Retitled report"),
        "Retitled report",
    ),
}
# Which list shows what: event rows show no report titles; the home page lists only the
# reports not grouped yet, and these are all grouped.
SHOWN_ON = {
    "articles:home": ["event-title", "outlet-name", "new-reporter"],
    "articles:event-list": ["event-title", "outlet-name", "new-reporter"],
    "articles:article-list": ["event-title", "outlet-name", "new-reporter", "report-title"],
}


@pytest.mark.parametrize(
    "name, change", [(name, change) for name in LISTS for change in SHOWN_ON[name]], ids=str
)
def test_a_change_to_what_a_row_shows_is_on_the_next_request(client, name, change):
    event = event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    write, shown = CHANGES[change]
    _, before = _get(client, reverse(name))
    assert shown not in before
    write(event)
    _, after = _get(client, reverse(name))
    assert shown in after


def test_a_new_reporter_changes_the_event_rows_counts_and_strip(client):
    event = event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    _, before = _get(client, reverse("articles:event-list"))
    assert "<strong>2</strong> outlets" in before
    report(outlet("Gamma Post"), event=event)
    _, after = _get(client, reverse("articles:event-list"))
    assert "<strong>3</strong> outlets" in after
    assert "Gamma Post</a>" in after


@pytest.mark.parametrize("name", LISTS)
def test_rows_are_reused_after_writes_to_what_they_do_not_show(client, name):
    event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    report(Source.objects.get(name="Alpha News"), title="A report not grouped yet")
    _get(client, reverse(name))
    cached_count, cached = _get(client, reverse(name))
    # Another event (listed nowhere: it has no reports) and an ungrouped report elsewhere.
    Event.objects.create(title="An empty event")
    Event.objects.filter(title="An empty event").update(summary="Still empty")
    count, html = _get(client, reverse(name))
    assert count == cached_count  # no row was rendered again
    assert html == cached


def test_rows_are_built_afresh_when_the_row_cache_is_off(client, settings):
    settings.BROWSE_FRAGMENT_CACHE_SECONDS = 0
    event_with_reports("Uncached summit", [outlet("Alpha News")])
    first_count, first = _get(client, reverse("articles:event-list"))
    again_count, again = _get(client, reverse("articles:event-list"))
    assert again == first
    assert again_count == first_count


def test_article_page_follows_every_change_to_what_it_shows(client):
    alpha, beta = outlet("Alpha News"), outlet("Beta Times")
    event = event_with_reports("Kept summit", [alpha, beta])
    article, other = event.articles.order_by("id")
    url = article.get_absolute_url()
    _, first = _get(client, url)
    report(beta, title="A report of something else", event=event_with_reports("Storm", [beta]))
    _, unrelated = _get(client, url)
    assert unrelated == first

    for change, shown in (
        (
            lambda: Article.objects.filter(pk=article.pk).update(body_text="A corrected body."),
            "A corrected body.",
        ),
        (lambda: Article.objects.filter(pk=other.pk).update(title="Beta rewrites"), "Beta rewrites"),
        (lambda: Source.objects.filter(pk=beta.pk).update(name="Beta Renamed"), "Beta Renamed"),
        (lambda: Event.objects.filter(pk=event.pk).update(title="Summit renamed"), "Summit renamed"),
        (lambda: report(outlet("Gamma Post"), title="Gamma joins", event=event), "Gamma joins"),
    ):
        change()
        _, html = _get(client, url)
        assert shown in html


def test_search_results_follow_new_and_changed_reports(client):
    alpha = outlet("Alpha News")
    first = report(alpha, title="Harbour strike talks resume", body="The harbour strike talks resumed today.")
    url = reverse("articles:search") + "?q=harbour+strike"
    _, before = _get(client, url)
    assert "1 report matches" in before
    report(outlet("Beta Times"), title="Harbour strike ends", body="The harbour strike ended at noon.")
    _, after = _get(client, url)
    assert "2 reports match" in after and "Beta Times" in after
    Article.objects.filter(pk=first.pk).update(title="Harbour strike talks collapse")
    _, retitled = _get(client, url)
    assert "talks collapse" in retitled


def test_search_results_follow_their_events_and_outlets_and_are_reused_otherwise(client):
    alpha = outlet("Alpha News")
    event = event_with_reports("Harbour strike", [alpha])
    url = reverse("articles:search") + "?q=harbour+strike"
    _, first = _get(client, url)
    report(alpha, title="Unrelated storm news")  # matches nothing
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).content.decode()
    assert again == first
    assert not any("snippet(" in query["sql"] or "ts_headline" in query["sql"] for query in queries)
    Event.objects.filter(pk=event.pk).update(title="Harbour strike ends")
    assert "Harbour strike ends</a>" in _get(client, url)[1]
    Source.objects.filter(name="Alpha News").update(name="Alpha Renamed")
    assert "Alpha Renamed" in _get(client, url)[1]


@pytest.mark.parametrize("name", ["articles:event-list", "articles:article-list"])
def test_filter_form_shows_each_requests_values_and_errors(client, name):
    event_with_reports("Cached summit", [outlet("Alpha News")])
    url = reverse(name)
    _, unknown = _get(client, url + "?source=gamma-post")
    assert 'value="gamma-post"' in unknown and "Some filters could not be used" in unknown
    # The same request once the outlet exists: the form's error must not be served from the cache.
    outlet("Gamma Post")
    _, known = _get(client, url + "?source=gamma-post")
    assert 'value="gamma-post"' in known and "Some filters could not be used" not in known
    _, other = _get(client, url + "?source=alpha-news")
    assert 'value="alpha-news"' in other and 'value="gamma-post"' not in other


def test_an_event_page_whose_content_is_cached_reads_none_of_its_parts(client):
    # The event's row, its version tokens, and the "not covered by" rule (which names other
    # events' state) are read; its reports, links, outlets and fact table are not.
    event = event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    first_count, first = _get(client, event.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        again = client.get(event.get_absolute_url()).content.decode()
    assert again == first
    assert len(queries) <= 4 < first_count
    assert not any("articles_source" in query["sql"] for query in queries.captured_queries)


def test_an_article_page_whose_content_is_cached_reads_neither_body_nor_other_reports(client):
    event = event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    url = event.articles.order_by("id").first().get_absolute_url()
    first_count, first = _get(client, url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).content.decode()
    assert again == first
    assert len(queries) <= 2 < first_count  # the report's title, then the version tokens
    assert not any("body_text" in query["sql"] for query in queries.captured_queries)


def test_a_cached_comparison_follows_a_renamed_outlet_and_an_edited_report(client):
    event = event_with_reports("Compared summit", [outlet("Alpha News"), outlet("Beta Times")])
    left, right = event.articles.order_by("id")
    url = reverse("articles:compare", args=[left.pk, right.pk])
    _, first = _get(client, url)
    assert _get(client, url)[1] == first
    Source.objects.filter(name="Beta Times").update(name="Beta Renamed")
    _, renamed = _get(client, url)
    assert "Right: Beta Renamed" in renamed and "Right: Beta Times" not in renamed
    Article.objects.filter(pk=left.pk).update(title="Alpha corrects its headline")
    assert "Alpha corrects its headline" in _get(client, url)[1]


def test_search_results_are_rendered_from_the_ranking_that_keys_them(client):
    # What is stored under a ranking's key is that ranking's reports, in its order, even if the
    # database has moved on between reading the key and rendering (a report in between).
    from articles.search import Ranking, parse_query, results_for

    alpha = outlet("Alpha News")
    first = report(alpha, title="Harbour strike talks", body="The harbour strike talks resumed.")
    second = report(alpha, title="Harbour strike ends", body="The harbour strike ended.")
    report(alpha, title="Harbour strike again", body="Another harbour strike.")
    ranking = Ranking(parse_query("harbour strike"), [second.pk, first.pk], 2, "tokens")
    results = results_for(ranking)
    assert [hit.article.pk for hit in results.hits] == [second.pk, first.pk]
    assert results.total == 2
    assert "<mark>" in str(results.hits[0].title_html)


def test_an_event_page_renders_the_not_covered_result_its_key_named(client):
    from articles.browsing.coverage import event_page_version
    from articles.browsing.pages import EventPage

    event = event_with_reports("Kept summit", [outlet("Alpha News")])
    gamma = outlet("Gamma Post")
    assert event_page_version(event.pk).not_covered == ()
    page = EventPage(event.pk, not_covered=((gamma.pk, 7),))
    assert [(m.source.name, m.shared_events) for m in page.coverage.missing] == [("Gamma Post", 7)]
