"""Following outlets' feeds: polls against a local server serving RSS 2.0 and Atom feeds
and article pages; what is stored, what is fetched, and each feed's health."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from import_helpers import PARAGRAPHS
from local_web import Answer, article_page

from articles.following.polling import Poller, parse_feed
from articles.importing.fetching import Fetched
from articles.models import Article, Feed, FeedEntry, ImportBatch, ImportOrigin, Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("local_fetching")]
RSS = "application/rss+xml"


def paragraphs(topic: str) -> list[str]:
    return [p.replace("harbour bridge", topic) for p in PARAGRAPHS]


def rss(*items: tuple[str, str, str]) -> str:
    """RSS 2.0 with relative links, an entity in a title and CDATA descriptions."""
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid isPermaLink='false'>{guid}</guid>"
        "<pubDate>Thu, 05 Mar 2026 10:00:00 GMT</pubDate>"
        "<description><![CDATA[<p>The <b>first</b> lines &amp; more</p>]]></description></item>"
        for guid, title, link in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Valley Gazette &amp; Friends</title><link>/</link>{body}</channel></rss>"
    )


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Herald</title><id>urn:hh</id>
<updated>2026-03-05T11:00:00Z</updated>
<entry><title type="html">Ferry fares &lt;em&gt;rise&lt;/em&gt;</title><id>urn:hh:1</id>
<link rel="alternate" href="articles/ferry"/><updated>2026-03-05T11:00:00Z</updated></entry>
</feed>"""


@pytest.fixture
def gazette(db) -> Source:
    return Source.objects.create(name="Valley Gazette", slug="valley-gazette")


@pytest.fixture
def rss_feed(web, gazette) -> Feed:
    """A feed of two reports of one event, told by the same outlet's site."""
    web.page("/news/tunnel", article_page("Tunnel reopens after repairs", paragraphs("tunnel")))
    web.page("/news/tunnel-traffic", article_page("Traffic returns to the tunnel", paragraphs("tunnel road")))
    web.page(
        "/feed.xml",
        rss(
            ("vg-1", "Tunnel reopens &amp; traffic", "/news/tunnel"),
            ("vg-2", "Traffic returns", "news/tunnel-traffic"),
        ),
        content_type=RSS,
    )
    return Feed.objects.create(source=gazette, url=web.url("/feed.xml"))


_POLLER: list[Poller] = []


@pytest.fixture(autouse=True)
def one_poller_per_test(local_fetching):
    """One Poller per test, as the loop keeps one per process (robots.txt read once per host)."""
    _POLLER[:] = [Poller()]
    yield
    _POLLER.clear()


def poll(feed: Feed):
    feed.refresh_from_db()
    return _POLLER[0].poll(feed)


def test_rss_entries_are_read_with_entities_cdata_and_relative_links_resolved(web):
    body = rss(("vg-1", "Tunnel reopens &amp; traffic", "/news/tunnel"), ("vg-2", "B", "news/b"))
    fetched = Fetched(
        url=web.url("/feeds/all.xml"), status=200, headers={"content-type": RSS}, body=body.encode()
    )
    first, second = parse_feed(fetched)
    assert first.title == "Tunnel reopens & traffic"
    assert first.link == web.url("/news/tunnel")
    assert second.link == web.url("/feeds/news/b")
    assert first.guid == "vg-1" and first.published.startswith("Thu, 05 Mar 2026")


def test_a_poll_imports_the_new_reports_as_one_batch_under_the_feeds_outlet_grouped(web, rss_feed):
    result = poll(rss_feed)
    assert (result.error, result.status, result.new_entries, result.created) == ("", 200, 2, 2)
    batch = ImportBatch.objects.get()
    assert batch.origin == ImportOrigin.FEED and batch.created_count == 2
    reports = Article.objects.order_by("title")
    assert [a.title for a in reports] == ["Traffic returns to the tunnel", "Tunnel reopens after repairs"]
    assert {a.source.name for a in reports} == {"Valley Gazette"}
    assert all(a.event_id is not None for a in reports)
    assert {a.url for a in reports} == {web.url("/news/tunnel"), web.url("/news/tunnel-traffic")}
    rss_feed.refresh_from_db()
    assert (rss_feed.last_status, rss_feed.last_new_entries, rss_feed.last_error) == (200, 2, "")
    assert rss_feed.last_batch == batch
    assert rss_feed.next_poll_at > rss_feed.last_polled_at
    assert FeedEntry.objects.filter(feed=rss_feed, done=True).count() == 2


def test_a_second_poll_fetches_nothing_it_already_has(web, rss_feed):
    poll(rss_feed)
    web.requests.clear()
    result = poll(rss_feed)
    assert web.paths_requested() == ["/feed.xml"]
    assert (result.new_entries, result.skipped, result.pages_fetched, result.created) == (0, 2, 0, 0)
    assert Article.objects.count() == 2
    assert ImportBatch.objects.count() == 1


def test_an_unchanged_feed_answers_304_on_the_second_poll_and_nothing_else_is_fetched(web, gazette):
    web.page("/a", article_page("Tunnel reopens after repairs", paragraphs("tunnel")))
    body = rss(("vg-1", "Tunnel", "/a")).encode()

    def feed_answer(headers: dict[str, str]) -> Answer:
        if headers.get("if-none-match") == '"v1"':
            return Answer(status=304, content_type="")
        return Answer(
            body=body,
            content_type=RSS,
            headers={"ETag": '"v1"', "Last-Modified": "Thu, 05 Mar 2026 10:00:00 GMT"},
        )

    web.routes["/feed.xml"] = feed_answer
    feed = Feed.objects.create(source=gazette, url=web.url("/feed.xml"))
    assert poll(feed).created == 1
    web.requests.clear()
    result = poll(feed)
    assert result.status == 304 and result.new_entries == 0 and not result.error
    assert web.paths_requested() == ["/feed.xml"]
    _, headers = web.requests[0]
    assert headers["if-none-match"] == '"v1"'
    assert headers["if-modified-since"] == "Thu, 05 Mar 2026 10:00:00 GMT"
    feed.refresh_from_db()
    assert feed.last_status == 304 and ImportBatch.objects.count() == 1


def test_an_atom_feed_with_relative_links_is_polled(web):
    outlet = Source.objects.create(name="Harbour Herald", slug="harbour-herald")
    web.page("/feeds/articles/ferry", article_page("Ferry fares rise", paragraphs("ferry")))
    web.page("/feeds/atom.xml", ATOM, content_type="application/atom+xml")
    feed = Feed.objects.create(source=outlet, url=web.url("/feeds/atom.xml"))
    result = poll(feed)
    assert result.created == 1, result
    article = Article.objects.get()
    assert article.title == "Ferry fares rise" and article.source == outlet


def test_an_entry_already_stored_by_its_url_is_skipped_without_fetching_its_page(web, rss_feed):
    call_command("import_articles", "--url", web.url("/news/tunnel"), "--source", "X", stdout=io.StringIO())
    web.requests.clear()
    result = poll(rss_feed)
    assert "/news/tunnel" not in web.paths_requested()
    assert "/news/tunnel-traffic" in web.paths_requested()
    assert (result.skipped, result.new_entries, result.created) == (1, 1, 1)


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (Answer(status=404), "the server answered 404 Not Found"),
        (Answer(body=b"<rss><channel><title>Broken", content_type=RSS), "not a readable RSS or Atom feed"),
        (Answer(body=b"<html><body>Home</body></html>"), "not a feed (the server says it is text/html)"),
    ],
    ids=["404", "malformed", "html-page"],
)
def test_a_broken_feed_records_its_reason_stores_nothing_and_backs_off(web, gazette, answer, reason):
    web.routes["/feed.xml"] = answer
    feed = Feed.objects.create(source=gazette, url=web.url("/feed.xml"), interval_minutes=10)
    result = poll(feed)
    assert reason in result.error
    feed.refresh_from_db()
    assert reason in feed.last_error
    assert feed.consecutive_failures == 1 and feed.failing_since is not None
    assert feed.next_poll_at - feed.last_polled_at == dt.timedelta(minutes=10)
    poll(feed)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 2
    assert feed.next_poll_at - feed.last_polled_at == dt.timedelta(minutes=20)
    assert not Article.objects.exists() and not ImportBatch.objects.exists()


def test_a_429_with_retry_after_puts_the_next_poll_no_sooner_than_asked(web, gazette):
    web.routes["/feed.xml"] = Answer(status=429, headers={"Retry-After": "7200"})
    feed = Feed.objects.create(source=gazette, url=web.url("/feed.xml"), interval_minutes=10)
    result = poll(feed)
    assert result.status == 429 and "asks us to wait 7200 seconds" in result.error
    feed.refresh_from_db()
    assert feed.next_poll_at - feed.last_polled_at == dt.timedelta(seconds=7200)


def test_a_page_host_answering_429_is_left_alone_for_the_rest_of_the_poll_and_tried_later(web, rss_feed):
    web.routes["/news/tunnel"] = Answer(status=429, headers={"Retry-After": "60"})
    result = poll(rss_feed)
    assert "/news/tunnel-traffic" not in web.paths_requested()
    assert result.created == 0 and "asked us to slow down" in rss_feed.last_error
    assert not FeedEntry.objects.filter(attempts__gt=0).exists()
    web.page("/news/tunnel", article_page("Tunnel reopens after repairs", paragraphs("tunnel")))
    assert poll(rss_feed).created == 2


def test_a_failing_page_counts_an_attempt_and_is_not_fetched_after_the_last(web, rss_feed, settings):
    settings.FEED_ENTRY_MAX_ATTEMPTS = 2
    del web.routes["/news/tunnel"]
    assert poll(rss_feed).created == 1
    assert poll(rss_feed).created == 0
    web.requests.clear()
    poll(rss_feed)
    assert web.paths_requested() == ["/feed.xml"]
    entry = FeedEntry.objects.get(guid="vg-1")
    assert entry.attempts == 2 and "404" in entry.last_error and not entry.done


def test_robots_txt_is_obeyed_and_requests_name_the_site_and_a_contact(web, rss_feed, settings):
    web.page("/robots.txt", "User-agent: *\nDisallow: /news/tunnel-traffic\n", content_type="text/plain")
    result = poll(rss_feed)
    assert result.created == 1
    assert "/news/tunnel-traffic" not in web.paths_requested()
    assert "robots.txt" in FeedEntry.objects.get(guid="vg-2").last_error
    agents = {headers["user-agent"] for _, headers in web.requests}
    assert agents == {settings.FETCH_USER_AGENT}
    assert (
        settings.FETCH_CONTACT in settings.FETCH_USER_AGENT
        and settings.FETCH_SITE_NAME in settings.FETCH_USER_AGENT
    )


def test_poll_feeds_once_polls_only_due_feeds(web, rss_feed, gazette):
    later = Feed.objects.create(
        source=gazette, url=web.url("/other.xml"), next_poll_at=timezone.now() + dt.timedelta(hours=1)
    )
    out = io.StringIO()
    call_command("poll_feeds", "--once", stdout=out)
    assert (
        f"{rss_feed.url}: HTTP 200, 2 new, 0 already stored, 2 pages fetched, 2 reports created"
        in out.getvalue()
    )
    assert "Polled 1 feed." in out.getvalue()
    later.refresh_from_db()
    assert later.last_polled_at is None


def test_add_feed_creates_a_new_outlet_and_refuses_a_repeat_or_a_bad_url():
    out = io.StringIO()
    call_command(
        "add_feed", "Harbour Herald", "https://herald.example/feed.xml", "--interval", "15", stdout=out
    )
    feed = Feed.objects.get()
    assert feed.source.name == "Harbour Herald" and feed.interval_minutes == 15
    assert "Following https://herald.example/feed.xml for Harbour Herald" in out.getvalue()
    with pytest.raises(CommandError, match="followed already, for Harbour Herald"):
        call_command("add_feed", "Other", "https://herald.example/feed.xml")
    with pytest.raises(CommandError, match="must start with http:// or https://"):
        call_command("add_feed", "Other", "javascript:alert(1)")
    assert Feed.objects.count() == 1 and not Source.objects.filter(name="Other").exists()


def test_the_admin_feed_list_shows_health_and_the_index_flags_a_feed_failing_for_a_day(staff_client, gazette):
    now = timezone.now()
    Feed.objects.create(
        source=gazette, url="https://ok.example/feed.xml", last_polled_at=now, last_status=200
    )
    Feed.objects.create(
        source=gazette,
        url="https://down.example/feed.xml",
        last_polled_at=now,
        last_status=503,
        last_error="the server answered 503 Service Unavailable",
        consecutive_failures=30,
        failing_since=now - dt.timedelta(days=2),
    )
    Feed.objects.create(
        source=gazette,
        url="https://blip.example/feed.xml",
        last_error="timed out",
        consecutive_failures=1,
        failing_since=now - dt.timedelta(hours=1),
    )
    listing = staff_client.get("/admin/articles/feed/").content.decode()
    assert "Failing for over a day" in listing and "the server answered 503 Service Unavailable" in listing
    assert "Failing (1 poll)" in listing
    index = staff_client.get("/admin/").content.decode()
    assert "1 feed failing for over a day" in index
    assert "https://down.example/feed.xml" in index and "blip.example" not in index


def test_the_database_refuses_a_feed_failing_without_a_failure_count(gazette):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Feed.objects.create(source=gazette, url="https://x.example/f", failing_since=timezone.now())


def test_a_poll_that_left_an_entry_unstored_does_not_send_the_etag_so_the_entry_is_tried_again(web, gazette):
    web.page("/a", article_page("Tunnel reopens after repairs", paragraphs("tunnel")))
    body = rss(("vg-1", "Tunnel", "/a"), ("vg-2", "Ferry", "/b")).encode()

    def feed_answer(headers: dict[str, str]) -> Answer:
        if headers.get("if-none-match") == '"v1"':
            return Answer(status=304, content_type="")
        return Answer(body=body, content_type=RSS, headers={"ETag": '"v1"'})

    web.routes["/feed.xml"] = feed_answer
    feed = Feed.objects.create(source=gazette, url=web.url("/feed.xml"))
    assert poll(feed).created == 1  # /b answers 404
    web.page("/b", article_page("Ferry fares rise", paragraphs("ferry")))
    result = poll(feed)
    assert result.status == 200 and result.created == 1
    assert poll(feed).status == 304  # everything stored: now the validators are sent
