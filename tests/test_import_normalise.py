"""Text normalisation on the way in: ASCII text takes a short path that must give exactly what
the full repair (ftfy, then control characters stripped) gives."""

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.importing.normalise import _FIX, normalise_text, strip_controls

ASCII = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=400)


def full_repair(text: str) -> str:
    return strip_controls(ftfy.fix_and_explain(text, _FIX).text)


@settings(max_examples=400, deadline=None)
@given(ASCII)
def test_ascii_text_is_normalised_as_the_full_repair_would(text):
    cleaned, warnings = normalise_text(text, "body")
    assert cleaned == full_repair(text) and warnings == []


def test_terminal_escapes_in_ascii_still_go_through_the_full_repair():
    text = "Shares \x1b[31mfell\x1b[0m sharply\r\non Monday"
    assert normalise_text(text, "body") == (full_repair(text), [])
    assert "[31m" not in normalise_text(text, "body")[0]


def test_mojibake_is_still_repaired_with_a_warning():
    cleaned, warnings = normalise_text("CafÃ© owners protest", "title")
    assert cleaned == "Café owners protest"
    assert warnings and "mixed text encodings were repaired" in warnings[0]
