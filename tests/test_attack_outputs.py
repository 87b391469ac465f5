"""Every class of hostile payload, stored through the real import pipeline in every text field
(headline, outlet, byline, body, HTML body, event title and summary), then read back through
every output: HTML pages, the admin, JSON (API and export), CSV and the Atom feeds."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from attack_checks import FORMULA_STARTS, live_markup
from django.urls import reverse
from import_helpers import STORY, jsonl, run_files
from payloads import MARK, XSS_PAYLOADS

from articles.models import Article, Event

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
# Payloads that are markup: the checker must flag them raw, or the page checks prove nothing.
MARKUP_PAYLOADS = ["img onerror", "script element", "svg onload", "attribute breakout", "iframe srcdoc"]


@pytest.mark.parametrize("name", MARKUP_PAYLOADS)
def test_checker_flags_each_markup_payload_raw(name):
    assert live_markup(f"<p>{XSS_PAYLOADS[name]}</p>")


def _store_hostile_reports(payload: str) -> tuple[Article, Article, Event]:
    records = [
        {
            "title": f"{payload} harbour bridge {side}",
            "source": f"{payload} Gazette {side}",
            "byline": f"{payload} Reporter",
            "text": f'{STORY}\n\nA witness said: "{payload}" was written on the wall {side}.',
            "html": f"<p>{STORY}</p><p>{payload}</p><p>Side {side}.</p>",
            "url": f"https://news.example/{side}",
            "published_at": "2026-03-02T09:00:00Z",
        }
        for side in ("one", "two")
    ]
    result = run_files(jsonl("hostile.jsonl", *records))
    created = [e for e in result.entries if e["outcome"] == "created"]
    assert len(created) == 2, result.entries
    first, second = (Article.objects.select_related("source").get(pk=e["article_id"]) for e in created)
    event = first.event or Event.objects.create(title="placeholder")
    Event.objects.filter(pk=event.pk).update(title=f"{payload} event", summary=f"{payload} summary")
    Article.objects.filter(pk__in=[first.pk, second.pk]).update(event=event)
    event.refresh_stats()
    return first, second, event


def _html_outputs(first: Article, second: Article, event: Event) -> list[str]:
    return [
        reverse("articles:home"),
        reverse("articles:article-list"),
        reverse("articles:article-detail", args=[first.pk]),
        reverse("articles:event-list"),
        reverse("articles:event-detail", args=[event.pk]),
        reverse("articles:source-list"),
        reverse("articles:source-detail", args=[first.source.slug]),
        f"{reverse('articles:search')}?q={MARK}",
        reverse("articles:compare", args=[first.pk, second.pk]),
        f"{reverse('articles:compare-pick')}?event={event.pk}",
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[first.pk]),
        reverse("admin:articles_event_change", args=[event.pk]),
        reverse("admin:articles_source_changelist"),
        reverse("admin:articles_importbatch_change", args=[first.batch_id]),
    ]


@pytest.mark.parametrize("name", sorted(XSS_PAYLOADS))
def test_hostile_fields_come_out_inert_in_every_output(name, staff_client):
    payload = XSS_PAYLOADS[name]
    first, second, event = _store_hostile_reports(payload)
    client = staff_client

    for url in _html_outputs(first, second, event):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert MARK in page, f"the payload never reached {url}"
        assert live_markup(page) == [], url

    api = [
        "/api/v1/articles",
        f"/api/v1/articles/{first.pk}",
        f"/api/v1/events/{event.pk}",
        "/api/v1/sources",
        f"/api/v1/compare?a={first.pk}&b={second.pk}",
        reverse("articles:event-export-json", args=[event.pk]),
    ]
    for url in api:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/json"), url
        assert response["X-Content-Type-Options"] == "nosniff"
        # JSON carries the text as it is: the reader, not the API, decides how to show it.
        assert MARK in json.dumps(response.json(), ensure_ascii=False), url

    response = client.get(reverse("articles:event-export-csv", args=[event.pk]))
    assert response.status_code == 200
    cells = [cell for row in csv.reader(io.StringIO(response.content.decode())) for cell in row]
    assert any(MARK in cell for cell in cells)
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]

    feeds = [
        reverse("articles:event-feed"),
        reverse("articles:source-feed", args=[first.source.slug]),
        reverse("articles:event-reports-feed", args=[event.pk]),
    ]
    for url in feeds:
        response = client.get(url)
        assert response.status_code == 200, url
        assert MARK in response.content.decode(), url
        root = ET.fromstring(response.content)
        for element in root.iter():
            if element.get("type") == "html":
                # A feed reader renders these as HTML, outside our CSP.
                assert live_markup(element.text or "") == [], (url, element.tag, element.text)
