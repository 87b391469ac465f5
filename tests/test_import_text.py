"""Cleaning text copied from web pages: headline, outlet, byline, date, and no furniture.

Every page here is written for these tests (not the seeds), each with different furniture
from a different kind of site, so the rules are checked for generality.
"""

from datetime import UTC, datetime

import pytest

from articles.importing.cleaning import PageCleaner, split_paragraphs
from articles.importing.outlets import OutletMatcher
from articles.importing.rules import rules_for

BODY = [
    "The ministry said on Thursday that the new rail line would open to passengers in the spring, "
    "two years later than first planned.",
    "Officials blamed the delay on a shortage of engineers and on a dispute with the contractor over "
    "the cost of the tunnels under the river.",
    "“We are confident the line will transform the region,” the transport minister told reporters at "
    "the station, adding that fares would be announced next month.",
]


def cleaner(*database_outlets: tuple[str, str]) -> PageCleaner:
    return PageCleaner(rules_for("en"), OutletMatcher(database_outlets))


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def assert_body_is_only_the_story(body: str) -> None:
    assert body.split("\n\n") == BODY


def test_wordpress_page_with_breadcrumbs_share_block_and_comment_form():
    text = page(
        "Home › World › Asia",
        "New rail line delayed by two years",
        "By Jane Doe",
        "January 18, 2019",
        *BODY,
        "Share this:",
        "Twitter",
        "Facebook",
        "Like this:",
        "Related",
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Comment",
        "Name *",
        "Email *",
        "Website",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Post Comment",
    )
    result = cleaner().clean(text)
    assert result.title == "New rail line delayed by two years"
    assert result.byline == "Jane Doe"
    assert result.published_at == datetime(2019, 1, 18, tzinfo=UTC)
    assert_body_is_only_the_story(result.body)


@pytest.mark.parametrize("crumbs", ["Companies > Aerospace & Defence", "Markets » Commodities › Oil"])
def test_breadcrumbs_with_arrows_are_not_taken_for_the_headline(crumbs):
    result = cleaner().clean(page(crumbs, "New rail line delayed by two years", *BODY))
    assert result.title == "New rail line delayed by two years"
    assert_body_is_only_the_story(result.body)


def test_wire_story_names_its_outlet_in_the_dateline():
    first = "SEOUL (Reuters) - " + BODY[0]
    text = page(
        "World News",
        "New rail line delayed by two years",
        "Jane Doe, John Roe",
        "4 Min Read",
        first,
        *BODY[1:],
        "Reporting by Jane Doe; Editing by John Roe",
        "Our Standards: The Thomson Reuters Trust Principles.",
    )
    result = cleaner().clean(text)
    assert result.title == "New rail line delayed by two years"
    assert result.outlet == "Reuters"
    assert result.body.split("\n\n") == [first, *BODY[1:]]


def test_newspaper_page_with_standfirst_located_byline_and_topics():
    standfirst = "The opening has slipped again, and the bill for the tunnels keeps growing."
    text = page(
        "US news",
        "New rail line delayed by two years",
        standfirst,
        "Julian Borger in Washington",
        "Fri 18 Jan 2019 21.30 GMT",
        "Last modified on Sat 19 Jan 2019 00.05 GMT",
        "Shares",
        "1,024",
        *BODY,
        "Topics",
        "Rail transport",
        "Infrastructure",
        "Share on Facebook",
        "Share on Twitter",
        "Reuse this content",
    )
    result = cleaner().clean(text)
    assert result.title == "New rail line delayed by two years"
    assert result.byline == "Julian Borger"
    assert result.published_at == datetime(2019, 1, 18, 21, 30, tzinfo=UTC)
    assert result.body.split("\n\n") == [standfirst, *BODY]


def test_byline_naming_a_known_outlet_and_an_updated_timestamp():
    text = page(
        "New rail line delayed by two years",
        "By Kevin Liptak, CNN",
        "Updated 5:02 PM ET, Fri January 18, 2019",
        *BODY[:2],
        "Read More",
        BODY[2],
    )
    result = cleaner().clean(text)
    assert result.byline == "Kevin Liptak"
    assert result.outlet == "CNN"
    assert result.published_at == datetime(2019, 1, 18, 22, 2, tzinfo=UTC)
    assert_body_is_only_the_story(result.body)


def test_cookie_banner_newsletter_prompts_and_adverts_are_dropped():
    text = page(
        "We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.",
        "Accept all cookies",
        "New rail line delayed by two years",
        BODY[0],
        "Advertisement",
        BODY[1],
        "Story continues below advertisement",
        "Sign up for our morning newsletter",
        "Get the best of the news delivered straight to your inbox",
        BODY[2],
        "Subscribe",
    )
    result = cleaner().clean(text)
    assert result.title == "New rail line delayed by two years"
    assert_body_is_only_the_story(result.body)


def test_photo_credits_and_captions_are_dropped():
    text = page(
        "New rail line delayed by two years",
        "Image copyright Getty Images",
        "Image caption The new trains have been standing in the depot since the summer",
        BODY[0],
        "Passengers wait at the old station in the capital. Photo: Jane Doe/Reuters",
        BODY[1],
        "(Photo by SAUL LOEB / AFP)",
        BODY[2],
        "AFP via Getty Images",
    )
    result = cleaner().clean(text)
    assert result.title == "New rail line delayed by two years"
    assert_body_is_only_the_story(result.body)


def test_most_read_list_at_the_end_is_dropped_with_its_entries():
    text = page(
        "New rail line delayed by two years",
        *BODY,
        "Most Read",
        "1",
        "Storm closes schools across the north",
        "2",
        "Central bank holds rates as prices rise",
        "More from Business",
        "Shares fall as oil prices climb",
    )
    result = cleaner().clean(text)
    assert_body_is_only_the_story(result.body)


def test_paywall_and_account_prompts_are_dropped():
    text = page(
        "Skip to main content",
        "Sign in",
        "New rail line delayed by two years",
        *BODY,
        "You have 2 free articles remaining this month",
        "Subscribe to continue reading",
        "Already a subscriber? Log in",
    )
    result = cleaner().clean(text)
    assert result.title == "New rail line delayed by two years"
    assert_body_is_only_the_story(result.body)


def test_agency_byline_and_colon_dateline_of_an_asian_daily():
    text = page(
        "National",
        "New rail line delayed by two years",
        "By Yonhap",
        "Published : Jan 19, 2019 - 14:53",
        *BODY,
        "Send this to a friend",
        "Email",
        "Print",
        "Tags: rail, transport, budget",
    )
    result = cleaner().clean(text)
    assert result.outlet == "Yonhap"
    assert result.byline == ""
    assert result.published_at == datetime(2019, 1, 19, 14, 53, tzinfo=UTC)
    assert_body_is_only_the_story(result.body)


def test_outlet_line_is_matched_against_outlets_in_the_database():
    text = page("New rail line delayed by two years", "The Riverside Courier", *BODY)
    result = cleaner(("Riverside Courier", "riverside-courier.test")).clean(text)
    assert result.outlet == "Riverside Courier"
    assert_body_is_only_the_story(result.body)


@pytest.mark.parametrize("line", ["The Riverside Courier", "Gulf Standard", "Daily Clarion", "Paxwire"])
def test_an_unknown_outlet_line_below_the_headline_is_read_by_its_shape(line):
    result = cleaner().clean(page("New rail line delayed by two years", line, *BODY))
    assert result.outlet == line
    assert result.byline == ""
    assert_body_is_only_the_story(result.body)


@pytest.mark.parametrize("line", ["Jae-won Park", "Mika Sato and Jane Doe"])
def test_a_name_line_below_the_headline_stays_a_byline_not_an_outlet(line):
    result = cleaner().clean(page("New rail line delayed by two years", line, *BODY))
    assert (result.byline, result.outlet) == (line, "")


def test_a_byline_names_an_unknown_outlet_after_the_reporter():
    text = page("New rail line delayed by two years", "By Daniel Ferrier | The Lantern Review", *BODY)
    result = cleaner().clean(text)
    assert (result.byline, result.outlet) == ("Daniel Ferrier", "The Lantern Review")
    assert_body_is_only_the_story(result.body)


def byline_and_outlet(line: str) -> tuple[str, str]:
    """The byline and outlet read from a page with `line` below its headline."""
    result = cleaner().clean(page("New rail line delayed by two years", line, *BODY))
    assert_body_is_only_the_story(result.body)
    return result.byline, result.outlet


@pytest.mark.parametrize(
    ("line", "byline", "outlet"),
    [
        ("By Jane Doe in London and Carlos Ruiz in Seattle", "Jane Doe and Carlos Ruiz", ""),
        ("By Jane Doe and Carlos Ruiz | Paxwire", "Jane Doe and Carlos Ruiz", "Paxwire"),
        # After a comma one unknown word is more often where they file from than an outlet.
        ("By Jane Doe and Carlos Ruiz, Paxwire", "Jane Doe and Carlos Ruiz", ""),
        (
            "By Jane Doe, Carlos Ruiz and Mei Lin | The Lantern Review",
            "Jane Doe, Carlos Ruiz and Mei Lin",
            "The Lantern Review",
        ),
        ("By Jane Doe, Carlos Ruiz, and Mei Lin, Reuters", "Jane Doe, Carlos Ruiz and Mei Lin", "Reuters"),
        (
            "By Jane Doe in Kyiv and Bo de la Cruz for The Lantern Review",
            "Jane Doe and Bo de la Cruz",
            "The Lantern Review",
        ),
        ("Jane Doe in Brussels and Tom Hale in London", "Jane Doe and Tom Hale", ""),
        ("Jane Doe and Tom Hale | Bloomberg", "Jane Doe and Tom Hale", "Bloomberg"),
    ],
)
def test_a_byline_of_several_reporters_keeps_every_name_and_drops_their_places(line, byline, outlet):
    assert byline_and_outlet(line) == (byline, outlet)


def test_additional_reporting_in_a_byline_credits_a_reporter_not_an_outlet():
    line = "By Jane Doe in London, with additional reporting by Carlos Ruiz"
    result = cleaner().clean(page("New rail line delayed by two years", line, *BODY))
    assert (result.byline, result.outlet) == ("Jane Doe and Carlos Ruiz", "")
    assert_body_is_only_the_story(result.body)


@pytest.mark.parametrize("role", ["Political Correspondent", "Chief Reporter", "US Editor"])
def test_a_reporters_role_after_the_name_is_not_another_reporter(role):
    result = cleaner().clean(page("New rail line delayed by two years", f"By Jane Doe, {role}", *BODY))
    assert result.byline == "Jane Doe"
    assert_body_is_only_the_story(result.body)


@pytest.mark.parametrize("word", ["Seattle", "Brussels", "Kenya", "Staff"])
def test_one_word_after_the_reporters_comma_is_not_taken_for_an_outlet(word):
    assert byline_and_outlet(f"By Jane Doe, {word}") == ("Jane Doe", "")


def test_a_date_after_the_byline_is_read_across_its_comma():
    line = "By Jane Doe and Carlos Ruiz | January 18, 2019"
    result = cleaner().clean(page("New rail line delayed by two years", line, *BODY))
    assert result.byline == "Jane Doe and Carlos Ruiz"
    assert result.published_at == datetime(2019, 1, 18, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "byline", "outlet"),
    [
        ("By Jane Doe, Reuters", "Jane Doe", "Reuters"),
        ("Jane Doe | Bloomberg", "Jane Doe", "Bloomberg"),
        # One word either side of "and" is not two people: kept whole, as the page has it.
        ("By Johnson and Johnson", "Johnson and Johnson", ""),
    ],
)
def test_single_reporter_bylines_and_one_name_with_and_are_read_as_before(line, byline, outlet):
    assert byline_and_outlet(line) == (byline, outlet)


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("Copyright 2019 The Klaxon. All rights reserved.", "The Klaxon"),
        ("© 2019 Paxwire Ltd", "Paxwire"),
        ("(c) The Lantern Review 2019", "The Lantern Review"),
        ("© Copyright Gulf Standard", "Gulf Standard"),
        ("Copyright © 2018-2019 Marketgate Media Group plc. All Rights Reserved", "Marketgate Media"),
        ("© 2019 Reuters", "Reuters"),
        ("(c) 2019 Paxwire Limited. Registered in England No. 12345.", "Paxwire"),
    ],
)
def test_a_copyright_line_at_the_end_names_the_outlet_when_the_head_does_not(footer, outlet):
    result = cleaner().clean(page("New rail line delayed by two years", *BODY, footer, "Show more"))
    assert result.outlet == outlet
    assert footer in result.removed
    assert_body_is_only_the_story(result.body)


@pytest.mark.parametrize(
    "sentence",
    ["Copyright holders protested on Monday.", "Copyright law was last reformed in 1988, ministers said."],
)
def test_a_sentence_about_copyright_stays_in_the_story(sentence):
    result = cleaner().clean(page("New rail line delayed by two years", *BODY[:2], sentence, *BODY[2:]))
    assert sentence in result.body
    assert result.outlet == ""


def test_the_outlet_in_the_head_wins_over_a_copyright_line():
    text = page("New rail line delayed by two years", "By Jane Doe, Reuters", *BODY, "© 2019 Paxwire Ltd")
    result = cleaner().clean(text)
    assert result.outlet == "Reuters"
    assert_body_is_only_the_story(result.body)


@pytest.mark.parametrize(
    "footer", ["© 2019", "Copyright. All rights reserved.", "(c)", "© Jane Doe/Getty Images"]
)
def test_a_copyright_line_naming_no_outlet_gives_none(footer):
    result = cleaner().clean(page("New rail line delayed by two years", *BODY, footer))
    assert result.outlet == ""
    assert_body_is_only_the_story(result.body)


def test_a_picture_credit_above_the_end_of_the_story_does_not_name_the_outlet():
    text = page(
        "New rail line delayed by two years", BODY[0], "© Paxwire", "Image copyright Reuters", *BODY[1:]
    )
    result = cleaner().clean(text)
    assert result.outlet == ""
    assert_body_is_only_the_story(result.body)


def test_an_explainer_headline_of_two_sentences_ending_in_a_question_is_the_headline():
    headline = "Theresa May is resigning. Who's next, and what happens to Brexit?"
    result = cleaner().clean(page("Explainers", headline, "Nutshell", *BODY))
    assert (result.title, result.outlet, result.title_from_text) == (headline, "Nutshell", False)
    assert_body_is_only_the_story(result.body)


def test_a_short_tabloid_headline_in_capitals_is_not_taken_for_a_kicker():
    standfirst = "Nissan's chairman is held in Tokyo over claims he under-reported his pay for years"
    result = cleaner().clean(page("CAR KING IN CUFFS", standfirst, *BODY))
    assert result.title == "CAR KING IN CUFFS"
    assert result.body.split("\n\n") == [standfirst, *BODY]


def test_a_wire_dateline_names_an_unknown_wire_service():
    first = "MAPUTO (Lodestar) - " + BODY[0]
    result = cleaner().clean(page("New rail line delayed by two years", first, *BODY[1:]))
    assert result.outlet == "Lodestar"
    assert result.body.split("\n\n") == [first, *BODY[1:]]


def test_a_kicker_or_sentence_below_the_headline_is_not_an_outlet():
    for line in ("Analysis", "Officials said the work would resume in 2027."):
        result = cleaner().clean(page("New rail line delayed by two years", line, *BODY))
        assert result.outlet == ""


def test_source_line_names_an_outlet_even_when_unknown():
    result = cleaner().clean(page("New rail line delayed by two years", "Source: Valley Gazette", *BODY))
    assert result.outlet == "Valley Gazette"
    assert_body_is_only_the_story(result.body)


def test_from_our_correspondent_is_not_an_outlet_but_via_a_known_one_is():
    assert (
        cleaner().clean(page("New rail line delayed by two years", "From our correspondent", *BODY)).outlet
        == ""
    )
    assert (
        cleaner().clean(page("New rail line delayed by two years", "Via AFP", *BODY)).outlet
        == "Agence France-Presse"
    )


def test_text_without_a_headline_gets_one_from_its_first_sentence():
    result = cleaner().clean(page(*BODY))
    assert result.title_from_text
    assert result.title == BODY[0][:120].rsplit(" ", 1)[0] + "…" or result.title == BODY[0]
    assert result.title.startswith("The ministry said on Thursday")
    assert_body_is_only_the_story(result.body)


def test_body_sentences_that_mention_outlets_dates_or_comments_are_kept():
    story = [
        "Reuters reported on 18 January 2019 that the line would open in the spring, citing officials.",
        "Comments from the minister were welcomed by unions, who had asked for a firm date for months.",
        "Bloomberg",  # a lone outlet name inside the story is not the outlet line of the head
        "The cost of the project has risen to 4.2 billion, according to figures seen by the newspaper.",
    ]
    result = cleaner().clean(page("New rail line delayed by two years", *story))
    assert result.outlet == ""
    assert result.body.split("\n\n")[:2] == story[:2]
    assert story[3] in result.body


def test_hard_wrapped_text_file_is_joined_into_paragraphs():
    wrapped = (
        "The ministry said on Thursday that the new rail line would open to\n"
        "passengers in the spring, two years later than first planned by the\n"
        "government and its partners in the regional authorities.\n"
    )
    assert split_paragraphs(wrapped) == [
        "The ministry said on Thursday that the new rail line would open to passengers in the spring, "
        "two years later than first planned by the government and its partners in the regional authorities."
    ]


def test_glued_section_labels_above_the_headline_are_skipped():
    result = cleaner().clean(
        page("PoliticsPolitics", "Asia PacificAsia", "New rail line delayed by two years", *BODY)
    )
    assert result.title == "New rail line delayed by two years"


@pytest.mark.parametrize(
    "furniture",
    [
        "Leave a comment",
        "Be the first to comment",
        "Follow us on Twitter",
        "Click here to subscribe",
        "Sponsored content",
        "3 min read",
        "Listen to this article",
        "© 2019 Example Media Ltd. All rights reserved.",
        "Next article: Storm closes schools",
        "This article is more than 5 years old",
        "(Reporting by Ann Example in Lima; editing by Bo Example)",
        "Related: Why ferry disasters keep happening",
    ],
)
def test_common_furniture_lines_are_dropped(furniture):
    result = cleaner().clean(page("New rail line delayed by two years", BODY[0], furniture, *BODY[1:]))
    assert_body_is_only_the_story(result.body)


def test_short_kicker_above_the_headline_is_not_taken_for_it():
    result = cleaner().clean(page("Transport crisis deepens", "New rail line delayed by two years", *BODY))
    assert result.title == "New rail line delayed by two years"
    assert "Transport crisis deepens" not in result.body
    assert_body_is_only_the_story(result.body)


def test_browser_tab_title_loses_its_outlet_suffix():
    result = cleaner().clean(page("New rail line delayed by two years | Reuters", *BODY))
    assert result.title == "New rail line delayed by two years"
    assert result.outlet == "Reuters"
    unknown = cleaner().clean(page("Rail line delayed - what went wrong", *BODY))
    assert unknown.title == "Rail line delayed - what went wrong"


def test_headline_after_byline_and_date_lines_is_found():
    result = cleaner().clean(
        page("By Ann Example", "18 January 2019", "New rail line delayed by two years", *BODY)
    )
    assert result.title == "New rail line delayed by two years"
    assert result.byline == "Ann Example"
    assert_body_is_only_the_story(result.body)


def test_agency_copy_with_caption_credits_role_line_and_copyright_notice():
    first = "WASHINGTON (AP) — " + BODY[0]
    text = page(
        "New rail line delayed by two years",
        "By ZEKE EXAMPLE and DEB EXAMPLE",
        "Associated Press",
        "January 18, 2019 5:47 PM",
        first,
        "Commuters wait for a train at the central station in the capital on January 18, 2019. REUTERS/Ann Example/File Photo",
        BODY[1],
        "Watch: The unfinished tunnel from the air",
        BODY[2],
        "Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "Show more",
    )
    result = cleaner().clean(text)
    assert result.title == "New rail line delayed by two years"
    assert result.byline == "ZEKE EXAMPLE and DEB EXAMPLE"
    assert result.outlet == "Associated Press"
    assert result.published_at == datetime(2019, 1, 18, 17, 47, tzinfo=UTC)
    assert result.body.split("\n\n") == [first, *BODY[1:]]


def test_name_and_role_lines_under_the_headline_are_not_body():
    text = page(
        "New rail line delayed by two years",
        "Ann Example",
        "Senior Transport Correspondent",
        "@annexample",
        *BODY,
    )
    result = cleaner().clean(text)
    assert result.byline == "Ann Example"
    assert_body_is_only_the_story(result.body)


@pytest.mark.parametrize(
    "sentence",
    [
        "Reporting by the Guardian found that the contractor had been paid twice for the same tunnel.",
        "Photographs, letters and diaries found at the site were handed to the police on Monday.",
        "Reject all of these proposals, the union told its members in a letter sent on Friday.",
        "Share prices of the contractor fell by 12 percent after the announcement on Thursday.",
    ],
)
def test_story_sentences_that_start_like_furniture_are_kept(sentence):
    result = cleaner().clean(page("New rail line delayed by two years", BODY[0], sentence, *BODY[1:]))
    assert sentence in result.body


def test_a_reuters_ipsos_poll_sentence_is_not_a_photo_credit():
    poll = "A Reuters/Ipsos poll published on Thursday found that 40 percent of commuters backed the delay."
    result = cleaner().clean(page("New rail line delayed by two years", BODY[0], poll, *BODY[1:]))
    assert poll in result.body


@pytest.mark.parametrize(
    "line",
    [
        "Posted : 2019-03-01 08:50 | Updated : 2019-03-01 10:15",
        "Updated: March 1, 2019 10:15 · Published: March 1, 2019 08:50",
    ],
)
def test_a_line_of_publication_and_update_dates_gives_the_publication(line):
    result = cleaner().clean(page("New rail line delayed by two years", line, *BODY))
    assert result.published_at == datetime(2019, 3, 1, 8, 50, tzinfo=UTC)
    assert line not in result.body
    assert_body_is_only_the_story(result.body)


def test_a_date_beside_other_words_on_one_line_is_no_date_line():
    line = "Posted : 2019-03-01 08:50 | Opinion and analysis"
    result = cleaner().clean(page("New rail line delayed by two years", *BODY[:1], line, *BODY[1:]))
    assert result.published_at is None
    assert line in result.body
