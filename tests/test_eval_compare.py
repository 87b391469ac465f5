"""The comparison scorer's measures (eval/compare/score.py), on inputs small enough to count by hand."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval" / "compare"))
from score import (
    AnnotationError,
    conflict_counts,
    entity_counts,
    gold_entity_items,
    locate,
    match_counts,
    prf,
    sentence_at,
    speaker_counts,
)


def test_prf_counts_precision_and_recall_on_their_own_denominators():
    assert prf(2, 4, 2, 8) == {
        "precision": 0.5,
        "recall": 0.25,
        "f1": 0.3333,
        "tp": 2,
        "predicted": 4,
        "gold": 8,
    }
    assert prf(0, 0, 0, 3)["precision"] == 0.0


def test_related_pairs_count_neither_for_nor_against_same_matches():
    predicted = {(0, 0), (1, 1), (2, 5), (3, 3)}
    same = {(0, 0), (4, 4)}
    related = {(1, 1)}
    counts = match_counts(predicted, same, related, one_side_a={2, 6}, one_side_b={7})
    # (1, 1) is related: left out of the predicted count; (2, 5) and (3, 3) are wrong.
    assert (counts["tp"], counts["predicted"], counts["gold"]) == (1, 3, 2)
    assert counts["related_predicted"] == 1
    # Sentence 2 of A was matched although it is one-side-only; 6 of A and 7 of B were not.
    assert (counts["one_side_kept"], counts["one_side"]) == (2, 3)


def test_entities_need_name_kind_and_bucket_and_count_a_duplicate_once():
    gold = gold_entity_items(
        {
            "both": [{"name": "Nancy Pelosi", "kind": "person", "aliases": ["Pelosi"]}],
            "only_a": [{"name": "Capitol Hill", "kind": "place", "aliases": []}],
            "only_b": [{"name": "Twitter", "kind": "organisation", "aliases": []}],
        }
    )
    predicted = [
        {"name": "PELOSI", "kind": "person", "bucket": "both"},  # alias, case-folded: right
        {"name": "Nancy  Pelosi", "kind": "person", "bucket": "both"},  # the same person again: wrong
        {"name": "Capitol Hill", "kind": "person", "bucket": "only_a"},  # wrong kind
        {"name": "Twitter", "kind": "organisation", "bucket": "both"},  # wrong bucket
    ]
    counts = entity_counts(predicted, gold)
    assert (counts["person_tp"], counts["person_predicted"], counts["person_gold"]) == (1, 3, 1)
    assert (counts["place_tp"], counts["place_gold"]) == (0, 1)
    assert (counts["organisation_tp"], counts["organisation_predicted"]) == (0, 1)
    assert counts["person_not_gold_person"] == 1  # "Capitol Hill" listed as a person


def test_speakers_take_the_most_overlapping_quote_on_the_same_side():
    gold = [
        {"side": "a", "span": (10, 40), "names": {"nancy pelosi", "pelosi"}},
        {"side": "a", "span": (100, 120), "names": {"white house"}},
        {"side": "b", "span": (10, 40), "names": set()},  # no speaker in the text
    ]
    predicted = [
        {"side": "a", "span": (5, 15), "speaker": "Someone Else"},  # overlaps 5 characters
        {"side": "a", "span": (12, 40), "speaker": "Pelosi"},  # overlaps 28: the one taken
        {"side": "a", "span": (100, 120), "speaker": "Trump"},
        {"side": "b", "span": (10, 40), "speaker": "Pelosi"},  # gold says no speaker
        {"side": "b", "span": (200, 210), "speaker": None},  # a scare quote taken as a quote
    ]
    counts = speaker_counts(gold, predicted, scare_spans=[("b", (201, 205)), ("a", (300, 310))])
    assert (counts["tp"], counts["gold"]) == (1, 2)
    assert (counts["tp_pred"], counts["predicted"]) == (1, 4)
    assert counts["scare_predicted"] == 1


def test_conflicts_match_on_whole_numbers_not_digits_inside_others():
    predicted = [
        {"a": ["12 people"], "b": ["21"]},
        {"a": ["120"], "b": ["210"]},
    ]
    gold = [{"a": "12", "b": "21"}, {"a": "four", "b": "three"}]
    counts = conflict_counts(predicted, gold)
    assert (counts["tp"], counts["predicted"], counts["gold"], counts["false"]) == (1, 2, 2, 1)


def test_annotations_that_cannot_be_placed_fail_loudly():
    body = "The Senate passed the bill. A second bill failed in the Senate."
    assert locate(body, "A second bill", "x") == (28, 41)
    with pytest.raises(AnnotationError, match="ambiguous"):
        locate(body, "Senate", "pair p")
    with pytest.raises(AnnotationError, match="not found"):
        locate(body, "the House", "pair p")
    sentences = [{"id": 0, "start": 0, "end": 27}, {"id": 1, "start": 28, "end": 63}]
    assert sentence_at(sentences, (20, 40), "x") == 1  # 12 characters in sentence 1, 7 in sentence 0


def test_match_errors_name_why_a_same_claim_row_is_wrong_and_list_missed_gold_pairs():
    from errors import match_errors

    body_a = "The storm killed 12 people. Schools were shut. The mayor spoke."
    body_b = "Twelve people died in the storm. The mayor spoke. Roads were closed."

    def sentences(body: str) -> list[dict]:
        out, start = [], 0
        for k, text in enumerate(body.split(". ")):
            text = text if text.endswith(".") else text + "."
            at = body.index(text, start)
            out.append({"id": k, "text": text, "start": at, "end": at + len(text)})
            start = at + len(text)
        return out

    pair = {
        "id": "storm",
        "a": {"body": body_a},
        "b": {"body": body_b},
        "matches": [
            {"a": "killed 12 people", "b": "Twelve people died", "level": "same"},
            {"a": "The mayor spoke", "b": "The mayor spoke", "level": "related"},
        ],
        "only_a": ["Schools were shut"],
        "only_b": ["Roads were closed"],
    }
    comparison = {
        "sentences": {"a": sentences(body_a), "b": sentences(body_b)},
        "rows": [
            {"kind": "match", "a": [1], "b": [2], "level": "same", "score": 0.5},
            {"kind": "match", "a": [2], "b": [1], "level": "same", "score": 0.9},
            {"kind": "match", "a": [0], "b": [0], "level": "related", "score": 0.4},
        ],
    }
    lines = match_errors(pair, comparison, missed=True)
    assert [line.split("\n")[0].split("(")[0].strip() for line in lines] == [
        "MATCH  one side only",
        "MATCH  gold related",
        "MISSED same",
    ]
    # a row shown only as related is no same-claim row: the gold pair it holds counts as missed
    assert "Twelve people died in the storm." in lines[2]
