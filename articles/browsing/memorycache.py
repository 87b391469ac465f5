"""Each process's own cache when there is no Redis: Django's memory cache, bounded by bytes.

Django's LocMemCache bounds the number of entries, but this site's entries range from a 300-byte
list row to a 200 KB event page with its fact table, so a count says nothing about memory and
had to be set low for the large entries' sake. At 2,000 entries a live site's working set (its
pages, their rows, the comparisons and fact tables) did not fit: with imports adding entries
every second, culls of a third of the cache kept dropping the comparisons and fact tables the
next request needed, and with the page cache on (more entries) the site served fewer pages a
second than with it off. Here the bound is the bytes held (values are stored pickled, so their
size is known), and the least recently used entries go, one at a time, only as far as a new
entry needs.
"""

import pickle
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
# Bookkeeping per entry beyond its pickled value (key, expiry, the ordered dict's node), so
# that a great many tiny entries count too.
ENTRY_OVERHEAD_BYTES = 200


@dataclass
class _Held:
    sizes: dict[str, int] = field(default_factory=dict)
    total: int = 0

    def forget(self, key: str) -> None:
        self.total -= self.sizes.pop(key, 0)

    def note(self, key: str, size: int) -> None:
        self.forget(key)
        self.sizes[key] = size
        self.total += size


# Per cache name, as LocMemCache keeps its entries: every instance in a process shares them.
_held: dict[str, _Held] = {}


class BoundedMemoryCache(LocMemCache):
    """LocMemCache that also keeps its entries' bytes under OPTIONS["MAX_BYTES"]."""

    def __init__(self, name: str, params: dict[str, Any]) -> None:
        super().__init__(name, params)
        self._max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", DEFAULT_MAX_BYTES))
        self._held = _held.setdefault(name, _Held())

    # Called by LocMemCache with its lock held, as are _cull and _delete.
    def _set(self, key: str, value: bytes, timeout: float | None = DEFAULT_TIMEOUT) -> None:
        size = len(value) + ENTRY_OVERHEAD_BYTES
        self._delete(key)  # the value it replaces no longer counts
        while self._cache and self._held.total + size > self._max_bytes:
            oldest, _ = self._cache.popitem()  # LocMemCache keeps the least recently used last
            self._expire_info.pop(oldest, None)
            self._held.forget(oldest)
        super()._set(key, value, timeout)
        self._held.note(key, size)

    def _cull(self) -> None:
        super()._cull()
        for key in [key for key in self._held.sizes if key not in self._cache]:
            self._held.forget(key)

    def _delete(self, key: str) -> bool:
        self._held.forget(key)
        return super()._delete(key)

    def get_many(self, keys: Iterable[str], version: int | None = None) -> dict[str, Any]:
        """As BaseCache.get_many, under one lock rather than one per key, and without checking
        each key for memcached (set and set_many check every key stored). A list page reads
        its 30 to 50 rows this way, and key checks and locking were a third of its render."""
        made = {self.make_key(key, version=version): key for key in keys}
        now = time.time()
        found = {}
        with self._lock:
            for key, asked in made.items():
                expires = self._expire_info.get(key, -1)
                if expires is not None and expires <= now:  # absent (-1) or expired
                    self._delete(key)
                    continue
                found[asked] = self._cache[key]
                self._cache.move_to_end(key, last=False)
        return {key: pickle.loads(pickled) for key, pickled in found.items()}

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        value = super().incr(key, delta, version)
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if (stored := self._cache.get(key)) is not None:
                self._held.note(key, len(stored) + ENTRY_OVERHEAD_BYTES)
        return value

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._held.sizes.clear()
            self._held.total = 0

    def bytes_held(self) -> int:
        """The bytes its entries hold, as the bound counts them."""
        return self._held.total
