import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_page_renders_without_events(client):
    response = client.get(reverse("articles:home"))
    assert response.status_code == 200
    assert b"No events yet." in response.content


@pytest.mark.django_db
def test_pages_send_a_content_security_policy_without_inline_script(client):
    response = client.get(reverse("articles:home"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
