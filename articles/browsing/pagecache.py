"""Whole-page caching for the reader pages, keyed by version tokens the database keeps.

Migration 0005_browsing keeps a site-wide token in articles_content_version that changes, in the
same transaction, with every write to articles, events and outlets; migration 0014 keeps tokens
per event, per report and for the outlets in articles_page_version (scope_tokens). A cached page
is stored under the tokens it was rendered from, so a write makes every older copy unreachable
at once: no expiry guesswork, no invalidation code in the writers. Lists and search use the
site-wide token; event, report and comparison pages name their own (`cached_page(version=...)`),
so that they survive writes elsewhere. Reading the tokens costs one primary-key read (or one
small IN query) per request. Pages must not depend on the user (these do not: no login state,
no forms with CSRF tokens).

Each answer says whether it came from the cache (`X-Page-Cache: hit` or `miss`), so that the
benchmark and an operator reading a proxy's logs can see the hit rate without instrumenting code.
"""

import gzip
import hashlib
import os
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from . import processcopy

MAX_KEYED_URL = 600  # longer query strings are rendered, not cached (bounded keys)
CACHE_HEADER = "X-Page-Cache"


VERSION_SQL = "SELECT token FROM articles_content_version WHERE id = 1"
_readers = threading.local()

# The site-wide token a page keyed by it was looked up under, while that page renders: what the
# page reads under the same token (an unfiltered list's count, fixedsql.whole_count) reuses it
# instead of reading it again. The page's content is read after it, so it is at least as new.
_page_site_token: ContextVar[str | None] = ContextVar("page_site_token", default=None)


class _SiteSeen:
    """The newest site-wide token this process has read, from any request: a page version kept
    under an older one (cached_page's reuse_while_unwritten) is known to be stale before asking."""

    token: str | None = None


_site_seen = _SiteSeen()


def _sqlite_file(settings_dict: dict[str, object]) -> str | None:
    """The database file, or None for in-memory databases (the test suite's), which a second
    connection could not read consistently."""
    name = str(settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or "mode=memory" in name:
        return None
    return name


def read_token_sqlite(path: str) -> str:
    """Read the token through a long-lived connection of this thread (it only ever reads).

    The site opens a new SQLite connection per request (CONN_MAX_AGE=0), and opening one costs
    about half a millisecond (schema parsing), more than serving a cached page. A cache hit
    therefore reads the token here and never opens Django's connection. In WAL mode each
    autocommit SELECT sees the latest committed token.
    """
    row = _sqlite_reader(path).execute(VERSION_SQL).fetchone()
    return row[0] if row else ""


def _sqlite_reader(path: str) -> sqlite3.Connection:
    """This thread's reader of the file, reopened if the file was replaced (a fresh database
    after `make clean`): its identity changes."""
    stat = os.stat(path)
    identity = (path, stat.st_dev, stat.st_ino)
    reader = getattr(_readers, "connection", None)
    if reader is None or getattr(_readers, "identity", None) != identity:
        if reader is not None:
            reader.close()
        # rw, not ro: a read-only connection cannot always open a WAL database; never creates a file.
        reader = sqlite3.connect(f"file:{path}?mode=rw", uri=True, check_same_thread=False)
        _readers.connection, _readers.identity = reader, identity
    return reader


def read_rows(sql: str, params: Sequence[object]) -> list[tuple]:
    """Rows of a small read (`%s` placeholders) for a cache key: on a SQLite file through this
    thread's long-lived reader (see read_token_sqlite), so that a cache hit never opens Django's
    connection; otherwise through Django's connection."""
    if connection.vendor == "sqlite" and (path := _sqlite_file(connection.settings_dict)):
        return _sqlite_reader(path).execute(sql.replace("%s", "?"), list(params)).fetchall()
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()


def content_version() -> str:
    if (known := _page_site_token.get()) is not None:
        return known
    if connection.vendor == "sqlite" and (path := _sqlite_file(connection.settings_dict)):
        token = read_token_sqlite(path)
    else:
        with connection.cursor() as cursor:
            cursor.execute(VERSION_SQL)
            row = cursor.fetchone()
        token = row[0] if row else ""
    _site_seen.token = token
    return token


# Tokens of the scopes of migration 0014 (an event, a report, the outlets, the bulk-write epoch).
SCOPES_SQL = "SELECT scope, token FROM articles_page_version WHERE scope IN ({})"
# The tokens of the events some reports are in, found through the reports in the same query:
# one correlated lookup, planned once and run once a report through the primary key. As a join
# it left the choice to PostgreSQL's planner, which took a full scan of the version table and a
# hash join (2.4 ms, plus 1.5 ms of planning) once the table had grown and bloated under writes;
# a lookup cannot become a hash join. A report in no event, or in an event whose scope has no row
# yet, yields a NULL token, left out by scope_tokens as the join left it out. (Not one statement
# a report: PostgreSQL planned 50 of those in 6 ms.)
REPORTS_EVENTS_SQL = (
    " UNION ALL SELECT 'event:' || a.event_id, (SELECT v.token FROM articles_page_version v"
    " WHERE v.scope = 'event:' || a.event_id) FROM articles_article a WHERE a.id IN ({})"
)
# The tokens of the events linked to one as possibly the same story, in the same query.
LINKED_EVENTS_SQL = (
    " UNION ALL SELECT v.scope, v.token FROM articles_possiblysame p"
    " JOIN articles_page_version v ON v.scope = 'event:' || p.event_b_id WHERE p.event_a_id = %s"
    " UNION ALL SELECT v.scope, v.token FROM articles_possiblysame p"
    " JOIN articles_page_version v ON v.scope = 'event:' || p.event_a_id WHERE p.event_b_id = %s"
)


# The site-wide token, read in the same statement as a page version's scopes (see
# _state_while_unwritten): under a name no scope takes.
SITE_IN_SCOPES_SQL = " UNION ALL SELECT '*site*', token FROM articles_content_version WHERE id = 1"
SITE_IN_SCOPES = "*site*"
# Set while a version that wants the site-wide token with its scopes is read: scope_tokens
# then adds it to its statement and leaves it here (the last statement's, which the version's
# state is read as of).
_site_with_scopes: ContextVar[list[str] | None] = ContextVar("site_with_scopes", default=None)


def scope_tokens(
    scopes: Sequence[str], *, reports_events: Sequence[int] = (), linked_to: int | None = None
) -> dict[str, str]:
    """The tokens of the given scopes, of the outlets and of the epoch, of the events the
    reports `reports_events` are in and of the events linked to event `linked_to` (under
    "event:<id>"), in one query. A scope never written since the migration has no row yet and
    reads "none": its first write creates a row with a random token, so "none" is a state of
    its own that never comes back. A linked event never written has no row and is left out:
    its first write adds one, which changes the set read."""
    names = [*scopes, "outlets", "epoch"]
    sql = SCOPES_SQL.format(", ".join(["%s"] * len(names)))
    if reports_events:
        sql += REPORTS_EVENTS_SQL.format(", ".join(["%s"] * len(reports_events)))
    params: list[object] = [*names, *reports_events]
    if linked_to is not None:
        sql += LINKED_EVENTS_SQL
        params += [linked_to, linked_to]
    if (site := _site_with_scopes.get()) is not None:
        sql += SITE_IN_SCOPES_SQL
    rows = {scope: token for scope, token in read_rows(sql, params) if token is not None}
    if site is not None:
        token = rows.pop(SITE_IN_SCOPES, "")
        site[:] = [token]
        _site_seen.token = token
    return {name: rows.get(name, "none") for name in names} | rows


def scope_versions(scopes: Sequence[str], *, reports_events: Sequence[int] = ()) -> str:
    """One string naming the state of the given scopes (see scope_tokens): it changes, at
    once, with any write to them and with no other write."""
    return versions_of(scope_tokens(scopes, reports_events=reports_events))


def versions_of(tokens: Mapping[str, str]) -> str:
    """Tokens by scope as one string, in the scopes' order."""
    return "|".join(f"{name}={token}" for name, token in sorted(tokens.items()))


BUMP_SQL = "UPDATE articles_content_version SET token = lower(hex(randomblob(8))) WHERE id = 1"
BUMP_EPOCH_SQL = (
    "INSERT OR REPLACE INTO articles_page_version (scope, token) VALUES ('epoch', lower(hex(randomblob(8))))"
)


@contextmanager
def one_version_bump() -> Iterator[None]:
    """For a bulk write inside a transaction: change the token once, not once per row.

    PostgreSQL's version triggers run once per statement. SQLite has only row triggers, and
    rewriting the token row for each of 100,000 updated articles costs more than the updates
    themselves. So on SQLite the version triggers are dropped for the duration and put back
    as they were (their SQL is read from the schema), then the token is changed once. DDL is
    transactional in SQLite: if the write fails, the rollback restores the triggers too.
    """
    if connection.vendor != "sqlite":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("one_version_bump() needs a transaction (transaction.atomic)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_version_*'"
        )
        triggers = cursor.fetchall()
        for name, _ in triggers:
            cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        for _, sql in triggers:
            cursor.execute(sql)
        cursor.execute(BUMP_SQL)
        # The per-scope triggers were dropped too: every scope's pages must go at once.
        cursor.execute(BUMP_EPOCH_SQL)


# A page's version: a string, or an object whose str() is one and which carries what the key
# was computed from, so that the view renders exactly that (see coverage.EventPageVersion).
type PageVersion = Callable[..., object]


def page_version[T](request: HttpRequest, version: Callable[..., T], **kwargs: object) -> T:
    """The page's state as cached_page read it for this request, or read now when the page
    cache is off: a view keys its content fragment by it without reading it twice."""
    state = getattr(request, "page_version", None)
    return state if state is not None else version(**kwargs)


def _page_key(state: object, full_path: str, *, scoped: bool) -> str:
    # Hashed: a query string may hold spaces and run past memcached's 250-character keys.
    digest = hashlib.sha256(f"{state!s}\n{full_path}".encode()).hexdigest()
    return f"page:{'scoped' if scoped else state}:{digest}"


# Pages are stored compressed once and sent as stored to the clients that take gzip (every
# browser): an event page of twenty reports is some 230 KB of HTML, and copying it out of Redis,
# through the worker and over the socket on every hit cost more than finding it. Level 1: a miss
# pays under a millisecond for it, and a higher level saves little more on HTML.
GZIP_LEVEL = 1
GZIP_FROM_BYTES = 1024  # smaller pages are stored and sent as they are
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _stored(response: HttpResponse) -> tuple[bytes, str, str]:
    """(content, content type, content encoding) as the cache keeps a rendered page."""
    content = response.content
    if len(content) < GZIP_FROM_BYTES:
        return content, response["Content-Type"], ""
    return gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0), response["Content-Type"], "gzip"


def _accepts_gzip(request: HttpRequest) -> bool:
    return bool(_ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


def _marked(response: HttpResponse, state: str) -> HttpResponse:
    # One URL, two bodies: a shared cache in front must key them apart.
    patch_vary_headers(response, ["Accept-Encoding"])
    response[CACHE_HEADER] = state
    return response


def _hit(request: HttpRequest, stored: tuple) -> HttpResponse:
    """The stored page as this client takes it: as stored when it accepts gzip, else inflated."""
    content, content_type, encoding = stored if len(stored) == 3 else (*stored, "")
    if encoding == "gzip" and not _accepts_gzip(request):
        content, encoding = gzip.decompress(content), ""
    response = HttpResponse(content, content_type=content_type)
    if encoding:
        response["Content-Encoding"] = encoding
    return _marked(response, "hit")


class ProcessMemo[K, V]:
    """A bounded map this process keeps across requests, safe between threads: past `size`
    entries the least recently used go."""

    def __init__(self, size: int) -> None:
        self._items: OrderedDict[K, V] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            if len(self._items) > self._size:
                self._items.popitem(last=False)


# Page versions a process read, by page, with the site-wide token they were read under (see
# cached_page's reuse_while_unwritten): a few hundred bytes an entry.
_states: ProcessMemo[tuple, tuple[str, object]] = ProcessMemo(20_000)
# What list and search pages showed (cached_page's `shows`), by page, with the site-wide token
# read before it: a few kB an entry (a page's ids and tokens), so fewer of them.
_shown: ProcessMemo[tuple, tuple[str, object]] = ProcessMemo(4_000)


def _state_while_unwritten(version: PageVersion, page: tuple, kwargs: dict[str, object]) -> object:
    """version(**kwargs), or the one this process read for the page while the site-wide token
    stands: nothing at all has been written since, so it still names the page.

    When the process has already seen a newer site-wide token than the one kept with the page
    (on a site that imports every second, most requests), the kept version is stale before
    asking: the token is then read in the version's own statement (scope_tokens), one round
    trip instead of two. The version's state is as of that statement (what it reads before is
    checked against the tokens it reads there, what it reads after is at least as new)."""
    known = _states.get(page)
    if known is not None and known[0] == _site_seen.token:
        site = content_version()
        if site == known[0]:
            return known[1]
    collected: list[str] = []
    reset = _site_with_scopes.set(collected)
    try:
        state = version(**kwargs)
    finally:
        _site_with_scopes.reset(reset)
    if collected:
        _states.put(page, (collected[0], state))
    return state


# A list page's version from its request (see cached_page's `shows`); None: the site-wide token.
type ShownVersion = Callable[[HttpRequest], object | None]


def _shown_while_unwritten(shows: ShownVersion, view: Callable, site: str, request: HttpRequest) -> object:
    """What the list page shows, as read under the site-wide token `site` (read before it): kept
    by the process with that token, reused while it stands. Read after the token, it is at least
    as new as the state the token names; if a write landed in between, the token has changed for
    good (tokens are random and never come back), so the kept pair is never used again."""
    page = (view.__module__, view.__qualname__, request.get_full_path())
    known = _shown.get(page)
    if known is not None and known[0] == site:
        return known[1]
    state = shows(request)
    if state is not None:
        _shown.put(page, (site, state))
    return state


def cached_page[V: Callable[..., HttpResponse]](
    view: V | None = None,
    *,
    version: PageVersion | None = None,
    reuse_while_unwritten: bool = False,
    shows: ShownVersion | None = None,
) -> V | Callable[[V], V]:
    """Serve a GET from the cache when the data has not changed since it was rendered.

    `version(**view_kwargs)` names the state of everything the page shows (see scope_versions);
    without it, the site-wide content version does, which every write changes. A page with a
    version of its own is looked up under it alone: on a site that imports every second the
    site-wide token is new at almost every request, so looking there first cost a query and a
    cache read that almost never found the page.

    `reuse_while_unwritten`: for a page whose version costs more than a primary-key read (the
    event page's reads the tokens of its weeks and linked events), the process keeps the version
    it read with the site-wide token: while nothing at all is written, a request reads that
    token alone; after a write anywhere, the version with the token in one statement (see
    _state_while_unwritten).

    `shows(request)`: for a list page, what it shows (its rows' ids and tokens, its count; see
    browsing.listing), read only after a write: while the site-wide token stands, the process
    reuses what it read under it. A write that leaves the page's rows and count as they were (a
    report read or grouped elsewhere, a new report further down another list) leaves the page
    cached. None from `shows`: the page is keyed by the site-wide token (a filtered list)."""
    if view is None:
        return lambda view: cached_page(
            view, version=version, reuse_while_unwritten=reuse_while_unwritten, shows=shows
        )

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        seconds = settings.BROWSE_PAGE_CACHE_SECONDS
        full_path = request.get_full_path()
        if not seconds or request.method not in ("GET", "HEAD") or len(full_path) > MAX_KEYED_URL:
            return view(request, *args, **kwargs)
        cache = caches[settings.BROWSE_PAGE_CACHE]
        site_reset = None
        if version is None:
            site = content_version()
            site_reset = _page_site_token.set(site)
            state = None if shows is None else _shown_while_unwritten(shows, view, site, request)
            if state is None:
                key = _page_key(site, full_path, scoped=False)
            else:
                request.page_version = state
                key = _page_key(state, full_path, scoped=True)
        else:
            if reuse_while_unwritten:
                page = (view.__module__, view.__qualname__, tuple(sorted(kwargs.items())))
                state = _state_while_unwritten(version, page, kwargs)
            else:
                state = version(**kwargs)
            request.page_version = state  # the view may key its own fragments by it (page_version)
            key = _page_key(state, full_path, scoped=True)
        try:
            return _found_or_rendered(cache, key, seconds, request, lambda: view(request, *args, **kwargs))
        finally:
            if site_reset is not None:
                _page_site_token.reset(site_reset)

    return wrapper


def _found_or_rendered(
    cache: BaseCache, key: str, seconds: int, request: HttpRequest, render: Callable[[], HttpResponse]
) -> HttpResponse:
    """The page stored under `key` (this process's copy first, see processcopy), or rendered
    now and stored there (a full page only)."""
    if (stored := processcopy.get(cache, key)) is not None:
        return _hit(request, stored)
    response = render()
    if response.status_code == 200 and not response.streaming:
        if hasattr(response, "render") and callable(response.render):
            response.render()
        content, _, encoding = stored = _stored(response)
        processcopy.put(cache, key, stored, seconds)
        if encoding and _accepts_gzip(request):
            response.content = content
            response["Content-Encoding"] = encoding
        return _marked(response, "miss")
    return response
