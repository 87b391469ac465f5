import datetime as dt

import pytest
from browse_data import (
    BASE_TIME,
    event_with_reports,
    outlet,
    report,
)

from articles.models import Event

pytestmark = pytest.mark.django_db
API = "/api/v1"


def test_article_list_answers_items_and_count_with_limit_and_offset(client):
    a = outlet("Alpha News")
    event = event_with_reports("Summit", [a])
    for i in range(4):
        report(
            a,
            title=f"Loose {i}",
            published_at=BASE_TIME - dt.timedelta(days=i + 1),
            url=f"https://a.example/{i}",
        )
    body = client.get(f"{API}/articles", {"limit": 2, "offset": 1}).json()
    assert body["count"] == 5
    assert [item["title"] for item in body["items"]] == ["Loose 0", "Loose 1"]
    first = client.get(f"{API}/articles", {"limit": 1}).json()["items"][0]
    assert first == {
        "id": event.articles.get().pk,
        "title": "Summit (Alpha News)",
        "source": "Alpha News",
        "source_slug": "alpha-news",
        "url": None,
        "published_at": "2026-03-02T09:00:00Z",
        "event": event.pk,
        "being_analysed": False,
        "link": f"/articles/{event.articles.get().pk}/",
    }
    assert body["items"][0]["event"] is None
    assert body["items"][0]["url"] == "https://a.example/0"


def test_article_list_takes_the_pages_filters(client):
    a, b = outlet("Alpha News"), outlet("Beta Times")
    event = Event.objects.create(title="Strike")
    report(a, title="Port strike", body="Dockers strike.", event=event, published_at=BASE_TIME)
    report(b, title="Ferry news", body="Ferries sail.", published_at=BASE_TIME + dt.timedelta(days=2))

    def titles(**params) -> list[str]:
        response = client.get(f"{API}/articles", params)
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["items"]]

    assert titles(source="beta-times") == ["Ferry news"]
    assert titles(event=event.pk) == ["Port strike"]
    assert titles(unassigned="true") == ["Ferry news"]
    assert titles(q="strikes") == ["Port strike"]
    assert titles(published_after=(BASE_TIME + dt.timedelta(days=1)).date().isoformat()) == ["Ferry news"]
    assert titles(published_before=BASE_TIME.date().isoformat()) == ["Port strike"]


def test_article_search_is_ranked_and_combines_with_filters(client):
    a, b = outlet("Alpha News"), outlet("Beta Times")
    body_only = report(a, title="Talks", body="Envoys discussed the harbour at length.")
    headline = report(a, title="Harbour closes", body="Storm.")
    report(b, title="Harbour in Beta", body="Storm.")
    body = client.get(f"{API}/articles", {"search": "harbour", "source": "alpha-news"}).json()
    assert body["count"] == 2
    assert [item["id"] for item in body["items"]] == [headline.pk, body_only.pk]


def test_article_detail_includes_body_and_grouping_evidence(client):
    event = Event.objects.create(title="Summit")
    article = report(
        outlet("Alpha News"), title="T", body="Body text here.", event=event, explanation="grouped because: x"
    )
    body = client.get(f"{API}/articles/{article.pk}").json()
    assert body["body_text"] == "Body text here."
    assert body["event"] == event.pk
    assert body["event_title"] == "Summit"
    assert body["grouping"] == {"status": "joined", "score": None, "explanation": "grouped because: x"}


def test_events_list_filters_and_sorts_like_the_page(client):
    a, b, c = outlet("Alpha News"), outlet("Beta Times"), outlet("Gamma Post")
    event_with_reports("Wide", [a, b, c])
    event_with_reports("Narrow", [a], start=BASE_TIME + dt.timedelta(days=1))

    def titles(**params) -> list[str]:
        return [item["title"] for item in client.get(f"{API}/events", params).json()["items"]]

    assert titles() == ["Narrow", "Wide"]
    assert titles(sort="covered") == ["Wide", "Narrow"]
    assert titles(min_outlets=2) == ["Wide"]
    assert titles(source="gamma-post") == ["Wide"]
    assert titles(q="narr") == ["Narrow"]
    assert client.get(f"{API}/events").json()["count"] == 2


def test_event_detail_lists_its_reports_with_grouping_evidence(client):
    a, b = outlet("Alpha News"), outlet("Beta Times")
    event = event_with_reports("Summit", [a, b])
    body = client.get(f"{API}/events/{event.pk}").json()
    assert body["source_count"] == 2 and body["article_count"] == 2
    assert [item["source"] for item in body["articles"]] == ["Alpha News", "Beta Times"]
    assert set(body["articles"][0]["grouping"]) == {"status", "score", "explanation"}


def test_sources_list_counts(client):
    a = outlet("Alpha News")
    event_with_reports("Summit", [a])
    report(a)
    body = client.get(f"{API}/sources").json()
    assert body["count"] == 1
    assert body["items"][0]["slug"] == "alpha-news"
    assert (body["items"][0]["report_count"], body["items"][0]["event_count"]) == (2, 1)


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/articles", {"limit": 0}, "limit"),
        ("/articles", {"limit": 101}, "limit"),
        ("/articles", {"limit": "many"}, "limit"),
        ("/articles", {"offset": -1}, "offset"),
        ("/articles", {"event": "x"}, "event"),
        ("/articles", {"source": "nobody"}, "source"),
        ("/articles", {"published_after": "yesterday"}, "published_after"),
        ("/articles", {"search": "(*)"}, "search"),
        ("/articles", {"unassigned": "perhaps"}, "unassigned"),
        ("/events", {"min_outlets": 0}, "min_outlets"),
        ("/events", {"sort": "random"}, "sort"),
        ("/events", {"published_before": "2026-02-30"}, "published_before"),
    ],
)
def test_bad_parameters_get_a_json_400_naming_the_parameter(client, path, params, parameter):
    response = client.get(f"{API}{path}", params)
    assert response.status_code == 400
    details = response.json()["detail"]
    assert [detail["parameter"] for detail in details] == [parameter]
    assert details[0]["message"]


@pytest.mark.parametrize(
    ("path", "message"),
    [("/articles/999999", "No report with id 999999."), ("/events/999999", "No event with id 999999.")],
)
def test_unknown_objects_get_a_json_404(client, path, message):
    response = client.get(f"{API}{path}")
    assert response.status_code == 404
    assert response.json() == {"detail": message}


def test_non_numeric_id_is_a_json_4xx(client):
    response = client.get(f"{API}/articles/abc")
    assert 400 <= response.status_code < 500


def test_openapi_schema_documents_every_parameter(client):
    schema = client.get(f"{API}/openapi.json").json()
    params = {
        path: {
            p["name"]: p.get("description", "") for p in schema["paths"][path]["get"].get("parameters", [])
        }
        for path in ("/api/v1/articles", "/api/v1/events")
    }
    assert set(params["/api/v1/articles"]) == {
        "limit",
        "offset",
        "published_after",
        "published_before",
        "source",
        "event",
        "unassigned",
        "q",
        "search",
    }
    assert set(params["/api/v1/events"]) == {
        "limit",
        "offset",
        "published_after",
        "published_before",
        "source",
        "q",
        "min_outlets",
        "sort",
    }
    for endpoint in params.values():
        assert all(description for description in endpoint.values()), endpoint
    for path in ("/api/v1/articles/{article_id}", "/api/v1/events/{event_id}", "/api/v1/sources"):
        assert path in schema["paths"]
    assert "400" in schema["paths"]["/api/v1/articles"]["get"]["responses"]


def test_api_docs_page_uses_only_our_own_scripts(client):
    response = client.get(f"{API}/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert "cdn." not in html
    assert "/static/ninja/swagger-ui-bundle.js" in html


def test_cached_answers_follow_new_reports(client):
    a = outlet("Alpha News")
    report(a, title="First")
    assert client.get(f"{API}/articles").json()["count"] == 1
    report(a, title="Second")
    body = client.get(f"{API}/articles").json()
    assert body["count"] == 2
    assert body["items"][0]["title"] in {"First", "Second"}
