"""The reading layer: sentences, entities, quotes, numbers (pure Python, no database)."""

import json

import pytest

from articles.compare.summary import entity_summary, link_entities
from articles.reading import READING_VERSION, read_report
from articles.reading.identity import same_entity
from articles.reading.lang import en
from articles.reading.lang.en import american_spelling
from articles.reading.sentences import split_sentences
from tests.compare_texts import QUOTES


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def test_abbreviations_and_initials_do_not_end_sentences():
    body = "Mr. Smith met Dr. Jones in the U.S. on Jan. 5. J. R. R. Tolkien wrote it. See No. 10 at 3 p.m. today."
    assert texts(body) == [
        "Mr. Smith met Dr. Jones in the U.S. on Jan. 5.",
        "J. R. R. Tolkien wrote it.",
        "See No. 10 at 3 p.m. today.",
    ]


def test_a_plural_title_before_a_list_of_names_does_not_end_a_sentence():
    body = "Sens. Harold Brandvold and Corinne Maddox voted yes. Reps. Ana Ortiz and Dr. Lee did not."
    assert texts(body) == [
        "Sens. Harold Brandvold and Corinne Maddox voted yes.",
        "Reps. Ana Ortiz and Dr. Lee did not.",
    ]


def test_initialism_at_the_end_of_a_sentence_ends_it_before_a_sentence_opener():
    assert texts("He lives in the U.S. The rest is history.") == [
        "He lives in the U.S.",
        "The rest is history.",
    ]


def test_decimals_quotes_and_ellipses():
    body = "“Is it over?” she asked. It cost 3.5 million. “No. It is not,” he said. Wait... what? Then… It ended."
    assert texts(body) == [
        "“Is it over?” she asked.",
        "It cost 3.5 million.",
        "“No.",
        "It is not,” he said.",
        "Wait... what?",
        "Then…",
        "It ended.",
    ]


def test_a_dateline_with_a_state_abbreviation_stays_with_its_sentence():
    body = (
        "SAN JOSE, Calif. (Granite Wire) — Voltaro recalled 200,000 batteries on Tuesday. "
        "BENTONVILLE, Ark. — Walmart said sales rose. PORTLAND, Ore. - A man died. He was 40."
    )
    assert texts(body) == [
        "SAN JOSE, Calif. (Granite Wire) — Voltaro recalled 200,000 batteries on Tuesday.",
        "BENTONVILLE, Ark. — Walmart said sales rose.",
        "PORTLAND, Ore. - A man died.",
        "He was 40.",
    ]


def test_paragraphs_and_soft_wraps_keep_offsets():
    body = "First paragraph here.\n\nA wrapped line that goes on\nand ends here. Second sentence.\nNew line paragraph."
    sentences = split_sentences(body)
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]
    assert sentences[1].text == "A wrapped line that goes on\nand ends here."
    for s in sentences:
        assert body[s.start : s.end] == s.text


def test_spelling_variants_of_one_name_are_one_person_and_surnames_link_to_full_names():
    body = (
        "Kim Yong-chol met Donald Trump. Later Kim Yong Chol left. "
        "Officials said Kim Yong-Chol was tired. Trump said little."
    )
    people = {e["name"]: e for e in read_report("t", body)["entities"] if e["kind"] == "person"}
    assert set(people) == {"Kim Yong-chol", "Donald Trump"}
    assert set(people["Kim Yong-chol"]["variants"]) == {"Kim Yong-chol", "Kim Yong Chol", "Kim Yong-Chol"}
    assert people["Donald Trump"]["sentences"] == [0, 3]


def test_titles_places_organisations_and_demonyms():
    body = (
        "US President Donald Trump spoke to Secretary of State Michael Pompeo at the White House. "
        "The North Korean envoy flew to Stockholm, said a spokesman for the Asan Institute for Policy Studies."
    )
    kinds = entity_kinds(body)
    assert kinds["Donald Trump"] == "person"
    assert kinds["Michael Pompeo"] == "person"
    assert kinds["White House"] == "organisation"
    assert kinds["Asan Institute for Policy Studies"] == "organisation"
    assert kinds["US"] == "place"
    assert kinds["Stockholm"] == "place"
    assert "Secretary" not in " ".join(kinds)


def test_british_and_american_spellings_compare_equal():
    for british, american in [
        ("denuclearisation", "denuclearization"),
        ("neighbouring", "neighboring"),
        ("centre", "center"),
        ("defence", "defense"),
        ("analysed", "analyzed"),
    ]:
        assert american_spelling(british) == american_spelling(american)
    assert american_spelling("hour") == "hour"


def test_quote_speakers_before_after_appositive_pronoun_and_continuation():
    quotes = read_report("Strike talks", QUOTES)["quotes"]
    found = [(q["speaker"], q["text"]) for q in quotes]
    assert found == [
        ("Maria Lopez", "We are further apart than when we started"),
        ("Tom Reed", "fair and final"),
        ("Tom Reed", "There is no more money"),
        ("Tom Reed", "The board has been clear."),
        ("Peter Hall", "Both sides will pay for a long strike."),
        ("Peter Hall", "Nobody wins this"),
    ]
    assert [q["partial"] for q in quotes][:2] == [False, True]


def test_quote_with_speaker_after_and_an_appositive():
    body = "“I don’t think we have any deal,” said Sue Mi Terry, a former CIA analyst. Markets fell."
    quotes = read_report("t", body)["quotes"]
    assert [(q["speaker"], q["sentences"]) for q in quotes] == [("Sue Mi Terry", [0])]


def test_according_to_names_the_speaker():
    body = 'The deal is "dead in the water and nobody will revive it", according to Jane Doe, an analyst.'
    quotes = read_report("t", body)["quotes"]
    assert quotes[0]["speaker"] == "Jane Doe"


def test_scare_quotes_without_speaker_are_not_quotes():
    body = "It tested a new “high-tech” weapon last November."
    assert read_report("t", body)["quotes"] == []


def number_units(text: str) -> list[tuple[str, object, str, str]]:
    return [(n["text"], n["value"], n["kind"], n["unit"]) for n in read_report("t", text)["numbers"]]


def test_numbers_durations_dates_and_amounts_get_values_and_units():
    assert number_units("The 90-minute meeting ended.") == [("90-minute", 90.0, "duration", "minute")]
    assert number_units("More than seven months later, it ended.") == [
        ("More than seven months later", 7, "duration", "month")
    ]
    assert number_units("They meet by the end of February.") == [
        ("the end of February", "m=2", "date", "date")
    ]
    assert number_units("It was signed on 5 March 2019.") == [
        ("5 March 2019", "y=2019;m=3;d=5", "date", "date")
    ]
    assert number_units("The plan costs $5.5 million, up 3 per cent.") == [
        ("$5.5 million", 5_500_000.0, "amount", "USD"),
        ("3 per cent", 3.0, "percent", "%"),
    ]
    assert number_units("The flood is forcing 2,000 residents out.") == [
        ("2,000 residents", 2000.0, "count", "resident")
    ]
    assert number_units("They agreed to a second summit.") == [("second summit", 2, "ordinal", "summit")]


def test_figures_that_count_nothing_are_not_listed():
    assert number_units("It was the first time in his second term that he came first.") == []
    assert number_units("Last week, one of them said it was reported first.") == []


def test_a_qualified_figure_is_a_range():
    bounds = [
        n["bound"]
        for n in read_report("t", "About 3,000 fled and more than 20 died. 12 were hurt.")["numbers"]
    ]
    assert bounds == ["about", "at_least", "exact"]


def test_may_as_a_verb_is_not_a_date():
    assert number_units("May I ask? It may rain.") == []


def test_analysis_is_json_safe_versioned_and_offsets_point_into_the_body():
    body = "Heavy rain fell on Tuesday. “It was awful,” said Ann Lee, a resident."
    result = read_report("Rain", body)
    assert READING_VERSION >= 1 and result["version"] == READING_VERSION
    assert json.loads(json.dumps(result)) == result
    for s in result["sentences"]:
        assert body[s["start"] : s["end"]] == s["text"]
    for n in result["numbers"]:
        assert body[n["start"] : n["end"]] == n["text"]


def test_empty_and_unknown_language_input_is_handled():
    assert read_report("Title", "", "xx")["sentences"] == []
    assert read_report("Title", "Ein Satz.", "de-DE")["language"] == "de-DE"


def entity_kinds(body: str) -> dict[str, str]:
    return {e["name"]: e["kind"] for e in read_report("t", body)["entities"]}


def test_titles_inside_names_datelines_and_organisations_joined_by_of():
    kinds = entity_kinds(
        "ABUJA (Newswire) - Finance Minister Rodrigo Aranguiz met the Bank of Japan and the Bank of "
        'Korea. "It went well," said Dr Kwon Hye-rin of Yonsei University.'
    )
    assert kinds["Rodrigo Aranguiz"] == "person"
    assert kinds["Bank of Japan"] == "organisation" and kinds["Bank of Korea"] == "organisation"
    assert kinds["Kwon Hye-rin"] == "person" and kinds["Yonsei University"] == "organisation"


def test_the_same_name_in_another_word_order_is_one_person():
    body = "Prime Minister Hiroshi Takeda arrived. Takeda Hiroshi, as Japanese papers write it, spoke."
    people = [e for e in read_report("t", body)["entities"] if e["kind"] == "person"]
    assert len(people) == 1 and set(people[0]["variants"]) >= {"Hiroshi Takeda", "Takeda Hiroshi"}


def test_a_first_name_hyphenated_in_one_report_and_not_in_the_other_is_one_person():
    a = read_report("a", "The minister Klaus-Dieter Oberholzer said on Monday the plan was ready.")
    b = read_report("b", "The plan was ready, the minister Klaus Dieter Oberholzer said on Monday.")
    summary = entity_summary(a["entities"], b["entities"], link_entities(a["entities"], b["entities"]))
    assert [e["name"] for e in summary["shared"] if e["kind"] == "person"] == ["Klaus-Dieter Oberholzer"]
    assert not summary["only_a"] and not summary["only_b"]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Kwabena Asante Mensah", "Kwabena Mensah", True),  # the middle name left out
        ("Kwabena Asante Mensah", "Kofi Asante Mensah", False),  # another first name
        ("Kwabena Asante Mensah", "Kwabena Asante", False),  # not a middle name left out
    ],
)
def test_a_name_with_and_without_its_middle_name_is_one_person(first, second, same):
    person = {"kind": "person"}
    assert same_entity({**person, "name": first}, {**person, "name": second}, en, across=True) is same


def test_a_name_the_model_begins_at_its_middle_initial_keeps_its_first_name():
    body = "“We grabbed the dog and that was it,” said Blackheath mum Tayla J. Brennan-Moore, 34."
    quotes = read_report("t", body)["quotes"]
    assert [q["speaker"] for q in quotes] == ["Tayla J. Brennan-Moore"]


def test_a_speaker_with_a_hyphenated_surname_keeps_all_of_it():
    body = (
        "The district's offer was a 2 percent raise.\n\n"
        "Superintendent Gregory A. Ashworth-Osei has called the union’s demands “unaffordable,” "
        "while the district sits on a reserve fund of some $400 million."
    )
    people = [e["name"] for e in read_report("t", body)["entities"] if e["kind"] == "person"]
    assert people == ["Gregory A. Ashworth-Osei"]


def test_a_name_after_a_persons_title_is_a_person_though_the_model_calls_it_a_body():
    body = (
        "The Bank of Canada cut its key rate on Wednesday. Governor Laurent Desrochers told "
        'reporters that tariffs on Canadian steel, aluminum and autos had "knocked the wind out of" '
        "business investment."
    )
    assert entity_kinds(body)["Laurent Desrochers"] == "person"


def test_a_surname_the_parser_reads_as_a_common_noun_still_speaks():
    body = (
        "Governor Laurent Desrochers told reporters the outlook had darkened.\n\n"
        '"We are not going to pretend this is a normal slowdown," Desrochers said.'
    )
    quotes = read_report("t", body)["quotes"]
    assert [q["speaker"] for q in quotes] == ["Laurent Desrochers"]


def test_a_titled_name_with_a_hyphenated_surname_is_a_person_and_she_speaks():
    body = (
        "The trial's chief investigator, Prof Helena Marsh-Whitby of the University of Bristol, said "
        'the results were "genuinely exciting".\n\n"Norovirus is miserable for anyone," she said.'
    )
    reading = read_report("t", body)
    kinds = {e["name"]: e["kind"] for e in reading["entities"]}
    assert kinds["Helena Marsh-Whitby"] == "person"
    assert [q["speaker"] for q in reading["quotes"]] == ["Helena Marsh-Whitby", "Helena Marsh-Whitby"]


def test_an_honorific_and_a_surname_name_a_person():
    kinds = entity_kinds("The central bank held rates. Ms Vaalgaard said inflation was easing.")
    assert kinds == {"Vaalgaard": "person"}


def test_laws_and_shouted_words_are_not_people_or_organisations():
    kinds = entity_kinds("The Electoral Act passed. Ministers called it GREEDY and greedy again.")
    assert "Electoral Act" not in kinds and "GREEDY" not in kinds


def test_a_quote_spanning_two_sentences_keeps_both_and_its_speaker():
    body = "“We are ready. We will act within days,” said Ana Lopez, the minister. Others disagreed."
    quotes = read_report("t", body)["quotes"]
    assert [(q["speaker"], q["sentences"]) for q in quotes] == [("Ana Lopez", [0, 1])]


def test_odd_input_never_breaks_the_analysis_and_offsets_stay_true():
    import random

    rng = random.Random(4)
    alphabet = [
        *list("abcXYZ .,;:!?…\"'“”‘’()-–—\n\t$£%0123456789"),
        "Mr.",
        "U.S.",
        " said ",
        " Kim ",
        "é",
        "中",
    ]
    samples = ["", " ", "...", '"', "“unclosed quote. And more", "A." * 500, "\n\n\n", "$", "May"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400))) for _ in range(200)]
    for body in samples:
        result = read_report("Title", body)
        for s in result["sentences"]:
            assert body[s["start"] : s["end"]] == s["text"]
        for q in result["quotes"]:
            quoted = " ".join(body[q["start"] : q["end"]].replace("“", " ").replace('"', " ").split())
            assert " ".join(q["text"].replace("“", " ").replace('"', " ").split()).rstrip(",") in quoted


def test_speaker_between_quote_and_verb_with_a_description_is_the_person():
    body = "“We have no deal,” Sue Mi Terry, a former CIA analyst, said on Friday."
    quotes = read_report("t", body)["quotes"]
    assert [q["speaker"] for q in quotes] == ["Sue Mi Terry"]


def test_speaker_rules_for_affiliations_colons_and_other_clauses():
    body = (
        '"It is welcome, but it is a plaster," said Warm Streets director Samuel Okonjo. '
        'Redmarsh manager Tomasz Wierzbicki praised his striker: "He was unplayable today." '
        'Critics called it "a smash and grab on the industry", while the Liberal Democrats said more.'
    )
    quotes = read_report("t", body)["quotes"]
    assert [q["speaker"] for q in quotes] == ["Samuel Okonjo", "Tomasz Wierzbicki", None]


def test_a_pronoun_that_contradicts_the_last_speakers_honorific_gets_no_speaker():
    body = (
        '"We will not move," Tom Reed told the council. Mr. Reed left early.\n\n'
        '"The vote was rigged," she said.'
    )
    quotes = read_report("t", body)["quotes"]
    assert [(q["speaker"], q["text"]) for q in quotes] == [
        ("Tom Reed", "We will not move"),
        (None, "The vote was rigged"),
    ]


def test_a_speech_verb_right_after_the_quote_takes_the_name_after_it():
    body = "“It sounded like a freight train coming through the living room,” sobbed grandmother Yolanda Pérez-Whitfield, 64."
    assert [q["speaker"] for q in read_report("t", body)["quotes"]] == ["Yolanda Pérez-Whitfield"]
    # A name after a verb that comes before the quote is the one described, not the speaker.
    body = 'Matthew P. O\'Shaughnessy, chairman of the American Conservative Union, called Caldwell "the future of this movement."'
    assert [q["speaker"] for q in read_report("t", body)["quotes"]] in (["Matthew P. O'Shaughnessy"], [None])


def test_products_time_zones_descriptions_and_cut_spans_are_not_names():
    kinds = entity_kinds(
        "The Boeing 737 Max crashed at 6:33 a.m. GMT after leaving Denpasar on Bali. "
        "Airlines grounded the Max. One Tory Brexiteer told reporters the plan was dead. "
        "United's only reply came from a Bruno Ferreira da Silva penalty."
    )
    assert "Max" not in kinds and "GMT" not in kinds and "Tory Brexiteer" not in kinds
    assert "Denpasar on" not in kinds
    assert kinds.get("Bruno Ferreira da Silva") == "person"


def test_one_word_two_reports_type_differently_is_one_entity_of_the_non_person_kind():
    from articles.compare.summary import entity_summary, link_entities

    a = [
        {
            "key": "o:brexit",
            "name": "Brexit",
            "kind": "organisation",
            "variants": ["Brexit"],
            "sentences": [0],
        }
    ]
    b = [{"key": "p:brexit", "name": "Brexit", "kind": "person", "variants": ["Brexit"], "sentences": [2]}]
    summary = entity_summary(a, b, link_entities(a, b))
    assert [(e["name"], e["kind"]) for e in summary["shared"]] == [("Brexit", "organisation")]
    assert summary["only_a"] == summary["only_b"] == []


@pytest.mark.parametrize(
    ("sentence", "denies"),
    [
        ("Judge Okafor refused to let the jury hear the argument.", True),
        ("The museum is barred from disposing of items in its collection.", True),
        ("Republicans lack the votes to override the veto.", True),
        ("Nissan declined to comment on the arrest.", True),
        ("The law leaves most rural basins unregulated.", True),
        ("Tottenham were without their leading scorer.", True),
        ("It is the first increase in the base fare since 2018.", True),
        ("Phoenix had its hottest May day ever recorded.", True),
        ("Renault said its investigation had uncovered questionable payments.", False),
        ("Shares declined 3% in early trading.", False),
        ("The United Nations said the figure was unique.", False),
        ("The board approved the budget on Tuesday.", False),
    ],
)
def test_a_sentence_that_says_no_in_words_of_its_own_denies_something(sentence, denies):
    assert read_report("", sentence)["sentences"][0]["denies"] is denies


@pytest.mark.parametrize(
    ("sentence", "denies"),
    [
        ("Service between the two stations was suspended for the night.", True),
        ("The vote was postponed until March.", True),
        ("The council scrapped the plan.", True),
        ("Rescuers abandoned the search on Friday.", True),
        ("The bill was shelved.", True),
        ("The service resumed on Friday.", False),
    ],
)
def test_a_thing_suspended_postponed_or_scrapped_is_denied_in_words_of_its_own(sentence, denies):
    # "was suspended" tells what "is not running" tells: the denial guard must not take the two
    # for opposites
    assert read_report("", sentence)["sentences"][0]["denies"] is denies
