"""Alignment of two reports and the comparison summary (pure Python, no database)."""

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from articles.compare.align import (
    NEIGHBOUR_SAME_LEVEL,
    NEIGHBOUR_THRESHOLD,
    SECOND_PARTNER_LEVEL,
    Doer,
    Match,
    Sides,
    SideText,
    Told,
    _counts_far_apart,
    _join_split_claims,
    _merge_split_sentences,
    _neighbours_of_same_claims,
    _one_speaker_two_things,
    _other_doers,
    _rows,
    _two_speakers_two_quotes,
    _withholding_differs,
    closest_both_ways,
    lead,
    one_figure,
    second_partners,
    two_leads_told_as_news,
)
from articles.compare.compare import compare_analyses
from articles.compare.summary import Country, InCountry
from articles.reading import read_report
from articles.reading.vectors import pack
from tests.compare_texts import FLOOD_A, FLOOD_B, QUOTES, UNRELATED, WIRE_A, WIRE_B

DEMO = Path(__file__).resolve().parent.parent / "demo"


def compare(title_a: str, body_a: str, title_b: str, body_b: str) -> dict:
    return compare_analyses(read_report(title_a, body_a), read_report(title_b, body_b))


def row_texts(comparison: dict) -> list[tuple[str, str | None, str | None]]:
    sentences = comparison["sentences"]
    return [
        (
            "related" if row.get("level") == "related" else row["kind"],
            " ".join(sentences["a"][i]["text"] for i in row["a"]) or None,
            " ".join(sentences["b"][j]["text"] for j in row["b"]) or None,
        )
        for row in comparison["rows"]
        if row["kind"] != "moved_b"
    ]


def matched(comparison: dict, a_words: str, b_words: str) -> bool:
    return any(
        kind == "match" and a_words in a and b_words in b for kind, a, b in row_texts(comparison) if a and b
    )


def kind_of(comparison: dict, words: str) -> str:
    kinds = {kind for kind, a, b in row_texts(comparison) if words in (a or "") or words in (b or "")}
    assert len(kinds) == 1, kinds
    return kinds.pop()


def assert_every_sentence_once(comparison: dict) -> None:
    """Every sentence has a row; one stands in a second row only as the shared sentence of two
    matches (a second partner), never as a one-sided row besides a match."""
    rows = [r for r in comparison["rows"] if r["kind"] != "moved_b"]
    for side in ("a", "b"):
        shown = [i for r in rows for i in r[side]]
        assert sorted(set(shown)) == list(range(len(comparison["sentences"][side])))
        repeated = {i for i in shown if shown.count(i) > 1}
        assert all(r["kind"] == "match" for r in rows if repeated & set(r[side]))


def test_paraphrased_and_reordered_reports_match_claim_by_claim():
    c = compare("Floods in Riverton", FLOOD_A, "Riverton under water", FLOOD_B)
    assert_every_sentence_once(c)
    assert matched(c, "Heavy rain flooded the centre", "Heavy downpours flooded central Riverton")
    assert matched(c, "The river peaked at 6.2 metres", "The river reached a peak of 6.2 metres")
    assert matched(c, "rescued 14 people from rooftops", "pulled 14 people off rooftops")
    assert matched(c, "declared a state of emergency", "She declared a state of emergency")
    # The river paragraph comes first in B and last in A: a link, not a broken column.
    moved = [r for r in c["rows"] if r["moved"]]
    assert moved and any(r["kind"] == "moved_b" for r in moved)
    assert kind_of(c, "Forecasters expect more rain") == "only_a"
    assert kind_of(c, "Local shops reported damage") == "only_b"


def test_a_number_that_differs_between_outlets_is_a_conflict_on_the_matched_claim():
    c = compare("Floods", FLOOD_A, "Floods", FLOOD_B)
    conflicts = c["numbers"]["conflicts"]
    assert [(x["a"], x["b"]) for x in conflicts] == [(["2,000 residents"], ["about 3,000 residents"])]
    sentence_a = c["sentences"]["a"][conflicts[0]["a_sentences"][0]]["text"]
    assert sentence_a.startswith("Heavy rain flooded")


def test_the_same_person_spelled_two_ways_is_one_entity_and_their_quote_is_shared():
    c = compare("Floods", FLOOD_A, "Floods", FLOOD_B)
    people = [e for e in c["entities"]["shared"] if e["kind"] == "person"]
    assert [(p["variants_a"], p["variants_b"]) for p in people] == [(["Anna Kowalski"], ["Anna Kovalski"])]
    assert c["entities"]["only_a"] == [] or all(e["kind"] != "person" for e in c["entities"]["only_a"])
    speakers = c["quotes"]["speakers"]
    assert [(s["speaker"], s["a"], s["b"], s["only"]) for s in speakers] == [
        ("Anna Kowalski", [0], [0], None)
    ]
    assert len(c["quotes"]["shared"]) == 1


def test_wire_story_republished_with_small_edits_matches_nearly_everything():
    c = compare("Rates rise", WIRE_A, "Rates rise again", WIRE_B)
    assert_every_sentence_once(c)
    assert c["counts"]["only_a"] == 0 and c["counts"]["only_b"] == 0
    assert c["similarity"] > 0.7
    row = next(r for r in c["rows"] if r["kind"] == "match" and r["a"] == [2])
    assert ["del", "larger"] in [[op, text.strip()] for op, text in row["a_parts"]]
    assert ["ins", "bigger"] in [[op, text.strip()] for op, text in row["b_parts"]]
    # "per cent" and "percent" are the same number, not a conflict.
    assert c["numbers"]["conflicts"] == []


def test_unrelated_reports_have_few_matches_and_low_similarity():
    for other in (UNRELATED, QUOTES):
        c = compare("Floods", FLOOD_A, "Other", other)
        assert c["counts"]["shared"] <= 1
        assert c["similarity"] < 0.15
        assert_every_sentence_once(c)


def test_a_report_compared_with_itself_matches_every_sentence():
    analysis = read_report("Rates rise", WIRE_A)
    c = compare_analyses(analysis, analysis)
    assert {r["kind"] for r in c["rows"]} == {"match"}
    assert c["similarity"] == 1.0
    assert all(r["a"] == r["b"] for r in c["rows"])
    assert all(op == "same" for r in c["rows"] for op, _ in r["a_parts"])


def test_headlines_are_compared_word_by_word():
    c = compare("Floods force 2,000 from homes", FLOOD_A, "Floods force thousands from homes", FLOOD_B)
    assert ["del", "2,000 "] in c["headline"]["a_parts"]
    assert ["ins", "thousands "] in c["headline"]["b_parts"]


def test_summary_items_point_at_their_sentences():
    c = compare("Floods", FLOOD_A, "Floods", FLOOD_B)
    for entity in c["entities"]["shared"]:
        assert entity["a_sentences"] and entity["b_sentences"]
    for entity in c["entities"]["only_b"]:
        assert entity["b_sentences"] and not entity["a_sentences"]
    for side in ("a", "b"):
        for quote in c["quotes"][side]:
            assert quote["text"] in " ".join(c["sentences"][side][i]["text"] for i in quote["sentences"])


def test_empty_reports_compare_without_error():
    c = compare_analyses(read_report("A", ""), read_report("B", "One sentence here."))
    assert [r["kind"] for r in c["rows"]] == ["only_b"]
    assert c["similarity"] == 0.0


def test_seed_pair_shows_shared_claims_one_sided_claims_and_one_envoy():
    first, second = sorted(DEMO.glob("*.txt"))
    c = compare("BBC", first.read_text(), "Bloomberg", second.read_text())
    assert_every_sentence_once(c)
    assert matched(c, "for a second summit by the end of February", "agreed to hold a second summit")
    assert matched(
        c, "met top North Korean negotiator Kim Yong-chol", "meeting between Trump and Kim Yong Chol"
    )
    assert matched(c, "Little progress has been made", "so little progress has been made")
    assert kind_of(c, "could be held in Vietnam") == "only_a"
    assert kind_of(c, "improved relations with neighbouring South Korea") == "only_a"
    assert kind_of(c, "Attention turned to Stockholm") == "only_b"
    assert kind_of(c, "I don’t think we have any concrete agreement") == "only_b"
    # B's aside on the partisan stalemate is no claim of A's: at most related to A's "looking
    # forward to the talks" (both about Trump and the talks), where the row shows its words as
    # B's own; never the same claim.
    assert kind_of(c, "partisan stalemate") in ("only_b", "related")
    envoy = [e for e in c["entities"]["shared"] if e["name"] == "Kim Yong-chol"]
    assert len(envoy) == 1 and envoy[0]["variants_b"][0] == "Kim Yong Chol"
    quoted_only_by_b = {s["speaker"] for s in c["quotes"]["speakers"] if s["only"] == "b"}
    assert "Sue Mi Terry" in quoted_only_by_b
    # The small English model does not read "Go Myong-Hyun" as a name: no speaker, not a wrong one.
    go = next(q for q in c["quotes"]["b"] if q["text"].startswith("The Trump-Kim Yong Chol meeting"))
    assert go["speaker"] in (None, "Go Myong-Hyun")


def test_numbers_with_separators_are_one_word_in_the_diff():
    c = compare("Floods force 2,000 from homes", FLOOD_A, "Floods force 3,000 from homes", FLOOD_B)
    assert ["del", "2,000 "] in c["headline"]["a_parts"]
    assert ["ins", "3,000 "] in c["headline"]["b_parts"]


def test_odd_reports_compare_without_error_and_rows_cover_every_sentence():
    import random

    rng = random.Random(9)
    alphabet = [*list('ab XY .,!?"“”-\n0123456789'), " said ", " Kim ", " the ", "Mr. ", " summit "]
    bodies = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300))) for _ in range(40)]
    analyses = [read_report("T", body) for body in bodies]
    for a, b in zip(analyses, analyses[1:] + analyses[:1], strict=True):
        c = compare_analyses(a, b)
        assert_every_sentence_once(c)
        assert 0.0 <= c["similarity"] <= 1.0


def test_sentences_quoting_the_same_words_are_matched_however_worded():
    # Apart from the quote these long sentences share almost nothing: word overlap alone would
    # leave them unmatched.
    a = (
        "Speaking at the close of two days of talks in Geneva, where delegations argued over fishing "
        'quotas, tariffs and visas, the minister called the accord "a fair start for everyone" before leaving.'
    )
    b = (
        "Ms Reyes, who led the other delegation, told reporters outside the hotel that the text was "
        '"a fair start for everyone", adding that parliament would vote on it next month.'
    )
    c = compare("Deal", a, "Deal", b)
    assert matched(c, "a fair start for everyone", "a fair start for everyone")
    assert c["quotes"]["shared"] == [{"a": 0, "b": 0, "score": 1.0}]


def test_a_weakly_worded_match_next_to_a_matched_pair_is_accepted():
    # The reworded second sentences share few words; their meaning and their place beside the
    # matched first sentences pair them up.
    a = (
        "The council approved the new bus depot on Monday after a long debate. Critics said the "
        "noise from early departures would keep families in nearby streets awake."
    )
    b = (
        "Councillors approved the new bus depot on Monday after a long debate. Opponents argued "
        "that early buses would disturb families in nearby homes."
    )
    c = compare("Depot", a, "Depot", b)
    row = next(r for r in c["rows"] if r["a"] == [1])
    assert row["kind"] == "match" and row["b"] == [1]
    assert row["score"] >= NEIGHBOUR_THRESHOLD


def test_paraphrases_sharing_few_words_are_the_same_claim():
    c = compare(
        "Shutdown",
        "The Senate on Thursday rejected a bill that included $5.7 billion for a wall on the Mexican border.",
        "Shutdown",
        "Senators voted down a Republican plan that would have met his demands for $5.7 billion.",
    )
    assert matched(c, "rejected a bill", "voted down")


def test_sentences_on_one_topic_making_different_claims_are_not_the_same_claim():
    c = compare(
        "Floods",
        "Flood water reached the town hall on Tuesday. The mayor closed every school for the week.",
        "Floods",
        "The river peaked on Wednesday morning. Schools will reopen on Monday, the council said.",
    )
    assert not matched(c, "closed every school", "Schools will reopen")


def test_a_sentence_denying_what_the_other_asserts_is_at_most_related():
    c = compare(
        "Vote",
        "The committee approved the budget for the new hospital on Friday.",
        "Vote",
        "The committee did not approve the budget for the new hospital on Friday.",
    )
    row = next(r for r in c["rows"] if r["kind"] == "match")
    assert row["level"] == "related"
    assert c["numbers"]["conflicts"] == []


def test_a_happening_told_as_done_and_one_told_as_ahead_are_not_the_same_claim_nor_a_date_conflict():
    c = compare(
        "Port strike",
        "Dock workers walked out at the port on Thursday. Talks at the conciliation service broke down on Friday.",
        "Port strike",
        "Dock workers walked out at the port on Thursday. Talks at the conciliation service are due to resume on Monday.",
    )
    assert not matched(c, "broke down on Friday", "due to resume on Monday")
    assert c["numbers"]["conflicts"] == []


def test_a_thing_done_and_a_thing_ahead_giving_one_telling_figure_alike_are_the_same_claim():
    # one cost, one investment, told as done by one report and as ahead by the other
    def level(a: str, b: str) -> str:
        return next(r for r in compare("t", a, "t", b)["rows"] if r["kind"] == "match")["level"]

    estimate = "Environment Minister Mart Kivisild put the cost of the clean-up at about €5 million."
    assert (
        level(
            estimate, "Environment Minister Mart Kivisild said the clean-up would cost at least €5 million."
        )
        == "same"
    )
    assert (
        level(
            "The province licensed the chipmaker's $2.6 billion plant on Wednesday.",
            "The chipmaker will invest $2.6 billion in the plant, officials said on Wednesday.",
        )
        == "same"
    )
    # two figures: two happenings, as before
    assert (
        level(
            estimate, "Environment Minister Mart Kivisild said the clean-up would cost at least €9 million."
        )
        == "related"
    )


def test_the_time_of_a_claim_is_read_from_its_verb_and_not_from_the_tense_of_who_told_it():
    from articles.reading import read_report

    body = (
        "Talks broke down on Friday. Talks will resume on Monday. "
        "The bank is expected to cut rates in March. "
        "The minister said Switzerland was ready to host the talks. "
        "His lawyer vowed to appeal. The union said workers would walk out again. "
        "Arnault and his family promised 200 million euros."
    )
    times = [s["time"] for s in read_report("t", body)["sentences"]]
    assert times == ["past", "ahead", "ahead", None, None, "ahead", None]


def test_a_sentence_telling_both_a_done_and_an_ahead_happening_has_no_one_time():
    body = (
        "The goalkeeper completed a medical in Leeds on Monday and will sign a three-year contract. "
        "Savers will have to wait longer for cheaper loans, after the central bank yesterday declined to cut its rate. "
        "The old mayor retired in 2021; his deputy will take over the office. "
        "Prices would have risen by 8 per cent without the subsidy, the ministry said. "
        "The goalkeeper will sign a three-year contract after a medical on Monday. "
        "The central bank kept its rate unchanged yesterday."
    )
    times = [s["time"] for s in read_report("t", body)["sentences"]]
    assert times == [None, None, None, None, "ahead", "past"]


def test_a_promise_told_with_a_speech_verb_and_without_one_can_be_the_same_claim():
    c = compare(
        "Notre-Dame",
        "Fire gutted the cathedral on Monday. Bernard Arnault said his family would give 200 million euros.",
        "Notre-Dame",
        "Fire gutted the cathedral on Monday. Bernard Arnault and his family promised 200 million euros.",
    )
    assert matched(c, "his family would give 200 million euros", "his family promised 200 million euros")


def test_a_question_is_never_the_same_claim_as_a_statement():
    c = compare(
        "Tankers",
        "Mike Pompeo blamed Iran for the attacks on Thursday. The tankers were hit near the strait.",
        "Tankers",
        "What does Iran say? The tankers were hit near the strait on Thursday.",
    )
    assert not matched(c, "Mike Pompeo blamed Iran", "What does Iran say?")
    assert matched(
        c, "The tankers were hit near the strait.", "The tankers were hit near the strait on Thursday."
    )


def test_a_pair_with_a_closer_partner_on_either_side_is_not_the_same_claim():
    # Word overlaps (with no names or figures) and meaning cosines of two sentences each side.
    lexical = {(0, 0): (0.5, 0.0, 0.0), (0, 1): (0.6, 0.0, 0.0), (1, 1): (0.7, 0.0, 0.0)}
    cosines = np.array([[0.9, 0.2], [0.1, 0.3]])
    # (0, 0) are closest in meaning, (1, 1) in meaning and words; B's second sentence is closer
    # in words to A's second than to A's first, so (0, 1) is at most related.
    assert closest_both_ways(lexical, cosines) == {(0, 0), (1, 1)}
    assert closest_both_ways(lexical, None) == {(1, 1)}


def test_the_lead_is_the_first_sentence_long_enough_to_state_a_fact():
    sentences = [
        {"text": "By Jo Smith"},
        {"text": "Updated 5 p.m."},
        {"text": "The river burst its banks on Sunday night."},
    ]
    assert lead(sentences) == 2
    assert lead([{"text": "Short."}]) == -1


def test_two_reports_leads_stating_one_event_in_other_words_are_the_same_claim():
    c = compare(
        "Strike",
        "Dock workers at the port of Felixstowe began an eight-day strike over pay on Sunday, "
        "the first walkout there in decades. The union said 1,900 members took part. "
        "The operator called its offer fair.",
        "Strike",
        "Nearly 2,000 dockers brought Britain's biggest container port to a standstill yesterday "
        "in a row over a miserly pay offer. Bosses have banked record profits. "
        "Shops fear empty shelves at Christmas.",
    )
    assert matched(c, "began an eight-day strike", "brought Britain's biggest container port")


def _figure(text: str, value, unit: str, kind: str = "count") -> dict:
    return {"text": text, "value": value, "unit": unit, "kind": kind, "sentence": 0, "bound": "exact"}


def test_no_conflict_when_the_other_value_is_also_given_as_a_count_of_nothing_named():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    four_wickets = [_figure("four wickets", 4, "wicket")]
    # "took two wickets in the first hour ..., whose four for 78": the four may be the same.
    assert (
        number_conflicts([row], [_figure("two wickets", 2, "wicket"), _figure("four", 4, "")], four_wickets)
        == []
    )
    conflicts = number_conflicts([row], [_figure("two wickets", 2, "wicket")], four_wickets)
    assert [(x["a"], x["b"]) for x in conflicts] == [(["two wickets"], ["four wickets"])]


def test_counts_more_than_three_times_apart_are_a_part_and_its_whole_not_a_conflict():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    # "guilty on all 11 counts" / "acquitted of one count ..., convicted on the remaining 10"
    assert (
        number_conflicts([row], [_figure("11 counts", 11, "count")], [_figure("one count", 1, "count")]) == []
    )
    # Just under three times apart (the widest annotated count conflict is 38 / 83) still conflicts.
    conflicts = number_conflicts(
        [row], [_figure("38 fires", 38, "fire")], [_figure("111 fires", 111, "fire")]
    )
    assert [(x["a"], x["b"]) for x in conflicts] == [(["38 fires"], ["111 fires"])]
    # Amounts are no counts of parts: a tenfold difference in money still disagrees.
    money = (
        [_figure("$2 million", 2_000_000, "USD", "amount")],
        [_figure("$20 million", 20_000_000, "USD", "amount")],
    )
    assert len(number_conflicts([row], *money)) == 1


def test_two_sentences_that_both_deny_are_not_taken_for_opposites_however_each_words_its_denial():
    c = compare(
        "Data breach",
        "Ashcombe Energy said on Tuesday that it had not paid a ransom to the hackers.",
        "Data breach",
        "Ashcombe Energy insisted on Tuesday that no ransom had been paid to the hackers.",
    )
    row = next(r for r in c["rows"] if r["kind"] == "match")
    assert row["level"] == "same"


def test_weekdays_alone_do_not_conflict_but_days_of_a_month_do():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    saturday = [_figure("Saturday", "w=saturday", "date", "date")]
    friday = [_figure("Friday", "w=friday", "date", "date")]
    assert number_conflicts([row], saturday, friday) == []
    march_10 = [_figure("March 10", "m=3;d=10", "date", "date")]
    march_11 = [_figure("March 11", "m=3;d=11", "date", "date")]
    assert len(number_conflicts([row], march_10, march_11)) == 1


def test_figures_of_sentences_that_name_different_places_do_not_conflict():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    killed_157, killed_189 = [_figure("157 people", 157, "people")], [_figure("189 people", 189, "people")]
    addis, indonesia, ethiopia = (
        {0: {"g:addisababa"}},
        {0: {"g:indonesia"}},
        {0: {"g:addisababa", "g:ethiopia"}},
    )
    assert number_conflicts([row], killed_157, killed_189, (addis, indonesia)) == []
    assert len(number_conflicts([row], killed_157, killed_189, (addis, ethiopia))) == 1
    assert len(number_conflicts([row], killed_157, killed_189)) == 1


def test_figures_of_sentences_that_name_a_place_and_a_place_within_it_still_conflict():
    c = compare(
        "Derailment",
        "A KTX train derailed near Daejeon Station on Monday, injuring 14 people.",
        "Derailment",
        "A bullet train came off the rails in Daejeon on Monday, injuring 17 people.",
    )
    assert [(x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [(["14 people"], ["17 people"])]


def test_places_meet_word_by_word_not_letter_by_letter():
    from articles.compare.summary import places_meet

    assert places_meet({"g:daejeonstation", ("daejeon", "station")}, {"g:daejeon", ("daejeon",)})
    assert not places_meet({"g:washington", ("washington",)}, {"g:washingtonville", ("washingtonville",)})
    assert not places_meet({"g:southkorea", ("south", "korea")}, {"g:southafrica", ("south", "africa")})


def test_figures_of_a_sentence_naming_a_country_and_one_naming_a_town_in_it_still_conflict():
    c = compare(
        "Fire verdict",
        "A court in Lahore on Tuesday sentenced the factory owner to seven years over a fire that killed 23 workers.",
        "Fire verdict",
        "A court in Pakistan on Tuesday jailed the factory owner for five years over a fire that killed 23 workers.",
    )
    assert [(x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [(["seven years"], ["five years"])]


def test_a_country_meets_its_towns_but_two_towns_of_one_country_do_not_meet():
    from articles.compare.summary import places_meet

    assert places_meet({"g:pakistan", Country("PK")}, {"g:lahore", InCountry("PK")})
    assert places_meet({"g:hyderabad", InCountry("IN"), InCountry("PK")}, {"g:pakistan", Country("PK")})
    assert not places_meet({"g:addisababa", InCountry("ET")}, {"g:indonesia", Country("ID")})
    assert not places_meet({"g:lahore", InCountry("PK")}, {"g:karachi", InCountry("PK")})


def test_a_margin_after_by_is_not_set_against_a_tally_as_a_conflict():
    c = compare(
        "Brexit",
        "British lawmakers rejected Theresa May's Brexit deal by 432 votes to 202 on Tuesday.",
        "Brexit",
        "MPs rejected Theresa May's Brexit deal on Tuesday by a crushing 230 votes.",
    )
    assert matched(c, "432 votes to 202", "crushing 230 votes")
    assert c["numbers"]["conflicts"] == []
    # Two levels still disagree.
    c = compare(
        "Storm", "The storm killed 12 people in the city.", "Storm", "The storm killed 21 people in the city."
    )
    assert [(x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [(["12 people"], ["21 people"])]


def test_two_margins_of_one_win_conflict_but_a_margin_never_faces_a_level():
    c = compare(
        "Special election",
        "Teresa Baca-Lujan won Tuesday's special election, defeating Gary Whitcomb by 412 votes.",
        "Special election",
        "Teresa Baca-Lujan beat Gary Whitcomb by 421 votes in Tuesday's special election.",
    )
    assert [(x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [(["412 votes"], ["421 votes"])]
    c = compare(
        "Special election",
        "Teresa Baca-Lujan won Tuesday's special election, defeating Gary Whitcomb by 412 votes.",
        "Special election",
        "Teresa Baca-Lujan won Tuesday's special election with 3,121 votes, beating Gary Whitcomb.",
    )
    assert c["numbers"]["conflicts"] == []


def test_a_part_of_a_count_or_the_size_of_a_document_is_not_set_against_the_whole_count():
    c = compare(
        "Crash",
        "The Boeing jet crashed shortly after take-off, killing all 181 passengers and eight crew.",
        "Crash",
        "The Boeing jet crashed shortly after take-off, killing all 178 adult passengers and eight crew.",
    )
    assert matched(c, "181 passengers", "178 adult passengers")
    assert c["numbers"]["conflicts"] == []
    c = compare(
        "Report",
        "The attorney general released a summary of the findings, four pages long, on Sunday.",
        "Report",
        "The attorney general released a summary of the 448-page report's findings on Sunday.",
    )
    assert c["numbers"]["conflicts"] == []


def test_a_count_whose_noun_one_side_restates_still_conflicts():
    c = compare(
        "Drug",
        "The agency approved the drug, although three participants in the trial died.",
        "Drug",
        "The agency approved the drug, although four trial participants died.",
    )
    assert [(x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [
        (["three participants"], ["four trial participants"])
    ]


def test_ordinals_of_two_different_series_are_no_conflict_but_of_one_series_are():
    # "third since 2022" and "second serious one in two years" rank different sets of crashes.
    c = compare(
        "Derailment",
        "The train left the tracks near Daejeon on Monday. It is the third derailment since 2022.",
        "Derailment",
        "The train left the tracks near Daejeon on Monday. It was the second serious derailment in two years.",
    )
    assert c["numbers"]["conflicts"] == []
    c = compare(
        "Derailment",
        "The train left the tracks near Daejeon on Monday. It is the third derailment on the line.",
        "Derailment",
        "The train left the tracks near Daejeon on Monday. It is the second derailment on the line.",
    )
    assert [(x["kind"], x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [
        ("ordinal", ["third derailment"], ["second derailment"])
    ]


def test_ordinals_of_those_who_did_two_different_things_are_no_conflict():
    # those who left the cabinet and those forced out by scandal are two series
    c = compare(
        "Secretary resigns",
        "Interior Secretary Ruth Thornbury resigned on Friday. Thornbury is the third member of "
        "the cabinet to leave this year.",
        "Secretary resigns",
        "Interior Secretary Ruth Thornbury resigned on Friday. She is the second cabinet member "
        "forced out by scandal this year.",
    )
    assert c["numbers"]["conflicts"] == []
    c = compare(
        "Secretary resigns",
        "Interior Secretary Ruth Thornbury resigned on Friday. She is the third cabinet member to "
        "leave this year.",
        "Secretary resigns",
        "Interior Secretary Ruth Thornbury resigned on Friday. She is the second cabinet member to "
        "leave this year.",
    )
    assert [(x["kind"], x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [
        ("ordinal", ["third cabinet member"], ["second cabinet member"])
    ]


def _role_figure(text: str, value, kind: str = "percent", role: str = "", anchor: str = "", **extra) -> dict:
    unit = "%" if kind == "percent" else extra.pop("unit", "vote")
    return {**_figure(text, value, unit, kind), "role": role, "anchor": anchor, **extra}


def test_a_figure_set_against_is_left_out_so_the_claims_own_figures_face_each_other():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    # "to grow 0.9% next year, down from a forecast of 1.2%" / "forecast growth of 1.1 per cent"
    a = [_role_figure("0.9%", 0.9, role="change"), _role_figure("1.2%", 1.2, role="reference")]
    conflicts = number_conflicts([row], a, [_role_figure("1.1 per cent", 1.1, role="change")])
    assert [(x["a"], x["b"]) for x in conflicts] == [(["0.9%"], ["1.1 per cent"])]
    # a change is not set against a level ("fell by 3%" / "fell to 2%")
    assert number_conflicts([row], [_role_figure("3%", 3, role="change")], [_role_figure("2%", 2)]) == []
    # nor against the other side's reference ("23.1 percent" in September / "from 23.1 percent")
    level = [_role_figure("21.8 percent", 21.8), _role_figure("23.1 percent", 23.1, role="reference")]
    assert number_conflicts([row], level, [_role_figure("23.1 percent", 23.1)]) == []


def test_of_two_figures_the_one_about_the_same_thing_faces_the_other_reports_one():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    a = [_role_figure("71 percent", 71, role="change", anchor="admission")]
    b = [
        _role_figure("63%", 63, role="change", anchor="case"),
        _role_figure("78%", 78, role="change", anchor="admission"),
    ]
    assert [(x["a"], x["b"]) for x in number_conflicts([row], a, b)] == [(["71 percent"], ["78%"])]
    # a value both sides give may be their agreement, told of another thing than the parse says
    b_agreeing = [*b, _role_figure("71%", 71, role="change", anchor="area")]
    assert number_conflicts([row], a, b_agreeing) == []
    # without a thing in common nothing is claimed
    a_other = [_role_figure("71 percent", 71, role="change", anchor="death")]
    assert number_conflicts([row], a_other, b) == []


def test_the_losing_side_of_two_tallies_conflicts():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    a = [
        _role_figure("312 votes", 312, "count", measure="vote"),
        _role_figure("287", 287, "count", role="tally_second", measure="vote"),
    ]
    b = [
        _role_figure("312", 312, "count", measure="vote"),
        _role_figure("260", 260, "count", role="tally_second", measure="vote"),
    ]
    assert [(x["a"], x["b"]) for x in number_conflicts([row], a, b)] == [(["287"], ["260"])]


def test_about_allows_less_the_more_places_a_figure_is_given_to():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    about_87 = [{**_role_figure("about 87 percent", 87), "bound": "about"}]
    assert len(number_conflicts([row], about_87, [_role_figure("78 percent", 78)])) == 1
    assert number_conflicts([row], about_87, [_role_figure("85 percent", 85)]) == []
    # a round figure keeps the wide allowance: "about 300" may be 340
    about_300 = [{**_figure("about 300 homes", 300, "home"), "bound": "about"}]
    assert number_conflicts([row], about_300, [_figure("340 homes", 340, "home")]) == []
    assert len(number_conflicts([row], about_300, [_figure("380 homes", 380, "home")])) == 1


def test_a_denial_worded_without_not_is_not_taken_for_the_opposite_of_one_with_not():
    c = compare(
        "Trucking verdict",
        "Judge Alicia Okafor did not allow the state's role in the crash to go before the jury.",
        "Trucking verdict",
        "Judge Alicia Okafor refused to let the jury hear about the state's role in the crash.",
    )
    assert matched(c, "did not allow", "refused")
    assert next(r for r in c["rows"] if r["kind"] == "match")["level"] == "same"


def test_a_service_suspended_and_a_service_not_running_are_the_same_claim():
    c = compare(
        "Tunnel fire",
        "Rail service between Foggy Bottom and Rosslyn was suspended for the rest of the night, Metro said.",
        "Tunnel fire",
        "Trains are not running between Foggy Bottom and Rosslyn for the rest of the night, Metro said.",
    )
    assert matched(c, "was suspended", "are not running")
    assert next(r for r in c["rows"] if r["kind"] == "match")["level"] == "same"


def test_a_claim_and_its_denial_stay_at_most_related_when_the_other_side_says_no_nowhere():
    c = compare(
        "Budget",
        "The board approved a $2.1 billion operating budget for next year, the agency said.",
        "Budget",
        "The board did not take up next year's $2.1 billion operating budget, the agency said.",
    )
    assert next(r for r in c["rows"] if r["kind"] == "match")["level"] == "related"


def test_one_clock_time_written_two_ways_is_no_conflict_but_two_times_are():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}

    def time(text: str, value: str) -> list[dict]:
        return [_figure(text, value, "time", "time")]

    # "took effect at 15:00 local time" / "took effect at 3pm"
    assert number_conflicts([row], time("15:00", "15:00"), time("3pm", "3pm")) == []
    assert number_conflicts([row], time("3:00", "3:00"), time("3pm", "3pm")) == []  # am or pm unsaid
    assert number_conflicts([row], time("noon", "12pm"), time("12:00", "12:00")) == []
    assert len(number_conflicts([row], time("15:00", "15:00"), time("5pm", "5pm"))) == 1
    assert len(number_conflicts([row], time("3am", "3am"), time("3pm", "3pm"))) == 1


def _figures_of(sentence: str) -> list[dict]:
    from articles.compare.align import prepare

    return prepare(read_report("", sentence)).figures[0]


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("About 25,000 people took part in the study.", "The trial enrolled 24,600 volunteers.", True),
        ("About 3,000 residents were ordered out.", "More than 2,500 people have been told to leave.", True),
        ("Health care added 52,000 jobs.", "Health care accounted for more than 50,000 jobs.", True),
        (
            "The fire has grown to about 14,000 hectares.",
            "The service puts the fire at 11,800 hectares.",
            False,
        ),
        (
            "Brazil recorded more than 6 million cases.",
            "The region recorded more than 12 million cases.",
            False,
        ),
        ("She won 54% of the vote.", "He won 46% of the vote.", False),
        ("More than 1,800 students sat exams in Irish.", "About 5,900 students got results in Cork.", False),
        ("About two trucks caught fire.", "Three people were killed.", False),
    ],
)
def test_figures_agree_when_their_qualifiers_allow_one_value(a, b, agree):
    from articles.compare.align import agreeing_figures

    assert (agreeing_figures(_figures_of(a), _figures_of(b)) > 0) is agree


def test_the_gazetteer_knows_which_countries_hold_a_town_and_which_country_a_name_names():
    from articles.reading.gazetteer import countries_holding, country_code

    assert countries_holding("Lahore") == {"PK"}
    assert {"IN", "PK"} <= countries_holding("Hyderabad")
    assert country_code("Pakistan") == "PK" and country_code("United Kingdom") == "GB"
    assert country_code("Lahore") is None and countries_holding("Kot Lakhpat") == frozenset()


@pytest.mark.parametrize(
    "sentence, name, where",
    [
        ("Flights from the UK resumed on Monday.", "UK", Country("GB")),
        ("Flights from the UAE resumed on Monday.", "UAE", Country("AE")),
        ("Bushfires burned across NSW on Monday.", "NSW", InCountry("AU")),
        ("Flights from Pakistan resumed on Monday.", "Pakistan", Country("PK")),
    ],
)
def test_a_place_named_by_its_short_form_is_placed_in_its_country(sentence, name, where):
    from articles.compare.compare import places_by_sentence

    analysis = read_report("Flights", sentence)
    assert any(e["kind"] == "place" and e["name"] == name for e in analysis["entities"])
    assert where in places_by_sentence(analysis)[0]


def test_two_final_scores_of_one_match_conflict_but_a_players_scores_do_not():
    c = compare(
        "Final",
        "Limerick beat Cork 2-24 to 1-20 in the Munster final on Sunday. Kearney finished with 0-13 for Cork.",
        "Final",
        "Limerick beat Cork 2-23 to 1-20 in the Munster final on Sunday. Kearney kept Cork in it with 0-12.",
    )
    assert [(x["kind"], x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [
        ("score", ["2-24 to 1-20"], ["2-23 to 1-20"])
    ]


def test_one_final_score_told_from_either_side_is_no_conflict():
    c = compare(
        "Final",
        "Limerick beat Cork 2-24 to 1-20 in the Munster final on Sunday.",
        "Final",
        "Cork lost 1-20 to 2-24 to Limerick in the Munster final on Sunday.",
    )
    assert c["numbers"]["conflicts"] == []


def test_a_place_describing_a_company_does_not_keep_two_figures_of_one_claim_apart():
    c = compare(
        "Fine",
        "Harbor Foods, which controls 61 percent of the grocery market in Canada, was fined on Monday.",
        "Fine",
        "The Toronto giant, which controls 52 percent of the grocery market, was fined on Monday.",
    )
    assert [(x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [(["61 percent"], ["52 percent"])]


def test_a_place_inside_an_organisations_name_is_not_where_the_claim_happens():
    from articles.compare.compare import places_by_sentence
    from articles.compare.summary import InCountry

    text = "The U.S. District Court for the District of Columbia ruled in Ohio."
    court = text.index("U.S.")
    district = text.index("District of")
    ohio = text.index("Ohio")
    analysis = {
        "sentences": [{"id": 0, "start": 0, "end": len(text), "text": text}],
        "entities": [
            {
                "key": "o:court",
                "name": "U.S. District Court for the District of Columbia",
                "kind": "organisation",
                "mentions": [{"start": court, "end": text.index(" ruled"), "sentence": 0, "text": "..."}],
            },
            {
                "key": "g:districtofcolumbia",
                "name": "District of Columbia",
                "kind": "place",
                "mentions": [{"start": district, "end": text.index(" ruled"), "sentence": 0, "text": "..."}],
            },
            {
                "key": "g:ohio",
                "name": "Ohio",
                "kind": "place",
                "mentions": [{"start": ohio, "end": ohio + 4, "sentence": 0, "text": "Ohio"}],
            },
        ],
    }
    assert places_by_sentence(analysis) == {0: {"g:ohio", ("ohio",), InCountry("US")}}


def test_a_quote_told_over_two_sentences_is_one_row_with_its_speaker():
    c = compare(
        "Strike",
        "Dock workers walked out on Tuesday. The union said the strike would go on.",
        "Strike",
        'Dock workers walked out on Tuesday. "We move the goods. We cannot even feed our families," said '
        "Sipho Dube, a crane operator.",
    )
    quoted = [row for row in c["rows"] if row["kind"] == "only_b"]
    assert [(row["b"], row["quote"]) for row in quoted] == [([1, 2], 0)]
    assert c["quotes"]["b"][0]["speaker"] == "Sipho Dube"
    assert_every_sentence_once(c)


def test_a_key_difference_never_shows_half_a_quote():
    # The quote's second sentence is matched: its first half alone is not listed as said only here.
    c = compare(
        "Strike",
        'Dock workers walked out at the port of Lisbon on Tuesday. "The strike goes on," said Sipho Dube, a crane '
        "operator.",
        "Strike",
        'Dock workers walked out at the port of Lisbon on Tuesday. "We move the goods of this entire country every '
        'single day. We cannot even feed our own families on these wages," said Sipho Dube, a crane operator.',
    )
    texts = [item["text"] for item in c["key_differences"]["only_b"]]
    assert '"We move the goods of this entire country every single day.' not in texts


def test_a_quote_only_one_report_uses_is_one_key_difference_with_its_attribution():
    c = compare(
        "Strike",
        "Dock workers walked out at the port of Lisbon on Tuesday over a pay offer. "
        '"The strike goes on," said Sipho Dube, a crane operator.',
        "Strike",
        "Dock workers walked out at the port of Lisbon on Tuesday over a pay offer. "
        '"The strike goes on," said Sipho Dube, a crane operator. "Our children go hungry while ships sit idle '
        'in the harbour. Nobody in government has answered a single one of our letters," he added.',
    )
    assert [
        (item["sentences"], item["text"].endswith("he added.")) for item in c["key_differences"]["only_b"]
    ] == [([2, 3], True)]


def test_a_quote_the_other_report_gives_in_other_words_is_not_listed_as_only_one_reports():
    from articles.compare.key_differences import _echoed_quotes

    lead = "Limerick beat Cork in the Munster final at Thurles on Sunday after a tense second half. "
    a = (
        lead
        + 'Manager Padraig Hanrahan said: "We did not play well for long spells, but we found a way, and that is what this group does."'
    )
    echo = lead + 'Manager Padraig Hanrahan said: "That is what this group does. We find a way."'
    other = (
        lead + 'Manager Padraig Hanrahan said: "The referee had a fine game and Cork deserved nothing more."'
    )
    assert _echoed_quotes(compare("Final", a, "Final", echo)["quotes"], "b", "en") == {0}
    assert _echoed_quotes(compare("Final", a, "Final", other)["quotes"], "b", "en") == set()


def test_two_tallies_over_different_numbers_of_games_are_no_conflict():
    c = compare(
        "Transfer",
        "The striker scored 12 goals in 40 league appearances for the club before his move.",
        "Transfer",
        "The striker managed just 15 goals in 52 games for the club before his move.",
    )
    assert c["numbers"]["conflicts"] == []


def test_two_ages_of_one_person_conflict_beside_a_contract_length_both_give():
    c = compare(
        "Transfer",
        "Galatasaray have signed 26-year-old striker Mirko Dragasevic from Aston Villa on a four-year contract.",
        "Transfer",
        "Aston Villa have sold striker Mirko Dragasevic to Galatasaray, the 27-year-old joining on a four-year deal.",
    )
    assert [(x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [(["26-year-old"], ["27-year-old"])]


def test_an_age_in_months_is_not_set_against_an_age_in_years():
    c = compare(
        "Rescue",
        "Rescuers pulled an 18-month-old girl from the rubble of the house in Izmir on Monday.",
        "Rescue",
        "Rescuers pulled a two-year-old girl from the rubble of the house in Izmir on Monday.",
    )
    assert c["numbers"]["conflicts"] == []


@pytest.mark.parametrize(
    "a, b, conflict",
    [
        ("killing at least 23 people", "killing at least 24 people", True),
        ("killing more than 500 people", "killing more than 600 people", True),
        ("killing more than 20 people", "killing at least 21 people", False),
        ("killing at least 23 people", "killing 24 people", False),
        ("killing at least 23 people", "killing at least 23 people", False),
    ],
)
def test_two_floors_told_in_the_same_words_differ_when_their_figures_do(a, b, conflict):
    c = compare(
        "Bus",
        f"A bus plunged into a ravine in central Peru on Sunday, {a}.",
        "Bus",
        f"A bus fell into a gorge in central Peru on Sunday, {b}.",
    )
    assert bool(c["numbers"]["conflicts"]) is conflict


def test_a_toll_over_three_countries_is_not_set_against_a_toll_over_one_of_them():
    three = "killing more than 1,000 people in Mozambique, Zimbabwe and Malawi."
    one = "killed more than 600 people in Mozambique and left Sofala province under water."
    c = compare(
        "Idai",
        f"Cyclone Idai struck Beira on March 14, {three}",
        "Idai",
        f"Cyclone Idai, which hit Beira, {one}",
    )
    assert c["numbers"]["conflicts"] == []
    c = compare(
        "Idai",
        "Cyclone Idai struck Beira on March 14, killing more than 1,000 people in Mozambique.",
        "Idai",
        f"Cyclone Idai, which hit Beira, {one}",
    )
    assert [(x["a"], x["b"]) for x in c["numbers"]["conflicts"]] == [
        (["more than 1,000 people"], ["more than 600 people"])
    ]


# A lead saying in one sentence what the other report says in two (A0 / B0 and B1). Word
# overlaps: B1 is closer in words to A0 than to A1.
LEXICAL_LEAD = {(0, 0): (0.5, 0.0, 0.0), (0, 1): (0.4, 0.0, 0.0), (1, 1): (0.1, 0.0, 0.0)}


def test_a_sentence_takes_a_second_partner_that_scores_high_and_has_it_as_its_closest():
    matches = [Match([0], [0], 0.9)]
    added = second_partners(matches, [(0.9, 0, 0), (0.85, 0, 1)], LEXICAL_LEAD)
    assert [(m.a, m.b, m.second) for m in added] == [([0], [1], True)]


def test_no_second_partner_under_the_second_partner_level():
    matches = [Match([0], [0], 0.9)]
    just_under = SECOND_PARTNER_LEVEL - 0.01
    assert second_partners(matches, [(0.9, 0, 0), (just_under, 0, 1)], LEXICAL_LEAD) == []


def test_no_second_partner_when_neither_sentence_is_the_others_closest():
    matches = [Match([0], [0], 0.9), Match([1], [1], 0.9)]
    lexical = {(0, 0): (0.5, 0.0, 0.0), (0, 1): (0.3, 0.0, 0.0), (1, 1): (0.6, 0.0, 0.0)}
    assert second_partners(matches, [(0.9, 0, 0), (0.85, 0, 1), (0.9, 1, 1)], lexical) == []


def test_a_sentence_takes_one_second_partner_at_most_and_the_best_scored_one():
    matches = [Match([0], [0], 0.9)]
    lexical = {**LEXICAL_LEAD, (0, 2): (0.45, 0.0, 0.0)}
    added = second_partners(matches, [(0.9, 0, 0), (0.82, 0, 1), (0.88, 0, 2)], lexical)
    assert [(m.a, m.b) for m in added] == [([0], [2])]


def _given(kind: str, value: float, unit: str) -> dict:
    return {"kind": kind, "value": value, "unit": unit, "measure": unit}


def test_one_telling_figure_is_an_amount_a_share_or_a_count_of_some_size_given_alike():
    dollars = [_given("amount", 144_000_000.0, "USD")]
    assert one_figure(dollars, [_given("amount", 144_000_000.0, "USD")])
    assert one_figure([_given("percent", 54.3, "%")], [_given("percent", 54.3, "%")])
    assert one_figure([_given("count", 4300, "taxpayer")], [_given("count", 4300, "taxpayer")])
    # another value, another currency, a length of time, a small count: no cue
    assert not one_figure(dollars, [_given("amount", 140_000_000.0, "USD")])
    assert not one_figure(dollars, [_given("amount", 144_000_000.0, "EUR")])
    assert not one_figure([_given("duration", 3, "year")], [_given("duration", 3, "year")])
    assert not one_figure([_given("count", 2, "people")], [_given("count", 2, "people")])


def test_a_second_partner_giving_one_telling_figure_alike_is_taken_from_the_same_claim_level():
    matches = [Match([0], [0], 0.9)]
    pairs = [(0.9, 0, 0), (0.35, 0, 1)]
    dollars = [_given("amount", 144_000_000.0, "USD")]
    figures = ([dollars], [[], dollars])
    added = second_partners(matches, pairs, LEXICAL_LEAD, figures=figures)
    assert [(m.a, m.b, m.second) for m in added] == [([0], [1], True)]
    # without the figure, or under the same-claim level, the pair is left out
    assert second_partners(matches, pairs, LEXICAL_LEAD, figures=([dollars], [[], []])) == []
    assert second_partners(matches, [(0.9, 0, 0), (0.2, 0, 1)], LEXICAL_LEAD, figures=figures) == []


def test_two_sentences_matched_with_nothing_are_left_to_the_one_to_one_assignment():
    lexical = {(0, 0): (0.5, 0.0, 0.0)}
    assert second_partners([], [(0.9, 0, 0)], lexical) == []


def test_a_sentence_shared_by_two_matches_has_a_match_row_with_each_and_every_sentence_a_row():
    # A0 tells what B0 and B2 tell; B1 is told by A0's neighbour A1 (kept in order), B3 by nobody.
    first, second, neighbour = Match([0], [0], 0.9), Match([0], [2], 0.85, second=True), Match([1], [1], 0.8)
    matches = sorted([first, second, neighbour], key=lambda m: m.a[0])
    second.moved = True  # two matches of one sentence cannot both be in order in B
    rows = _rows(matches, 2, 4)
    kinds = [(r["kind"], r["a"], r["b"]) for r in rows]
    assert ("match", [0], [0]) in kinds and ("match", [0], [2]) in kinds and ("match", [1], [1]) in kinds
    assert ("moved_b", [0], [2]) in kinds and ("only_b", [], [3]) in kinds
    comparison = {"rows": rows, "sentences": {"a": [{}] * 2, "b": [{}] * 4}}
    assert_every_sentence_once(comparison)


def test_a_line_the_other_report_may_say_in_other_words_is_not_a_key_difference():
    from articles.compare.key_differences import COUNTERPART, _has_counterpart
    from articles.reading.vectors import pack

    def reading(vectors: list[list[float]]) -> dict:
        return {"vectors": pack(np.asarray(vectors, dtype=np.float32))}

    # Unit vectors: cosines of 0.34 and 0.1 with the other report's only sentence. A paraphrase
    # the sentence model sees as weakly alike ("All 19 were brought to surface alive" / "Nineteen
    # miners were yesterday brought to the surface alive", 0.29) is too often the same claim.
    mine = reading([[0.34, (1 - 0.34**2) ** 0.5], [0.1, (1 - 0.1**2) ** 0.5]])
    theirs = reading([[1.0, 0.0]])
    assert COUNTERPART <= 0.34
    assert _has_counterpart(mine, theirs) == {0}


def test_a_line_most_of_whose_words_the_other_report_uses_is_not_a_key_difference():
    from articles.compare.key_differences import _has_counterpart

    # No vectors: the words alone decide. The first line's words are nearly all the other
    # report's ("shares", "Lumora", "percent", "news"); the second's are new to it.
    mine = {
        "language": "en",
        "sentences": [
            {"text": "Shares of Lumora slid more than 4 percent on the news."},
            {"text": "The Office of the Comptroller fined the bank an additional $75 million."},
        ],
    }
    theirs = {
        "language": "en",
        "sentences": [{"text": "Lumora shares fell 4.6 percent in New York after the news broke."}],
    }
    assert _has_counterpart(mine, theirs) == {0}


def _parts(sentence: dict, key: str) -> list[str]:
    start = sentence["start"]
    return [sentence["text"][s - start : e - start] for s, e in sentence[key]]


def test_a_sentence_reads_who_is_speaking_apart_from_what_was_said():
    body = (
        "Harbour board chairwoman Ingrid Palsson said the new pier would open in the spring. "
        '"We have waited far too long for this," said Ingrid Palsson, the harbour board chairwoman. '
        "The pier cost 40 million kroner, according to the city council. "
        "The mayor, Lars Berg, told reporters on Monday that the ferry would run twice a day. "
        "The ferry will run twice a day."
    )
    sentences = read_report("Pier", body)["sentences"]
    assert [_parts(s, "attribution") for s in sentences] == [
        ["Harbour board chairwoman Ingrid Palsson said"],
        ["said Ingrid Palsson, the harbour board chairwoman"],
        ["according to the city council"],
        ["The mayor, Lars Berg, told reporters"],
        [],
    ]
    assert _parts(sentences[1], "speaker") == ["Ingrid Palsson, the harbour board chairwoman"]
    assert _parts(sentences[3], "speaker") == ["The mayor, Lars Berg,"]


def test_two_things_one_speaker_said_that_share_no_word_are_at_most_related():
    said = "Harbour board chairwoman Ingrid Palsson said the new pier would open in the spring."
    c = compare(
        "Pier",
        said,
        "Pier",
        '"We have waited far too long for this," said Ingrid Palsson, the harbour board chairwoman.',
    )
    assert [(r["kind"], r["level"]) for r in c["rows"]] == [("match", "related")]
    # a speaker known by surname alone on one side is the same speaker
    c = compare(
        "Pier",
        "Palsson said the pier would open in the spring.",
        "Pier",
        '"We have waited far too long," Palsson said.',
    )
    assert all(r["level"] != "same" for r in c["rows"])


def test_one_speaker_telling_one_thing_in_other_words_is_still_the_same_claim():
    c = compare(
        "Pier",
        "Harbour board chairwoman Ingrid Palsson said the new pier would open in the spring.",
        "Pier",
        "The new pier will open in the spring, said Ingrid Palsson, the harbour board chairwoman.",
    )
    assert [(r["kind"], r["level"]) for r in c["rows"]] == [("match", "same")]


def test_a_sentence_telling_nothing_beyond_who_spoke_is_not_set_against_the_others_words():
    told = {0: Told({"E:p:ingrid-palsson"}, set())}
    other = {0: Told({"E:p:ingrid-palsson"}, {"pier", "open"})}
    assert not _one_speaker_two_things(Match([0], [0], 0.9), told, other)
    assert _one_speaker_two_things(Match([0], [0], 0.9), {0: Told({"E:p:ingrid-palsson"}, {"wait"})}, other)
    # a side with a sentence in its own voice is left to the model
    assert not _one_speaker_two_things(
        Match([0, 1], [0], 0.9), {0: Told({"E:p:ingrid-palsson"}, {"wait"})}, other
    )


def test_one_doing_told_of_two_named_doers_is_at_most_related():
    c = compare(
        "League",
        "Benfica sit second in the league after seven games. Porto beat Benfica in August.",
        "League",
        "Porto sit fourth in the league after seven games. Benfica lost to Porto in August.",
    )
    row = next(r for r in c["rows"] if r["kind"] == "match" and r["a"] == [0])
    assert (row["b"], row["level"]) == ([0], "related")


def test_a_named_doer_told_in_other_words_or_as_its_place_is_still_the_same_claim():
    # the operator is the named firm in other words; a capital stands for its country
    for a, b in (
        ("Ferrovia Nord cancelled 40 trains on Monday.", "The operator cancelled 40 trains on Monday."),
        (
            "Pyongyang fired two ballistic missiles into the sea on Sunday.",
            "North Korea fired two ballistic missiles into the sea on Sunday.",
        ),
    ):
        assert [(r["kind"], r["level"]) for r in compare("t", a, "t", b)["rows"]] == [("match", "same")]
    # a name the other report never uses may be its doer in other words ("the Reds" / "Liverpool")
    c = compare(
        "Final",
        "Liverpool will face Ajax in the final in Madrid on June 1.",
        "Final",
        "The Reds will face Ajax in the final in Madrid on June 1.",
    )
    assert [(r["kind"], r["level"]) for r in c["rows"]] == [("match", "same")]
    known = {"E:o:siemens", "E:o:alstom"}
    firm = Doer("win", {"E:o:siemens"}, False, {"win"}, known)
    rival = Doer("win", {"E:o:alstom"}, False, {"win"}, known)
    assert _other_doers(Match([0], [0], 0.9), {0: firm}, {0: rival})
    # a place as the doer, another verb, the other side naming the doer too, or a doer the other
    # report never names: left to the model
    place = Doer("win", {"E:g:france"}, True, {"win"}, known | {"E:g:france"})
    assert not _other_doers(Match([0], [0], 0.9), {0: firm}, {0: place})
    lost = Doer("lose", {"E:o:alstom"}, False, {"lose"}, known)
    assert not _other_doers(Match([0], [0], 0.9), {0: firm}, {0: lost})
    naming = Doer("win", {"E:o:alstom"}, False, {"win", "E:o:siemens"}, known)
    assert not _other_doers(Match([0], [0], 0.9), {0: firm}, {0: naming})
    unknown = Doer("win", {"E:o:siemens"}, False, {"win"}, {"E:o:siemens"})
    assert not _other_doers(Match([0], [0], 0.9), {0: unknown}, {0: rival})


def test_the_doer_of_a_sentence_is_read_from_its_parse():
    body = (
        "Benfica, the champions, sit second in the league after seven games. "
        "Coach Rui Matos said the club would appeal the ban. "
        "Klopp's Reds will face Ajax in the final."
    )
    first, second, third = (s["doer"] for s in read_report("t", body)["sentences"])
    assert (first["verb"], first["named"]) == ("sit", True)
    assert [body[s:e] for s, e in first["subject"]] == ["Benfica"]  # not its apposition
    assert (second["verb"], second["named"]) == ("appeal", False)  # what was said, by the club
    assert [body[s:e] for s, e in second["subject"]] == ["club"]
    assert [body[s:e] for s, e in third["subject"]] == ["Reds"]  # the doer, not whose it is


def test_two_speakers_quoted_saying_two_things_are_at_most_related():
    c = compare(
        "Fed",
        "The Treasury said in a statement that the new governor would bring "
        '"sound judgment and long experience of farm lending" to the board.',
        "Fed",
        'Marguerite Olsen said in a statement that she was "deeply honoured by the trust of the Senate" '
        "and would serve.",
    )
    assert [(r["kind"], r["level"]) for r in c["rows"]] == [("match", "related")]


def test_two_speakers_are_set_apart_only_when_both_quote_and_their_quoted_words_share_none():
    told_a = {0: Told({"E:o:treasury"}, {"governor", "bring"})}
    told_b = {0: Told({"E:p:marguerite-olsen"}, {"honour", "serve"})}
    match = Match([0], [0], 0.9)
    assert _two_speakers_two_quotes(match, (told_a, told_b), ({0: {"judgment"}}, {0: {"honour"}}))
    # one word in common of five quoted is still two things said
    five = {"deep", "knowledge", "ordinary", "american", "borrow"}
    assert _two_speakers_two_quotes(
        match, (told_a, told_b), ({0: five}, {0: {"honour", "trust", "senate", "serve", "american"}})
    )
    # quoted words largely in common: one thing two sources quote alike
    assert not _two_speakers_two_quotes(
        match, (told_a, told_b), ({0: {"judgment"}}, {0: {"judgment", "honour"}})
    )
    # a side without quotation marks: one fact two sources tell in their own words
    assert not _two_speakers_two_quotes(match, (told_a, told_b), ({0: {"judgment"}}, {}))
    # one speaker on both sides is _one_speaker_two_things' to judge
    same_speaker = {0: Told({"E:o:treasury"}, {"honour"})}
    assert not _two_speakers_two_quotes(match, (told_a, same_speaker), ({0: {"judgment"}}, {0: {"honour"}}))
    # a side telling something in its own voice
    assert not _two_speakers_two_quotes(match, ({}, told_b), ({0: {"judgment"}}, {0: {"honour"}}))
    # a side telling what was said mostly in the reporter's words, quoting a few of them
    paraphrase = {
        0: Told({"E:o:huawei"}, {"given", "little", "information", "charge", "aware", "just", "conclusion"})
    }
    assert not _two_speakers_two_quotes(
        match, (told_a, paraphrase), ({0: {"judgment"}}, {0: {"just", "conclusion"}})
    )


def test_a_leftover_sentence_joins_a_neighbours_match_only_when_the_shared_sentence_is_its_closest():
    # B's sentence 1 comes right after B's sentence 0, matched to A's sentence 0
    pairs = [(0.9, 0, 0), (0.4, 0, 1)]
    closer_elsewhere = (set(), {(2, 1)}, set(), set())  # B1's closest in meaning is A2
    matches = [Match([0], [0], 0.9)]
    _merge_split_sentences(matches, pairs, 3, 2, closer_elsewhere)
    assert (matches[0].a, matches[0].b) == ([0], [0])
    closest_here = (set(), {(0, 1)}, set(), set())
    matches = [Match([0], [0], 0.9)]
    _merge_split_sentences(matches, pairs, 3, 2, closest_here)
    assert (matches[0].a, matches[0].b) == ([0], [0, 1])
    # and the same from A's side: A1's closest in words is B0
    matches = [Match([0], [0], 0.9)]
    _merge_split_sentences(matches, [(0.9, 0, 0), (0.4, 1, 0)], 2, 3, (set(), set(), {(1, 0)}, set()))
    assert (matches[0].a, matches[0].b) == ([0, 1], [0])


def test_a_leftover_sentence_joins_a_neighbours_match_only_when_its_own_pair_is_the_same_claim():
    from articles.compare.claims import model

    closest_here = (set(), {(0, 1)}, set(), set())
    matches = [Match([0], [0], 0.9)]
    related_only = model().same - 0.01
    _merge_split_sentences(matches, [(0.9, 0, 0), (related_only, 0, 1)], 3, 2, closest_here)
    assert (matches[0].a, matches[0].b) == ([0], [0])
    matches = [Match([0], [0], 0.9)]
    _merge_split_sentences(matches, [(0.9, 0, 0), (model().same, 0, 1)], 3, 2, closest_here)
    assert (matches[0].a, matches[0].b) == ([0], [0, 1])


@pytest.mark.parametrize(
    "line",
    [
        "What do we know so far about the storm?",
        "Under the terms of her release, Ms. Meng must:",
        "(Reporting by the Maputo bureau; Writing by Ruth Achterberg; Editing by Alan Prior)",
        "We will update this post as we learn more about the damage.",
        "This story has been updated with the latest figures from the port authority.",
    ],
)
def test_a_line_that_states_nothing_is_no_key_difference(line):
    lead = "Cyclone Idai made landfall near the port city of Beira late on Thursday, officials said."
    c = compare("Storm", lead, "Storm", lead + " " + line)
    assert c["key_differences"]["only_b"] == []


def test_a_statement_ending_in_a_quote_is_still_a_key_difference():
    from articles.compare.key_differences import _states_nothing

    assert not _states_nothing('The minister said the rescue had been "a race against time."')
    assert not _states_nothing("Aid agencies say they have lost contact with colleagues in the city.")
    # The page speaking of itself is no claim; a speaker quoted on a story is one.
    assert not _states_nothing('"We will not let this story end here," the mayor told our reporter.')


def test_a_rounded_figure_allows_what_rounds_to_it_but_not_more():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}

    def money(text: str, value: float) -> dict:
        return _role_figure(text, value, "amount", unit="GBP", measure="GBP")

    # "a record £96m fine" / "fined £96.4 million": the tabloid rounds
    assert number_conflicts([row], [money("£96.4 million", 96.4e6)], [money("£96m", 96e6)]) == []
    # "£96m" / "£97.4 million": more than rounding
    assert len(number_conflicts([row], [money("£97.4 million", 97.4e6)], [money("£96m", 96e6)])) == 1
    # a round thousand is no licence for a fifth more
    people = {"unit": "people", "measure": "people"}
    one_thousand = [_role_figure("1,000 people", 1000, "count", **people)]
    assert (
        len(number_conflicts([row], one_thousand, [_role_figure("1,200 people", 1200, "count", **people)]))
        == 1
    )


def test_running_totals_told_as_of_two_times_are_no_conflict():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    quakes = {"unit": "earthquake", "measure": "earthquake", "bound": "at_least"}
    a = [_role_figure("more than 1,200 earthquakes", 1200, "count", **quakes)]
    b = [_role_figure("More than 1,900 earthquakes", 1900, "count", **quakes)]
    told = (
        [{"text": "Seismometers recorded more than 1,200 earthquakes by midnight."}],
        [{"text": "More than 1,900 earthquakes had been recorded by Wednesday afternoon."}],
    )
    assert number_conflicts([row], a, b, sentences=told) == []
    same_time = (told[0], [{"text": "More than 1,900 earthquakes had been recorded by midnight."}])
    assert len(number_conflicts([row], a, b, sentences=same_time)) == 1


def test_figures_told_of_two_people_are_no_conflict():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    gap = {"unit": "second", "measure": "second"}
    # "Kuipers was third, a further eight seconds back" / "Ashby-Reid was second, 18 seconds behind"
    a = [_role_figure("eight seconds", 8, "duration", anchor="kuipers", **gap)]
    b = [_role_figure("18 seconds", 18, "duration", anchor="reid", **gap)]
    people = frozenset({"sem", "kuipers", "callum", "ashby", "reid"})
    assert number_conflicts([row], a, b, people=people) == []
    b_same_rider = [_role_figure("18 seconds", 18, "duration", anchor="kuipers", **gap)]
    assert len(number_conflicts([row], a, b_same_rider, people=people)) == 1


def test_a_round_figure_a_few_units_off_is_still_a_conflict():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    affiliates = {"unit": "affiliate", "measure": "affiliate"}
    a = [_role_figure("70 affiliates", 70, "count", **affiliates)]
    b = [_role_figure("68 of its affiliates", 68, "count", **affiliates)]
    assert len(number_conflicts([row], a, b)) == 1


def test_figures_of_a_related_row_conflict_but_of_sentences_left_apart_do_not():
    from articles.compare.summary import number_conflicts

    turnout = {"unit": "%", "measure": "%"}
    a = [_role_figure("31.4%", 31.4, "percent", **turnout)]
    b = [_role_figure("34.1%", 34.1, "percent", **turnout)]
    # "Turnout was 31.4%, down from ..." / "Turnout slumped to 34.1%, a sign of ...": the
    # matcher calls them related; the figures still disagree about one thing.
    related = {"kind": "match", "level": "related", "a": [0], "b": [0]}
    assert len(number_conflicts([related], a, b)) == 1
    apart = [{"kind": "only_a", "a": [0], "b": []}, {"kind": "only_b", "a": [], "b": [0]}]
    assert number_conflicts(apart, a, b) == []


def test_a_subject_that_is_no_one_denies_the_main_claim_and_an_instruction_not_to_denies_nothing():
    body = (
        "No new talks have been scheduled with the union. "
        "Nobody was hurt in the blast. "
        "Swimmers at Whalley were told not to enter the water. "
        "Shoppers are being urged not to eat the sandwiches. "
        "The mayor decided not to run again. "
        "Crews found no survivors in the wreck."
    )
    negated = [s["negated"] for s in read_report("t", body)["sentences"]]
    assert negated == [True, True, False, False, True, False]


def test_an_instruction_not_to_do_a_thing_and_a_warning_to_keep_from_it_are_the_same_claim():
    c = compare(
        "E. coli",
        "Swimmers at Whalley were told in August not to enter the river after tests found E. coli.",
        "E. coli",
        "Swimmers at Whalley were warned in August to stay out of the river after tests found E. coli.",
    )
    row = next(r for r in c["rows"] if r["kind"] == "match")
    assert row["level"] == "same"


def test_no_talks_scheduled_is_at_most_related_to_talks_scheduled():
    c = compare(
        "Strike",
        "No new talks have been scheduled between Lufthansa and the pilots' union.",
        "Strike",
        "New talks have been scheduled between Lufthansa and the pilots' union.",
    )
    row = next(r for r in c["rows"] if r["kind"] == "match")
    assert row["level"] == "related"


def test_the_rank_of_a_sentence_is_the_place_in_a_series_it_says_something_is():
    body = (
        "It is the third KTX derailment since 2022. "
        "Tuesday was also the ninth consecutive day above 105 degrees. "
        "It was the 12th day this year to reach 105 degrees. "
        "The fire started in the third carriage. "
        "It was a second blow for the club."
    )
    ranks = [s["rank"] for s in read_report("t", body)["sentences"]]
    assert ranks == [3, 9, 12, None, 2]


def test_two_places_in_two_series_are_not_the_same_claim():
    c = compare(
        "Final",
        "Limerick beat Cork in the Munster final on Sunday. It is Limerick's sixth Munster title in seven years.",
        "Final",
        "Limerick beat Cork in the Munster final on Sunday. It was Limerick's fifth Munster title on the trot.",
    )
    assert not matched(c, "sixth Munster title", "fifth Munster title")
    assert c["numbers"]["conflicts"] == []


def _sides(n: int, **by_index) -> Sides:
    """Guards' view of two reports of n sentences each that deny nothing and ask nothing; by_index
    ("a1": {...}) changes one sentence's reading."""
    sentences = {
        side: [
            {"text": f"Sentence {side}{k} states a fact.", "negated": False, "denies": False}
            for k in range(n)
        ]
        for side in "ab"
    }
    for key, change in by_index.items():
        sentences[key[0]][int(key[1:])].update(change)
    return Sides((sentences["a"], sentences["b"]), ({}, {}), ({}, {}))


def test_a_faint_pair_next_to_a_same_claim_match_is_the_same_claim_from_the_neighbour_level():
    anchor = Match([1], [1], 0.9)
    faint = {(2, 2): NEIGHBOUR_SAME_LEVEL, (0, 0): NEIGHBOUR_SAME_LEVEL - 0.01, (2, 0): 0.19}
    added = _neighbours_of_same_claims([anchor], faint, {(1, 1)}, (0, 0), _sides(3))
    # (0, 0) is under the level; (2, 0) is not next to the match in both reports
    assert [(m.a, m.b, m.level) for m in added] == [([2], [2], "same")]


def test_a_faint_pair_next_to_a_same_claim_match_stays_apart_when_a_guard_objects():
    anchor = Match([1], [1], 0.9)
    faint = {(2, 2): 0.19}
    denied = _sides(3, a2={"negated": True})
    assert _neighbours_of_same_claims([anchor], faint, {(1, 1)}, (0, 0), denied) == []
    taken = Match([2], [0], 0.3, level="related")
    assert _neighbours_of_same_claims([anchor, taken], faint, {(1, 1)}, (0, 0), _sides(3)) == []


def test_a_related_match_next_to_a_same_claim_match_becomes_the_same_claim_unless_a_guard_objects():
    anchor, weak, denied = (
        Match([1], [1], 0.9),
        Match([2], [2], 0.27, level="related"),
        Match([3], [3], 0.6, level="related"),
    )
    sides = _sides(4, b3={"negated": True})
    assert _neighbours_of_same_claims([anchor, weak], {}, {(1, 1)}, (0, 0), sides) == []
    assert weak.level == "same"
    _neighbours_of_same_claims([Match([2], [2], 0.9), denied], {}, {(2, 2)}, (0, 0), sides)
    assert denied.level == "related"


def test_two_leads_next_to_a_same_claim_match_stay_related_unless_each_is_the_others_closest():
    anchor = Match([1], [1], 0.9)
    leads = Match([0], [0], 0.7, level="related")
    _neighbours_of_same_claims([anchor, leads], {}, {(1, 1)}, (0, 0), _sides(2))
    assert leads.level == "related"
    _neighbours_of_same_claims([anchor, leads], {}, {(1, 1), (0, 0)}, (0, 0), _sides(2))
    assert leads.level == "same"


def test_a_name_one_reading_missed_counts_as_the_same_name_in_both_reports_for_the_alignment():
    from articles.compare.align import prepare
    from articles.compare.compare import with_unread_names

    analysis = {
        "language": "en",
        "sentences": [{"id": 0, "text": "Katla last erupted in 1918."}],
        "entities": [],
        "numbers": [],
    }
    found = {"g:katla": [{"start": 0, "end": 5, "text": "Katla", "sentence": 0}]}
    bags = prepare(with_unread_names(analysis, found, {"g:katla": "place"})).bags
    # the other report's entity token stands for the name, not the bare word
    assert bags[0]["E:g:katla"] == 1
    assert "katla" not in bags[0]
    assert prepare(analysis).bags[0]["katla"] == 1


def test_a_sentence_happened_when_it_tells_a_done_thing_in_the_reporters_voice():
    body = (
        "OSLO (Northwire) — Ferry crews in western Norway walked off the job on Monday. "
        "More than 300 sailors were ordered back to work by a court on Tuesday. "
        "The operator has cancelled every crossing. "
        "The ferries are the only link for many island villages. "
        "The union said the strike would last a week. "
        "No talks have been scheduled. "
        "If you live on Askøy, you already know the ferry is late. "
        "The company has run the routes for nearly 40 years. "
        "The ministry will publish new rules next month. "
        "The operator has 42 ferries. "
        "Commuters are queueing at the quay. "
        "The crews did not return to work. "
        "Two crossings were cancelled on Wednesday, the operator said. "
        "The operator said on Wednesday that it had cancelled two crossings."
    )
    happened = [s["happened"] for s in read_report("t", body)["sentences"]]
    # a past tense (after a dateline), a passive, a perfect; then a state, speech, a subject that
    # is no one, the reader addressed, a stretch of time, something ahead, a possession, something
    # going on and a denial; a happening told before its source, and a statement
    assert happened == [True, True, True] + [False] * 9 + [True, False]


def test_a_lead_telling_what_follows_tells_what_happened_in_its_after_clause():
    body = (
        "Commuters face longer journeys this week after ferry crews walked off the job on Monday. "
        "Shoppers will keep their choice of grocer after the regulator blocked the takeover on Wednesday. "
        "Commuters will queue at the quay after the crews walk out on Monday. "
        "Commuters did not travel after the crews walked out on Monday. "
        "Commuters are queueing at the quay."
    )
    happened = [s["happened"] for s in read_report("t", body)["sentences"]]
    # the happening told in the "after" clause of a thing going on or ahead; not when the
    # "after" clause is ahead too, when the main claim is denied, or with no "after" clause
    assert happened == [True, True, False, False, False]


def test_a_lead_the_parse_hangs_on_its_dateline_is_read_at_its_own_verb():
    body = (
        "LUANSHYA – Nineteen miners were yesterday brought to the surface alive after two days underground. "
        "ACCRA – Ghana's parliament will vote on the bill next week. "
        "LUANSHYA – a town in mourning."
    )
    happened = [s["happened"] for s in read_report("t", body)["sentences"]]
    # the dateline is the parse's root and the lead's verb a clause of it; a lead ahead, or a
    # dateline over no clause with a subject, tells nothing that happened
    assert happened == [True, False, False]


# Two reports of one strike: A's lead reads closer to B's second sentence, which retells it with
# the record, than to B's lead, so the two leads are not each other's closest.
_STRIKE_A = (
    "Ferry crews in western Norway walked off the job on Monday, halting crossings to dozens of islands. "
    "The strike over rosters is the first on the Bergen routes since 2009, the union said. "
    "Operator Fjordlink said it had cancelled 140 departures. "
    "A court ordered the crews back to work on Tuesday."
)
_STRIKE_B = (
    "The walkout by ferry crews in western Norway, which halted crossings to the islands, is the first "
    "strike on the Bergen routes since 2009. "
    "Fjordlink scrapped 140 departures. "
    "Judges ordered the sailors back on Tuesday."
)


def test_two_leads_each_telling_what_happened_are_the_same_claim_though_not_each_others_closest():
    lead_b = "Thousands of islanders were left stranded on Monday after sailors downed tools."
    c = compare("Strike", _STRIKE_A, "Strike", lead_b + " " + _STRIKE_B)
    assert kind_of(c, "Thousands of islanders") == "match"
    assert matched(c, "walked off the job", "Thousands of islanders")


def test_a_lead_speaking_to_its_reader_keeps_the_closest_test():
    lead_b = "If you live on an island, you were stuck at home on Monday after sailors downed tools."
    c = compare("Strike", _STRIKE_A, "Strike", lead_b + " " + _STRIKE_B)
    assert kind_of(c, "If you live on an island") == "related"


def test_two_leads_told_as_news_reads_the_leads_match_only():
    told = [{"text": "x", "happened": True}, {"text": "y", "happened": True}]
    feature = [{"text": "x", "happened": False}, {"text": "y", "happened": True}]
    assert two_leads_told_as_news(Match([0], [0], 0.6), (0, 0), told, told)
    assert not two_leads_told_as_news(Match([0], [1], 0.6), (0, 0), told, told)
    assert not two_leads_told_as_news(Match([0], [0, 1], 0.6), (0, 0), told, told)
    assert not two_leads_told_as_news(Match([0], [0], 0.6), (0, 0), feature, told)


def test_a_sentence_withholds_when_its_source_keeps_its_view_to_itself():
    body = (
        "The harbour board declined to comment on Friday. "
        "The ferry company refused to say how many sailings it had cut. "
        "The skipper declined to criticise the harbour master. "
        "The operator did not say whether it would pay compensation. "
        "Port officials could not be reached for comment. "
        "The insurer had no immediate comment. "
        "The mayor did not return calls seeking comment. "
        "The union said it would not comment before the ballot. "
        "Ferry fares declined 4% last year. "
        "The insurer refused to pay for the damage. "
        "The board, which declined to comment, owns six quays. "
        "The crews did not return to work. "
        "The board did not disclose the price of the quay. "
        "The board said the terms could not be disclosed. "
        "The board said the quay was safe."
    )
    withholds = [s["withholds"] for s in read_report("t", body)["sentences"]]
    # refusals to speak, a speech denied, no reply, no comment, told; then a fall, a refusal to
    # act, a refusal in a clause of its own, a denial of something else, a fact not disclosed
    # (one fact, however told), and a statement
    assert withholds == [True] * 8 + [False] * 7


def test_withholding_differs_reads_each_side_whole():
    silent = [{"text": "x", "withholds": True}, {"text": "y", "withholds": True}]
    telling = [{"text": "x", "withholds": False}, {"text": "y", "withholds": False}]
    assert _withholding_differs(Match([0], [0], 0.7), silent, telling)
    assert _withholding_differs(Match([0], [0, 1], 0.7), telling, silent)
    assert not _withholding_differs(Match([0], [1], 0.7), silent, silent)
    assert not _withholding_differs(Match([0], [1], 0.7), telling, telling)
    # one side half silent: the other may tell what its other half does
    assert not _withholding_differs(Match([0, 1], [0], 0.7), [silent[0], telling[1]], telling)
    # a reading from before "withholds" was stored
    assert not _withholding_differs(Match([0], [0], 0.7), [{"text": "x"}], telling)


_SILT_A = (
    "Dredging at the Port of Kessock was halted on Tuesday after silt clogged the main channel. "
    "Three cargo ships were left waiting offshore. "
    "The Kessock Harbour Trust declined to comment."
)
_SILT_B = (
    "Dredging at the Port of Kessock stopped on Tuesday when silt blocked the main channel. "
    "Three cargo ships were left waiting offshore. "
    "A spokeswoman for the Kessock Harbour Trust said the trust was keeping the channel under review."
)


def test_a_source_declining_to_comment_is_not_the_same_claim_as_the_source_saying_something():
    c = compare("Silt", _SILT_A, "Silt", _SILT_B)
    assert matched(c, "Three cargo ships", "Three cargo ships")
    assert not matched(c, "declined to comment", "keeping the channel under review")
    # both silent: one claim
    silent_b = _SILT_B.replace(
        "A spokeswoman for the Kessock Harbour Trust said the trust was keeping the channel under review.",
        "The Kessock Harbour Trust did not respond to a request for comment.",
    )
    c = compare("Silt", _SILT_A, "Silt", silent_b)
    assert matched(c, "declined to comment", "did not respond")


def _count(value: float, measure: str = "people", kind: str = "count") -> dict:
    return {"kind": kind, "value": value, "unit": measure, "measure": measure}


def _sides_with_figures(figures_a: list[list[dict]], figures_b: list[list[dict]]) -> Sides:
    return Sides(([], []), ({}, {}), ({}, {}), ({}, {}), (figures_a, figures_b))


def test_two_counts_far_apart_are_two_things_counted():
    far = _sides_with_figures([[_count(150000)]], [[_count(30)]])
    assert _counts_far_apart(Match([0], [0], 0.8), far)
    # close enough to be one count told two ways: a conflict, not two things
    assert not _counts_far_apart(Match([0], [0], 0.8), _sides_with_figures([[_count(40)]], [[_count(49)]]))
    # two measures, a small count, an amount, or a side giving two figures: left to the model
    assert not _counts_far_apart(
        Match([0], [0], 0.8), _sides_with_figures([[_count(150000)]], [[_count(30, "homes")]])
    )
    assert not _counts_far_apart(Match([0], [0], 0.8), _sides_with_figures([[_count(150000)]], [[_count(6)]]))
    amounts = _sides_with_figures([[_count(2600, "franc", "amount")]], [[_count(400, "franc", "amount")]])
    assert not _counts_far_apart(Match([0], [0], 0.8), amounts)
    two = _sides_with_figures([[_count(11000), _count(1204)]], [[_count(1200)]])
    assert not _counts_far_apart(Match([0], [0], 0.8), two)


_VALLEY_A = (
    "Heavy rain flooded dozens of villages in the Drava valley on Sunday. "
    "Rescue teams evacuated a care home in Bistrica. "
    "The 2010 floods, the worst in a generation, displaced more than 150,000 people in the valley."
)
_VALLEY_B = (
    "Heavy rain flooded dozens of villages in the Drava valley on Sunday. "
    "Rescue teams evacuated a care home in Bistrica. "
    "In 2010, floods in the valley killed 30 people."
)


def test_two_counts_far_apart_are_not_shown_as_the_same_claim():
    c = compare("Floods", _VALLEY_A, "Floods", _VALLEY_B)
    assert matched(c, "Rescue teams evacuated", "Rescue teams evacuated")
    assert not matched(c, "displaced more than 150,000", "killed 30 people")


def test_the_main_claim_is_read_where_the_parse_runs_two_sentences_together():
    # after "p.m." the parse reads one sentence where the reading reads two: each is read at its
    # own root
    body = (
        "Trams ran again from about 6:15 p.m.\n\nIt is the fourth tram derailment since 2019.\n\n"
        "A tram left the depot at 7:05 p.m.\n\nThe operator did not say why."
    )
    sentences = read_report("t", body)["sentences"]
    assert [s["rank"] for s in sentences] == [None, 4, None, None]
    assert [s["negated"] for s in sentences] == [False, False, False, True]
    assert [s["withholds"] for s in sentences] == [False, False, False, True]


def _told(text: str, value, verb: str, subject: str, sentence: int = 0, **extra) -> dict:
    unit = extra.pop("unit", "hour")
    return {
        **_figure(text, value, unit, extra.pop("kind", "duration")),
        "measure": unit,
        "sentence": sentence,
        "verb": verb,
        "subject": subject,
        "subject_at": -1,
        **extra,
    }


APART = [{"kind": "only_a", "a": [0], "b": []}, {"kind": "only_b", "a": [], "b": [0]}]


def test_figures_of_unpaired_sentences_conflict_when_one_doer_does_one_thing():
    from articles.compare.summary import crossed_conflicts

    a = [_told("about nine hours", 9, "deliberate", "jury", bound="about")]
    b = [_told("just six hours", 6, "deliberate", "jury")]
    found = crossed_conflicts(APART, a, b)
    assert [(c["a"], c["b"], c["a_sentences"], c["b_sentences"]) for c in found] == [
        (["about nine hours"], ["just six hours"], [0], [0])
    ]
    # another verb, another subject, or no subject told: not one claim
    assert crossed_conflicts(APART, a, [_told("six hours", 6, "wait", "jury")]) == []
    assert crossed_conflicts(APART, a, [_told("six hours", 6, "deliberate", "judge")]) == []
    assert crossed_conflicts(APART, a, [_told("six hours", 6, "deliberate", "")]) == []
    # a pair a row holds already is number_conflicts' to judge
    row = [{"kind": "match", "level": "same", "a": [0], "b": [0]}]
    assert crossed_conflicts(row, a, b) == []


def test_unpaired_figures_do_not_conflict_when_the_other_report_gives_the_value_or_two_could_face():
    from articles.compare.summary import crossed_conflicts

    a = [_told("nine hours", 9, "deliberate", "jury")]
    b = [_told("six hours", 6, "deliberate", "jury"), _told("nine hours", 9, "sit", "court", sentence=1)]
    assert crossed_conflicts([*APART, {"kind": "only_b", "a": [], "b": [1]}], a, b) == []
    two = [
        _told("six hours", 6, "deliberate", "jury"),
        _told("seven hours", 7, "deliberate", "jury", sentence=1),
    ]
    assert crossed_conflicts([*APART, {"kind": "only_b", "a": [], "b": [1]}], a, two) == []


def test_unpaired_dates_are_never_set_against_each_other():
    from articles.compare.summary import crossed_conflicts

    a = [_told("March 3", "m=3;d=3", "hold", "council", kind="date", unit="date")]
    b = [_told("March 5", "m=3;d=5", "hold", "council", kind="date", unit="date")]
    assert crossed_conflicts(APART, a, b) == []


def test_subjects_meet_as_one_entity_under_two_names_or_a_body_and_a_noun_for_one():
    from articles.compare.summary import crossed_conflicts

    federation = {
        "key": "ifrc",
        "kind": "organisation",
        "variants": ["International Federation of Red Cross and Red Crescent Societies", "IFRC"],
        "mentions": [{"start": 4, "end": 70, "text": "International Federation ...", "sentence": 0}],
    }
    a = [
        _told(
            "4.2 million Swiss francs", 4.2e6, "launch", "society", kind="amount", unit="CHF", subject_at=10
        )
    ]
    b = [_told("CHF 4.8 million", 4.8e6, "launch", "ifrc", kind="amount", unit="CHF")]
    assert len(crossed_conflicts(APART, a, b, entities=([federation], []))) == 1
    assert crossed_conflicts(APART, a, b) == []
    pennine = {
        **federation,
        "key": "pennine",
        "variants": ["Pennine"],
        "mentions": [{"start": 0, "end": 7, "text": "Pennine"}],
    }
    firm = [_told("21 days", 21, "have", "firm", unit="day")]
    days = [_told("28 days", 28, "have", "pennine", unit="day", subject_at=0)]
    assert len(crossed_conflicts(APART, days, firm, entities=([pennine], []))) == 1
    assert (
        crossed_conflicts(
            APART, days, [_told("21 days", 21, "have", "court", unit="day")], entities=([pennine], [])
        )
        == []
    )


def test_a_conflict_between_unpaired_sentences_is_shown_in_a_related_row_of_its_own():
    from articles.compare.compare import with_conflict_rows

    sentences = (
        [{"text": "Jurors deliberated for nine hours."}, {"text": "The judge thanked them."}],
        [{"text": "Police closed the road."}, {"text": "A jury deliberated for six hours."}],
    )
    conflict = {"a_sentences": [0], "b_sentences": [1]}
    # both one-sided and next to each other: one row
    rows = [{"kind": "only_a", "a": [0], "b": []}, {"kind": "only_b", "a": [], "b": [1]}]
    (row,) = with_conflict_rows(rows, [conflict], sentences)
    assert (row["kind"], row["a"], row["b"], row["level"], row["conflict"]) == (
        "match",
        [0],
        [1],
        "related",
        True,
    )
    # apart: the row at A's place, a link at B's
    rows = [
        {"kind": "only_a", "a": [0], "b": []},
        {"kind": "match", "a": [1], "b": [0], "level": "same"},
        {"kind": "only_b", "a": [], "b": [1]},
    ]
    kinds = [(r["kind"], r["a"], r["b"]) for r in with_conflict_rows(rows, [conflict], sentences)]
    assert kinds == [("match", [0], [1]), ("match", [1], [0]), ("moved_b", [0], [1])]
    # A's sentence in another row already: the row takes B's one-sided place
    rows = [{"kind": "match", "a": [0], "b": [0], "level": "same"}, {"kind": "only_b", "a": [], "b": [1]}]
    kinds = [(r["kind"], r["a"], r["b"]) for r in with_conflict_rows(rows, [conflict], sentences)]
    assert kinds == [("match", [0], [0]), ("match", [0], [1])]


def test_a_currency_name_several_share_faces_the_code_the_reports_write():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    dirhams = [{**_figure("53 billion dirhams", 53e9, "dirham", "amount"), "measure": "dirham"}]
    mad = [{**_figure("MAD 61 billion", 61e9, "MAD", "amount"), "measure": "MAD"}]
    assert [c["unit"] for c in number_conflicts([row], dirhams, mad)] == ["MAD"]
    # with the dirhams of two countries written by code, which one is meant cannot be told
    aed = {**_figure("AED 2 billion", 2e9, "AED", "amount"), "measure": "AED", "sentence": 1}
    assert number_conflicts([row], dirhams, [*mad, aed]) == []


def test_one_figure_at_two_scales_is_no_conflict():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}
    lakh = [{**_figure("₹1.5 lakh", 1.5e5, "INR", "amount"), "measure": "INR"}]
    trillion = [{**_figure("1.5 trillion rupees", 1.5e12, "INR", "amount"), "measure": "INR"}]
    assert number_conflicts([row], lakh, trillion) == []
    other = [{**_figure("1.7 trillion rupees", 1.7e12, "INR", "amount"), "measure": "INR"}]
    assert len(number_conflicts([row], [{**trillion[0]}], other)) == 1


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (("at least another three weeks", 3), ("at least four more weeks", 4), True),
        (("more than $2 million", 2e6), ("more than $2.3 million", 2.3e6), False),
        (("more than $2 million", 2e6), ("more than $3 million", 3e6), True),
        (("up to 3 hours", 3), ("up to 2.6 hours", 2.6), False),
    ],
)
def test_two_bounds_in_the_same_words_differ_unless_one_is_the_other_rounded(a, b, conflict):
    from articles.compare.summary import _conflict

    def bound(text: str, value: float) -> dict:
        return {"text": text, "value": value, "kind": "duration", "unit": "week",
                "bound": "at_most" if text.startswith("up to") else "at_least"}  # fmt: skip

    assert _conflict(bound(*a), bound(*b)) is conflict


def test_a_place_a_body_is_based_in_is_no_place_of_the_claim():
    from articles.compare.compare import places_by_sentence

    analysis = read_report(
        "",
        "Brannock & Lowe, the furniture chain based in Richmond, Virginia, said it would close 140 stores.",
    )
    assert places_by_sentence(analysis).get(0, set()) == set()


def test_unpaired_shares_of_two_sides_of_a_vote_are_no_conflict():
    from articles.compare.summary import crossed_conflicts

    share = {"kind": "percent", "unit": "%"}
    yes = [_told("54%", 54, "vote in favour", "=", **share)]
    no = [_told("46%", 46, "vote against", "=", **share)]
    assert crossed_conflicts(APART, yes, no) == []
    assert len(crossed_conflicts(APART, yes, [_told("58%", 58, "vote in favour", "=", **share)])) == 1


def _split_claim(one_length: int = 140, part: dict | None = None, part_negated: bool = False) -> list[Match]:
    """A's one sentence tells that ships wait at anchor at Velmar and that fruit rots on the quay; B tells
    the ships in sentence 0 (matched to A's as the same claim) and the fruit in sentence 1, with
    other words (B's sentence 2 tells of talks). Words weigh 1. Alone, B1 reads far from A0
    (cosine 0.32, probability about 0.19: under the same-claim level, so _merge_split_sentences
    leaves it); B0 and B1 summed read closer (0.58). Returns the matches after _join_split_claims."""
    bags_a = [Counter({"ship": 1, "anchor": 1, "wait": 1, "fruit": 1, "rot": 1, "quay": 1, "E:velmar": 1})]
    part = part if part is not None else {"fruit": 1, "rot": 1, "warn": 1, "operator": 1, "crate": 1}
    bags_b = [
        Counter({"ship": 1, "anchor": 1, "harbour": 1, "stuck": 1}),
        Counter(part),
        Counter({"union": 1}),
    ]
    a = SideText([{}], bags_a, [one_length], [[]])
    b = SideText([{}, {}, {}], bags_b, [60, 50, 50], [[], [], []])
    weights = {t: 1.0 for bag in (*bags_a, *bags_b) for t in bag}
    vectors_a = np.array([[1.0, 1.0, 0.0, 0.0]]) / np.sqrt(2)
    part_vector = np.array([0.0, 0.45, 0.0, 0.89]) / np.linalg.norm([0.45, 0.89])
    vectors_b = np.array([[1.0, 0.0, 1.0, 0.0] / np.sqrt(2), part_vector, [0.0, 0.0, 1.0, 0.0]])
    analyses = ({"vectors": pack(vectors_a)}, {"vectors": pack(vectors_b)})
    closest = (set(), {(0, 1)}, set(), set())  # A0 is B1's closest in meaning
    sides = _sides(3, b1={"negated": part_negated, "denies": part_negated})
    matches = [Match([0], [0], 0.55)]
    _join_split_claims(matches, (a, b), weights, analyses, vectors_a @ vectors_b.T, closest, sides)
    return matches


def test_a_claim_told_in_two_sentences_joins_the_one_sentence_telling_it_whole():
    joined = _split_claim()
    assert (joined[0].a, joined[0].b, joined[0].level) == ([0], [0, 1], "same")
    assert joined[0].score > 0.7  # the joined parts' probability, above the match's own 0.55


def test_a_sentence_next_to_a_match_stays_apart_when_the_one_sentence_is_no_longer_than_the_first_part():
    assert _split_claim(one_length=60)[0].b == [0]


def test_a_sentence_next_to_a_match_stays_apart_when_it_shares_only_names_with_the_one_sentence():
    # "E:velmar" names the port in both: a part telling something else of the same port
    assert _split_claim(part={"E:velmar": 1, "union": 1, "warn": 1, "operator": 1, "crate": 1})[0].b == [0]


def test_a_sentence_next_to_a_match_stays_apart_when_a_guard_objects():
    assert _split_claim(part_negated=True)[0].b == [0]


def test_unpaired_changes_told_with_two_verbs_of_one_direction_conflict_and_two_directions_do_not():
    from articles.compare.summary import crossed_conflicts

    def change(text: str, value: float, verb: str, **extra) -> dict:
        return _told(text, value, verb, "peso", kind="percent", unit="%", role="change", **extra)

    found = crossed_conflicts(APART, [change("1.8%", 1.8, "weaken")], [change("2.4%", 2.4, "plunge")])
    assert [(c["a"], c["b"]) for c in found] == [(["1.8%"], ["2.4%"])]
    # one way up, one way down: two moves
    assert crossed_conflicts(APART, [change("1.8%", 1.8, "fall")], [change("2.4%", 2.4, "rise")]) == []
    # two levels told with two verbs are not one claim ("stood at", "closed at")
    level = [_told("1.8%", 1.8, "stand", "peso", kind="percent", unit="%")]
    assert (
        crossed_conflicts(APART, level, [_told("2.4%", 2.4, "close", "peso", kind="percent", unit="%")]) == []
    )


def test_unpaired_figures_told_on_two_weekdays_are_two_happenings():
    from articles.compare.summary import crossed_conflicts

    a = [_told("1.8%", 1.8, "fall", "peso", kind="percent", unit="%", role="change")]
    b = [_told("2.4%", 2.4, "fall", "peso", kind="percent", unit="%", role="change")]
    monday = [_told("Monday", "w=monday", "fall", "peso", kind="date", unit="date")]
    tuesday = [_told("Tuesday", "w=tuesday", "fall", "peso", kind="date", unit="date")]
    assert len(crossed_conflicts(APART, a + monday, b + monday)) == 1
    assert crossed_conflicts(APART, a + monday, b + tuesday) == []


def test_a_vote_tally_given_two_other_counts_is_one_conflict_of_both():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}

    def count(text: str, value: int, role: str = "") -> dict:
        return {**_figure(text, value, "vote"), "measure": "vote", "role": role}

    found = number_conflicts(
        [row],
        [count("six votes", 6), count("three", 3, "tally_second")],
        [count("seven", 7), count("two", 2, "tally_second")],
    )
    assert [(c["a"], c["b"]) for c in found] == [(["six votes", "three"], ["seven", "two"])]
    # one side of the tally told alike: the other side's conflict alone
    found = number_conflicts(
        [row],
        [count("52", 52), count("46", 46, "tally_second")],
        [count("53", 53), count("46", 46, "tally_second")],
    )
    assert [(c["a"], c["b"]) for c in found] == [(["52"], ["53"])]


def test_a_queue_of_lorries_and_trucks_waiting_are_one_count_in_conflict_not_a_claim_of_one_side():
    a = read_report(
        "",
        "The border crossing reopened to cargo on Monday after 147 days. By dawn a queue of about 1,200 "
        "lorries stretched more than 10 kilometres back along the highway. Traders said the closure had "
        "cost them dearly.",
    )
    b = read_report(
        "",
        "The crossing reopened on Monday, ending a closure of 147 days. Traders said the closure had cost "
        "them dearly. Some 2,100 trucks were waiting on the Thai side when the gates opened.",
    )
    comparison = compare_analyses(a, b)
    assert [(c["a"], c["b"]) for c in comparison["numbers"]["conflicts"]] == [
        (["about 1,200 lorries"], ["Some 2,100 trucks"])
    ]
    one_sided = [s["text"] for side in ("only_a", "only_b") for s in comparison["key_differences"][side]]
    assert not any("lorries" in text or "trucks" in text for text in one_sided)


def test_the_one_figure_about_nothing_named_faces_the_others_when_every_other_is_about_a_thing_of_one_side():
    from articles.compare.summary import number_conflicts

    row = {"kind": "match", "level": "same", "a": [0], "b": [0]}

    def share(text: str, value: float, anchor: str) -> dict:
        return {**_figure(text, value, "%", "percent"), "measure": "%", "anchor": anchor}

    # "71.4% backed scrapping the law, with 99% of polling stations counted" / "74.1 per cent were
    # for repealing the law, but turnout of 32.8 per cent fell short"
    a = [share("71.4%", 71.4, ""), share("99%", 99.0, "station")]
    b = [share("74.1 per cent", 74.1, ""), share("32.8 per cent", 32.8, "turnout")]
    assert [(c["a"], c["b"]) for c in number_conflicts([row], a, b)] == [(["71.4%"], ["74.1 per cent"])]
    # two figures about nothing named on a side: which faces which cannot be told
    two = [share("74.1 per cent", 74.1, ""), share("32.8 per cent", 32.8, "")]
    assert number_conflicts([row], a, two) == []


def test_two_countdowns_written_a_day_apart_are_no_conflict_and_two_spans_that_differ_are():
    countdown = compare(
        "Deadline nears",
        "The deadline for a deal is 72 days away, officials said on Monday.",
        "Deadline nears",
        "The deadline for a deal is 71 days away, officials said on Tuesday.",
    )
    assert countdown["numbers"]["conflicts"] == []
    lasted = compare(
        "Strike ends",
        "The strike at the port lasted 12 days, the union said.",
        "Strike ends",
        "The strike at the port lasted 21 days, the union said.",
    )
    assert [(c["a"], c["b"]) for c in lasted["numbers"]["conflicts"]] == [(["12 days"], ["21 days"])]


def test_a_breakdown_and_its_total_a_line_passed_and_dates_of_two_doings_are_no_conflicts():
    breakdown = compare(
        "Race",
        "The committee spent about $4.2 million on the race, and Democratic groups spent about $3 million.",
        "Race",
        "Outside groups poured more than $7 million into the race, most of it from the committee.",
    )
    assert breakdown["numbers"]["conflicts"] == []
    gusts = compare(
        "Fire",
        "Gusts topped 70 mph on Sunday, the National Weather Service said.",
        "Fire",
        "Wind gusts reached 74 mph on Sunday, the National Weather Service said.",
    )
    assert gusts["numbers"]["conflicts"] == []
    doings = compare(
        "Fed",
        "Economists said the Fed would hold rates steady at its next meeting, in late January.",
        "Fed",
        "Mortgage rates have barely moved since the Fed began cutting rates in September.",
    )
    assert [c for c in doings["numbers"]["conflicts"] if c["kind"] == "date"] == []


def test_two_dates_of_one_doing_still_conflict():
    opened = compare(
        "Plant",
        "The new battery plant in Lordstown opened in March, the company said.",
        "Plant",
        "The new battery plant in Lordstown opened in May, the company said.",
    )
    assert [(c["a"], c["b"]) for c in opened["numbers"]["conflicts"]] == [(["March"], ["May"])]
