import datetime as dt

import pytest
from browse_data import (
    BASE_TIME,
    event_with_reports,
    outlet,
    report,
)
from django.urls import reverse

from articles.browsing.coverage import NOT_COVERED_MIN_SHARED
from articles.models import Event

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [event.title for event in response.context["object_list"]]


def test_event_list_filters_by_outlet_minimum_outlets_text_and_dates(client):
    a, b, c = outlet("Alpha News"), outlet("Beta Times"), outlet("Gamma Post")
    event_with_reports("Harbour strike spreads", [a, b, c], start=BASE_TIME)
    event_with_reports("Election result contested", [a], start=BASE_TIME + dt.timedelta(days=10))
    event_with_reports("Harbour reopens", [b, c], start=BASE_TIME + dt.timedelta(days=20))
    url = reverse("articles:event-list")
    assert _titles(client.get(url, {"source": "alpha-news"})) == [
        "Election result contested",
        "Harbour strike spreads",
    ]
    assert _titles(client.get(url, {"min_outlets": 2})) == ["Harbour reopens", "Harbour strike spreads"]
    assert _titles(client.get(url, {"text": "harbour"})) == ["Harbour reopens", "Harbour strike spreads"]
    after = (BASE_TIME + dt.timedelta(days=5)).date().isoformat()
    before = (BASE_TIME + dt.timedelta(days=15)).date().isoformat()
    dated = client.get(url, {"published_after": after, "published_before": before})
    assert _titles(dated) == ["Election result contested"]


def test_event_list_sorts_by_latest_or_by_most_outlets(client):
    a, b, c = outlet("Alpha News"), outlet("Beta Times"), outlet("Gamma Post")
    event_with_reports("Widely covered", [a, b, c], start=BASE_TIME)
    event_with_reports("Recent but small", [a], start=BASE_TIME + dt.timedelta(days=3))
    url = reverse("articles:event-list")
    assert _titles(client.get(url)) == ["Recent but small", "Widely covered"]
    assert _titles(client.get(url, {"sort": "covered"})) == ["Widely covered", "Recent but small"]


def test_event_list_shows_filter_errors_and_no_results(client):
    event_with_reports("Some event", [outlet("Alpha News")])
    response = client.get(reverse("articles:event-list"), {"published_after": "not-a-date", "sort": "bogus"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Some filters could not be used" in html
    assert "Enter a valid date." in html
    assert "Select a valid choice." in html
    assert _titles(response) == []


def test_event_list_pagination_keeps_the_filters(client):
    source = outlet("Alpha News")
    for i in range(35):
        event_with_reports(f"Strike day {i}", [source], start=BASE_TIME + dt.timedelta(hours=i))
    response = client.get(reverse("articles:event-list"), {"text": "strike", "sort": "latest"})
    html = response.content.decode()
    assert 'href="?text=strike&amp;sort=latest&amp;page=2"' in html
    second = client.get(reverse("articles:event-list"), {"text": "strike", "sort": "latest", "page": 2})
    assert len(second.context["object_list"]) == 5


def test_event_page_groups_reports_by_outlet_with_their_grouping_explanation(client):
    a, b = outlet("Alpha News"), outlet("Beta Times")
    event = Event.objects.create(title="Second summit announced")
    report(
        a,
        title="Alpha's first",
        event=event,
        published_at=BASE_TIME,
        explanation="grouped because: shared people Kim Yong-chol; similarity 0.62",
    )
    report(a, title="Alpha's follow-up", event=event, published_at=BASE_TIME + dt.timedelta(hours=5))
    report(b, title="Beta's report", event=event, published_at=BASE_TIME + dt.timedelta(hours=1))
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    html = html[html.index('id="reports-heading"') :]
    alpha = html.index(f'id="outlet-{a.pk}"')
    beta = html.index(f'id="outlet-{b.pk}"')
    assert alpha < html.index("Alpha&#x27;s first") < html.index("Alpha&#x27;s follow-up") < beta
    assert beta < html.index("Beta&#x27;s report")
    assert "grouped because: shared people Kim Yong-chol; similarity 0.62" in html


def test_event_page_draws_a_timeline_with_a_text_alternative(client):
    a, b = outlet("Alpha News"), outlet("Beta Times")
    event = event_with_reports("Floods in the valley", [a, b], step_hours=6)
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<svg viewBox="0 0 720' in html
    assert 'role="img" aria-labelledby="timeline-title timeline-desc"' in html
    assert html.count('class="tl-dot"') == 2
    # The same facts in a table: each outlet with the time of its report.
    table = html[html.index("<table>") :]
    assert "2 Mar 2026, 09:00" in table and "Alpha News" in table
    assert "2 Mar 2026, 15:00" in table and "Beta Times" in table


def test_event_page_without_dates_has_no_timeline_but_says_why(client):
    event = Event.objects.create(title="Undated event")
    report(outlet("Alpha News"), event=event)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<svg" not in html
    assert "Reports by outlet" in html


def test_event_page_lists_outlets_that_usually_cover_such_events_but_not_this_one(client):
    a, b, c, d = outlet("Alpha News"), outlet("Beta Times"), outlet("Gamma Post"), outlet("Delta Daily")
    # Gamma reported NOT_COVERED_MIN_SHARED earlier events with Alpha; Delta only one.
    for i in range(NOT_COVERED_MIN_SHARED):
        event_with_reports(f"Earlier shared {i}", [a, c], start=BASE_TIME - dt.timedelta(days=10 + i))
    event_with_reports("Earlier with Delta", [a, d], start=BASE_TIME - dt.timedelta(days=5))
    # Shared long ago, outside the 90-day window: does not count.
    for i in range(NOT_COVERED_MIN_SHARED):
        event_with_reports(f"Ancient {i}", [b, d], start=BASE_TIME - dt.timedelta(days=200 + i))
    event = event_with_reports("Today's event", [a, b])
    html = client.get(event.get_absolute_url()).content.decode()
    missing = html[html.index('id="missing-heading"') :]
    assert "in the 90 days up to its latest report" in missing
    assert f"at least {NOT_COVERED_MIN_SHARED} other events" in missing
    assert "Gamma Post" in missing
    assert f"shared {NOT_COVERED_MIN_SHARED} events" in missing
    assert "Delta Daily" not in missing


def test_event_page_links_its_feed_and_is_404_for_unknown_events(client):
    event = event_with_reports("Fed event", [outlet("Alpha News")])
    html = client.get(event.get_absolute_url()).content.decode()
    feed = reverse("articles:event-reports-feed", args=[event.pk])
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="New reports of this event" href="{feed}">'
        in html
    )
    assert client.get(reverse("articles:event-detail", args=[999999])).status_code == 404
