import xml.etree.ElementTree as ET

import pytest
from browse_data import (
    event_with_reports,
    outlet,
    report,
)
from django.urls import reverse

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_latest_events_feed_lists_events_newest_first(client):
    a = outlet("Alpha News")
    event_with_reports("Older event", [a])
    event_with_reports("Newer event", [a, outlet("Beta Times")])
    response = client.get(reverse("articles:event-feed"))
    assert _entries(response) == ["Newer event", "Older event"]
    assert b"2 outlets, 2 reports." in response.content


def test_outlet_feed_lists_only_that_outlets_reports(client):
    a, b = outlet("Alpha News"), outlet("Beta Times")
    report(a, title="From Alpha")
    report(b, title="From Beta")
    assert _entries(client.get(reverse("articles:source-feed", args=[a.slug]))) == ["Alpha News: From Alpha"]
    assert client.get(reverse("articles:source-feed", args=["nobody"])).status_code == 404


def test_event_feed_lists_new_reports_of_that_event(client):
    a, b = outlet("Alpha News"), outlet("Beta Times")
    event = event_with_reports("Summit", [a])
    report(b, title="Late arrival", event=event)
    report(b, title="Unrelated")
    titles = _entries(client.get(reverse("articles:event-reports-feed", args=[event.pk])))
    assert titles == ["Beta Times: Late arrival", "Alpha News: Summit (Alpha News)"]
    assert client.get(reverse("articles:event-reports-feed", args=[999999])).status_code == 404


def test_feed_escapes_titles(client):
    report(outlet("Alpha News"), title="<b>Bold & brave</b>")
    response = client.get(reverse("articles:source-feed", args=["alpha-news"]))
    assert _entries(response) == ["Alpha News: <b>Bold & brave</b>"]
    assert b"<b>Bold" not in response.content
