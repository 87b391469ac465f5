"""Hostile or broken parameters get a page or a JSON error, never a server error (NUL bytes are
refused by PostgreSQL, search syntax by FTS5, huge numbers by integer columns)."""

import pytest
from browse_data import (
    event_with_reports,
    outlet,
)

pytestmark = pytest.mark.django_db

URLS = [
    "/events/?text=a%00b",
    "/events/?source=a%00",
    "/events/?min_outlets=99999999999999999999999",
    "/events/?page=-1",
    "/events/?page=abc",
    "/articles/?text=%00",
    "/articles/?source=%00x",
    "/articles/?event=99999999999999999999999",
    "/articles/?published_after=2026-99-99",
    "/search/?q=%00",
    "/search/?q=a%00b",
    "/search/?q=%22%22%22",
    "/api/v1/articles?q=%00",
    "/api/v1/articles?source=%00",
    "/api/v1/articles?event=99999999999999999999999",
    "/api/v1/articles?offset=99999999999",
    "/api/v1/events?q=%00",
    "/api/v1/articles?search=a%00b",
    "/sources/a%00b/",
]


@pytest.mark.parametrize("url", URLS)
def test_bad_parameters_never_cause_a_server_error(client, url):
    event_with_reports("Summit", [outlet("Alpha News")])
    response = client.get(url)
    assert response.status_code < 500
    if url.startswith("/api/") and response.status_code >= 400:
        assert response.json()["detail"]
