"""Ids larger than a database can hold are reports and events that do not exist: 404 on every
page and API path, on SQLite (which used to raise OverflowError) as on PostgreSQL."""

import pytest
from browse_data import event_with_reports, outlet

pytestmark = pytest.mark.django_db

HUGE = "100000000000000000000"  # 10**20, past a signed 64-bit integer
JUST_PAST = str(2**63)

PAGES = [
    "/articles/{id}/",
    "/events/{id}/",
    "/events/{id}/feed/",
    "/events/{id}/export.json",
    "/events/{id}/export.csv",
    "/compare/{id}/{real}/",
    "/compare/{real}/{id}/",
    "/compare/?event={id}",
]
API = [
    "/api/v1/articles/{id}",
    "/api/v1/events/{id}",
    "/api/v1/compare?a={id}&b={real}",
    "/api/v1/compare?a={real}&b={id}",
]


@pytest.mark.parametrize("number", [HUGE, JUST_PAST])
@pytest.mark.parametrize("template", PAGES + API)
def test_id_out_of_range_is_not_found(client, template, number):
    event = event_with_reports("Summit", [outlet("Alpha News")])
    real = event.articles.get().pk
    response = client.get(template.format(id=number, real=real))
    assert response.status_code == 404
    if template.startswith("/api/"):
        assert response.json()["detail"].startswith("No ")


def test_compare_picker_says_there_is_no_such_report(client):
    event = event_with_reports("Summit", [outlet("Alpha News")])
    response = client.get(f"/compare/?a={HUGE}&b={event.articles.get().pk}")
    assert response.status_code == 400
    assert f"There is no report with id {HUGE}." in response.text


def test_openapi_documents_every_client_error_each_operation_returns(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            documented = set(operation["responses"])
            if operation.get("parameters"):
                assert "400" in documented, (method, path)
            if "{" in path or path.endswith("/compare"):
                assert "404" in documented, (method, path)
