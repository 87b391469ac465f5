"""Scoring a report against an event profile, and the sentence that explains the score.

Plain Python. The score combines
- the mean cosine with the event's members of idf-weighted terms (words and two-word
  phrases; average linkage, computed from the summed profile),
- the same of idf-weighted names (people, organisations, places),
- the mean cosine of the meaning vectors of headline and lead, and of the whole text,
  combined by a fitted logistic regression (scoring.py), and
- time proximity when both sides have dates: reports days apart are the same story
  at most; months apart, a different one even with the same leaders and words;
- when neither side has a date, a mild penalty when both name weekdays in their leads
  and none in common (the bill's first reading on Tuesday, its passage on Thursday);
- dated or not, a penalty when both state a vote's count in their leads and no count is the
  same (the deal's defeat by 432 to 202, the confidence vote won by 325 to 306 the next day);
- dated or not, a penalty when both give a rate's new value in their leads and no value is the
  same (the cash rate cut to 2.75%, then a week later to 2%);
- when the two sides' dates cannot be compared, a penalty when both headlines tell a stage of one kind
  of saga (a court case, a two-round election, a bill, an offer, a nomination) and none in common (the
  arrest, then bail; the verdict, then the sentence; the chamber's vote, then the signature; an offer
  rejected, then accepted; a nominee's committee vote, then the confirmation).
"""

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from .features import SAGA_OF_STAGE, ReportFeatures, heaviest, stem, tokens
from .meaning import MeaningSum
from .scoring import THRESHOLDS, text_score

# Decision threshold on the combined score (0..1): the fitted probability that the texts tell
# the same story (scoring.py), times the time, weekday and outlet factors. Chosen on the
# development corpora by eval/grouping/fit_grouping.py.
THRESHOLD = THRESHOLDS["join"]
# A headline-only report joins only on strong evidence: most of its (idf-weighted) words
# found in the event, and at least two names in common. Otherwise staff review it.
SHORT_THRESHOLD = 0.5
SHORT_MIN_NAMES = 2
# Reports within this many days of an event's first report are close in time; beyond,
# the score decays exponentially with this constant (days).
TIME_GRACE_DAYS = 1.5
TIME_DECAY_DAYS = 2.0
# Multiplies the score when the event already holds a report from the same outlet.
SAME_OUTLET_FACTOR = 0.5
# Multiplies the score when neither side has a publication date, both name weekdays in
# their leads (features.day_cues), and no weekday is common: reports of one happening
# name its day; the next day's follow-up names the next one.
DAY_MISMATCH_FACTOR = 0.7
# Multiplies the score when the report's lead states a vote's count (features.vote_tallies),
# the event's reports state some, and none is the same within VOTE_TOLERANCE: every report of
# one vote gives its count, and a saga's next vote (the confidence motion the day after the
# budget's defeat) has another. Dated or not: the two votes are often a day apart.
VOTE_MISMATCH_FACTOR = 0.5
# Reports of one vote may differ by a vote (one outlet counts a late or spoiled vote): figures
# within 1% (at least one vote) are the same figure.
VOTE_TOLERANCE = 0.01
# Multiplies the score when the report's lead gives a rate's or level's new value
# (features.new_levels), the event's reports give some, and none is the same: every report of
# a rate decision gives the rate it was set to, and the saga's next decision sets another
# (the Fed's cut to 2-2.25%, then to 1.75-2%). As strong as the vote cue, for the same reason.
LEVEL_MISMATCH_FACTOR = 0.5
# Multiplies the score when the report or the event has no publication date (so the time factor
# cannot tell), the report's headline tells a stage of a court case, a two-round election, a bill,
# an offer or a nomination (features.stages), the event's reports' headlines tell stages of the same kind of
# saga, and none is the same: every outlet's headline of a bail hearing says bail, and the
# arrest's say arrested or detained, while both leads tell the arrest. With dates on both sides the time factor decides (the
# sentence comes weeks after the verdict).
STAGE_MISMATCH_FACTOR = 0.5
# Cap of the profile (centroid) size: the heaviest terms and names are kept.
PROFILE_TERMS = 200
PROFILE_NAMES = 60


@dataclass(slots=True)
class Profile:
    """An event's centroid: the sum of its members' unit tf-idf vectors (terms, names).

    Each member is weighed with the idf of the moment it joined, so scoring a newcomer
    needs no idf for the event's side: its cost depends on the newcomer's size alone.
    """

    terms: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)
    surfaces: dict[str, str] = field(default_factory=dict)
    members: int = 0
    outlets: list[int] = field(default_factory=list)
    first: datetime | None = None
    last: datetime | None = None
    # Weekday -> how many members name it in their lead (features.day_cues).
    days: dict[str, int] = field(default_factory=dict)
    # The sum of the members' meaning vectors (meaning.py).
    meaning: MeaningSum = field(default_factory=MeaningSum)
    # Vote count -> how many members state it in their lead (features.vote_tallies).
    tallies: dict[str, int] = field(default_factory=dict)
    # New value -> how many members give it in their lead (features.new_levels).
    levels: dict[str, int] = field(default_factory=dict)
    # Stage -> how many members' headlines tell it (features.stages).
    stages: dict[str, int] = field(default_factory=dict)

    def add(self, report: ReportFeatures, terms: "Weighted", names: "Weighted") -> None:
        """Add a member: its features, and its vectors weighted with the current idf."""
        _add_capped(self.terms, terms, PROFILE_TERMS)
        names_cut = _add_capped(self.names, names, PROFILE_NAMES)
        labels = self.labels
        for key, (surface, kind) in report.labels.items():
            if key in self.names and key not in labels:
                labels[key] = [surface, kind]
        if names_cut:
            self.labels = {k: v for k, v in labels.items() if k in self.names}
        for stemmed, raw in report.surfaces.items():
            if stemmed in self.terms:
                self.surfaces.setdefault(stemmed, raw)
        self.surfaces = {k: v for k, v in self.surfaces.items() if k in self.terms}
        self.members += 1
        if report.outlet is not None and report.outlet not in self.outlets:
            self.outlets.append(report.outlet)
        for day in report.days:
            self.days[day] = self.days.get(day, 0) + 1
        self.meaning.add(report.meaning)
        for tally in report.tallies:
            self.tallies[tally] = self.tallies.get(tally, 0) + 1
        for level in report.levels:
            self.levels[level] = self.levels.get(level, 0) + 1
        for stage in report.stages:
            self.stages[stage] = self.stages.get(stage, 0) + 1
        when = report.published_at
        if when is not None:
            self.first = when if self.first is None else min(self.first, when)
            self.last = when if self.last is None else max(self.last, when)

    def to_json(self) -> dict:
        data = {
            "t": self.terms,
            "n": self.names,
            "l": self.labels,
            "u": self.surfaces,
            "m": self.members,
            "o": self.outlets,
        }
        if self.days:
            data["d"] = self.days
        meaning = self.meaning.to_json()
        if meaning is not None:
            data["v"] = meaning
        if self.tallies:
            data["y"] = self.tallies
        if self.levels:
            data["r"] = self.levels
        if self.stages:
            data["g"] = self.stages
        return data

    @classmethod
    def from_json(cls, data: dict, first: datetime | None, last: datetime | None) -> "Profile":
        profile = cls(
            terms=data.get("t", {}),
            names=data.get("n", {}),
            labels=data.get("l", {}),
            surfaces=data.get("u", {}),
            members=data.get("m", 0),
            outlets=data.get("o", []),
            # Profiles stored before day cues have none: no cue, no effect.
            days=dict(data.get("d", {})),
            meaning=MeaningSum.from_json(data.get("v")),
            # Profiles stored before vote tallies have none: no cue, no effect.
            tallies=dict(data.get("y", {})),
            # Profiles stored before new levels have none: no cue, no effect.
            levels=dict(data.get("r", {})),
            # Profiles stored before stages have none: no cue, no effect.
            stages=dict(data.get("g", {})),
            first=first,
            last=last,
        )
        return profile


def _add_capped(target: dict[str, float], weighted: "Weighted", cap: int) -> bool:
    """Add a unit vector to a profile's sums, keep the `cap` heaviest; True if any was cut."""
    norm = weighted.norm or 1.0
    get = target.get
    for key, weight in weighted.vector.items():
        target[key] = round(get(key, 0.0) + weight / norm, 5)
    if len(target) <= cap:
        return False
    kept = heaviest(target, cap)
    target.clear()
    target.update(kept)
    return True


@dataclass(slots=True)
class Match:
    score: float
    term_similarity: float
    name_similarity: float
    time_factor: float
    gap_days: float | None
    # Shared keys by contribution; turned into readable lists by explain(), which is
    # run for the best candidate only.
    term_parts: list[tuple[float, str]]
    name_parts: list[tuple[float, str]]
    shared_terms: list[str] = field(default_factory=list)
    shared_names: list[tuple[str, str]] = field(default_factory=list)  # (surface, kind)
    # The penalties applied, for the explanation: the event already has this outlet's
    # report; undated, the report's lead names only other weekdays than the event's.
    same_outlet: bool = False
    other_day: bool = False
    # Mean cosine of the headline-and-lead meaning vectors; None without vectors.
    meaning_similarity: float | None = None
    # Both leads state a vote's count, and no count is the same (vote_factor).
    other_vote: bool = False
    # Both leads give a rate's new value, and no value is the same (level_factor).
    other_level: bool = False
    # A side undated, both headlines tell a stage of a saga, none the same (stage_factor).
    other_stage: bool = False


def time_factor(
    when: datetime | None, first: datetime | None, last: datetime | None
) -> tuple[float, float | None]:
    """(factor, gap in days); 1.0 with no gap when either side has no date.

    The gap is measured from the event's first report, not its latest: a story's
    coverage clusters around the happening, and measuring from the latest report
    would let a chain of follow-ups drift into the next happening.
    """
    if when is None or first is None:
        return 1.0, None
    gap = abs((when - first).total_seconds()) / 86400
    return decay(gap), gap


def decay(gap_days: float) -> float:
    """1.0 within TIME_GRACE_DAYS, then exponential with TIME_DECAY_DAYS."""
    if gap_days <= TIME_GRACE_DAYS:
        return 1.0
    return math.exp(-(gap_days - TIME_GRACE_DAYS) / TIME_DECAY_DAYS)


def day_factor(report: ReportFeatures, event_days: Mapping[str, int], *, dated_event: bool) -> float:
    """DAY_MISMATCH_FACTOR when neither side is dated and their weekday cues are disjoint.

    event_days: weekday -> members naming it (zero counts are ignored). 1.0 otherwise:
    with a date on either side the time factor decides, and a side without cues says nothing.
    """
    if report.published_at is not None or dated_event or not report.days:
        return 1.0
    if not any(count > 0 for count in event_days.values()):
        return 1.0
    if any(event_days.get(day, 0) > 0 for day in report.days):
        return 1.0
    return DAY_MISMATCH_FACTOR


def vote_factor(report_tallies: list[str], event_tallies: Mapping[str, int]) -> float:
    """VOTE_MISMATCH_FACTOR when both sides state vote counts and none is the same count.

    event_tallies: count -> members stating it (zero counts are ignored). 1.0 when either side
    states none: most reports of a vote that give no count say nothing either way.
    """
    return _none_shared(report_tallies, event_tallies, _same_count, VOTE_MISMATCH_FACTOR)


def level_factor(report_levels: list[str], event_levels: Mapping[str, int]) -> float:
    """LEVEL_MISMATCH_FACTOR when both sides give new values of a rate or level and none is the
    same value. event_levels: value -> members giving it (zero counts are ignored). 1.0 when
    either side gives none: a report of the decision that names no figure says nothing either way.
    """
    return _none_shared(report_levels, event_levels, str.__eq__, LEVEL_MISMATCH_FACTOR)


def stage_factor(report_stages: list[str], event_stages: Mapping[str, int]) -> float:
    """STAGE_MISMATCH_FACTOR when both headlines tell stages of one kind of saga (a court case or
    an election, a bill, an offer: features.SAGA_OF_STAGE) and no stage is the same (the caller
    applies it only where the time factor cannot tell). event_stages: stage -> members telling it
    (zero counts are ignored). 1.0 otherwise: a headline that tells no stage (an analysis, a
    market's reaction) says nothing either way, nor do stages of two kinds of saga ("rebels sign
    a ceasefire" against "ceasefire agreed": a bill's word and an offer's for one happening)."""
    stated = [stage for stage, members in event_stages.items() if members > 0]
    if not report_stages or not stated or set(report_stages) & set(stated):
        return 1.0
    ours = {SAGA_OF_STAGE.get(stage, stage) for stage in report_stages}
    if not ours & {SAGA_OF_STAGE.get(stage, stage) for stage in stated}:
        return 1.0
    return STAGE_MISMATCH_FACTOR


def _none_shared(
    ours: list[str], theirs: Mapping[str, int], same: Callable[[str, str], bool], factor: float
) -> float:
    """`factor` when the report and the event (value -> members stating it) each state values
    and none of the report's is the same as one of the event's; 1.0 otherwise."""
    stated = [value for value, members in theirs.items() if members > 0]
    if not ours or not stated or any(same(a, b) for a in ours for b in stated):
        return 1.0
    return factor


def _same_count(a: str, b: str) -> bool:
    """ "17-84" and "17-83", or "287-312" and "260-312", are one vote's count as two outlets
    gave it: one figure in common is enough, since an outlet may misreport the other (the
    comparison flags that conflict; grouping must not split the event over it). "110-116" and
    "112-118", "202-432" and "306-325" are two votes."""
    return any(
        abs(x - y) <= max(1.0, VOTE_TOLERANCE * max(x, y))
        for x, y in zip(map(int, a.split("-")), map(int, b.split("-")), strict=True)
    )


@dataclass(slots=True)
class Weighted:
    """A report's vector with idf applied, and its length: computed once per decision."""

    vector: dict[str, float]
    norm: float

    @classmethod
    def of(cls, raw: Mapping[str, float], idf: Callable[[str], float]) -> "Weighted":
        vector = {key: weight * idf(key) for key, weight in raw.items()}
        return cls(vector, math.sqrt(sum(w * w for w in vector.values())))


def _cosine(
    a: Weighted, b: Mapping[str, float], b_norm: float
) -> tuple[float, list[tuple[float, str]], float]:
    """(cosine, shared keys by contribution, share of a's weight that b also has)."""
    if not a.vector or not b or a.norm == 0 or b_norm == 0:
        return 0.0, [], 0.0
    contributions = []
    dot = 0.0
    covered = 0.0
    for key, weight in a.vector.items():
        other = b.get(key)
        if other is not None:
            part = weight * other
            dot += part
            contributions.append((part, key))
            covered += weight * weight
    contributions.sort(key=lambda pk: (-pk[0], pk[1]))
    return dot / (a.norm * b_norm), contributions, covered / (a.norm * a.norm)


def score(report: ReportFeatures, terms: Weighted, names: Weighted, profile: Profile) -> Match:
    """terms/names: the report's vectors weighted with the current idf (Weighted.of)."""
    # The profile sums its members' unit vectors, so dividing the dot product by the member
    # count gives the mean of the cosines with each member (average linkage). Dividing by
    # the centroid's length instead (plain centroid cosine) favours big events, whose
    # length grows more slowly than their member count: a follow-up story then joins the
    # well-covered event it follows.
    members = float(profile.members or 1)
    term_sim, term_parts, covered = _cosine(terms, profile.terms, members)
    name_sim, name_parts, _ = _cosine(names, profile.names, members)
    meaning = profile.meaning.cosines(report.meaning)
    if report.short:
        # Cosine against a whole event is low for a headline by nature; what counts is
        # whether what little it says is all there, names included.
        text = covered if len(name_parts) >= SHORT_MIN_NAMES else 0.0
    else:
        both_named = bool(report.names and profile.names)
        text = text_score(term_sim, name_sim, names_on_both_sides=both_named, meaning=meaning)
    factor, gap = time_factor(report.published_at, profile.first, profile.last)
    day = 1.0 if gap is not None else day_factor(report, profile.days, dated_event=profile.first is not None)
    same_outlet = report.outlet is not None and report.outlet in profile.outlets
    vote = vote_factor(report.tallies, profile.tallies)
    level = level_factor(report.levels, profile.levels)
    stage = 1.0 if gap is not None else stage_factor(report.stages, profile.stages)
    return settle(
        text,
        factor,
        gap,
        same_outlet,
        term_sim,
        name_sim,
        term_parts,
        name_parts,
        day=day,
        vote=vote,
        level=level,
        stage=stage,
        meaning=meaning,
    )


def settle(
    text: float,
    factor: float,
    gap: float | None,
    same_outlet: bool,
    term_sim: float,
    name_sim: float,
    term_parts: list[tuple[float, str]],
    name_parts: list[tuple[float, str]],
    *,
    day: float = 1.0,
    vote: float = 1.0,
    level: float = 1.0,
    stage: float = 1.0,
    meaning: tuple[float, float] | None = None,
) -> Match:
    """The match: text similarity times the time factor, the weekday factor of undated
    reports (day_factor), the vote-count factor (vote_factor), the new-level factor (level_factor),
    the stage factor of undated reports (stage_factor) and the same-outlet penalty."""
    factor *= day * vote * level * stage
    if same_outlet:
        # An outlet seldom files two reports of one happening; its second report on the
        # same actors is more often the next happening (the resignation after the scandal).
        factor *= SAME_OUTLET_FACTOR
    return Match(
        score=round(text * factor, 4),
        term_similarity=round(term_sim, 4),
        name_similarity=round(name_sim, 4),
        time_factor=round(factor, 4),
        gap_days=None if gap is None else round(gap, 1),
        term_parts=term_parts,
        name_parts=name_parts,
        same_outlet=same_outlet,
        other_day=day < 1.0,
        other_vote=vote < 1.0,
        other_level=level < 1.0,
        other_stage=stage < 1.0,
        meaning_similarity=None if meaning is None else round(meaning[0], 4),
    )


def explain(match: Match, report: ReportFeatures, profile: Profile) -> Match:
    """Fill in the readable shared names and terms of a match."""
    shared_names: list[tuple[str, str]] = []
    for _, key in match.name_parts:
        surface, kind = report.labels.get(key) or profile.labels.get(key) or (key, "other")
        # "Trump" adds nothing next to "Donald Trump".
        if any(surface in other.split() or surface in other.split("-") for other, _ in shared_names):
            continue
        shared_names = [(o, k) for o, k in shared_names if o not in surface.split()]
        shared_names.append((surface, kind))
        if len(shared_names) >= 12:
            break
    name_words = {stem(w) for surface, _ in shared_names for w in tokens(surface) if w}
    match.shared_names = shared_names
    match.shared_terms = _readable_terms(match.term_parts, report, profile, name_words)
    return match


def _readable_terms(
    parts: list[tuple[float, str]], report: ReportFeatures, profile: Profile, name_words: set[str]
) -> list[str]:
    """The top shared terms in readable form, without repeating the shared names."""
    out: list[str] = []
    for _, term in parts:
        if all(w in name_words for w in term.split(" ")):
            continue
        words = [report.surfaces.get(w) or profile.surfaces.get(w) or w for w in term.split(" ")]
        readable = " ".join(words)
        if any(readable in o for o in out):
            continue
        out = [o for o in out if o not in readable]
        out.append(readable)
        if len(out) >= 6:
            break
    return out
