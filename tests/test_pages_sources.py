import datetime as dt

import pytest
from browse_data import (
    BASE_TIME,
    event_with_reports,
    outlet,
    report,
)
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_outlet_list_counts_reports_and_events(client):
    a, b = outlet("Alpha News"), outlet("Beta Times")
    event_with_reports("Shared one", [a, b])
    event_with_reports("Alpha alone", [a])
    report(a, title="Not grouped")
    response = client.get(reverse("articles:source-list"))
    rows = {source.name: (source.report_count, source.event_count) for source in response.context["sources"]}
    assert rows == {"Alpha News": (3, 2), "Beta Times": (1, 1)}
    assert '<td class="num">3</td><td class="num">2</td>' in response.content.decode()


def test_outlet_page_shows_recent_reports_solo_events_and_frequent_companions(client):
    a, b, c = outlet("Alpha News"), outlet("Beta Times"), outlet("Gamma Post")
    event_with_reports("Shared with Beta 1", [a, b])
    event_with_reports("Shared with Beta 2", [a, b], start=BASE_TIME + dt.timedelta(days=1))
    event_with_reports("Shared with all", [a, b, c], start=BASE_TIME + dt.timedelta(days=2))
    event_with_reports("Only Alpha", [a], start=BASE_TIME + dt.timedelta(days=3))
    response = client.get(a.get_absolute_url())
    profile = response.context["profile"]
    assert profile.report_count == 4
    assert profile.event_count == 4
    assert [event.title for event in profile.solo_events] == ["Only Alpha"]
    assert [(s.source.name, s.shared_events) for s in profile.shares_with] == [
        ("Beta Times", 3),
        ("Gamma Post", 1),
    ]
    assert profile.recent_reports[0].title == "Only Alpha (Alpha News)"
    html = response.content.decode()
    assert "Events only Alpha News covered" in html
    assert "3 shared events" in html
    feed = reverse("articles:source-feed", args=[a.slug])
    assert f'type="application/atom+xml" title="Reports from Alpha News" href="{feed}"' in html


def test_unknown_outlet_is_404(client):
    assert client.get(reverse("articles:source-detail", args=["nobody"])).status_code == 404
