"""group_articles, what stage two calls: the events and evidence of assign_article run one by
one in publication order, whatever order the ids come in."""

import random
from datetime import UTC, datetime

import pytest
from grouping_helpers import report
from ingest_helpers import synthetic_records

from articles.grouping.batched import group_articles
from articles.models import Article, Event, EventKey, EventProfile, GroupingStatus, KeyFrequency
from articles.models import ReportFeatures as StoredFeatures

pytestmark = pytest.mark.django_db


def store_reports(count: int) -> list[Article]:
    stored = []
    for record in synthetic_records(count, seed=11):
        when = record.get("published_at")
        published = datetime.fromisoformat(when) if when else None
        if published is not None and published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
        stored.append(report(record["source"], record["title"], record["text"], published, assign=False))
    return stored


def outcome() -> tuple[dict[frozenset[int], tuple], dict[int, tuple]]:
    """The events (members -> title, summary, counts) and each report's decision."""
    members: dict[int, set[int]] = {}
    decisions = {}
    for pk, event_id, status, score, evidence in Article.objects.values_list(
        "id", "event_id", "grouping_status", "grouping_score", "grouping_evidence"
    ):
        if event_id is not None:
            members.setdefault(event_id, set()).add(pk)
        # Event ids differ between the runs (the partition compares the events); the rest of
        # the evidence must not.
        ids = ("event_id", "moved_from_event_id", "candidates", "explanation")
        kept = {k: v for k, v in evidence.items() if k not in ids}
        decisions[pk] = (status, score, kept)
    events = {
        e.pk: (e.title, e.summary, e.article_count, e.source_count, e.first_published_at, e.last_published_at)
        for e in Event.objects.all()
    }
    return {frozenset(m): events[event_id] for event_id, m in members.items()}, decisions


def forget_grouping() -> None:
    for model in (StoredFeatures, EventKey, EventProfile, KeyFrequency):
        model.objects.all().delete()
    Article.objects.update(
        event=None, grouping_status=GroupingStatus.PENDING, grouping_score=None, grouping_evidence={}
    )
    Event.objects.all().delete()


def test_group_articles_makes_the_events_and_evidence_of_one_by_one_assignment_in_publication_order():
    from articles.grouping.service import assign_article

    stored = store_reports(60)
    in_order = sorted(
        stored,
        key=lambda a: (a.published_at is None, a.published_at or datetime.min.replace(tzinfo=UTC), a.pk),
    )
    for article in in_order:
        assign_article(article)
    one_by_one = outcome()
    assert len(one_by_one[0]) < 60  # some reports joined others: the comparison means something
    forget_grouping()

    ids = [a.pk for a in stored]
    random.Random(3).shuffle(ids)
    failures = group_articles(ids)

    assert failures == {}
    assert outcome() == one_by_one


def test_a_report_whose_grouping_fails_midway_is_left_ungrouped_and_the_rest_decide_as_without_it(
    monkeypatch,
):
    from articles.grouping import service

    stored = store_reports(40)
    in_order = sorted(
        stored,
        key=lambda a: (a.published_at is None, a.published_at or datetime.min.replace(tzinfo=UTC), a.pk),
    )
    for article in in_order:
        service.assign_article(article)
    # A report that joins an event another report joins later: its failure comes after it
    # changed that event in memory, and the later report is decided against the event.
    event_of = dict(
        Article.objects.filter(grouping_status=GroupingStatus.JOINED).values_list("pk", "event_id")
    )
    position = {a.pk: k for k, a in enumerate(in_order)}
    victim = next(
        a
        for a in in_order
        if a.pk in event_of
        and any(e == event_of[a.pk] and position[pk] > position[a.pk] for pk, e in event_of.items())
    )
    forget_grouping()
    others = [a for a in in_order if a.pk != victim.pk]
    for article in others:
        service.assign_article(article)
    without_it = outcome()
    forget_grouping()

    real = service.reconsider

    def fails_for_the_victim(store, event_id, considered, trigger, weights=None, *, size):
        # After its event and profile were changed in memory: the store must drop them.
        if trigger == victim.pk:
            raise RuntimeError("disk full")
        return real(store, event_id, considered, trigger, weights, size=size)

    monkeypatch.setattr(service, "reconsider", fails_for_the_victim)
    failures = group_articles([a.pk for a in stored])

    assert failures == {victim.pk: "could not be grouped: disk full"}
    victim.refresh_from_db()
    assert victim.event_id is None and victim.grouping_status == GroupingStatus.PENDING
    assert not StoredFeatures.objects.filter(article_id=victim.pk).exists()
    assert KeyFrequency.objects.get(key="").reports == len(others)  # its words are not counted
    # Every other report decided as if the victim had not been there (it is pending in both).
    assert outcome() == without_it
