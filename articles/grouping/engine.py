"""The grouping decision for one report, independent of where events are stored.

`decide()` runs against a `Store`: the database store for imports (store.py) and an
in-memory one for regrouping (regroup.py). One algorithm for both is what makes a
regroup equal to incremental assignment of the same reports in the same order.
Plain Python; no Django.
"""

import heapq
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from .features import ReportFeatures
from .similarity import (
    SHORT_THRESHOLD,
    THRESHOLD,
    TIME_GRACE_DAYS,
    Match,
    Profile,
    Weighted,
    decay,
    explain,
    score,
)

# How many of a report's keys are looked up in the index, and how many events are
# scored in full: both fixed, so the cost of one assignment does not grow with the corpus.
QUERY_NAMES = 10
QUERY_TERMS = 15
INDEX_NAMES = 12
INDEX_TERMS = 20
CANDIDATES = 2
# Events looked at per index key, newest first: bounds the cost of very common keys.
# Of the SCANNED_PER_KEY newest events carrying a key, those within the time window are
# kept, at most POSTINGS_PER_KEY. (Imports arrive roughly in date order, so the newest
# events by id are the ones near a new report's date.)
POSTINGS_PER_KEY = 25
SCANNED_PER_KEY = 100
# Candidate events are looked for within this many days of a dated report.
WINDOW_DAYS = 21
# A Weights kept from one report or event to the next (Weights.for_store) is replaced by a fresh
# one once it has weighed this many reports: its memos grow with each (about 7 kB a report on
# bench_grouping's corpus), and the looks at the end of a regroup of 100,000 weigh most of them.
SHARED_WEIGHTS_REPORTS = 10_000


def term_key(term: str) -> str:
    return "t:" + term


def name_key(name: str) -> str:
    return "n:" + name


def report_keys(report: ReportFeatures) -> list[str]:
    """The keys whose document frequency is counted: single words and names.

    Two-word phrases are not counted (there are millions); a phrase is taken to be as
    rare as its rarer word (see Weights.term).
    """
    return [term_key(t) for t in report.terms if " " not in t] + [name_key(n) for n in report.names]


def keys_of(reports: Iterable[ReportFeatures]) -> Iterator[str]:
    """The reports' counted keys (report_keys), made only as a store reads them: the in-memory
    store hands back every count without reading the keys asked for, and making the keys of
    every report a decision or a look weighs was a twentieth of a regroup."""
    for report in reports:
        yield from report_keys(report)


class Store(Protocol):
    def count_report(self, keys: list[str]) -> None: ...

    def frequencies(self, keys: Iterable[str]) -> tuple[int, dict[str, int]]: ...

    def candidates(
        self, keys: dict[str, float], when: datetime | None, limit: int | None = None
    ) -> list[int]:
        """Events sharing the keys, best first (rank_candidates), at most `limit`."""
        ...

    def profiles(self, event_ids: list[int]) -> dict[int, Profile]: ...

    def title(self, event_id: int) -> str:
        """The title of an event read by profiles(); asked for the best candidate only."""
        ...


@dataclass(slots=True)
class Decision:
    status: str  # "joined", "started" or "review"
    event_id: int | None  # the event joined; None when starting one or left for review
    score: float | None
    evidence: dict
    # The idf weights used, reused to re-index the event without asking the store again.
    weights: "Weights"
    # (event id, score) of the events scored, best first: for second thoughts (refine.py).
    considered: list[tuple[int, float]]


class Weights:
    """Inverse document frequencies from the store's counts: ln(1 + N / df), memoised."""

    def __init__(self, reports: int, frequencies: dict[str, int]) -> None:
        self.reports = max(reports, 1)
        self.frequencies = frequencies
        self._terms: dict[str, float] = {}
        self._names: dict[str, float] = {}
        # idf depends on the count alone, and most counts are small: one log per count.
        self._by_count: dict[int, float] = {}
        # id(report) -> (report, terms, names): a report's weighted vectors serve both its
        # scoring and its addition to an event's profile.
        self._vectors: dict[int, tuple[ReportFeatures, Weighted, Weighted]] = {}

    @classmethod
    def for_store(cls, store: "Store", keys: Iterable[str], kept: "Weights | None" = None) -> "Weights":
        """Weights for the store's counts of `keys`: `kept` itself when the store hands back the
        very same counts it was made from (the in-memory store does, until it counts another
        report), else new ones. Why: reports weighed in one Weights are weighed once, and a word's
        idf once for them all; after a regroup's last report is counted, the last look, the
        closing thoughts and the look for links weighed each report again with fresh memos for
        each report or event (a fifth of a regroup of 100,000). The idfs are the same either way."""
        reports, frequencies = store.frequencies(keys)
        if kept is not None and kept.counts_of(reports, frequencies):
            return kept
        return cls(reports, frequencies)

    def counts_of(self, reports: int, frequencies: dict[str, int]) -> bool:
        """Whether these weights are those of the counts (the very same mapping, not a copy, and
        the same number of reports), and small enough to keep (SHARED_WEIGHTS_REPORTS)."""
        return (
            self.frequencies is frequencies
            and self.reports == max(reports, 1)
            and len(self._vectors) < SHARED_WEIGHTS_REPORTS
        )

    def vectors(self, report: ReportFeatures) -> tuple[Weighted, Weighted]:
        """The report's term and name vectors weighted with these idfs (computed once)."""
        cached = self._vectors.get(id(report))
        if cached is None or cached[0] is not report:
            terms = Weighted(*self._weigh_terms(report.terms))
            cached = (report, terms, Weighted.of(report.names, self.name))
            self._vectors[id(report)] = cached
        return cached[1], cached[2]

    def _weigh_terms(self, raw: dict[str, float]) -> tuple[dict[str, float], float]:
        """Weighted.of(raw, self.term), unrolled: every report scored pays for ~400 look-ups
        with a cold memo, and there the calls cost more than the arithmetic (a word's idf is
        looked up inline, a function call only for a count not yet seen)."""
        memo, by_count, idf_of_count = self._terms, self._by_count, self._idf_of_count
        count_of = self.frequencies.get
        vector = {}
        for key, weight in raw.items():
            idf = memo.get(key)
            if idf is None:
                if " " in key:
                    # A phrase is as rare as its rarer word (phrases are not counted); an idf is
                    # log(1 + reports / count), never under 0, so 0.0 starts the maximum.
                    idf = 0.0
                    for word in key.split(" ", 1):
                        word_idf = memo.get(word)
                        if word_idf is None:
                            word_idf = memo[word] = idf_of_count(count_of("t:" + word, 1))
                        idf = max(idf, word_idf)
                else:
                    count = count_of("t:" + key, 1)
                    idf = by_count.get(count)
                    if idf is None:
                        idf = idf_of_count(count)
                memo[key] = idf
            vector[key] = weight * idf
        return vector, math.sqrt(sum(w * w for w in vector.values()))

    def _idf_of_count(self, count: int) -> float:
        value = self._by_count.get(count)
        if value is None:
            value = self._by_count[count] = math.log(1 + self.reports / max(count, 1))
        return value

    def idf(self, key: str) -> float:
        return self._idf_of_count(self.frequencies.get(key, 1))

    def term(self, term: str) -> float:
        value = self._terms.get(term)
        return value if value is not None else self._weigh_terms({term: 1.0})[0][term]

    def name(self, name: str) -> float:
        value = self._names.get(name)
        if value is None:
            value = self._names[name] = self._idf_of_count(self.frequencies.get("n:" + name, 1))
        return value


def rank_candidates(
    totals: dict[int, float],
    limit: int | None,
    when: float | None = None,
    lasts: Mapping[int, float] | None = None,
) -> list[int]:
    """Event ids by summed key weight (each event's per member, index_keys), best first; ties go
    to the newer event.

    when: a dated report's POSIX timestamp; lasts: each event's latest report's, as indexed
    (infinity when undated). Then the sums are scaled by the scoring's time decay over that
    gap: otherwise an event days away that shares more keys takes the few candidate places
    from the same day's event, which is then never scored at all.
    """
    if when is not None and lasts is not None:
        totals = {
            event_id: total
            if lasts[event_id] == math.inf
            else total * decay(abs(when - lasts[event_id]) / 86400)
            for event_id, total in totals.items()
        }
    ranked = (
        sorted(totals.items(), key=_candidate_order)
        if limit is None
        else heapq.nsmallest(limit, totals.items(), key=_candidate_order)
    )
    return [event_id for event_id, _ in ranked]


def _candidate_order(item: tuple[int, float]) -> tuple[float, int]:
    return -item[1], -item[0]


def heaviest_keys(
    terms: dict[str, float], names: dict[str, float], n_terms: int, n_names: int
) -> dict[str, float]:
    """The most telling keys of idf-weighted vectors (a report's or an event's)."""

    def top(items: dict[str, float], limit: int, prefix) -> list[tuple[str, float]]:
        if len(items) > limit:
            # Only keys at least as heavy as the limit-th weight can make the cut: finding
            # that weight over bare floats is cheap, and few keys are left to rank.
            cut = heapq.nlargest(limit, items.values())[-1]
            items = {k: w for k, w in items.items() if w >= cut}
        ranked = sorted((-w, k) for k, w in items.items())[:limit]
        return [(prefix(k), round(-w, 4)) for w, k in ranked]

    return dict(top(names, n_names, name_key) + top(terms, n_terms, term_key))


def index_keys(profile: Profile) -> dict[str, float]:
    """The keys an event is indexed under, each weighing as much as it does per member.

    The profile sums its members' unit vectors, so its heaviest keys weigh more the more
    reports the event holds. Indexed at that weight, a well-covered related event (the
    saga's earlier happening, the gun law after the attack) outranks the report's own
    smaller event and takes its candidate place, and the report is never scored against
    its own story. Per member, the index ranks as the score does (average linkage).
    """
    keys = heaviest_keys(profile.terms, profile.names, INDEX_TERMS, INDEX_NAMES)
    members = max(profile.members, 1)
    return {key: round(weight / members, 4) for key, weight in keys.items()}


def decide(report: ReportFeatures, store: Store) -> Decision:
    """Which event the report belongs to, with the evidence. Call after count_report."""
    reports, frequencies = store.frequencies(keys_of([report]))
    weights = Weights(reports, frequencies)
    terms, names = weights.vectors(report)
    query = heaviest_keys(terms.vector, names.vector, QUERY_TERMS, QUERY_NAMES)
    event_ids = store.candidates(query, report.published_at, CANDIDATES)
    profiles = store.profiles(event_ids)
    scored = sorted(
        ((score(report, terms, names, profile), event_id) for event_id, profile in profiles.items()),
        key=lambda m: (-m[0].score, m[1]),
    )
    threshold = SHORT_THRESHOLD if report.short else THRESHOLD
    considered = [(event_id, match.score) for match, event_id in scored]
    best = scored[0] if scored else None
    if best is not None:
        explain(best[0], report, profiles[best[1]])
    if best is not None and best[0].score >= threshold:
        match, event_id = best
        evidence = match_evidence("joined", match, event_id, store.title(event_id), threshold, scored)
        return Decision("joined", event_id, match.score, evidence, weights, considered)
    status = "review" if report.short else "started"
    if best is None:
        evidence = {
            "decision": status,
            "threshold": threshold,
            "candidates": [],
            "explanation": _no_candidate_sentence(status, dated=report.published_at is not None),
        }
        return Decision(status, None, None, evidence, weights, considered)
    match, event_id = best
    evidence = match_evidence(status, match, event_id, store.title(event_id), threshold, scored)
    return Decision(status, None, match.score, evidence, weights, considered)


KIND_LABELS = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "other": "other names",
}


def match_evidence(
    status: str, match: Match, event_id: int, title: str, threshold: float, scored: list[tuple[Match, int]]
) -> dict:
    grouped: dict[str, list[str]] = {kind: [] for kind in KIND_LABELS}
    for surface, kind in match.shared_names:
        grouped.get(kind, grouped["other"]).append(surface)
    evidence = {
        "decision": status,
        "event_id": event_id,
        "event_title": title,
        "score": match.score,
        "threshold": threshold,
        "term_similarity": match.term_similarity,
        "name_similarity": match.name_similarity,
        "meaning_similarity": match.meaning_similarity,
        "time_factor": match.time_factor,
        "gap_days": match.gap_days,
        "shared_people": grouped["person"],
        "shared_organisations": grouped["organisation"],
        "shared_places": grouped["place"],
        "shared_other_names": grouped["other"],
        "shared_terms": match.shared_terms,
        "same_outlet": match.same_outlet,
        "other_day": match.other_day,
        "other_vote": match.other_vote,
        "other_level": match.other_level,
        "other_stage": match.other_stage,
        "candidates": [{"event_id": eid, "score": m.score} for m, eid in scored[:3]],
    }
    evidence["explanation"] = _sentence(evidence)
    return evidence


def _shared_clause(evidence: dict) -> str:
    parts = []
    for kind, label in KIND_LABELS.items():
        key = "shared_other_names" if kind == "other" else f"shared_{label}"
        if evidence[key]:
            parts.append(f"shared {label} {', '.join(evidence[key][:4])}")
    if evidence["shared_terms"]:
        parts.append(f"shared terms {', '.join(evidence['shared_terms'][:5])}")
    # .get: evidence stored before meaning vectors lacks the key.
    if evidence.get("meaning_similarity") is not None:
        parts.append(f"headline and lead alike in meaning {evidence['meaning_similarity']:.2f}")
    return "; ".join(parts) or "nothing in common"


def _penalty_clause(evidence: dict) -> str:
    """What lowered the score, if anything: "scored down: 10 days apart; ..."."""
    parts = []
    # The stored time factor includes the outlet penalty: the gap counts beyond the grace only.
    if evidence["gap_days"] is not None and evidence["gap_days"] > TIME_GRACE_DAYS:
        parts.append(f"{evidence['gap_days']:g} days apart")
    # .get: evidence stored before these penalties were explained lacks the keys.
    if evidence.get("other_day"):
        parts.append("undated, its lead names another weekday than the event's reports")
    if evidence.get("other_vote"):
        parts.append("its lead gives another vote's count than the event's reports")
    if evidence.get("other_level"):
        parts.append("its lead gives another new rate or level than the event's reports")
    if evidence.get("other_stage"):
        parts.append(
            "without dates to compare, its headline tells another stage of a court case, an election, a bill,"
            " an offer or a nomination than the event's reports"
        )
    if evidence.get("same_outlet"):
        parts.append("the event already has a report from this outlet")
    return f"scored down: {'; '.join(parts)}" if parts else ""


def _sentence(evidence: dict) -> str:
    shared = _shared_clause(evidence)
    penalties = _penalty_clause(evidence)
    nearest = f"event #{evidence['event_id']} \u201c{evidence['event_title']}\u201d"
    if evidence["decision"] == "joined":
        scored_down = f" ({penalties})" if penalties else ""
        return f"grouped because: {shared}; similarity {evidence['score']:.2f}{scored_down}"
    reasons = f"{shared}; {penalties}" if penalties else shared
    if evidence["decision"] == "review":
        return (
            f"left for review: too little text to group on a weak match; the nearest, {nearest}, "
            f"scored {evidence['score']:.2f} ({reasons}), below the {evidence['threshold']:.2f} "
            "needed for a short report"
        )
    return (
        f"started a new event: the nearest, {nearest}, scored {evidence['score']:.2f}, "
        f"below the threshold {evidence['threshold']:.2f} ({reasons})"
    )


def _no_candidate_sentence(status: str, *, dated: bool) -> str:
    where = f"no event within {WINDOW_DAYS} days of its date" if dated else "no event"
    if status == "review":
        return f"left for review: too little text, and {where} shares its rarest terms or names"
    return f"started a new event: {where} shares its rarest terms or names"
