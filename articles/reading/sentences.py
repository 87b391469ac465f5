"""Sentence segmentation that keeps character offsets, so the page can anchor every sentence.

Paragraphs are split first (blank lines, or a line break after sentence-final punctuation; a line
break in mid-sentence is a soft wrap). Inside a paragraph every run of . ! ? or an ellipsis
followed by white space is a candidate boundary, refused when the word before is an abbreviation
or an initial, when the next word starts in lower case ("she asked", "... and then"), or when
the text goes on with a dash (a dateline: "SAN JOSE, Calif. — ...").
Closing quotes and brackets after the punctuation stay with the sentence they close.
"""

import re
from dataclasses import dataclass
from types import ModuleType

from .lang import get_language


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int  # offsets into the text given to split_sentences
    end: int
    text: str


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
# Candidate boundary: terminal punctuation, closing quotes/brackets, then white space.
_BOUNDARY = re.compile(r"(?:\.\.\.|…|[.!?])+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.’'-]+)$")
_NEXT_WORD = re.compile(r"\s+([\"'“‘(\[]*)(\S*)")
_ENDS_SENTENCE = re.compile(r"[.!?…:][\"'”’)\]]*$")
# What follows a dateline's state abbreviation: "SAN JOSE, Calif. (Granite Wire) — Voltaro ...".
# No sentence starts with a dash, so a dash (after an optional agency credit) continues this one.
_DASH_GOES_ON = re.compile(r"\s+(?:\([^()]{1,60}\)\s*)?[—–-]+\s")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the paragraphs of text, stripped of surrounding white space."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        # A single line break ends a paragraph when the line looks finished (or is a short
        # heading-like line); otherwise it is a wrap inside the paragraph.
        line_start = 0
        for m in _LINE_BREAK.finditer(block):
            line = block[line_start : m.start()]
            next_char = block[m.end() : m.end() + 1]
            if _ENDS_SENTENCE.search(line) or (len(line) < 60 and not next_char.islower()):
                spans.append((block_start + line_start, block_start + m.start()))
                line_start = m.end()
        spans.append((block_start + line_start, block_end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _blocks(text: str) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        blocks.append((start, m.start()))
        start = m.end()
    blocks.append((start, len(text)))
    out = []
    for s, e in blocks:
        chunk = text[s:e]
        stripped = chunk.strip()
        if stripped:
            s += len(chunk) - len(chunk.lstrip())
            out.append((s, s + len(stripped)))
    return out


def _is_boundary(para: str, punct_start: int, punct_end: int, lang: ModuleType) -> bool:
    mark = para[punct_start:punct_end]
    if _DASH_GOES_ON.match(para, punct_end):
        return False
    next_match = _NEXT_WORD.match(para, punct_end)
    if next_match is None:
        return True
    opener, next_word = next_match.group(1), next_match.group(2)
    if not next_word and not opener:
        return True
    first = (next_word or opener)[:1]
    # "... she said" / "?" he asked: the sentence goes on in lower case.
    if first.islower():
        return False
    if not mark.startswith("."):
        return True
    if mark.startswith(("...", "…")):
        return True
    before = _WORD_BEFORE.search(para, max(0, punct_start - 40), punct_start)
    if before is None:
        return True
    word = before.group(1).lstrip("'’").lower()
    bare = word.rstrip(".")
    # An initial: "J. R. R. Tolkien", "George W. Bush".
    if len(bare) == 1 and bare.isalpha():
        return False
    # An initialism with dots ("U.S.", "a.m."): a break only before a typical sentence opener.
    if "." in bare:
        return next_word.strip("\"'“‘").lower() in lang.SENTENCE_STARTERS
    if bare in lang.ABBREVIATIONS_BEFORE_NUMBERS:
        return not first.isdigit()
    if bare in lang.ABBREVIATIONS:
        if bare in lang.ABBREVIATIONS_BEFORE_NAMES:
            return False
        # "Jan. 5" / "No. 10": a number follows; "Inc. The company" ends a sentence.
        if first.isdigit():
            return False
        return next_word.strip("\"'“‘").lower() in lang.SENTENCE_STARTERS
    return True


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """The sentences of text, in reading order, with paragraph indices and character offsets."""
    lang = get_language(language)
    sentences: list[Sentence] = []
    for para_index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        para = text[p_start:p_end]
        start = 0
        for m in _BOUNDARY.finditer(para):
            if _is_boundary(para, m.start(), m.end(), lang):
                _append(sentences, text, para_index, p_start + start, p_start + m.end())
                start = m.end()
        _append(sentences, text, para_index, p_start + start, p_end)
    return sentences


def _append(sentences: list[Sentence], text: str, paragraph: int, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    start += len(chunk) - len(chunk.lstrip())
    end = start + len(stripped)
    sentences.append(Sentence(len(sentences), paragraph, start, end, stripped))
