"""An in-memory Store with the same behaviour as the database one, for regrouping.

Regrouping 100,000 reports one database round-trip at a time would take far too
long; this store runs the same engine over dictionaries and hands back what to write.
Plain Python; no Django.
"""

import bisect
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import compress

from .engine import (
    POSTINGS_PER_KEY,
    SCANNED_PER_KEY,
    WINDOW_DAYS,
    Weights,
    index_keys,
    rank_candidates,
)
from .features import ReportFeatures
from .refine import Member, Refinement
from .similarity import Profile
from .summaries import MEMBERS_READ, Candidate, representative_title


@dataclass(slots=True)
class MemoryEvent:
    id: int
    title: str
    title_locked: bool = False
    profile: Profile = field(default_factory=Profile)
    members: list[int] = field(default_factory=list)
    # (article id, headline, features) of the first members by id, for the title.
    headlines: list[tuple[int, str, ReportFeatures]] = field(default_factory=list)
    sources: set[int] = field(default_factory=set)
    keys: dict[str, float] = field(default_factory=dict)
    new: bool = True
    # The title is re-picked when read (MemoryStore.title), not on every new member: only
    # the best candidate's title is read, and most events gain members unread.
    title_stale: bool = False


class MemoryStore:
    def __init__(self, next_event_id: int) -> None:
        self.frequency: dict[str, int] = {}
        self.reports = 0
        self.events: dict[int, MemoryEvent] = {}
        # key -> ascending event ids, and key -> event id -> weight
        self.postings: dict[str, list[int]] = {}
        self.posting_weight: dict[str, dict[int, float]] = {}
        # event id -> its latest report's date as a timestamp, as indexed (EventKey's copy);
        # infinity for an undated event, which every window takes (as NULL does in SQL).
        self.last_published: dict[int, float] = {}
        self.next_event_id = next_event_id
        # article id -> (outlet, headline, features) and -> event id, of every member; and
        # the members second thoughts must not move (staff decisions, reports out of scope).
        self.articles: dict[int, tuple[int, str, ReportFeatures]] = {}
        self.event_of: dict[int, int] = {}
        self.pinned: set[int] = set()

    # --- the Store protocol used by engine.decide ---
    def count_report(self, keys: list[str]) -> None:
        self.reports += 1
        frequency = self.frequency
        for key in set(keys):
            frequency[key] = frequency.get(key, 0) + 1

    def frequencies(self, keys: Iterable[str]) -> tuple[int, dict[str, int]]:
        """Every count, not only those asked for (read-only for the caller)."""
        return self.reports, self.frequency

    def candidates(
        self, keys: dict[str, float], when: datetime | None, limit: int | None = None
    ) -> list[int]:
        totals: dict[int, float] = {}
        earliest = None if when is None else (when - timedelta(days=WINDOW_DAYS)).timestamp()
        last_of, postings, posting_weight = self.last_published, self.postings, self.posting_weight
        for key, weight in keys.items():
            ids = postings.get(key)
            if not ids:
                continue
            newest = ids[: -SCANNED_PER_KEY - 1 : -1]
            if earliest is not None:
                # [e for e in newest if last_of[e] >= earliest], in C loops: this runs for each
                # key of each decision and look, over up to SCANNED_PER_KEY events.
                newest = list(compress(newest, map(earliest.__le__, map(last_of.__getitem__, newest))))
            weight_of = posting_weight[key]
            for event_id in newest[:POSTINGS_PER_KEY]:
                totals[event_id] = totals.get(event_id, 0.0) + weight * weight_of[event_id]
        return rank_candidates(totals, limit, None if when is None else when.timestamp(), last_of)

    def profiles(self, event_ids: list[int]) -> dict[int, Profile]:
        return {eid: self.events[eid].profile for eid in event_ids if self.events[eid].members}

    def members(self, event_ids: list[int], limit: int) -> dict[int, list[Member]]:
        out = {}
        for event_id in event_ids:
            event = self.events[event_id]
            if 0 < len(event.members) <= limit:
                out[event_id] = [
                    Member(pk, self.articles[pk][2], pinned=pk in self.pinned) for pk in sorted(event.members)
                ]
        return out

    # --- membership, mirroring service.apply_decision ---
    def new_event(self, title: str) -> MemoryEvent:
        event = MemoryEvent(id=self.next_event_id, title=title[:500])
        self.next_event_id += 1
        self.events[event.id] = event
        return event

    def add_member(
        self,
        event: MemoryEvent,
        article_id: int,
        source_id: int,
        headline: str,
        report: ReportFeatures,
        weights: Weights,
    ) -> None:
        event.profile.add(report, *weights.vectors(report))
        event.members.append(article_id)
        event.sources.add(source_id)
        self.articles[article_id] = (source_id, headline, report)
        self.event_of[article_id] = event.id
        if len(event.headlines) < MEMBERS_READ or article_id < event.headlines[-1][0]:
            bisect.insort(event.headlines, (article_id, headline, report), key=lambda h: h[0])
            del event.headlines[MEMBERS_READ:]
        self._retitle(event)

    def _retitle(self, event: MemoryEvent) -> None:
        if not event.title_locked and event.headlines:
            event.title_stale = True

    def title(self, event_id: int) -> str:
        """The event's title as the database store would hold it now."""
        return self.fresh_title(self.events[event_id])

    def fresh_title(self, event: MemoryEvent) -> str:
        if event.title_stale:
            candidates = [
                Candidate(t, report.terms, report.meaning.headline_vector() if report.meaning else None)
                for _, t, report in event.headlines
            ]
            event.title = representative_title(candidates, event.profile)
            event.title_stale = False
        return event.title

    def apply_refinement(self, refinement: Refinement) -> None:
        """Mirror service.apply_refinement (the movers' evidence is the caller's to keep)."""
        for move in refinement.moves:
            self.events[move.from_event].members.remove(move.article_id)
            self.events[move.to_event].members.append(move.article_id)
            self.event_of[move.article_id] = move.to_event
        profiles = dict(refinement.profiles)
        for split in refinement.splits:
            event = self.new_event(self.articles[split.article_ids[0]][1])
            for article_id in split.article_ids:
                self.events[split.from_event].members.remove(article_id)
                event.members.append(article_id)
                self.event_of[article_id] = event.id
            profiles[event.id] = split.profile
        for event_id, profile in sorted(profiles.items()):
            event = self.events[event_id]
            event.profile = profile
            event.members.sort()
            event.sources = {self.articles[pk][0] for pk in event.members}
            event.headlines = [
                (pk, self.articles[pk][1], self.articles[pk][2]) for pk in event.members[:MEMBERS_READ]
            ]
            self._retitle(event)
            self.reindex(event)

    def reindex(self, event: MemoryEvent) -> None:
        profile = event.profile
        keys = index_keys(profile)
        for key in event.keys:
            if key not in keys:
                ids = self.postings[key]
                del ids[bisect.bisect_left(ids, event.id)]
                del self.posting_weight[key][event.id]
        for key, weight in keys.items():
            if key not in event.keys:
                bisect.insort(self.postings.setdefault(key, []), event.id)
            self.posting_weight.setdefault(key, {})[event.id] = weight
        event.keys = keys
        last = profile.last
        self.last_published[event.id] = math.inf if last is None else last.timestamp()
