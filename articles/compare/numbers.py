"""Numbers, amounts, percentages, durations, dates and ordinals with a value and a unit.

The value and unit are what conflict detection compares: "a 90-minute meeting" and "an hour-long
meeting" are both duration:minute (90 vs 60); "end of February" and "February-end" are both the
month 2. Number words ("seven months") count like digits.
"""

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from .lang import get_language


@dataclass(slots=True)
class Number:
    text: str
    value: float | str
    unit: str
    kind: str  # amount, percent, duration, date, year, count, ordinal
    sentence: int
    start: int
    end: int

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }


_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}


def _build_patterns(lang: ModuleType) -> dict[str, re.Pattern]:
    words = "|".join(sorted((w for w in lang.NUMBER_WORDS if " " not in w), key=len, reverse=True))
    num = rf"(?:\d[\d,]*(?:\.\d+)?|\b(?:{words}))"
    scale = "|".join(sorted(lang.SCALE_WORDS, key=len, reverse=True))
    currency_words = "|".join(lang.CURRENCY_WORDS)
    symbols = "".join(re.escape(s) for s in lang.CURRENCY_SYMBOLS)
    durations = "|".join(lang.DURATION_UNITS)
    months = "|".join(m.capitalize() for m in sorted(lang.MONTHS, key=len, reverse=True))
    qualifiers = "|".join(lang.DATE_QUALIFIERS)
    return {
        "amount": re.compile(
            rf"(?P<sym>[{symbols}])\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<scale>{scale})\b)?"
            rf"|(?P<num2>{num})(?:\s(?P<scale2>{scale}))?\s(?P<cur>{currency_words})\b",
            re.IGNORECASE,
        ),
        "percent": re.compile(rf"(?P<num>{num})\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE),
        "duration": re.compile(rf"(?P<num>{num})[\s-](?P<unit>{durations})\b", re.IGNORECASE),
        "date": re.compile(
            rf"(?:\b(?P<qual>{qualifiers})(?:\s+of)?[\s-]+(?:the\s+)?)?"
            rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?\b(?P<month>{months})\.?\b"
            rf"(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
            rf"(?P<end>-end\b)?"
        ),
        "year": re.compile(r"\b(?P<num>(?:19|20)\d\d)\b"),
        "count": re.compile(rf"(?i:(?P<num>{num})(?:\s(?P<scale>{scale})\b)?)\s(?P<noun>[a-z][a-z-]+)"),
        "ordinal": re.compile(
            r"\b(?i:(?P<ord>" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th)))\s(?P<noun>[a-z][a-z-]+)"
        ),
    }


_PATTERNS: dict[str, dict[str, re.Pattern]] = {}


def _value(token: str, lang: ModuleType) -> float | None:
    token = token.lower().replace(",", "")
    if token in lang.NUMBER_WORDS:
        return float(lang.NUMBER_WORDS[token])
    try:
        return float(token)
    except ValueError:
        return None


def _stem_noun(noun: str) -> str:
    noun = noun.lower()
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun


_DIGIT_ANCHOR = re.compile(r"[$£€¥₩]?(?<![\d.,])\d")
_LOWER_WORD = re.compile(r"[a-z]+")
_ANCHORS: dict[str, frozenset[str]] = {}


def _anchor_words(lang: ModuleType) -> frozenset[str]:
    """Lower-cased words at which a number, date or ordinal can start."""
    words = _ANCHORS.get(lang.__name__)
    if words is None:
        qualifiers = {q.split()[0] for q in lang.DATE_QUALIFIERS}
        words = frozenset(lang.NUMBER_WORDS) | frozenset(lang.MONTHS) | frozenset(_ORDINALS) | qualifiers
        _ANCHORS[lang.__name__] = words
    return words


def _anchor_positions(text: str, anchors: frozenset[str]) -> list[tuple[int, str]]:
    """Where a number can start: digits and currency signs, and whole anchor words.

    The anchor words present are found with one set intersection over the text's words, then
    located with str.find; both run in C, which keeps this cheap on long reports.
    """
    positions = [(m.start(), "") for m in _DIGIT_ANCHOR.finditer(text)]
    lowered = text.lower()
    for word in anchors.intersection(_LOWER_WORD.findall(lowered)):
        at = lowered.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not lowered[at - 1].isalpha()) and (
                end == len(lowered) or not lowered[end].isalpha()
            ):
                positions.append((at, word))
            at = lowered.find(word, end)
    positions.sort()
    return positions


@lru_cache(maxsize=4096)
def _kinds_for_word(word: str, lang: ModuleType) -> tuple[str, ...]:
    """The patterns that can start with this anchor word (a digit may start any of them)."""
    kinds: tuple[str, ...] = ()
    if word in lang.NUMBER_WORDS:
        kinds += ("amount", "percent", "duration", "count")
    if word in _ORDINALS:
        kinds += ("ordinal",)
    if word in lang.MONTHS or any(q.split()[0] == word for q in lang.DATE_QUALIFIERS):
        kinds += ("date",)
    return kinds


def extract_numbers(text: str, sentence_starts: list[int], language: str = "en") -> list[Number]:
    """Numbers in text without overlaps, in reading order; sentence_starts are the sentences' offsets.

    The patterns are tried only where a number can start (a digit, a currency sign, a number,
    month, ordinal or date-qualifier word), which is many times faster than running every
    pattern over the whole text.
    """
    lang = get_language(language)
    patterns = _PATTERNS.get(language) or _PATTERNS.setdefault(language, _build_patterns(lang))
    positions = _anchor_positions(text, _anchor_words(lang))
    found: list[Number] = []
    covered_until = 0
    for start, word in positions:
        if start < covered_until:
            continue
        for kind, pattern in patterns.items():
            if word and kind not in _kinds_for_word(word, lang):
                continue
            m = pattern.match(text, start)
            if m is None:
                continue
            number = _read(kind, m, lang)
            if number is None:
                continue
            value, unit = number
            sentence = max(bisect.bisect_right(sentence_starts, start) - 1, 0)
            found.append(Number(m.group(0), value, unit, kind, sentence, start, m.end()))
            covered_until = m.end()
            break
    return found


def _read(kind: str, m: re.Match, lang: ModuleType) -> tuple[float | str, str] | None:
    groups = m.groupdict()
    if kind == "amount":
        num = _value(groups["num"] or groups["num2"], lang)
        if num is None:
            return None
        scale = (groups["scale"] or groups["scale2"] or "").lower()
        currency = (
            lang.CURRENCY_SYMBOLS.get(groups["sym"] or "") or lang.CURRENCY_WORDS[groups["cur"].lower()]
        )
        return num * lang.SCALE_WORDS.get(scale, 1), currency
    if kind == "percent":
        num = _value(groups["num"], lang)
        return (num, "percent") if num is not None else None
    if kind == "duration":
        num = _value(groups["num"], lang)
        return (num, "duration:" + lang.DURATION_UNITS[groups["unit"].lower()]) if num is not None else None
    if kind == "date":
        month = lang.MONTHS[groups["month"].lower()]
        if groups["month"] == "May" and not (
            groups["day1"] or groups["day2"] or groups["year"] or groups["qual"]
        ):
            return None  # "May" alone is too often the verb at the start of a sentence
        day = groups["day1"] or groups["day2"]
        # ISO 8601 style; "--02" is February of an unnamed year.
        value = (f"{groups['year']}-{month:02d}" if groups["year"] else f"--{month:02d}") + (
            f"-{int(day):02d}" if day else ""
        )
        return value, "date"
    if kind == "year":
        return float(groups["num"]), "year"
    if kind == "count":
        noun = groups["noun"].lower()
        if noun in lang.STOPWORDS or noun in lang.DURATION_UNITS or noun in lang.MONTHS:
            return None
        num = _value(groups["num"], lang)
        if num is None:
            return None
        scale = (groups["scale"] or "").lower()
        return num * lang.SCALE_WORDS.get(scale, 1), "count:" + _stem_noun(noun)
    if kind == "ordinal":
        noun = groups["noun"].lower()
        if noun in lang.STOPWORDS:
            return None
        raw = groups["ord"].lower()
        value = _ORDINALS.get(raw) or float(re.sub(r"\D", "", raw))
        return float(value), "ordinal:" + _stem_noun(noun)
    return None
