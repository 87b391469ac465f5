"""The packed sets of matching report ids a kept ranking carries (articles/search/idsets.py)."""

import random

import numpy as np
import pytest

from articles.search import idsets


@pytest.mark.parametrize(
    "ids",
    [
        [],
        [7],
        list(range(1, 10_001)),
        [3, 300, 70_000, 70_001, 5_000_000_000],  # gaps past one, two and four bytes
    ],
)
def test_a_packed_set_unpacks_to_the_same_ids(ids):
    packed = idsets.pack(np.asarray(ids, dtype=np.int64))
    assert idsets.unpack(packed).tolist() == ids


def test_ten_thousand_scattered_ids_pack_into_a_few_kilobytes():
    rng = random.Random(3)
    ids = np.asarray(sorted(rng.sample(range(1, 100_001), 10_000)), dtype=np.int64)
    packed = idsets.pack(ids)
    assert len(packed) < 8_000  # a pickled list of the same ints takes about 37,000 bytes
    assert idsets.unpack(packed).tolist() == ids.tolist()


def test_postgresql_int8send_bytes_read_as_ids():
    data = b"".join(n.to_bytes(8, "big", signed=True) for n in (5, 70_000, 2**40))
    assert idsets.from_int8send(data).tolist() == [5, 70_000, 2**40]
    assert idsets.from_int8send(None).tolist() == []


def test_present_tells_which_candidates_are_in_the_set():
    ids = np.asarray([2, 4, 9], dtype=np.int64)
    candidates = np.asarray([1, 2, 5, 9, 12], dtype=np.int64)
    assert idsets.present(ids, candidates).tolist() == [False, True, False, True, False]
    assert idsets.present(np.asarray([], dtype=np.int64), candidates).tolist() == [False] * 5


def test_changed_removes_and_adds_ids_keeping_the_set_sorted():
    ids = np.asarray([2, 4, 9, 15], dtype=np.int64)
    assert idsets.changed(ids, [4, 15], [1, 10, 20]).tolist() == [1, 2, 9, 10, 20]
    assert idsets.changed(ids, [], []).tolist() == [2, 4, 9, 15]
    assert idsets.changed(np.asarray([], dtype=np.int64), [], [3]).tolist() == [3]
