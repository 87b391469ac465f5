"""A look for events that are possibly the same story, once a run of reports is grouped.

Why: a decision links its report's event with the events it scored near the threshold
(near_misses.record), but only with the events there at that moment. When grouping splits one
happening in two, the angle that stays apart (the markets' reaction, a local or a partisan
report, an explainer) is most often decided before or after its story's event has the reports it
would score near, or never scores that event at all: on the development corpora, dated, none of
the split pairs was linked (eval/RESULTS.md, session 25). An event page then lists as "not
covered by" an outlet whose report sits in the other half.

So once the run is grouped (after the last look and the closing second thoughts), each dated
event of the run holding at most LINK_MEMBERS reports, the side an angle leaves behind, asks the
index for the events near each of its reports, as the last look does, and keeps those whose
first report is within LINK_DAYS of its own: angles of one happening are written within hours of
each other, while a saga's next happening (the second night of strikes, the resignation the day
after the leak, the committee's vote after the hearing) comes a day or more later, where its
scores are often far higher than an angle's. Each pair is scored with the grouping's own
evidence, every member of one side against the other side rebuilt from its members with the
frequencies of now (as the last look scores), and linked when the best score reaches LINK_LINE.

Undated events take no part: without the hours, a saga's next happening scores as high as an
angle (eval/RESULTS.md, session 25), and decisions keep linking them at the near-miss line.

Both stores run this same code at the end of a run (batched.look_again, regroup), so an import
and a regroup of it link the same events. Plain Python; no Django.
"""

from collections.abc import Iterable
from datetime import datetime

from .engine import QUERY_NAMES, QUERY_TERMS, Weights, heaviest_keys, index_keys, keys_of
from .last_look import DATED_LOOK_DAYS, LOOK_CANDIDATES, LookStore
from .refine import MAX_MEMBERS, Member
from .similarity import Profile, score

# The side an angle leaves behind holds one or two reports: a markets report alone, or a pair of
# columns. Bigger events are looked at from that smaller side (a candidate may be any size).
LINK_MEMBERS = 2
# Both events' first reports within half a day: one news cycle, as for the last look's dated
# route. On the development corpora every different happening scoring 0.2 or more against an
# event was 0.88 days or more from it, and 11 of the 13 split halves scoring 0.1 or more were
# 0.51 days apart at most (the other two 0.69 and 1.05 days: a tabloid, a next-day column).
LINK_DAYS = DATED_LOOK_DAYS
# The best score, member against event, that links two events of one news cycle. A link is a
# softer claim than a join: it shows a line on both pages and keeps an outlet off "not covered
# by", and staff decide. Since session 26 the last look's dated line is the same (a report alone
# joins an event of its hours at 0.2 when it leads every rival of its news cycle twice over), so
# links are left between events of two reports, and where a rival of the same hours came close. The closest pair of
# different happenings of one day on the development corpora scored 0.17 (two votes of one
# parliament); split halves of one happening within the half day 0.13 to 0.40.
LINK_LINE = 0.2

_SECONDS_A_DAY = 86400.0
REBUILT_KEPT = 5000


def look_for_links(store: LookStore, event_ids: Iterable[int]) -> dict[tuple[int, int], float]:
    """(lower id, higher id) -> best score, for the events of `event_ids` holding at most
    LINK_MEMBERS reports, all dated, and the events of their news cycle that score at least
    LINK_LINE with them. The caller stores the links (near_misses.link)."""
    links: dict[tuple[int, int], float] = {}
    small = store.members(sorted(set(event_ids)), LINK_MEMBERS)
    kept: Weights | None = None  # reused while the store's counts stay the same (Weights.for_store)
    # Event id -> its profile rebuilt from its members: the look moves no report, so an event
    # near several small ones is rebuilt once (bench_grouping's 100,000 reports hold some 45
    # events a day). Emptied past REBUILT_KEPT profiles, to bound the memory.
    rebuilt: dict[int, Profile] = {}
    for event_id, members in sorted(small.items()):
        if len(rebuilt) > REBUILT_KEPT:
            rebuilt.clear()
        if any(m.report.published_at is None for m in members):
            continue  # undated: nothing tells the hours (see the module's docstring)
        first = min(m.report.published_at for m in members)
        # As a report asks (the last look), and as an event asks (closing thoughts): an angle's
        # own words find one half of its story, the event's heaviest keys sometimes another.
        profile = store.profiles([event_id]).get(event_id)
        found: set[int] = set()
        if profile is not None:
            found.update(store.candidates(index_keys(profile), profile.last, LOOK_CANDIDATES + 1))
        for member in members:
            kept = Weights.for_store(store, keys_of([member.report]), kept)
            terms, names = kept.vectors(member.report)
            query = heaviest_keys(terms.vector, names.vector, QUERY_TERMS, QUERY_NAMES)
            found.update(store.candidates(query, member.report.published_at, LOOK_CANDIDATES + 1))
        found.discard(event_id)
        near = {
            other: theirs
            for other, theirs in store.profiles(sorted(found)).items()
            if theirs.members and _same_cycle(first, theirs.first)
        }
        if not near:
            continue
        kept, scores = _best_scores(store, event_id, members, near, kept, rebuilt)
        for other, best in scores.items():
            if best >= LINK_LINE:
                pair = (min(event_id, other), max(event_id, other))
                links[pair] = max(best, links.get(pair, 0.0))
    return links


def _same_cycle(first: datetime, other_first: datetime | None) -> bool:
    if other_first is None:
        return False  # an undated event: see the module's docstring
    return abs((first - other_first).total_seconds()) / _SECONDS_A_DAY <= LINK_DAYS


def other_cycles(first: datetime | None, other_first: datetime | None) -> bool:
    """Whether two events' first reports are dated and more than LINK_DAYS apart: then they are
    not linked, whatever a decision scored. Why: a decision's near miss between events a day or
    more apart is the saga's next happening (the camp shelled the day after the town fell, the
    committee's vote after the hearing): on the dated development corpora, one import each, both
    such links were, and the angles of one happening are linked by the look within its cycle."""
    if first is None or other_first is None:
        return False
    return not _same_cycle(first, other_first)


def _best_scores(
    store: LookStore,
    event_id: int,
    members: list[Member],
    near: dict[int, Profile],
    kept: Weights | None,
    rebuilt: dict[int, Profile],
) -> tuple[Weights, dict[int, float]]:
    """Each near event's best score with the event: its members against the event rebuilt, and
    the event's members against it (rebuilt when it holds at most MAX_MEMBERS, else as stored),
    all weighed with the frequencies of now; with the weights used (`kept` if still those of
    the store's counts, Weights.for_store). rebuilt: the near events rebuilt so far, by id (the
    same counts give the same profile), added to."""
    theirs = store.members(sorted(near), MAX_MEMBERS)
    keys = keys_of([m.report for m in [*members, *(m for group in theirs.values() for m in group)]])
    weights = Weights.for_store(store, keys, kept)
    vectors = {
        m.article_id: weights.vectors(m.report) for m in [*members, *(m for g in theirs.values() for m in g)]
    }
    ours = _rebuilt(members, vectors)
    best: dict[int, float] = {}
    for other, stored in sorted(near.items()):
        if other in theirs:
            profile = rebuilt.get(other)
            if profile is None:
                profile = rebuilt[other] = _rebuilt(theirs[other], vectors)
        else:
            profile = stored
        scores = [score(m.report, *vectors[m.article_id], profile).score for m in members]
        scores += [score(m.report, *vectors[m.article_id], ours).score for m in theirs.get(other, [])]
        best[other] = max(scores)
    return weights, best


def _rebuilt(members: list[Member], vectors: dict[int, tuple]) -> Profile:
    profile = Profile()
    for member in members:
        profile.add(member.report, *vectors[member.article_id])
    return profile
