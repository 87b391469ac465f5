"""An event comes apart when its reports clearly tell two stories (refine.pull_apart).

Whether two real reports tell one story is the fitted model's call, tested elsewhere; here the
pairwise score is given, so that the tests pin what the rule does with it: how the reports are
clustered, when the two stories are apart enough, which one leaves, what is stored, and that
regrouping decides the same.
"""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from grouping_cases import QUAKE_WIRE
from grouping_helpers import report
from test_grouping_regroup import grouping_state

from articles.grouping import refine
from articles.grouping.features import ReportFeatures
from articles.models import Article, Event, GroupingStatus, PossiblySame

# What marks a report of the second story in these tests (a word only its reports carry).
SECOND_STORY_WORD = "zephyrine"
SECOND_STORY = (
    QUAKE_WIRE[0],
    QUAKE_WIRE[1] + " The Zephyrine ferry was held in port at Cesme.",
)
START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def second_story(member: refine.Member) -> bool:
    return any(term.startswith(SECOND_STORY_WORD[:6]) for term in member.report.terms)


def two_stories(within: float, between: float):
    """A pairwise score: `within` for two reports of one story, `between` across the two."""

    def score(a: refine.Member, b: refine.Member, vectors) -> float:
        return within if second_story(a) == second_story(b) else between

    return score


def member(article_id: int, *, second: bool, pinned: bool = False) -> refine.Member:
    terms = {SECOND_STORY_WORD: 1.0} if second else {"quake": 1.0}
    return refine.Member(article_id, ReportFeatures(terms=terms, names={}, published_at=None), pinned=pinned)


def group_of(*members: refine.Member) -> refine._Group:
    group = refine._Group(1, None)
    group.members = list(members)
    return group


@pytest.fixture
def scores(monkeypatch):
    def use(within: float, between: float) -> None:
        monkeypatch.setattr(refine, "_pair_score", two_stories(within, between))

    return use


def test_two_stories_come_apart_and_the_one_without_the_first_report_leaves(scores):
    scores(within=0.9, between=0.1)
    group = group_of(
        member(1, second=False), member(2, second=False), member(3, second=True), member(4, second=True)
    )
    split = refine.pull_apart(group, {}, trigger=4)
    assert split is not None
    leaving, (staying_score, leaving_score, between) = split
    assert [m.article_id for m in leaving] == [3, 4]
    assert (staying_score, leaving_score, between) == (0.9, 0.9, 0.1)


@pytest.mark.parametrize(
    ("within", "between"),
    [
        (0.9, 0.5),  # the two stories score above the threshold with each other: one story
        (0.5, 0.4),  # below it, but not clearly below how each scores within itself
        (0.4, 0.1),  # neither holds together
    ],
)
def test_an_event_stays_whole_unless_its_two_stories_are_clearly_apart(scores, within, between):
    scores(within=within, between=between)
    group = group_of(
        member(1, second=False), member(2, second=False), member(3, second=True), member(4, second=True)
    )
    assert refine.pull_apart(group, {}, trigger=4) is None


def test_a_story_of_one_report_does_not_leave(scores):
    scores(within=0.9, between=0.1)
    group = group_of(
        member(1, second=False), member(2, second=False), member(3, second=False), member(4, second=True)
    )
    assert refine.pull_apart(group, {}, trigger=4) is None


def test_staff_decisions_and_older_reports_are_not_pulled_out(scores):
    scores(within=0.9, between=0.1)
    pinned = group_of(
        member(1, second=False),
        member(2, second=False),
        member(3, second=True, pinned=True),
        member(4, second=True),
    )
    assert refine.pull_apart(pinned, {}, trigger=4) is None
    # The newcomer is of the first story: the second had its say when its reports came.
    unprompted = group_of(
        member(1, second=False), member(2, second=True), member(3, second=True), member(4, second=False)
    )
    assert refine.pull_apart(unprompted, {}, trigger=4) is None


def test_a_newcomer_nearly_as_close_to_the_other_story_pulls_nothing_apart(monkeypatch):
    # Reports 3 and 4 stand apart from 1 and 2. The newcomer 5, of their story (0.9), scores 0.8
    # with 1 and 2 too: it shows no rift, so the event stays whole until a report that does.
    def score(a: refine.Member, b: refine.Member, vectors) -> float:
        if 5 in (a.article_id, b.article_id) and second_story(a) != second_story(b):
            return 0.8
        return 0.9 if second_story(a) == second_story(b) else 0.1

    monkeypatch.setattr(refine, "_pair_score", score)
    group = group_of(
        member(1, second=False),
        member(2, second=False),
        member(3, second=True),
        member(4, second=True),
        member(5, second=True),
    )
    assert refine.pull_apart(group, {}, trigger=5) is None
    assert refine.pull_apart(group, {}, trigger=4) is not None


def quake_reports(count_first: int, count_second: int) -> list[Article]:
    stories = [QUAKE_WIRE] * count_first + [SECOND_STORY] * count_second
    return [
        report(f"Outlet {k}", title, body, START + timedelta(hours=k))
        for k, (title, body) in enumerate(stories)
    ]


@pytest.mark.django_db
def test_the_reports_of_a_second_story_leave_for_an_event_of_their_own(scores):
    scores(within=0.9, between=0.1)
    reports = quake_reports(3, 2)
    for article in reports:
        article.refresh_from_db()
    first, second = reports[:3], reports[3:]

    assert len({a.event_id for a in first}) == 1
    assert len({a.event_id for a in second}) == 1
    assert first[0].event_id != second[0].event_id
    old, new = Event.objects.get(pk=first[0].event_id), Event.objects.get(pk=second[0].event_id)
    assert (old.article_count, old.source_count) == (3, 3)
    assert (new.article_count, new.source_count) == (2, 2)
    for article in second:
        assert article.grouping_status == GroupingStatus.JOINED
        evidence = article.grouping_evidence
        assert evidence["event_id"] == new.pk
        assert evidence["split_from_event_id"] == old.pk
        assert evidence["moved_after_article_id"] == second[-1].pk
        assert evidence["explanation"].startswith(f"left event #{old.pk} with 1 other report")


@pytest.mark.django_db
def test_without_a_second_story_the_reports_stay_in_one_event(scores):
    scores(within=0.9, between=0.6)
    reports = quake_reports(3, 2)
    assert Article.objects.filter(pk__in=[a.pk for a in reports]).values("event").distinct().count() == 1


@pytest.mark.django_db
def test_regroup_pulls_apart_as_incremental_assignment_does(scores):
    scores(within=0.9, between=0.1)
    quake_reports(3, 2)
    incremental = grouping_state()
    assert len(incremental["events"]) == 2

    call_command("regroup", "--no-progress", stdout=StringIO())

    assert grouping_state() == incremental


def links_by_first_report() -> set[tuple[int, int]]:
    first = {e.pk: min(e.articles.values_list("pk", flat=True)) for e in Event.objects.all()}
    return {
        tuple(sorted((first[a], first[b])))
        for a, b in PossiblySame.objects.values_list("event_a_id", "event_b_id")
    }


@pytest.mark.django_db
def test_two_stories_that_still_score_near_the_threshold_are_linked_as_possibly_the_same(scores):
    scores(within=0.9, between=0.42)
    reports = quake_reports(3, 2)
    assert links_by_first_report() == {(reports[0].pk, reports[3].pk)}

    call_command("regroup", "--no-progress", stdout=StringIO())

    assert links_by_first_report() == {(reports[0].pk, reports[3].pk)}


@pytest.mark.django_db
def test_two_stories_far_apart_are_not_linked(scores):
    scores(within=0.9, between=0.1)
    quake_reports(3, 2)
    assert Event.objects.count() == 2
    assert not PossiblySame.objects.exists()
