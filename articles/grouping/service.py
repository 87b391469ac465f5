"""Assigning a report to an event as it is imported.

Contract: the import pipeline calls assign_article(article) inside the article's
transaction, right after the row is saved. The decision and its evidence are stored on
the article (grouping_status, grouping_score, grouping_evidence); the event's profile,
index keys, counts, title and summary are kept current.
"""

from django.db import connection, transaction

from ..models import Article, Event, GroupingStatus
from ..models import ReportFeatures as StoredFeatures
from .engine import Decision, Weights, decide, report_keys
from .features import ReportFeatures, extract_features
from .similarity import Profile
from .store import DatabaseStore
from .summaries import MEMBERS_READ, central_extract, representative_title

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


def features_for(article: Article) -> ReportFeatures:
    """The report's features, computed once and stored."""
    stored = StoredFeatures.objects.filter(article=article).first()
    if stored is not None:
        report = ReportFeatures.from_json(stored.data, article.published_at)
    else:
        report = extract_features(article.title, article.body_text, article.published_at)
        StoredFeatures.objects.create(article=article, data=report.to_json())
    report.outlet = article.source_id
    return report


def assign_article(article: Article) -> None:
    """Attach the report to the event it belongs to, or start one, or leave it for review.

    Staff decisions (grouping_status "manual") are never revisited.
    """
    if article.grouping_status == GroupingStatus.MANUAL:
        return
    with transaction.atomic():
        serialise_grouping()
        store = DatabaseStore()
        already_counted = StoredFeatures.objects.filter(article=article).exists()
        report = features_for(article)
        if not already_counted:
            store.count_report(report_keys(report))
        decision = decide(report, store)
        apply_decision(article, report, decision, store)


def apply_decision(
    article: Article, report: ReportFeatures, decision: Decision, store: DatabaseStore
) -> None:
    previous = article.event
    if decision.status == "joined":
        event = Event.objects.get(pk=decision.event_id)
        profile = store.profiles([event.pk])[event.pk][0]
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
        profile.add(report, decision.weights.term, decision.weights.name)
        event.refresh_stats()
        store.save_profile(event, profile)
        refresh_event_text(event, profile)
    if previous is not None and previous != event:
        rebuild_event(previous)


def refresh_event_text(event: Event, profile: Profile | None = None) -> None:
    """Re-pick the title and summary from the reports, except fields staff have edited."""
    if event.title_locked and event.summary_locked:
        return
    if profile is None:
        stored = getattr(event, "grouping_profile", None)
        if stored is None:
            return
        profile = Profile.from_json(stored.data, None, None)
    members = list(
        Article.objects.filter(event=event)
        .order_by("id")
        .values_list("id", "title", "body_text")[:MEMBERS_READ]
    )
    if not members:
        return
    features = dict(
        StoredFeatures.objects.filter(article_id__in=[m[0] for m in members]).values_list(
            "article_id", "data"
        )
    )
    fields = []
    if not event.title_locked:
        headlines = [(title, features.get(pk, {}).get("t", {})) for pk, title, _ in members]
        event.title = representative_title(headlines, profile)
        fields.append("title")
    if not event.summary_locked:
        event.summary = central_extract([body for _, _, body in members], profile)
        fields.append("summary")
    event.save(update_fields=[*fields, "updated_at"])


def rebuild_event(event: Event) -> None:
    """Recompute an event's profile, index, counts and text from its current members.

    Used after staff move reports in or out of it; an event left empty is deleted.
    """
    members = list(Article.objects.filter(event=event).order_by("id"))
    if not members:
        event.delete()
        return
    event.refresh_stats()
    reports = [features_for(member) for member in members]
    store = DatabaseStore()
    weights = Weights(*store.frequencies(key for report in reports for key in report_keys(report)))
    profile = Profile()
    for report in reports:
        profile.add(report, weights.term, weights.name)
    store.save_profile(event, profile)
    refresh_event_text(event, profile)
