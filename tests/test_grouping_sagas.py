"""A saga's happenings: the same actors, another happening, another event (issue 14)."""

import pytest
from grouping_helpers import report

from articles.grouping import similarity
from articles.grouping.features import ReportFeatures
from articles.reading import read_report

pytestmark = pytest.mark.django_db

ARREST_WIRE = (
    "Police in Lisbon arrest shipping magnate Anselm Kray on fraud warrant from Brazil",
    "LISBON (Northwire) - Portuguese police arrested shipping magnate Anselm Kray at Lisbon "
    "airport at the request of Brazil, which accuses him of defrauding the port authority of "
    "Santos of 90 million dollars, a police spokesman said.\n\n"
    "Kray, 64, a Norwegian citizen who runs the Kray Lines container group, was detained as he "
    "boarded a flight to Oslo. He is being held in custody in Lisbon.\n\n"
    "Brazilian prosecutors say Kray paid port officials to waive fees on his company's "
    "containers between 2019 and 2023. Kray Lines said the charges were baseless.\n\n"
    "Portugal and Brazil have an extradition treaty. A judge must rule on whether Kray stays "
    "in custody.",
)
ARREST_PAPER = (
    "Norwegian shipping boss Anselm Kray detained in Lisbon over Santos port fraud claims",
    "The Norwegian shipping magnate Anselm Kray has been detained in Lisbon on a Brazilian "
    "warrant accusing him of a 90 million dollar fraud against the port authority of Santos.\n\n"
    "Mr Kray, who controls the Kray Lines container group, was stopped by Portuguese police at "
    "Lisbon airport before a flight to Oslo.\n\n"
    "Brazil says he bribed port officials to waive fees on his containers for four years. His "
    "company says the accusation is baseless and that he will fight it.\n\n"
    "Portugal and Brazil have an extradition treaty, and a court in Lisbon will now decide "
    "whether he should be held in custody.",
)
BAIL_BROADCAST = (
    "Shipping magnate Anselm Kray freed on bail with passport surrendered and daily check-ins",
    "A judge in Lisbon released the shipping magnate Anselm Kray on bail of five million euros, "
    "rejecting arguments from lawyers acting for Brazil that he would flee.\n\n"
    "Judge Marta Correia ordered Mr Kray to surrender his Norwegian passport, live at an "
    'address in Cascais and report to a police station every day. "The conditions are strict, '
    'and they are enough," she said.\n\n'
    "Mr Kray, who smiled as he left the courtroom with his daughter, did not speak to reporters. "
    'His lawyer, Rui Falcao, said his client would contest the extradition request "line by '
    'line".\n\n'
    "The court will hear Brazil's extradition request next month.",
)


# The wire's report told again in other words, as a second outlet would (same verb).
ARREST_WIRE_REWORDED = (
    "Brazil's warrant: Lisbon police arrest shipping magnate Anselm Kray at the airport",
    "Portuguese police arrested the Norwegian shipping magnate Anselm Kray at Lisbon airport on "
    "a Brazilian warrant, police said. Brazil accuses him of defrauding the port authority of "
    "Santos of 90 million dollars.\n\n"
    "Kray, who runs the Kray Lines container group, was about to board a flight to Oslo. He "
    "remains in custody.\n\n"
    "His company called the charges baseless.",
)


def test_the_reading_tells_the_leads_happening_through_speech_and_light_verbs():
    arrest = read_report("Police arrest a mayor", "Police arrested the mayor of the town, officials said.")
    bail = read_report("A mayor gets bail", "The judge granted bail to the mayor of the town.")
    assert "arrest" in arrest["happening"]
    assert "said" not in arrest["happening"] and "say" not in arrest["happening"]
    assert "bail" in bail["happening"] or "grant" in bail["happening"]
    assert not set(arrest["happening"]) & set(bail["happening"])


def test_a_bail_hearing_report_is_scored_down_against_the_arrest_event_when_both_are_undated():
    wire = report("Northwire", *ARREST_WIRE)
    paper = report("Tidewater", *ARREST_PAPER)
    assert paper.event_id == wire.event_id
    bail = report("Harbour Radio", *BAIL_BROADCAST)
    evidence = bail.grouping_evidence
    assert evidence["candidates"][0]["event_id"] == wire.event_id
    assert evidence["other_happening"] and not evidence["other_day"]
    # Undated and from another outlet: the happening is the only factor.
    assert evidence["time_factor"] == similarity.ACT_MISMATCH_FACTOR
    assert "its lead tells another happening" in evidence["explanation"]


def test_a_report_of_the_same_happening_in_other_words_is_not_scored_down():
    report("Northwire", *ARREST_WIRE)
    second = report("Tidewater", *ARREST_WIRE_REWORDED)
    assert not second.grouping_evidence["other_happening"]


@pytest.mark.xfail(
    strict=True,
    reason="What issue 14 asks and the happening factor does not yet do: the first report of the "
    "bail hearing scores 0.78 on its texts against the arrest event (same man, court, warrant), "
    "0.63 scored down, still above the 0.45 threshold. The factor moves only the close calls; "
    "a stronger one splits reports of one happening told with other verbs (session 16).",
)
def test_a_bail_hearing_report_does_not_join_the_arrest_event_when_both_are_undated():
    wire = report("Northwire", *ARREST_WIRE)
    report("Tidewater", *ARREST_PAPER)
    bail = report("Harbour Radio", *BAIL_BROADCAST)
    assert bail.event_id != wire.event_id


@pytest.mark.parametrize(
    ("acts", "event_acts", "names", "factor"),
    [
        (["bail", "grant"], {"arrest": 2, "detain": 1}, 0.6, "penalty"),
        (["detain"], {"arrest": 2, "detain": 1}, 0.6, 1.0),
        # Other actors: not a saga, the texts decide alone.
        (["bail"], {"arrest": 2}, 0.1, 1.0),
        # Nothing read on either side, or only members that left (zero counts): no cue.
        ([], {"arrest": 2}, 0.6, 1.0),
        (["bail"], {}, 0.6, 1.0),
        (["bail"], {"arrest": 0}, 0.6, 1.0),
    ],
)
def test_the_happening_factor_applies_only_to_shared_actors_and_disjoint_happenings(
    acts, event_acts, names, factor
):
    features = ReportFeatures(terms={}, names={}, acts=acts)
    expected = similarity.ACT_MISMATCH_FACTOR if factor == "penalty" else factor
    assert similarity.act_factor(features, event_acts, names) == expected
