"""Each process's copies of shared-cache entries whose keys name their content."""

from articles.browsing import processcopy
from articles.browsing.processcopy import ENTRY_OVERHEAD, BytesMemo


def test_the_copies_keep_the_most_recently_used_within_their_bytes():
    memo = BytesMemo(max_bytes=3 * (100 + ENTRY_OVERHEAD))
    for name in "abc":
        memo.put(name, (b"x" * 100, "text/html", ""), 60)
    assert memo.get("a") is not None  # now the most recently used
    memo.put("d", "y" * 100, 60)
    assert memo.get("b") is None
    assert sorted(memo.get_many(["a", "b", "c", "d"])) == ["a", "c", "d"]


def test_an_entry_larger_than_all_the_copies_may_hold_is_not_kept_and_drops_nothing():
    memo = BytesMemo(max_bytes=1000)
    memo.put("small", "x" * 10, 60)
    memo.put("huge", "x" * 10_000, 60)
    assert memo.get("huge") is None
    assert memo.get("small") is not None


def test_a_copy_goes_at_its_expiry(monkeypatch):
    memo = BytesMemo(max_bytes=10_000)
    now = [1000.0]
    monkeypatch.setattr(processcopy.time, "monotonic", lambda: now[0])
    memo.put_many({"page": (b"<html>", "text/html", ""), "row": "<li>"}, 60)
    now[0] += 59
    assert sorted(memo.get_many(["page", "row"])) == ["page", "row"]
    now[0] += 2
    assert memo.get_many(["page", "row"]) == {}


def test_a_process_memory_cache_gets_no_copies_in_front_of_it(settings):
    from django.core.cache import caches

    settings.PAGE_CACHE_LOCAL_MB = 32
    assert processcopy._copies_for(caches["default"]) is None  # the tests' cache is process memory
