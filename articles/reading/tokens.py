"""Words reduced for comparison: lower case, American spelling, a light suffix-stripping stem."""

import re
from functools import lru_cache
from types import ModuleType

from .lang import get_language

WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*")
# Diff tokens keep their trailing white space so that joining them gives the text back.
DIFF_TOKEN = re.compile(r"\d+(?:[.,]\d+)+\s*|\w+(?:['’]\w+)*\s*|[^\w\s]\s*|\s+")

_SUFFIXES = (
    "izations",
    "ization",
    "ational",
    "fulness",
    "iveness",
    "ousness",
    "ations",
    "ation",
    "ements",
    "ement",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "edly",
    "ies",
    "ied",
    "ed",
    "ly",
    "es",
    "s",
)


_NOT_ADVERBS = ("ply", "ily", "bly", "aly")


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A light stem: "meetings" / "meeting" -> "meet", "announced" / "announcement" -> "announc"."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if suffix == "ly" and (len(word) < 6 or word.endswith(_NOT_ADVERBS)):
            continue  # "early", "supply", "family", "assembly" are no adverbs
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            elif suffix in ("s", "es") and base.endswith(("s", "u")) and suffix == "s":
                return word  # "status", "focus": not plurals
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "planning" -> "plan"
            word = base
            break
    return word.removesuffix("e") if len(word) > 4 else word


# Word -> normalised token (None for stop words), per language; emptied when it grows too big.
_NORMAL: dict[str, dict[str, str | None]] = {}
_NORMAL_MAX = 200_000


def _normal_word(word: str, lang: ModuleType) -> str | None:
    lowered = word.lower().replace("’", "'")
    if "'" in lowered:
        lowered = lowered.split("'")[0]
    if lowered in lang.STOPWORDS or len(lowered) < 2:
        return None
    return stem(lang.american_spelling(lowered))


def content_tokens(text: str, language: str = "en") -> list[str]:
    """The content words of text, normalised; stop words dropped."""
    cache = _NORMAL.get(language)
    if cache is None or len(cache) > _NORMAL_MAX:
        cache = _NORMAL[language] = {}
    out = []
    for word in WORD.findall(text):
        token = cache.get(word, "")
        if token == "":
            token = cache[word] = _normal_word(word, get_language(language))
        if token:
            out.append(token)
    return out


@lru_cache(maxsize=131072)
def _diff_key(token: str, language_module: str) -> str:
    return get_language(language_module).american_spelling(token.strip().lower().replace("’", "'"))


def diff_key(token: str, lang: ModuleType) -> str:
    """What two diff tokens must share to count as the same word."""
    return _diff_key(token, lang.__name__.rsplit(".", 1)[-1])
