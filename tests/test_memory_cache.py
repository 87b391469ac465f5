"""The memory cache each process keeps without Redis: bounded by the bytes it holds."""

import uuid

from django.utils.module_loading import import_string

from articles.browsing.memorycache import BoundedMemoryCache
from coverage_site.settings import cache_from_url

KB = 1024


def _cache(**options: int) -> BoundedMemoryCache:
    return BoundedMemoryCache(f"test-{uuid.uuid4()}", {"OPTIONS": options})


def test_the_least_recently_used_entries_go_to_keep_the_cache_within_its_bytes():
    cache = _cache(MAX_BYTES=100 * KB)
    for key in "abc":
        cache.set(key, b"x" * 30 * KB)
    cache.get("a")  # now the most recently used
    cache.set("d", b"x" * 30 * KB)
    assert cache.get("b") is None
    assert all(cache.get(key) is not None for key in "acd")
    assert cache.bytes_held() <= 100 * KB


def test_a_replaced_or_deleted_entry_no_longer_counts():
    cache = _cache(MAX_BYTES=100 * KB)
    for _ in range(10):
        cache.set("page", b"x" * 40 * KB)
    cache.set("row", b"x" * 40 * KB)
    assert cache.get("page") is not None and cache.get("row") is not None
    cache.delete("page")
    cache.set_many({"a": b"x" * 20 * KB, "b": b"x" * 20 * KB})
    assert all(cache.get(key) is not None for key in ("row", "a", "b"))
    cache.clear()
    assert cache.bytes_held() == 0


def test_an_entry_larger_than_the_bound_is_kept_alone_rather_than_refused():
    cache = _cache(MAX_BYTES=10 * KB)
    cache.set("small", b"x")
    cache.set("large", b"x" * 20 * KB)
    assert cache.get("large") is not None
    assert cache.get("small") is None


def test_the_default_memory_cache_keeps_a_live_sites_rows_pages_and_fact_tables():
    # The bench_live mix at 5,000 reports needed about 3,000 entries in one process (1,400 rows
    # of about 3 KB, 680 pages of 10 to 200 KB, fact tables, comparisons); the old default of
    # 2,000 entries dropped a third of them at a time.
    settings = cache_from_url("")
    cache = import_string(settings["BACKEND"])(f"test-{uuid.uuid4()}", settings)
    rows = {f"row:{n}": "r" * 3 * KB for n in range(4000)}
    pages = {f"page:{n}": b"p" * 150 * KB for n in range(700)}
    cache.set_many(rows)
    cache.set_many(pages)
    assert len(cache.get_many(list(rows))) == len(rows)
    assert len(cache.get_many(list(pages))) == len(pages)


def test_get_many_answers_present_unexpired_entries_and_keeps_them_recently_used():
    cache = _cache(MAX_BYTES=100 * KB)
    cache.set_many({"a": "row a", "b": "row b", "c": b"x" * 30 * KB})
    cache.set("gone", "expired", timeout=-1)
    assert cache.get_many(["a", "b", "gone", "missing"]) == {"a": "row a", "b": "row b"}
    cache.set_many({key: b"x" * 30 * KB for key in "def"})  # drops the least recently used
    assert cache.get("c") is None
    assert cache.get_many(["a", "b"]) == {"a": "row a", "b": "row b"}
