"""Who is listed as a person: names the small model calls people that are places, groups, storms
or causes, and names it cuts short."""

from articles.compare.compare import compare_analyses
from articles.reading import read_report


def people(body: str) -> set[str]:
    return {e["name"] for e in read_report("t", body)["entities"] if e["kind"] == "person"}


def kinds(body: str) -> dict[str, str]:
    return {e["name"]: e["kind"] for e in read_report("t", body)["entities"]}


def test_a_lone_word_never_titled_nor_acting_is_no_person_however_often_it_is_written():
    body = (
        "MPs rejected the Brexit deal on Tuesday. Traders watched each Brexit twist. "
        "Economists warned of a chaotic Brexit. Theresa May said she would try again."
    )
    assert "Brexit" not in people(body)
    assert "Theresa May" in people(body)


def test_owning_something_does_not_make_a_lone_word_a_person():
    body = "The agreement does not end Facebook's regulatory troubles. Regulators said Facebook's fine was large."
    assert "Facebook" not in people(body)


def test_a_surname_owning_something_is_a_person_when_the_other_report_names_him_without_his_initial():
    a = read_report("a", "A jury found Darnell T. Whitacre Jr. guilty of murder on Thursday.")
    b = read_report(
        "b",
        "Darnell Whitacre Jr., 34, stood stone-faced as the verdict was read. "
        "The knife was found a block from Whitacre's home.",
    )
    shared = compare_analyses(a, b)["entities"]["shared"]
    assert any(item["kind"] == "person" and "Whitacre" in item["name"] for item in shared)


def test_a_country_province_or_town_the_model_calls_a_person_is_a_place():
    found = kinds(
        "At a press conference, Sri Lanka's police chief said more arrests were expected. "
        "Cyclone winds reached Cabo Delgado province on Thursday."
    )
    assert found.get("Sri Lanka") == "place"
    assert "Cabo Delgado" not in people("Cyclone winds reached Cabo Delgado province on Thursday.")


def test_a_surname_that_is_also_a_town_stays_a_person():
    body = "Representative Kay Granger opposed the bill. Critics blamed Granger for the delay."
    assert kinds(body) == {"Kay Granger": "person"}


def test_a_storm_named_whole_or_owning_something_is_no_person():
    body = (
        "Cyclone Kenneth came ashore on Thursday. Villagers feared the worst of Cyclone Kenneth's rain "
        "was still to come. Kenneth is expected to slow down over land."
    )
    assert not {name for name in people(body) if "Kenneth" in name}


def test_a_korean_given_name_cut_at_its_hyphen_is_whole():
    body = (
        "South Korea's President Moon Jae-in, who hosted Mr Trump in Seoul, joined the two leaders briefly."
    )
    assert "Moon Jae-in" in people(body)
    assert "Moon Jae" not in people(body)


def test_a_saints_name_before_a_church_is_the_place():
    body = "The pair were at Easter Mass at St Sebastian's Church in Negombo when a bomber struck."
    assert not {name for name in people(body) if "Sebastian" in name}
    assert kinds(body).get("St Sebastian's Church") in ("place", "organisation")


def test_teams_groups_and_peoples_are_no_people():
    assert "Spurs" not in people("Tottenham boss Mauricio Pochettino said Spurs were unlucky.")
    assert "Houthis" not in people("The Houthis said they launched the drones at the airport.")
    assert "Sri Lankan" not in people("Sri Lankan police said that 290 people had died.")
    assert "Tory Remainers" not in people(
        "Conservative Brexiteers, Tory Remainers and the DUP still do not want an election."
    )


def test_a_name_describing_what_follows_after_the_still_names_the_person():
    assert "Elizabeth Warren" in people("Staff of the Elizabeth Warren campaign met donors on Friday.")


def test_a_first_name_and_surname_with_a_relative_or_an_age_is_a_person_though_the_model_says_a_body():
    assert kinds("The victim, Marcus Hale, was 34. Marcus Hale's sister disputed the account.") == {
        "Marcus Hale": "person"
    }
    assert kinds("Morgan Stanley said profits rose. Morgan Stanley's shares fell.") == {
        "Morgan Stanley": "organisation"
    }


def test_a_name_with_a_double_barrelled_surname_and_an_age_is_a_person_whatever_the_first_name():
    assert kinds("Tell that to Dolores Fairbanks-Ruiz, 52, who lost her warehouse job in June.") == {
        "Dolores Fairbanks-Ruiz": "person"
    }
    assert (
        kinds("Yesenia Trujillo-Barr, 41, who rides the bus to work, said fares hurt.")[
            "Yesenia Trujillo-Barr"
        ]
        == "person"
    )
    # A year after a firm's name is no age.
    assert kinds("Morgan Stanley, 2019, was the adviser.").get("Morgan Stanley") != "person"


def test_a_known_first_name_the_model_left_before_the_surname_is_part_of_the_name():
    assert people("His attorney, Marguerite Dunleavy Ortiz, asked for probation.") == {
        "Marguerite Dunleavy Ortiz"
    }


def test_a_first_name_the_model_left_between_a_title_and_the_rest_is_part_of_the_name():
    body = "Boss Priya Natarajan Holt — who trousers £1.2million a year — grovelled to customers."
    assert people(body) == {"Priya Natarajan Holt"}


def test_a_towns_castle_is_a_place_and_a_person_named_castle_is_someone():
    assert kinds("Windsor Castle, badly damaged by fire in 1992, was restored in five years.") == {
        "Windsor Castle": "place"
    }
    assert people("Labour minister Barbara Castle introduced the law in 1970.") == {"Barbara Castle"}


def test_a_word_of_someones_full_name_is_no_town_though_a_town_has_that_name():
    body = (
        "Kim Jong-un met Kim Yong Chol in Pyongyang. Kim wants sanctions lifted before he gives up "
        "his weapons, officials said."
    )
    assert "Kim" not in {name for name, kind in kinds(body).items() if kind == "place"}


# A full name the model calls an organisation, with a person's marks around it (reading/kinds.py).


def test_a_name_after_a_lower_case_role_is_a_person():
    assert "Arjun Venkatesh" in people("The fast bowler Arjun Venkatesh took two wickets in the first hour.")


def test_a_name_with_a_role_in_apposition_is_a_person():
    body = 'The cut was "the easy part," according to Tomasz Wieczorek-Bąk, chief economist for central Europe at ING.'
    assert "Tomasz Wieczorek-Bąk" in people(body)


def test_a_name_listed_with_a_person_is_a_person():
    body = 'Sterling rose on the news that Mrs May and Jean-Claude Juncker had agreed a "joint instrument".'
    assert "Jean-Claude Juncker" in people(body)
    body = "Also likely: Andrea Leadsom, Matt Hancock, Sajid Javid, Rory Stewart, Esther McVey."
    assert "Esther McVey" in people(body)


def test_the_name_in_a_byline_is_the_writers():
    assert "Imogen Hartley" in people(
        "By Imogen Hartley\n\nThe Federal Reserve held rates steady on Wednesday."
    )


def test_a_full_name_whose_surname_alone_is_titled_as_a_person_is_that_person():
    body = (
        "He handed the role of Nissan chief executive to Hiroto Saikawa last year. "
        "At a news conference, Mr Saikawa apologised and said the board would meet."
    )
    assert kinds(body).get("Hiroto Saikawa") == "person"
