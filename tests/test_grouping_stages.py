"""A headline's stage of a court case, a two-round election, a bill or an offer as a cue: without
dates to compare, an arrest and the bail hearing after it are two happenings, although the bail
report's lead tells the arrest again; so are a Senate's vote and the president's signature."""

from datetime import UTC, datetime

import pytest
from grouping_helpers import report

from articles.grouping import similarity
from articles.grouping.engine import Weights
from articles.grouping.features import ReportFeatures, extract_features, stages
from articles.grouping.refine import Member, _Group, _match, _Vectors
from articles.grouping.similarity import STAGE_MISMATCH_FACTOR, Profile, score, stage_factor
from articles.reading import read_report

# An invented case: a port official is arrested in Mombasa at the request of Tanzania, and a
# court grants him bail three days later. The bail report recaps the arrest in its lead, as
# follow-ups do; undated, the texts are all there is.
ARREST_WIRE = (
    "Kenyan port official arrested in Mombasa over Tanzanian fuel smuggling warrant",
    "MOMBASA (Northwire) - Kenyan police arrested Daniel Mwangemi, a senior manager at the Kenya "
    "Ports Authority, in Mombasa on a warrant from Tanzania, which accuses him of running a fuel "
    "smuggling network through the port of Tanga.\n\n"
    "Tanzania's attorney general, Hamza Johari, said Dar es Salaam would seek his extradition. "
    "Mwangemi's lawyer, Cecilia Otieno, said her client denied every accusation and would fight "
    "the warrant in the High Court in Mombasa.",
)
ARREST_PAPER = (
    "Ports Authority manager detained in Mombasa on Tanzanian smuggling warrant",
    "A senior Kenya Ports Authority manager, Daniel Mwangemi, has been detained in Mombasa on a "
    "Tanzanian warrant accusing him of a fuel smuggling network run through the port of Tanga.\n\n"
    "His lawyer, Cecilia Otieno, said he denied the accusations and would contest the warrant at "
    "the High Court in Mombasa. Tanzania's attorney general, Hamza Johari, said Dar es Salaam "
    "would ask for his extradition.",
)
BAIL = (
    "Mombasa court grants bail to Ports Authority manager Mwangemi, with passport surrendered",
    "Justice Wanjiru Kamau granted bail of five million shillings to Daniel Mwangemi, the Ports "
    "Authority manager held on a Tanzanian smuggling warrant, and ordered him to surrender his "
    "passport and report to Nyali police station every Friday.\n\n"
    "The judge said the prosecution had not shown that he would flee. Supporters in the public "
    "gallery cheered as he left the courtroom with his wife. The extradition hearing is set for "
    "next month; his lawyer, Cecilia Otieno, said the case against him was weak.",
)


def read(title: str, body: str) -> ReportFeatures:
    """A report's features as the import computes them: from its text and its reading."""
    return extract_features(title, body, None, read_report(title, body))


@pytest.mark.parametrize(
    ("headline", "told"),
    [
        ("Police arrest mayor's aide at Nairobi airport", ["accused"]),
        # The charge is a hearing of its own, days or weeks after the arrest; a plea of not
        # guilty is made there, and is no verdict.
        ("Ex-minister charged with taking bribes over road contracts", ["charged"]),
        ("Former minister pleads not guilty to six bribery counts", ["charged"]),
        ("Ex-minister claims trial to six charges, freed on bail", ["charged", "bail"]),
        # Remand comes before the charge in some countries and after it in others: no stage.
        ("Ex-minister remanded five days over rail contract", []),
        ("Smuggling suspect nabbed at the border", ["accused"]),
        ("Aide freed on bail with curfew and tag", ["bail"]),
        ("Court grants bail to ex-minister", ["bail"]),
        ("Jury finds former mayor guilty of bribery", ["verdict"]),
        ("Former mayor acquitted of bribery", ["verdict"]),
        ("Jury finds former mayor not guilty of bribery", ["verdict"]),
        ("Former mayor jailed for nine years", ["sentence"]),
        ("Judge to hear sentencing arguments in mayor's case", ["sentence"]),
        # A headline that tells two stages shares one with either happening.
        ("Mayor's aide arrested and granted bail within hours", ["accused", "bail"]),
        ("Chile's Soto and Vidal head for presidential runoff", ["first round"]),
        ("Fragmented vote sends Soto and Vidal to a second round", ["first round"]),
        ("Soto leads first round of Chile's presidential election", ["first round"]),
        ("Far right makes Chile's presidential runoff", ["first round"]),
        ("Vidal reaches the run-off as Soto tops the vote", ["first round"]),
        ("Vidal wins Chile's presidential runoff", ["election result"]),
        ("Vidal wins the presidency by a whisker", ["election result"]),
        ("Chile has a new president-elect", ["election result"]),
        # A bare runoff or second round names no stage (the first round announces it), a
        # bail-out is no bail, and a headline about something else tells none.
        ("What the runoff means for Chile's copper", []),
        ("Government to bail out struggling airline", []),
        # Bail refused keeps him where the charge put him: no stage of its own.
        ("Ex-minister refused bail over road contracts", []),
        ("Ex-minister charged and denied bail", ["charged"]),
        # A bill: the chamber's vote, then the head of state's signature or veto.
        ("Senate passes rail concessions bill", ["passed"]),
        ("MPs approve foreign-funding law despite protests", ["passed"]),
        ("President signs foreign-funding law", ["signed"]),
        ("President vetoes truck toll exemption", ["signed"]),
        # An offer: rejected, then accepted (or the other way round).
        ("Sensor maker rebuffs takeover approach", ["rejected"]),
        ("Family firm says no to American suitor", ["rejected"]),
        ("Board agrees sweetened takeover deal", ["accepted"]),
        ("Bidder raises offer, wins board backing", ["accepted"]),
        ("Ministers hold talks on port reform", []),
        # A nomination: the pick, the confirmation hearing, the committee's vote, the chamber's
        # confirmation (or the swearing-in), or the pick withdrawn.
        ("Governor picks ex-prosecutor Imani Brooks to head state police", ["nominated"]),
        ("Premier taps airline boss for transport post", ["nominated"]),
        ("Education nominee grilled at confirmation hearing", ["hearing"]),
        ("Five things we learned at the police director's hearing", ["hearing"]),
        ("Senate panel advances Brooks nomination on party lines", ["committee vote"]),
        ("Committee backs Brooks for state police post", ["committee vote"]),
        ("Rules committee sends Brooks to the floor", ["committee vote"]),
        ("Senate confirms Imani Brooks as state police director", ["confirmed"]),
        ("Brooks confirmed: a prosecutor takes over the state police", ["confirmed"]),
        ("Brooks sworn in hours after Senate vote", ["confirmed"]),
        ("Governor withdraws Brooks nomination", ["withdrawn"]),
        ("Police director nominee steps aside", ["withdrawn"]),
        # Not a nomination's steps: a court's hearing, a bare "confirms", a deputy named.
        ("Judge delays hearing in port fraud case", []),
        ("Coastguard confirms death toll rises to 12", []),
        ("Minister names deputy as acting police chief", []),
    ],
)
def test_a_headline_tells_the_stage_of_its_saga(headline: str, told: list[str]):
    assert stages(headline) == told


@pytest.mark.parametrize(
    ("ours", "theirs", "factor"),
    [
        (["bail"], {"bail": 2}, 1.0),
        (["bail"], {"accused": 2}, STAGE_MISMATCH_FACTOR),
        # One stage in common is enough; a side that tells none says nothing; a stage whose
        # members have all left the event is no longer told.
        (["accused", "bail"], {"accused": 1}, 1.0),
        ([], {"accused": 2}, 1.0),
        (["bail"], {}, 1.0),
        (["bail"], {"accused": 0}, 1.0),
        (["charged"], {"accused": 3}, STAGE_MISMATCH_FACTOR),
        (["signed"], {"passed": 1}, STAGE_MISMATCH_FACTOR),
        (["accepted"], {"rejected": 2}, STAGE_MISMATCH_FACTOR),
        # Stages of two kinds of saga say nothing: "rebels sign ceasefire" and "ceasefire
        # agreed" tell one happening with a bill's word and an offer's.
        (["signed"], {"accepted": 2}, 1.0),
        (["passed"], {"accused": 1}, 1.0),
        # A court case's and an election's stages are words of their own: one kind, as before.
        (["accused"], {"first round": 1}, STAGE_MISMATCH_FACTOR),
        # A nomination is a kind of its own: its committee vote against a bill's passage (the
        # same committees vote on both) says nothing.
        (["confirmed"], {"committee vote": 2}, STAGE_MISMATCH_FACTOR),
        (["hearing"], {"confirmed": 1}, STAGE_MISMATCH_FACTOR),
        (["committee vote"], {"passed": 1}, 1.0),
        # Within one kind, one stage in common is enough, whatever else either side tells.
        (["signed", "accepted"], {"signed": 1, "rejected": 1}, 1.0),
    ],
)
def test_stage_factor_scores_down_only_where_both_sides_tell_stages_and_none_agrees(ours, theirs, factor):
    assert stage_factor(ours, theirs) == factor


@pytest.mark.django_db(False)
def test_stages_are_kept_with_the_features_and_counted_in_the_profile():
    features = read(*BAIL)
    assert features.stages == ["bail"]
    assert ReportFeatures.from_json(features.to_json(), None).stages == ["bail"]
    stored_before_stages = {k: v for k, v in features.to_json().items() if k != "g"}
    assert ReportFeatures.from_json(stored_before_stages, None).stages == []

    profile = Profile()
    weights = Weights(10, {})
    profile.add(features, *weights.vectors(features))
    assert Profile.from_json(profile.to_json(), None, None).stages == {"bail": 1}
    stored_before = {k: v for k, v in profile.to_json().items() if k != "g"}
    assert Profile.from_json(stored_before, None, None).stages == {}


@pytest.mark.django_db(False)
def test_the_cue_applies_only_where_the_time_factor_cannot_tell():
    arrest, bail = read(*ARREST_WIRE), read(*BAIL)
    weights = Weights(10, {})
    monday, thursday = datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 5, tzinfo=UTC)

    def scored(arrest_date, bail_date):
        arrest.published_at, bail.published_at = arrest_date, bail_date
        profile = Profile()
        profile.add(arrest, *weights.vectors(arrest))
        return score(bail, *weights.vectors(bail), profile)

    assert scored(None, None).other_stage
    # A page-dated event and an undated report: no gap to measure, so the stage tells.
    assert scored(monday, None).other_stage and scored(None, thursday).other_stage
    # Both dated: the days decide, as for any follow-up.
    assert not scored(monday, thursday).other_stage


@pytest.mark.django_db(False)
def test_second_thoughts_score_a_stage_as_score_does_leaving_the_report_out():
    arrest, bail = read(*ARREST_WIRE), read(*BAIL)
    weights = Weights(10, {})
    profile = Profile()
    profile.add(arrest, *weights.vectors(arrest))
    by_score = score(bail, *weights.vectors(bail), profile)

    group = _Group(1, None)
    group.add(Member(1, arrest), _Vectors(arrest, weights))
    group.add(Member(2, bail), _Vectors(bail, weights))
    # The report's own stage, inside the group, must not count as the event's.
    by_refine = _match(Member(2, bail), _Vectors(bail, weights), group)

    assert by_score.other_stage and by_refine is not None and by_refine.other_stage
    assert by_refine.score == pytest.approx(by_score.score, abs=1e-3)


@pytest.mark.django_db
def test_an_undated_bail_hearing_starts_its_own_event_not_the_arrests():
    wire = report("Northwire", *ARREST_WIRE)
    paper = report("Tidewater", *ARREST_PAPER)
    assert paper.event_id == wire.event_id
    assert not paper.grouping_evidence.get("other_stage")

    bail = report("Harbour Post", *BAIL)

    assert bail.event_id != wire.event_id
    evidence = bail.grouping_evidence
    assert evidence["event_id"] == wire.event_id and evidence["other_stage"]
    assert (
        "its headline tells another stage of a court case, an election, a bill, an offer or a nomination"
        in evidence["explanation"]
    )


@pytest.mark.django_db
def test_without_the_stage_cue_the_bail_hearing_would_join_the_arrest(monkeypatch):
    # The case above is decided by the cue, not by the texts alone.
    monkeypatch.setattr(similarity, "STAGE_MISMATCH_FACTOR", 1.0)
    wire = report("Northwire", *ARREST_WIRE)
    report("Tidewater", *ARREST_PAPER)

    bail = report("Harbour Post", *BAIL)

    assert bail.event_id == wire.event_id


# An invented bill: Chile's Senate passes a water rights bill, and the president signs it into
# law four days later. The signing report recaps the vote, as follow-ups do.
VOTE_WIRE = (
    "Chile's Senate passes water rights bill giving farmers priority in droughts",
    "SANTIAGO (Northwire) - Chile's Senate passed a water rights bill by 31 votes to 17, giving "
    "small farmers and drinking water priority over mining companies in the Atacama and Coquimbo "
    "regions when rivers run low.\n\n"
    "Agriculture Minister Rocío Alvear said the law would end decades of water sales to the "
    "highest bidder. The mining association Sonami said it would cost the copper industry "
    "billions of dollars and could face a challenge in the Constitutional Court.",
)
VOTE_PAPER = (
    "Senate approves Chile's water rights reform after a decade of debate",
    "Chile's Senate approved the water rights reform by 31 to 17, putting small farmers and "
    "drinking water ahead of mining companies in the Atacama and Coquimbo regions during "
    "droughts.\n\n"
    "Agriculture Minister Rocío Alvear called it the end of water sold to the highest bidder. "
    "Sonami, the mining association, said the copper industry would lose billions of dollars "
    "and looked to the Constitutional Court.",
)
SIGNING = (
    "Chile's president signs water rights law as miners weigh court challenge",
    "President Tomás Reyes signed the water rights law in Copiapó, giving small farmers and "
    "drinking water priority over mining companies in the Atacama and Coquimbo regions when "
    "rivers run low. The Senate passed it by 31 votes to 17.\n\n"
    "Agriculture Minister Rocío Alvear stood beside him with farmers from the Huasco valley. "
    "Sonami, the mining association, said the copper industry would lose billions of dollars "
    "and it would take the law to the Constitutional Court.",
)


@pytest.mark.django_db
def test_an_undated_signing_starts_its_own_event_not_the_senate_vote():
    wire = report("Northwire", *VOTE_WIRE)
    paper = report("Tidewater", *VOTE_PAPER)
    assert paper.event_id == wire.event_id

    signing = report("Harbour Post", *SIGNING)

    assert signing.event_id != wire.event_id
    assert signing.grouping_evidence["event_id"] == wire.event_id
    assert signing.grouping_evidence["other_stage"]


@pytest.mark.django_db
def test_without_the_stage_cue_the_signing_would_join_the_senate_vote(monkeypatch):
    monkeypatch.setattr(similarity, "STAGE_MISMATCH_FACTOR", 1.0)
    wire = report("Northwire", *VOTE_WIRE)
    report("Tidewater", *VOTE_PAPER)

    signing = report("Harbour Post", *SIGNING)

    assert signing.event_id == wire.event_id


# An invented nomination: a state senate's committee backs a governor's pick for police director,
# and the full senate confirms her five days later. The confirmation report recaps the committee's
# vote, as follow-ups do; undated, the texts are all there is.
COMMITTEE_WIRE = (
    "Oregon Senate panel advances Imani Brooks nomination for state police superintendent",
    "SALEM (Northwire) - The Oregon Senate Rules Committee voted 4-1 to back Imani Brooks, a former "
    "federal prosecutor, as superintendent of the Oregon State Police, sending Governor Dana "
    "Whitcombe's pick to the full Senate.\n\n"
    "Brooks told senators she would publish every use-of-force report within 30 days. Senator "
    "Ruth Calderwood, the committee's only no vote, said Brooks had never run a police force.",
)
COMMITTEE_PAPER = (
    "Committee backs Brooks for Oregon State Police superintendent, 4-1",
    "Imani Brooks, Governor Dana Whitcombe's choice to lead the Oregon State Police, won the "
    "backing of the Senate Rules Committee by four votes to one.\n\n"
    "The former federal prosecutor promised to publish use-of-force reports within 30 days. "
    "Senator Ruth Calderwood voted no, saying Brooks had never run a police force.",
)
CONFIRMATION = (
    "Oregon Senate confirms Imani Brooks as state police superintendent",
    "The Oregon Senate confirmed Imani Brooks, a former federal prosecutor, as superintendent of "
    "the Oregon State Police by 19 votes to 11, a week after the Senate Rules Committee backed "
    "Governor Dana Whitcombe's pick.\n\n"
    "Brooks has promised to publish every use-of-force report within 30 days. Senator Ruth "
    "Calderwood, who voted against her in committee, said Brooks had never run a police force.",
)


@pytest.mark.django_db
def test_an_undated_confirmation_starts_its_own_event_not_the_committee_vote():
    wire = report("Northwire", *COMMITTEE_WIRE)
    paper = report("Tidewater", *COMMITTEE_PAPER)
    assert paper.event_id == wire.event_id

    confirmation = report("Harbour Post", *CONFIRMATION)

    assert confirmation.event_id != wire.event_id
    assert confirmation.grouping_evidence["event_id"] == wire.event_id
    assert confirmation.grouping_evidence["other_stage"]


@pytest.mark.django_db
def test_without_the_stage_cue_the_confirmation_would_join_the_committee_vote(monkeypatch):
    monkeypatch.setattr(similarity, "STAGE_MISMATCH_FACTOR", 1.0)
    wire = report("Northwire", *COMMITTEE_WIRE)
    report("Tidewater", *COMMITTEE_PAPER)

    confirmation = report("Harbour Post", *CONFIRMATION)

    assert confirmation.event_id == wire.event_id
