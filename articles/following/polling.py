"""Polling feeds: one poll fetches the feed (conditional GET), skips the entries already
stored, fetches the pages of the new ones and imports them as one batch.

Entries already stored are recognised without fetching their page: by GUID (FeedEntry),
by link (an article with that URL), or by the same text (the entry's own full text hashes
to a stored article's). A 304 answer fetches nothing else.

Politeness: requests go through the process's HostGate (one at a time per host, a pause
between them), robots.txt is read per host and obeyed, every request names the site and a
contact address (FETCH_USER_AGENT). After an error the next poll waits longer (doubling
up to FEED_MAX_BACKOFF_MINUTES); a 429 or 503 with Retry-After waits at least that long.
A page host that answers 429/503 is left alone for the rest of the poll; its entries are
tried at the next one.
"""

import datetime as dt
import hashlib
import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import feedparser
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..importing.fetching import FEED_TYPES, Fetched, FetchError, FetchPolicy, decode_page, fetch
from ..importing.pipeline import find_or_create_outlet, import_items
from ..importing.politeness import RobotsRules, host_key
from ..importing.prepare import check_url, content_hash, html_to_text
from ..importing.records import ItemFailure, RawRecord
from ..importing.webpages import HOST_GATE, EntryHints, page_record, policy_from_settings
from ..models import Article, Feed, FeedEntry, ImportOrigin

logger = logging.getLogger(__name__)
# An entry's own text shorter than this is a teaser, not the article: never compared.
MIN_ENTRY_WORDS_FOR_TEXT_MATCH = 80
# The longest GUID stored as it is; longer ones are stored as their hash.
MAX_GUID = 1000


@dataclass
class PollResult:
    feed: Feed
    status: int | None = None
    new_entries: int = 0
    skipped: int = 0
    pages_fetched: int = 0
    created: int = 0
    error: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class _Entry:
    guid: str
    link: str
    title: str
    published: str
    text: str


class Poller:
    """Polls feeds; one per process (the loop) or per call (tests, the admin action). Keeps
    robots.txt rules for an hour."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or policy_from_settings()
        self.robots = RobotsRules(self._read_robots, self.policy.user_agent)

    def _read_robots(self, url: str) -> tuple[int | None, str]:
        try:
            with HOST_GATE.turn(url):
                fetched = fetch(url, self.policy, accept={"text/plain"})
            return fetched.status, decode_page(fetched) if fetched.body.strip() else ""
        except FetchError as error:
            return error.status, ""

    def _fetch(self, url: str, **options: Any) -> Fetched:
        if not self.robots.allows(url):
            raise FetchError(f"robots.txt of {host_key(url)} does not allow us to fetch {url}")
        with HOST_GATE.turn(url):
            return fetch(url, self.policy, **options)

    def poll_due(self, *, now: dt.datetime | None = None) -> list[PollResult]:
        results = []
        for feed in Feed.objects.due(now).select_related("source"):
            if _claim(feed):
                results.append(self.poll(feed))
        return results

    def poll(self, feed: Feed) -> PollResult:
        result = PollResult(feed=feed)
        try:
            self._poll(feed, result)
        except FetchError as error:
            result.error = str(error)
            result.status = error.status
            _record(feed, result, retry_after=error.retry_after)
            return result
        except Exception as error:
            logger.exception("Polling feed %s failed unexpectedly", feed.url)
            result.error = f"the poll failed unexpectedly ({type(error).__name__}; details in the server log)"
            _record(feed, result)
            return result
        _record(feed, result)
        return result

    def _poll(self, feed: Feed, result: PollResult) -> None:
        conditional = {}
        if feed.etag:
            conditional["If-None-Match"] = feed.etag
        if feed.last_modified:
            conditional["If-Modified-Since"] = feed.last_modified
        fetched = self._fetch(feed.url, accept=FEED_TYPES, headers=conditional)
        result.status = fetched.status
        if fetched.status == 304:
            return
        entries = parse_feed(fetched)
        unseen = _unseen(feed, entries, result)
        new = unseen[: settings.FEED_MAX_ENTRIES_PER_POLL]
        result.new_entries = len(new)
        # The validators are kept only when this poll dealt with every entry: otherwise the
        # next poll must read the whole feed again (a 304 would hide the entries left over).
        feed.etag, feed.last_modified = "", ""
        items: list[tuple[_Entry, RawRecord | ItemFailure]] = []
        resting: set[str] = set()  # hosts that asked us to slow down during this poll
        for entry in new:
            if host_key(entry.link) in resting:
                continue
            hints = EntryHints(title=entry.title, published_at=entry.published, outlet=feed.source.name)
            try:
                page = self._fetch(entry.link)
                result.pages_fetched += 1
                items.append((entry, page_record(page, label=entry.link, hints=hints)))
            except FetchError as error:
                if error.status in (429, 503):
                    resting.add(host_key(entry.link))
                    result.notes.append(f"{host_key(entry.link)} asked us to slow down: {error}")
                    continue
                items.append((entry, ItemFailure(entry.link, str(error))))
            except Exception:
                logger.exception("Reading feed entry %s failed unexpectedly", entry.link)
                items.append(
                    (entry, ItemFailure(entry.link, "could not be read (details in the server log)"))
                )
        complete = len(new) == len(unseen) and not resting
        if items:
            outcome = import_items(
                [item for _, item in items], origin=ImportOrigin.FEED, default_source=feed.source.name
            )
            feed.last_batch = outcome.batch
            result.created = outcome.created
            _remember(feed, [entry for entry, _ in items], outcome.entries)
            complete = complete and all(e["outcome"] in ("created", "duplicate") for e in outcome.entries)
        if complete:
            feed.etag = fetched.headers.get("etag", "")[:500]
            feed.last_modified = fetched.headers.get("last-modified", "")[:100]


def parse_feed(fetched: Fetched) -> list[_Entry]:
    """The feed's entries, links made absolute; a document that is not a feed raises
    FetchError. A feed with a small error that still yields entries is read."""
    # A stream, never the bytes: feedparser treats a string that looks like a URL or a file
    # name as one, and would fetch or open it past our checks.
    parsed = feedparser.parse(
        io.BytesIO(fetched.body),
        response_headers={
            "content-location": fetched.url,
            "content-type": fetched.headers.get("content-type", "application/xml"),
        },
    )
    if parsed.bozo and not parsed.entries:
        raise FetchError(
            f"not a readable RSS or Atom feed ({parsed.get('bozo_exception', 'unknown error')})",
            status=fetched.status,
        )
    entries = []
    for raw in parsed.entries:
        link = raw.get("link") or ""
        if not link:
            continue
        try:
            link = check_url(urljoin(fetched.url, link.strip()))
        except ValueError:
            continue
        guid = str(raw.get("id") or link)
        if len(guid) > MAX_GUID:
            guid = "sha256:" + hashlib.sha256(guid.encode()).hexdigest()
        content = raw.get("content") or []
        text = html_to_text(content[0].get("value", "")) if content else ""
        entries.append(
            _Entry(
                guid=guid,
                link=link,
                title=raw.get("title", ""),
                published=raw.get("published", "") or raw.get("updated", ""),
                text=text,
            )
        )
    return entries


def _unseen(feed: Feed, entries: list[_Entry], result: PollResult) -> list[_Entry]:
    """Entries not stored yet; the ones found stored by link or text are remembered as done."""
    guids = [e.guid for e in entries]
    known = set(
        FeedEntry.objects.filter(feed=feed, guid__in=guids)
        .filter(Q(done=True) | Q(attempts__gte=settings.FEED_ENTRY_MAX_ATTEMPTS))
        .values_list("guid", flat=True)
    )
    fresh = [e for e in entries if e.guid not in known]
    by_url = dict(Article.objects.filter(url__in=[e.link for e in fresh]).values_list("url", "id"))
    hashes = {
        e.guid: content_hash(e.text) for e in fresh if len(e.text.split()) >= MIN_ENTRY_WORDS_FOR_TEXT_MATCH
    }
    by_hash = dict(Article.objects.filter(content_hash__in=hashes.values()).values_list("content_hash", "id"))
    new = []
    for entry in fresh:
        article_id = by_url.get(entry.link) or by_hash.get(hashes.get(entry.guid, ""))
        if article_id:
            FeedEntry.objects.update_or_create(
                feed=feed,
                guid=entry.guid,
                defaults={"link": entry.link, "article_id": article_id, "done": True},
            )
            result.skipped += 1
        else:
            new.append(entry)
    result.skipped += len(entries) - len(fresh)
    return new


def _remember(feed: Feed, entries: list[_Entry], report: list[dict[str, Any]]) -> None:
    """Note each fetched entry's outcome: stored (or a duplicate of a stored one) is done;
    a failure counts an attempt."""
    for entry, line in zip(entries, report, strict=True):
        stored = line["outcome"] in ("created", "duplicate")
        row, _ = FeedEntry.objects.get_or_create(feed=feed, guid=entry.guid, defaults={"link": entry.link})
        row.article_id = line.get("article_id") or row.article_id
        row.done = stored
        row.attempts += 0 if stored else 1
        row.last_error = "" if stored else line.get("reason", "")
        row.save()


def _claim(feed: Feed) -> bool:
    """Take the feed for this poll; a second poller running at once finds it taken."""
    lease = timezone.now() + dt.timedelta(minutes=10)
    return bool(Feed.objects.filter(pk=feed.pk, next_poll_at=feed.next_poll_at).update(next_poll_at=lease))


def next_poll_delay(feed: Feed, *, failed: bool, retry_after: float | None = None) -> dt.timedelta:
    """The feed's interval; after consecutive failures it doubles each time, up to the cap,
    and never comes sooner than a server's Retry-After."""
    minutes = feed.interval_minutes
    if failed:
        doublings = min(max(feed.consecutive_failures - 1, 0), 16)
        minutes = min(minutes * 2**doublings, settings.FEED_MAX_BACKOFF_MINUTES)
        minutes = max(minutes, feed.interval_minutes)
    delay = dt.timedelta(minutes=minutes)
    if retry_after is not None:
        delay = max(delay, dt.timedelta(seconds=retry_after))
    return delay


def _record(feed: Feed, result: PollResult, *, retry_after: float | None = None) -> None:
    now = timezone.now()
    failed = bool(result.error)
    feed.last_polled_at = now
    feed.last_status = result.status
    feed.last_new_entries = result.new_entries
    feed.last_error = result.error or "; ".join(result.notes)
    if failed:
        feed.consecutive_failures += 1
        feed.failing_since = feed.failing_since or now
    else:
        feed.consecutive_failures = 0
        feed.failing_since = None
    feed.next_poll_at = now + next_poll_delay(feed, failed=failed, retry_after=retry_after)
    with transaction.atomic():
        feed.save()


class FeedRefused(ValueError):
    """A feed that cannot be added; the message says why."""


def add_feed(*, outlet_name: str, url: str, interval_minutes: int | None = None) -> Feed:
    """Follow `url` for the outlet named `outlet_name` (created if it is new)."""
    from django.core.exceptions import ValidationError

    try:
        url = check_url(url.strip())
    except ValueError as error:
        raise FeedRefused(str(error)) from None
    if not outlet_name.strip():
        raise FeedRefused("the outlet name is empty")
    existing = Feed.objects.filter(url=url).select_related("source").first()
    if existing is not None:
        raise FeedRefused(f"this feed is followed already, for {existing.source.name}")
    with transaction.atomic():
        feed = Feed(source=find_or_create_outlet(outlet_name), url=url)
        if interval_minutes is not None:
            feed.interval_minutes = interval_minutes
        try:
            feed.full_clean()
        except ValidationError as error:
            raise FeedRefused(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            ) from None
        feed.save()
    return feed


def poll_forever(*, sleep: Callable[[float], None] = time.sleep) -> None:
    """The poller loop `make run` starts: poll the due feeds, sleep, again."""
    poller = Poller()
    while True:
        try:
            poller.poll_due()
        except Exception:
            # A lost database connection must not end the poller that `make run` started.
            logger.exception("Polling the due feeds failed; trying again after the pause")
        sleep(settings.FEED_POLL_LOOP_SECONDS)
