import datetime as dt

import pytest
from browse_data import (
    BASE_TIME,
    event_with_reports,
    outlet,
    report,
)
from django.urls import reverse

from articles.models import Event

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [article.title for article in response.context["object_list"]]


def test_article_list_filters_by_outlet_event_unassigned_dates_and_words(client):
    a, b = outlet("Alpha News"), outlet("Beta Times")
    event = Event.objects.create(title="Port strike")
    report(
        a,
        title="Dockers walk out",
        body="The port strike began at dawn.",
        event=event,
        published_at=BASE_TIME,
    )
    report(
        b,
        title="Ferries cancelled",
        body="Ferries stayed in harbour.",
        published_at=BASE_TIME + dt.timedelta(days=3),
    )
    report(
        b,
        title="Minister resigns",
        body="The minister resigned on Friday.",
        published_at=BASE_TIME + dt.timedelta(days=9),
    )
    url = reverse("articles:article-list")
    assert _titles(client.get(url, {"source": "beta-times"})) == ["Minister resigns", "Ferries cancelled"]
    assert _titles(client.get(url, {"event": event.pk})) == ["Dockers walk out"]
    assert _titles(client.get(url, {"unassigned": "on"})) == ["Minister resigns", "Ferries cancelled"]
    day = (BASE_TIME + dt.timedelta(days=3)).date().isoformat()
    assert _titles(client.get(url, {"published_after": day, "published_before": day})) == [
        "Ferries cancelled"
    ]
    # Words match headline or body, with word endings folded ("strikes" finds "strike").
    assert _titles(client.get(url, {"text": "strikes"})) == ["Dockers walk out"]
    assert _titles(client.get(url, {"text": "ferries harbour"})) == ["Ferries cancelled"]


def test_article_list_survives_search_syntax_in_the_text_filter(client):
    report(outlet("Alpha News"), title="Quoted", body='He said "no" (twice).')
    for text in ['"', "(*", "NEAR(", "a:b", "-", "OR", "^x"]:
        response = client.get(reverse("articles:article-list"), {"text": text})
        assert response.status_code == 200, text


def test_article_list_shows_filter_errors(client):
    response = client.get(reverse("articles:article-list"), {"source": "no-such-outlet", "event": "x"})
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert "Outlet: Select a valid choice." in html
    assert "Enter a number." in html


def test_article_page_shows_clean_body_metadata_and_original_link(client):
    article = report(
        outlet("Alpha News"),
        title="Summit set for spring",
        body="First paragraph <b>not bold</b>.\n\nSecond paragraph.",
        published_at=BASE_TIME,
        url="https://alpha.example/news/summit?utm_source=x",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<h1>Summit set for spring</h1>" in html
    assert "First paragraph &lt;b&gt;not bold&lt;/b&gt;." in html
    assert "<p>Second paragraph.</p>" in html
    assert 'href="https://alpha.example/news/summit?utm_source=x"' in html
    assert "2 Mar 2026, 09:00 UTC" in html


def test_article_page_marks_only_the_sanitized_html_body_safe(client):
    article = report(outlet("Alpha News"), title="<i>Title</i>", body="Plain text.")
    article.body_html = "<p>Stored <em>sanitized</em> body</p>"
    article.byline = "<script>x</script>"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<p>Stored <em>sanitized</em> body</p>" in html
    assert "&lt;i&gt;Title&lt;/i&gt;" in html
    assert "<script>x</script>" not in html


def test_article_page_lists_other_reports_with_one_click_comparison(client):
    a, b, c = outlet("Alpha News"), outlet("Beta Times"), outlet("Gamma Post")
    event = event_with_reports("Summit", [a, b, c])
    first, second, third = event.articles.order_by("source__name")
    html = client.get(first.get_absolute_url()).content.decode()
    assert "Other reports of this event" in html
    for other in (second, third):
        assert reverse("articles:compare", kwargs={"a": first.pk, "b": other.pk}) in html
        assert other.get_absolute_url() in html
    assert reverse("articles:compare", kwargs={"a": first.pk, "b": first.pk}) not in html


def test_unassigned_article_page_says_it_is_not_grouped(client):
    article = report(outlet("Alpha News"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Not grouped yet" in html
    assert client.get(reverse("articles:article-detail", args=[999999])).status_code == 404
