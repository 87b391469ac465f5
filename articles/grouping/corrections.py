"""Staff corrections to the grouping: move reports, split them off, merge events.

Every report touched gets grouping_status "manual" and evidence saying who did what
and when; automatic assignment and regrouping never move a manual report again.
"""

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import Article, Event, GroupingStatus, MergedEvent, PossiblySame
from . import near_misses
from .service import rebuild_event, serialise_grouping


def _record(
    article: Article, event: Event | None, *, action: str, by: AbstractBaseUser | None, sentence: str
) -> None:
    previous = article.event_id
    article.event = event
    article.grouping_status = GroupingStatus.MANUAL
    article.grouping_score = None
    article.grouping_evidence = {
        "decision": "manual",
        "action": action,
        "by": by.get_username() if by is not None else None,
        "at": timezone.now().isoformat(timespec="seconds"),
        "from_event_id": previous,
        "event_id": event.pk if event else None,
        "event_title": event.title if event else None,
        "explanation": sentence,
    }
    article.save(update_fields=["event", "grouping_status", "grouping_score", "grouping_evidence"])


def _who(by: AbstractBaseUser | None) -> str:
    return f" by {by.get_username()}" if by is not None else ""


def _rebuild(event_ids: Iterable[int | None]) -> None:
    for event in Event.objects.filter(pk__in=[e for e in set(event_ids) if e is not None]):
        rebuild_event(event)


def move_articles(articles: Iterable[Article], *, to: Event, by: AbstractBaseUser | None = None) -> int:
    """Put the reports in event `to`; returns how many moved."""
    with transaction.atomic():
        serialise_grouping()
        touched = {to.pk}
        moved = 0
        for article in articles:
            if article.event_id == to.pk and article.grouping_status == GroupingStatus.MANUAL:
                continue
            touched.add(article.event_id)
            origin = f"event #{article.event_id}" if article.event_id else "no event"
            _record(
                article,
                to,
                action="moved",
                by=by,
                sentence=f"placed by staff{_who(by)}: moved from {origin} to event #{to.pk}",
            )
            moved += 1
        _rebuild(touched)
        return moved


def detach_articles(articles: Iterable[Article], *, by: AbstractBaseUser | None = None) -> int:
    """Take the reports out of their events and keep them out (staff cleared the event)."""
    with transaction.atomic():
        serialise_grouping()
        touched = set()
        detached = 0
        for article in articles:
            touched.add(article.event_id)
            _record(
                article,
                None,
                action="detached",
                by=by,
                sentence=f"placed by staff{_who(by)}: taken out of event #{article.event_id}, in no event",
            )
            detached += 1
        _rebuild(touched)
        return detached


def split_articles(articles: Iterable[Article], *, by: AbstractBaseUser | None = None) -> Event:
    """Start a new event holding exactly these reports."""
    articles = list(articles)
    if not articles:
        raise ValueError("Select at least one report to split off.")
    with transaction.atomic():
        serialise_grouping()
        event = Event.objects.create(title=articles[0].title[:500])
        touched = {event.pk}
        for article in articles:
            touched.add(article.event_id)
            origin = f"event #{article.event_id}" if article.event_id else "no event"
            _record(
                article,
                event,
                action="split",
                by=by,
                sentence=f"placed by staff{_who(by)}: split off from {origin} into a new event #{event.pk}",
            )
        _rebuild(touched)
        return event


def merge_events(events: Iterable[Event], *, by: AbstractBaseUser | None = None) -> Event:
    """Merge the events into the one with the most reports (the oldest on a tie).

    Every report of the merged event becomes a staff decision, the target's own included:
    staff said these belong together, so regrouping must not pull any of them apart.
    """
    events = sorted(events, key=lambda e: (-e.article_count, e.pk))
    if len(events) < 2:
        raise ValueError("Select at least two events to merge.")
    target, others = events[0], events[1:]
    with transaction.atomic():
        serialise_grouping()
        merged = ", ".join(f"#{e.pk}" for e in events)
        for article in Article.objects.filter(event__in=events).order_by("id"):
            _record(
                article,
                target,
                action="merged",
                by=by,
                sentence=f"placed by staff{_who(by)}: events {merged} merged into event #{target.pk}",
            )
        absorbed = [e.pk for e in others]
        _carry_links(absorbed, target.pk, merged_ids={e.pk for e in events})
        # Addresses of events merged earlier into these follow them to the survivor.
        MergedEvent.objects.filter(into_id__in=absorbed).update(into=target)
        MergedEvent.objects.bulk_create([MergedEvent(id=pk, into=target) for pk in absorbed])
        Event.objects.filter(pk__in=absorbed).delete()
        rebuild_event(target)
        return target


def _carry_links(absorbed: list[int], target: int, merged_ids: set[int]) -> None:
    """Possibly-same links of the absorbed events now belong to the survivor (the best score
    kept); links among the merged events themselves are settled and go with them."""
    rows = PossiblySame.objects.filter(Q(event_a_id__in=absorbed) | Q(event_b_id__in=absorbed))
    carried: dict[int, float] = {}
    for a, b, score in rows.values_list("event_a_id", "event_b_id", "score"):
        other = b if a in merged_ids else a
        if other not in merged_ids:
            carried[other] = max(score, carried.get(other, 0.0))
    rows.delete()
    for other, score in carried.items():
        near_misses.link(target, other, score)


def delete_articles(articles: Iterable[Article]) -> int:
    """Delete the reports and bring their events' counts, span, profile and text up to date
    (an event left empty goes too). Returns how many were deleted."""
    with transaction.atomic():
        serialise_grouping()
        articles = list(articles)
        touched = {article.event_id for article in articles}
        deleted = 0
        for article in articles:
            article.delete()
            deleted += 1
        _rebuild(touched)
        return deleted
