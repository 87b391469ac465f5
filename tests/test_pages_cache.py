"""The reader pages' cache: served from memory while the data is unchanged, fresh after any write."""

import gzip

import pytest
from browse_data import (
    event_with_reports,
    outlet,
    report,
)
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.browsing import pagecache
from articles.models import Article, Event, Source

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_unchanged_data_is_served_from_the_cache_with_one_query(client):
    event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    first, html = _queries(client, reverse("articles:home"))
    again, html_again = _queries(client, reverse("articles:home"))
    assert first > 1
    assert again == 1  # the content version only
    assert html_again == html


@pytest.mark.parametrize(
    "write",
    [
        lambda: report(Article.objects.first().source, title="A brand new report"),
        lambda: Event.objects.update(title="Renamed by bulk update"),
        lambda: Article.objects.filter(title__contains="Beta").delete(),
        lambda: outlet("Gamma Post"),
    ],
    ids=["insert", "bulk-update", "delete", "new-outlet"],
)
def test_any_write_makes_the_next_request_render_afresh(client, write):
    event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    _, before = _queries(client, reverse("articles:home"))
    write()
    count, after = _queries(client, reverse("articles:home"))
    assert count > 1
    assert after != before


def test_a_list_page_reads_the_site_token_once_though_its_count_is_kept_under_it(client):
    event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("articles:article-list"))["X-Page-Cache"] == "miss"
    tokens = [q for q in queries.captured_queries if q["sql"] == pagecache.VERSION_SQL]
    assert len(tokens) == 1
    assert any("COUNT(*)" in q["sql"] for q in queries.captured_queries)  # the count was read


def test_a_token_read_for_one_page_is_not_reused_by_the_next_request(client):
    event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    client.get(reverse("articles:article-list"))
    report(Article.objects.first().source, title="A brand new report")
    response = client.get(reverse("articles:article-list"))
    assert response["X-Page-Cache"] == "miss"
    assert "A brand new report" in response.content.decode()
    assert pagecache._page_site_token.get() is None


def test_cache_can_be_turned_off(client, settings):
    settings.BROWSE_PAGE_CACHE_SECONDS = 0
    settings.BROWSE_FRAGMENT_CACHE_SECONDS = 0
    event_with_reports("Uncached summit", [outlet("Alpha News")])
    first, _ = _queries(client, reverse("articles:home"))
    again, _ = _queries(client, reverse("articles:home"))
    assert again == first > 1


def test_error_pages_are_not_cached(client):
    assert client.get(reverse("articles:event-list"), {"page": 99}).status_code == 404
    event_with_reports("Now there is one", [outlet("Alpha News")])
    assert client.get(reverse("articles:event-list"), {"page": 1}).status_code == 200


def test_comparison_page_is_served_from_the_cache_until_either_report_changes(client):
    event = event_with_reports("Compared summit", [outlet("Alpha News"), outlet("Beta Times")])
    left, right = event.articles.order_by("id")
    url = reverse("articles:compare", args=[left.pk, right.pk])
    first, html = _queries(client, url)
    again, html_again = _queries(client, url)
    assert first > 1
    assert again == 1  # the content version only
    assert html_again == html
    Article.objects.filter(pk=right.pk).update(title="Beta Times corrects its headline")
    count, after = _queries(client, url)
    assert count > 1
    assert "Beta Times corrects its headline" in after


def test_comparison_page_loads_both_stored_analyses_in_one_query(client, settings):
    settings.BROWSE_PAGE_CACHE_SECONDS = 0
    event = event_with_reports("Compared summit", [outlet("Alpha News"), outlet("Beta Times")])
    left, right = event.articles.order_by("id")
    url = reverse("articles:compare", args=[left.pk, right.pk])
    # The page's version tokens, then (cold) both reports and both analyses in one query each.
    cold, _ = _queries(client, url)  # the comparison itself is not cached yet
    warm, _ = _queries(client, url)  # it is now: no analysis is read, only the outlets' names
    assert cold == 3
    assert warm == 2


def test_event_fact_table_html_is_kept_per_state_of_the_events_reports(client, settings):
    # The page cache is off: only the fact table's own fragment is kept, under its reports' state.
    settings.BROWSE_PAGE_CACHE_SECONDS = 0
    alpha = outlet("Alpha News")
    event = event_with_reports("Tabled summit", [alpha, outlet("Beta Times")])
    url = event.get_absolute_url()
    first = client.get(url)
    key = make_template_fragment_key("fact-table-html", [first.context["fact_table"]["cache_key"]])
    assert "Who reports what" in cache.get(key)
    assert client.get(url).content.decode() == first.content.decode()

    Source.objects.filter(pk=alpha.pk).update(name="Alpha Renamed")
    renamed = client.get(url)
    assert renamed.context["fact_table"]["cache_key"] != first.context["fact_table"]["cache_key"]
    assert ">Alpha Renamed</a></th>" in renamed.content.decode()

    event.articles.filter(source=alpha).update(title="Alpha rewrites its headline")
    rewritten = client.get(url)
    assert rewritten.context["fact_table"]["cache_key"] != renamed.context["fact_table"]["cache_key"]


def test_event_page_is_rendered_afresh_when_what_it_shows_changes_and_only_then(client, settings):
    settings.BROWSE_PAGE_CACHE_SECONDS = 0
    alpha, beta = outlet("Alpha News"), outlet("Beta Times")
    event = event_with_reports("Kept summit", [alpha, beta])
    elsewhere = event_with_reports("Unrelated storm", [beta])
    url = event.get_absolute_url()
    first = client.get(url)

    report(alpha, title="A report of something else", event=elsewhere)
    unrelated = client.get(url)
    assert unrelated.context["content_key"] == first.context["content_key"]
    assert unrelated.content == first.content

    for change in (
        lambda: event.articles.filter(source=alpha).update(title="Alpha rewrites its headline"),
        lambda: Source.objects.filter(pk=beta.pk).update(name="Beta Renamed"),
        lambda: Event.objects.filter(pk=event.pk).update(summary="Leaders met again."),
    ):
        before = client.get(url)
        change()
        after = client.get(url)
        assert after.context["content_key"] != before.context["content_key"]
        assert after.content != before.content
    html = after.content.decode()
    assert "Alpha rewrites its headline" in html and "Beta Renamed" in html and "Leaders met again." in html


def _version_triggers() -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_version_*'"
            )
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE '%\\_version'")
        return sorted(name for (name,) in cursor.fetchall())


def test_regroup_changes_the_content_version_and_later_writes_still_do(client):
    from articles.browsing.pagecache import content_version
    from articles.grouping.regroup import regroup

    event_with_reports("Cached summit", [outlet("Alpha News"), outlet("Beta Times")])
    triggers = _version_triggers()
    assert triggers  # the migration's triggers, whatever the backend
    before = content_version()

    regroup()

    after_regroup = content_version()
    assert after_regroup != before
    assert _version_triggers() == triggers
    Article.objects.update(title="Retitled after the regroup")
    assert content_version() != after_regroup


def test_a_failed_bulk_write_leaves_the_version_triggers_in_place():
    from django.db import transaction

    from articles.browsing.pagecache import one_version_bump

    event_with_reports("Cached summit", [outlet("Alpha News")])
    triggers = _version_triggers()
    with pytest.raises(RuntimeError, match="disk full"), transaction.atomic(), one_version_bump():
        Event.objects.update(title="Half written")
        raise RuntimeError("disk full")
    assert _version_triggers() == triggers
    assert not Event.objects.filter(title="Half written").exists()


@pytest.mark.django_db(transaction=True)
def test_the_one_bump_needs_a_transaction():
    from articles.browsing.pagecache import one_version_bump

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's statement triggers need no special handling")
    with pytest.raises(RuntimeError, match="needs a transaction"), one_version_bump():
        pass


@pytest.mark.parametrize("state", ["miss", "hit"])
def test_a_client_taking_gzip_gets_the_stored_compressed_page_and_any_other_the_same_page_plain(
    client, state
):
    event_with_reports("Compressed summit", [outlet("Alpha News"), outlet("Beta Times")])
    plain = client.get(reverse("articles:home"))
    if state == "miss":
        cache.clear()
    zipped = client.get(reverse("articles:home"), headers={"accept-encoding": "gzip, deflate, br"})
    assert zipped["X-Page-Cache"] == state
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    again = client.get(reverse("articles:home"))
    assert again["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in again
    assert again.content == plain.content
    for response in (plain, zipped, again):
        assert "Accept-Encoding" in response["Vary"]


def test_a_page_too_small_to_gain_is_stored_and_sent_as_it_is(client, monkeypatch):
    monkeypatch.setattr(pagecache, "GZIP_FROM_BYTES", 10**9)
    event_with_reports("Small summit", [outlet("Alpha News")])
    client.get(reverse("articles:home"))
    hit = client.get(reverse("articles:home"), headers={"accept-encoding": "gzip"})
    assert hit["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in hit
    assert b"Small summit" in hit.content
