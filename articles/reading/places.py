"""Places the small model leaves untagged or types as something else, found from the parse.

The model's tags for a country's name depend on the sentence around it: "Tuvalu's prime
minister" is tagged in one report and passed over in another, "to Niue" is read as a person.
A country's name is rarely anything else in news text, so where the model tagged nothing the
name is a place, unless it stands inside a longer name ("Kenya Airways", "Bank of Japan"),
whose place is not listed. Plain Python, no Django.
"""

from types import ModuleType

from .gazetteer import is_country_name
from .identity import PERSON, PLACE

_LONGEST = 3  # "Papua New Guinea", "Trinidad and Tobago" are handled by the model; three words at most


def country_name(text: str, lang: ModuleType) -> bool:
    """Whether text is a country's name the lists or the gazetteer know ("Tuvalu", "Niue")."""
    return text.lower() in lang.COUNTRIES or is_country_name(text)


def _opens_a_title(doc, index: int, lang: ModuleType) -> bool:
    """Whether a title starts at index ("Tuvalu Prime Minister ...", "Kenya President ..."):
    a country's name before it says whose office it is and is no part of a body's name."""
    if doc[index].lower_.rstrip(".") in lang.TITLES:
        return True
    pair = " ".join(t.lower_ for t in doc[index : index + 2])
    return pair in lang.TITLE_PHRASES


def _inside_a_longer_name(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether the words at start:end run on into capitalised words around them: a name before
    them ("Bank of Japan", "Royal Nepal"), or after them other than a title ("Kenya Airways"),
    or a hyphen ("Japan-based")."""
    if end < len(doc):
        after = doc[end]
        if not doc[end - 1].whitespace_ and after.text in ("-", "‐"):
            return True
        if after.text[:1].isupper() and after.is_alpha and not _opens_a_title(doc, end, lang):
            return True
    if start > 0:
        before = doc[start - 1]
        if before.text[:1].isupper() and before.is_alpha and not before.is_sent_start:
            return True
        if before.lower_ in ("of", "for", "&") and start > 1 and doc[start - 2].text[:1].isupper():
            return True
    return False


def untagged_countries(doc, taken: set[int], lang: ModuleType) -> list[tuple[int, int]]:
    """Token spans of countries' names the model tagged nothing in, each a whole capitalised
    name of one to three words that no longer name runs on into."""
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(doc):
        found = None
        for size in range(_LONGEST, 0, -1):
            end = k + size
            if end > len(doc) or taken.intersection(range(k, end)):
                continue
            words = doc[k:end]
            if not all(t.is_title or t.lower_ == "and" for t in words) or words[0].lower_ == "and":
                continue
            if country_name(words.text, lang) and not _inside_a_longer_name(doc, k, end, lang):
                found = (k, end)
                break
        if found:
            spans.append(found)
            k = found[1]
        else:
            k += 1
    return spans


def with_countries(
    doc, raw: list[tuple[int, int, str, bool]], surnames: set[str], lang: ModuleType
) -> list[tuple[int, int, str, bool]]:
    """raw with the countries the model tagged nothing in added as places, and a lone word the
    model calls a person that is a country's name ("to Niue") a place, unless a title or a
    full name makes it someone's ("Mr Jordan", "Michael Jordan ... Jordan said")."""
    out = [
        (
            start,
            end,
            PLACE if _someone_by_country(doc, start, end, kind, titled, surnames, lang) else kind,
            titled,
        )
        for start, end, kind, titled in raw
    ]
    taken = {k for start, end, _, _ in raw for k in range(start, end)}
    out += [(start, end, PLACE, False) for start, end in untagged_countries(doc, taken, lang)]
    return sorted(out)


def _someone_by_country(
    doc, start: int, end: int, kind: str, titled: bool, surnames: set[str], lang: ModuleType
) -> bool:
    """Whether a lone word the model calls a person is a country's name, untitled and no
    surname of someone the report names in full."""
    text = doc[start:end].text
    return (
        kind == PERSON
        and end - start == 1
        and not titled
        and text not in surnames
        and country_name(text, lang)
    )
