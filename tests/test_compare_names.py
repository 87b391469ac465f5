"""Names the comparison lists as named by both reports or by one: short forms, names one
report's reading missed, and words that only look like a missed name."""

import pytest

from articles.compare.compare import compare_analyses
from articles.compare.summary import entity_summary, link_entities, unread_names
from articles.reading import read_report
from articles.reading.identity import same_entity
from articles.reading.lang import get_language

lang = get_language("en")


def _analysis(text: str, entities: list[tuple[str, str, list[str]]]) -> dict:
    """An analysis of one-sentence-per-paragraph text with the named entities at the first
    place each of their mention texts occurs (name, kind, mention texts)."""
    sentences, start = [], 0
    for i, line in enumerate(text.split("\n")):
        sentences.append({"id": i, "paragraph": i, "start": start, "end": start + len(line), "text": line})
        start += len(line) + 1
    built = []
    for name, kind, texts in entities:
        mentions, cursor = [], 0
        for mention in texts:
            at = text.index(mention, cursor)
            sentence = next(s["id"] for s in sentences if s["start"] <= at < s["end"])
            mentions.append({"start": at, "end": at + len(mention), "text": mention, "sentence": sentence})
            cursor = at + len(mention)
        key = {"person": "p:", "organisation": "o:", "place": "g:"}[kind] + name.lower().replace(" ", "")
        built.append(
            {
                "key": key,
                "name": name,
                "kind": kind,
                "variants": sorted(set(texts)),
                "sentences": sorted({m["sentence"] for m in mentions}),
                "mentions": mentions,
            }
        )
    return {"language": "en", "sentences": sentences, "entities": built}


def _summary(a: dict, b: dict) -> dict:
    mapping = link_entities(a["entities"], b["entities"])
    return entity_summary(a["entities"], b["entities"], mapping, unread_names(a, b, mapping))


def _names(summary: dict, bucket: str) -> set[str]:
    return {e["name"] for e in summary[bucket]}


def test_a_name_the_other_reading_missed_is_named_by_both_and_points_at_its_sentence():
    a = _analysis(
        "A former student opened fire at Prairie Ridge High School in Lawrence.",
        [("Prairie Ridge High School", "organisation", ["Prairie Ridge High School"])],
    )
    b = _analysis(
        "The verdict came on Friday.\nThe former Prairie Ridge High School student was convicted.",
        [],
    )
    summary = _summary(a, b)
    assert _names(summary, "shared") == {"Prairie Ridge High School"}
    (school,) = summary["shared"]
    assert school["b_sentences"] == [1]
    assert [m["text"] for m in school["mentions_b"]] == ["Prairie Ridge High School"]


def test_a_national_bodys_name_without_its_country_is_found_in_the_other_report():
    a = _analysis(
        "The U.S. Consumer Product Safety Commission announced the recall.",
        [
            (
                "U.S. Consumer Product Safety Commission",
                "organisation",
                ["U.S. Consumer Product Safety Commission"],
            )
        ],
    )
    b = _analysis("The Consumer Product Safety Commission says it has 83 reports.", [])
    assert _names(_summary(a, b), "shared") == {"U.S. Consumer Product Safety Commission"}


def test_a_common_word_the_other_report_also_writes_in_lower_case_is_not_taken_for_the_name():
    a = _analysis("Officials at State said the talks failed.", [("State", "organisation", ["State"])])
    b = _analysis("The state will appeal.\nTalks failed, a State official said.", [])
    summary = _summary(a, b)
    assert _names(summary, "only_a") == {"State"}
    assert not summary["shared"]


def test_a_name_that_is_part_of_a_longer_name_in_the_other_report_is_not_found_there():
    a = _analysis("Shares of Ford fell 3 percent.", [("Ford", "organisation", ["Ford"])])
    b = _analysis("The actor Harrison Ford praised the film.\nHe said Ford Foundation money helped.", [])
    assert _names(_summary(a, b), "only_a") == {"Ford"}


def test_one_word_alone_needs_to_stand_inside_a_sentence_to_count_as_a_name():
    a = _analysis(
        "Analysts at Brightwater cut their forecast.", [("Brightwater", "organisation", ["Brightwater"])]
    )
    b = _analysis("Brightwater rose early.\nThe market closed higher.", [])
    assert _names(_summary(a, b), "only_a") == {"Brightwater"}
    b = _analysis("Brightwater rose early.\nShares of Brightwater closed higher.", [])
    assert _names(_summary(a, b), "shared") == {"Brightwater"}


def test_the_central_bank_named_by_both_is_not_taken_for_a_regional_bank_one_report_names():
    a = _analysis(
        "The Fed cut rates.\nThe Boston Fed president dissented.",
        [("Fed", "organisation", ["Fed"]), ("Boston Fed", "organisation", ["Boston Fed"])],
    )
    b = _analysis("The Fed lowered its key rate.", [("Fed", "organisation", ["Fed"])])
    summary = _summary(a, b)
    assert _names(summary, "shared") == {"Fed"}
    assert _names(summary, "only_a") == {"Boston Fed"}


def test_a_lone_word_the_model_called_a_person_gives_way_to_the_organisation_the_other_report_names():
    a = _analysis(
        "Ashcombe Energy said customer data was stolen.\nAshcombe apologised.",
        [("Ashcombe Energy", "organisation", ["Ashcombe Energy", "Ashcombe"])],
    )
    b = _analysis("Energy giant Ashcombe has been hacked.", [("Ashcombe", "person", ["Ashcombe"])])
    summary = _summary(a, b)
    assert _names(summary, "shared") == {"Ashcombe Energy"}
    assert not summary["only_b"]


def test_a_full_name_the_other_reading_called_a_person_is_not_taken_for_a_place():
    a = _analysis("Markets in Hong Kong fell.", [("Hong Kong", "place", ["Hong Kong"])])
    b = _analysis("Reporting by Hong Kong and staff.", [("Hong Kong", "person", ["Hong Kong"])])
    mapping = link_entities(a["entities"], b["entities"])
    assert unread_names(a, b, mapping) == {"a": {}, "b": {}}


def test_two_readings_that_put_the_same_words_under_different_names_link_them():
    a = _analysis(
        "A Northstar Atlantic Airways jet landed.\nNorthstar said all were safe.",
        [("Northstar Atlantic Airways", "organisation", ["Northstar Atlantic Airways", "Northstar"])],
    )
    b = _analysis(
        "The Northstar Atlantic Boeing 787 lost an engine.\nNorthstar praised the crew.",
        [
            ("Northstar Atlantic Boeing", "organisation", ["Northstar Atlantic Boeing", "Northstar"]),
            ("Boeing", "organisation", ["Boeing"]),
        ],
    )
    mapping = link_entities(a["entities"], b["entities"])
    assert mapping["o:northstaratlanticboeing"] == "o:northstaratlanticairways"


def test_an_organisations_short_form_after_its_full_name_is_the_same_organisation_in_one_report():
    body = (
        "A Northstar Atlantic Airways jet made an emergency landing on Tuesday.\n\n"
        "Northstar said all 218 passengers were safe.\n\n"
        "The Portland Trail Blazers traded their star guard.\n\n"
        "The Blazers receive two players in return."
    )
    entities = {e["name"]: e for e in read_report("t", body)["entities"] if e["kind"] == "organisation"}
    assert "Northstar" not in entities and "Blazers" not in entities
    assert "Northstar" in {m["text"] for m in entities["Northstar Atlantic Airways"]["mentions"]}


def test_a_short_form_is_no_place_nor_a_generic_word_and_comes_after_its_full_name_in_one_report():
    long = {"name": "Northstar Atlantic Airways", "kind": "organisation"}
    short = {"name": "Northstar", "kind": "organisation"}
    assert same_entity(long, short, lang)
    assert not same_entity(short, long, lang)  # named before its full name: not taken for it
    assert same_entity(short, long, lang, across=True)
    celtics = {"name": "Boston Celtics", "kind": "organisation"}
    assert not same_entity(celtics, {"name": "Boston", "kind": "organisation"}, lang)
    court = {"name": "Minnesota Supreme Court", "kind": "organisation"}
    assert not same_entity(court, {"name": "Court", "kind": "organisation"}, lang)
    blazers = {"name": "Portland Trail Blazers", "kind": "organisation"}
    assert same_entity(blazers, {"name": "Trail Blazers", "kind": "organisation"}, lang, across=True)


def test_the_comparison_lists_a_missed_name_as_named_by_both():
    a = read_report(
        "a", "A former student opened fire in a hallway of Prairie Ridge High School in Lawrence last year."
    )
    b = read_report(
        "b", "The former Prairie Ridge High School student who shot three classmates was jailed for life."
    )
    entities = compare_analyses(a, b)["entities"]
    shared = {e["name"] for e in entities["shared"]}
    assert "Prairie Ridge High School" in shared
    assert "Prairie Ridge High School" not in {e["name"] for e in entities["only_a"] + entities["only_b"]}


def test_a_first_name_and_its_nickname_with_one_surname_are_one_person_but_two_nicknames_are_not():
    jim = {"name": "Jim Mattis", "kind": "person"}
    assert same_entity(jim, {"name": "James Mattis", "kind": "person"}, lang, across=True)
    assert same_entity(
        {"name": "Angie Ruiz-Calder", "kind": "person"},
        {"name": "Angela Ruiz-Calder", "kind": "person"},
        lang,
        across=True,
    )
    # both nicknames of Kathleen: two people as far as their names tell
    assert not same_entity(
        {"name": "Kit Moran", "kind": "person"}, {"name": "Kay Moran", "kind": "person"}, lang, across=True
    )
    assert not same_entity(jim, {"name": "John Mattis", "kind": "person"}, lang, across=True)


def test_a_two_letter_short_form_and_a_names_english_nickname_are_the_same_person_but_two_names_are_not():
    def person(name: str) -> dict:
        return {"name": name, "kind": "person"}

    assert same_entity(person("Mo Salah"), person("Mohamed Salah"), lang, across=True)
    assert same_entity(person("Bobby Firmino"), person("Roberto Firmino"), lang, across=True)
    assert not same_entity(person("Serena Williams"), person("Venus Williams"), lang, across=True)
    assert not same_entity(person("Michael Obama"), person("Michelle Obama"), lang, across=True)


@pytest.mark.parametrize(
    "name, other, same",
    [
        ("Shakeel Ansari", "Shakil Ansari", True),
        ("Mohammed Rahim", "Mohamed Rahim", True),
        ("Yousef Haddad", "Yusef Haddad", True),
        ("Daniel Okafor", "Danielle Okafor", False),
        ("Paul Brennan", "Paula Brennan", False),
        ("Louis Martin", "Louise Martin", False),
    ],
)
def test_one_given_name_romanised_two_ways_is_one_person_but_a_name_and_its_feminine_are_two(
    name, other, same
):
    assert (
        same_entity({"name": name, "kind": "person"}, {"name": other, "kind": "person"}, lang, across=True)
        is same
    )


def test_a_spanish_name_without_its_mothers_surname_is_the_person_the_other_report_calls_by_the_fathers():
    with_bare_surname = read_report(
        "a",
        "Chief executive Lucía Ferrán Ortega said the plant would open in May. Ms Ferrán said prices would fall.",
    )
    without = read_report("a", "Lucía Ferrán Ortega, a chemist, said the plant would open in May.")
    other = read_report("b", "Chief executive Lucia Ferran told reporters the plant would open in May.")
    shared = compare_analyses(with_bare_surname, other)["entities"]["shared"]
    assert [(e["kind"], e["name"]) for e in shared] == [("person", "Lucía Ferrán Ortega")]
    # "Kwabena Asante" may be someone else than "Kwabena Asante Mensah": without the bare
    # surname in use or one office before both names, the two full names stay apart
    assert compare_analyses(without, other)["entities"]["shared"] == []


def test_a_spanish_name_without_its_mothers_surname_after_the_same_office_is_one_person():
    short = read_report("a", "The census was published. INE director Mariana Ferrés called it a warning.")
    full = read_report(
        "b", "The census is out. INE director Mariana Ferrés Olivera told reporters it was a warning."
    )
    shared = compare_analyses(short, full)["entities"]["shared"]
    # listed by the fuller name either report gives
    assert [(e["kind"], e["name"]) for e in shared if e["kind"] == "person"] == [
        ("person", "Mariana Ferrés Olivera")
    ]
    # "the director" names no office of its own: the two stay apart
    vague = read_report(
        "b", "The census is out. The director, Mariana Ferrés Olivera, told reporters it was a warning."
    )
    assert not [e for e in compare_analyses(short, vague)["entities"]["shared"] if e["kind"] == "person"]


def test_a_first_given_name_and_the_fathers_surname_are_the_person_with_two_of_each():
    def person(name: str) -> dict:
        return {"name": name, "kind": "person"}

    full = person("Luisa Fernanda Ortiz Mejía")
    assert same_entity(person("Luisa Ortiz"), full, lang, across=True)
    assert not same_entity(person("Luisa Mejía"), full, lang, across=True)
    assert not same_entity(person("Fernanda Ortiz"), full, lang, across=True)


def test_a_shared_place_is_listed_as_written_not_in_a_datelines_capitals():
    a = _analysis("CHARLOTTE, N.C. — The bank will pay a fine.", [("CHARLOTTE", "place", ["CHARLOTTE"])])
    b = _analysis("Regulators ordered the Charlotte bank to pay.", [("Charlotte", "place", ["Charlotte"])])
    summary = _summary(a, b)
    assert _names(summary, "shared") == {"Charlotte"}
    (city,) = summary["shared"]
    assert city["variants_a"] == ["CHARLOTTE"] and city["variants_b"] == ["Charlotte"]


def test_a_shared_person_is_listed_by_the_fuller_name_either_report_gives():
    a = _analysis("Pelosi said the vote would be held.", [("Pelosi", "person", ["Pelosi"])])
    b = _analysis("Nancy Pelosi said the House would vote.", [("Nancy Pelosi", "person", ["Nancy Pelosi"])])
    summary = _summary(a, b)
    assert _names(summary, "shared") == {"Nancy Pelosi"}


def test_a_place_named_only_in_a_dateline_is_listed_as_a_reader_writes_it_and_initials_stay():
    a = _analysis(
        "WASHINGTON (AP) — The UAE and the U.S. signed a deal.",
        [("WASHINGTON", "place", ["WASHINGTON"]), ("UAE", "place", ["UAE"])],
    )
    b = _analysis("The deal was signed.", [])
    assert _names(_summary(a, b), "only_a") == {"Washington", "UAE"}


def test_a_national_bodys_branch_in_a_place_is_not_the_body_but_its_short_form_is_the_branch():
    parent = {"name": "Federal Reserve", "kind": "organisation"}
    branch = {"name": "Federal Reserve Bank of Cleveland", "kind": "organisation"}
    assert not same_entity(parent, branch, lang, across=True)
    a = _analysis(
        "The Federal Reserve cut rates.\nCleveland Fed President Laura Keene dissented.",
        [
            ("Federal Reserve", "organisation", ["Federal Reserve"]),
            ("Cleveland Fed", "organisation", ["Cleveland Fed"]),
        ],
    )
    b = _analysis(
        "The Federal Reserve cut rates.\nLaura Keene, of the Federal Reserve Bank of Cleveland, dissented.",
        [
            ("Federal Reserve", "organisation", ["Federal Reserve"]),
            ("Federal Reserve Bank of Cleveland", "organisation", ["Federal Reserve Bank of Cleveland"]),
        ],
    )
    assert _names(_summary(a, b), "shared") == {"Federal Reserve", "Cleveland Fed"}


def test_a_place_both_reports_name_is_not_also_an_airport_one_report_names_beside_it():
    a = _analysis("He landed in Istanbul on Monday.", [("Istanbul", "place", ["Istanbul"])])
    b = _analysis(
        "He flew to Istanbul on Monday.\nFans packed Istanbul Airport.",
        [("Istanbul", "place", ["Istanbul"]), ("Istanbul Airport", "place", ["Istanbul Airport"])],
    )
    summary = _summary(a, b)
    assert _names(summary, "shared") == {"Istanbul"}
    assert _names(summary, "only_b") == {"Istanbul Airport"}


def test_a_chambers_committee_named_without_the_chamber_is_the_same_body_after_it():
    senate = {"name": "Senate Armed Services Committee", "kind": "organisation"}
    bare = {"name": "Armed Services Committee", "kind": "organisation"}
    assert same_entity(senate, bare, lang)
    assert not same_entity(bare, senate, lang)  # in one report, the short form comes after
    assert same_entity(bare, senate, lang, across=True)
    house = {"name": "House Armed Services Committee", "kind": "organisation"}
    assert not same_entity(senate, house, lang, across=True)


def test_what_a_body_is_for_is_its_short_form_in_the_other_report_unless_it_is_a_place():
    court = {"name": "U.S. Court of Appeals for the Ninth Circuit", "kind": "organisation"}
    assert same_entity(court, {"name": "Ninth Circuit", "kind": "organisation"}, lang, across=True)
    assert not same_entity({"name": "Ninth Circuit", "kind": "organisation"}, court, lang)
    ministry = {"name": "Ministry of Health and Family Welfare", "kind": "organisation"}
    assert not same_entity(ministry, {"name": "Family Welfare", "kind": "organisation"}, lang, across=True)
