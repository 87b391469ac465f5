"""Organisations and places the small model mistypes or misses, read from its parse and spans."""

from spacy.tokens import Span

from articles.compare.compare import compare_analyses
from articles.compare.summary import entity_summary, link_entities
from articles.reading import read_report
from articles.reading.lang import get_language
from articles.reading.models import nlp
from articles.reading.organisations import person_possessor, untagged_lead


def entity_kinds(body: str) -> dict[str, str]:
    return {e["name"]: e["kind"] for e in read_report("t", body)["entities"]}


def summary_of(body_a: str, body_b: str) -> dict:
    a, b = read_report("a", body_a)["entities"], read_report("b", body_b)["entities"]
    return entity_summary(a, b, link_entities(a, b))


def test_the_agency_of_a_wire_dateline_is_an_organisation():
    kinds = entity_kinds("OSLO (Northern Wire Service) — Ministers met on Monday to discuss fishing quotas.")
    assert kinds.get("Northern Wire Service") == "organisation"


def test_a_company_named_with_inc_is_an_organisation_and_so_is_its_name_without_it():
    body = (
        "Brightwater Inc said on Tuesday it would close two plants. "
        "Analysts said Brightwater had few choices left."
    )
    entities = read_report("t", body)["entities"]
    companies = [e for e in entities if e["kind"] == "organisation"]
    assert [e["name"] for e in companies] == ["Brightwater Inc"]
    assert set(companies[0]["variants"]) == {"Brightwater Inc", "Brightwater"}


def test_a_name_with_and_without_inc_or_a_hyphen_is_one_organisation_across_reports():
    a = [
        {
            "key": "o:wal-mart",
            "name": "Wal-Mart",
            "kind": "organisation",
            "variants": ["Wal-Mart"],
            "sentences": [0],
        }
    ]
    b = [
        {
            "key": "o:walmart",
            "name": "Walmart",
            "kind": "organisation",
            "variants": ["Walmart"],
            "sentences": [0],
        }
    ]
    assert link_entities(a, b) == {"o:walmart": "o:wal-mart"}
    a = [
        {
            "key": "o:twitter",
            "name": "Twitter Inc",
            "kind": "organisation",
            "variants": ["Twitter Inc"],
            "sentences": [0],
        }
    ]
    b = [{"key": "p:twitter", "name": "Twitter", "kind": "person", "variants": ["Twitter"], "sentences": [1]}]
    summary = entity_summary(a, b, link_entities(a, b))
    assert [(e["name"], e["kind"]) for e in summary["shared"]] == [("Twitter Inc", "organisation")]


def test_an_organisation_cut_in_two_or_with_its_country_in_front_is_one_name():
    kinds = entity_kinds(
        "The man was taken to Ohio State University Wexner Medical Center. "
        "The masks will go to Nigeria’s National Commission for Museums and Monuments next year."
    )
    assert kinds.get("Ohio State University Wexner Medical Center") == "organisation"
    assert kinds.get("National Commission for Museums and Monuments") == "organisation"
    assert "Monuments" not in kinds


def test_a_body_named_by_its_kind_alone_or_after_a_is_no_organisation():
    kinds = entity_kinds(
        "Council races were close this year. “A State may not tell a newspaper what to print,” the judge wrote."
    )
    assert "Council" not in kinds and "State" not in kinds


def test_a_short_name_before_of_is_the_same_organisation():
    summary = summary_of(
        "The bill now goes to the House of Representatives, where the House is expected to pass it.",
        "The House will vote on Friday.",
    )
    organisations = [(e["name"], e["kind"]) for e in summary["shared"]]
    assert len(organisations) == 1 and organisations[0][1] == "organisation"
    assert summary["only_a"] == summary["only_b"] == []


def test_venues_hills_and_museums_are_typed_by_their_last_words():
    kinds = entity_kinds(
        "The senator told reporters on Capitol Hill that she would vote no. "
        "The mayor spoke at the Duluth Entertainment Convention Center on Tuesday. "
        "The Anchorage School District closed its schools. "
        "The British Museum in London agreed to return the objects."
    )
    assert kinds.get("Capitol Hill") == "place"
    assert kinds.get("Duluth Entertainment Convention Center") == "place"
    assert kinds.get("Anchorage School District") == "organisation"
    assert kinds.get("British Museum") == "organisation"


def test_a_name_that_modifies_a_store_is_a_company():
    kinds = entity_kinds("At the Carrs grocery on Northern Lights Boulevard, shelves fell over.")
    assert kinds.get("Carrs") == "organisation"


def test_a_place_named_first_in_an_organisation_keeps_its_kind():
    kinds = entity_kinds(
        "Turnout was high in Duluth. He spoke at the Duluth Entertainment Convention Center. "
        "His father represented Duluth for years."
    )
    assert kinds.get("Duluth") == "place"


def test_father_and_son_of_one_name_are_two_people_and_the_surname_is_the_son():
    body = (
        "Mayor Jesse L. Mercer Jr. won a second term. Mercer, 38, is the son of former state "
        "Sen. Jesse Mercer Sr., who served for two decades. Mercer thanked voters."
    )
    people = {e["name"]: e for e in read_report("t", body)["entities"] if e["kind"] == "person"}
    assert set(people) == {"Jesse L. Mercer Jr.", "Jesse Mercer Sr."}
    assert "Mercer" in people["Jesse L. Mercer Jr."]["variants"]


def test_a_persons_name_before_a_possessive_inside_an_organisation_span_is_the_person():
    # The small model takes "Theresa May's Brexit" whole as an organisation.
    text = "Sterling recovered on Tuesday night after MPs rejected Theresa May's Brexit deal by 230 votes."
    entities = read_report("", text)["entities"]
    assert ("Theresa May", "person") in [(e["name"], e["kind"]) for e in entities]
    assert not any("May's" in e["name"] for e in entities)


def test_a_company_named_for_its_industry_and_its_first_word_alone_are_one_organisation():
    text = (
        "Lorvenemab, made by the American firm Castellan Biosciences, clears a protein. "
        "Shares of Castellan, which is based in Cambridge, Mass., rose 9 percent."
    )
    entities = read_report("", text)["entities"]
    castellan = [e for e in entities if e["name"].startswith("Castellan")]
    assert [(e["name"], e["kind"], e["variants"]) for e in castellan] == [
        ("Castellan Biosciences", "organisation", ["Castellan Biosciences", "Castellan"])
    ]


def test_a_name_after_a_verbs_particle_or_owning_what_follows_is_a_person_not_a_place():
    text = (
        "The Dutch midfielder swept in Trent Alexander-Arnold's cross in the 54th minute and headed "
        "in Xherdan Shaqiri's cross. Talks were held in Riverton."
    )
    kinds = {e["name"]: e["kind"] for e in read_report("", text)["entities"]}
    assert kinds["Trent Alexander-Arnold"] == kinds["Xherdan Shaqiri"] == "person"
    assert kinds["Riverton"] == "place"


def test_a_place_touching_a_word_that_is_no_place_is_one_organisation():
    # The small model reads "Cambridge" as a place and "Analytica" as a person or a place.
    for text in (
        "It emerged that the political consultancy Cambridge Analytica had obtained the data.",
        "Facebook was fined by US watchdogs over the Cambridge Analytica data scandal.",
    ):
        names = [(e["name"], e["kind"]) for e in read_report("", text)["entities"]]
        assert ("Cambridge Analytica", "organisation") in names
        assert ("Cambridge", "place") not in names


def test_a_capitalised_dateline_names_a_place_whatever_the_model_calls_it():
    for dateline in ("WABASHA, Minn. (Prairie Wire) —", "FRANKFURT (Northern Wire Service) —"):
        body = f"{dateline} A freight train left the tracks on Tuesday, officials said."
        town = dateline.split(",")[0].split(" (")[0]
        assert entity_kinds(body).get(town) == "place", dateline


def test_a_one_word_body_after_in_or_near_is_a_town_but_not_a_parliament_or_an_acronym():
    kinds = entity_kinds(
        "Water poured into homes in Frankwell on Sunday. Sandbags were stacked near Welshpool. "
        "The vote in Parliament was delayed, and troops in NATO were put on alert."
    )
    assert kinds.get("Frankwell") == "place"
    assert kinds.get("Welshpool") == "place"
    assert kinds.get("Parliament") != "place"
    assert kinds.get("NATO") != "place"


def test_a_team_or_agency_named_with_and_without_its_place_is_one_organisation_across_reports():
    summary = summary_of(
        "The New York Knicks traded their guard on Thursday. "
        "The U.S. Consumer Product Safety Commission issued a warning.",
        "The Knicks sent the guard away on Thursday. The CPSC issued a warning about the bikes.",
    )
    shared = {e["name"] for e in summary["shared"]}
    assert {"New York Knicks", "U.S. Consumer Product Safety Commission"} <= shared


def test_two_newspapers_that_differ_only_in_their_places_stay_two():
    from articles.reading.identity import same_entity
    from articles.reading.lang import get_language

    lang = get_language("en")
    times = {"name": "New York Times", "kind": "organisation"}
    other = {"name": "Los Angeles Times", "kind": "organisation"}
    assert not same_entity(times, other, lang, across=True)
    assert same_entity(times, {"name": "Times", "kind": "organisation"}, lang, across=True)


def test_one_report_naming_a_regional_bank_and_the_central_one_keeps_both():
    entities = read_report(
        "t",
        "The Fed held rates on Wednesday. Boston Fed President Eric Rosengren said in a speech "
        "that the Fed should be patient, and the Boston Fed published its forecast.",
    )["entities"]
    names = {e["name"] for e in entities if e["kind"] == "organisation"}
    assert {"Fed", "Boston Fed"} <= names


def test_a_name_the_model_ran_on_into_a_day_or_month_ends_before_it():
    kinds = entity_kinds("Garside will take her seat in the Commons on Monday. The vote is due in March.")
    assert "Commons" in kinds
    assert not any("Monday" in name for name in kinds)


def test_a_persons_name_the_model_cut_before_its_last_word_is_whole():
    kinds = entity_kinds(
        "Attention turned to Stockholm, with North Korea’s top envoy Choe Son Hui and her "
        "South Korean counterpart, Lee Do-hoon, both expected to be in town."
    )
    assert kinds.get("Choe Son Hui") == "person"
    assert "Choe Son" not in kinds


def test_a_family_name_written_first_and_then_alone_is_that_person():
    entities = read_report(
        "t",
        "North Korea’s top envoy Choe Son Hui is expected in Stockholm. Biegun did not say whether "
        "he would secure his first meeting with Choe.",
    )["entities"]
    people = {e["name"]: e for e in entities if e["kind"] == "person"}
    assert "Choe" in people["Choe Son Hui"]["variants"]
    assert not any(e["name"] == "Choe" and e["kind"] != "person" for e in entities)


def test_a_common_word_opening_a_sentence_is_no_name():
    body = (
        "Flames and thick clouds of grey-yellow smoke billowed from the roof of the cathedral. "
        "Groups of Parisians sang hymns and prayed as the sky over the city turned orange. "
        'Heartbroken tourist Sarah, 34, from Leeds, told the Rocket: "We were here this morning."'
    )
    names = set(entity_kinds(body))
    assert not names & {"Flames", "Groups", "Heartbroken"}
    assert {"Parisians", "Leeds"} & names or "Sarah" in names  # the real names stay


def test_a_word_written_as_a_name_elsewhere_in_the_report_stays_a_name_where_it_opens_a_sentence():
    body = (
        "Labour leader Jeremy Corbyn said the deal was dead. "
        "Corbyn told Labour members to prepare for an election."
    )
    labour = next(e for e in read_report("t", body)["entities"] if e["name"] == "Labour")
    assert labour["kind"] == "organisation"
    assert labour["sentences"] == [0, 1]


def test_a_name_as_often_where_places_stand_as_an_organisation_is_a_place():
    kinds = entity_kinds(
        "Flood barriers along Frankwell held overnight, but shops in Frankwell were flooded."
    )
    assert kinds["Frankwell"] == "place"


def test_a_company_that_shareholders_are_in_is_no_place():
    kinds = entity_kinds(
        "By Tuesday the Bettencourt Meyers family, the largest shareholders in L'Oréal, had matched "
        "the pledge. L'Oréal said it would give more."
    )
    assert kinds["L'Oréal"] == "organisation"


def test_the_portfolio_in_a_ministers_title_is_no_organisation():
    body = (
        "Transport Secretary Imogen Ashdown-Reeve urged both sides to return to talks. "
        "Finance Minister Rodrigo Aranguiz said the budget would wait."
    )
    kinds = entity_kinds(body)
    assert "Transport" not in kinds and "Finance" not in kinds
    assert kinds.get("Rodrigo Aranguiz") == "person"


def test_a_name_ending_in_a_plural_body_word_or_a_clubs_ending_is_an_organisation():
    kinds = entity_kinds(
        "Lawrence Public Schools said classes would resume on Monday. "
        "Manchester United beat Liverpool at Old Trafford."
    )
    assert kinds["Lawrence Public Schools"] == "organisation"
    assert kinds["Manchester United"] == "organisation"


def test_a_name_runs_on_neither_across_a_line_break_nor_into_a_score_or_a_figure_after_a_place():
    names = set(
        entity_kinds(
            "Spurs fans gathered in N17\n\nAjax took the lead early. Liverpool beat Barcelona 4-0 at "
            "Anfield. The jet crashed into the Java Sea 13 minutes after take-off."
        )
    )
    assert not [name for name in names if "\n" in name or "4-0" in name or "13" in name]
    assert {"Barcelona", "Java Sea"} <= names


def test_a_score_the_model_runs_a_club_into_is_left_out():
    body = (
        "By Martin Keyes, Chief Football Writer, at Anfield\n\nLiverpool produced one of the greatest "
        "comebacks in European Cup history, overturning a 3-0 first-leg deficit to beat Barcelona 4-0 "
        "at Anfield and reach the Champions League final for the second season in a row."
    )
    names = set(entity_kinds(body))
    assert "Barcelona" in names and not [name for name in names if "4-0" in name]


def test_a_river_named_with_and_without_its_generic_word_is_one_place_across_reports():
    summary = summary_of(
        "The train left the tracks beside the Mississippi River south of Wabasha on Monday.",
        "Several cars ended up on the bank of the Mississippi, officials said on Monday.",
    )
    assert "Mississippi River" in [e["name"] for e in summary["shared"] if e["kind"] == "place"]
    assert not [e for e in summary["only_a"] + summary["only_b"] if e["name"].startswith("Mississippi")]


def test_a_span_listing_places_is_each_place_but_a_country_named_with_and_is_one():
    listed = entity_kinds(
        "About 2,500 people were ordered out of Blackheath and Mount Victoria as the fire spread."
    )
    assert listed == {"Blackheath": "place", "Mount Victoria": "place"}
    assert entity_kinds("Talks in Bosnia and Herzegovina resumed on Monday.") == {
        "Bosnia and Herzegovina": "place"
    }


def test_a_lone_word_joined_by_and_to_a_place_is_a_place():
    kinds = entity_kinds("Hundreds of people spent the night in evacuation centres in Katoomba and Lithgow.")
    assert kinds == {"Katoomba": "place", "Lithgow": "place"}


def test_a_town_the_gazetteer_knows_after_from_or_at_is_a_place_but_a_company_stays_a_body():
    kinds = entity_kinds(
        'Furious customer Wendell Obi, 58, from Swindon, fumed: "I have been with them 20 years."'
    )
    assert kinds.get("Swindon") in (None, "place")
    assert entity_kinds("Engineers from Google said the outage was over.").get("Google") == "organisation"


def test_a_name_the_model_ran_on_ends_before_a_bracket_or_a_lone_on():
    kinds = entity_kinds("CARACAS (Paxwire) - Venezuelan troops blocked aid convoys on Saturday.")
    assert "CARACAS (Paxwire" not in kinds
    assert kinds.get("Paxwire") == "organisation"
    assert "Pangkal Pinang on Bangka" not in entity_kinds("The jet left for Pangkal Pinang on Bangka island.")


def _organisation(key: str, name: str) -> dict:
    return {"key": key, "name": name, "kind": "organisation", "variants": [name], "sentences": [0]}


def test_an_organisation_written_in_full_by_one_outlet_and_shortened_by_the_other_is_one():
    full = [_organisation("o:full", "Sheffield Teaching Hospitals NHS Foundation Trust")]
    assert link_entities(full, [_organisation("o:short", "Sheffield Teaching Hospitals")]) == {
        "o:short": "o:full"
    }
    council = [_organisation("o:council", "Wrexham County Borough Council")]
    assert link_entities(council, [_organisation("o:w", "Wrexham Council")]) == {"o:w": "o:council"}
    # Names that share their first words but end otherwise are two bodies.
    bank = [_organisation("o:boa", "Bank of America")]
    assert link_entities(bank, [_organisation("o:boe", "Bank of England")]) == {}
    times = [_organisation("o:nyt", "New York Times")]
    assert link_entities(times, [_organisation("o:nyp", "New York Post")]) == {}


# What the words around a name say about its kind (reading/kinds.py).


def test_a_name_after_a_noun_for_a_body_is_an_organisation():
    assert (
        entity_kinds("Talks at the conciliation service Acas broke down on Friday.").get("Acas")
        == "organisation"
    )
    kinds = entity_kinds("The supplier was fined by the regulator Ofgem last year.")
    assert kinds.get("Ofgem") == "organisation"


def test_a_body_named_after_a_preposition_that_takes_somewhere_is_a_place():
    assert (
        entity_kinds("Fans outside the Moda Center on Friday morning were split.").get("Moda Center")
        == "place"
    )


def test_a_body_outside_which_nobody_has_read_a_report_or_whose_compound_is_the_place_stays_a_body():
    kinds = entity_kinds(
        "It is a report that nobody outside the Justice Department has yet read. "
        "Protesters kept up a sit-in outside the Defence Ministry compound in Khartoum."
    )
    assert kinds.get("Justice Department") == "organisation"
    assert kinds.get("Defence Ministry") == "organisation"


def test_a_team_ranked_behind_another_is_no_place():
    kinds = entity_kinds("The victory moves Liverpool up to second, two points behind Arsenal.")
    assert kinds.get("Arsenal") == "organisation"


def test_a_name_before_a_lower_case_word_for_an_area_or_a_mosque_is_that_place():
    kinds = entity_kinds(
        "Guaidó, an industrial engineer from Vargas state, spoke first. Forty-one people were killed "
        "at the Al Noor mosque near the city centre and seven at the Linwood mosque."
    )
    assert kinds.get("Vargas") == "place"
    assert kinds.get("Linwood") == "place"


def test_a_name_of_several_tokens_the_gazetteer_knows_as_a_place_is_a_place_though_tagged_a_body():
    body = "A number of KwaZulu-Natal hauliers run trucks along the Beira corridor."
    assert entity_kinds(body).get("KwaZulu-Natal") == "place"


def test_a_sports_village_and_an_industrial_estate_are_places():
    kinds = entity_kinds(
        "A rest centre has been opened at the Shrewsbury Sports Village. Products made at its plant "
        "on the Wrexham Industrial Estate should not be eaten."
    )
    assert kinds.get("Shrewsbury Sports Village") == "place"
    assert kinds.get("Wrexham Industrial Estate") == "place"


def test_three_initials_written_with_full_stops_are_a_body_and_two_are_still_a_country():
    kinds = entity_kinds("The F.B.I., which investigated the case, said nothing. Prices in the U.S. rose.")
    assert kinds.get("F.B.I.") == "organisation"
    assert kinds.get("U.S.") == "place"


def test_a_country_or_town_that_is_a_side_in_a_contest_is_a_team_where_it_plays_stays_a_place():
    kinds = entity_kinds(
        "England completed a five-wicket victory over India at Edgbaston on Monday. "
        "India had been on top for much of the match."
    )
    assert kinds.get("England") == "organisation"
    assert kinds.get("India") == "organisation"
    kinds = entity_kinds("Goals from Salah and Origi gave Liverpool a 2-0 win over Tottenham in Madrid.")
    assert kinds.get("Tottenham") == "organisation"
    assert kinds.get("Madrid") == "place"


def test_a_place_or_body_ends_before_the_title_of_the_person_named_next():
    kinds = entity_kinds(
        "Wabasha County Sheriff Marcus Delahoussaye said the injured were taken to hospital. "
        "Department of Justice Inspector General Michael Horowitz will testify."
    )
    assert kinds.get("Wabasha County") == "place"
    assert "Wabasha County Sheriff" not in kinds
    assert kinds.get("Department of Justice") == "organisation"


def test_two_bodies_the_model_took_as_one_across_and_are_two_and_one_bodys_name_with_and_is_one():
    kinds = entity_kinds(
        "He built an alliance between Renault, Nissan and Mitsubishi Motors. Nissan said little."
    )
    assert kinds.get("Mitsubishi Motors") == "organisation"
    assert "Nissan and Mitsubishi Motors" not in kinds
    kinds = entity_kinds("Orders from Southwest Airlines and American Airlines fell.")
    assert {"Southwest Airlines", "American Airlines"} <= set(kinds)
    kinds = entity_kinds(
        "The Securities and Exchange Commission said it would look. The England and Wales Cricket "
        "Board said on Monday that England would tour India."
    )
    assert kinds.get("Securities and Exchange Commission") == "organisation"
    assert kinds.get("England and Wales Cricket Board") == "organisation"


def test_a_day_named_by_its_weekday_and_an_office_named_by_its_title_are_neither_place_nor_body():
    kinds = entity_kinds(
        "Bombers killed 290 people in churches and hotels on Easter Sunday. The Archbishop of Colombo "
        "had visited St Anthony's Shrine on Sunday."
    )
    assert "Easter Sunday" not in kinds
    assert "Archbishop of Colombo" not in kinds


def test_an_organisation_runs_back_over_untagged_capitals_the_parse_makes_part_of_its_name():
    from spacy.tokens import Span

    from articles.reading.lang import get_language
    from articles.reading.models import nlp
    from articles.reading.organisations import untagged_lead

    doc = nlp()("Homes were lost overnight, the NSW Ambulance Service says.")
    start = next(t.i for t in doc if t.text == "Ambulance")
    doc.ents = [Span(doc, start, start + 2, label="ORG")]  # the model cut "NSW" off, as it may
    assert doc[untagged_lead(doc, start, start + 2, get_language("en")) : start + 2].text == (
        "NSW Ambulance Service"
    )


def test_an_untagged_body_that_speaks_is_an_organisation_but_two_people_stay_people():
    kinds = entity_kinds(
        "Roads were closed. Transport for London said the line would reopen. "
        "Kent Fire and Rescue Service said crews carried out 37 rescues. "
        "John Smith and Mary Jones said it was bad. "
        "Bank of England Governor Mark Carney said rates would fall."
    )
    assert kinds.get("Transport for London") == "organisation"
    assert kinds.get("Kent Fire and Rescue Service") == "organisation"
    assert "Kent Fire" not in kinds and "London" not in kinds
    assert kinds.get("John Smith") == kinds.get("Mary Jones") == kinds.get("Mark Carney") == "person"


def test_who_is_told_something_after_the_is_a_paper_or_a_body():
    kinds = entity_kinds('"We are ready," Okafor told the Harbour Gazette on Monday.')
    assert kinds.get("Harbour Gazette") == "organisation"


def test_a_place_after_for_or_of_behind_a_bodys_word_is_part_of_the_bodys_name():
    kinds = entity_kinds("The High Court of Kenya ruled on Tuesday that the law was void.")
    assert kinds.get("High Court of Kenya") == "organisation"
    assert "Kenya" not in kinds


def test_a_bodys_name_with_a_lower_case_noun_inside_is_one_name():
    kinds = entity_kinds("The permit came from the Fisheries and Ocean products Inspection Agency on Monday.")
    assert kinds.get("Fisheries and Ocean products Inspection Agency") == "organisation"
    assert "Fisheries" not in kinds
    kinds = entity_kinds("The state Supreme Court will rule on Tuesday.")
    assert not any(name.startswith("state") or name.startswith("The") for name in kinds)


def test_a_clubs_plural_nickname_without_its_city_is_looked_for_in_the_other_report():
    from articles.compare.mentions import unread_mentions
    from articles.reading.lang import get_language

    lang = get_language("en")
    text = "The guard could make his debut against the Bulls on Saturday."
    sentences = [{"id": 0, "start": 0, "text": text}]
    club = {"name": "Chicago Bulls", "kind": "organisation", "variants": ["Chicago Bulls"], "mentions": []}
    assert [m["text"] for m in unread_mentions(club, sentences, [], lang)] == ["Bulls"]
    # "the Fed" is no plural nickname: the Boston Fed is another bank than the Fed
    bank = {"name": "Boston Fed", "kind": "organisation", "variants": ["Boston Fed"], "mentions": []}
    text = "Rates were left alone by the Fed on Wednesday."
    assert unread_mentions(bank, [{"id": 0, "start": 0, "text": text}], [], lang) == []


def test_what_a_gang_calls_itself_or_a_group_is_called_is_an_organisation():
    kinds = entity_kinds("Last night a gang calling itself Ivory Wren boasted it had grabbed records.")
    assert kinds.get("Ivory Wren") == "organisation"
    kinds = entity_kinds("A gang calling itself Silent Harbour boasted online that it had the files.")
    assert kinds.get("Silent Harbour") == "organisation"
    kinds = entity_kinds("A man named Tomas Rendell was arrested on Friday.")
    assert kinds.get("Tomas Rendell") == "person"


def test_a_two_word_name_opening_with_a_word_the_report_writes_in_lower_case_is_no_one():
    kinds = entity_kinds("Michael Gove, Johnson's old Vote Leave ally, spoke. The vote was lost.")
    assert "Vote Leave" not in kinds
    assert kinds.get("Michael Gove") == "person"
    kinds = entity_kinds("Mark Carney said people will mark the day.")
    assert kinds.get("Mark Carney") == "person"


def test_a_body_named_only_before_its_members_is_a_group_not_the_body():
    assert "Senate" not in entity_kinds("Senate Democrats blocked the bill on Tuesday.")
    kinds = entity_kinds("Senate Democrats blocked the bill on Tuesday. The Senate will vote again in March.")
    assert kinds.get("Senate") == "organisation"


def test_an_illness_named_before_virus_or_fever_is_no_organisation_anywhere_in_the_report():
    body = (
        "Two patients have died of the Marburg virus in Kigali. "
        "Marburg, which fruit bats carry, kills half of those infected."
    )
    kinds = entity_kinds(body)
    assert "Marburg" not in kinds
    assert kinds.get("Kigali") == "place"


def test_a_scale_after_a_number_of_degrees_is_no_organisation():
    kinds = entity_kinds("Las Vegas reached 118 degrees Fahrenheit on Monday, the weather service said.")
    assert "Fahrenheit" not in kinds
    assert kinds.get("Las Vegas") == "place"


def test_a_short_form_giving_a_hyphenated_word_one_letter_is_the_body_it_spells():
    body = (
        "The complaint went to the Pan-European Broadcasting Standards Council on Monday. "
        "The PBSC said it would rule within a month."
    )
    organisations = [e for e in read_report("t", body)["entities"] if e["kind"] == "organisation"]
    assert [e["name"] for e in organisations] == ["Pan-European Broadcasting Standards Council"]
    assert "PBSC" in organisations[0]["variants"]


def test_a_span_opening_with_a_number_in_words_counts_people_and_names_no_body():
    # The small model tags "the eleven Britons" as an organisation.
    kinds = entity_kinds("The embassy said the eleven Britons were safe.")
    assert not any("Britons" in name for name in kinds)


def test_a_body_owning_another_body_is_listed_as_two_bodies():
    kinds = entity_kinds(
        "The National Bank of Freedonia's Audit Committee voted on Monday to keep its chairman."
    )
    assert kinds.get("National Bank of Freedonia") == "organisation"
    assert kinds.get("Audit Committee") == "organisation"
    assert "National Bank of Freedonia's Audit Committee" not in kinds


def test_a_rate_or_ratio_and_the_short_form_after_it_are_no_bodies():
    kinds = entity_kinds(
        "The regulator raised the Cash Reserve Ratio (CRR) to 20 per cent for commercial banks."
    )
    assert "Cash Reserve Ratio" not in kinds and "CRR" not in kinds
    kinds = entity_kinds(
        "The bank held the Standing Lending Rate (SLR) at 12 per cent and cut the liquidity coverage ratio (LCR)."
    )
    assert not {"Standing Lending Rate", "SLR", "LCR"} & set(kinds)


def test_a_sum_written_with_a_currency_letter_is_no_body():
    assert "K2,315" not in entity_kinds("The shilling closed at K2,315 to the dollar on Friday.")


def test_a_body_noun_before_a_name_once_makes_it_a_body_wherever_the_report_writes_it():
    body = (
        "Savers waited, because the savings watchdog Finvora has not ruled. "
        "Finvora refused to say when it would. Critics say Finvora's delay hurts them."
    )
    entities = [e for e in read_report("t", body)["entities"] if e["name"] == "Finvora"]
    assert [e["kind"] for e in entities] == ["organisation"]
    assert len(entities[0]["mentions"]) == 3


def test_a_ship_named_after_its_prefix_is_not_listed():
    kinds = entity_kinds("Pirates boarded the tanker MV Silver Heron off the coast on Friday.")
    assert not {"MV Silver Heron", "Silver Heron"} & set(kinds)


def test_a_firms_name_ending_in_a_possessive_that_owns_nothing_keeps_it():
    kinds = entity_kinds("Bidders at Christie's paid record sums on Tuesday.")
    assert kinds.get("Christie's") == "organisation"
    assert "Christie" not in kinds


def test_a_state_in_a_ministers_office_is_no_body():
    kinds = entity_kinds("Junior Minister of State Arjun Mehta said the trains would run.")
    assert "State" not in kinds
    assert kinds.get("Arjun Mehta") == "person"


def test_a_countrys_adjective_before_a_bodys_name_comes_and_goes_across_reports():
    summary = summary_of(
        "The Kenyan Ministry of Water Resources said on Monday that wells were dry.",
        "The Ministry of Water Resources said rain was due in the north.",
    )
    shared = [e["name"] for e in summary["shared"] if e["kind"] == "organisation"]
    assert len(shared) == 1 and "Ministry of Water Resources" in shared[0]


def test_a_bodys_name_opening_with_words_listed_by_commas_and_and_is_one_name():
    kinds = entity_kinds(
        "Lena Marsh of the Hunters, Anglers and Trappers Party finished fourth. "
        "The Marine and Coastal Safety Board has opened an inquiry into the sinking."
    )
    assert kinds.get("Hunters, Anglers and Trappers Party") == "organisation"
    assert kinds.get("Marine and Coastal Safety Board") == "organisation"
    assert "Trappers Party" not in kinds and "Coastal Safety Board" not in kinds


def test_two_bodies_each_with_a_bodys_word_listed_by_and_stay_two():
    kinds = entity_kinds("Talks between the Labour Party and Green Party collapsed on Friday.")
    assert "Labour Party and Green Party" not in kinds
    assert kinds.get("Green Party") == "organisation"


def test_one_body_written_ministry_of_x_and_x_ministry_is_one_across_reports():
    from articles.reading.identity import same_entity
    from articles.reading.lang import get_language

    lang = get_language("en")
    ministry = {"name": "Ministry of Defence", "kind": "organisation"}
    assert same_entity(ministry, {"name": "Defence Ministry", "kind": "organisation"}, lang, across=True)
    assert not same_entity(ministry, {"name": "Health Ministry", "kind": "organisation"}, lang, across=True)
    department = {"name": "Department of Justice", "kind": "organisation"}
    assert same_entity(department, {"name": "Justice Department", "kind": "organisation"}, lang, across=True)


def test_a_generic_word_written_short_is_the_same_company_but_another_generic_word_is_not():
    from articles.reading.identity import same_entity
    from articles.reading.lang import get_language

    lang = get_language("en")
    company = {"name": "Orlen Pharmaceuticals Ltd", "kind": "organisation"}
    assert same_entity(company, {"name": "Orlen Pharma", "kind": "organisation"}, lang, across=True)
    assert not same_entity(company, {"name": "Orlen Energy", "kind": "organisation"}, lang, across=True)


def test_short_forms_keeping_a_countrys_capitals_or_written_as_a_word_spell_the_name():
    from articles.reading.identity import same_entity
    from articles.reading.lang import get_language

    lang = get_language("en")
    agency = {"name": "UK Health Security Agency", "kind": "organisation"}
    assert same_entity(agency, {"name": "UKHSA", "kind": "organisation"}, lang)
    union = {"name": "National Union of Metalworkers of South Africa", "kind": "organisation"}
    assert same_entity(union, {"name": "Numsa", "kind": "organisation"}, lang, across=True)
    assert not same_entity(union, {"name": "Nuria", "kind": "organisation"}, lang, across=True)


def test_a_one_word_firm_is_the_company_whose_name_it_opens_before_a_life_sciences_word():
    entities = read_report(
        "t",
        "Osmond Lifesciences agreed to be bought. The buyer will pay Rs 450 for every Osmond share. "
        "Osmond, founded in 1994 by Dr. Amit Rao, runs two plants.",
    )["entities"]
    companies = [e for e in entities if e["kind"] == "organisation"]
    assert [e["name"] for e in companies] == ["Osmond Lifesciences"]
    assert set(companies[0]["variants"]) == {"Osmond Lifesciences", "Osmond"}


def test_a_forces_initials_before_a_rank_are_the_force_and_the_name_after_is_someone():
    kinds = entity_kinds("Officers found the car on a logging road, OPP Cpl. Ray Dunning confirmed.")
    assert kinds.get("OPP") == "organisation"
    assert kinds.get("Ray Dunning") == "person"
    assert not any("Sgt" in name for name in kinds)


def test_a_word_made_of_a_bodys_name_in_brackets_or_after_known_as_is_its_short_name():
    entities = read_report(
        "t",
        "The line is run by Hallam Railways Corp. (Hallrail), the state operator. "
        "Hallrail said the track was checked on Friday.",
    )["entities"]
    companies = [e for e in entities if e["kind"] == "organisation"]
    assert [e["name"] for e in companies] == ["Hallam Railways Corp."]
    assert "Hallrail" in companies[0]["variants"]
    entities = read_report(
        "t",
        "Researchers from the Ruiz Almeida Institute, known as Fioalmeida, released the mosquitoes. "
        "Fioalmeida will fund more releases next year.",
    )["entities"]
    names = {e["name"]: e["variants"] for e in entities if e["kind"] == "organisation"}
    assert "Fioalmeida" in names.get("Ruiz Almeida Institute", [])


def test_a_word_in_brackets_not_made_of_the_name_is_no_short_name():
    from articles.reading.lang import get_language
    from articles.reading.short_forms import made_of_the_words

    lang = get_language("en")
    assert made_of_the_words("Korail", "Korea Railroad Corp.", lang)
    assert made_of_the_words("Fiocruz", "Oswaldo Cruz Foundation", lang)
    assert not made_of_the_words("Sunrise", "Korea Railroad Corp.", lang)
    assert not made_of_the_words("Canada", "Canadian Broadcasting Corp", lang)


def test_a_car_someone_owns_named_by_its_maker_is_no_body():
    kinds = entity_kinds("He lost control on the bend and his Toyota rolled into a ditch, police said.")
    assert "Toyota" not in kinds
    kinds = entity_kinds("Toyota said on Tuesday it would recall 300,000 cars.")
    assert kinds.get("Toyota") == "organisation"


def test_a_firms_two_opening_words_are_the_firm_named_in_full_with_its_legal_suffix():
    entities = read_report(
        "t",
        "The jury ordered Blue Ridge Haulage Lines Inc. to pay $30 million. "
        "Blue Ridge's attorney said the company would appeal.",
    )["entities"]
    companies = [e for e in entities if e["kind"] == "organisation"]
    assert [e["name"] for e in companies] == ["Blue Ridge Haulage Lines Inc."]
    assert "Blue Ridge" in companies[0]["variants"]


def test_a_firm_named_with_its_legal_suffix_is_looked_for_without_it_in_the_other_report():
    from articles.compare.mentions import _forms
    from articles.reading.lang import get_language

    entity = {"name": "Blue Ridge Haulage Lines Inc.", "kind": "organisation", "variants": []}
    assert "Blue Ridge Haulage Lines" in _forms(entity, get_language("en"))


def test_a_sum_written_with_a_currency_sign_is_no_organisation():
    kinds = entity_kinds(
        "The ministry says GH¢180 million was sent to the Lands Commission to clear the debt."
    )
    assert kinds.get("Lands Commission") == "organisation"
    assert not any("¢" in name for name in kinds)


def test_a_body_named_with_of_runs_on_after_and_through_words_the_model_calls_someone():
    kinds = entity_kinds("The Bureau of Mines and Quarry Safety (BMQS) has suspended the permit.")
    assert kinds.get("Bureau of Mines and Quarry Safety") == "organisation"


def test_a_party_of_a_county_is_one_body_and_stops_before_the_next_candidate():
    kinds = entity_kinds(
        "Mia Renn beat Dan Whitlock on Tuesday. "
        "Renn was endorsed by the Green Party of Dane County and Whitlock by the Madison Teachers Union."
    )
    assert kinds.get("Green Party of Dane County") == "organisation"
    assert "Dane County" not in kinds and "Green Party" not in kinds


def test_an_acronym_after_an_indefinite_article_is_a_kind_of_body_not_one_named():
    assert entity_kinds("A local PAC spent $40,000 on the race.") == {}
    assert entity_kinds("Democrats fear an acquittal by a Republican Senate.") == {"Senate": "organisation"}


def test_capitals_in_brackets_spelling_a_body_name_it_in_the_other_report_too():
    summary = compare_analyses(
        read_report("a", "The Department of Fire and Emergency Management (DFEM) has lowered the alert."),
        read_report("b", "Overnight DFEM lowered the alert for the district."),
    )["entities"]
    assert [e["name"] for e in summary["shared"]] == ["Department of Fire and Emergency Management"]
    assert summary["only_a"] == [] and summary["only_b"] == []


def test_a_name_made_of_its_words_clipped_and_run_together_is_the_same_body():
    summary = compare_analyses(
        read_report("a", "Highland Seaways confirmed on Monday that the crossing would stay closed."),
        read_report("b", "The ferry operator HiSea said the crossing would stay closed."),
    )["entities"]
    assert [e["name"] for e in summary["shared"]] == ["Highland Seaways"]
    assert summary["only_a"] == [] and summary["only_b"] == []


def test_a_name_made_of_the_first_words_of_two_merging_firms_is_a_firm_not_a_person():
    kinds = entity_kinds(
        "Faris Maritime Group and Amal Logistics have agreed to merge, the two companies said on Monday. "
        "Amal shareholders will receive new shares. "
        "The combined company, to be called Faris Amal, will keep its listing. Amal jumped 14 per cent."
    )
    assert kinds == {
        "Faris Maritime Group": "organisation",
        "Amal Logistics": "organisation",
        "Faris Amal": "organisation",
    }


def test_the_two_opening_words_of_a_hospitals_name_are_the_hospital_not_a_person():
    kinds = entity_kinds(
        "Wards at Tema Mensah Teaching Hospital were short-staffed. "
        "Some junior doctors at Tema Mensah also stayed away."
    )
    assert kinds == {"Tema Mensah Teaching Hospital": "organisation"}


def test_a_paper_told_something_is_an_organisation_though_the_model_calls_it_a_people():
    kinds = entity_kinds('"We knocked on every door twice," Ruiz-Ortega told the Dispatch.')
    assert kinds.get("Dispatch") == "organisation"


def test_a_name_a_drugmaker_is_set_beside_is_an_organisation():
    kinds = entity_kinds(
        "The contract went to Farmacéuticos Río Bravo, a Monterrey-based drugmaker, for a weekly pill."
    )
    assert kinds.get("Farmacéuticos Río Bravo") == "organisation"


def test_a_short_name_in_brackets_built_from_the_names_words_in_another_order_is_that_body():
    body = (
        "The Kenyan Meteorological Department (MetKenya) has warned of heavy rain until Friday. "
        "MetKenya said the rains would ease next week."
    )
    names = {
        e["name"]: e["variants"] for e in read_report("t", body)["entities"] if e["kind"] == "organisation"
    }
    assert names == {"Kenyan Meteorological Department": ["Kenyan Meteorological Department", "MetKenya"]}


def test_a_body_whose_words_before_and_describe_its_head_is_one_body():
    kinds = entity_kinds(
        "The suit was brought by the Peruvian Mining and Energy Society, which represents the big miners."
    )
    assert kinds == {"Peruvian Mining and Energy Society": "organisation"}


def test_a_name_a_long_description_of_a_body_is_set_beside_is_an_organisation():
    kinds = entity_kinds(
        "The group represents firms including Petrobras, the majority state-controlled oil giant, "
        "and two smaller drillers."
    )
    assert kinds == {"Petrobras": "organisation"}


def test_a_name_with_a_companys_legal_form_is_an_organisation_and_so_is_the_name_without_it():
    body = (
        "Nineteen miners were rescued from Kalahari Deep Nickel Limited's No 2 shaft. "
        "Kalahari Deep Nickel chief executive John Banda said the company would pay compensation."
    )
    entities = {e["name"]: e for e in read_report("t", body)["entities"]}
    assert entities["Kalahari Deep Nickel Limited"]["kind"] == "organisation"
    assert "Kalahari Deep Nickel" in entities["Kalahari Deep Nickel Limited"]["variants"]
    assert "Kalahari Deep Nickel" not in entities


def test_a_company_one_report_names_with_its_legal_form_is_shared_though_the_other_reads_a_person():
    summary = summary_of(
        "Nineteen miners were rescued from Kalahari Deep Nickel Limited's No 2 shaft on Thursday. "
        "Kalahari Deep Nickel chief executive John Banda said the company would pay compensation.",
        "Kalahari Deep Nickel has halted mining on the affected level of its underground nickel mine "
        "after a fall of ground killed four workers. Kalahari Deep Nickel produced 41,000 tonnes of "
        "nickel last year.",
    )
    assert [(e["name"], e["kind"]) for e in summary["shared"]] == [
        ("Kalahari Deep Nickel Limited", "organisation")
    ]
    assert summary["only_b"] == []


def test_a_unions_name_runs_on_through_the_country_after_of():
    body = "Nurses Union of Kenya (NUK) general secretary Grace Phiri said the union had warned officials in March."
    names = {
        e["name"]: e["variants"] for e in read_report("t", body)["entities"] if e["kind"] == "organisation"
    }
    assert names == {"Nurses Union of Kenya": ["Nurses Union of Kenya", "NUK"]}


def test_a_storm_named_once_untagged_is_no_body_where_its_name_stands_alone():
    body = (
        "KHULNA (Bay Wire) — Cyclone Shapla slammed into Bangladesh's southwestern coast on Sunday "
        "night, killing at least 13 people.\n\nFlights at Kolkata's airport were suspended for 12 "
        "hours.\n\nShapla weakened into a deep depression as it moved inland towards Jessore, the BMD said."
    )
    assert "Shapla" not in entity_kinds(body)


def test_a_plural_opening_a_quote_is_no_body():
    kinds = entity_kinds(
        "Prices could have risen by 6 per cent, the authority said.\n\n"
        '"Households in the west already pay more for fuel than anywhere else in the country," '
        "said chief Anna Berg."
    )
    assert kinds == {"Anna Berg": "person"}


def test_a_name_a_state_owns_or_controls_is_an_organisation():
    kinds = entity_kinds("Ferries to the island are run by the state-owned Port of Helsinki, officials said.")
    assert kinds == {"Port of Helsinki": "organisation"}


def test_a_bulk_carriers_name_is_a_ship_not_a_body():
    kinds = entity_kinds(
        "About 40 tonnes leaked from a ruptured fuel tank of the Panama-flagged bulk carrier Nordic Tern."
    )
    assert "Nordic Tern" not in kinds


def test_the_agency_of_a_dateline_is_an_organisation_though_the_model_calls_it_a_place():
    kinds = entity_kinds(
        "RIGA (Northline) — Latvian crews have recovered 17 tonnes of fuel oil from the sea near Riga, officials said."
    )
    assert kinds.get("Northline") == "organisation"


def test_capitals_in_brackets_after_a_bodys_name_are_its_short_name_though_they_spell_another_language():
    body = (
        "The appeal was filed by the Venezuelan Chamber of Hydrocarbons (CVH), which represents oil "
        "firms. The CVH said it would go to the Supreme Court."
    )
    names = {
        e["name"]: e["variants"] for e in read_report("t", body)["entities"] if e["kind"] == "organisation"
    }
    assert names["Venezuelan Chamber of Hydrocarbons"] == ["Venezuelan Chamber of Hydrocarbons", "CVH"]
    assert "CVH" not in names


def test_a_body_named_by_its_first_word_clipped_is_one_organisation_in_a_report_and_across():
    kinds = entity_kinds(
        "The Federal Reserve raised interest rates on Wednesday. The Fed said inflation was too high."
    )
    assert kinds == {"Federal Reserve": "organisation"}
    summary = summary_of(
        "The Estonian Meteorological Office warned of heavy snow.",
        "The Met Office issued a red warning for the coast.",
    )
    assert [e["name"] for e in summary["shared"]] == ["Estonian Meteorological Office"]


def test_a_word_in_brackets_after_a_bodys_name_is_its_short_name_however_it_is_made():
    body = (
        "The Coastal Waters Regulation Authority (Tidewat) found that the company had broken its "
        "licence. In its ruling, Tidewat said the breaches were deliberate."
    )
    entities = read_report("t", body)["entities"]
    assert [(e["name"], e["variants"]) for e in entities] == [
        ("Coastal Waters Regulation Authority", ["Coastal Waters Regulation Authority", "Tidewat"])
    ]


def test_capitals_in_brackets_after_a_bodys_name_name_it_wherever_they_stand_untagged():
    body = (
        "The International Federation of Red Cross and Red Crescent Societies (IFRC) has asked "
        "donors for help.\n\nThe funds will buy blankets and fuel, the IFRC said."
    )
    entities = read_report("t", body)["entities"]
    assert [(e["name"], e["variants"]) for e in entities] == [
        (
            "International Federation of Red Cross and Red Crescent Societies",
            ["International Federation of Red Cross and Red Crescent Societies", "IFRC"],
        )
    ]


def test_a_bodys_name_runs_on_through_of_and_an_untagged_country_of_two_words():
    body = "Under the deal, the Energy Regulatory Commission of Sri Lanka (ERCSL) will raise tariffs by 8 per cent."
    assert entity_kinds(body) == {"Energy Regulatory Commission of Sri Lanka": "organisation"}


def test_a_bodys_name_cut_before_for_the_and_its_task_is_one_name():
    body = "The UN Office for the Coordination of Humanitarian Affairs (OCHA) said a wider plan would follow."
    assert entity_kinds(body) == {"UN Office for the Coordination of Humanitarian Affairs": "organisation"}


def test_a_firm_of_two_names_joined_by_an_ampersand_is_named_by_them_without_its_other_words():
    body = "Harlow & Finch Outdoor Inc. filed for bankruptcy on Monday. Harlow & Finch employs about 2,000 people."
    entities = read_report("t", body)["entities"]
    assert [(e["name"], e["variants"]) for e in entities] == [
        ("Harlow & Finch Outdoor Inc.", ["Harlow & Finch Outdoor Inc.", "Harlow & Finch"])
    ]


def test_a_party_named_by_its_members_plural_with_the_or_a_rank_word_is_an_organisation():
    kinds = entity_kinds(
        "The budget passed by 40 votes to 31, with the Liberal Democrats backing it and the "
        "Conservatives and the Greens voting against. The Tories said it was a tax grab."
    )
    for party in ("Liberal Democrats", "Conservatives", "Greens", "Tories"):
        assert kinds.get(party) == "organisation", party
    # untagged by the model, and opening the sentence
    kinds = entity_kinds("Nationals leader Dugald Frame said the swing would not last.")
    assert kinds.get("Nationals") == "organisation"
    kinds = entity_kinds("The by-election was called after Nationals MP Graham Peters resigned.")
    assert kinds.get("Nationals") == "organisation"


def test_democrats_and_republicans_and_a_plural_without_the_or_a_rank_word_are_no_party():
    kinds = entity_kinds(
        "Democrats blamed Republicans for the shutdown. Greens and Liberals in the crowd cheered."
    )
    assert not {"Democrats", "Republicans", "Greens", "Liberals"} & set(kinds)


def test_lib_dems_is_the_liberal_democrats():
    entities = read_report(
        "t", "The plan passed with the Liberal Democrats backing it. The Lib Dems said it was fair."
    )["entities"]
    parties = [e for e in entities if e["kind"] == "organisation"]
    assert [e["name"] for e in parties] == ["Liberal Democrats"]
    assert "Lib Dems" in parties[0]["variants"]


def test_a_titles_own_capitalised_the_inside_a_sentence_stays_in_the_name():
    kinds = entity_kinds(
        "The findings were published on Friday in The Lancet Respiratory Medicine, a journal."
    )
    assert kinds.get("The Lancet Respiratory Medicine") == "organisation"
    # the sentence's own opening "The" is no part of a name
    kinds = entity_kinds("The Lancet Respiratory Medicine published the findings on Friday.")
    assert kinds.get("Lancet Respiratory Medicine") == "organisation"


def test_a_journal_with_and_without_its_the_is_one_organisation_across_reports():
    summary = summary_of(
        "The study appeared in The Lancet Respiratory Medicine on Friday.",
        "Writing in the Lancet Respiratory Medicine, the team said the drug worked.",
    )
    shared = [item["name"] for item in summary["shared"] if item["kind"] == "organisation"]
    assert len(shared) == 1 and shared[0].endswith("Lancet Respiratory Medicine")


def test_a_short_form_keeping_a_small_word_in_lower_case_is_the_body_it_spells():
    kinds = entity_kinds("The DfE has put the cost at £1.2 billion. It will respond in due course.")
    assert kinds.get("DfE") == "organisation"
    entities = read_report(
        "t", "The appeal by the Department for Education failed. The DfE said it was disappointed."
    )["entities"]
    bodies = [e for e in entities if e["kind"] == "organisation"]
    assert [e["name"] for e in bodies] == ["Department for Education"]
    summary = summary_of(
        "The Department for Education lost its appeal on Tuesday.",
        "The DfE said it was disappointed by the ruling.",
    )
    assert [item["kind"] for item in summary["shared"]] == ["organisation"]
    # a degree is no body
    assert "PhD" not in entity_kinds("She has a PhD in physics from Leeds.")


def test_a_currency_code_before_its_figure_is_no_body():
    kinds = entity_kinds("Coop had agreed to pay NOK 3.9 billion for the business.")
    assert "NOK" not in kinds and kinds.get("Coop") == "organisation"


def test_an_industrys_nickname_is_no_body():
    kinds = entity_kinds(
        "It is the weight-loss jab that Big Pharma sells for a fortune. Big Pharma's favourite argument failed."
    )
    assert "Big Pharma" not in kinds


def test_parliament_named_alone_is_a_body_as_congress_is():
    kinds = entity_kinds("The judge, dissenting, said Parliament had drawn the line on purpose.")
    assert kinds.get("Parliament") == "organisation"
    kinds = entity_kinds("Crowds gathered in Parliament Square on Sunday.")
    assert kinds.get("Parliament Square") == "place" and "Parliament" not in kinds


def test_a_seat_of_government_that_speaks_for_it_is_a_body():
    body = (
        "Cheong Wa Dae expressed regret but said the two leaders had made progress. "
        "Trump met Moon Jae-in at Cheong Wa Dae on Sunday, Cheong Wa Dae said."
    )
    kinds = {e["name"]: e["kind"] for e in read_report("t", body)["entities"]}
    assert kinds["Cheong Wa Dae"] == "organisation"
    assert kinds["Moon Jae-in"] == "person"


def test_a_seat_of_government_speaks_its_quote_as_a_body():
    body = (
        "Seoul welcomed the talks.\n\nCheong Wa Dae expressed regret but stressed that the two "
        'leaders had made "more meaningful progress than at any time before."'
    )
    report = read_report("t", body)
    assert [(q["speaker"], q["speaker_kind"]) for q in report["quotes"]] == [
        ("Cheong Wa Dae", "organisation")
    ]


def test_a_body_named_in_its_own_language_is_no_person():
    kinds = entity_kinds("The Frente Amplio government is due to send a pension bill to parliament in March.")
    assert kinds.get("Frente Amplio") == "organisation"


def test_a_name_set_beside_a_body_noun_before_it_is_that_body_wherever_it_stands():
    body = (
        "Its deposits have been moved to a new “good bank”, Novo Minho, and the central bank "
        "insists that no customer will lose a cent. Customers can call Novo Minho’s helpline."
    )
    assert entity_kinds(body).get("Novo Minho") == "organisation"


def test_a_name_a_body_noun_is_to_be_called_is_that_body():
    body = (
        "The fund will inject €1.9 billion into the new bank, to be called Novo Minho, which will "
        "open its 118 branches as normal on Monday.\n\nCustomers can call Novo Minho’s helpline or "
        "visit any branch. Savers with Novo Minho’s cards can use them as before."
    )
    assert entity_kinds(body).get("Novo Minho") == "organisation"


def test_a_consultancy_named_by_its_trade_is_no_person():
    body = (
        "“The question is whether the hub can keep up,” said Priyanka Deshmane-Oduya, a consultant "
        "with Skytrack Advisory in Nairobi."
    )
    kinds = entity_kinds(body)
    assert kinds.get("Skytrack Advisory") == "organisation"
    assert kinds.get("Priyanka Deshmane-Oduya") == "person"


def test_an_office_named_by_two_words_before_minister_is_no_body():
    kinds = entity_kinds("Social Development Minister Lucía Zabala said the government would present a plan.")
    assert "Social Development" not in kinds
    assert kinds.get("Lucía Zabala") == "person"


def test_a_body_runs_on_to_the_capitals_in_brackets_that_spell_it_whole():
    kinds = entity_kinds(
        "Economists at the Economic Commission for Latin America and the Caribbean (ECLAC) have "
        "warned that growth will slow."
    )
    assert kinds.get("Economic Commission for Latin America and the Caribbean") == "organisation"
    assert "Caribbean" not in kinds and "Economic Commission for Latin America" not in kinds


def test_a_company_named_without_its_trade_is_no_place():
    body = (
        "Shares of Kestrix Robotics Inc. jumped 24% in their debut. The stock closed at $29.80, "
        "giving Kestrix a market value of about $11.7 billion."
    )
    kinds = entity_kinds(body)
    assert kinds == {"Kestrix Robotics Inc.": "organisation"}


def test_a_body_named_in_its_language_by_one_report_and_in_english_by_the_other_is_shared():
    a = "Novo Minho will open its branches on Monday, Banco de Portugal said in a statement."
    b = "The bank was taken over by the Bank of Portugal at the weekend."
    shared = summary_of(a, b)
    names = {item["name"] for item in shared["shared"] if item["kind"] == "organisation"}
    assert names & {"Banco de Portugal", "Bank of Portugal"}


def test_an_officers_office_the_model_cut_at_a_possessive_is_named_whole():
    kinds = entity_kinds(
        "Circuit Judge Lorraine B. Whitcombe granted a joint motion from the defense and the Baltimore "
        "City State’s Attorney’s Office on Tuesday. State’s Attorney Marcus D. Ellery said his office "
        "would not retry the case."
    )
    assert kinds.get("Baltimore City State’s Attorney’s Office") == "organisation"
    assert "Baltimore City State" not in kinds and "State" not in kinds


def test_a_company_and_its_group_are_one_body_in_one_report():
    body = (
        "Ethiopian Airlines Group has firmed an order for 20 jets. "
        "Ethiopian Airlines carried 17.1 million passengers last year."
    )
    bodies = [e["name"] for e in read_report("t", body)["entities"] if e["kind"] == "organisation"]
    assert bodies == ["Ethiopian Airlines Group"]


def test_a_body_carrying_its_place_between_commas_is_one_name():
    kinds = entity_kinds(
        "“It is a modest effect,” said Hamid Farrokhzad, a geriatrician at the University of "
        "California, San Francisco, who was not involved in the research."
    )
    assert kinds.get("University of California, San Francisco") == "organisation"
    assert "San Francisco" not in kinds


def test_an_unknown_name_the_model_calls_a_place_that_speaks_is_a_body():
    body = (
        "Earthjustice, which sued to block the sale, called the cancellation “a victory for the "
        "Gulf and for the planet.”"
    )
    assert entity_kinds(body).get("Earthjustice") == "organisation"
    assert read_report("t", body)["quotes"][0]["speaker"] == "Earthjustice"


def test_a_bodys_word_and_and_after_the_open_the_name_the_model_began_later():
    kinds = entity_kinds("The Police and Border Guard Board did not name the captain of the tanker.")
    assert kinds.get("Police and Border Guard Board") == "organisation"


def test_the_house_named_after_the_white_house_is_the_legislatures_chamber_not_the_white_house():
    body = (
        "The White House said the president would sign the bill. The House approved it 241-189 on "
        "Friday, a day after the Senate voted."
    )
    entities = read_report("t", body)["entities"]
    assert {e["name"]: e["variants"] for e in entities if e["kind"] == "organisation"} == {
        "White House": ["White House"],
        "House": ["House"],
        "Senate": ["Senate"],
    }


def test_the_house_and_the_house_of_representatives_are_one_body_named_by_both():
    summary = summary_of(
        "The House of Representatives passed the bill on Tuesday by 271 votes to 155.",
        "The House passed the bill on Tuesday, 271-155.",
    )
    assert [e["name"] for e in summary["shared"] if e["kind"] == "organisation"] == [
        "House of Representatives"
    ]


def test_a_party_nickname_describing_a_noun_is_no_body_but_the_party_alone_is():
    assert "GOP" not in entity_kinds('"It is a trap," one GOP lawmaker said on Monday.')
    assert "GOP" not in entity_kinds("The phrase has become GOP shorthand for cutting the budget.")
    assert entity_kinds("The GOP won the seat by 4,000 votes on Tuesday.").get("GOP") == "organisation"


def test_a_name_the_model_runs_into_a_share_of_the_vote_is_the_person_named():
    kinds = entity_kinds(
        "Gov. Maria Delacroix denied the charges on Friday. "
        "Voters gave Delacroix 61% of the vote when they re-elected her in 2022."
    )
    assert kinds == {"Maria Delacroix": "person"}


def test_residents_of_a_town_who_speak_are_people_not_a_body():
    kinds = entity_kinds(
        "Alabama has not seen a storm this deadly since 2011. Residents of Corbin told local "
        "reporters that the warning sirens in parts of town failed."
    )
    assert not any(kind == "organisation" for kind in kinds.values())


def test_a_retired_marine_said_of_someone_is_a_member_not_a_body():
    kinds = entity_kinds("Landry, 58, is a former sheriff of Terrebonne Parish and a retired Marine.")
    assert "Marine" not in kinds


def test_a_surname_owning_a_department_is_cut_off_the_departments_name():
    doc = nlp()("President Daniel Okonjo nominated her. She was investigated by Okonjo's Justice Department.")
    owner = next(t.i for t in doc if t.text == "Okonjo" and t.i > 3)
    # the model tagged "Daniel Okonjo" as someone; the span it might take whole as a body
    assert any(e.label_ == "PERSON" and e.text == "Daniel Okonjo" for e in doc.ents)
    assert person_possessor(doc, owner, owner + 4, get_language("en")) == owner + 1
    # a word that is no one's surname in the report owns nothing: "Acme's Justice Department"
    other = nlp()("She was investigated by Acme's Justice Department.")
    start = next(t.i for t in other if t.text == "Acme")
    assert person_possessor(other, start, start + 4, get_language("en")) is None


def test_a_departments_section_is_two_bodies():
    kinds = entity_kinds(
        "The case was brought by the Justice Department’s Public Integrity Section, which said "
        "in a statement that the inquiry began in 2023."
    )
    assert kinds == {"Justice Department": "organisation", "Public Integrity Section": "organisation"}


def test_a_court_of_appeals_for_a_circuit_is_one_court():
    kinds = entity_kinds(
        "The U.S. Court of Appeals for the Ninth Circuit had ruled for the challengers last year."
    )
    assert kinds == {"U.S. Court of Appeals for the Ninth Circuit": "organisation"}


def test_a_party_word_opening_a_sentence_opens_the_committees_name_the_model_began_later():
    doc = nlp()("Republican National Committee chair Alma Reyes praised the state Republican Party.")
    party = next(t.i for t in doc if t.text == "Republican" and t.i > 0)
    # the model's cut ("National Committee"), and the party named inside the sentence
    doc.ents = [Span(doc, 1, 3, "ORG"), Span(doc, party, party + 2, "ORG")]
    assert untagged_lead(doc, 1, 3, get_language("en")) == 0
    # a word the report names nothing with inside a sentence stays out ("Rival Target Corp")
    doc = nlp()("Rival Target Corp said sales fell. The retailer cut prices.")
    doc.ents = [Span(doc, 1, 3, "ORG")]
    assert untagged_lead(doc, 1, 3, get_language("en")) == 1


def test_an_officers_office_is_one_body_with_the_district_it_serves():
    kinds = entity_kinds(
        "The case was brought by the U.S. Attorney’s Office for the Middle District of Louisiana "
        "and the FBI. The records came from the Bernalillo County Clerk's Office on Monday."
    )
    assert kinds == {
        "U.S. Attorney’s Office for the Middle District of Louisiana": "organisation",
        "FBI": "organisation",
        "Bernalillo County Clerk's Office": "organisation",
    }
    # someone's office is not an officer's: no body named "May's Office"
    assert "May's Office" not in entity_kinds(
        "Prime Minister Theresa May spoke. Theresa May's Office said no."
    )


def test_a_bodys_name_runs_on_through_its_remit_after_for_or_on_the_but_not_into_a_day():
    kinds = entity_kinds(
        "Mexico's health regulator, the Federal Commission for the Protection against Sanitary Risks, "
        "approved it. A ruling by the Reviewing Committee on the Export of Works of Art could take months."
    )
    assert kinds.get("Federal Commission for the Protection against Sanitary Risks") == "organisation"
    assert kinds.get("Reviewing Committee on the Export of Works of Art") == "organisation"
    assert "Federal Commission" not in kinds and "Reviewing Committee" not in kinds
    assert "Judiciary Committee" in entity_kinds("The Judiciary Committee on Monday approved the bill.")


def test_a_bodys_name_runs_on_through_a_list_of_words_closed_by_and():
    kinds = entity_kinds(
        "The White House said agents from the Bureau of Alcohol, Tobacco, Firearms and Explosives were helping."
    )
    assert kinds.get("Bureau of Alcohol, Tobacco, Firearms and Explosives") == "organisation"


def test_state_before_a_legislators_title_names_no_body():
    kinds = entity_kinds(
        "Kowalczyk, 58, defeated State Senator Neil A. Prescott by 51.3 percent to 48.7 percent."
    )
    assert "State" not in kinds
    assert kinds.get("Neil A. Prescott") == "person"


def test_a_word_in_brackets_after_a_bodys_name_with_a_body_word_inside_it_is_its_short_name():
    body = (
        "Mexico's health regulator, the Federal Commission for the Protection against Sanitary Risks "
        "(Cofepris), approved the drug on Monday. Cofepris said the copies were safe."
    )
    bodies = [e for e in read_report("t", body)["entities"] if e["kind"] == "organisation"]
    assert len(bodies) == 1
    assert bodies[0]["name"] == "Federal Commission for the Protection against Sanitary Risks"
    assert "Cofepris" in bodies[0]["variants"]
