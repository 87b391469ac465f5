"""The admin's article list: short columns that stay readable beside the sidebar and filters."""

import datetime as dt

import pytest
from browse_data import event_with_reports, outlet, report
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

pytestmark = pytest.mark.django_db

ARTICLES = reverse("admin:articles_article_changelist")
LONG_HEADLINE = (
    "Radek Novotný, the central banker handed Europe's energy brief, faces a tense hearing "
    "before the parliament's industry committee in Strasbourg"
)


def test_a_long_headline_is_cut_with_the_whole_of_it_in_a_tooltip(staff_client):
    report(outlet("Alpha News"), title=LONG_HEADLINE)
    report(outlet("Beta Times"), title="Short headline stays whole")

    page = staff_client.get(ARTICLES).content.decode()

    assert f'<span title="{escape(LONG_HEADLINE)}">Radek Novotný, the central banker' in page
    assert "Strasbourg</span>" not in page and "…</span>" in page
    assert ">Short headline stays whole</a>" in page


def test_outlet_and_date_share_a_column_and_the_status_is_one_word_with_the_length(staff_client):
    alpha = outlet("Alpha News")
    event = event_with_reports("Harbour strike ends", [alpha])
    published = timezone.make_aware(dt.datetime(2019, 1, 18, 9, 30))
    report(alpha, title="Ferry sinks off Sulawesi", body="One two three four.", published_at=published)

    page = staff_client.get(ARTICLES).content.decode()

    assert 'Alpha News<br><span class="quiet">18 Jan 2019, 09:30</span>' in page
    assert 'Pending<br><span class="quiet">4 words</span>' in page
    assert f'<a href="{event.get_absolute_url()}">Harbour strike ends</a>' in page
    for header in ("Outlet, date", "Grouping", "Import"):
        assert f">{header}</a>" in page
    # Filters and search are as they were, the assumed-outlet filter among them.
    assert "outlet_assumed__exact" in page and 'name="q"' in page


def test_the_merged_outlet_and_date_column_sorts_by_publication_time(staff_client):
    january = timezone.make_aware(dt.datetime(2019, 1, 1))
    older = report(outlet("Zeta Post"), title="Older report", published_at=january)
    newer = report(outlet("Alpha News"), title="Newer report", published_at=january + dt.timedelta(days=31))

    response = staff_client.get(ARTICLES, {"o": "2"})

    assert response.status_code == 200
    assert [a.pk for a in response.context["cl"].result_list] == [older.pk, newer.pk]
