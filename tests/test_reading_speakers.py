"""Quote speakers: partial quotes a speech verb governs, and subjects the parser lost."""

from articles.reading import read_report


def speakers(body: str) -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"]) for q in read_report("t", body)["quotes"]]


def test_a_word_or_two_quoted_under_a_speech_verb_is_the_speakers_partial_quote():
    body = (
        "Senator Thomas Bramwell blamed Democrats for what he called the “hostage-taking” of pay. "
        'In a victory speech, Mayor Ann Lee said she would "keep going" on roads.'
    )
    assert speakers(body) == [("Thomas Bramwell", "hostage-taking"), ("Ann Lee", "keep going")]


def test_a_relative_pronoun_does_not_hide_the_speaker_of_a_partial_quote():
    body = "Governor Rhett Caldwell spoke first. He attacked the platform, which he said had “silenced” conservatives."
    assert speakers(body) == [("Rhett Caldwell", "silenced")]


def test_scare_quotes_stay_out_even_beside_a_speech_verb():
    body = (
        'Twitter\'s "chief twit" has not commented on the lawsuit. '
        "Attorney General Brent Dufresne, who has built his career on a “free speech” crusade, said little."
    )
    assert speakers(body) == []


def test_a_speaker_the_parser_lost_is_the_person_opening_the_sentence():
    body = (
        "Justice Samuel T. Cordero, joined by two other conservatives, dissented, warning of "
        "“the dangers of unchecked corporate power over public discourse.”"
    )
    assert speakers(body) == [
        ("Samuel T. Cordero", "the dangers of unchecked corporate power over public discourse.")
    ]


def test_a_passive_participle_does_not_make_the_sentence_opener_the_speaker():
    body = 'Mayor Ann Lee, described by critics as "a builder with no plan", won again.'
    assert [s for s, _ in speakers(body)] in ([None], [])
