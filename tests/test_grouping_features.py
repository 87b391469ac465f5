"""Text features for grouping: plain Python, no database."""

import math

import pytest

from articles.grouping.features import (
    HEADLINE_BOOST,
    LEAD_BOOST,
    LEAD_CHARS,
    ReportFeatures,
    extract_features,
    stem,
    tokens,
)
from articles.grouping.names import extract_names, name_key


def test_romanisation_variants_of_a_name_share_one_key():
    variants = ["Kim Yong-chol", "Kim Yong Chol", "Kim Yong-Chol", "KIM Yong-chol"]
    assert {name_key(v) for v in variants} == {"kimyongchol"}


def test_accents_and_possessives_do_not_split_a_name():
    assert name_key("José Martínez\u2019s") == name_key("Jose Martinez")


def test_british_and_american_spellings_stem_alike():
    assert stem("denuclearisation") == stem("denuclearization")
    assert stem("organised") == stem("organized")
    assert stem("summits") == stem("summit")


def test_names_are_found_in_running_text_with_their_kind():
    text = (
        "US President Donald Trump met North Korean envoy Kim Yong Chol at the White House. "
        "Speculation is mounting that the summit could be held in Vietnam."
    )
    names = {n.surface: n.kind for n in extract_names(text)}
    assert names["Donald Trump"] == "person"
    assert names["Kim Yong Chol"] == "person"
    assert names["Vietnam"] == "place"
    # A capital at the start of a sentence does not make an ordinary word a name.
    assert "Speculation" not in names


def test_hyphenated_pair_of_names_is_two_names():
    keys = [
        n.key
        for n in extract_names("The Trump-Kim summit was announced. Aides of Trump said Kim would attend.")
    ]
    assert "trump" in keys and "kim" in keys
    assert "trumpkim" not in keys


def test_title_case_headline_does_not_invent_names():
    report = extract_features("Central Bank Raises Rates Again As Prices Climb", "Prices rose again. " * 20)
    assert report.names == {}


def test_figures_are_terms_and_keep_their_decimals():
    words = tokens("The bank raised rates to 4.75% and recalled 412,000 units.")
    assert "4.75%" in words
    assert "412000" in words


def test_headline_words_weigh_more_than_body_words():
    body = "Officials gave warnings to the population. " * 30 + "Ash covered the harbour."
    report = extract_features("Volcano erupts", body)
    assert report.terms["volcano"] > report.terms["harbour"]


def test_an_after_clause_in_headline_or_lead_weighs_as_body_text():
    report = extract_features(
        "Minister quits after tender leak",
        "The minister resigned on Wednesday, a day after papers showed 412,000 votes vanished from "
        "the audit. The palace accepted it." + " Officials declined to comment." * 40,
    )
    lead, headline, body = 1 + math.log(LEAD_BOOST), 1 + math.log(HEADLINE_BOOST), 1.0

    # The news keeps its boost: the headline's verb, the lead's main clause and next sentence.
    assert report.terms["quit"] == pytest.approx(headline, abs=1e-4)
    assert report.terms["resign"] == pytest.approx(lead, abs=1e-4)
    assert report.terms["palace"] == pytest.approx(lead, abs=1e-4)
    # The recap of what came before counts as body text, up to the full stop (not the
    # thousands comma): it is the earlier happening's news, not this one's.
    for word in ("tender", "paper", "412000", "vanish", "audit"):
        assert report.terms[word] == pytest.approx(body, abs=1e-4), word


def test_headline_only_report_is_marked_short():
    assert extract_features("Minister resigns", "Minister resigns.").short is True
    assert extract_features("Minister resigns", "word " * 200).short is False


def test_a_second_report_from_the_same_outlet_needs_more_evidence():
    from articles.grouping.engine import Weights
    from articles.grouping.similarity import SAME_OUTLET_FACTOR, Profile, Weighted, score

    first = extract_features("Ferry capsizes off Sulawesi", "A ferry capsized off Sulawesi. " * 10)
    first.outlet = 1
    newcomer = extract_features("Sulawesi ferry toll rises", "The ferry toll rose off Sulawesi. " * 10)
    weights = Weights(10, {})
    profile = Profile()
    profile.add(first, *weights.vectors(first))
    terms, names = Weighted.of(newcomer.terms, weights.term), Weighted.of(newcomer.names, weights.name)

    newcomer.outlet = 2
    other_outlet = score(newcomer, terms, names, profile).score
    newcomer.outlet = 1
    same_outlet = score(newcomer, terms, names, profile).score

    assert other_outlet > 0
    assert same_outlet == pytest.approx(other_outlet * SAME_OUTLET_FACTOR, abs=1e-3)


def test_weekdays_named_in_the_headline_and_lead_are_kept_as_day_cues():
    report = extract_features(
        "Senate passes electoral bill",
        "ABUJA - Nigeria's Senate passed the bill late on Tuesday, a week after senators debated it "
        "on Monday night.",
    )
    assert report.days == ["monday", "tuesday"]


@pytest.mark.parametrize(
    "opening",
    [
        "DUBAI (Northwire) - Eight",
        "WASHINGTON, Jan 18 (Northwire) — Eight",
        "ABUJA, Nigeria (Northwire) - Eight",
    ],
)
def test_the_agency_in_a_wire_dateline_is_not_part_of_the_story(opening):
    report = extract_features("Producers agree output cut", f"{opening} producers agreed to cut output.")
    assert "northwire" not in report.names
    assert "northwire" not in report.terms
    assert report.terms["producer"] > 0  # the story itself is read


def test_a_name_in_brackets_inside_a_sentence_is_kept():
    report = extract_features(
        "Minister quits", "The minister (Labour) - who quit - met Angela Rayner in Leeds."
    )
    assert "labour" in report.names


def test_the_weekend_is_a_cue_for_saturday_and_sunday():
    # "agreed over the weekend" and "agreed on Sunday" tell of the same day.
    report = extract_features(
        "Oil jumps after OPEC+ cut",
        "Oil prices rose in Asian trading after producers agreed over the weekend to cut output.",
    )
    assert report.days == ["saturday", "sunday"]


def test_a_weekday_named_only_after_the_lead_is_no_cue():
    body = "The Senate passed the electoral bill. " * 20 + "The president may sign it on Friday."
    assert len("The Senate passed the electoral bill. " * 20) > LEAD_CHARS
    assert extract_features("Senate passes electoral bill", body).days == []


def test_a_report_naming_no_weekday_has_no_day_cues_and_stores_none():
    report = extract_features("Senate passes electoral bill", "The Senate passed the electoral bill. " * 5)
    assert report.days == []
    assert "d" not in report.to_json()


def test_day_cues_survive_storage_and_features_stored_without_them_still_load():
    report = extract_features("Fed cuts rates", "The Federal Reserve cut rates on Wednesday. " * 5)
    assert ReportFeatures.from_json(report.to_json(), None).days == ["wednesday"]

    stored_before_day_cues = {"t": {"fed": 1.0}, "n": {}, "l": {}, "s": False, "u": {}}
    assert ReportFeatures.from_json(stored_before_day_cues, None).days == []


def test_event_profiles_stored_without_day_cues_still_load():
    from articles.grouping.similarity import Profile

    profile = Profile.from_json({"t": {"fed": 1.0}, "n": {}, "l": {}, "u": {}, "m": 1, "o": []}, None, None)
    assert profile.days == {}
    profile.add(extract_features("Fed cuts rates", "The Fed cut rates on Wednesday. " * 5), *_empty_vectors())
    assert Profile.from_json(profile.to_json(), None, None).days == {"wednesday": 1}


def _empty_vectors():
    from articles.grouping.similarity import Weighted

    return Weighted({}, 0.0), Weighted({}, 0.0)


def test_why_it_is_here_names_take_the_kind_the_reading_gave_them_and_scores_do_not_change():
    from articles.reading import read_report

    title = "US approves new Alzheimer's drug lorvenemab"
    body = (
        "Lorvenemab, made by the American firm Castellan Biosciences, clears a sticky protein. "
        "Shares of Castellan rose. Dr Hamid Farrokhzad said so in Boston."
    )
    unread = extract_features(title, body)
    read = extract_features(title, body, reading=read_report(title, body))
    assert unread.labels["castellanbiosciences"][1] == "person"  # the capitalised-run rules' guess
    assert read.labels["castellanbiosciences"] == ("Castellan Biosciences", "organisation")
    assert read.labels["hamidfarrokhzad"] == ("Hamid Farrokhzad", "person")
    assert read.names == unread.names and read.terms == unread.terms


def test_a_phrase_weighs_as_its_rarer_word_and_weights_follow_the_counts_of_the_day():
    from articles.grouping.engine import Weights

    report = ReportFeatures(terms={"harbour": 1.0, "harbour strike": 0.5}, names={})
    first = Weights(100, {"t:harbour": 50, "t:strike": 2})
    terms, _ = first.vectors(report)
    assert terms.vector["harbour"] == pytest.approx(math.log(1 + 100 / 50))
    # "strike" is the rarer word: the phrase takes its idf.
    assert terms.vector["harbour strike"] == pytest.approx(0.5 * math.log(1 + 100 / 2))

    # The report keeps what it counts between decisions, not the idf: new counts weigh anew.
    later = Weights(400, {"t:harbour": 4, "t:strike": 200})
    terms, _ = later.vectors(report)
    assert terms.vector["harbour"] == pytest.approx(math.log(1 + 400 / 4))
    assert terms.vector["harbour strike"] == pytest.approx(0.5 * math.log(1 + 400 / 4))
