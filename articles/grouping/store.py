"""The database side of grouping: frequencies, the candidate index and event profiles.

Every read here happens inside the caller's write transaction (see service.py), so
two imports never both decide "new event" for the same story.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import connection

from ..models import Event, EventKey, EventProfile, KeyFrequency
from .engine import (
    INDEX_NAMES,
    INDEX_TERMS,
    POSTINGS_PER_KEY,
    SCANNED_PER_KEY,
    WINDOW_DAYS,
    heaviest_keys,
)
from .similarity import Profile

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
        """Events sharing the keys, best first: one statement, newest events per key.

        Each key reads at most SCANNED_PER_KEY postings (index order: key, newest event
        first) and keeps at most POSTINGS_PER_KEY, so a very common key costs no more
        than a rare one.
        """
        if not keys:
            return []
        table = connection.ops.quote_name(EventKey._meta.db_table)
        window, window_params = "", []
        if when is not None:
            earliest = connection.ops.adapt_datetimefield_value(when - timedelta(days=WINDOW_DAYS))
            window, window_params = " AND (last_published_at IS NULL OR last_published_at >= %s)", [earliest]
        parts, params = [], []
        for number, key in enumerate(keys):
            parts.append(
                f"SELECT * FROM (SELECT event_id, weight, key_ FROM (SELECT event_id, weight, "
                f'"key" AS key_, last_published_at FROM {table} WHERE "key" = %s '
                f"ORDER BY event_id DESC LIMIT {SCANNED_PER_KEY}) AS newest_{number} WHERE 1 = 1{window} "
                f"ORDER BY event_id DESC LIMIT {POSTINGS_PER_KEY}) AS postings_{number}"
            )
            params += [key, *window_params]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            rows = cursor.fetchall()
        # Summed in the same order as the in-memory store, so both rank alike to the last bit.
        position = {key: number for number, key in enumerate(keys)}
        rows.sort(key=lambda row: (position[row[2]], -row[0]))
        totals: dict[int, float] = {}
        for event_id, event_weight, key in rows:
            totals[event_id] = totals.get(event_id, 0.0) + keys[key] * event_weight
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

    def save_profile(self, event: Event, profile: Profile) -> None:
        """Store the centroid and re-index the event under its heaviest (idf-weighted) keys."""
        EventProfile.objects.update_or_create(event=event, defaults={"data": profile.to_json()})
        keys = heaviest_keys(profile.terms, profile.names, INDEX_TERMS, INDEX_NAMES)
        EventKey.objects.filter(event=event).delete()
        EventKey.objects.bulk_create(
            EventKey(event=event, key=key, weight=weight, last_published_at=event.last_published_at)
            for key, weight in keys.items()
        )
