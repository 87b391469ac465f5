"""Names one report's reading missed that the other report's reading found.

The parser tags a name in one report and passes over the same words in the other ("Prairie
Ridge High School", "Ashcombe"), and the comparison then says only one side names it: a false
"only A". Two reports of one event share their names, so a name found in one is looked for, as
the same words, in the other. A word is taken only where it reads as a name there: the same
capitals, not a common word the report also writes in lower case, not the first word of a
sentence alone, and not one part of a longer name the other report writes.
"""

import re
import unicodedata
from types import ModuleType

from ..reading.identity import (
    ORGANISATION,
    PERSON,
    PLACE,
    is_initial,
    known_region,
    without_leading_place,
    without_legal_suffix,
)

_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "du", "la", "von", "van", "&"})
_ARTICLES = frozenset({"the", "a", "an"})


def _is_name(form: str, kind: str) -> bool:
    """Whether form can be looked for as words: a name of several capitalised words, or
    initials ("CPSC"), or one capitalised word, but not a person's bare surname, which a
    report may give to a relative or a namesake."""
    words = form.split()
    if not words or not form[:1].isupper():
        return False
    if len(words) == 1:
        return kind != PERSON
    return all(w[:1].isupper() or w.lower() in _CONNECTORS or not w[:1].isalpha() for w in words)


def _nickname(words: str, lang: ModuleType) -> bool:
    """Whether words are a club's plural nickname ("Celtics", "Trail Blazers"): one or two
    capitalised words, the last a plural that is no generic word of bodies' names ("Times",
    "Industries", "Services")."""
    parts = words.split()
    last = parts[-1]
    generic = lang.ORG_SUFFIXES | lang.CORPORATE_SUFFIXES
    return (
        len(parts) <= 2
        and all(p[:1].isupper() and p.isalpha() for p in parts)
        and last.endswith("s")
        and not last.endswith("ss")
        and last.lower() not in generic
        and last.lower().removesuffix("s") not in generic
        and last.lower() not in ("times", "news")
    )


def _forms(entity: dict, lang: ModuleType) -> list[str]:
    names = {entity["name"], *entity.get("variants", []), *(m["text"] for m in entity.get("mentions", []))}
    if entity["kind"] == ORGANISATION:
        # "Red Clay Freight Lines Inc." is "Red Clay Freight Lines" to an outlet that leaves out
        # the legal suffix
        names |= {
            " ".join(words) for name in list(names) if len(words := without_legal_suffix(name, lang)) >= 2
        }
        # "U.S. Consumer Product Safety Commission", "Minnesota State Patrol": the other report
        # may leave out a national or state body's country or state; never a city, since "the
        # Boston Fed" is not "the Fed"
        shorts = (without_leading_place(name, lang, known_region) for name in list(names))
        names |= {short for short in shorts if short and len(short.split()) >= 2}
        # "the Celtics" of "Boston Celtics": a club is named by its plural nickname without its
        # city; "the Fed" of "the Boston Fed" is no plural, and stays another bank
        teams = (without_leading_place(name, lang) for name in list(names))
        names |= {team for team in teams if team and _nickname(team, lang)}
    if entity["kind"] == PLACE:
        # "HYDERABAD, India (Meridian Wire) —": the other report's dateline shouts the place
        names |= {name.upper() for name in list(names)}
    if entity["kind"] == PERSON:
        # "Darnell T. Whitacre Jr." is "Darnell Whitacre Jr." to an outlet that leaves out
        # middle initials
        names |= {" ".join(w for w in name.split() if not is_initial(w)) for name in list(names)}
    # "Cian O Floinn", "Sean Og Kearney": an outlet may leave out the accents
    names |= {_unaccented(name) for name in list(names)}
    forms = {re.sub(r"^(?:the|The)\s+", "", name.strip()) for name in names}
    # longest first, so that "Minnesota State Patrol" claims its words before "State Patrol"
    return sorted((f for f in forms if _is_name(f, entity["kind"])), key=len, reverse=True)


def _unaccented(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _lower_case_word(word: str, texts: list[str]) -> bool:
    pattern = re.compile(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])")
    return word.lower() != word and any(pattern.search(text) for text in texts)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the words at start:end are a whole name, not part of a longer one: no
    capitalised word right after them, nor right before them other than a sentence's first
    word or an article."""
    after = re.match(r"\s+([\w'’-]+)", text[end:])
    if after and after.group(1)[:1].isupper():
        return False
    before = re.search(r"([\w'’-]+)\s+$", text[:start])
    if before and before.group(1)[:1].isupper() and before.group(1).lower() not in _ARTICLES:
        return before.start(1) == 0  # the sentence's own first word: capitalised anyway
    return True


def _disagrees(kind: str, start: int, end: int, span: tuple[int, int, str, str]) -> bool:
    """Whether the other reading read the words at start:end otherwise, so that they are not
    this name there: as a part of a longer name, or as a name of their own, which the linking of
    the two reports' names has taken or left already. A part of these words read as a name was
    a name cut short; but one word alone called a person, with no full name for it in its
    report ("Energy giant Ashcombe"), is the model's weakest guess and no verdict."""
    a, b, other, text = span
    if b <= start or end <= a:
        return False
    if (a, b) == (start, end):
        return not (other == PERSON != kind and len(text.split()) == 1)
    return not (start <= a and b <= end)


def unread_mentions(
    entity: dict, sentences: list[dict], taken: list[tuple[int, int, str, str]], lang: ModuleType
) -> list[dict]:
    """Mentions of entity (one report's reading) in the other report's sentences, found as the
    same words where that report's reading saw no name, or only a part of this one.
    taken: (start, end, kind, text) of the names the other report's reading found, where _disagrees
    says whether the two readings differ too much for either to win. Each mention is {"start", "end", "text", "sentence"}, offsets into the report
    as the reading's are."""
    texts = [s["text"] for s in sentences]
    found: list[dict] = []
    for form in _forms(entity, lang):
        single = len(form.split()) == 1
        if single and not form.isupper() and _lower_case_word(form, texts):
            continue  # "State", "Defense": a common word, capitalised only where it opens a sentence
        hits = []
        for sentence in sentences:
            for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sentence["text"]):
                start, end = sentence["start"] + match.start(), sentence["start"] + match.end()
                if any(_disagrees(entity["kind"], start, end, span) for span in taken):
                    continue
                if any(m["start"] < end and start < m["end"] for m in found):
                    continue
                if not _stands_alone(sentence["text"], match.start(), match.end()):
                    continue
                hits.append(
                    (
                        match.start() > 0,
                        {"start": start, "end": end, "text": form, "sentence": sentence["id"]},
                    )
                )
        # one word alone must stand inside a sentence somewhere, where a capital marks a name
        if hits and (not single or form.isupper() or any(inside for inside, _ in hits)):
            found += [mention for _, mention in hits]
    return sorted(found, key=lambda m: m["start"])


def absorbed(entity: dict, found: list[dict]) -> bool:
    """Whether every mention of entity lies inside names found by unread_mentions: the reading
    saw a part of a longer name ("State" of "State Patrol") that is really the other's."""
    mentions = entity.get("mentions", [])
    return bool(mentions) and all(
        any(f["start"] <= m["start"] and m["end"] <= f["end"] for f in found) for m in mentions
    )
