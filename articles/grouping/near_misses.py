"""Events that are possibly the same story: a report's best score against another event came
close under the threshold.

Grouping keeps precision first, so a story told from two angles can end up as two events. Such
near misses are recorded rather than hidden: both event pages link them as "possibly the same
story", the admin offers a one-click merge, and an outlet with a report in either is not called
missing from the other.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from ..models import Event, PossiblySame
from .link_look import other_cycles
from .scoring import THRESHOLDS
from .similarity import THRESHOLD

# Scores from NEAR up to the threshold make a link. Chosen on the development corpora
# (eval/evaluate.py prints the links' precision and recall): see eval/RESULTS.md.
NEAR = THRESHOLDS["near"]


def record(event_id: int | None, considered: Iterable[tuple[int, float]]) -> None:
    """Link the report's event with each other event its decision scored near the threshold.

    considered: (event id, score) as decided (engine.Decision.considered). A pair already linked
    keeps its highest score. Events that second thoughts emptied are gone and are skipped.
    """
    near = near_pairs(event_id, considered)
    if not near:
        return
    ids = {pk for pair in near for pk in pair}
    existing = set(Event.objects.filter(pk__in=ids).values_list("pk", flat=True))
    for (a, b), score in near.items():
        if a in existing and b in existing:
            link(a, b, score)


def near_pairs(event_id: int | None, considered: Iterable[tuple[int, float]]) -> dict[tuple[int, int], float]:
    """(lower id, higher id) -> score for the events a decision scored near the threshold."""
    if event_id is None:
        return {}
    pairs: dict[tuple[int, int], float] = {}
    for other, score in considered:
        if other != event_id and NEAR <= score < THRESHOLD:
            pair = (min(event_id, other), max(event_id, other))
            pairs[pair] = max(score, pairs.get(pair, 0.0))
    return pairs


def link(first: int, second: int, score: float) -> None:
    """Record the pair (either order), keeping the higher score of an existing link."""
    a, b = sorted((first, second))
    row, created = PossiblySame.objects.get_or_create(event_a_id=a, event_b_id=b, defaults={"score": score})
    if not created and score > row.score:
        PossiblySame.objects.filter(pk=row.pk).update(score=score)


@dataclass(frozen=True)
class Link:
    event: Event
    score: float


def links_of(event_id: int) -> list[Link]:
    """The events possibly the same story as this one, closest first."""
    rows = PossiblySame.objects.filter(Q(event_a_id=event_id) | Q(event_b_id=event_id)).values_list(
        "event_a_id", "event_b_id", "score"
    )
    scores = {(b if a == event_id else a): score for a, b, score in rows}
    events = Event.objects.in_bulk(list(scores))
    links = [Link(events[pk], score) for pk, score in scores.items() if pk in events]
    return sorted(links, key=lambda link: (-link.score, link.event.pk))


def drop_other_cycles(event_ids: Iterable[int]) -> int:
    """Remove the links of `event_ids` between two dated events whose first reports are more
    than one news cycle apart (link_look.other_cycles), once a run is grouped and its events'
    dates are final; returns how many went."""
    ids = sorted(set(event_ids))
    gone = []
    for start in range(0, len(ids), 500):  # SQLite's variable limit, as the look's runs
        part = ids[start : start + 500]
        rows = PossiblySame.objects.filter(Q(event_a_id__in=part) | Q(event_b_id__in=part)).values_list(
            "pk", "event_a__first_published_at", "event_b__first_published_at"
        )
        gone += [pk for pk, first, other in rows if other_cycles(first, other)]
    PossiblySame.objects.filter(pk__in=sorted(set(gone))).delete()
    return len(set(gone))
