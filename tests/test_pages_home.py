import pytest
from browse_data import (
    event_with_reports,
    outlet,
    report,
)
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_lists_events_with_counts_times_and_who_reported(client):
    bbc, wire, daily = outlet("Broadcaster"), outlet("Wire Service"), outlet("Daily Paper")
    event = event_with_reports("Leaders agree to a second summit", [bbc, wire])
    response = client.get(reverse("articles:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Leaders agree to a second summit" in html
    assert "<strong>2</strong> outlets" in html
    assert "<strong>2</strong> reports" in html
    assert event.first_published_at.strftime("%-d %b %Y, %H:%M") in html
    # The strip's words name the reporters; the outlet that did not report is only a hollow cell.
    assert (
        'Reported by <a href="/sources/broadcaster/">Broadcaster</a>, <a href="/sources/wire-service/">Wire Service</a>'
        in html
    )
    # One cell per outlet, in name order: Broadcaster, Daily Paper, Wire Service.
    strip = html.split('<span class="strip" aria-hidden="true">')[1].split("</span>")[0]
    assert strip == "\u25ae\u25af\u25ae"  # filled, hollow, filled
    assert daily.name not in html.split("Reported by")[1].split("</span>")[0]


def test_home_orders_events_by_latest_report(client):
    a, b = outlet("Outlet A"), outlet("Outlet B")
    older = event_with_reports("Older event", [a])
    newer = event_with_reports("Newer event", [a, b])
    older.refresh_from_db()
    assert newer.last_published_at > older.last_published_at
    html = client.get(reverse("articles:home")).content.decode()
    assert html.index("Newer event") < html.index("Older event")


def test_home_lists_unassigned_reports(client):
    report(outlet("Lonely Outlet"), title="A report nobody grouped")
    html = client.get(reverse("articles:home")).content.decode()
    assert "Not yet grouped" in html
    assert "A report nobody grouped" in html


def test_home_links_the_events_feed_for_feed_readers(client):
    html = client.get(reverse("articles:home")).content.decode()
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="Coverage: latest events" href="{reverse("articles:event-feed")}">'
        in html
    )


def test_home_refuses_post(client):
    assert client.post(reverse("articles:home")).status_code == 405


def test_event_titles_are_escaped(client):
    event_with_reports("<script>alert(1)</script> summit", [outlet("Some Outlet")])
    html = client.get(reverse("articles:home")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; summit" in html
