"""An event's title and summary: the most central report's own words, unframed, whole sentences."""

from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command
from grouping_helpers import report

from articles.grouping.service import assign_article
from articles.grouping.similarity import Profile
from articles.grouping.summaries import Candidate, central_extract, lead_sentences, representative_title
from articles.models import Article, Event
from articles.reading import read_report

LEAD = (
    "The city council approved a new budget for the harbour district on Tuesday evening. "
    "The plan sets aside money for two new ferry terminals and a sea wall."
)


def candidates(*headlines: str, vectors: list[list[float]] | None = None) -> list[Candidate]:
    return [
        Candidate(h, {}, None if vectors is None else np.asarray(vectors[i], dtype=np.float32))
        for i, h in enumerate(headlines)
    ]


def test_title_is_the_headline_closest_in_words_to_the_other_headlines():
    title = representative_title(
        candidates(
            "Mayor opens festival",
            "Council approves harbour budget with ferry terminals",
            "Harbour budget approved by council",
            "Ferry terminals approved",
        ),
        Profile(),
    )
    assert title == "Council approves harbour budget with ferry terminals"


def test_title_follows_headline_meaning_when_the_reports_carry_vectors():
    # The vectors say the third headline is the one the others mean, whatever its words.
    title = representative_title(
        candidates("Alpha beta", "Alpha beta gamma", "Delta", vectors=[[1, 0], [0, 1], [0.7071, 0.7071]]),
        Profile(),
    )
    assert title == "Delta"


@pytest.mark.parametrize(
    "framed",
    [
        "'Jail!' Trump slams 'crooked' Hillary aide",
        "Trump CAVES to Democrats on harbour budget",
        "Council approves harbour budget!",
        "Council passes 'reckless' harbour budget",
        "'Everything fell off the shelves': council approves harbour budget",
    ],
)
def test_title_prefers_a_headline_without_exclamation_capitals_or_quoted_labels(framed):
    plain = "Council approves harbour budget for ferry terminals"
    # Two headlines are equally central, and the first would win the tie.
    title = representative_title(candidates(framed, plain), Profile())
    assert title == plain


def test_title_keeps_acronyms_and_quoted_speech():
    plain = "NATO leaders say 'we will stand with Ukraine as long as it takes'"
    title = representative_title(candidates(plain, "Leaders meet in Brussels"), Profile())
    assert title == plain


@pytest.mark.parametrize(
    "dateline",
    [
        "WASHINGTON (Northwire) \u2014 ",
        "WASHINGTON \u2014 ",
        "LONDON, May 3 (Reuters) - ",
        "SAN JUAN, Puerto Rico -- ",
    ],
)
def test_summary_drops_the_dateline(dateline):
    assert lead_sentences(dateline + LEAD) == LEAD


@pytest.mark.parametrize(
    "opening",
    [
        "\u201cWe have waited ten years for this,\u201d the harbour master said after the vote. ",
        "But the mayor said she would veto anything that raised the port fees again. ",
        "and then the meeting ran late into the night while residents waited outside. ",
    ],
    ids=["quotation", "conjunction", "cut-at-start"],
)
def test_summary_starts_at_a_sentence_that_stands_alone(opening):
    assert lead_sentences(opening + LEAD) == LEAD


def test_summary_is_whole_sentences_and_never_cut_at_an_abbreviation():
    opening = (
        "Sen. Maria Lopez of Ohio said on Tuesday the harbour budget would pass the U.S. Senate. "
        "The vote is expected next week after a hearing on the ferry terminals."
    )
    assert lead_sentences(opening) == opening


def test_summary_comes_from_the_most_central_report_only():
    others = [
        Candidate(
            "Council approves harbour budget",
            {},
            opening="Mayor Ann Lee spoke to the press about schools today.",
        ),
        Candidate("Harbour budget approved by council", {}, opening=LEAD),
        Candidate(
            "Council harbour budget approved",
            {},
            opening="The harbour budget was approved by the council late on Tuesday.",
        ),
    ]
    summary = central_extract(others, Profile())
    assert summary in {LEAD, "The harbour budget was approved by the council late on Tuesday."}
    assert "schools" not in summary


def test_summary_prefers_a_report_that_neither_shouts_nor_frames_like_the_title():
    tabloid = Candidate(
        "POO-LLUTERS: Sewage firm hit with record fine!",
        {},
        opening="SEWAGE-spewing Pennine Water has been slapped with a record fine for pumping filth into rivers.",
    )
    broadsheet = Candidate(
        "Pennine Water fined a record sum for sewage spills",
        {},
        opening="Pennine Water has been fined a record sum for thousands of sewage spills into rivers.",
    )
    assert central_extract([tabloid, broadsheet], Profile()) == broadsheet.opening
    # With no other report to take it from, the framed report's lead is still the summary.
    assert central_extract([tabloid], Profile()) == tabloid.opening


@pytest.mark.django_db
def test_event_title_and_summary_from_stored_readings_are_unframed_text_of_the_reports():
    bodies = {
        "'Jail!' Council slams 'crooked' harbour budget": "WASHINGTON \u2014 " + LEAD,
        "Council approves harbour budget with two ferry terminals": (
            "But critics said the council had not costed the sea wall. " + LEAD
        ),
        "Harbour budget with ferry terminals approved by council": "WASHINGTON (Northwire) \u2014 "
        + LEAD.replace("Tuesday evening", "Tuesday night"),
    }
    more = (
        " Residents of the harbour district packed the council chamber for the vote on the budget."
        " The ferry terminals are due to open in two years, the council said in a statement."
        " The sea wall will protect about four hundred homes from winter storms and flooding."
    )
    for outlet, (title, body) in zip(["Northwire", "Tidewater", "Harbour Post"], bodies.items(), strict=True):
        article = report(outlet, title, body + more, assign=False)
        Article.objects.filter(pk=article.pk).update(analysis=read_report(title, body + more))
        assign_article(Article.objects.get(pk=article.pk))

    event = Event.objects.get()
    assert event.article_count == 3
    assert event.title in list(bodies)[1:]
    assert not event.summary.startswith(("WASHINGTON", "But", "\u201c"))
    assert event.summary in " ".join(" ".join(bodies.values()).split())

    # Regrouping reads the same headline vectors and openings: the same title and summary.
    call_command("regroup", "--no-progress", stdout=StringIO())
    assert Event.objects.values_list("title", "summary").get() == (event.title, event.summary)
