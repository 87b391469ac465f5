"""Row builders for the browsing tests: outlets, events and reports with valid constraints."""

import datetime as dt
import hashlib
import itertools

from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Event, GroupingStatus, Source

_counter = itertools.count(1)
BASE_TIME = timezone.make_aware(dt.datetime(2026, 3, 2, 9, 0))


def outlet(name: str) -> Source:
    return Source.objects.create(name=name, slug=slugify(name), domain=f"{slugify(name)}.example")


def report(
    source: Source,
    *,
    title: str = "",
    body: str = "",
    event: Event | None = None,
    published_at: dt.datetime | None = None,
    explanation: str = "",
    url: str | None = None,
) -> Article:
    n = next(_counter)
    title = title or f"Report number {n}"
    body = body or f"Body of report {n}. Officials spoke on Monday."
    article = Article.objects.create(
        source=source,
        event=event,
        title=title,
        body_text=body,
        url=url,
        published_at=published_at,
        word_count=len(body.split()),
        content_hash=hashlib.sha256(f"{n}|{title}|{body}".encode()).hexdigest(),
        grouping_status=GroupingStatus.JOINED if event else GroupingStatus.PENDING,
        grouping_evidence={"explanation": explanation} if explanation else {},
    )
    if event is not None:
        event.refresh_stats()
    return article


def event_with_reports(
    title: str, outlets: list[Source], *, start: dt.datetime = BASE_TIME, step_hours: int = 2
) -> Event:
    event = Event.objects.create(title=title)
    for index, source in enumerate(outlets):
        report(
            source,
            title=f"{title} ({source.name})",
            event=event,
            published_at=start + dt.timedelta(hours=step_hours * index),
        )
    event.refresh_from_db()
    return event


def bulk_rows(count: int, *, outlets: int = 5) -> list[Event]:
    """`count` events and `count` reports spread over a few outlets, inserted in bulk."""
    sources = [outlet(f"Bulk Outlet {i}") for i in range(outlets)]
    events = Event.objects.bulk_create([Event(title=f"Bulk event {i}") for i in range(count)])
    rows = []
    for i, event in enumerate(events):
        body = f"Bulk body {i} about the harbour strike and the port authority."
        rows.append(
            Article(
                source=sources[i % outlets],
                event=event,
                title=f"Bulk report {i} on the harbour strike",
                body_text=body,
                published_at=BASE_TIME + dt.timedelta(minutes=i),
                content_hash=hashlib.sha256(body.encode()).hexdigest(),
                grouping_evidence={
                    "explanation": f"grouped because: shared terms strike; similarity 0.{i % 9 + 1}"
                },
            )
        )
    unassigned = [
        Article(
            source=sources[i % outlets],
            title=f"Unassigned report {i}",
            body_text=f"Unassigned body {i}",
            published_at=BASE_TIME + dt.timedelta(minutes=i),
            content_hash=hashlib.sha256(f"unassigned {i}".encode()).hexdigest(),
        )
        for i in range(count)
    ]
    Article.objects.bulk_create(rows + unassigned)
    for event in events:
        event.refresh_stats()
    return events
