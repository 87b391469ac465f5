"""The database side of grouping: frequencies, the candidate index and event profiles.

Every read here happens inside the caller's write transaction (see service.py), so
two imports never both decide "new event" for the same story.
"""

import math
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.db import connection
from django.db.models import QuerySet
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import Substr

from ..models import Article, Event, EventKey, EventProfile, GroupingStatus, KeyFrequency
from ..models import ReportFeatures as StoredFeatures
from .engine import (
    POSTINGS_PER_KEY,
    SCANNED_PER_KEY,
    WINDOW_DAYS,
    index_keys,
    rank_candidates,
)
from .features import ReportFeatures, extract_features, new_levels, vote_tallies
from .meaning import meaning_of
from .refine import Member
from .similarity import Profile
from .summaries import MEMBERS_READ, OPENING_CHARS

# SQLite allows 32,766 parameters per statement; stay well below on every backend.
CHUNK = 900
ALL_REPORTS = ""


class DatabaseStore:
    # Whether the caller holds the grouping lock and a savepoint per report (batched.ChunkStore).
    batched = False

    def __init__(self) -> None:
        # Counts returned by count_report (after the increment), so that decide() does not
        # read them again; and the events read by profiles(), reused by apply_decision.
        self.counted: dict[str, int] = {}
        self.events: dict[int, Event] = {}
        self.loaded: dict[int, Profile] = {}

    def forget_reads(self) -> None:
        """Drop what was read for the last report, before deciding the next with this store."""
        self.counted.clear()
        self.events.clear()
        self.loaded.clear()

    def forget_event(self, event_id: int) -> None:
        """An event was rebuilt or deleted behind the store's back: read it afresh when needed."""
        self.events.pop(event_id, None)
        self.loaded.pop(event_id, None)

    def features(self, article: Article) -> tuple[ReportFeatures, bool]:
        """The report's features, and whether they are new (so that its words are counted)."""
        return features_for(article)

    def first_members(self, event_id: int, joined: Article | None = None) -> list[tuple]:
        """first_members(event_id) as rows, after `joined` was stored as its newest member."""
        return list(first_members(event_id))

    def count_report(self, keys: list[str]) -> None:
        """Add one report to the document frequencies: one statement per chunk of keys."""
        table = connection.ops.quote_name(KeyFrequency._meta.db_table)
        wanted = sorted({ALL_REPORTS, *keys})
        with connection.cursor() as cursor:
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start : start + CHUNK]
                cursor.execute(
                    f'INSERT INTO {table} ("key", reports) VALUES '
                    + ", ".join(["(%s, 1)"] * len(chunk))
                    + f' ON CONFLICT ("key") DO UPDATE SET reports = {table}.reports + 1'
                    + ' RETURNING "key", reports',
                    chunk,
                )
                self.counted.update(cursor.fetchall())

    def frequencies(self, keys: Iterable[str]) -> tuple[int, dict[str, int]]:
        wanted = sorted({ALL_REPORTS, *keys})
        if self.counted and all(key in self.counted for key in wanted):
            found = {key: self.counted[key] for key in wanted}
            return found.pop(ALL_REPORTS), found
        found: dict[str, int] = {}
        for start in range(0, len(wanted), CHUNK):
            rows = KeyFrequency.objects.filter(key__in=wanted[start : start + CHUNK])
            found.update(rows.values_list("key", "reports"))
        return found.pop(ALL_REPORTS, 0), found

    def candidates(
        self, keys: dict[str, float], when: datetime | None, limit: int | None = None
    ) -> list[int]:
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
                f"SELECT * FROM (SELECT event_id, weight, key_, last_published_at FROM (SELECT event_id, weight, "
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
        lasts: dict[int, float] = {}
        for event_id, event_weight, key, last in rows:
            totals[event_id] = totals.get(event_id, 0.0) + keys[key] * event_weight
            lasts[event_id] = _timestamp(last)
        return rank_candidates(totals, limit, None if when is None else when.timestamp(), lasts)

    def profiles(self, event_ids: list[int]) -> dict[int, Profile]:
        out = {}
        for row in EventProfile.objects.filter(event_id__in=event_ids).select_related("event"):
            event = row.event
            profile = Profile.from_json(row.data, event.first_published_at, event.last_published_at)
            self.events[event.pk], self.loaded[event.pk] = event, profile
            out[event.pk] = profile
        return out

    def title(self, event_id: int) -> str:
        return self.events[event_id].title

    def loaded_profile(self, event_id: int) -> tuple[Event, Profile]:
        """The event and its profile (to be updated), reusing what profiles() read."""
        if event_id not in self.loaded:
            self.profiles([event_id])
        return self.events[event_id], self.loaded[event_id]

    def save_profile(self, event: Event, profile: Profile) -> None:
        """Store the centroid and re-index the event under its heaviest (idf-weighted) keys.

        Plain statements rather than the ORM's update_or_create/bulk_create: this runs for
        every imported report, and the ORM's own work cost more than the statements.
        """
        keys = index_keys(profile)
        quote = connection.ops.quote_name
        profiles, index = quote(EventProfile._meta.db_table), quote(EventKey._meta.db_table)
        data = EventProfile._meta.get_field("data").get_db_prep_save(profile.to_json(), connection)
        last = connection.ops.adapt_datetimefield_value(event.last_published_at)
        rows = [value for key, weight in keys.items() for value in (event.pk, key, weight, last)]
        if connection.vendor == "postgresql":
            self._save_profile_in_one_statement(profiles, index, event.pk, data, list(keys), rows)
            return
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {profiles} (event_id, data) VALUES (%s, %s) "
                f"ON CONFLICT (event_id) DO UPDATE SET data = EXCLUDED.data",
                [event.pk, data],
            )
            cursor.execute(f"DELETE FROM {index} WHERE event_id = %s", [event.pk])
            if keys:
                cursor.execute(
                    f'INSERT INTO {index} (event_id, "key", weight, last_published_at) VALUES '
                    + ", ".join(["(%s, %s, %s, %s)"] * len(keys)),
                    rows,
                )

    @staticmethod
    def _save_profile_in_one_statement(
        profiles: str, index: str, event_id: int, data: object, keys: list[str], rows: list
    ) -> None:
        """PostgreSQL: the profile, the postings that go and those that stay or come, in one
        statement (one round trip instead of three, for every report grouped). The postings
        deleted and those upserted are disjoint, so the one snapshot they share is no trap."""
        saved = (
            f"WITH saved AS (INSERT INTO {profiles} (event_id, data) VALUES (%s, %s) "
            f"ON CONFLICT (event_id) DO UPDATE SET data = EXCLUDED.data), "
            f'gone AS (DELETE FROM {index} WHERE event_id = %s AND NOT ("key" = ANY(%s))) '
        )
        with connection.cursor() as cursor:
            if not keys:
                cursor.execute(saved + "SELECT 1", [event_id, data, event_id, keys])
                return
            cursor.execute(
                saved
                + f'INSERT INTO {index} (event_id, "key", weight, last_published_at) VALUES '
                + ", ".join(["(%s, %s, %s, %s)"] * len(keys))
                + ' ON CONFLICT (event_id, "key") DO UPDATE SET weight = EXCLUDED.weight, '
                "last_published_at = EXCLUDED.last_published_at",
                [event_id, data, event_id, keys, *rows],
            )

    def members(self, event_ids: list[int], limit: int) -> dict[int, list[Member]]:
        """The members, by id, of those events with at most `limit` reports: one query."""
        small = Event.objects.filter(pk__in=event_ids, article_count__lte=limit).values("pk")
        rows = (
            Article.objects.filter(event__in=small)
            .order_by("id")
            .values_list(
                "id",
                "event_id",
                "source_id",
                "outlet_assumed",
                "published_at",
                "grouping_status",
                "grouping_features__data",
            )
        )
        out: dict[int, list[Member]] = {}
        for pk, event_id, source_id, assumed, published_at, status, data in rows:
            if data is None:  # placed by staff before it was ever grouped
                report = features_for(Article.objects.get(pk=pk))[0]
            else:
                report = ReportFeatures.from_json(data, published_at)
                report.outlet = grouping_outlet(source_id, assumed)
            out.setdefault(event_id, []).append(Member(pk, report, pinned=status == GroupingStatus.MANUAL))
        return out


def first_members(event_id: int) -> QuerySet:
    """(id, title, opening, stored features, headline read, its packed vector) of the event's
    first reports by id, read on every assignment (through the article_event_order_idx
    index). Only the openings and the headline's vector are read: whole bodies and
    readings would cost more than the rest."""
    return (
        Article.objects.filter(event_id=event_id)
        .order_by("id")
        .values_list(
            "id",
            "title",
            Substr("body_text", 1, OPENING_CHARS),
            "grouping_features__data",
            KeyTransform("title", "analysis"),
            KeyTransform("title_vector", "analysis"),
        )[:MEMBERS_READ]
    )


def features_for(article: Article) -> tuple[ReportFeatures, bool]:
    """The report's features, computed once and stored; and whether they were new."""
    stored = StoredFeatures.objects.filter(article=article).values_list("data", flat=True).first()
    report, write = features_of(article, stored)
    if write and stored is not None:
        StoredFeatures.objects.filter(article=article).update(data=report.to_json())
    elif write:
        StoredFeatures.objects.bulk_create([StoredFeatures(article=article, data=report.to_json())])
    return report, stored is None


def features_of(article: Article, stored: dict | None) -> tuple[ReportFeatures, bool]:
    """The report's features from their stored form (`stored`, None if there is none) or from
    its text, with its grouping outlet; and whether they must be written: computed now, or
    stored before the report was read, so that its meaning joins them now."""
    if stored is None:
        report = extract_features(article.title, article.body_text, article.published_at, article.analysis)
        write = True
    else:
        report = ReportFeatures.from_json(stored, article.published_at)
        write = False
        if report.meaning is None and (meaning := meaning_of(article.analysis, article.title)) is not None:
            # Read since its features were stored: the reading's vote counts and new levels
            # join them too.
            report.meaning = meaning
            report.tallies = vote_tallies(article.analysis)
            report.levels = new_levels(article.title, article.body_text, article.analysis)
            write = True
    report.outlet = grouping_outlet(article.source_id, article.outlet_assumed)
    return report, write


def grouping_outlet(source_id: int, assumed: bool) -> int | None:
    """The outlet grouping knows the report by: none when the import assumed it, since
    an import's default outlet covers pages from any number of real outlets."""
    return None if assumed else source_id


def _timestamp(value: datetime | str | None) -> float:
    """An indexed event date as the in-memory store keeps it: POSIX time, infinity if none.

    Raw SQL hands back an aware datetime (PostgreSQL) or a naive UTC one (SQLite).
    """
    if value is None:
        return math.inf
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()
