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

from .engine import Weights, match_evidence, report_keys
from .features import ReportFeatures
from .meaning import MeaningSum
from .scoring import text_score
from .similarity import (
    THRESHOLD,
    Match,
    Profile,
    Weighted,
    day_factor,
    explain,
    score,
    settle,
    time_factor,
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
class Refinement:
    moves: list[Move] = field(default_factory=list)
    # The new profile of every event whose membership changed; members == 0: now empty.
    profiles: dict[int, Profile] = field(default_factory=dict)


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
) -> Refinement:
    """Moves among the events in play, and the new profiles of the events they change.

    event_id: the event the report `trigger` is now in; considered: (event id, score) of
    the events its decision scored. trigger is named in the evidence of a report that moves.
    weights: the decision's; reused when the store hands back the very same counts (the
    in-memory store does), which spares weighing again the words members share.
    """
    related = [other for other, score_ in considered if other != event_id and score_ >= RELATED]
    if not related:
        return Refinement()
    event_ids = [event_id, *related]
    loaded = store.profiles(event_ids)
    small = store.members([e for e in event_ids if e in loaded], MAX_MEMBERS)
    members = [m for group in small.values() for m in group]
    keys = {key for m in members for key in report_keys(m.report)}
    reports, frequencies = store.frequencies(keys)
    if weights is None or weights.frequencies is not frequencies or weights.reports != max(reports, 1):
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
            if best.score < THRESHOLD or (current is not None and best.score <= current.score + MOVE_MARGIN):
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
    for origin, move in moved.values():
        if move.to_event != origin:
            result.moves.append(move)
    for group in groups:
        if group.changed:
            result.profiles[group.event_id] = _profile(group, weights)
    return result


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
    return settle(
        text, factor, gap, same_outlet, term_sim, name_sim, term_parts, name_parts, day=day, meaning=meaning
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
    labels = Profile()
    for other in target.members or []:
        labels.labels.update({k: list(v) for k, v in other.report.labels.items()})
        labels.surfaces.update(other.report.surfaces)
    explain(match, member.report, target.profile or labels)
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
