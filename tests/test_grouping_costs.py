"""The regroup's cost cuts give what the code they replaced gave (session 26, regroup-s28)."""

from datetime import timedelta

from grouping_cases import at

from articles.grouping import engine
from articles.grouping.engine import Weights, keys_of, report_keys
from articles.grouping.features import extract_features, heaviest
from articles.grouping.memory import MemoryStore
from articles.grouping.similarity import Profile
from articles.grouping.summaries import Candidate, central_extract, representative_title, title_and_summary

REPORTS = [
    (
        "Huawei finance chief arrested in Vancouver",
        "Meng Wanzhou, Huawei's finance chief, was arrested in Vancouver.",
    ),
    (
        "Canada arrests Huawei CFO at US request",
        "Canadian police arrested Meng Wanzhou at the request of the US.",
    ),
    ("Huawei executive granted bail", "A Vancouver judge granted bail to Meng Wanzhou on Tuesday."),
]


def _reports():
    return [extract_features(title, body, at("2018-12-06")) for title, body in REPORTS]


class _CopyingStore:
    """A store that hands back a copy of its counts on each call, as the database stores do."""

    def __init__(self, memory: MemoryStore) -> None:
        self.memory = memory

    def frequencies(self, keys):
        reports, frequencies = self.memory.frequencies(keys)
        return reports, dict(frequencies)


def test_weights_are_kept_only_while_the_store_hands_back_the_very_same_counts():
    store = MemoryStore(next_event_id=1)
    first, second, third = _reports()
    store.count_report(report_keys(first))
    store.count_report(report_keys(second))
    kept = Weights.for_store(store, keys_of([first]))

    assert Weights.for_store(store, keys_of([second]), kept) is kept
    # A copy of the same counts (a database store's) is other counts: new weights.
    assert Weights.for_store(_CopyingStore(store), keys_of([second]), kept) is not kept
    # Another report counted changes every idf: new weights.
    store.count_report(report_keys(third))
    assert Weights.for_store(store, keys_of([second]), kept) is not kept


def test_kept_weights_give_the_vectors_fresh_ones_give_and_are_dropped_past_their_size(monkeypatch):
    store = MemoryStore(next_event_id=1)
    reports = _reports()
    for report in reports:
        store.count_report(report_keys(report))
    kept = Weights.for_store(store, [])
    for report in reports:
        kept.vectors(report)
    for report in reports:
        fresh = Weights(*store.frequencies([])).vectors(report)
        again = kept.vectors(report)
        assert list(again[0].vector.items()) == list(fresh[0].vector.items())
        assert again[0].norm == fresh[0].norm
        assert again[1].vector == fresh[1].vector

    monkeypatch.setattr(engine, "SHARED_WEIGHTS_REPORTS", len(reports))
    assert Weights.for_store(store, [], kept) is not kept


def test_counted_keys_are_made_only_when_read():
    report = _reports()[0]
    made = keys_of([report])
    assert list(made) == report_keys(report)
    assert list(made) == []  # made once, as they are read


def test_heaviest_keeps_the_heaviest_single_words_before_phrases_then_alphabetically():
    weights = {"b": 1.0, "a b": 2.0, "a": 2.0, "c": 2.0, "d": 0.5, "e": 3.0}
    assert list(heaviest(weights, 4).items()) == [("e", 3.0), ("a", 2.0), ("c", 2.0), ("a b", 2.0)]


def test_one_centrality_for_the_title_and_summary_gives_what_each_gives_alone():
    reports = _reports()
    profile = Profile()
    weights = Weights(3, {})
    for report in reports:
        profile.add(report, *weights.vectors(report))
    openings = [
        "VANCOUVER - Meng Wanzhou, Huawei's chief financial officer, was arrested in Vancouver on Saturday. "
        "She faces extradition to the United States.",
        "Canadian police arrested a senior Huawei executive at the request of the United States, officials said.",
        "SHOCK ARREST! Huawei boss held in Canada as the US seeks her extradition over sanctions claims.",
    ]
    candidates = [
        Candidate(title, report.terms, None, opening)
        for (title, _), report, opening in zip(REPORTS, reports, openings, strict=True)
    ]
    # Past SUMMARY_MEMBERS (6) the summary reads the first six only: eight candidates.
    for group in (candidates, [*candidates, *candidates, candidates[0], candidates[1]]):
        assert title_and_summary(group, profile) == (
            representative_title(group, profile),
            central_extract(group, profile),
        )


def test_the_in_memory_candidates_keep_only_events_of_the_window():
    store = MemoryStore(next_event_id=1)
    when = at("2018-12-06")
    reports = _reports()
    for days, report in zip((0, -30, -2), reports, strict=True):
        report.published_at = when + timedelta(days=days)
        event = store.new_event("e")
        store.count_report(report_keys(report))
        store.add_member(event, event.id, 1, "e", report, Weights(*store.frequencies([])))
        store.reindex(event)
    keys = {key: 1.0 for event in store.events.values() for key in event.keys}

    # Event 2's last report is 30 days before, past the 21-day window; undated, all are found.
    assert sorted(store.candidates(keys, when)) == [1, 3]
    assert sorted(store.candidates(keys, None)) == [1, 2, 3]
