"""Staff see the grouping evidence and correct the grouping in the admin."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from grouping_cases import (
    FERRY_FIRST_DAY,
    FERRY_NEXT_DAY,
    HEATER_RECALL_WIRE,
    KETTLE_RECALL_WIRE,
    QUAKE_WIRE,
)
from grouping_helpers import report

from articles.models import Article, Event, GroupingStatus

pytestmark = pytest.mark.django_db

ARTICLES = reverse("admin:articles_article_changelist")
EVENTS = reverse("admin:articles_event_changelist")


def test_article_page_shows_the_evidence_read_only(staff_client):
    report("Northwire", *FERRY_FIRST_DAY)
    joined = report("Tidewater", *FERRY_NEXT_DAY)

    page = staff_client.get(reverse("admin:articles_article_change", args=[joined.pk]))

    assert page.status_code == 200
    text = page.content.decode()
    assert "grouped because: " in text
    assert "Shared places" in text
    assert 'name="grouping_evidence"' not in text


def test_article_page_shows_the_penalties_that_kept_a_report_out(staff_client):
    report("Northwire", *KETTLE_RECALL_WIRE)
    heaters = report("Northwire", *HEATER_RECALL_WIRE)  # undated, same outlet, another weekday

    page = staff_client.get(reverse("admin:articles_article_change", args=[heaters.pk]))

    text = page.content.decode()
    assert "Penalised: the event has this outlet&#x27;s report" in text
    assert "Penalised: undated, its lead names another weekday" in text


def test_move_action_asks_for_the_event_then_moves_and_records_who(staff_client):
    ferry = report("Northwire", *FERRY_FIRST_DAY)
    quake = report("Northwire", *QUAKE_WIRE)

    ask = staff_client.post(ARTICLES, {"action": "move_to_event", ACTION_CHECKBOX_NAME: [quake.pk]})
    assert ask.status_code == 200
    assert b"Move reports to another event" in ask.content
    quake.refresh_from_db()
    assert quake.event_id != ferry.event_id  # nothing happens before the choice

    done = staff_client.post(
        ARTICLES,
        {"action": "move_to_event", ACTION_CHECKBOX_NAME: [quake.pk], "apply": "1", "event": ferry.event_id},
    )

    assert done.status_code == 302
    quake.refresh_from_db()
    assert quake.event_id == ferry.event_id
    assert quake.grouping_status == GroupingStatus.MANUAL
    assert quake.grouping_evidence["by"] == "editor"
    assert Event.objects.get(pk=ferry.event_id).article_count == 2
    # The quake's own event had nothing else in it and is gone.
    assert Event.objects.count() == 1


def test_move_action_without_an_event_shows_the_error_and_moves_nothing(staff_client):
    quake = report("Northwire", *QUAKE_WIRE)

    page = staff_client.post(
        ARTICLES, {"action": "move_to_event", ACTION_CHECKBOX_NAME: [quake.pk], "apply": "1"}
    )

    assert page.status_code == 200
    assert b"This field is required" in page.content
    quake.refresh_from_db()
    assert quake.grouping_status == GroupingStatus.STARTED


def test_split_action_starts_a_new_event(staff_client):
    first = report("Northwire", *FERRY_FIRST_DAY)
    follow_up = report("Tidewater", *FERRY_NEXT_DAY)

    staff_client.post(ARTICLES, {"action": "split_into_new_event", ACTION_CHECKBOX_NAME: [follow_up.pk]})

    follow_up.refresh_from_db()
    assert follow_up.event_id not in (None, first.event_id)
    assert follow_up.grouping_evidence["action"] == "split"
    assert Event.objects.get(pk=first.event_id).article_count == 1


def test_merge_action_merges_events(staff_client):
    ferry = report("Northwire", *FERRY_FIRST_DAY)
    quake = report("Northwire", *QUAKE_WIRE)

    staff_client.post(
        EVENTS, {"action": "merge_selected_events", ACTION_CHECKBOX_NAME: [ferry.event_id, quake.event_id]}
    )

    assert Event.objects.count() == 1
    assert set(Article.objects.values_list("grouping_status", flat=True)) == {GroupingStatus.MANUAL}


def test_editing_an_event_title_locks_it(staff_client):
    ferry = report("Northwire", *FERRY_FIRST_DAY)
    event = Event.objects.get(pk=ferry.event_id)
    url = reverse("admin:articles_event_change", args=[event.pk])
    form = {
        "title": "Sulawesi ferry sinking",
        "slug": "",
        "summary": event.summary,
        "articles-TOTAL_FORMS": "1",
        "articles-INITIAL_FORMS": "1",
        "articles-MIN_NUM_FORMS": "0",
        "articles-MAX_NUM_FORMS": "1000",
        "articles-0-id": ferry.pk,
        "articles-0-event": event.pk,
    }

    response = staff_client.post(url, form)

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.title_locked, event.summary_locked) == ("Sulawesi ferry sinking", True, False)
    report("Tidewater", *FERRY_NEXT_DAY)
    event.refresh_from_db()
    assert event.title == "Sulawesi ferry sinking"


def test_reports_left_for_review_are_listed_for_staff(staff_client):
    short = report("Flash", "Minister resigns", "Minister resigns.")

    page = staff_client.get(ARTICLES, {"grouping_status__exact": GroupingStatus.REVIEW})

    assert short.grouping_status == GroupingStatus.REVIEW
    assert b"Minister resigns" in page.content


def test_anonymous_visitors_cannot_correct_the_grouping(client):
    quake = report("Northwire", *QUAKE_WIRE)

    response = client.post(ARTICLES, {"action": "split_into_new_event", ACTION_CHECKBOX_NAME: [quake.pk]})

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    quake.refresh_from_db()
    assert quake.grouping_status == GroupingStatus.STARTED
