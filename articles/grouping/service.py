"""Assigning a report to an event as it is imported.

Contract: the import pipeline calls assign_article(article) inside the article's
transaction, right after the row is saved. The decision and its evidence are stored on
the article (grouping_status, grouping_score, grouping_evidence); the event's profile,
index keys, counts, title and summary are kept current.
"""

from django.db import connection, transaction

from ..models import Article, Event, GroupingStatus
from ..reading.vectors import unpack
from . import near_misses
from .engine import Decision, Weights, decide, report_keys
from .features import ReportFeatures
from .refine import Refinement, Split, reconsider, split_evidence
from .similarity import Profile
from .store import DatabaseStore, features_for, first_members
from .summaries import Candidate, central_extract, representative_title

# Any fixed 64-bit number, the same in every process: PostgreSQL's advisory lock id.
GROUPING_LOCK = 0x47524F5550  # "GROUP"


def serialise_grouping() -> None:
    """Make concurrent assignments run one after another until the transaction ends.

    PostgreSQL: a transaction-scoped advisory lock. SQLite: the connection opens every
    transaction IMMEDIATE (settings), so a writer already holds the database's write lock
    from BEGIN, and the candidate reads below happen under it.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [GROUPING_LOCK])


def assign_article(article: Article, *, store: DatabaseStore | None = None) -> None:
    """Attach the report to the event it belongs to, or start one, or leave it for review.

    Staff decisions (grouping_status "manual") are never revisited. `store`: one shared by
    the reports of a batch (grouping.batched); by default, a fresh one.
    """
    if article.grouping_status == GroupingStatus.MANUAL:
        return
    if store is None:
        store = DatabaseStore()
    # A batch's caller holds the grouping lock and wraps each report in a savepoint of its own
    # (batched.group_articles): taking them again would cost three round trips a report.
    with transaction.atomic(savepoint=not store.batched):
        if not store.batched:
            serialise_grouping()
        store.forget_reads()
        report, new = store.features(article)
        if new:
            store.count_report(report_keys(report))
        decision = decide(report, store)
        apply_decision(article, report, decision, store)
        near_misses.record(article.event_id, decision.considered)
        if article.event_id is not None:
            refinement = reconsider(
                store,
                article.event_id,
                decision.considered,
                trigger=article.pk,
                weights=decision.weights,
                size=article.event.article_count,
            )
            apply_refinement(refinement, store)
            if any(move.article_id == article.pk for move in refinement.moves):
                # The caller's instance must not keep the event it was just moved out of.
                article.refresh_from_db(
                    fields=["event", "grouping_status", "grouping_score", "grouping_evidence"]
                )


def apply_decision(
    article: Article, report: ReportFeatures, decision: Decision, store: DatabaseStore
) -> None:
    previous = article.event
    if decision.status == "joined":
        event, profile = store.loaded_profile(decision.event_id)
    elif decision.status == "started":
        event = Event.objects.create(title=article.title[:500])
        profile = Profile()
    else:
        event, profile = None, None
    article.event = event
    article.grouping_status = decision.status
    article.grouping_score = decision.score
    article.grouping_evidence = decision.evidence
    article.save(update_fields=["event", "grouping_status", "grouping_score", "grouping_evidence"])
    if event is not None:
        counted = _count_new_member(event, article, profile) if previous != event else []
        profile.add(report, *decision.weights.vectors(report))
        if not counted:
            event.refresh_stats()
        store.save_profile(event, profile)
        members = store.first_members(event.pk, joined=article if previous != event else None)
        refresh_event_text(event, profile, also_save=counted, members=members)
    if previous is not None and previous != event:
        store.forget_event(previous.pk)
        rebuild_event(previous)


def apply_refinement(refinement: Refinement, store: DatabaseStore) -> None:
    """Store the moves of second thoughts, and the profiles, counts and text they change."""
    for move in refinement.moves:
        Article.objects.filter(pk=move.article_id).update(
            event_id=move.to_event,
            grouping_status=GroupingStatus.JOINED,
            grouping_score=move.score,
            grouping_evidence=move.evidence,
        )
    for split in refinement.splits:
        _store_split(split, store)
    events = Event.objects.in_bulk(list(refinement.profiles))
    for event_id, profile in sorted(refinement.profiles.items()):
        event = events[event_id]
        store.forget_event(event_id)  # its members changed under the store
        if not profile.members:
            event.delete()
            continue
        event.refresh_stats()
        store.save_profile(event, profile)
        refresh_event_text(event, profile)


def _store_split(split: Split, store: DatabaseStore) -> None:
    """A new event for the reports that left their event (refine.pull_apart)."""
    title = Article.objects.values_list("title", flat=True).get(pk=split.article_ids[0])[:500]
    event = Event.objects.create(title=title)
    for article_id in split.article_ids:
        Article.objects.filter(pk=article_id).update(
            event_id=event.pk,
            grouping_status=GroupingStatus.JOINED,
            grouping_score=split.scores[article_id],
            grouping_evidence=split_evidence(split, article_id, event.pk, title),
        )
    event.refresh_stats()
    store.save_profile(event, split.profile)
    refresh_event_text(event, split.profile)
    # Two stories that still score close: possibly one after all, as for any near miss.
    near_misses.record(event.pk, [(split.from_event, split.between)])


def _count_new_member(event: Event, article: Article, profile: Profile) -> list[str]:
    """Update the event's counts and span for one more report without re-reading them all.

    Returns the changed fields, or [] when the profile does not account for every member
    (then the caller recounts with refresh_stats). Call before adding to the profile.
    """
    if profile.members != event.article_count:
        return []
    event.article_count += 1
    if article.source_id not in profile.outlets:
        event.source_count += 1
    when = article.published_at
    if when is not None:
        event.first_published_at = min(filter(None, [event.first_published_at, when]))
        event.last_published_at = max(filter(None, [event.last_published_at, when]))
    return ["article_count", "source_count", "first_published_at", "last_published_at"]


def refresh_event_text(
    event: Event,
    profile: Profile | None = None,
    also_save: list[str] | None = None,
    members: list[tuple] | None = None,
) -> None:
    """Re-pick the title and summary from the reports, except fields staff have edited.

    also_save: other fields the caller changed, written in the same statement. members: the
    rows of first_members(event), if the caller has them.
    """
    also_save = also_save or []
    if event.title_locked and event.summary_locked:
        if also_save:
            event.save(update_fields=[*also_save, "updated_at"])
        return
    if profile is None:
        stored = getattr(event, "grouping_profile", None)
        if stored is None:
            return
        profile = Profile.from_json(stored.data, None, None)
    if members is None:
        members = list(first_members(event.pk))
    if not members:
        if also_save:
            event.save(update_fields=[*also_save, "updated_at"])
        return
    candidates = [
        candidate(title, opening, (features or {}).get("t", {}), read_title, vector)
        for _, title, opening, features, read_title, vector in members
    ]
    fields = list(also_save)
    if not event.title_locked:
        event.title = representative_title(candidates, profile)
        fields.append("title")
    if not event.summary_locked:
        event.summary = central_extract(candidates, profile)
        fields.append("summary")
    event.save(update_fields=[*fields, "updated_at"])


def candidate(
    title: str, opening: str, terms: dict[str, float], read_title: str | None, title_vector: dict | None
) -> Candidate:
    """A report as summaries.py sees it. The headline's vector counts only while the
    reading is of the headline it has now (staff may have edited it since)."""
    vector = unpack(title_vector) if read_title == title and isinstance(title_vector, dict) else None
    return Candidate(title, terms, None if vector is None else vector[0], opening)


def rebuild_event(event: Event) -> None:
    """Recompute an event's profile, index, counts and text from its current members.

    Used after staff move reports in or out of it; an event left empty is deleted.
    """
    members = list(Article.objects.filter(event=event).order_by("id"))
    if not members:
        event.delete()
        return
    event.refresh_stats()
    reports = [features_for(member)[0] for member in members]
    store = DatabaseStore()
    weights = Weights(*store.frequencies(key for report in reports for key in report_keys(report)))
    profile = Profile()
    for report in reports:
        profile.add(report, *weights.vectors(report))
    store.save_profile(event, profile)
    refresh_event_text(event, profile)
