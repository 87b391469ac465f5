"""The link look: once an import is grouped, dated events of one news cycle that grouping left
apart but that score at least the link line are linked as possibly the same story; a saga's next
happening, a day later, and undated events are not."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Min
from django.utils import timezone
from grouping_helpers import report
from test_grouping_last_look import FERRY_PAPER, FERRY_TABLOID, FERRY_WIRE, OTHER_STORY

from articles.grouping import engine, last_look, link_look, near_misses, refine
from articles.grouping.batched import look_again
from articles.grouping.link_look import LINK_DAYS
from articles.models import Article, Event, PossiblySame

pytestmark = pytest.mark.django_db

MORNING = timezone.make_aware(dt.datetime(2026, 5, 8, 7, 0))


@pytest.fixture
def kept_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Grouping that joins nothing: each report stays in an event of its own, as an angle of a
    happening that scored under every line would."""
    for module, name in (
        (engine, "THRESHOLD"),
        (refine, "THRESHOLD"),
        (last_look, "LOOK_THRESHOLD"),
        (last_look, "DATED_LOOK_THRESHOLD"),
    ):
        monkeypatch.setattr(module, name, 1.01)


def _events(*reports: Article) -> list[int]:
    ids = [Article.objects.get(pk=r.pk).event_id for r in reports]
    assert len(set(ids)) == len(ids), "each report should have stayed in an event of its own"
    return ids


def _links() -> set[frozenset[int]]:
    return {frozenset(pair) for pair in PossiblySame.objects.values_list("event_a_id", "event_b_id")}


@pytest.mark.usefixtures("kept_apart")
def test_two_events_of_one_happening_within_hours_are_linked_once_the_import_is_grouped():
    wire = report("Wire", *FERRY_WIRE, published_at=MORNING)
    tabloid = report("Tabloid", *FERRY_TABLOID, published_at=MORNING + dt.timedelta(hours=3))
    other = report("Courier", *OTHER_STORY, published_at=MORNING + dt.timedelta(hours=1))
    assert not PossiblySame.objects.exists()  # no decision scored them near: nothing joins

    look_again(_events(wire, tabloid, other))

    (link,) = PossiblySame.objects.all()
    assert {link.event_a_id, link.event_b_id} == {wire.event_id, tabloid.event_id}
    assert link_look.LINK_LINE <= link.score <= 1.0


@pytest.mark.usefixtures("kept_apart")
def test_events_a_day_apart_are_not_linked_however_alike():
    # The saga's next happening is told with the same names and words a day or more later.
    wire = report("Wire", *FERRY_WIRE, published_at=MORNING)
    later = MORNING + dt.timedelta(days=LINK_DAYS, hours=2)
    paper = report("Paper", *FERRY_PAPER, published_at=later)

    look_again(_events(wire, paper))

    assert not PossiblySame.objects.exists()


@pytest.mark.usefixtures("kept_apart")
def test_undated_events_are_left_to_the_decisions_near_misses():
    wire = report("Wire", *FERRY_WIRE)
    paper = report("Paper", *FERRY_PAPER)

    look_again(_events(wire, paper))

    assert not PossiblySame.objects.exists()


@pytest.mark.usefixtures("kept_apart")
def test_events_of_one_news_cycle_scoring_under_the_link_line_are_not_linked(monkeypatch):
    wire = report("Wire", *FERRY_WIRE, published_at=MORNING)
    paper = report("Paper", *FERRY_PAPER, published_at=MORNING + dt.timedelta(hours=2))
    monkeypatch.setattr(link_look, "LINK_LINE", 1.01)

    look_again(_events(wire, paper))

    assert not PossiblySame.objects.exists()


@pytest.mark.usefixtures("kept_apart")
def test_an_event_of_more_than_two_reports_is_linked_from_the_smaller_side_only():
    # Three reports in one event (joined by hand), the tabloid alone: the look starts from the
    # tabloid's event and finds the bigger one. Two big events are never looked at.
    wire = report("Wire", *FERRY_WIRE, published_at=MORNING)
    paper = report("Paper", *FERRY_PAPER, published_at=MORNING + dt.timedelta(hours=1))
    extra = report("Courier", *FERRY_WIRE[:1], FERRY_PAPER[1] + " More later.", published_at=MORNING)
    for moved in (paper, extra):
        old = moved.event_id
        Article.objects.filter(pk=moved.pk).update(event_id=wire.event_id)
        Event.objects.filter(pk=old).delete()
    Event.objects.get(pk=wire.event_id).refresh_stats()
    tabloid = report("Tabloid", *FERRY_TABLOID, published_at=MORNING + dt.timedelta(hours=4))

    look_again([wire.event_id, tabloid.event_id])

    assert _links() == {frozenset((wire.event_id, tabloid.event_id))}


def test_regroup_links_the_halves_of_one_news_cycle_as_the_import_does(kept_apart):
    wire = report("Wire", *FERRY_WIRE, published_at=MORNING)
    tabloid = report("Tabloid", *FERRY_TABLOID, published_at=MORNING + dt.timedelta(hours=3))
    other = report("Courier", *OTHER_STORY, published_at=MORNING + dt.timedelta(hours=1))
    look_again(_events(wire, tabloid, other))

    def links_by_first_report() -> set[tuple[int, int]]:
        first = dict(Event.objects.annotate(first=Min("articles__id")).values_list("id", "first"))
        return {
            tuple(sorted((first[a], first[b])))
            for a, b in PossiblySame.objects.values_list("event_a_id", "event_b_id")
        }

    imported = links_by_first_report()
    assert imported == {tuple(sorted((wire.pk, tabloid.pk)))}

    call_command("regroup", "--no-progress", stdout=StringIO())

    assert links_by_first_report() == imported


@pytest.mark.usefixtures("kept_apart")
def test_a_decisions_near_miss_between_events_a_day_apart_is_dropped_once_the_import_is_grouped():
    # The saga's next happening a decision scored near the threshold: the days say it differs.
    wire = report("Wire", *FERRY_WIRE, published_at=MORNING)
    paper = report("Paper", *FERRY_PAPER, published_at=MORNING + dt.timedelta(days=1))
    near_misses.link(wire.event_id, paper.event_id, near_misses.NEAR + 0.01)

    look_again(_events(wire, paper))

    assert not PossiblySame.objects.exists()


@pytest.mark.usefixtures("kept_apart")
def test_a_decisions_near_miss_with_an_undated_event_is_kept():
    wire = report("Wire", *FERRY_WIRE, published_at=MORNING)
    paper = report("Paper", *FERRY_PAPER)
    near_misses.link(wire.event_id, paper.event_id, near_misses.NEAR + 0.01)

    look_again(_events(wire, paper))

    assert _links() == {frozenset((wire.event_id, paper.event_id))}
