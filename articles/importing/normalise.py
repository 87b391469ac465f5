"""Text as we store it: repaired where the input mixed encodings, without control characters.

Every text field of an item passes through `normalise_text` before it is checked or stored,
on both databases: PostgreSQL refuses NUL outright (and a refused outlet name used to end the
whole import), SQLite stores it and every other control character silently.
"""

import re

import ftfy
from ftfy.badness import is_bad

# ftfy repairs mojibake ("CafÃ©" -> "Café") and nothing else here: quotes, ligatures, widths,
# HTML entities and Unicode normal forms are the text as written and stay as they are.
_FIX = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization=None,
    explain=True,
)
# C0 and C1 controls and DEL, but tab and newline; also the non-characters XML refuses.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def strip_controls(text: str) -> str:
    """`text` without NUL and control characters (tab and newline kept; CR becomes newline)."""
    return _CONTROL.sub("", _NEWLINES.sub("\n", text))


def normalise_text(text: str, field: str) -> tuple[str, list[str]]:
    """The text repaired and stripped, with a warning for each thing a person should know."""
    warnings: list[str] = []
    if not text:
        return text, warnings
    if text.isascii() and "\x1b" not in text:
        # Mojibake is made of non-ASCII characters, so ftfy can change nothing in ASCII text
        # but what strip_controls removes anyway (bar terminal escapes, hence the ESC test),
        # and its garble check never matches ASCII. Most reports are ASCII: this halves
        # stage one's time (bench/bench_import.py).
        return strip_controls(text), warnings
    fixed = ftfy.fix_and_explain(text, _FIX)
    if any(step in ("encode", "decode") for step, _ in fixed.explanation or []):
        warnings.append(f"{field}: mixed text encodings were repaired (e.g. 'CafÃ©' read as 'Café')")
    cleaned = strip_controls(fixed.text)
    if is_bad(cleaned):
        warnings.append(f"{field}: the text looks garbled (mixed encodings that could not be repaired)")
    return cleaned, warnings
