"""The outlet filter scales to thousands of outlets: a text box fed by a small suggestion
endpoint instead of a <select> of every outlet, and the list pages stay small."""

import pytest
from browse_data import event_with_reports, outlet
from django.urls import reverse

from articles.models import Source

pytestmark = pytest.mark.django_db
OUTLETS = 8550  # as many as the probe's database held


@pytest.fixture
def many_outlets():
    Source.objects.bulk_create(
        Source(name=f"Outlet number {i:05d}", slug=f"outlet-number-{i:05d}") for i in range(OUTLETS)
    )


@pytest.mark.parametrize("page", ["articles:article-list", "articles:event-list"])
def test_list_pages_stay_small_with_thousands_of_outlets(
    client, many_outlets, page, django_assert_max_num_queries
):
    event_with_reports("Summit", [outlet("Alpha News")])
    with django_assert_max_num_queries(12):
        response = client.get(reverse(page))
    assert response.status_code == 200
    assert len(response.content) < 100_000
    html = response.content.decode()
    assert "Outlet number 04321" not in html
    assert 'list="outlet-suggestions"' in html and 'data-suggest-url="/sources/suggest.json"' in html


def test_filtering_by_a_typed_slug_still_works(client, many_outlets):
    alpha = outlet("Alpha News")
    event_with_reports("Summit", [alpha, outlet("Beta Times")])
    response = client.get(reverse("articles:article-list"), {"source": alpha.slug})
    assert "Summit (Alpha News)" in response.text and "Summit (Beta Times)" not in response.text
    assert f'value="{alpha.slug}"' in response.text


def test_unknown_outlet_is_a_shown_error(client):
    response = client.get(reverse("articles:event-list"), {"source": "nobody-at-all"})
    assert "Reported by:" in response.text and "Select a valid choice" in response.text


def test_suggestions_are_few_and_match_the_typed_name(client, many_outlets):
    data = client.get(reverse("articles:source-suggestions"), {"q": "number 0432"}).json()
    assert [item["slug"] for item in data["items"]] == [f"outlet-number-0432{i}" for i in range(10)]
    assert len(client.get(reverse("articles:source-suggestions")).json()["items"]) == 20


def test_suggestions_only_answer_get(client):
    assert client.post(reverse("articles:source-suggestions")).status_code == 405
