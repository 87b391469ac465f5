"""The database side of grouping: frequencies, the candidate index and event profiles.

Every read here happens inside the caller's write transaction (see service.py), so
two imports never both decide "new event" for the same story.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import connection
from django.db.models import Q

from ..models import Event, EventKey, EventProfile, KeyFrequency
from .engine import INDEX_NAMES, INDEX_TERMS, WINDOW_DAYS, Weights, heaviest_keys, profile_keys
from .similarity import Profile

# Events looked at per index key, newest first: bounds the cost of very common keys.
POSTINGS_PER_KEY = 50
# SQLite allows 32,766 parameters per statement; stay well below on every backend.
CHUNK = 900
ALL_REPORTS = ""


class DatabaseStore:
    def count_report(self, keys: list[str]) -> None:
        table = connection.ops.quote_name(KeyFrequency._meta.db_table)
        sql = (
            f'INSERT INTO {table} ("key", reports) VALUES (%s, 1) '
            f'ON CONFLICT ("key") DO UPDATE SET reports = {table}.reports + 1'
        )
        with connection.cursor() as cursor:
            cursor.executemany(sql, [(key,) for key in sorted({ALL_REPORTS, *keys})])

    def frequencies(self, keys: Iterable[str]) -> tuple[int, dict[str, int]]:
        wanted = sorted({ALL_REPORTS, *keys})
        found: dict[str, int] = {}
        for start in range(0, len(wanted), CHUNK):
            rows = KeyFrequency.objects.filter(key__in=wanted[start : start + CHUNK])
            found.update(rows.values_list("key", "reports"))
        return found.pop(ALL_REPORTS, 0), found

    def candidates(self, keys: dict[str, float], when: datetime | None) -> list[int]:
        totals: dict[int, float] = {}
        window = Q()
        if when is not None:
            window = Q(last_published_at__isnull=True) | Q(
                last_published_at__gte=when - timedelta(days=WINDOW_DAYS)
            )
        for key, weight in keys.items():
            postings = (
                EventKey.objects.filter(window, key=key)
                .order_by("-event_id")
                .values_list("event_id", "weight")[:POSTINGS_PER_KEY]
            )
            for event_id, event_weight in postings:
                totals[event_id] = totals.get(event_id, 0.0) + weight * event_weight
        return [event_id for event_id, _ in sorted(totals.items(), key=lambda kv: (-kv[1], -kv[0]))]

    def profiles(self, event_ids: list[int]) -> dict[int, tuple[Profile, str]]:
        rows = EventProfile.objects.filter(event_id__in=event_ids).select_related("event")
        return {
            row.event_id: (
                Profile.from_json(row.data, row.event.first_published_at, row.event.last_published_at),
                row.event.title,
            )
            for row in rows
        }

    def save_profile(self, event: Event, profile: Profile, weights: Weights) -> None:
        """Store the centroid and re-index the event under its heaviest, rarest keys."""
        EventProfile.objects.update_or_create(event=event, defaults={"data": profile.to_json()})
        missing = [k for k in profile_keys(profile.terms, profile.names) if k not in weights.frequencies]
        if missing:
            weights.learn(self.frequencies(missing)[1])
        keys = heaviest_keys(profile.terms, profile.names, weights, INDEX_TERMS, INDEX_NAMES)
        EventKey.objects.filter(event=event).delete()
        EventKey.objects.bulk_create(
            EventKey(event=event, key=key, weight=weight, last_published_at=event.last_published_at)
            for key, weight in keys.items()
        )
