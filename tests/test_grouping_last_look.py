"""The last look: once an import is grouped, a report left alone in its event joins the event
its story formed meanwhile, if that now scores at least the threshold."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from grouping_helpers import report

from articles.grouping import batched, engine, last_look, refine
from articles.grouping.batched import look_again
from articles.grouping.engine import Weights, report_keys
from articles.grouping.refine import Move, Refinement
from articles.grouping.service import apply_refinement
from articles.grouping.similarity import Match, Profile
from articles.grouping.store import DatabaseStore, features_for
from articles.models import Article, Event, EventProfile, GroupingStatus

FERRY_WIRE = (
    "Ferry Aurora runs aground off Vestmanna, all 212 passengers rescued",
    "The passenger ferry Aurora ran aground on rocks off Vestmanna in the Faroe Islands on Friday "
    "evening, and all 212 passengers and 31 crew were taken off by lifeboats and fishing boats, "
    "the Faroese coastguard said. Captain Jonas Midjord reported a steering failure minutes after "
    "the ferry left Torshavn for Hirtshals. Smyril Line, which operates the Aurora, said the hull "
    "was breached in two places and divers would inspect it on Saturday.",
)
FERRY_PAPER = (
    "All 212 rescued as Smyril Line ferry Aurora hits rocks off Vestmanna",
    "Lifeboats and fishing boats took all 212 passengers and 31 crew off the ferry Aurora after it "
    "ran aground off Vestmanna in the Faroe Islands, the coastguard said. Captain Jonas Midjord "
    "told the coastguard the steering failed soon after leaving Torshavn for Hirtshals. Smyril "
    "Line said the hull of the Aurora was breached and divers would inspect it.",
)
FERRY_TABLOID = (
    "ROCKED! Terror at sea as Faroes ferry Aurora hits rocks off Vestmanna",
    "Terrified passengers on the ferry Aurora were plucked from the deck by lifeboats and fishing "
    "boats after it ran aground off Vestmanna in the Faroe Islands. All 212 passengers and 31 crew "
    "were rescued, the coastguard said. Smyril Line said Captain Jonas Midjord reported a steering "
    "failure after the ferry left Torshavn.",
)
OTHER_STORY = (
    "Lisbon council approves tram line to Loures",
    "Lisbon city council approved a new tram line to Loures on Tuesday, with works due to start "
    "next spring and the first trams running in 2029, the mayor's office said. The line will run "
    "for twelve kilometres from Cais do Sodre through Alcantara and Benfica, with nineteen stops, "
    "and is expected to carry 60,000 passengers a day. Opposition councillors said the budget of "
    "EUR 420 million left out the depot and the new trams, which will be ordered separately.",
)


def _alone(monkeypatch: pytest.MonkeyPatch, outlet: str, title: str, body: str) -> Article:
    """A report decided on thinner evidence than now: it started an event of its own."""
    with monkeypatch.context() as patched:
        patched.setattr(engine, "THRESHOLD", 0.99)
        patched.setattr(refine, "THRESHOLD", 0.99)
        alone = report(outlet, title, body)
    assert Event.objects.get(pk=alone.event_id).article_count == 1
    return alone


@pytest.mark.django_db
@pytest.mark.parametrize("chunk", [batched.CHUNK, 1], ids=["one-run", "a-run-per-event"])
def test_a_report_left_alone_joins_the_event_its_story_formed_once_the_import_is_grouped(monkeypatch, chunk):
    monkeypatch.setattr(batched, "CHUNK", chunk)
    wire = report("Wire", *FERRY_WIRE)
    paper = report("Paper", *FERRY_PAPER)
    assert wire.event_id == paper.event_id
    tabloid = _alone(monkeypatch, "Tabloid", *FERRY_TABLOID)
    own_event = tabloid.event_id

    moved = look_again([wire.event_id, tabloid.event_id])

    tabloid.refresh_from_db()
    assert moved == 1
    assert tabloid.event_id == wire.event_id
    assert tabloid.grouping_status == GroupingStatus.JOINED
    assert tabloid.grouping_score >= engine.THRESHOLD
    assert tabloid.grouping_evidence["explanation"].startswith(
        f"moved here from event #{own_event}, where it was alone"
    )
    assert tabloid.grouping_evidence["moved_from_event_id"] == own_event
    assert not Event.objects.filter(pk=own_event).exists()
    assert Event.objects.get(pk=wire.event_id).article_count == 3


@pytest.mark.django_db
def test_a_report_of_another_story_left_alone_stays_alone(monkeypatch):
    wire = report("Wire", *FERRY_WIRE)
    report("Paper", *FERRY_PAPER)
    tram = _alone(monkeypatch, "Paper", *OTHER_STORY)

    assert look_again([wire.event_id, tram.event_id]) == 0

    tram.refresh_from_db()
    assert Event.objects.get(pk=tram.event_id).article_count == 1


@pytest.mark.django_db
def test_a_report_staff_placed_alone_is_not_moved_by_the_last_look(monkeypatch):
    wire = report("Wire", *FERRY_WIRE)
    report("Paper", *FERRY_PAPER)
    tabloid = _alone(monkeypatch, "Tabloid", *FERRY_TABLOID)
    Article.objects.filter(pk=tabloid.pk).update(grouping_status=GroupingStatus.MANUAL)

    assert look_again([wire.event_id, tabloid.event_id]) == 0

    tabloid.refresh_from_db()
    assert tabloid.event_id != wire.event_id


@pytest.mark.django_db
def test_the_last_look_scores_an_event_as_its_members_weigh_now_not_as_its_stored_profile_does(monkeypatch):
    wire = report("Wire", *FERRY_WIRE)
    report("Paper", *FERRY_PAPER)
    tabloid = _alone(monkeypatch, "Tabloid", *FERRY_TABLOID)
    # A stored profile that no longer says what its members share (as one weighed with the few
    # reports counted early in an import may not), though the tabloid still scores near the line
    # against it: the look rebuilds the event from its members.
    stored = EventProfile.objects.get(event_id=wire.event_id).data
    EventProfile.objects.filter(event_id=wire.event_id).update(data={**stored, "t": {}, "n": {}})

    assert look_again([wire.event_id, tabloid.event_id]) == 1

    tabloid.refresh_from_db()
    assert tabloid.event_id == wire.event_id
    assert tabloid.grouping_score >= engine.THRESHOLD


@pytest.mark.django_db
def test_a_report_an_earlier_import_left_alone_joins_the_story_a_later_import_formed(monkeypatch):
    wire = report("Wire", *FERRY_WIRE)
    paper = report("Paper", *FERRY_PAPER)
    assert wire.event_id == paper.event_id
    tabloid = _alone(monkeypatch, "Tabloid", *FERRY_TABLOID)
    own_event = tabloid.event_id

    # The later import's look is handed the events of its own reports only: not the tabloid's.
    assert look_again([wire.event_id]) == 1

    tabloid.refresh_from_db()
    assert tabloid.event_id == wire.event_id
    assert tabloid.grouping_evidence["moved_from_event_id"] == own_event
    assert not Event.objects.filter(pk=own_event).exists()
    assert Event.objects.get(pk=wire.event_id).article_count == 3


@pytest.mark.django_db
def test_a_report_of_another_story_an_earlier_import_left_alone_stays_alone(monkeypatch):
    wire = report("Wire", *FERRY_WIRE)
    report("Paper", *FERRY_PAPER)
    tram = _alone(monkeypatch, "Paper", *OTHER_STORY)

    assert look_again([wire.event_id]) == 0

    tram.refresh_from_db()
    assert Event.objects.get(pk=tram.event_id).article_count == 1


@pytest.mark.django_db
def test_the_last_look_rebuilds_no_event_when_every_candidate_scores_far_under_the_line(monkeypatch):
    from articles.grouping import last_look

    wire = report("Wire", *FERRY_WIRE)
    report("Paper", *FERRY_PAPER)
    tabloid = _alone(monkeypatch, "Tabloid", *FERRY_TABLOID)
    # A stored profile that shares nothing with the tabloid: rebuilt, no event scored more than
    # 1.35 times its stored score on the grouping corpora, so from under 0.25 none is weighed again.
    EventProfile.objects.filter(event_id=wire.event_id).update(data={"m": 2, "t": {}, "n": {}, "o": []})
    rebuilt = []
    monkeypatch.setattr(last_look, "_rebuilt", lambda *args: rebuilt.append(args))

    assert look_again([wire.event_id, tabloid.event_id]) == 0
    assert rebuilt == []


FERRY_SHARES = (
    "Smyril Line shares slide after Aurora grounding off the Faroes",
    "Shares in Smyril Line fell 6 per cent in Copenhagen on Monday, the first day of trading since "
    "its ferry Aurora ran aground off Vestmanna in the Faroe Islands after a steering failure, as "
    "analysts weighed the cost of repairs and of a summer without the company's largest ship. The "
    "operator said the Aurora would be out of service for at least eight weeks while the breached "
    "hull is repaired in a Danish yard. Insurers are expected to cover most of the repair bill, said "
    "Mette Krogh, an analyst at Nordhavn Securities, but lost bookings on the Hirtshals route in high "
    "season will not be.",
)


@pytest.mark.django_db
def test_a_report_left_alone_joins_its_story_at_the_near_miss_line_not_only_at_the_threshold(monkeypatch):
    # A markets angle shares fewer words with its story than the story's own reports do: at the
    # end it scores between the near-miss line and the decision's threshold, and joins.
    wire = report("Wire", *FERRY_WIRE)
    report("Paper", *FERRY_PAPER)
    shares = _alone(monkeypatch, "Markets Daily", *FERRY_SHARES)

    assert look_again([wire.event_id, shares.event_id]) == 1

    shares.refresh_from_db()
    assert shares.event_id == wire.event_id
    assert last_look.LOOK_THRESHOLD <= shares.grouping_score < engine.THRESHOLD
    assert shares.grouping_evidence["threshold"] == last_look.LOOK_THRESHOLD


@pytest.mark.django_db
def test_a_dated_report_left_alone_is_looked_at_under_the_undated_rebuild_line(monkeypatch):
    # A dated angle that scores under REBUILD_FROM against its story's stored profile may still
    # reach the dated line once the event is rebuilt: it is weighed again from DATED_REBUILD_FROM.
    morning = datetime(2026, 3, 2, 7, tzinfo=UTC)
    wire = report("Wire", *FERRY_WIRE, published_at=morning)
    report("Paper", *FERRY_PAPER, published_at=morning.replace(hour=8))
    with monkeypatch.context() as patched:
        patched.setattr(engine, "THRESHOLD", 0.99)
        patched.setattr(refine, "THRESHOLD", 0.99)
        shares = report("Markets Daily", *FERRY_SHARES, published_at=morning.replace(hour=10))
    assert Event.objects.get(pk=shares.event_id).article_count == 1
    monkeypatch.setattr(last_look, "REBUILD_FROM", 0.99)

    assert look_again([wire.event_id, shares.event_id]) == 1

    shares.refresh_from_db()
    assert shares.event_id == wire.event_id


SALVAGE = (
    "Salvors refloat Smyril Line's ferry Aurora and tow it to Klaksvik shipyard",
    "Salvage crews refloated the ferry Aurora on the morning high tide and towed it to the "
    "shipyard in Klaksvik, where the damaged hull will be repaired over the winter. Smyril Line "
    "said the Aurora would miss the rest of the season and chartered a Danish ferry to keep the "
    "route from Torshavn to Hirtshals open. The Faroese maritime authority said its inquiry into "
    "the steering failure would report in the spring.",
)


def _grounding_and_salvage(monkeypatch: pytest.MonkeyPatch) -> tuple[Article, Article, Article, Article]:
    """The grounding's three reports, undated, and the salvage weeks later, which started an
    event of its own (its text tells the same ship, company and route)."""
    return (
        report("Wire", *FERRY_WIRE),
        report("Paper", *FERRY_PAPER),
        report("Tabloid", *FERRY_TABLOID),
        _alone(monkeypatch, "Harbour Post", *SALVAGE),
    )


def _move(article: Article, to_event: int) -> None:
    """Put an automatic report in another event, its profile rebuilt as an early decision on
    thinner evidence would have left it."""
    store = DatabaseStore()
    from_event = article.event_id
    members = store.members([from_event, to_event], refine.MAX_MEMBERS)
    joined = [*members[to_event], *(m for m in members[from_event] if m.article_id == article.pk)]
    left = [m for m in members[from_event] if m.article_id != article.pk]
    weights = Weights(*store.frequencies({k for m in joined + left for k in report_keys(m.report)}))
    move = Move(article.pk, from_event, to_event, 0.5, {"decision": "joined", "explanation": "early"})
    profiles = {to_event: last_look._rebuilt(joined, weights), from_event: last_look._rebuilt(left, weights)}
    apply_refinement(Refinement(moves=[move], profiles=profiles), store)


@pytest.mark.django_db
def test_a_report_that_joined_a_related_story_before_its_own_formed_moves_to_it_once_the_import_is_grouped(
    monkeypatch,
):
    wire, paper, tabloid, salvage = _grounding_and_salvage(monkeypatch)
    assert wire.event_id == paper.event_id == tabloid.event_id != salvage.event_id
    # The grounding's tabloid in the salvage's event, as if it had come first and taken the only
    # story there was, and the decisions since had never put it in play again.
    _move(tabloid, salvage.event_id)

    moved = look_again([salvage.event_id, wire.event_id])

    tabloid.refresh_from_db()
    # (Left alone, the salvage's report is then free to join on the threshold alone: undated,
    # its text is the grounding's ship and route.)
    assert moved >= 1
    assert tabloid.event_id == wire.event_id
    assert tabloid.grouping_evidence["moved_from_event_id"] == salvage.event_id
    assert "once the reports around it were grouped" in tabloid.grouping_evidence["explanation"]


@pytest.mark.django_db
def test_a_report_closer_to_another_story_by_less_than_the_closing_margin_stays(monkeypatch):
    wire, _, tabloid, salvage = _grounding_and_salvage(monkeypatch)
    _move(tabloid, salvage.event_id)
    # At the end a near tie is an angle two stories share: only a clear gain moves a report.
    monkeypatch.setattr(last_look, "CLOSING_MARGIN", 1.0)

    assert look_again([salvage.event_id, wire.event_id]) == 0

    tabloid.refresh_from_db()
    assert tabloid.event_id == salvage.event_id


def _scored(*scores_and_gaps: tuple[float, float | None]) -> list[tuple[Match, int]]:
    """Matches best first, as the last look ranks an alone report's candidates."""
    return [
        (
            Match(
                score=s,
                term_similarity=0.1,
                name_similarity=0.1,
                time_factor=1.0,
                gap_days=g,
                term_parts=[],
                name_parts=[],
            ),
            i,
        )
        for i, (s, g) in enumerate(scores_and_gaps, start=1)
    ]


def test_a_report_at_the_near_miss_line_joins_dated_or_not():
    assert last_look._line(_scored((0.41, None), (0.39, None))) == last_look.LOOK_THRESHOLD
    assert last_look._line(_scored((0.41, 6.0))) == last_look.LOOK_THRESHOLD


def test_a_dated_report_of_the_events_days_well_ahead_of_any_other_event_joins_under_the_near_miss_line():
    # The markets' reaction to a ruling, the same day: few words in common, no rival event.
    assert last_look._line(_scored((0.27, 0.1), (0.12, 0.1))) == last_look.DATED_LOOK_THRESHOLD
    assert last_look._line(_scored((0.27, 0.1))) == last_look.DATED_LOOK_THRESHOLD


def test_an_undated_report_under_the_near_miss_line_stays_alone():
    # Without dates nothing tells that the event is of the report's days.
    assert last_look._line(_scored((0.35, None), (0.05, None))) is None


def test_a_dated_report_under_the_near_miss_line_stays_alone_when_another_event_comes_close():
    # Two stories of the same day take it almost as well: the angle does not tell which.
    assert last_look._line(_scored((0.35, 0.1), (0.2, 0.1))) is None


def test_a_dated_report_under_the_near_miss_line_stays_alone_when_the_event_is_of_other_days():
    # Days after the event's first report: a saga's next happening as often as an angle of it.
    assert last_look._line(_scored((0.35, last_look.DATED_LOOK_DAYS + 0.5))) is None


def test_a_dated_report_far_under_the_near_miss_line_stays_alone():
    assert last_look._line(_scored((last_look.DATED_LOOK_THRESHOLD - 0.01, 0.1))) is None


def _events_of_two(count: int, *, dated: bool) -> list[int]:
    """`count` events of two stored reports each (features stored, as grouping leaves them),
    made by hand: the closing thoughts' reads are what is measured, not how grouping formed them."""
    when = datetime(2026, 3, 2, 9, tzinfo=UTC) if dated else None
    ids = []
    for number in range(count):
        event = Event.objects.create(title=f"Story {number}")
        for outlet_name in ("Wire", "Paper"):
            article = report(
                outlet_name,
                f"Story {number} as {outlet_name} told it",
                f"Report number {number} from {outlet_name}. " * 10,
                when,
                assign=False,
                read=False,
            )
            Article.objects.filter(pk=article.pk).update(event=event)
            features_for(article)
        event.refresh_stats()
        ids.append(event.pk)
    return ids


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "window", "reads"), [(3, 900, 1), (8, 900, 1), (8, 3, 3)])
def test_the_closing_thoughts_read_the_members_of_the_imports_events_a_window_a_query(
    monkeypatch, count, window, reads
):
    # Dated events need nothing more than their members to be passed over: an import's closing
    # thoughts cost one query per window of events, not one per event.
    monkeypatch.setattr(last_look, "MEMBERS_READ_AT_ONCE", window)
    events = _events_of_two(count, dated=True)

    with CaptureQueriesContext(connection) as queries:
        refinements = list(last_look.closing_thoughts_of(DatabaseStore(), events))

    assert len(refinements) == count
    assert not any(r.moves or r.profiles for r in refinements)
    assert len(queries) == reads


@pytest.mark.django_db
def test_the_closing_thoughts_read_again_the_members_of_a_later_event_an_applied_move_changed(monkeypatch):
    first, second, third = _events_of_two(3, dated=False)
    moving = Article.objects.filter(event_id=first).order_by("id").first()
    seen: dict[int, list[int]] = {}

    def closing(store, event_id, members=None, weights=None):
        seen[event_id] = sorted(m.article_id for m in members)
        if event_id != first:
            return Refinement()
        # The first event's look moves one of its reports into the third event.
        return Refinement(
            moves=[Move(moving.pk, first, third, 0.5, {"decision": "joined", "explanation": "closer"})],
            profiles={first: Profile(members=1), third: Profile(members=3)},
        )

    monkeypatch.setattr(last_look, "closing_thoughts", closing)
    store = DatabaseStore()
    for refinement in last_look.closing_thoughts_of(store, [first, second, third]):
        for move in refinement.moves:
            Article.objects.filter(pk=move.article_id).update(event_id=move.to_event)
        for event_id in refinement.profiles:
            Event.objects.get(pk=event_id).refresh_stats()

    assert moving.pk in seen[first]
    assert moving.pk in seen[third]
    assert len(seen[third]) == 3
    assert len(seen[second]) == 2


def test_a_dated_report_of_the_events_hours_joins_at_the_link_line_under_the_old_dated_line():
    # A fact check of the speech, an hour after it: 0.22, few words shared, no rival event.
    assert last_look.DATED_LOOK_THRESHOLD <= 0.22 < last_look.REBUILD_FROM
    assert last_look._line(_scored((0.22, 0.1), (0.05, 0.1))) == last_look.DATED_LOOK_THRESHOLD


def test_an_event_of_other_days_is_no_rival_to_the_event_of_the_reports_hours():
    # The saga's happening two days before, which the angle recaps, scores more than half the
    # angle's own event: it is not of the report's news cycle, so the report still joins.
    assert last_look._line(_scored((0.3, 0.2), (0.2, 2.6))) == last_look.DATED_LOOK_THRESHOLD
    assert last_look._line(_scored((0.3, 0.2), (0.2, last_look.DATED_LOOK_RIVAL_DAYS + 0.1))) is not None


def test_an_event_of_the_next_morning_is_still_a_rival():
    # The budget's vote at dawn after the water bill's evening: either may be the angle's story.
    assert last_look._line(_scored((0.33, 0.1), (0.26, 0.5))) is None
    assert last_look._line(_scored((0.3, 0.2), (0.2, None))) is None
