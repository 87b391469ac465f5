"""Admin upkeep of events: counts after deletes and moves, merged addresses, batch links, notes."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from grouping_cases import FERRY_FIRST_DAY, FERRY_NEXT_DAY, QUAKE_WIRE
from grouping_helpers import outlet, report
from import_helpers import STORY, jsonl, run_files

from articles.models import Article, Event, ImportBatch, MergedEvent

pytestmark = pytest.mark.django_db

ARTICLES = reverse("admin:articles_article_changelist")
EVENTS = reverse("admin:articles_event_changelist")


def three_report_event() -> tuple[Event, list[Article]]:
    """Two outlets' reports of the ferry sinking, one outlet twice: 3 reports, 2 outlets."""
    first = report("Northwire", *FERRY_FIRST_DAY)
    event = Event.objects.get(pk=first.event_id)
    others = [
        report("Tidewater", *FERRY_NEXT_DAY, assign=False),
        report(
            "Northwire", FERRY_NEXT_DAY[0] + " (update)", FERRY_NEXT_DAY[1] + " Divers resumed.", assign=False
        ),
    ]
    Article.objects.filter(pk__in=[a.pk for a in others]).update(event=event)
    event.refresh_stats()
    assert (event.article_count, event.source_count) == (3, 2)
    return event, [first, *others]


def counts(event: Event) -> tuple[int, int]:
    event.refresh_from_db()
    return event.article_count, event.source_count


def test_deleting_one_report_in_the_admin_recounts_its_event(staff_client):
    event, (_, tidewater, _) = three_report_event()

    response = staff_client.post(
        reverse("admin:articles_article_delete", args=[tidewater.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert counts(event) == (2, 1)


def test_bulk_deleting_reports_in_the_admin_recounts_their_event(staff_client):
    event, (first, tidewater, _) = three_report_event()

    response = staff_client.post(
        ARTICLES, {"action": "delete_selected", ACTION_CHECKBOX_NAME: [first.pk, tidewater.pk], "post": "yes"}
    )

    assert response.status_code == 302
    assert not Article.objects.filter(pk__in=[first.pk, tidewater.pk]).exists()
    assert counts(event) == (1, 1)


def test_deleting_an_events_last_report_removes_the_event(staff_client):
    quake = report("Northwire", *QUAKE_WIRE)

    staff_client.post(reverse("admin:articles_article_delete", args=[quake.pk]), {"post": "yes"})

    assert not Event.objects.filter(pk=quake.event_id).exists()


def test_moving_a_report_with_the_action_recounts_both_events(staff_client):
    event, (_, tidewater, _) = three_report_event()
    quake = report("Northwire", *QUAKE_WIRE)
    other = Event.objects.get(pk=quake.event_id)

    staff_client.post(
        ARTICLES,
        {"action": "move_to_event", ACTION_CHECKBOX_NAME: [tidewater.pk], "apply": "1", "event": other.pk},
    )

    assert counts(event) == (2, 1)
    assert counts(other) == (2, 2)


def test_moving_a_report_by_editing_its_event_recounts_both_events(staff_client):
    event, (_, tidewater, _) = three_report_event()
    quake = report("Northwire", *QUAKE_WIRE)
    other = Event.objects.get(pk=quake.event_id)
    url = reverse("admin:articles_article_change", args=[tidewater.pk])
    form = {
        "source": tidewater.source_id,
        "event": other.pk,
        "title": tidewater.title,
        "byline": "",
        "url": "",
        "published_at_0": "",
        "published_at_1": "",
        "published_time_known": "on",
        "body_text": tidewater.body_text,
        "language": "en",
    }

    response = staff_client.post(url, form)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert counts(event) == (2, 1)
    assert counts(other) == (2, 2)


def test_a_merged_events_address_redirects_permanently_to_the_survivor(client, staff_client):
    event, _ = three_report_event()
    quake = report("Northwire", *QUAKE_WIRE)
    absorbed = Event.objects.get(pk=quake.event_id)
    absorbed_url = absorbed.get_absolute_url()

    staff_client.post(
        EVENTS, {"action": "merge_selected_events", ACTION_CHECKBOX_NAME: [event.pk, absorbed.pk]}
    )

    response = client.get(absorbed_url)
    assert response.status_code == 301
    assert response["Location"] == event.get_absolute_url()
    assert MergedEvent.objects.get(pk=absorbed.pk).into == event


def test_an_address_merged_twice_redirects_to_the_last_survivor(client, staff_client):
    event, _ = three_report_event()
    quake = report("Northwire", *QUAKE_WIRE)
    first_absorbed = Event.objects.get(pk=quake.event_id)
    staff_client.post(
        EVENTS, {"action": "merge_selected_events", ACTION_CHECKBOX_NAME: [event.pk, quake.event_id]}
    )
    bigger = Event.objects.create(title="Bigger")
    for n in range(6):
        report(f"Outlet {n}", f"Unrelated story {n}", STORY.replace("bridge", f"bridge {n}"), assign=False)
    Article.objects.filter(title__startswith="Unrelated").update(event=bigger)
    bigger.refresh_stats()

    staff_client.post(
        EVENTS, {"action": "merge_selected_events", ACTION_CHECKBOX_NAME: [event.pk, bigger.pk]}
    )

    response = client.get(first_absorbed.get_absolute_url())
    assert (response.status_code, response["Location"]) == (301, bigger.get_absolute_url())


def test_an_unknown_event_address_is_still_404(client):
    assert client.get(reverse("articles:event-detail", kwargs={"pk": 987654})).status_code == 404


def test_batch_page_says_which_event_each_new_report_joined_with_a_link(staff_client):
    report("Northwire", *FERRY_FIRST_DAY)
    outlet("Tidewater")
    run_files(
        jsonl(
            "ferry.jsonl",
            {"title": FERRY_NEXT_DAY[0], "source": "Tidewater", "text": FERRY_NEXT_DAY[1]},
            {"title": QUAKE_WIRE[0], "source": "Tidewater", "text": QUAKE_WIRE[1]},
        )
    )
    batch = ImportBatch.objects.get()
    joined = Article.objects.get(title=FERRY_NEXT_DAY[0])
    started = Article.objects.get(title=QUAKE_WIRE[0])

    page = staff_client.get(batch.get_absolute_url()).content.decode()

    assert "<th>Event</th>" in page
    assert f'joined <a href="{joined.event.get_absolute_url()}">' in page
    assert f'started <a href="{started.event.get_absolute_url()}">' in page


def test_the_report_that_started_an_event_says_so_not_that_it_missed_a_threshold(client):
    first = report("Northwire", *FERRY_FIRST_DAY)
    joined = report("Tidewater", *FERRY_NEXT_DAY)

    page = client.get(first.event.get_absolute_url()).content.decode()

    assert "started this event" in page
    assert "threshold" not in first.why_here
    assert joined.why_here.startswith("grouped because")
    assert "started this event" in client.get(first.get_absolute_url()).content.decode()
