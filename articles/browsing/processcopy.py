"""Each process's own copies of shared-cache entries whose keys name their content.

Pages (pagecache), list rows and page parts (fragments) are stored under keys that name the
state they were rendered from: version tokens, the site-wide token, or a digest of the values a
row shows. The entry under such a key never changes, so a copy a process keeps is as good as the
shared one, and a write shows at once because it makes new keys, not new values. On a live site
most reader requests find their page or rows under the same keys again after writes elsewhere;
with a shared Redis (several application servers) each of those lookups was a round trip, a
fifth of a worker's time in the mix's profile. The copies sit in front of the shared cache,
bounded by bytes (PAGE_CACHE_LOCAL_MB, 0 turns them off) and expiring as the shared entries do.

Only for keys that name their content: an entry rewritten in place under one key (the search's
kept ranking, articles/search/standing.py) must not be copied. Not used when the cache is this
process's memory already (no CACHE_URL).
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.cache import BaseCache
from django.core.cache.backends.locmem import LocMemCache

ENTRY_OVERHEAD = 200  # the key and the bookkeeping: many small rows count too


def _size(value: object) -> int:
    """Bytes of a page as the page cache stores it ((content, type, encoding)) or of a row."""
    if isinstance(value, tuple):
        return len(value[0]) + ENTRY_OVERHEAD
    return len(value) + ENTRY_OVERHEAD  # a row or fragment: str; a character is a byte or more


class BytesMemo:
    """Entries each kept until its expiry, bounded by their bytes: past `max_bytes` the least
    recently used go. Safe between threads."""

    def __init__(self, max_bytes: int) -> None:
        self._items: OrderedDict[str, tuple[object, int, float]] = OrderedDict()
        self._max_bytes = max_bytes
        self._total = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> object | None:
        with self._lock:
            return self._get(key, time.monotonic())

    def get_many(self, keys: Iterable[str]) -> dict[str, object]:
        now = time.monotonic()
        with self._lock:
            return {key: value for key in keys if (value := self._get(key, now)) is not None}

    def put(self, key: str, value: object, seconds: float) -> None:
        self.put_many({key: value}, seconds)

    def put_many(self, values: Mapping[str, object], seconds: float) -> None:
        expiry = time.monotonic() + seconds
        with self._lock:
            for key, value in values.items():
                size = _size(value)
                if size > self._max_bytes:
                    continue
                self._drop(key)
                self._items[key] = (value, size, expiry)
                self._total += size
            while self._total > self._max_bytes:
                self._drop(next(iter(self._items)))

    def _get(self, key: str, now: float) -> object | None:
        item = self._items.get(key)
        if item is None:
            return None
        if item[2] <= now:
            self._drop(key)
            return None
        self._items.move_to_end(key)
        return item[0]

    def _drop(self, key: str) -> None:
        if (item := self._items.pop(key, None)) is not None:
            self._total -= item[1]


_copies: dict[tuple[str, int], BytesMemo] = {}


def _copies_for(cache: BaseCache) -> BytesMemo | None:
    max_bytes = settings.PAGE_CACHE_LOCAL_MB * 1024 * 1024
    if isinstance(cache, LocMemCache) or max_bytes <= 0:
        return None
    name = (settings.BROWSE_PAGE_CACHE, max_bytes)
    return _copies.get(name) or _copies.setdefault(name, BytesMemo(max_bytes))


# Keys are kept under the shared cache's own name of the key (with its prefix): two sites, or two
# test runs, on one Redis keep their entries apart there, and so here. The copies' expiry only
# bounds how long a copy nobody asks for is held (no entry shows the time of day), as the shared
# cache's does; a copy taken from the shared cache gets the full time again.


def get(cache: BaseCache, key: str) -> object | None:
    copies = _copies_for(cache)
    if copies is None:
        return cache.get(key)
    full = cache.make_key(key)
    if (value := copies.get(full)) is not None:
        return value
    value = cache.get(key)
    if value is not None:
        copies.put(full, value, _seconds())
    return value


def get_many(cache: BaseCache, keys: list[str]) -> dict[str, object]:
    copies = _copies_for(cache)
    if copies is None:
        return cache.get_many(keys)
    full = {key: cache.make_key(key) for key in keys}
    held = copies.get_many(full.values())
    found = {key: held[name] for key, name in full.items() if name in held}
    if missing := [key for key in keys if key not in found]:
        fetched = cache.get_many(missing)
        copies.put_many({full[key]: value for key, value in fetched.items()}, _seconds())
        found |= fetched
    return found


def put(cache: BaseCache, key: str, value: object, seconds: int) -> None:
    cache.set(key, value, seconds)
    if (copies := _copies_for(cache)) is not None:
        copies.put(cache.make_key(key), value, seconds)


def put_many(cache: BaseCache, values: Mapping[str, object], seconds: int) -> None:
    cache.set_many(values, seconds)
    if (copies := _copies_for(cache)) is not None:
        copies.put_many({cache.make_key(key): value for key, value in values.items()}, seconds)


def _seconds() -> int:
    """How long a copy taken from the shared cache is kept: the longest the site stores pages
    and rows for."""
    return max(settings.BROWSE_PAGE_CACHE_SECONDS, settings.BROWSE_FRAGMENT_CACHE_SECONDS)
