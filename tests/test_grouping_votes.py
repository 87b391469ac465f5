"""A vote's count as a cue: the budget's defeat and the next day's confidence vote are two votes."""

import pytest
from grouping_cases import at
from grouping_helpers import report

from articles.grouping import similarity
from articles.grouping.engine import Weights
from articles.grouping.features import ReportFeatures, extract_features, vote_tallies
from articles.grouping.refine import Member, _Group, _match, _Vectors
from articles.grouping.similarity import VOTE_MISMATCH_FACTOR, Profile, score, vote_factor
from articles.reading import read_report

# Invented events, real places: Slovenia's parliament rejects a pension reform on a Tuesday;
# the government survives a confidence motion on the Wednesday.
DEFEAT_WIRE = (
    "Slovenian parliament rejects Golob government's pension reform",
    "LJUBLJANA (Northwire) - Slovenia's National Assembly rejected Prime Minister Robert Golob's "
    "pension reform on Tuesday by 48 votes to 39, after two coalition deputies joined the opposition "
    "Slovenian Democratic Party against the plan to raise the retirement age to 67.\n\n"
    "Golob said the government would not resign. Opposition leader Janez Janša said he would table a "
    "motion of no confidence in the government. Labour Minister Luka Mesec called the vote a defeat "
    "for pensioners and young workers alike.",
)
DEFEAT_PAPER = (
    "Golob's pension plan falls in Ljubljana as coalition rebels side with Janša",
    "Slovenia's parliament threw out the pension reform of Robert Golob's government on Tuesday, "
    "48 to 38, when two deputies of the ruling coalition voted with Janez Janša's Slovenian "
    "Democratic Party.\n\nThe reform would have raised the retirement age to 67 over ten years. "
    "Labour Minister Luka Mesec said the National Assembly had chosen to leave the pension fund short. "
    "Janša announced a no-confidence motion against the government.",
)
CONFIDENCE_VOTE = (
    "Slovenia's Golob survives no-confidence vote a day after pension defeat",
    "LJUBLJANA (Northwire) - Slovenian Prime Minister Robert Golob survived a no-confidence motion in "
    "the National Assembly on Wednesday by 44 votes to 42, a day after deputies rejected his "
    "government's pension reform.\n\nThe motion tabled by Janez Janša's Slovenian Democratic Party "
    "fell two votes short after the two coalition rebels who sank the pension plan backed the "
    "government. Labour Minister Luka Mesec said the reform would return to parliament in the autumn.",
)


def read(title: str, body: str, published_at=None) -> ReportFeatures:
    """A report's features as the import computes them: from its text and its reading."""
    return extract_features(title, body, published_at, read_report(title, body))


@pytest.mark.django_db(False)
@pytest.mark.parametrize(
    ("text", "tallies"),
    [
        ("MPs rejected the deal by 432 votes to 202 on Tuesday.", ["202-432"]),
        ("Deputies voted down the budget on Tuesday, 116 to 110, after a long debate.", ["110-116"]),
        ("The Senate voted 71-28 to pass the bill.", ["28-71"]),
        ("Councillors approved the closure by six votes to two.", ["2-6"]),
        ("A staggering 432 MPs voted against her plan, with just 202 backing it.", ["202-432"]),
        # Ranges, years, percentages and counts without a vote named are no tallies.
        ("Children aged 12 to 17 were treated.", []),
        ("The vote was the first since he led the council from 2019 to 2023.", []),
        ("Support for the plan rose from 45% to 52% before the vote.", []),
        ("Rates rose to between 10 and 20 per cent in the voting districts.", []),
        ("The asteroid measures 12 to 27 metres across.", []),
    ],
)
def test_a_leads_vote_counts_are_taken_from_its_reading_and_ranges_are_not(text: str, tallies: list[str]):
    assert vote_tallies(read_report("Parliament decides", text)) == tallies


@pytest.mark.django_db(False)
def test_a_headlines_vote_count_counts_and_a_reading_without_numbers_states_none():
    headline = "Commons rejects Brexit deal by 432 votes to 202"
    assert vote_tallies(read_report(headline, "The deal now goes back to Brussels.")) == ["202-432"]
    assert vote_tallies(None) == [] and vote_tallies({"title": "x"}) == []


@pytest.mark.parametrize(
    ("ours", "theirs", "factor"),
    [
        (["39-48"], {"39-48": 2}, 1.0),
        # One outlet's count a vote off is the same vote.
        (["38-48"], {"39-48": 1}, 1.0),
        # So is one figure misreported when the other agrees: the comparison flags the conflict.
        (["260-312"], {"287-312": 1}, 1.0),
        (["42-44"], {"39-48": 2}, VOTE_MISMATCH_FACTOR),
        (["110-116"], {"112-118": 1}, VOTE_MISMATCH_FACTOR),
        # One count in common is enough; a side that states none says nothing.
        (["42-44", "39-48"], {"39-48": 1}, 1.0),
        ([], {"39-48": 2}, 1.0),
        (["42-44"], {}, 1.0),
        # A count whose members have all left the event is no longer stated.
        (["42-44"], {"39-48": 0}, 1.0),
    ],
)
def test_vote_factor_scores_down_only_where_both_sides_state_counts_and_none_agrees(ours, theirs, factor):
    assert vote_factor(ours, theirs) == factor


@pytest.mark.django_db(False)
def test_a_count_read_beyond_the_lead_is_not_the_leads():
    from articles.grouping.features import LEAD_CHARS

    sentence = "The Commons rejected the agreement by 391 votes to 242 in the evening."
    at_the_cut = "y" * (LEAD_CHARS - 9 - sentence.index("391")) + " " + sentence
    # The lead's cut falls between the count's figures: the count is the lead's, whole.
    assert at_the_cut.index("391") < LEAD_CHARS < at_the_cut.index("242")
    assert vote_tallies(read_report("Commons rejects deal again", at_the_cut)) == ["242-391"]

    later = "The Commons met.\n\n" + "x " * LEAD_CHARS + sentence
    assert vote_tallies(read_report("Commons rejects deal again", later)) == []


@pytest.mark.django_db(False)
def test_vote_counts_are_kept_with_the_features_and_counted_in_the_profile():
    features = read(*CONFIDENCE_VOTE)
    assert features.tallies == ["42-44"]
    assert ReportFeatures.from_json(features.to_json(), None).tallies == ["42-44"]
    stored_before_tallies = {k: v for k, v in features.to_json().items() if k != "y"}
    assert ReportFeatures.from_json(stored_before_tallies, None).tallies == []

    profile = Profile()
    weights = Weights(10, {})
    profile.add(features, *weights.vectors(features))
    assert Profile.from_json(profile.to_json(), None, None).tallies == {"42-44": 1}
    stored_before = {k: v for k, v in profile.to_json().items() if k != "y"}
    assert Profile.from_json(stored_before, None, None).tallies == {}


@pytest.mark.django_db(False)
def test_second_thoughts_score_a_vote_count_as_score_does_leaving_the_report_out():
    defeat = read(*DEFEAT_WIRE, at("2026-05-05", 15))
    confidence = read(*CONFIDENCE_VOTE, at("2026-05-06", 15))
    defeat.outlet, confidence.outlet = 1, 2
    weights = Weights(10, {})
    profile = Profile()
    profile.add(defeat, *weights.vectors(defeat))
    by_score = score(confidence, *weights.vectors(confidence), profile)

    group = _Group(1, None)
    group.add(Member(1, defeat), _Vectors(defeat, weights))
    group.add(Member(2, confidence), _Vectors(confidence, weights))
    # The report's own count, inside the group, must not count as the event's.
    by_refine = _match(Member(2, confidence), _Vectors(confidence, weights), group)

    assert by_score.other_vote and by_refine is not None and by_refine.other_vote
    assert by_refine.score == pytest.approx(by_score.score, abs=1e-3)


@pytest.mark.django_db
def test_next_days_confidence_vote_starts_its_own_event_not_the_defeats(monkeypatch):
    wire = report("Northwire", *DEFEAT_WIRE, at("2026-05-05", 15))
    paper = report("Tidewater", *DEFEAT_PAPER, at("2026-05-05", 19))
    # The two counts of the defeat, a vote apart, are one vote's.
    assert paper.event_id == wire.event_id
    assert not paper.grouping_evidence.get("other_vote")

    confidence = report("Harbour Post", *CONFIDENCE_VOTE, at("2026-05-06", 18))

    assert confidence.event_id != wire.event_id
    evidence = confidence.grouping_evidence
    assert evidence["event_id"] == wire.event_id and evidence["other_vote"]
    assert "its lead gives another vote's count than the event's reports" in evidence["explanation"]


@pytest.mark.django_db
def test_without_the_vote_cue_the_confidence_vote_would_join_the_defeat(monkeypatch):
    # The case above is decided by the cue, not by the texts alone: same actors, same day's
    # window, text score above the threshold.
    monkeypatch.setattr(similarity, "VOTE_MISMATCH_FACTOR", 1.0)
    wire = report("Northwire", *DEFEAT_WIRE, at("2026-05-05", 15))
    report("Tidewater", *DEFEAT_PAPER, at("2026-05-05", 19))

    confidence = report("Harbour Post", *CONFIDENCE_VOTE, at("2026-05-06", 18))

    assert confidence.event_id == wire.event_id


@pytest.mark.django_db
def test_features_stored_before_the_report_was_read_take_its_counts_when_it_is():
    from articles.grouping.store import features_for

    article = report("Northwire", *CONFIDENCE_VOTE, assign=False, read=False)
    assert features_for(article)[0].tallies == []

    article.analysis = read_report(*CONFIDENCE_VOTE)
    article.save(update_fields=["analysis"])
    assert features_for(article)[0].tallies == ["42-44"]
    # and they are stored so
    assert features_for(article)[0].tallies == ["42-44"]


@pytest.mark.django_db
def test_a_regroup_that_reads_features_again_takes_the_counts_from_the_stored_reading():
    from io import StringIO

    from django.core.management import call_command

    from articles.models import ReportFeatures as StoredFeatures

    confidence = report("Harbour Post", *CONFIDENCE_VOTE, at("2026-05-06", 18))
    StoredFeatures.objects.update(data={"t": {}, "n": {}, "l": {}, "s": False, "u": {}})

    call_command("regroup", "--refresh-features", "--no-progress", stdout=StringIO())

    assert StoredFeatures.objects.get(article=confidence).data["y"] == ["42-44"]
