"""Places the small model misses or mistypes, and names that are neither places nor bodies."""

from articles.compare.compare import compare_analyses
from articles.reading import read_report
from articles.reading.kinds import kind_by_shape
from articles.reading.lang import get_language


def entity_kinds(body: str) -> dict[str, str]:
    return {e["name"]: e["kind"] for e in read_report("t", body)["entities"]}


def shared_names(body_a: str, body_b: str) -> set[str]:
    entities = compare_analyses(read_report("a", body_a), read_report("b", body_b))["entities"]
    return {e["name"] for e in entities["shared"]}


def test_a_country_the_model_calls_a_person_is_a_place():
    kinds = entity_kinds(
        "The forum's members range from Canada, with 38 million people, to Niue, with fewer than 2,000."
    )
    assert kinds.get("Niue") == "place"


def test_a_country_inside_a_longer_name_is_not_listed_as_a_place():
    kinds = entity_kinds("Kenya Airways said flights to the Bank of Japan's offices were running.")
    assert kinds.get("Kenya Airways") == "organisation"
    assert "Kenya" not in kinds and "Japan" not in kinds


def test_a_word_with_a_place_joined_after_it_by_and_is_a_place_too():
    kinds = entity_kinds(
        "The increase would fall hardest on riders in areas such as Ardwick and Salford, where workers commute."
    )
    assert kinds.get("Ardwick") == "place"
    assert kinds.get("Salford") == "place"


def test_indexes_and_benchmarks_are_not_listed_as_bodies():
    kinds = entity_kinds(
        "Brent crude rose 3 per cent on Monday. Traders expect Brent to climb further. "
        "Hong Kong's Hang Seng Index fell, and the FTSE 100 closed down 1.2 per cent."
    )
    assert "Brent" not in kinds
    assert "Hang Seng Index" not in kinds and "Hang Seng" not in kinds
    assert "FTSE" not in kinds and "FTSE 100" not in kinds
    assert kinds.get("Hong Kong") == "place"


def test_a_maker_before_a_model_number_is_no_mention_of_the_maker_but_an_operator_is():
    kinds = entity_kinds("The crew of the Boeing 787 reported a fault over the Atlantic.")
    assert "Boeing" not in kinds
    kinds = entity_kinds(
        "The crew of the Boeing 787 reported a fault. Boeing said it would help. "
        "Last year a Lion Air 737 made an emergency landing in Bali."
    )
    assert kinds.get("Boeing") == "organisation"
    assert kinds.get("Lion Air") == "organisation"


def test_an_airport_named_with_and_without_airport_is_one_place_across_reports():
    shared = shared_names(
        "The flight left London's Luton Airport at noon on Friday.",
        "The jet took off from Luton at noon on Friday, bound for Rome.",
    )
    assert shared & {"Luton Airport", "Luton"}


def test_a_town_and_its_airport_stay_two_places_in_one_report():
    from articles.reading.identity import same_entity
    from articles.reading.lang import get_language

    lang = get_language("en")
    town, airport = {"name": "Shannon", "kind": "place"}, {"name": "Shannon Airport", "kind": "place"}
    assert not same_entity(town, airport, lang)
    assert same_entity(town, airport, lang, across=True)


def test_an_untagged_word_joined_to_a_place_by_and_is_a_place():
    kinds = entity_kinds("Patients were taken to Wakefield and Pontefract on Monday.")
    assert kinds.get("Wakefield") == kinds.get("Pontefract") == "place"


def test_a_name_ending_as_places_do_joined_to_a_place_is_a_place_but_a_named_man_is_not():
    kinds = entity_kinds("Homes in Ludlow and Mill Heights were flooded.")
    assert kinds.get("Mill Heights") == "place"
    kinds = entity_kinds("Fans in Leeds and Harry Hill laughed.")
    assert kinds.get("Harry Hill") == "person"


def test_dotted_capitals_are_the_place_of_the_report_whose_initials_they_spell():
    body = (
        "Fires burned across Western Australia on Sunday. Crews in W.A. asked residents near Perth to leave."
    )
    places = [e for e in read_report("t", body)["entities"] if e["kind"] == "place"]
    state = [e for e in places if e["name"] == "Western Australia"]
    assert len(state) == 1 and "W.A." in state[0]["variants"]
    assert not any(e["name"] == "W.A." for e in places)


def test_an_airport_named_without_its_city_in_the_other_report_is_one_place():
    a = "Flights were held at Denver Stapleton International Airport after the storm."
    b = "Planes sat on the ground at Stapleton for six hours after the storm."
    assert "Denver Stapleton International Airport" in shared_names(a, b)


def test_a_shouted_town_before_the_agency_in_brackets_is_a_place_though_the_model_missed_it():
    kinds = entity_kinds("DODOMA (Lakeside Wire) — Talks resumed on Monday between the two sides.")
    assert kinds.get("DODOMA") == "place"


def test_a_dateline_place_is_named_as_the_reports_sentences_write_it():
    kinds = entity_kinds(
        "KAMPALA (Lakeside Wire) — Talks resumed in Kampala on Monday between the two sides."
    )
    assert kinds.get("Kampala") == "place"
    assert "KAMPALA" not in kinds


def test_a_town_someone_goes_to_is_a_place():
    assert (
        entity_kinds("The two leaders then flew to Bratislava for a second round of talks.").get("Bratislava")
        == "place"
    )


def test_a_lower_case_compass_word_is_no_part_of_a_places_name():
    kinds = entity_kinds("The new line will run through west Nairobi and east Nairobi.")
    assert kinds.get("Nairobi") == "place"
    assert "west Nairobi" not in kinds


def test_a_town_before_a_plant_is_the_place_of_the_plant():
    kinds = entity_kinds("Drones hit the Ras Tanura refinery and the Abqaiq plant before dawn.")
    assert kinds.get("Abqaiq") == "place"


def test_peoples_listed_with_peoples_are_neither_places_nor_bodies():
    kinds = entity_kinds(
        "Most of the victims were Danes, Germans, Poles, Swedes and Britons, officials said."
    )
    assert not {"Danes", "Britons", "Swedes"} & set(kinds)


def test_a_town_before_a_noun_for_its_residents_is_a_place():
    kinds = entity_kinds("Struggling Edinburgh households face a bigger water bill after Thursday's vote.")
    assert kinds.get("Edinburgh") == "place"


def test_a_wharf_a_creek_and_a_station_are_places():
    kinds = entity_kinds(
        "Fruit worth millions sat in containers at Fenwick Wharf. "
        "The fire destroyed homes in Otter Creek on Wednesday. "
        "The train derailed as it approached Halden Station."
    )
    for name in ("Fenwick Wharf", "Otter Creek", "Halden Station"):
        assert kinds.get(name) == "place", name


def test_a_canadian_province_written_short_is_the_province_across_reports():
    assert "British Columbia" in shared_names(
        "Crews fought a wildfire in British Columbia on Thursday.",
        "A wildfire in B.C. forced hundreds from their homes on Thursday.",
    ) or "B.C." in shared_names(
        "Crews fought a wildfire in British Columbia on Thursday.",
        "A wildfire in B.C. forced hundreds from their homes on Thursday.",
    )


def test_an_interstate_keeps_its_number_and_its_short_form_is_the_same_road():
    kinds = entity_kinds("The truck struck her car in a work zone on Interstate 75 on Tuesday.")
    assert kinds.get("Interstate 75") == "place"
    assert "Interstate" not in kinds
    assert "Interstate 75" in shared_names(
        "The truck struck her car in a work zone on Interstate 75 on Tuesday.",
        "The state had botched the warning signs on I-75, the company said.",
    )


def test_a_known_town_before_a_colon_opening_a_report_is_its_dateline_place():
    kinds = entity_kinds("Pune: Tata Motors on Monday announced a new plant for electric buses.")
    assert kinds.get("Pune") == "place"


def test_a_place_one_report_names_is_found_in_the_other_reports_shouted_dateline():
    assert "Pune" in shared_names(
        "Pune: The carmaker on Monday announced a new plant for electric buses.",
        "PUNE, India (Meridian Wire) — The carmaker said on Monday it would build a plant.",
    )


def test_a_field_of_government_before_a_country_is_a_department_not_the_country():
    kinds = entity_kinds("Environment Canada is forecasting winds gusting to 50 km/h on Friday.")
    assert kinds.get("Environment Canada") == "organisation"
    assert "Canada" not in kinds


def test_an_untagged_town_of_two_words_after_in_is_a_place():
    kinds = entity_kinds("Hundreds of evacuees had registered at the community hall in Moose Jaw by Friday.")
    assert kinds.get("Moose Jaw") == "place"


def test_a_name_at_one_end_of_a_stretch_from_a_place_is_a_place_too():
    kinds = entity_kinds(
        "About a million people live in the districts where the traps were set, from Vila Serrana "
        "in the north of the state to Sao Paulo in the west."
    )
    assert kinds.get("Vila Serrana") == "place"
    assert kinds.get("Sao Paulo") == "place"


def test_a_name_the_model_calls_a_people_after_from_or_in_is_a_place():
    assert entity_kinds("Passengers from Cornwall were stranded.").get("Cornwall") == "place"
    assert entity_kinds("Passengers from Abkhazia were stranded.").get("Abkhazia") == "place"
    # a body the model calls a people stays a body
    assert entity_kinds("Funding from the European Union was cut.") == {"European Union": "organisation"}
    assert entity_kinds("Engineers from General Electric came.") == {"General Electric": "organisation"}


def test_a_town_the_model_tagged_before_a_colon_opening_a_report_is_its_dateline_place():
    assert entity_kinds("Dubai: Emaar said on Monday it would build a tower.").get("Dubai") == "place"


def test_a_name_ending_in_port_is_a_place_not_a_person():
    kinds = entity_kinds("Goods pass through Jebel Ali and Fujairah Port each week.")
    assert kinds.get("Fujairah Port") == "place"


def test_the_emirates_and_an_australian_state_written_short_are_the_places_written_in_full():
    shared = shared_names(
        "Exports from the United Arab Emirates rose, and fires burned across Western Australia.",
        "The UAE's exports rose. Fires burned across WA's south as crews fought them.",
    )
    assert {"United Arab Emirates", "Western Australia"} <= shared


def test_a_highway_written_hwy_in_one_report_is_the_highway_of_the_other():
    shared = shared_names(
        "Crews held the fire at the Albany Highway overnight.",
        "Crews held the fire at the Albany Hwy near Kojonup.",
    )
    assert shared & {"Albany Highway", "Albany Hwy"}


def test_two_words_opening_with_no_first_name_joined_by_and_to_a_place_are_a_place():
    kinds = entity_kinds("Crews downgraded the alert for Kojonup and Nannup Brook, but the fire is burning.")
    assert kinds.get("Nannup Brook") == "place"
    # two words the model took for a body's name stay a body
    kinds = entity_kinds("Trade between Britain and the European Union fell.")
    assert kinds.get("European Union") == "organisation"


def test_an_untagged_name_before_a_division_word_in_title_case_is_a_place():
    kinds = entity_kinds("Aomori Prefecture has long had high rates of stroke.")
    assert kinds.get("Aomori Prefecture") == "place"
    assert entity_kinds("Aomori Prefecture Police said the road was shut.") == {
        "Aomori Prefecture Police": "organisation"
    }


def test_a_word_that_alone_names_no_place_beside_a_clubs_name_it_opens_is_the_club():
    kinds = entity_kinds(
        "Lake Shore Athletic beat Dunmore Rovers 2-1 on Sunday. Dunmore led until Lake equalised after River failed to clear."
    )
    assert "Lake" not in kinds
    assert kinds.get("Lake Shore Athletic") == "organisation"


def test_a_councils_numbered_district_is_a_place():
    kinds = entity_kinds("Turnout in the District 4 race was low, and Ward 12 voters stayed home.")
    assert kinds.get("District 4") == "place"
    assert kinds.get("Ward 12") == "place"


def test_a_quotes_capitalised_first_word_named_nowhere_else_is_no_place():
    # The small model tags such a word as a town only in some contexts (heldout6 had one), so
    # the rule is asked directly: a quote's first word that no list or gazetteer knows is as
    # likely a common word; a known place there stays a place.
    from articles.reading.lang import get_language
    from articles.reading.models import nlp
    from articles.reading.not_names import opens_a_quote

    lang = get_language("en")
    doc = nlp()('Rana Aziz spoke. "Scale is everything," Aziz said. "Gaza is burning," she said.')
    scale, gaza = (next(t.i for t in doc if t.text == word) for word in ("Scale", "Gaza"))
    assert opens_a_quote(doc, scale, scale + 1, lang)
    assert not opens_a_quote(doc, gaza, gaza + 1, lang)
    assert not opens_a_quote(doc, 0, 1, lang)  # no quotation mark before it
    assert entity_kinds('Rana Aziz spoke. "Gaza is burning," Aziz said.').get("Gaza") == "place"


def test_a_name_right_after_a_quotes_closing_mark_is_not_a_quotes_first_word():
    from articles.reading.lang import get_language
    from articles.reading.models import nlp
    from articles.reading.not_names import opens_a_quote

    doc = nlp()('"We are safe," Yallingup residents said.')
    name = next(t.i for t in doc if t.text == "Yallingup")
    assert not opens_a_quote(doc, name, name + 1, get_language("en"))


def test_a_state_and_the_river_named_after_it_are_two_places_in_one_report():
    kinds = entity_kinds(
        "Floods have displaced 40,000 people in Pahang. The Pahang River burst its banks at Temerloh on Sunday."
    )
    assert kinds.get("Pahang") == "place"
    assert kinds.get("Pahang River") == "place"


def test_a_name_before_based_is_where_a_body_is_based():
    assert entity_kinds("The Wrocław-based firm said the fault lay in a pin.") == {"Wrocław": "place"}


def test_a_place_written_with_a_letter_english_copy_drops_is_named_by_both():
    assert shared_names(
        "The factory in Łódź employs 300 people, the company said.",
        "The factory in Lodz employs 300 people, the company said.",
    ) == {"Łódź"}


def test_a_town_after_from_nearby_is_a_place_though_the_model_calls_it_a_person():
    kinds = entity_kinds('"The river is our life," said Ana Sofía Gil, a fisherwoman from nearby Sogamoso.')
    assert kinds.get("Sogamoso") == "place"


def test_a_town_goods_pass_through_is_a_place_though_the_model_calls_it_a_body():
    kinds = entity_kinds(
        "Colombia's gas reserves have fallen, and the country began importing liquefied natural gas "
        "through Barranquilla in 2024."
    )
    assert kinds.get("Barranquilla") == "place"


def test_a_settlement_or_landform_noun_set_beside_a_name_makes_it_a_place():
    for body, name in (
        (
            "The main road to Tosontsengel, the largest town in the valley, was reopened on Tuesday.",
            "Tosontsengel",
        ),
        (
            "Supplies reached the main square of Bayantal, the capital of the district, only on Friday.",
            "Bayantal",
        ),
        ("The ash cloud from Grímsfell, the volcano beneath the ice cap, reached 9 km.", "Grímsfell"),
    ):
        assert entity_kinds(body).get(name) == "place", body


def test_a_name_modifying_a_landform_noun_is_a_place():
    assert (
        entity_kinds("Meltwater poured from beneath the Mýrdalsjökull glacier on Tuesday.").get(
            "Mýrdalsjökull"
        )
        == "place"
    )
    assert entity_kinds("Ash fell on the Reykjanes peninsula overnight.").get("Reykjanes") == "place"


def test_a_climb_after_over_the_or_on_the_is_a_place_not_a_person():
    kinds = entity_kinds("He led the chase over the Taaienberg but never got closer than ten seconds.")
    assert kinds.get("Taaienberg") == "place"


def test_a_town_spelt_in_two_languages_is_one_place_across_reports():
    shared = shared_names(
        "Thousands of fans lined the route from Cologne on Sunday.",
        "Some 10,000 spectators watched the start in Köln, police said.",
    )
    assert shared == {"Cologne"}


def test_a_name_opening_with_river_lake_or_mount_is_a_feature_whatever_the_model_labelled_it():
    from articles.reading.lang import get_language
    from articles.reading.models import nlp
    from articles.reading.not_names import opens_with_a_feature

    lang = get_language("en")
    doc = nlp()("Waste poured into the River Ribble, past Lake Tana and the Ribble Valley Authority.")
    assert opens_with_a_feature(doc[3:6], lang)  # "the River Ribble", a law to the model on real text
    assert opens_with_a_feature(doc[8:10], lang)  # "Lake Tana"
    assert not opens_with_a_feature(doc[11:15], lang)  # "the Ribble Valley Authority"


def test_a_stage_race_is_no_place_nor_body():
    assert (
        entity_kinds("She finished second at the Tour of Flanders on Sunday, her best result of the spring.")
        == {}
    )


def test_a_name_before_a_border_checkpoint_or_a_market_is_a_place():
    kinds = entity_kinds(
        "Traders at Talat Thai market said sales had halved during the closure. "
        "Lorries queued at the Ban Pakard checkpoint for two days."
    )
    assert kinds.get("Talat Thai") == "place"
    assert kinds.get("Ban Pakard") == "place"
    kinds = entity_kinds(
        "Lorries queued at the Ban Laem checkpoint for two days, and traders at Rong Kluea market said "
        "sales had halved."
    )
    assert kinds.get("Rong Kluea") == "place"


def test_two_towns_joined_by_a_hyphen_before_a_route_noun_are_two_places():
    kinds = entity_kinds(
        "The Aranyaprathet-Poipet border crossing reopened on Monday after a month of repairs."
    )
    assert kinds.get("Aranyaprathet") == "place"
    assert kinds.get("Poipet") == "place"
    assert "Aranyaprathet-Poipet" not in kinds


def test_a_dateline_in_capitals_before_a_dash_names_a_town_the_gazetteer_knows():
    kinds = entity_kinds(
        "TUNIS – The government announced a new budget on Monday, cutting fuel subsidies by a fifth."
    )
    assert kinds.get("TUNIS") == "place"


def test_a_name_before_province_in_lower_case_is_a_place():
    kinds = entity_kinds(
        "Carriers diverted through the Ban Hat Lek crossing in Trat province, forwarders said."
    )
    assert kinds.get("Trat") == "place"


def test_a_name_before_airport_in_lower_case_or_spaceport_is_a_place():
    kinds = entity_kinds("The route includes new stations at Fes and Hassan II airport, the operator said.")
    assert kinds.get("Hassan II") == "place"
    kinds = entity_kinds(
        "The launch from Sutherland Spaceport was delayed. Crowds gathered to watch the rocket at "
        "Sutherland Spaceport on Saturday."
    )
    assert kinds.get("Sutherland Spaceport") == "place"


def test_a_name_ending_in_ness_the_model_calls_a_body_is_a_headland():
    kinds = entity_kinds("The Aurion Space Systems vehicle left the Lamba Ness pad at 11.02am.")
    assert kinds.get("Lamba Ness") == "place"


def test_a_lone_word_a_mention_places_and_nothing_makes_someone_is_a_place_wherever_it_stands():
    kinds = entity_kinds(
        "Power was cut and passengers were led on foot to the Rosslyn station. Trains are not running "
        "between Foggy Bottom and Rosslyn tonight. The Rosslyn station reopened at 7:30 p.m."
    )
    assert kinds.get("Rosslyn") == "place"
    kinds = entity_kinds(
        "About 300 passengers walked through the tunnel to Rosslyn. The manager told reporters at Rosslyn "
        "that the operator had followed procedure. The Rosslyn station was closed until about 7:30 p.m."
    )
    assert kinds.get("Rosslyn") == "place"


def test_one_word_the_model_calls_a_person_before_an_area_or_landform_noun_is_a_place():
    kinds = entity_kinds("The bus left the road near La Oroya, in the Junín region, police said.")
    assert kinds.get("Junín") == "place"
    kinds = entity_kinds("Flood water spread across the Mýrdalssandur plain, washing away a road.")
    assert kinds.get("Mýrdalssandur") == "place"
    # a first name before the noun is left alone: "the Simon district" may be someone's
    kinds = entity_kinds("Voters in the Simon district backed her.")
    assert kinds.get("Simon") != "place"


def test_a_span_across_a_place_a_comma_and_a_persons_name_is_the_place_and_the_person():
    kinds = entity_kinds(
        "The regional health director in Junin, Julio Quispe, said two children were among the dead."
    )
    assert kinds.get("Junin") == "place"
    assert kinds.get("Julio Quispe") == "person"
    kinds = entity_kinds("He moved to Paris, Texas, in 1990 and opened a diner.")
    assert kinds.get("Paris") == "place" and kinds.get("Texas") == "place"


def test_where_a_ship_sails_calls_or_berths_is_a_place_wherever_the_report_names_it():
    kinds = entity_kinds(
        "The MV Loch Ruadh, which sails between Lochboisdale and Mallaig, was withdrawn. "
        "Lochboisdale's ferry link with the mainland is cut. No other vessel was able to berth at Lochboisdale."
    )
    assert kinds.get("Lochboisdale") == "place" and kinds.get("Mallaig") == "place"
    kinds = entity_kinds(
        "The cap limits cruise passengers allowed ashore on Santorini at 8,000 a day. That means fewer "
        "itineraries calling at Santorini. The mayor said Santorini had been asking for this."
    )
    assert kinds.get("Santorini") == "place"
    # moving to a firm or selling to one is no voyage
    kinds = entity_kinds("He moved to Google in 2019 and sold his shares to Apple.")
    assert kinds.get("Google") == "organisation" and kinds.get("Apple") == "organisation"


def test_the_town_after_someones_age_and_of_or_from_is_a_place():
    kinds = entity_kinds("The man, identified as Marlon T. Ashby, 34, of Whitehall, was struck three times.")
    assert kinds.get("Whitehall") == "place"
    kinds = entity_kinds("Crane operator Sibusiso Khumalo, 44, from Umlazi, joined hundreds of strikers.")
    assert kinds.get("Umlazi") == "place"
    # a firm after the age is the firm
    kinds = entity_kinds("Jane Doe, 51, of Acme Holdings, said no.")
    assert kinds.get("Acme Holdings") == "organisation"


def test_an_untagged_word_listed_between_places_is_a_place_whatever_head_the_parse_gives_it():
    kinds = entity_kinds(
        "The cost of a residents' parking permit in Morningside, Marchmont and Bruntsfield will go up."
    )
    assert kinds.get("Marchmont") == "place" and kinds.get("Bruntsfield") == "place"


def test_the_country_of_a_courts_judges_title_or_courthouse_is_not_listed_apart():
    kinds = entity_kinds(
        "U.S. District Judge Adaeze M. Holloway, who sentenced him, said the theft was grave."
    )
    assert "U.S." not in kinds and kinds.get("Adaeze M. Holloway") == "person"
    kinds = entity_kinds("The sentence was handed down at the Joseph F. Weis Jr. U.S. Courthouse on Friday.")
    assert "U.S." not in kinds
    # the country before a shop or a governor's title is still a place
    kinds = entity_kinds("U.S. stores sold more, and Texas Governor Greg Abbott spoke.")
    assert kinds.get("U.S.") == "place" and kinds.get("Texas") == "place"


def test_a_county_before_a_word_for_who_lives_or_farms_there_is_a_place():
    kinds = entity_kinds(
        "The painting hung for decades above a fireplace in a Northumberland farmhouse before it was sold."
    )
    assert kinds.get("Northumberland") == "place"


def test_a_street_a_body_owns_is_the_street_not_part_of_the_bodys_name():
    kinds = entity_kinds("Four telephone bidders competed in Christie’s King Street saleroom for 14 minutes.")
    assert kinds.get("King Street") == "place"
    assert "Christie’s King Street" not in kinds


def test_an_airport_named_after_its_city_runs_on_from_the_city_the_model_tagged():
    kinds = entity_kinds(
        "The deal was signed at the headquarters beside Addis Ababa Bole International Airport on Monday."
    )
    assert kinds.get("Addis Ababa Bole International Airport") == "place"
    assert "Addis Ababa" not in kinds


def test_a_town_the_model_calls_a_date_or_a_product_is_a_place_where_places_stand():
    kinds = entity_kinds(
        "“The decisions we take will define the century,” she told a news conference in Montevideo."
    )
    assert kinds.get("Montevideo") == "place"


def test_a_citys_quarter_is_a_place():
    # the model's label on "the Jewellery Quarter" changes with the text around it (a body, a
    # date), so the shape rule is asked directly
    lang = get_language("en")
    assert kind_by_shape(["Jewellery", "Quarter"], "organisation", lang) == "place"
    assert kind_by_shape(["Latin", "Quarter"], "organisation", lang) == "place"


def test_a_lawmakers_party_and_state_tag_names_the_state():
    kinds = entity_kinds(
        "Sen. Nadia Solberg (D-Ore.) and Rep. Bruce Hallorann, R-Utah, voted against the bill."
    )
    assert kinds.get("Ore.") == "place"
    assert kinds.get("Utah") == "place"
    # the abbreviation and the state's name are one place across two reports
    assert shared_names(
        "Sen. Nadia Solberg (D-Ore.) voted against the bill on Thursday.",
        "Oregon's senior senator, Nadia Solberg, opposed the measure.",
    ) == {"Nadia Solberg", "Ore."}


def test_a_venue_named_after_someone_or_an_office_is_one_place():
    kinds = entity_kinds(
        "The Loretta Lynn Birthplace, one of the county's best-known attractions, was not damaged. "
        "The governor spoke on the steps of the Governor's Mansion on Thursday."
    )
    assert kinds.get("Loretta Lynn Birthplace") == "place"
    assert kinds.get("Governor's Mansion") == "place"
    assert "Mansion" not in kinds and "Loretta Lynn" not in kinds


def test_a_louisiana_parish_is_a_place_named_whole():
    assert entity_kinds("He grew up in Vermilion Parish, where his father farmed rice.") == {
        "Vermilion Parish": "place"
    }


def test_a_name_after_the_of_of_a_town_is_that_town_though_the_model_calls_it_a_body():
    kinds = entity_kinds(
        "The fire broke out Saturday afternoon near the tiny mountain town of Jamestown, officials said."
    )
    assert kinds.get("Jamestown") == "place"


def test_a_county_and_the_town_it_is_named_after_are_two_places_in_one_report_but_a_county_alone_is_one():
    body = (
        "A wildfire tore through the foothills of Boulder County on Sunday. "
        "Shelters opened at a church in Boulder, officials said."
    )
    places = {e["name"] for e in read_report("t", body)["entities"] if e["kind"] == "place"}
    assert {"Boulder County", "Boulder"} <= places
    from articles.reading.identity import same_entity

    lang = get_language("en")
    county, bare = {"name": "Broward County", "kind": "place"}, {"name": "Broward", "kind": "place"}
    assert same_entity(county, bare, lang)
    # across two reports one outlet's "Boulder" may be the other's "Boulder County"
    county, town = {"name": "Boulder County", "kind": "place"}, {"name": "Boulder", "kind": "place"}
    assert not same_entity(county, town, lang)
    assert same_entity(county, town, lang, across=True)
    # a province is called by its bare name ("Bắc Ninh is committed")
    assert same_entity(
        {"name": "Akita Prefecture", "kind": "place"}, {"name": "Akita", "kind": "place"}, lang
    )


def test_a_name_ending_in_arena_is_a_venue_though_the_model_calls_it_someone():
    kinds = entity_kinds(
        "Speaking for more than an hour at Van Andel Arena, Mr. Ashby told a crowd of about 6,000 "
        "that the count was rigged."
    )
    assert kinds.get("Van Andel Arena") == "place"


def test_a_two_word_place_without_its_sponsors_or_adjectives_word_is_one_place_across_reports():
    from articles.reading.identity import same_entity

    lang = get_language("en")
    place = lambda name: {"name": name, "kind": "place"}  # noqa: E731
    assert same_entity(place("Scotiabank Saddledome"), place("Saddledome"), lang, across=True)
    assert same_entity(place("Oude Kwaremont"), place("Kwaremont"), lang, across=True)
    assert not same_entity(place("Scotiabank Saddledome"), place("Saddledome"), lang)
    assert not same_entity(place("Greater Manchester"), place("Manchester"), lang, across=True)
    assert not same_entity(place("South Korea"), place("Korea"), lang, across=True)
