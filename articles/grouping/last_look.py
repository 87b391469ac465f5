"""A last look at the reports left alone once a run of reports is grouped.

Why: second thoughts (refine.py) look only at the events a decision scored, its few candidates.
A report decided early on thin evidence (a tabloid, a markets angle, a next-day analysis) may
start an event of its own under the threshold; its story's other reports then form their event
without ever scoring it, since the index gave their candidate places to bigger related events,
and nothing brings it there. Once the run is grouped, each report still alone in its event is
scored again against the events the index finds for it (its own left out), and joins the best
one if that scores at least the threshold: the decision's own rule, with the events as they now
are. A report in company is left alone: second thoughts already weigh it with its event.

Both stores run this same code at the end of a run (batched.group_articles after an import's
chunk, regroup after all its reports), so one import and a regroup of it make the same events.
Plain Python; no Django.
"""

from collections.abc import Iterable
from typing import Protocol

from .engine import CANDIDATES, QUERY_NAMES, QUERY_TERMS, Weights, heaviest_keys, match_evidence, report_keys
from .refine import Move, Refinement, RefineStore
from .similarity import THRESHOLD, Profile, explain, score


class LookStore(RefineStore, Protocol):
    def candidates(self, keys: dict[str, float], when: object, limit: int | None = None) -> list[int]: ...


def last_look(store: LookStore, event_ids: Iterable[int]) -> Refinement:
    """Moves of the reports alone in `event_ids`' events to the event that now takes them, with
    the profiles they change (an emptied event's has no members)."""
    result = Refinement()
    singles = store.members(sorted(set(event_ids)), 1)
    for event_id, members in sorted(singles.items()):
        if event_id in result.profiles:
            continue  # a report of this look joined it: no longer alone
        member = members[0]
        if member.pinned or member.report.short:
            continue  # staff placed it; a headline-only report joins on its own rule
        report = member.report
        reports, frequencies = store.frequencies(report_keys(report))
        weights = Weights(reports, frequencies)
        terms, names = weights.vectors(report)
        query = heaviest_keys(terms.vector, names.vector, QUERY_TERMS, QUERY_NAMES)
        found = store.candidates(query, report.published_at, CANDIDATES + 1)
        emptied = {e for e, p in result.profiles.items() if not p.members}
        others = [e for e in found if e != event_id and e not in emptied][:CANDIDATES]
        loaded = store.profiles(others)
        # An event a report of this look joined is scored as it now is.
        profiles = {e: result.profiles.get(e, p) for e, p in loaded.items()}
        scored = sorted(
            ((score(report, terms, names, profile), e) for e, profile in profiles.items()),
            key=lambda m: (-m[0].score, m[1]),
        )
        if not scored or scored[0][0].score < THRESHOLD:
            continue
        match, target = scored[0]
        explain(match, report, profiles[target])
        evidence = match_evidence("joined", match, target, store.title(target), THRESHOLD, scored)
        evidence["moved_from_event_id"] = event_id
        evidence["explanation"] = (
            f"moved here from event #{event_id}, where it was alone, once the reports around it were "
            f"grouped; {evidence['explanation']}"
        )
        joined = Profile.from_json(profiles[target].to_json(), profiles[target].first, profiles[target].last)
        joined.add(report, terms, names)
        result.profiles[target] = joined
        result.profiles[event_id] = Profile()
        result.moves.append(Move(member.article_id, event_id, target, match.score, evidence))
    return result
