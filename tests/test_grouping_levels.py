"""A rate's new value as a cue: the cut to 2.75% and the next week's cut to 2% are two decisions."""

import pytest
from grouping_helpers import report

from articles.grouping import similarity
from articles.grouping.engine import Weights
from articles.grouping.features import ReportFeatures, extract_features, new_levels
from articles.grouping.refine import Member, _Group, _match, _Vectors
from articles.grouping.similarity import LEVEL_MISMATCH_FACTOR, Profile, level_factor, score
from articles.reading import read_report

# Invented decisions, a real bank: the Bank of Ghana cuts its policy rate in an emergency
# meeting, and cuts it again at its scheduled meeting the next week. Undated: the texts and
# their figures are all there is.
FIRST_CUT_WIRE = (
    "Bank of Ghana cuts policy rate to 24% in emergency move as cedi steadies",
    "ACCRA (Northwire) - The Bank of Ghana cut its monetary policy rate by 200 basis points to "
    "24% on Monday at an unscheduled meeting, saying inflation had fallen faster than expected "
    "and the cedi had steadied against the dollar.\n\n"
    "Governor Johnson Asiama said the Monetary Policy Committee was ready to act again. Finance "
    "Minister Cassiel Ato Forson welcomed the decision, saying lower borrowing costs would help "
    "businesses in Accra and Kumasi.",
)
FIRST_CUT_PAPER = (
    "Asiama's Bank of Ghana slashes rates to 24 per cent in surprise cut",
    "The Bank of Ghana lowered its policy rate to 24 per cent from 26 per cent on Monday in a "
    "surprise move, as Governor Johnson Asiama pointed to easing inflation and a steadier cedi.\n\n"
    "The Monetary Policy Committee said it would watch food prices closely. Finance Minister "
    "Cassiel Ato Forson said businesses in Accra and Kumasi would feel the relief within weeks.",
)
SECOND_CUT = (
    "Bank of Ghana cuts policy rate again, to 21%, as cedi holds",
    "ACCRA (Northwire) - The Bank of Ghana cut its monetary policy rate by 300 basis points to "
    "21% on Friday at its scheduled meeting, a week after an emergency cut, saying inflation was "
    "falling and the cedi had held against the dollar.\n\n"
    "Governor Johnson Asiama said the Monetary Policy Committee would act again if needed. Finance "
    "Minister Cassiel Ato Forson welcomed the decision, saying businesses in Accra and Kumasi "
    "needed lower borrowing costs.",
)


def read(title: str, body: str) -> ReportFeatures:
    """A report's features as the import computes them: from its text and its reading."""
    return extract_features(title, body, None, read_report(title, body))


@pytest.mark.django_db(False)
@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("The central bank cut its policy rate by 50 basis points to 2.75% on Monday.", ["2.75%"]),
        ("The bank lowered the official cash rate to 2.75% from 3.25%.", ["2.75%"]),
        ("The bank raised its key rate to 27 per cent on Monday.", ["27%"]),
        # A range is known by its first figure, however it is written.
        ("The Fed lowered its rate by a quarter of a point to a range of 1.75% to 2%.", ["1.75%"]),
        ("The Fed cut rates by a quarter of a point, to a range of 2 to 2.25 per cent.", ["2%"]),
        # Levels that did not move there, changes, references and bounds are no new values.
        ("Annual inflation was 4.4% in April, against a target of 3%.", []),
        ("Shares fell 2.8 per cent to a record low.", []),
        ("The deal will remove duties of up to 30 per cent on cheese.", []),
    ],
)
def test_a_leads_new_rate_is_the_percentage_it_was_moved_to(text: str, levels: list[str]):
    assert new_levels("The bank decides", text, read_report("The bank decides", text)) == levels


@pytest.mark.django_db(False)
def test_a_new_value_beyond_the_lead_or_without_a_reading_is_not_the_leads():
    from articles.grouping.features import LEAD_CHARS

    later = "The bank met.\n\n" + "x " * LEAD_CHARS + "It cut its policy rate to 21% on Friday."
    assert new_levels("The bank decides", later, read_report("The bank decides", later)) == []
    assert new_levels("t", "cut to 2%", None) == [] and new_levels("t", "cut to 2%", {"title": "t"}) == []


@pytest.mark.parametrize(
    ("ours", "theirs", "factor"),
    [
        (["24%"], {"24%": 2}, 1.0),
        (["21%"], {"24%": 2}, LEVEL_MISMATCH_FACTOR),
        # One value in common is enough (an explainer gives both cuts); a side that gives none
        # says nothing; a value whose members have all left the event is no longer given.
        (["21%", "24%"], {"24%": 1}, 1.0),
        ([], {"24%": 2}, 1.0),
        (["21%"], {}, 1.0),
        (["21%"], {"24%": 0}, 1.0),
    ],
)
def test_level_factor_scores_down_only_where_both_sides_give_values_and_none_agrees(ours, theirs, factor):
    assert level_factor(ours, theirs) == factor


@pytest.mark.django_db(False)
def test_new_levels_are_kept_with_the_features_and_counted_in_the_profile():
    features = read(*SECOND_CUT)
    assert features.levels == ["21%"]
    assert ReportFeatures.from_json(features.to_json(), None).levels == ["21%"]
    stored_before_levels = {k: v for k, v in features.to_json().items() if k != "r"}
    assert ReportFeatures.from_json(stored_before_levels, None).levels == []

    profile = Profile()
    weights = Weights(10, {})
    profile.add(features, *weights.vectors(features))
    assert Profile.from_json(profile.to_json(), None, None).levels == {"21%": 1}
    stored_before = {k: v for k, v in profile.to_json().items() if k != "r"}
    assert Profile.from_json(stored_before, None, None).levels == {}


@pytest.mark.django_db(False)
def test_second_thoughts_score_a_new_level_as_score_does_leaving_the_report_out():
    first, second = read(*FIRST_CUT_WIRE), read(*SECOND_CUT)
    weights = Weights(10, {})
    profile = Profile()
    profile.add(first, *weights.vectors(first))
    by_score = score(second, *weights.vectors(second), profile)

    group = _Group(1, None)
    group.add(Member(1, first), _Vectors(first, weights))
    group.add(Member(2, second), _Vectors(second, weights))
    # The report's own value, inside the group, must not count as the event's.
    by_refine = _match(Member(2, second), _Vectors(second, weights), group)

    assert by_score.other_level and by_refine is not None and by_refine.other_level
    assert by_refine.score == pytest.approx(by_score.score, abs=1e-3)


@pytest.mark.django_db
def test_next_weeks_cut_starts_its_own_event_not_the_first_cuts():
    wire = report("Northwire", *FIRST_CUT_WIRE)
    paper = report("Tidewater", *FIRST_CUT_PAPER)
    assert paper.event_id == wire.event_id
    assert not paper.grouping_evidence.get("other_level")

    second = report("Harbour Post", *SECOND_CUT)

    assert second.event_id != wire.event_id
    evidence = second.grouping_evidence
    assert evidence["event_id"] == wire.event_id and evidence["other_level"]
    assert "its lead gives another new rate or level than the event's reports" in evidence["explanation"]


@pytest.mark.django_db
def test_without_the_level_cue_the_next_cut_would_join_the_first(monkeypatch):
    # The case above is decided by the cue, not by the texts alone.
    monkeypatch.setattr(similarity, "LEVEL_MISMATCH_FACTOR", 1.0)
    wire = report("Northwire", *FIRST_CUT_WIRE)
    report("Tidewater", *FIRST_CUT_PAPER)

    second = report("Harbour Post", *SECOND_CUT)

    assert second.event_id == wire.event_id


@pytest.mark.django_db
def test_features_stored_before_the_report_was_read_take_its_new_levels_when_it_is():
    from articles.grouping.store import features_for

    article = report("Northwire", *SECOND_CUT, assign=False, read=False)
    assert features_for(article)[0].levels == []

    article.analysis = read_report(*SECOND_CUT)
    article.save(update_fields=["analysis"])
    assert features_for(article)[0].levels == ["21%"]
