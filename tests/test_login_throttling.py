"""Repeated wrong admin passwords lock out that username from that address for a cool-off,
even with the right password; staff see the lockout in the admin."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.conf import settings

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "right-password-1234"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("reporter", password=PASSWORD, is_staff=True)


def attempt(client, password: str, *, address: str = "203.0.113.7", username: str = "reporter"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_right_password_is_refused_after_too_many_wrong_ones(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    assert 3 <= limit <= 10  # "a few" failures
    for number in range(limit - 1):
        response = attempt(client, f"wrong-{number}")
        assert response.status_code == 200 and "Please enter the correct username" in response.text
    assert attempt(client, "wrong-last").status_code == 429
    locked = attempt(client, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_ends_after_the_cool_off(client, editor):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"wrong-{number}")
    assert attempt(client, PASSWORD).status_code == 429
    # Let the cool-off pass by ageing the recorded attempts (no waiting in tests).
    AccessAttempt.objects.update(
        attempt_time=dt.datetime.now(dt.UTC) - settings.AXES_COOLOFF_TIME - dt.timedelta(minutes=1)
    )
    response = attempt(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_lockout_is_per_username_and_address(client, editor, django_user_model):
    django_user_model.objects.create_user("colleague", password=PASSWORD, is_staff=True)
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"wrong-{number}")
    assert attempt(client, PASSWORD).status_code == 429
    # The same user from the office, and a colleague from the attacker's address, still get in.
    assert attempt(client, PASSWORD, address="198.51.100.20").status_code == 302
    client.logout()
    assert attempt(client, PASSWORD, username="colleague").status_code == 302


def test_a_successful_login_resets_the_count(client, editor):
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, f"wrong-{number}")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, f"wrong-again-{number}")
    assert attempt(client, PASSWORD).status_code == 302


def test_lockouts_are_listed_in_the_admin(client, editor, staff_client):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"wrong-{number}")
    page = staff_client.get("/admin/axes/accessattempt/")
    assert page.status_code == 200
    assert "reporter" in page.text and "203.0.113.7" in page.text
    assert AccessAttempt.objects.get().failures_since_start == settings.AXES_FAILURE_LIMIT
