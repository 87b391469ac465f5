"""The evaluation tool's measures, on partitions small enough to count by hand."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
from evaluate import b_cubed, false_not_covered, link_figures, pairwise, undated_url

from articles.importing.dates import day_in_url

GOLD = {"a": "x", "b": "x", "c": "x", "d": "y"}


def test_a_perfect_grouping_scores_one_on_both_measures():
    found = {"a": 1, "b": 1, "c": 1, "d": 2}
    assert pairwise(GOLD, found) == (1.0, 1.0, 1.0)
    assert b_cubed(GOLD, found) == (1.0, 1.0, 1.0)


def test_a_merge_costs_precision_and_a_split_costs_recall():
    merged = {"a": 1, "b": 1, "c": 1, "d": 1}
    # 6 pairs found, 3 of them true.
    assert pairwise(GOLD, merged) == pytest.approx((0.5, 1.0, 2 / 3))
    split = {"a": 1, "b": 1, "c": 2, "d": 3}
    # 1 pair found (true) of 3 true pairs.
    assert pairwise(GOLD, split) == pytest.approx((1.0, 1 / 3, 0.5))
    # B-cubed recall: a and b see 2 of 3, c sees 1 of 3, d sees 1 of 1.
    precision, recall, _ = b_cubed(GOLD, split)
    assert (precision, recall) == pytest.approx((1.0, (2 / 3 + 2 / 3 + 1 / 3 + 1) / 4))


def test_reports_left_without_an_event_count_as_alone_not_together():
    found = {"a": None, "b": None, "c": 1, "d": 2}
    precision, recall, _ = pairwise(GOLD, found)
    assert precision == 1.0
    assert recall == 0.0
    assert b_cubed(GOLD, found)[0] == 1.0


def test_an_outlet_said_not_to_cover_a_story_it_reported_in_a_split_off_event_is_a_false_entry():
    found = {"a": 1, "b": 1, "c": 2, "d": 3}  # story x split: c sits in event 2
    outlet_of = {"a": "alpha", "b": "beta", "c": "gamma", "d": "gamma"}
    # gamma reported story x (its report c sits in event 2): listed under event 1, which holds
    # x, it is a false entry. delta reported nothing; alpha reported only x, so listing it
    # under event 3 (story y) is true.
    entries = [(1, "gamma"), (1, "delta"), (3, "alpha")]
    assert false_not_covered(entries, GOLD, found, outlet_of) == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://wire.example/politics/2026/01/15/ashby-to-retire",
        "https://wire.example/2026-01-15/ashby-to-retire",
        "https://wire.example/news/ashby-to-retire-2026_01_15",
    ],
)
def test_an_undated_run_takes_the_day_out_of_the_url_so_the_import_cannot_read_it(url):
    assert day_in_url(url) is not None
    undated = undated_url(url)
    assert day_in_url(undated) is None
    assert "ashby-to-retire" in undated and "undated" in undated


def test_a_url_without_a_day_is_left_as_it_is():
    assert undated_url("https://wire.example/politics/ashby-to-retire") == (
        "https://wire.example/politics/ashby-to-retire"
    )


def test_possibly_same_links_count_precision_over_links_and_recall_over_split_event_and_report_pairs():
    # Story x split three ways (events 1, 2, 3: a and b in 1), story y alone in event 4.
    gold = {"a": "x", "b": "x", "c": "x", "d": "x", "e": "y"}
    found = {"a": 1, "b": 1, "c": 2, "d": 3, "e": 4}
    # 1-2 joins two halves of x (right); 2-4 joins x with y (wrong); (3, 3) is no pair.
    figures = link_figures({(1, 2), (4, 2), (3, 3)}, gold, found)
    assert (figures.links, figures.right) == (2, 1)
    # Split event pairs: 1-2, 1-3, 2-3; one linked.
    assert (figures.split_events, figures.linked_events) == (3, 1)
    # Split report pairs: a-c, b-c (events 1-2), a-d, b-d (1-3), c-d (2-3); a-c and b-c linked.
    assert (figures.split_reports, figures.linked_reports) == (5, 2)


def test_a_report_left_without_an_event_is_no_half_of_a_split():
    gold = {"a": "x", "b": "x", "c": "x"}
    figures = link_figures(set(), gold, {"a": 1, "b": None, "c": 1})
    assert (figures.split_events, figures.split_reports, figures.links) == (0, 0, 0)
