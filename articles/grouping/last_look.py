"""A last look at the reports left alone once a run of reports is grouped.

Why: second thoughts (refine.py) look only at the events a decision scored, its few candidates.
A report decided early on thin evidence (a tabloid, a markets angle, a next-day analysis) may
start an event of its own under the threshold; its story's other reports then form their event
without ever scoring it, since the index gave their candidate places to bigger related events,
and nothing brings it there. Once the run is grouped, each report still alone in its event is
scored again against the events the index finds for it (its own left out), with the events as
they now are, and joins the best one if that scores at least the near-miss line
(LOOK_THRESHOLD), under which events are only linked; a dated report joins an event of its own
hours lower still (DATED_LOOK_THRESHOLD) when no other event of its news cycle comes close
(DATED_LOOK_LEAD, DATED_LOOK_RIVAL_DAYS): the
markets' reaction, an explainer or a partisan column of one happening shares few of its words.

A report in company that joined a related story before its own story's event formed is in the
same blind spot (the protest's report in the law's signing, the march's event formed later from
reports whose decisions never scored the signing's). So each event of the run with company then
has second thoughts once more with the events the index now finds for it (closing_thoughts),
where a report moves only to an event that takes it clearly better than its own (CLOSING_MARGIN).

Reports of an earlier import left alone are looked at again too when this import forms or grows
a story the index finds for them (singles_near): a feed's tabloid may arrive a run before its
story's other reports.

Both stores run this same code at the end of a run (batched.look_again after an import's last
chunk, regroup after all its reports), so one import and a regroup of it make the same events.
Plain Python; no Django.
"""

from collections.abc import Iterable, Iterator
from typing import Protocol

from .engine import QUERY_NAMES, QUERY_TERMS, Weights, heaviest_keys, index_keys, keys_of, match_evidence
from .refine import MAX_MEMBERS, RELATED, SPLIT_MARGIN, Member, Move, Refinement, RefineStore, reconsider
from .scoring import THRESHOLDS
from .similarity import THRESHOLD, Match, Profile, explain, score

# Events scored per report. Twice a decision's CANDIDATES: the look runs once per report left
# alone, and such a report's own story is often ranked under the bigger related events that took
# the decision's places (the strike's tabloid under the strike's ballot and its pay deal).
LOOK_CANDIDATES = 4
# Events are rebuilt (the look's cost: every member weighed again) only for a report that scores
# at least this against some candidate's stored profile. Rebuilt, an event scored at most 1.35
# times its stored score on the grouping corpora and 1.25 times on bench_grouping's (0.417 ->
# 0.467 at most near the line): from under 0.25 none could reach the threshold of 0.45.
REBUILD_FROM = THRESHOLD - 0.2
# The line a report left alone must reach to join: the near-miss line (scoring.json's "near",
# chosen on the development corpora for "possibly the same story" links), under the decision's
# threshold. A decision is made with part of the import grouped; the look is made once its
# story's other reports are together, and a report still alone is an angle, a tabloid or a
# next-day analysis of one of the stories around it more often than a story of its own. At this
# line every move was right on every corpus, dated or not (eval/RESULTS.md, session 23).
LOOK_THRESHOLD = THRESHOLDS["near"]
# A dated report left alone joins lower still, from DATED_LOOK_THRESHOLD, when it is within
# DATED_LOOK_DAYS of the event's first report and the event takes it at least DATED_LOOK_LEAD
# times as well as any other event of its news cycle the index finds for it. Why: a report of the
# same news cycle that tells the happening from another angle (the markets' reaction, an explainer of what it
# means for workers, a partisan column) shares few words with its reports, yet the hours and the
# lack of any rival tell where it belongs. Half a day, not the time factor's grace
# (TIME_GRACE_DAYS): on thin evidence the time must say more, and a day later the report is as
# often the saga's next happening ("second night of strikes" against the first night's: taken
# with a 1.5-day window when the corpus arrived in two imports). A related story of the same day
# is a rival the lead rules out. Undated, nothing tells the hours: no such route (undated, 2 of
# the 9 reports that would have taken it on the development corpora were wrong, a related
# happening each: the law and the march against it, the payrolls and the Fed).
# Figures: eval/RESULTS.md, session 24, grouping-s26.
# The line is link_look's LINK_LINE (0.2), not REBUILD_FROM (0.25): on the development corpora the
# closest pair of different happenings of one day scored 0.17 (two votes of one parliament), while
# an explainer, a fact check or a partisan column of one happening, the same day, scores 0.13 to
# 0.40 (heldout_h's splits, session 26, angles-s28).
DATED_LOOK_THRESHOLD = 0.2
DATED_LOOK_LEAD = 2.0
DATED_LOOK_DAYS = 0.5
# The rivals the lead is asked over: events whose first report is within this many days of the
# report (or undated). An event of other days (the saga's happening two days before, which every
# later report recaps) scores up to 0.2 against an angle through their shared names and terms, but
# it is no rival of an event of the report's own hours: the report was written in that one's news
# cycle. A day, twice the route's half day: the next morning's happening is still a rival (the
# budget vote at dawn after the water bill's evening).
DATED_LOOK_RIVAL_DAYS = 2 * DATED_LOOK_DAYS
# A dated report is rebuilt from this stored score: rebuilt, an event scores at most 1.35 times its
# stored score (REBUILD_FROM's note), so from under 0.14 none could reach DATED_LOOK_THRESHOLD.
DATED_REBUILD_FROM = 0.14

_NO_TRIGGER = 0  # no report's id
# Events whose members closing_thoughts_of reads in one query: under SQLite's limit of variables
# per statement (the store's own CHUNK), and few enough that their features fit in memory at once.
MEMBERS_READ_AT_ONCE = 900
# A report that sits in an event at the threshold moves, once the import is grouped, only to an
# event that takes it clearly better: by pull_apart's margin between two stories, not by the
# rounding margin of a decision's second thoughts (MOVE_MARGIN). A near tie at the end is an
# angle two stories share (the strike's hospitals report, between the strike and its ballot).
CLOSING_MARGIN = SPLIT_MARGIN


class LookStore(RefineStore, Protocol):
    def candidates(self, keys: dict[str, float], when: object, limit: int | None = None) -> list[int]: ...


def last_look(store: LookStore, event_ids: Iterable[int]) -> Refinement:
    """Moves of the reports alone in `event_ids`' events to the event that now takes them, with
    the profiles they change (an emptied event's has no members).

    An event of up to MAX_MEMBERS reports is scored as rebuilt from its members with the document
    frequencies of now, as second thoughts score one: its stored profile weighs each member with
    the frequencies of the moment it joined, and early in an import, when few reports are counted,
    a story's common words weigh as rare ones, which the look at the end would hold against it."""
    result = Refinement()
    moved_in: dict[int, list[Member]] = {}  # event id -> the reports this look moved into it
    kept: Weights | None = None  # reused while the store's counts stay the same (Weights.for_store)
    singles = store.members(sorted(set(event_ids)), 1)
    for event_id, members in sorted(singles.items()):
        if event_id in result.profiles:
            continue  # a report of this look joined it: no longer alone
        member = members[0]
        if member.pinned or member.report.short:
            continue  # staff placed it; a headline-only report joins on its own rule
        report = member.report
        weights = kept = Weights.for_store(store, keys_of([report]), kept)
        terms, names = weights.vectors(report)
        query = heaviest_keys(terms.vector, names.vector, QUERY_TERMS, QUERY_NAMES)
        found = store.candidates(query, report.published_at, LOOK_CANDIDATES + 1)
        emptied = {e for e, p in result.profiles.items() if not p.members}
        others = [e for e in found if e != event_id and e not in emptied][:LOOK_CANDIDATES]
        loaded = store.profiles(others)
        stored = [score(report, terms, names, result.profiles.get(e, p)).score for e, p in loaded.items()]
        rebuild_from = REBUILD_FROM if report.published_at is None else DATED_REBUILD_FROM
        if not stored or max(stored) < rebuild_from:
            continue  # nothing near the line: rebuilding could not lift any to it
        small = store.members(list(loaded), MAX_MEMBERS)
        for other in small:
            small[other] = sorted([*small[other], *moved_in.get(other, [])], key=lambda m: m.article_id)
        keys = keys_of([report, *(m.report for group in small.values() for m in group)])
        weights = kept = Weights.for_store(store, keys, kept)
        terms, names = weights.vectors(report)
        profiles = {
            # A big event a report of this look joined is scored as it now is.
            e: _rebuilt(small[e], weights) if e in small else result.profiles.get(e, p)
            for e, p in loaded.items()
        }
        scored = sorted(
            ((score(report, terms, names, profile), e) for e, profile in profiles.items()),
            key=lambda m: (-m[0].score, m[1]),
        )
        if not scored:
            continue
        line = _line(scored)
        if line is None:
            continue
        match, target = scored[0]
        explain(match, report, profiles[target])
        evidence = match_evidence("joined", match, target, store.title(target), line, scored)
        evidence["moved_from_event_id"] = event_id
        evidence["explanation"] = (
            f"moved here from event #{event_id}, where it was alone, once the reports around it were "
            f"grouped; {evidence['explanation']}"
        )
        joined = Profile.from_json(profiles[target].to_json(), profiles[target].first, profiles[target].last)
        joined.add(report, terms, names)
        result.profiles[target] = joined
        result.profiles[event_id] = Profile()
        moved_in.setdefault(target, []).append(member)
        result.moves.append(Move(member.article_id, event_id, target, match.score, evidence))
    return result


def _line(scored: list[tuple[Match, int]]) -> float | None:
    """The line the best of `scored` (best first) reached to take the report: LOOK_THRESHOLD,
    or for a dated report of the event's days well ahead of every other event of its news cycle
    (within DATED_LOOK_RIVAL_DAYS, or undated), DATED_LOOK_THRESHOLD; None if it reached neither."""
    best = scored[0][0]
    if best.score >= LOOK_THRESHOLD:
        return LOOK_THRESHOLD
    same_days = best.gap_days is not None and best.gap_days <= DATED_LOOK_DAYS
    runner_up = max(
        (m.score for m, _ in scored[1:] if m.gap_days is None or m.gap_days <= DATED_LOOK_RIVAL_DAYS),
        default=0.0,
    )
    if same_days and best.score >= DATED_LOOK_THRESHOLD and best.score >= DATED_LOOK_LEAD * runner_up:
        return DATED_LOOK_THRESHOLD
    return None


def _rebuilt(members: list[Member], weights: Weights) -> Profile:
    """An event's profile from its members (by id), each weighed with `weights`."""
    profile = Profile()
    for member in members:
        profile.add(member.report, *weights.vectors(member.report))
    return profile


def singles_near(store: LookStore, event_ids: Iterable[int]) -> set[int]:
    """The events of one report, outside `event_ids`, that the index finds for those of
    `event_ids` holding more than one report: the reports of an earlier import left alone that
    this import's stories may now take (a feed's tabloid that arrived the day before its story's
    other reports). Each event asks the index as a report would, with the keys it is indexed
    under; the reports found then take the last look as the import's own do."""
    ids = sorted(set(event_ids))
    found: set[int] = set()
    for _, profile in sorted(store.profiles(ids).items()):
        if profile.members > 1:
            found.update(store.candidates(index_keys(profile), profile.last, LOOK_CANDIDATES + 1))
    found.difference_update(ids)
    return set(store.members(sorted(found), 1))


def closing_thoughts_of(store: LookStore, event_ids: Iterable[int]) -> Iterator[Refinement]:
    """closing_thoughts for each of `event_ids` in id order, each refinement handed to the
    caller to apply before the next event is looked at.

    Why a generator: the members of MEMBERS_READ_AT_ONCE events are read in one query, not one
    query per event (most events of a dated import hold only dated reports and need nothing
    more), a window at a time so that a large import's features are not all held at once; a
    refinement the caller applies may change later events' members, so those of the window an
    applied refinement changed are read again before their turn (later windows are read after).
    The events made are those of calling closing_thoughts once per event."""
    ordered = sorted(set(event_ids))
    kept: Weights | None = None  # the last look's weights, reused while the counts are the same
    for start in range(0, len(ordered), MEMBERS_READ_AT_ONCE):
        window = ordered[start : start + MEMBERS_READ_AT_ONCE]
        members = store.members(window, MAX_MEMBERS)
        ahead = set(window)
        for event_id in window:
            ahead.discard(event_id)
            refinement = closing_thoughts(store, event_id, members.get(event_id, []), kept)
            kept = refinement.weights or kept
            yield refinement  # applied by the caller when it asks for the next
            changed = sorted(ahead.intersection(refinement.profiles))
            if changed:
                for event in changed:
                    members.pop(event, None)  # grown past MAX_MEMBERS or emptied: not read back
                members.update(store.members(changed, MAX_MEMBERS))


def closing_thoughts(
    store: LookStore, event_id: int, members: list[Member] | None = None, weights: Weights | None = None
) -> Refinement:
    """Second thoughts once more for an event of the import that holds two to MAX_MEMBERS
    reports, one of them at least undated, against the events the index now finds for it, as
    they now are.

    Why: second thoughts run after each decision, among the events that decision scored. A
    report that joined an event on thin evidence before its own story's event formed (the
    protest's third report in the law's signing, the march's own event not yet there) is never
    in play again when that event forms from other reports, whose decisions scored other
    events. Once the import is grouped every story is there to be found; each event is looked
    at once, its members free to move under reconsider's rules (the threshold, and more than
    their own event without them by CLOSING_MARGIN).

    members: the event's members as store.members reads them (none if it holds more than
    MAX_MEMBERS), when the caller read them already (closing_thoughts_of); read here if None.
    weights: an earlier look's, reused if the store's counts are still those (Weights.for_store)."""
    if members is None:
        members = store.members([event_id], MAX_MEMBERS).get(event_id)
    if not members or len(members) < 2:
        return Refinement()
    if all(m.report.published_at is not None for m in members):
        # Only where the time factor cannot tell for some member. Dated reports are grouped
        # oldest first, so a story's event forms before its follow-ups, and the days keep a
        # related story's report out; looking at every event doubled a regroup's time
        # (bench_grouping at 10,000 reports, one in ten undated: 19.6 s against 10.8 s).
        return Refinement()
    profile = store.profiles([event_id]).get(event_id)
    if profile is None:
        return Refinement()
    found = store.candidates(index_keys(profile), profile.last, LOOK_CANDIDATES + 1)
    others = [e for e in found if e != event_id][:LOOK_CANDIDATES]
    if not others:
        return Refinement()
    # No report prompted this look: none is named, and no story is pulled apart (pull_apart
    # needs the report whose arrival showed the rift).
    refinement = reconsider(
        store,
        event_id,
        [(e, RELATED) for e in others],
        _NO_TRIGGER,
        weights,
        size=len(members),
        margin=CLOSING_MARGIN,
    )
    for move in refinement.moves:
        del move.evidence["moved_after_article_id"]
        move.evidence["explanation"] = move.evidence["explanation"].replace(
            "when a related report arrived", "once the reports around it were grouped", 1
        )
    return refinement
