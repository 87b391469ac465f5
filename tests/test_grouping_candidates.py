"""Candidate retrieval: which events a report is scored against, in both stores alike."""

import math

import pytest
from grouping_cases import at

from articles.grouping.engine import Weights, decide, index_keys, rank_candidates, report_keys
from articles.grouping.features import ReportFeatures
from articles.grouping.memory import MemoryStore
from articles.grouping.similarity import Profile
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


def _placed(store: MemoryStore, event_id: int | None, article_id: int, terms: dict[str, float]) -> int:
    """Count and place a report (no names, undated) in an event, new if event_id is None."""
    report = ReportFeatures(terms=terms, names={})
    store.count_report(report_keys(report))
    weights = Weights(*store.frequencies(report_keys(report)))
    event = store.new_event(f"event of {article_id}") if event_id is None else store.events[event_id]
    store.add_member(event, article_id, article_id, event.title, report, weights)
    store.reindex(event)
    return event.id


def test_a_report_is_scored_against_its_own_storys_event_when_two_bigger_related_events_share_more():
    # A tabloid's report of an attack shares the attack's few telling words with the attack's
    # own (small) event, and its place names with two bigger events about what followed. Summed
    # over their members, the bigger events' keys would take both candidate places; per member,
    # the attack's event ranks first and is scored.
    store = MemoryStore(next_event_id=1)
    place = {"christchurch": 2.0, "mosques": 2.0, "zealand": 2.0, "ardern": 2.0}
    ban = {**place, "ban": 1.5, "weapons": 1.5, "rifles": 1.5, "parliament": 1.0}
    vigil = {**place, "vigil": 1.5, "mourners": 1.5, "prayers": 1.5, "park": 1.0}
    attack = {"christchurch": 1.0, "gunman": 2.0, "livestream": 2.0, "slaughtered": 2.0, "worshippers": 1.0}
    ban_event = vigil_event = None
    for number in range(1, 6):
        ban_event = _placed(store, ban_event, number, ban)
        vigil_event = _placed(store, vigil_event, 10 + number, vigil)
    attack_event = _placed(store, None, 21, attack)
    tabloid = ReportFeatures(terms={**attack, "terror": 1.0, "paradise": 1.0, **place}, names={})
    store.count_report(report_keys(tabloid))

    decision = decide(tabloid, store)

    assert attack_event in {event_id for event_id, _ in decision.considered}
    assert decision.status == "joined"
    assert decision.event_id == attack_event


def test_an_event_is_indexed_at_its_keys_weight_per_member():
    profile = Profile(terms={"bail": 3.0, "court": 1.5}, names={"brenner": 2.4}, members=3)

    assert index_keys(profile) == {"t:bail": 1.0, "t:court": 0.5, "n:brenner": 0.8}
    # An event with no members yet (a profile being built) is indexed as it stands.
    assert index_keys(Profile(terms={"bail": 0.5})) == {"t:bail": 0.5}


@pytest.mark.django_db
def test_postings_stored_summed_over_members_are_divided_by_the_member_count_when_migrated():
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    from articles.models import EventProfile

    migration = importlib.import_module("articles.migrations.0017_eventkey_weight_per_member")
    three = Event.objects.create(title="Meng granted bail")
    one = Event.objects.create(title="Huawei CFO arrested in Vancouver")
    EventProfile.objects.create(event=three, data={"m": 3})
    EventProfile.objects.create(event=one, data={"m": 1})
    for event in (three, one):
        EventKey.objects.create(event=event, key="n:meng wanzhou", weight=3.0)
    editor = SimpleNamespace(connection=connection)

    migration._scale(inverse=False)(apps, editor)
    weights = dict(EventKey.objects.values_list("event_id", "weight"))
    assert weights == {three.pk: pytest.approx(1.0), one.pk: 3.0}

    migration._scale(inverse=True)(apps, editor)
    assert dict(EventKey.objects.values_list("event_id", "weight")) == {
        three.pk: pytest.approx(3.0),
        one.pk: 3.0,
    }
