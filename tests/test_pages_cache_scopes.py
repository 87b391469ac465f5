"""Event, report and comparison pages are cached per scope (migration 0014): a write to another
event leaves them cached, and any write to what they show is on the next request."""

import datetime as dt
import hashlib

import pytest
from browse_data import BASE_TIME, event_with_reports, outlet, report
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.browsing import pagecache
from articles.browsing.pagecache import one_version_bump
from articles.models import Article, Event, PossiblySame, Source

pytestmark = pytest.mark.django_db


def _get(client, url: str) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    return response["X-Page-Cache"], response.content.decode()


def _two_events():
    alpha, beta = outlet("Alpha News"), outlet("Beta Times")
    kept = event_with_reports("Kept summit", [alpha, beta])
    elsewhere = event_with_reports("Unrelated storm", [beta])
    return alpha, beta, kept, elsewhere


def test_an_event_page_is_served_from_cache_after_a_write_to_another_event(client):
    alpha, _, kept, elsewhere = _two_events()
    url = kept.get_absolute_url()
    assert _get(client, url)[0] == "miss"
    report(alpha, title="A report of the storm", event=elsewhere)
    Event.objects.filter(pk=elsewhere.pk).update(title="Storm renamed")
    state, html = _get(client, url)
    assert state == "hit"
    assert "Kept summit" in html


def test_a_report_page_and_a_comparison_are_served_from_cache_after_writes_elsewhere(client):
    alpha, _, kept, elsewhere = _two_events()
    left, right = kept.articles.order_by("id")
    urls = [left.get_absolute_url(), reverse("articles:compare", args=[left.pk, right.pk])]
    for url in urls:
        assert _get(client, url)[0] == "miss"
    report(alpha, title="A report of the storm", event=elsewhere)
    for url in urls:
        assert _get(client, url)[0] == "hit"


def test_an_event_page_shows_a_new_member_at_once(client):
    _, _, kept, _ = _two_events()
    url = kept.get_absolute_url()
    _get(client, url)
    report(outlet("Gamma Post"), title="Gamma joins the summit", event=kept, published_at=BASE_TIME)
    state, html = _get(client, url)
    assert state == "miss"
    assert "Gamma joins the summit" in html


@pytest.mark.parametrize(
    "write",
    [
        lambda kept, alpha: kept.articles.filter(source=alpha).update(title="Alpha rewrites its headline"),
        lambda kept, alpha: Event.objects.filter(pk=kept.pk).update(summary="Leaders met again."),
        lambda kept, alpha: Source.objects.filter(pk=alpha.pk).update(name="Alpha Renamed"),
        lambda kept, alpha: kept.articles.filter(source=alpha).update(event=None),
        lambda kept, alpha: kept.articles.filter(source=alpha).delete(),
    ],
    ids=["report-edited", "event-edited", "outlet-renamed", "report-left", "report-deleted"],
)
def test_an_event_page_shows_any_write_to_what_it_shows_at_once(client, write):
    alpha, _, kept, _ = _two_events()
    url = kept.get_absolute_url()
    _, before = _get(client, url)
    write(kept, alpha)
    state, after = _get(client, url)
    assert state == "miss"
    assert after != before


def test_a_report_page_shows_a_change_to_its_events_other_reports_at_once(client):
    alpha, beta, kept, _ = _two_events()
    own = kept.articles.get(source=alpha)
    url = own.get_absolute_url()
    _get(client, url)
    kept.articles.filter(source=beta).update(title="Beta rewrites its headline")
    state, html = _get(client, url)
    assert state == "miss"
    assert "Beta rewrites its headline" in html
    Event.objects.filter(pk=kept.pk).update(title="Summit renamed")
    state, html = _get(client, url)
    assert state == "miss"
    assert "Summit renamed" in html


def test_a_report_page_shows_its_move_to_another_event_at_once(client):
    alpha, _, kept, elsewhere = _two_events()
    own = kept.articles.get(source=alpha)
    _get(client, own.get_absolute_url())
    Article.objects.filter(pk=own.pk).update(event=elsewhere)
    state, html = _get(client, own.get_absolute_url())
    assert state == "miss"
    assert "Unrelated storm" in html


def test_an_event_page_shows_a_new_possibly_same_link_and_the_linked_events_new_title(client):
    _, _, kept, elsewhere = _two_events()
    url = kept.get_absolute_url()
    _get(client, url)
    PossiblySame.objects.create(
        event_a=min(kept, elsewhere, key=lambda e: e.pk),
        event_b=max(kept, elsewhere, key=lambda e: e.pk),
        score=0.5,
    )
    state, html = _get(client, url)
    assert state == "miss"
    assert "Possibly the same story" in html
    Event.objects.filter(pk=elsewhere.pk).update(title="Storm renamed")
    state, html = _get(client, url)
    assert state == "miss"
    assert "Storm renamed" in html


def test_an_event_page_shows_a_new_not_covered_outlet_at_once(client):
    # Gamma reports three other events that this event's outlet reported too: from then on the
    # rule lists Gamma as missing here, though nothing in this event changed.
    alpha, gamma = outlet("Alpha News"), outlet("Gamma Post")
    kept = event_with_reports("Kept summit", [alpha])
    others = [
        event_with_reports(f"Shared story {n}", [alpha], start=BASE_TIME - dt.timedelta(days=n))
        for n in range(1, 4)
    ]
    url = kept.get_absolute_url()
    _, before = _get(client, url)
    assert "Gamma Post" not in before
    for other in others:
        report(gamma, event=other, published_at=BASE_TIME - dt.timedelta(days=1))
    state, after = _get(client, url)
    assert state == "miss"
    assert "Gamma Post" in after and "shared 3 events" in after


def test_a_bulk_write_without_row_triggers_still_changes_every_scoped_page(client):
    _, _, kept, _ = _two_events()
    url = kept.get_absolute_url()
    _get(client, url)
    with transaction.atomic(), one_version_bump():
        Event.objects.filter(pk=kept.pk).update(title="Bulk renamed")
    state, html = _get(client, url)
    assert state == "miss"
    assert "Bulk renamed" in html


def test_a_rolled_back_write_leaves_the_cached_page_valid(client):
    _, _, kept, _ = _two_events()
    url = kept.get_absolute_url()
    _get(client, url)
    with pytest.raises(RuntimeError), transaction.atomic():
        Event.objects.filter(pk=kept.pk).update(title="Never committed")
        raise RuntimeError("rolled back")
    state, html = _get(client, url)
    assert state == "hit"
    assert "Never committed" not in html


def test_a_truncated_table_changes_every_scoped_page(client):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    _, _, kept, _ = _two_events()
    url = kept.get_absolute_url()
    _get(client, url)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE articles_possiblysame")
    assert _get(client, url)[0] == "miss"


def test_an_event_page_hit_reads_the_site_token_alone_until_a_write_then_its_version_once(client):
    # The process keeps the page's version with the site-wide token it was read under, and the
    # event's window end with the event's token, so after a write elsewhere the version is one
    # query more (and the "not covered by" rule, if its inputs changed).
    alpha, _, kept, elsewhere = _two_events()
    url = kept.get_absolute_url()
    _get(client, url)
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, url)[0] == "hit"
    assert len(queries) == 1
    report(alpha, title="A report of the storm", event=elsewhere)
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, url)[0] == "hit"
    versions = [q["sql"] for q in queries.captured_queries if "articles_page_version" in q["sql"]]
    assert len(versions) == 1
    assert len(queries) == 2 + len(_rule_queries(queries))
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, url)[0] == "hit"
    assert len(queries) == 1


def test_an_event_page_hit_after_a_write_the_process_has_seen_reads_its_version_and_the_site_token_at_once(
    client,
):
    # On a site that imports every second, the process has nearly always seen a newer site-wide
    # token (on another page) than the one it kept with this page: it then knows the kept version
    # is stale, and reads the token in the version's own statement, one query instead of two.
    alpha, _, kept, elsewhere = _two_events()
    url = kept.get_absolute_url()
    _get(client, url)
    report(alpha, title="A report of the storm", event=elsewhere)
    _get(client, reverse("articles:home"))  # reads the new site-wide token
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, url)[0] == "hit"
    assert len(queries) == 1 + len(_rule_queries(queries))
    assert "articles_content_version" in queries.captured_queries[0]["sql"]
    assert "articles_page_version" in queries.captured_queries[0]["sql"]
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, url)[0] == "hit"
    assert [q["sql"] for q in queries.captured_queries] == [pagecache.VERSION_SQL]


def test_an_event_page_read_with_the_site_token_still_shows_a_write_to_it_at_once(client):
    alpha, beta, kept, elsewhere = _two_events()
    url = kept.get_absolute_url()
    _get(client, url)
    report(alpha, title="A report of the storm", event=elsewhere)
    _get(client, reverse("articles:home"))
    assert _get(client, url)[0] == "hit"
    report(beta, title="Beta follows the summit", event=kept)
    _get(client, reverse("articles:home"))
    state, html = _get(client, url)
    assert state == "miss"
    assert "Beta follows the summit" in html


def test_an_event_page_shows_its_new_title_after_a_bulk_write_that_skips_the_event_triggers(client):
    # SQLite's bulk writes drop the triggers and change only the epoch: the window and title the
    # process kept for the event must not outlive that.
    _, _, kept, _ = _two_events()
    url = kept.get_absolute_url()
    assert "Kept summit" in _get(client, url)[1]
    with transaction.atomic(), one_version_bump():
        Event.objects.filter(pk=kept.pk).update(title="Renamed summit")
    state, html = _get(client, url)
    assert state == "miss"
    assert "Renamed summit" in html


def test_an_event_page_is_kept_once_however_many_writes_elsewhere(client):
    # Under each site-wide version only the page's own key is kept: a copy per write anywhere
    # (an event page is up to 200 KB) would be dead at the next write and crowd the cache.
    alpha, _, kept, elsewhere = _two_events()
    url = kept.get_absolute_url()
    page = client.get(url).content
    held = cache.bytes_held()
    for n in range(3):
        report(alpha, title=f"Storm report {n}", event=elsewhere)
        assert _get(client, url)[0] == "hit"
    assert cache.bytes_held() - held < len(page)


def test_an_event_page_whose_own_copy_is_gone_is_rendered_again(client):
    alpha, _, kept, elsewhere = _two_events()
    url = kept.get_absolute_url()
    _get(client, url)
    report(alpha, title="A report of the storm", event=elsewhere)
    assert _get(client, url)[0] == "hit"
    for key in [key for key in cache._cache if ":page:scoped:" in key]:
        cache._delete(key)
    state, html = _get(client, url)
    assert state == "miss"
    assert "Kept summit" in html


# The "not covered by" rule's inputs (migration 0016): the key names the weeks the event's
# window touches, so the rule runs only on a render, and every write that can change its result
# changes the key.


def _rule_queries(queries: CaptureQueriesContext) -> list[str]:
    return [
        query["sql"] for query in queries.captured_queries if "COUNT(DISTINCT a.event_id)" in query["sql"]
    ]


def _shared_with_alpha(alpha: Source) -> tuple[Event, list[Event]]:
    """An event Alpha reported, and three others in its window that Alpha reported too: an
    outlet that reports those three is "not covered by" the first."""
    kept = event_with_reports("Kept summit", [alpha])
    others = [
        event_with_reports(f"Shared story {n}", [alpha], start=BASE_TIME - dt.timedelta(days=10 * n))
        for n in range(1, 4)
    ]
    return kept, others


def test_an_event_page_hit_after_a_write_outside_its_window_runs_no_not_covered_rule(client):
    alpha, beta, kept, _ = _two_events()
    later = event_with_reports("Later storm", [beta], start=BASE_TIME + dt.timedelta(days=30))
    url = kept.get_absolute_url()
    _get(client, url)
    report(alpha, title="A later report", event=later, published_at=BASE_TIME + dt.timedelta(days=31))
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, url)[0] == "hit"
    assert _rule_queries(queries) == []


def test_an_event_page_stays_cached_after_a_write_in_its_window_that_leaves_the_rule_as_it_was(client):
    # The rule runs again (its inputs changed), finds the same outlets missing, and so the
    # same page.
    alpha, _, kept, elsewhere = _two_events()
    url = kept.get_absolute_url()
    _get(client, url)
    report(alpha, title="A report of the storm", event=elsewhere, published_at=BASE_TIME)
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, url)[0] == "hit"
    assert len(_rule_queries(queries)) == 1


def test_an_event_page_shows_a_report_moved_into_its_window_at_once(client):
    alpha, gamma = outlet("Alpha News"), outlet("Gamma Post")
    kept, others = _shared_with_alpha(alpha)
    far = event_with_reports("Far story", [gamma], start=BASE_TIME + dt.timedelta(days=200))
    gammas = [report(gamma, event=far, published_at=BASE_TIME - dt.timedelta(days=1)) for _ in others]
    url = kept.get_absolute_url()
    assert "Gamma Post" not in _get(client, url)[1]
    for moved, other in zip(gammas, others, strict=True):
        Article.objects.filter(pk=moved.pk).update(event=other)  # no event row rewritten
    state, html = _get(client, url)
    assert state == "miss"
    assert "Gamma Post" in html and "shared 3 events" in html


def test_an_event_page_shows_an_event_whose_span_moved_into_its_window_at_once(client):
    alpha, gamma = outlet("Alpha News"), outlet("Gamma Post")
    kept = event_with_reports("Kept summit", [alpha])
    later = [
        event_with_reports(f"Later story {n}", [alpha, gamma], start=BASE_TIME + dt.timedelta(days=100 + n))
        for n in range(3)
    ]
    url = kept.get_absolute_url()
    assert "Gamma Post" not in _get(client, url)[1]
    Event.objects.filter(pk__in=[event.pk for event in later]).update(
        first_published_at=BASE_TIME - dt.timedelta(days=5),
        last_published_at=BASE_TIME - dt.timedelta(days=4),
    )
    state, html = _get(client, url)
    assert state == "miss"
    assert "Gamma Post" in html


def test_an_event_page_shows_a_report_in_an_event_spanning_its_whole_window_at_once(client):
    # The long events' first and last weeks both lie outside the window: every week between
    # them changes.
    alpha, gamma = outlet("Alpha News"), outlet("Gamma Post")
    kept = event_with_reports("Kept summit", [alpha])
    long = [
        event_with_reports(
            f"Long story {n}", [alpha, gamma], start=BASE_TIME - dt.timedelta(days=200), step_hours=24 * 300
        )
        for n in range(3)
    ]
    Article.objects.filter(event__in=long, source=gamma).delete()
    url = kept.get_absolute_url()
    assert "Gamma Post" not in _get(client, url)[1]
    for event in long:
        Article.objects.create(
            source=gamma,
            event=event,
            title=f"Gamma on {event.title}",
            body_text="Text.",
            word_count=1,
            content_hash=hashlib.sha256(f"long-{event.pk}".encode()).hexdigest(),
        )
    state, html = _get(client, url)
    assert state == "miss"
    assert "Gamma Post" in html


def test_an_event_page_shows_a_report_joining_a_linked_event_at_once(client):
    # Gamma's report of an event linked as possibly the same story counts as covering this one,
    # wherever in time that event lies, and whether or not the linked event's row is rewritten.
    alpha, gamma = outlet("Alpha News"), outlet("Gamma Post")
    kept, others = _shared_with_alpha(alpha)
    for other in others:
        report(gamma, event=other, published_at=BASE_TIME - dt.timedelta(days=1))
    linked = event_with_reports("Same story, split", [alpha], start=BASE_TIME + dt.timedelta(days=200))
    PossiblySame.objects.create(event_a=kept, event_b=linked, score=0.5)
    url = kept.get_absolute_url()
    assert "Gamma Post" in _get(client, url)[1]
    Article.objects.create(
        source=gamma,
        event=linked,
        title="Gamma's half",
        body_text="Text.",
        word_count=1,
        content_hash=hashlib.sha256(b"linked-gamma").hexdigest(),
    )
    state, html = _get(client, url)
    assert state == "miss"
    assert "shared 3 events" not in html
