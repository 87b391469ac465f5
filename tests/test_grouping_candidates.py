"""Candidate retrieval: which events a report is scored against, in both stores alike."""

import math

import pytest
from grouping_cases import at

from articles.grouping.engine import rank_candidates
from articles.grouping.memory import MemoryStore
from articles.grouping.store import DatabaseStore
from articles.models import Event, EventKey

DAY = 86400.0
KEYS = {"n:meng wanzhou": 3.0, "n:huawei": 2.0, "t:arrest": 1.5}


def test_a_dated_reports_candidates_are_ranked_by_shared_keys_scaled_by_time_decay():
    when = at("2018-12-06").timestamp()
    # Event 1 shares more (it is bigger) but its latest report is 5 days later; event 2 is
    # the same day's; event 3 is undated and keeps its full sum.
    totals = {1: 10.0, 2: 6.0, 3: 5.0}
    lasts = {1: when + 5 * DAY, 2: when + 0.2 * DAY, 3: math.inf}

    assert rank_candidates(totals, 2) == [1, 2]
    assert rank_candidates(totals, 2, when, lasts) == [2, 3]
    # Within the grace period nothing is scaled down.
    assert rank_candidates({1: 10.0, 2: 6.0}, 1, when, {1: when - DAY, 2: when}) == [1]


@pytest.mark.django_db
def test_both_stores_offer_the_same_days_event_before_a_bigger_one_days_later():
    big = Event.objects.create(title="Meng granted bail", last_published_at=at("2018-12-11"))
    same_day = Event.objects.create(
        title="Huawei CFO arrested in Vancouver", last_published_at=at("2018-12-06")
    )
    memory = MemoryStore(next_event_id=1)
    for event, weight in ((big, 1.0), (same_day, 0.6)):
        rows = [
            EventKey(event=event, key=key, weight=weight, last_published_at=event.last_published_at)
            for key in KEYS
        ]
        EventKey.objects.bulk_create(rows)
        memory_event = memory.new_event(event.title)
        memory_event.id = event.pk
        memory.events[event.pk] = memory_event
        for key in KEYS:
            memory.postings.setdefault(key, []).append(event.pk)
            memory.posting_weight.setdefault(key, {})[event.pk] = weight
        memory.last_published[event.pk] = event.last_published_at.timestamp()

    when = at("2018-12-06", 15)
    assert DatabaseStore().candidates(KEYS, when, 1) == [same_day.pk]
    assert memory.candidates(KEYS, when, 1) == [same_day.pk]
    # Undated, the overlap alone decides.
    assert DatabaseStore().candidates(KEYS, None, 1) == [big.pk]
    assert memory.candidates(KEYS, None, 1) == [big.pk]
