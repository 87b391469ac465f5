"""Names of people, organisations and places, found from capitalised word runs.

Outlets romanise and hyphenate names differently ("Kim Yong-chol", "Kim Yong Chol",
"Kim Yong-Chol"), so every name gets a key that ignores case, accents, hyphens,
apostrophes and spaces; two spellings that only differ in those share one key.
Plain Python, no Django.
"""

import re
from dataclasses import dataclass

from ..spelling import name_key
from .lexicon import (
    NAME_CONNECTORS,
    NOT_NAMES,
    ORGANISATION_WORDS,
    PERSON_TITLES,
    PLACES,
    STOPWORDS,
)

# A capitalised word, possibly hyphenated ("Yong-chol", "Al-Assad") or with an
# apostrophe ("O'Brien"), or an acronym ("NATO", "U.S.").
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'\u2019.\-]*")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$|\n\s*$")


@dataclass(frozen=True, slots=True)
class Name:
    key: str
    surface: str
    kind: str  # "person", "organisation", "place" or "other"


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


_PLACE_PREPOSITIONS = frozenset({"in", "off", "near", "at", "from", "to", "across", "outside", "into"})
_DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ns", "n", "ese", "ish", "is", "i")


def _is_demonym(joined: str) -> bool:
    """ "North Korean", "Ghanaian", "Japanese": people of a place, not a person's name."""
    return any(joined.endswith(end) and joined[: -len(end)] in PLACES for end in _DEMONYM_ENDINGS) or any(
        joined.endswith(end) and joined[: -len(end)] + "a" in PLACES for end in ("ans", "an")
    )


def _kind(words: list[str], previous: str) -> str:
    lowered = [w.lower().rstrip(".") for w in words]
    joined = " ".join(lowered)
    if _is_demonym(joined):
        return "other"
    if joined in PLACES or lowered[-1] in PLACES:
        return "place"
    if any(w in ORGANISATION_WORDS for w in lowered) or (len(words) == 1 and words[0].isupper()):
        return "organisation"
    if previous.lower() in _PLACE_PREPOSITIONS:
        return "place"
    if previous.lower().rstrip(".") in PERSON_TITLES or 2 <= len(words) <= 4:
        return "person"
    return "other"


def _clean(word: str) -> str:
    word = word.strip("'\u2019.-")
    for suffix in ("\u2019s", "'s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def _words(text: str) -> list[tuple[str, bool, bool]]:
    """(word, starts a sentence, punctuation before it) for every word."""
    out: list[tuple[str, bool, bool]] = []
    position = 0
    sentence_start = True
    for match in _WORD.finditer(text):
        gap = text[position : match.start()]
        position = match.end()
        raw = match.group(0)
        if _SENTENCE_END.search(gap):
            sentence_start = True
        word = _clean(raw)
        if word:
            out.append((word, sentence_start, bool(gap.strip(" "))))
        # "U.S." and "Mr." do not end a sentence; "talks." does.
        sentence_start = raw.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.|Mrs\.", raw)
    return out


def extract_names(text: str) -> list[Name]:
    """Every name mention in order of appearance (repeats included, for counting).

    A run of capitalised words, joined through "of"/"de"/"al" and the like, is one
    name. A capitalised word that starts a sentence counts only if the text also
    capitalises it mid-sentence ("Speculation is mounting" is not a name).
    """
    words = _words(text)
    mid_caps = {w.lower() for w, start, _ in words if not start and _is_capitalised(w)}
    names: list[Name] = []
    run: list[str] = []
    run_previous = ""

    def close() -> None:
        nonlocal run
        while run and run[-1].lower() in NAME_CONNECTORS:
            run.pop()
        if run:
            surface = " ".join(run)
            key = name_key(surface)
            if len(key) >= 2 and surface.lower() not in NOT_NAMES:
                names.append(Name(key=key, surface=surface, kind=_kind(run, run_previous)))
        run = []

    previous_word = ""
    for word, sentence_start, punctuated in words:
        if punctuated and run:
            close()  # a comma, quote or line break between two words ends a name
        lowered = word.lower()
        if not _is_capitalised(word):
            if run and lowered in NAME_CONNECTORS:
                run.append(word)
            else:
                close()
        elif lowered in STOPWORDS or lowered in NOT_NAMES:
            close()
        elif lowered in PERSON_TITLES and not run:
            pass  # "President Trump": the title is context, not part of the name
        elif sentence_start and not run and lowered not in mid_caps and lowered not in PLACES:
            pass  # an ordinary word capitalised because it starts the sentence
        else:
            if not run:
                run_previous = previous_word
            parts = word.split("-")
            if (
                len(parts) > 1
                and all(p[:1].isupper() and p.lower() in mid_caps for p in parts)
                and not word.isupper()
            ):
                # "Trump-Kim summit": two names the text also uses alone. ("Mensah-Otu" is one.)
                run.append(parts[0])
                close()
                run.extend(parts[1:])
            elif len(parts) > 1 and parts[0].lower() in NOT_NAMES:
                close()  # "February-end"
            else:
                run.append(word)
        previous_word = word
    close()
    return names


def _is_title_case(line: str) -> bool:
    """Headlines In Title Case capitalise every word, so capitals say nothing there."""
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in STOPWORDS]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) / len(words) > 0.8


def headline_names(title: str) -> list[Name]:
    return [] if _is_title_case(title) else extract_names(title)


def name_weights(names: list[Name]) -> tuple[dict[str, float], dict[str, tuple[str, str]]]:
    """Counts per name key, with a surname key for each multi-word person name.

    "Donald Trump" in one report and "Trump" in another share the key "trump", so
    each full person name also counts for its last word (at half weight).
    Returns (weights, labels) where labels maps key -> (most frequent surface, kind).
    """
    weights: dict[str, float] = {}
    surfaces: dict[str, dict[str, int]] = {}
    kinds: dict[str, str] = {}
    for name in names:
        weights[name.key] = weights.get(name.key, 0.0) + 1.0
        surfaces.setdefault(name.key, {})
        surfaces[name.key][name.surface] = surfaces[name.key].get(name.surface, 0) + 1
        kinds.setdefault(name.key, name.kind)
        last = name.surface.split()[-1]
        # Hyphenated last parts are given names in Korean and Chinese order: no surname key.
        if name.kind == "person" and " " in name.surface and "-" not in last:
            key = name_key(last)
            if len(key) >= 3:
                weights[key] = weights.get(key, 0.0) + 0.5
                surfaces.setdefault(key, {})
                surfaces[key][last] = surfaces[key].get(last, 0) + 1
                kinds.setdefault(key, "person")
    labels = {
        key: (max(sorted(forms), key=lambda s, forms=forms: forms[s]), kinds[key])
        for key, forms in surfaces.items()
    }
    return weights, labels
