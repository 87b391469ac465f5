"""Incremental assignment of reports to events, as the import pipeline triggers it."""

import json

import pytest
from grouping_cases import (
    COMMITTEE_VOTE,
    COMMITTEE_VOTE_OTHER_OUTLET,
    FERRY_FIRST_DAY,
    FERRY_NEXT_DAY,
    FINAL_VOTE_WEEKS_LATER,
    FIRST_SUMMIT_BROADCASTER,
    FIRST_SUMMIT_WIRE,
    HEATER_RECALL_PAPER,
    HEATER_RECALL_WIRE,
    KETTLE_RECALL_PAPER,
    KETTLE_RECALL_WIRE,
    KETTLE_RECALL_WIRE_UPDATE,
    QUAKE_WIRE,
    SECOND_SUMMIT_MONTHS_LATER,
    at,
)
from grouping_helpers import DEMO_DIR, report, seed_texts

from articles.models import Event, EventKey, GroupingStatus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["bbc-first", "bloomberg-first"])
def test_seed_reports_land_in_one_event_in_either_order_with_a_readable_explanation(order):
    seeds = seed_texts()
    first = report("Outlet One", *seeds[order[0]])
    second = report("Outlet Two", *seeds[order[1]])

    assert first.grouping_status == GroupingStatus.STARTED
    assert second.grouping_status == GroupingStatus.JOINED
    assert second.event_id == first.event_id
    explanation = second.grouping_evidence["explanation"]
    assert explanation.startswith("grouped because: shared people ")
    # The two outlets spell the envoy's name differently; the explanation names him once.
    assert "Kim Yong" in explanation
    assert "Sarah Sanders" in second.grouping_evidence["shared_people"]
    assert "summit" in explanation
    assert f"similarity {second.grouping_score:.2f}" in explanation
    event = Event.objects.get(pk=first.event_id)
    assert (event.article_count, event.source_count) == (2, 2)


def test_same_leaders_months_apart_are_two_events():
    lisbon_wire = report("Northwire", *FIRST_SUMMIT_WIRE, at("2026-03-02"))
    lisbon_tv = report("Tidewater", *FIRST_SUMMIT_BROADCASTER, at("2026-03-02", 14))
    accra = report("Northwire", *SECOND_SUMMIT_MONTHS_LATER, at("2026-09-15"))

    assert lisbon_tv.event_id == lisbon_wire.event_id
    assert accra.event_id != lisbon_wire.event_id
    assert accra.grouping_evidence["decision"] == "started"
    assert accra.grouping_evidence["explanation"] == (
        "started a new event: no event within 21 days of its date shares its rarest terms or names"
    )


def test_same_leaders_ten_days_apart_say_which_event_was_rejected_and_why():
    lisbon = report("Northwire", *FIRST_SUMMIT_WIRE, at("2026-03-02"))
    accra = report("Northwire", *SECOND_SUMMIT_MONTHS_LATER, at("2026-03-12"))

    assert accra.event_id != lisbon.event_id
    evidence = accra.grouping_evidence
    assert evidence["decision"] == "started"
    assert evidence["event_id"] == lisbon.event_id
    assert evidence["score"] < evidence["threshold"] < evidence["term_similarity"]
    assert "scored down: 10 days apart" in evidence["explanation"]
    assert "Mensah-Otu" in evidence["explanation"]


def test_two_votes_on_the_same_bill_weeks_apart_are_two_events():
    committee = report("Northwire", *COMMITTEE_VOTE, at("2026-05-06"))
    committee_other = report("Capital Ledger", *COMMITTEE_VOTE_OTHER_OUTLET, at("2026-05-06", 17))
    final = report("Northwire", *FINAL_VOTE_WEEKS_LATER, at("2026-05-28"))

    assert committee_other.event_id == committee.event_id
    assert final.event_id != committee.event_id


def test_follow_up_a_day_later_joins_the_event():
    first = report("Northwire", *FERRY_FIRST_DAY, at("2026-08-07", 22))
    follow_up = report("Tidewater", *FERRY_NEXT_DAY, at("2026-08-08", 16))

    assert follow_up.event_id == first.event_id
    assert follow_up.grouping_status == GroupingStatus.JOINED


def test_undated_reports_are_grouped_on_text_and_names_alone():
    first = report("Northwire", *FERRY_FIRST_DAY)
    second = report("Tidewater", *FERRY_NEXT_DAY)
    other = report("Northwire", *QUAKE_WIRE)

    assert second.event_id == first.event_id
    assert other.event_id != first.event_id
    assert second.grouping_evidence["gap_days"] is None


def test_headline_only_report_without_a_strong_match_is_left_for_review():
    report("Northwire", *FERRY_FIRST_DAY)
    short = report("Flash", "Minister resigns", "Minister resigns.")

    assert short.event_id is None
    assert short.grouping_status == GroupingStatus.REVIEW
    assert short.grouping_evidence["explanation"].startswith("left for review")


def test_headline_only_report_with_strong_evidence_is_grouped():
    report("Northwire", *FERRY_FIRST_DAY)
    report("Tidewater", *FERRY_NEXT_DAY)
    short = report(
        "Flash",
        "KM Bahari Jaya ferry capsizes off South Sulawesi, 38 missing",
        "The KM Bahari Jaya ferry capsized off South Sulawesi; Basarnas says 38 missing.",
    )

    assert short.grouping_status == GroupingStatus.JOINED
    assert short.grouping_score >= short.grouping_evidence["threshold"]


def test_evidence_is_json_with_the_documented_keys():
    report("Northwire", *FERRY_FIRST_DAY)
    joined = report("Tidewater", *FERRY_NEXT_DAY)

    evidence = json.loads(json.dumps(joined.grouping_evidence))
    for key in (
        "decision",
        "explanation",
        "event_id",
        "event_title",
        "score",
        "threshold",
        "shared_people",
        "shared_organisations",
        "shared_places",
        "shared_terms",
        "candidates",
    ):
        assert key in evidence
    assert "South Sulawesi" in evidence["shared_places"]


def test_event_title_and_summary_come_from_the_reports_and_follow_membership():
    first = report("Northwire", *FERRY_FIRST_DAY)
    report("Tidewater", *FERRY_NEXT_DAY)
    event = Event.objects.get(pk=first.event_id)

    assert event.title in {FERRY_FIRST_DAY[0], FERRY_NEXT_DAY[0]}
    assert event.summary
    bodies = FERRY_FIRST_DAY[1] + " " + FERRY_NEXT_DAY[1]
    for sentence in event.summary.split(". "):
        # Extracted, never written: every summary sentence is in a report.
        assert sentence.rstrip(".") in " ".join(bodies.split())
    assert EventKey.objects.filter(event=event).exists()


def test_locked_title_and_summary_are_never_overwritten():
    first = report("Northwire", *FERRY_FIRST_DAY)
    Event.objects.filter(pk=first.event_id).update(
        title="Staff title", summary="Staff summary.", title_locked=True, summary_locked=True
    )
    report("Tidewater", *FERRY_NEXT_DAY)

    event = Event.objects.get(pk=first.event_id)
    assert (event.title, event.summary) == ("Staff title", "Staff summary.")
    assert event.article_count == 2


@pytest.mark.parametrize("order", ["000_first", "003_first"])
def test_seeds_imported_by_the_command_in_either_order_share_one_event(order, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    from articles.models import Article

    files = sorted(DEMO_DIR.glob("*.txt"))
    if order == "003_first":
        files.reverse()
    for path in files:
        call_command("import_articles", str(path), "--source", f"Outlet of {path.stem}", stdout=StringIO())

    first, second = Article.objects.order_by("id")
    assert first.event_id == second.event_id is not None
    assert second.grouping_evidence["explanation"].startswith("grouped because: shared people ")
    assert "Sarah Sanders" in second.grouping_evidence["shared_people"]


def test_an_outlets_second_report_on_the_same_company_is_the_next_happening_not_the_first():
    kettles_wire = report("Northwire", *KETTLE_RECALL_WIRE)
    kettles_paper = report("Tidewater", *KETTLE_RECALL_PAPER)
    heaters_wire = report("Northwire", *HEATER_RECALL_WIRE)
    heaters_paper = report("Tidewater", *HEATER_RECALL_PAPER)

    assert kettles_paper.event_id == kettles_wire.event_id
    # Undated: only the text, and that each outlet files one report per happening, tell
    # the second recall from the first.
    assert heaters_wire.grouping_evidence["decision"] == "started"
    assert heaters_wire.grouping_evidence["event_id"] == kettles_wire.event_id
    assert heaters_paper.event_id == heaters_wire.event_id


def test_an_outlets_updated_report_of_the_same_happening_still_joins_it():
    first = report("Northwire", *KETTLE_RECALL_WIRE)
    report("Tidewater", *KETTLE_RECALL_PAPER)
    update = report("Northwire", *KETTLE_RECALL_WIRE_UPDATE)

    assert update.event_id == first.event_id
    assert update.grouping_evidence["time_factor"] == 0.5


@pytest.mark.django_db(False)
@pytest.mark.parametrize(
    ("gap_days", "same_outlet", "said", "not_said"),
    [
        (0.1, True, "scored down: the event already has a report from this outlet", "days apart"),
        (10.0, False, "scored down: 10 days apart", "this outlet"),
        (None, False, "similarity 0.52", "scored down"),
    ],
)
def test_the_explanation_names_only_the_penalties_that_applied(gap_days, same_outlet, said, not_said):
    from articles.grouping.engine import match_evidence
    from articles.grouping.similarity import Match

    factor = 0.5 if same_outlet or gap_days == 10.0 else 1.0
    match = Match(0.52, 0.6, 0.4, factor, gap_days, [], [], same_outlet=same_outlet)
    evidence = match_evidence("joined", match, 7, "Ferry capsizes", 0.2, [(match, 7)])
    assert said in evidence["explanation"]
    assert not_said not in evidence["explanation"]


def test_saving_an_event_profile_replaces_its_postings_keeping_the_ones_that_stay_and_dropping_the_rest():
    from articles.grouping.similarity import Profile
    from articles.grouping.store import DatabaseStore
    from articles.models import EventProfile

    event = Event.objects.create(title="Harbour strike")
    store = DatabaseStore()
    store.save_profile(event, Profile(terms={"harbour": 2.0, "strike": 1.5, "crane": 0.5}, members=1))
    assert set(EventKey.objects.filter(event=event).values_list("key", flat=True)) == {
        "t:harbour",
        "t:strike",
        "t:crane",
    }
    store.save_profile(event, Profile(terms={"harbour": 3.0, "dock": 1.0}, members=2))
    postings = dict(EventKey.objects.filter(event=event).values_list("key", "weight"))
    # Weighed per member: two members share the profile's sums.
    assert postings == {"t:harbour": 1.5, "t:dock": 0.5}
    assert EventProfile.objects.get(event=event).data["m"] == 2
    store.save_profile(event, Profile())  # nothing left to index it under
    assert not EventKey.objects.filter(event=event).exists()
    assert EventProfile.objects.get(event=event).data["m"] == 0
