"""Second thoughts: a report decided on thin evidence moves when its own event forms."""

import pytest
from grouping_cases import (
    HEATER_RECALL_PAPER,
    HEATER_RECALL_WIRE,
    KETTLE_RECALL_PAPER,
    KETTLE_RECALL_WIRE,
    KETTLE_RECALL_WIRE_UPDATE,
)
from grouping_helpers import report

from articles.grouping import engine
from articles.grouping.corrections import move_articles
from articles.models import Article, Event, EventKey, GroupingStatus

pytestmark = pytest.mark.django_db


def fresh(article: Article) -> Article:
    article.refresh_from_db()
    return article


def test_second_recall_that_first_joined_the_first_moves_to_its_own_event_when_that_forms():
    kettles_wire = report("Northwire", *KETTLE_RECALL_WIRE)
    heaters_wire = report("Northwire", *HEATER_RECALL_WIRE)
    # Undated, one report each: the second recall by the same company looks like the first.
    assert heaters_wire.event_id == kettles_wire.event_id
    kettles_paper = report("Tidewater", *KETTLE_RECALL_PAPER)
    heaters_paper = report("Tidewater", *HEATER_RECALL_PAPER)

    kettles_event = fresh(kettles_wire).event
    heaters_event = fresh(heaters_wire).event
    assert heaters_event != kettles_event
    assert set(kettles_event.articles.all()) == {kettles_wire, kettles_paper}
    assert set(heaters_event.articles.all()) == {heaters_paper, heaters_wire}
    evidence = heaters_wire.grouping_evidence
    assert heaters_wire.grouping_status == GroupingStatus.JOINED
    assert evidence["moved_from_event_id"] == kettles_event.pk
    assert evidence["moved_after_article_id"] == heaters_paper.pk
    assert evidence["explanation"].startswith(
        f"moved here from event #{kettles_event.pk} when a related report"
    )
    assert "Brezza" in evidence["explanation"] or "heater" in evidence["explanation"]
    assert evidence["score"] >= evidence["threshold"]
    # Counts, titles and the index follow the move.
    assert (kettles_event.article_count, heaters_event.article_count) == (2, 2)
    assert "kettle" in kettles_event.title.lower()
    assert "heater" in heaters_event.title.lower()
    assert EventKey.objects.filter(event=heaters_event, key__contains="brezza").exists()


def test_a_staff_placed_report_is_scored_but_never_moved(admin_user):
    kettles_wire = report("Northwire", *KETTLE_RECALL_WIRE)
    heaters_wire = report("Northwire", *HEATER_RECALL_WIRE)
    staff_event = fresh(kettles_wire).event
    move_articles([heaters_wire], to=staff_event, by=admin_user)
    report("Tidewater", *KETTLE_RECALL_PAPER)
    heaters_paper = report("Tidewater", *HEATER_RECALL_PAPER)

    heaters_wire = fresh(heaters_wire)
    assert heaters_wire.event_id == staff_event.pk
    assert heaters_wire.grouping_status == GroupingStatus.MANUAL
    assert heaters_wire.grouping_evidence["action"] == "moved"
    # The heaters now have an event of their own, which without the staff decision would
    # have taken the wire's report (test above).
    assert fresh(heaters_paper).event_id != staff_event.pk


def test_two_halves_of_one_story_that_started_apart_join_and_the_empty_event_goes(monkeypatch):
    # Force the first two reports of one recall apart, as a lower-scoring pair would be.
    monkeypatch.setattr(engine, "THRESHOLD", 0.99)
    wire = report("Northwire", *KETTLE_RECALL_WIRE)
    paper = report("Tidewater", *KETTLE_RECALL_PAPER)
    assert paper.event_id != wire.event_id
    halves = {wire.event_id, paper.event_id}
    monkeypatch.undo()

    update = report("Northwire", *KETTLE_RECALL_WIRE_UPDATE)

    assert fresh(wire).event_id == fresh(paper).event_id == update.event_id
    (left_alone,) = halves - {update.event_id}
    assert not Event.objects.filter(pk=left_alone).exists()
    assert not EventKey.objects.filter(event_id=left_alone).exists()
    (mover,) = [a for a in (wire, paper) if a.grouping_evidence.get("moved_from_event_id") == left_alone]
    assert mover.grouping_evidence["explanation"].startswith(
        f"moved here from event #{left_alone} when a related report arrived (it was alone in its event); "
        "grouped because"
    )
    event = update.event
    event.refresh_from_db()
    assert (event.article_count, event.source_count) == (3, 2)
