"""Second thoughts: after each decision, reports of the events in play may change event.

Why: one pass in arrival order decides early reports on thin evidence. The first report
of the next happening (the resignation after the scandal, the second recall by one
company) often arrives while the first event holds one or two reports, and joins it;
when its own event forms later, a single pass would never move it. So after every
decision, each automatic report of the events that decision looked at is scored again:
against its own event without itself (leave-one-out average linkage) and against the
other events in play. It moves when another event scores at least the threshold and
more than its own by MOVE_MARGIN; a report alone in its event moves on the threshold
alone, which joins two halves of one story that started apart.

An event can also come apart: when the reports of the event a decision joined fall into two
groups that each tell one story and, between them, clearly do not (pull_apart), the group
without the event's first report leaves for an event of its own. This undoes an early wrong
join that later reports show up: the second story's reports kept arriving, joined the mixed
event for want of a better one, and now outnumber the doubt.

Staff decisions never move, nor do headline-only reports (they join on stricter rules).
Events bigger than MAX_MEMBERS take reports but give none: their members have settled,
and reading them all would make one import cost as much as the biggest event.

Both stores run this same code, so regrouping still equals incremental assignment.
Plain Python; no Django.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from .engine import Weights, keys_of, match_evidence
from .features import ReportFeatures
from .meaning import MeaningSum
from .scoring import text_score
from .similarity import (
    SAME_OUTLET_FACTOR,
    THRESHOLD,
    Match,
    Profile,
    Weighted,
    day_factor,
    explain,
    level_factor,
    score,
    settle,
    stage_factor,
    time_factor,
    vote_factor,
)

MAX_MEMBERS = 12
# Only events the decision found at least this close are put in play: a report far from
# the newcomer's event says its members are far from it too, and most decisions then
# need no second thoughts at all (which keeps regrouping 100,000 reports within bounds).
RELATED = 0.5 * THRESHOLD
PASSES = 3
# A move must gain this much: keeps a report from swinging between two events on a
# rounding difference, and each move from undoing the last.
MOVE_MARGIN = 0.02
# pull_apart: each story keeps at least this many reports, and the two stories must score
# below the threshold with each other and this far below how each scores within itself.
SPLIT_MIN_REPORTS = 2
SPLIT_MARGIN = 0.15


@dataclass(slots=True)
class Member:
    article_id: int
    report: ReportFeatures  # with .outlet set
    # Placed by staff (or outside the scope of a partial regroup): scored, never moved.
    pinned: bool = False


@dataclass(slots=True)
class Move:
    article_id: int
    from_event: int
    to_event: int
    score: float
    evidence: dict


@dataclass(slots=True)
class Split:
    """Reports leaving an event for a new one of their own (pull_apart)."""

    from_event: int
    article_ids: list[int]  # by id; the first one's headline titles the new event until refreshed
    profile: Profile
    scores: dict[int, float]  # article id -> its score with the others that leave with it
    evidence: dict[int, dict]  # article id -> why (its "event_id" is filled in when created)
    between: float = 0.0  # the two stories' score with each other: a near miss links them


@dataclass(slots=True)
class Refinement:
    moves: list[Move] = field(default_factory=list)
    # The new profile of every event whose membership changed; members == 0: now empty.
    profiles: dict[int, Profile] = field(default_factory=dict)
    splits: list[Split] = field(default_factory=list)
    # The weights reconsider scored with, for the next look to reuse (Weights.for_store).
    weights: Weights | None = None


class RefineStore(Protocol):
    def frequencies(self, keys: Iterable[str]) -> tuple[int, dict[str, int]]: ...

    def profiles(self, event_ids: list[int]) -> dict[int, Profile]: ...

    def title(self, event_id: int) -> str: ...

    def members(self, event_ids: list[int], limit: int) -> dict[int, list[Member]]:
        """The members (by id) of those events that have at most `limit` of them."""
        ...


class _Vectors:
    """A member's idf-weighted vectors, and their unit versions' share in group sums."""

    __slots__ = ("names", "terms")

    def __init__(self, report: ReportFeatures, weights: Weights) -> None:
        self.terms, self.names = weights.vectors(report)


class _Group:
    """An event in play. Small events keep the sum of their members' unit vectors (so
    a leave-one-out mean is one subtraction); big ones only their stored profile."""

    def __init__(self, event_id: int, profile: Profile | None) -> None:
        self.event_id = event_id
        self.profile = profile  # big events only
        self.members: list[Member] = []
        self.terms: dict[str, float] = {}
        self.names: dict[str, float] = {}
        self.outlets: Counter[int] = Counter()
        self.dates: list = []
        self.days: Counter[str] = Counter()
        self.tallies: Counter[str] = Counter()
        self.levels: Counter[str] = Counter()
        self.stages: Counter[str] = Counter()
        self.named = 0  # members naming anyone
        self.meaning = MeaningSum()
        self.changed = False

    @property
    def size(self) -> int:
        return self.profile.members if self.profile is not None else len(self.members)

    def add(self, member: Member, vectors: _Vectors) -> None:
        self.members.append(member)
        self._sum(vectors, 1.0)
        report = member.report
        if report.outlet is not None:
            self.outlets[report.outlet] += 1
        if report.published_at is not None:
            self.dates.append(report.published_at)
            self.dates.sort()
        self.days.update(report.days)
        self.tallies.update(report.tallies)
        self.levels.update(report.levels)
        self.stages.update(report.stages)
        self.named += bool(vectors.names.vector)
        self.meaning.add(report.meaning)

    def remove(self, member: Member, vectors: _Vectors) -> None:
        self.members.remove(member)
        self._sum(vectors, -1.0)
        report = member.report
        if report.outlet is not None:
            self.outlets[report.outlet] -= 1
        if report.published_at is not None:
            self.dates.remove(report.published_at)
        self.days.subtract(report.days)
        self.tallies.subtract(report.tallies)
        self.levels.subtract(report.levels)
        self.stages.subtract(report.stages)
        self.named -= bool(vectors.names.vector)
        self.meaning.add(report.meaning, -1.0)

    def _sum(self, vectors: _Vectors, sign: float) -> None:
        for target, weighted in ((self.terms, vectors.terms), (self.names, vectors.names)):
            if not weighted.norm:
                continue
            for key, weight in weighted.vector.items():
                target[key] = target.get(key, 0.0) + sign * weight / weighted.norm


def reconsider(
    store: RefineStore,
    event_id: int,
    considered: list[tuple[int, float]],
    trigger: int,
    weights: Weights | None = None,
    *,
    size: int,
    margin: float = MOVE_MARGIN,
) -> Refinement:
    """Moves among the events in play, the reports that leave for an event of their own,
    and the new profiles of the events they change.

    event_id: the event the report `trigger` is now in, which holds `size` reports;
    considered: (event id, score) of the events its decision scored. trigger is named in
    the evidence of a report that moves.
    weights: the decision's; reused when the store hands back the very same counts (the
    in-memory store does), which spares weighing again the words members share.
    """
    related = [other for other, score_ in considered if other != event_id and score_ >= RELATED]
    if not related and not 2 * SPLIT_MIN_REPORTS <= size <= MAX_MEMBERS:
        return Refinement()  # nothing to move to, and no story to pull apart
    event_ids = [event_id, *related]
    loaded = store.profiles(event_ids)
    small = store.members([e for e in event_ids if e in loaded], MAX_MEMBERS)
    members = [m for group in small.values() for m in group]
    reports, frequencies = store.frequencies(keys_of(m.report for m in members))
    if weights is None or not weights.counts_of(reports, frequencies):
        weights = Weights(reports, frequencies)
    vectors = {m.article_id: _Vectors(m.report, weights) for m in members}

    groups: list[_Group] = []
    where: dict[int, _Group] = {}
    for in_play in event_ids:
        if in_play not in loaded:
            continue
        profile = loaded[in_play]
        if in_play in small:
            group = _Group(in_play, None)
            for member in small[in_play]:
                group.add(member, vectors[member.article_id])
                where[member.article_id] = group
        else:
            # A copy: the store's own profile object must not change under it.
            group = _Group(in_play, Profile.from_json(profile.to_json(), profile.first, profile.last))
        groups.append(group)

    movable = sorted((m for m in members if not m.pinned and not m.report.short), key=lambda m: m.article_id)
    moved: dict[int, tuple[int, Move]] = {}  # article id -> (first event, latest move)
    for _ in range(PASSES):
        changed = False
        for member in movable:
            own = where[member.article_id]
            if own.profile is not None:
                continue  # moved into a big event: settled there
            current = _match(member, vectors[member.article_id], own)
            scored = [
                (_match(member, vectors[member.article_id], group), group)
                for group in groups
                if group is not own and group.size
            ]
            if not scored:
                continue
            best, target = max(scored, key=lambda pair: pair[0].score)  # first wins ties
            if best.score < THRESHOLD or (current is not None and best.score <= current.score + margin):
                continue
            title = store.title(target.event_id)
            move = _move_evidence(
                member, vectors[member.article_id], own, target, title, current, scored, trigger
            )
            origin = moved[member.article_id][0] if member.article_id in moved else own.event_id
            moved[member.article_id] = (origin, move)
            own.remove(member, vectors[member.article_id])
            own.changed = True
            _join(target, member, vectors[member.article_id], weights)
            where[member.article_id] = target
            changed = True
        if not changed:
            break

    result = Refinement()
    own_group = next((g for g in groups if g.event_id == event_id), None)
    if own_group is not None and own_group.profile is None:
        split = pull_apart(own_group, vectors, trigger)
        if split is not None:
            leaving, scores = split
            for member in leaving:
                own_group.remove(member, vectors[member.article_id])
                moved.pop(member.article_id, None)  # its move, if any, ends in the new event
            own_group.changed = True
            result.splits.append(_split(event_id, leaving, vectors, weights, trigger, scores))
    for origin, move in moved.values():
        if move.to_event != origin:
            result.moves.append(move)
    for group in groups:
        if group.changed:
            result.profiles[group.event_id] = _profile(group, weights)
    result.weights = weights
    return result


def pull_apart(
    group: "_Group", vectors: dict[int, "_Vectors"], trigger: int
) -> tuple[list[Member], tuple[float, float, float]] | None:
    """Whether the group's reports tell two stories: (the reports that leave, (the mean score
    within the staying and the leaving story, the mean score between them)), or None.

    The reports are clustered in two by average linkage over their pairwise scores (text,
    time; not the outlet, since one outlet's follow-up is no other story). The story holding
    the event's first report stays. Nothing comes apart unless each story holds
    SPLIT_MIN_REPORTS reports, scores at least the threshold within itself, and the two score
    below the threshold with each other and SPLIT_MARGIN below either story within itself;
    the leaving story holds no staff decision and no headline-only report, and holds the
    report whose arrival prompted the look (older reports had their say when they came),
    which scores SPLIT_MARGIN below its closest report with at least SPLIT_MIN_REPORTS others.
    """
    members = sorted(group.members, key=lambda m: m.article_id)
    if len(members) < 2 * SPLIT_MIN_REPORTS:
        return None
    n = len(members)
    pair = [[1.0] * n for _ in range(n)]
    # The newcomer shows the rift: at least as many of the event's reports as a story needs
    # score SPLIT_MARGIN below its closest one. Most decisions stop here, at n - 1 scores, not n².
    t = next((k for k, m in enumerate(members) if m.article_id == trigger), None)
    if t is None:
        return None
    for k in range(n):
        if k != t:
            pair[t][k] = pair[k][t] = _pair_score(members[t], members[k], vectors)
    closest = max(pair[t][k] for k in range(n) if k != t)
    if sum(pair[t][k] <= closest - SPLIT_MARGIN for k in range(n) if k != t) < SPLIT_MIN_REPORTS:
        return None
    for i in range(n):
        for j in range(i + 1, n):
            if t not in (i, j):
                pair[i][j] = pair[j][i] = _pair_score(members[i], members[j], vectors)
    clusters = [[k] for k in range(n)]
    while len(clusters) > 2:
        best = max(
            ((a, b) for a in range(len(clusters)) for b in range(a + 1, len(clusters))),
            key=lambda ab: (_linkage(pair, clusters[ab[0]], clusters[ab[1]]), -ab[0], -ab[1]),
        )
        a, b = best
        clusters[a] = sorted(clusters[a] + clusters[b])
        del clusters[b]
    staying, leaving = sorted(clusters, key=lambda c: c[0])  # the first report stays
    if min(len(staying), len(leaving)) < SPLIT_MIN_REPORTS:
        return None
    leavers = [members[k] for k in leaving]
    if trigger not in {m.article_id for m in leavers} or any(m.pinned or m.report.short for m in leavers):
        return None
    within_staying, within_leaving = _cohesion(pair, staying), _cohesion(pair, leaving)
    between = _linkage(pair, staying, leaving)
    if (
        min(within_staying, within_leaving) < THRESHOLD
        or between >= THRESHOLD
        or between > min(within_staying, within_leaving) - SPLIT_MARGIN
    ):
        return None
    return leavers, (within_staying, within_leaving, between)


def _pair_score(a: Member, b: Member, vectors: dict[int, "_Vectors"]) -> float:
    """Two reports' score with each other, as if b were an event of one (outlet aside)."""
    alone = _Group(-1, None)
    alone.add(b, vectors[b.article_id])
    match = _match(a, vectors[a.article_id], alone)
    assert match is not None
    return match.score / SAME_OUTLET_FACTOR if match.same_outlet else match.score


def _below(score: float) -> str:
    """A score under the threshold, with the digits it takes to read as under it (0.446, not 0.45)."""
    return f"{score:.2f}" if round(score, 2) < THRESHOLD else f"{score:.3f}"


def _linkage(pair: list[list[float]], a: list[int], b: list[int]) -> float:
    return sum(pair[i][j] for i in a for j in b) / (len(a) * len(b))


def _cohesion(pair: list[list[float]], cluster: list[int]) -> float:
    pairs = [(i, j) for k, i in enumerate(cluster) for j in cluster[k + 1 :]]
    return sum(pair[i][j] for i, j in pairs) / len(pairs) if pairs else 1.0


def split_evidence(split: Split, article_id: int, event_id: int, title: str) -> dict:
    """A leaving report's evidence, naming the new event (its id and first title)."""
    return {**split.evidence[article_id], "event_id": event_id, "event_title": title}


def _split(
    from_event: int,
    leaving: list[Member],
    vectors: dict[int, "_Vectors"],
    weights: Weights,
    trigger: int,
    scores: tuple[float, float, float],
) -> Split:
    """The new event's profile, and each leaving report's score and evidence within it."""
    group = _Group(-1, None)
    for member in leaving:
        group.add(member, vectors[member.article_id])
    staying_score, leaving_score, between = scores
    result = Split(from_event, [m.article_id for m in leaving], _profile(group, weights), {}, {}, between)
    labels = _labels_of(leaving)
    for member in leaving:
        match = _match(member, vectors[member.article_id], group, parts=True)
        assert match is not None
        explain(match, member.report, labels)
        evidence = match_evidence("joined", match, 0, "", THRESHOLD, [])
        evidence["split_from_event_id"] = from_event
        evidence["moved_after_article_id"] = trigger
        evidence["explanation"] = (
            f"left event #{from_event} with {len(leaving) - 1} other "
            f"report{'s' if len(leaving) != 2 else ''} when a related report arrived: they tell one "
            f"story (scoring {leaving_score:.2f} among themselves), the event's other reports "
            f"another ({staying_score:.2f}), and the two only {_below(between)} with each other, "
            f"under the {THRESHOLD:.2f} a report needs to join; "
            f"{evidence['explanation']}"
        )
        result.scores[member.article_id] = match.score
        result.evidence[member.article_id] = evidence
    return result


def _labels_of(members: list[Member]) -> Profile:
    """A profile holding only the members' readable names and words, for explain()."""
    labels = Profile()
    for other in members:
        labels.labels.update({k: list(v) for k, v in other.report.labels.items()})
        labels.surfaces.update(other.report.surfaces)
    return labels


def _join(group: _Group, member: Member, vectors: _Vectors, weights: Weights) -> None:
    group.changed = True
    if group.profile is not None:
        group.profile.add(member.report, *weights.vectors(member.report))
    else:
        group.add(member, vectors)


def _profile(group: _Group, weights: Weights) -> Profile:
    """The event's stored profile, built as rebuild_event builds it (members by id)."""
    if group.profile is not None:
        return group.profile
    profile = Profile()
    for member in sorted(group.members, key=lambda m: m.article_id):
        profile.add(member.report, *weights.vectors(member.report))
    return profile


def _match(member: Member, vectors: _Vectors, group: _Group, *, parts: bool = False) -> Match | None:
    """score() of the member against the group without itself; None if it is alone.

    Small groups are scored from their sums, to the same formula as score() against a
    profile: the mean cosine with the (other) members, names mixed in, time, outlet.
    """
    if group.profile is not None:
        return score(member.report, vectors.terms, vectors.names, group.profile)
    own = member in group.members
    others = len(group.members) - own
    if others <= 0:
        return None
    report = member.report
    term_sim, term_parts = _mean_cosine(vectors.terms, group.terms, others, own, parts)
    name_sim, name_parts = _mean_cosine(vectors.names, group.names, others, own, parts)
    named_others = group.named - (own and bool(vectors.names.vector))
    meaning = group.meaning.cosines(report.meaning, without=report.meaning if own else None)
    both_named = bool(report.names) and named_others > 0
    text = text_score(term_sim, name_sim, names_on_both_sides=both_named, meaning=meaning)
    dates = list(group.dates)
    if own and report.published_at is not None:
        dates.remove(report.published_at)
    factor, gap = time_factor(report.published_at, dates[0] if dates else None, dates[-1] if dates else None)
    day = 1.0
    if gap is None:
        days = group.days - Counter(report.days) if own else group.days
        day = day_factor(report, days, dated_event=bool(dates))
    same_outlet = report.outlet is not None and group.outlets[report.outlet] - own > 0
    tallies = group.tallies - Counter(report.tallies) if own else group.tallies
    vote = vote_factor(report.tallies, tallies)
    levels = group.levels - Counter(report.levels) if own else group.levels
    level = level_factor(report.levels, levels)
    stages = group.stages - Counter(report.stages) if own else group.stages
    stage = 1.0 if gap is not None else stage_factor(report.stages, stages)
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


def _mean_cosine(
    vector: Weighted, sums: dict[str, float], others: int, own: bool, parts: bool
) -> tuple[float, list[tuple[float, str]]]:
    """Mean cosine of a vector with the unit vectors summed in `sums` (without its own)."""
    if not vector.norm:
        return 0.0, []
    dot = 0.0
    contributions = []
    for key, weight in vector.vector.items():
        other = sums.get(key)
        if other is None:
            continue
        if own:
            other -= weight / vector.norm
        if other > 1e-12:
            dot += weight * other
            if parts:
                contributions.append((weight * other, key))
    contributions.sort(key=lambda pk: (-pk[0], pk[1]))
    return max(dot, 0.0) / (vector.norm * others), contributions


def _move_evidence(
    member: Member,
    vectors: _Vectors,
    own: _Group,
    target: _Group,
    title: str,
    current: Match | None,
    scored: list[tuple[Match, _Group]],
    trigger: int,
) -> Move:
    match = _match(member, vectors, target, parts=True)
    assert match is not None
    explain(match, member.report, target.profile or _labels_of(target.members))
    ranked = sorted(
        [(m, g.event_id) for m, g in scored] + ([(current, own.event_id)] if current else []),
        key=lambda item: (-item[0].score, item[1]),
    )
    evidence = match_evidence("joined", match, target.event_id, title, THRESHOLD, ranked)
    evidence["moved_from_event_id"] = own.event_id
    evidence["moved_after_article_id"] = trigger
    stayed = (
        f"its own event scored {current.score:.2f} without it"
        if current is not None
        else "it was alone in its event"
    )
    evidence["explanation"] = (
        f"moved here from event #{own.event_id} when a related report arrived ({stayed}); "
        f"{evidence['explanation']}"
    )
    return Move(member.article_id, own.event_id, target.event_id, match.score, evidence)
