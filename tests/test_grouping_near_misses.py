"""Near misses: events possibly the same story are linked, shown, mergeable, and keep "not
covered by" true."""

import datetime as dt

import pytest
from browse_data import BASE_TIME, event_with_reports, outlet
from django.db import IntegrityError
from django.urls import reverse
from grouping_cases import KETTLE_RECALL_PAPER, KETTLE_RECALL_WIRE
from grouping_helpers import report as grouped_report

from articles.browsing.coverage import NOT_COVERED_MIN_SHARED
from articles.grouping import near_misses
from articles.grouping.similarity import THRESHOLD
from articles.models import Event, MergedEvent, PossiblySame

pytestmark = pytest.mark.django_db


def two_events() -> tuple[Event, Event]:
    return (
        event_with_reports("Mattis to retire in February", [outlet("Alpha News")]),
        event_with_reports("Defense secretary to leave as of January 1", [outlet("Beta Times")]),
    )


def test_a_score_just_under_the_threshold_links_the_two_events_once_with_the_best_score():
    first, second = two_events()
    near_misses.record(second.pk, [(first.pk, near_misses.NEAR + 0.01)])
    near_misses.record(first.pk, [(second.pk, near_misses.NEAR + 0.02)])
    (link,) = PossiblySame.objects.all()
    assert (link.event_a_id, link.event_b_id) == (first.pk, second.pk)
    assert link.score == pytest.approx(near_misses.NEAR + 0.02)


def test_scores_far_below_or_at_the_threshold_link_nothing():
    first, second = two_events()
    near_misses.record(second.pk, [(first.pk, near_misses.NEAR - 0.01), (first.pk, THRESHOLD)])
    near_misses.record(second.pk, [(second.pk, near_misses.NEAR + 0.01)])  # itself
    assert not PossiblySame.objects.exists()


def test_the_database_refuses_a_pair_stored_backwards_or_with_itself():
    first, second = two_events()
    with pytest.raises(IntegrityError):
        PossiblySame.objects.create(event_a=second, event_b=first, score=0.4)


def test_grouping_records_a_near_miss_between_reports_it_keeps_apart(monkeypatch):
    # Two reports of one recall, told alike: they join. Raise the bar so the same pair falls
    # just under it, and the decision's best candidate becomes a recorded near miss.
    monkeypatch.setattr(near_misses, "THRESHOLD", 1.01)
    monkeypatch.setattr(near_misses, "NEAR", 0.0)
    monkeypatch.setattr("articles.grouping.engine.THRESHOLD", 1.01)
    monkeypatch.setattr("articles.grouping.refine.THRESHOLD", 1.01)
    wire = grouped_report("Northwire", *KETTLE_RECALL_WIRE)
    paper = grouped_report("Tidewater", *KETTLE_RECALL_PAPER)
    wire.refresh_from_db()
    assert wire.event_id != paper.event_id
    (link,) = PossiblySame.objects.all()
    assert {link.event_a_id, link.event_b_id} == {wire.event_id, paper.event_id}
    assert link.score == pytest.approx(paper.grouping_score)


def test_both_event_pages_link_the_other_as_possibly_the_same_story(client):
    first, second = two_events()
    near_misses.link(first.pk, second.pk, 0.42)
    for here, there in ((first, second), (second, first)):
        html = client.get(here.get_absolute_url()).content.decode()
        section = html[html.index('id="possibly-same-heading"') : html.index('id="missing-heading"')]
        assert f'href="{there.get_absolute_url()}"' in section
        assert there.title in section


def test_an_outlet_whose_report_is_in_a_possibly_same_event_is_not_listed_as_missing(client):
    a, b, c = outlet("Alpha News"), outlet("Beta Times"), outlet("Gamma Post")
    for i in range(NOT_COVERED_MIN_SHARED):
        event_with_reports(f"Earlier shared {i}", [a, c], start=BASE_TIME - dt.timedelta(days=10 + i))
    event = event_with_reports("Today's event", [a, b])
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Gamma Post" in html[html.index('id="missing-heading"') :]

    other_half = event_with_reports("Today's event, another angle", [c])
    near_misses.link(event.pk, other_half.pk, 0.41)
    html = client.get(event.get_absolute_url()).content.decode()
    missing = html[html.index('id="missing-heading"') :]
    assert "Gamma Post" not in missing
    assert "nor of any event that is possibly the same story" in missing
    api = client.get(f"/api/v1/events/{event.pk}").json()
    assert api["not_covered_by"] == []
    assert api["possibly_same"] == [{"id": other_half.pk, "title": other_half.title, "score": 0.41}]


def test_the_event_api_lists_outlets_not_covering_it(client):
    a, c = outlet("Alpha News"), outlet("Gamma Post")
    for i in range(NOT_COVERED_MIN_SHARED):
        event_with_reports(f"Earlier shared {i}", [a, c], start=BASE_TIME - dt.timedelta(days=10 + i))
    event = event_with_reports("Today's event", [a])
    api = client.get(f"/api/v1/events/{event.pk}").json()
    assert api["not_covered_by"] == [{"name": "Gamma Post", "slug": c.slug}]
    assert api["possibly_same"] == []


def test_staff_merge_a_near_miss_in_one_click_and_its_other_links_follow(admin_client):
    first, second = two_events()
    third = event_with_reports("Pentagon chief's exit date", [outlet("Gamma Post")])
    near_misses.link(first.pk, second.pk, 0.43)
    near_misses.link(second.pk, third.pk, 0.41)
    pair = PossiblySame.objects.get(event_a=first, event_b=second)
    listing = admin_client.get(reverse("admin:articles_possiblysame_changelist")).content.decode()
    merge_url = reverse("admin:articles_possiblysame_merge", args=[pair.pk])
    assert f'formaction="{merge_url}"' in listing

    assert admin_client.get(merge_url).status_code == 405  # a GET never merges
    response = admin_client.post(merge_url)
    assert response.status_code == 302
    survivor = Event.objects.get(pk__in=[first.pk, second.pk])
    absorbed = first if survivor == second else second
    assert MergedEvent.objects.get(pk=absorbed.pk).into == survivor
    assert survivor.articles.count() == 2
    (carried,) = PossiblySame.objects.all()
    assert {carried.event_a_id, carried.event_b_id} == {survivor.pk, third.pk}


def test_regroup_links_the_same_near_misses_as_incremental_assignment(monkeypatch):
    from io import StringIO

    from django.core.management import call_command
    from django.db.models import Min
    from test_grouping_regroup import corpus_reports, load

    monkeypatch.setattr(near_misses, "NEAR", 0.1)  # more links than the default, to compare

    def links() -> set[tuple[int, int, float]]:
        first = dict(Event.objects.annotate(first=Min("articles__id")).values_list("id", "first"))
        return {
            (*sorted((first[a], first[b])), round(score, 4))
            for a, b, score in PossiblySame.objects.values_list("event_a_id", "event_b_id", "score")
        }

    load(corpus_reports(30), dated=False)
    incremental = links()
    assert incremental

    call_command("regroup", "--no-progress", stdout=StringIO())

    assert links() == incremental
