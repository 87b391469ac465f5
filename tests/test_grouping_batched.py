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
