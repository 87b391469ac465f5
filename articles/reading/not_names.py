"""Capitalised words the model tags that name no entity a reader would list: measures and
their short forms, benchmarks, illnesses, ships, series and model numbers, scales, days and
offices, peoples, owned things, a sentence's or a quote's capitalised first word. Plain Python,
no Django.
"""

import re
from types import ModuleType

from .gazetteer import is_place_name
from .identity import known_place
from .short_forms import short_form_after
from .spans import LEADING, without_possessive

DESCRIBING = frozenset(
    {"a", "an", "one", "every", "each", "any"}
)  # "one Tory Brexiteer", "every Louisianan": a description, not a name

RANKING = frozenset({"first", "second", "third", "last", "only", "youngest", "oldest"})  # "the first Latina"


def names_premises(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether the name describes a hotel or a channel after it ("the Cinnamon Grand ...
    hotels", "the group's Al Masirah television")."""
    root = doc[start:end].root
    head = root.head
    return (
        root.dep_ in ("compound", "nmod")
        and head.i >= end
        and head.is_lower
        and head.lemma_.lower() in lang.PREMISES_AND_MEDIA_NOUNS
    )


def names_a_day_or_an_office(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a name of a place or body is a day ("Easter Sunday", "Black Friday": it ends in
    a weekday) or an office ("Archbishop of Colombo", "Chancellor of the Exchequer": a title,
    then "of"), which the report names but no reader would list as somewhere or a body."""
    if end - start >= 2 and doc[end - 1].lower_ in lang.WEEKDAYS:
        return True
    return end - start >= 3 and doc[start].lower_.rstrip(".") in lang.TITLES and doc[start + 1].lower_ == "of"


def counts_a_group(ent) -> bool:
    """Whether the span, after its article, opens with a number in lower-case letters ("the
    seven Britons", "three Chinese lenders"): it counts people or things. A name that starts with
    a number writes it with a capital or in digits ("Seven Network", "3M")."""
    first = next((t for t in ent if t.lower_ not in LEADING), None)
    return first is not None and first.is_lower and first.is_alpha and first.like_num


def names_a_series(doc, start: int, end: int) -> bool:
    """Whether a one-word name, after an optional article, is written with a model or series
    number ("the FTSE 100", "the Boeing 787", "Nikkei 225"): an index or a product, not the
    body. A longer name before a number is its operator ("an Ethiopian Airlines 737 Max")."""
    words = doc[start + (doc[start].lower_ in LEADING) : end]
    if len(words) == 2 and model_number(words[-1].text):
        return True  # the model took the number in
    return len(words) == 1 and end < len(doc) and model_number(doc[end].text)


def _ends_in_index_word(span) -> bool:
    return len(span) > 1 and span[-1].lower_ in ("index", "indices")


def without_index_word(span) -> str:
    """A name's text without its last word when that is "Index" ("Hang Seng Index")."""
    if _ends_in_index_word(span):
        span = span[:-1]
    return span.text.removeprefix("the ").removeprefix("The ")


def benchmarks_named(doc, lang: ModuleType) -> set[str]:
    """Names the report writes as a market's benchmark: ending in "Index", or right before a
    lower-case noun for an index or a grade ("the Hang Seng index", "Brent crude")."""
    spans = (without_possessive(ent) for ent in doc.ents)
    found = {without_index_word(span) for span in spans if _ends_in_index_word(span)}
    return found | named_before(doc, lang.BENCHMARK_NOUNS)


def named_before(doc, nouns: frozenset[str]) -> set[str]:
    """The capitalised words right before a lower-case noun of nouns, tagged or not, alone and
    with the noun ("Brent" and "Brent crude", "Nipah" and "Nipah virus")."""
    found = set()
    for noun in doc[1:]:
        if noun.is_lower and noun.lower_ in nouns:
            start = noun.i
            # a capitalised word, a proper noun or (opening a sentence) read as a common one
            while (
                start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in ("PROPN", "NOUN")
            ):
                start -= 1
            if start < noun.i:
                found.update({doc[start : noun.i].text, doc[start : noun.i + 1].text})
    return found


# A sum written with a currency's letter before its figures ("N1,482", "R12,500"): no name.
LETTERED_SUM = re.compile(r"[A-Za-z]{1,3}\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def measures_named(doc, lang: ModuleType) -> set[str]:
    """Names of a measure the report uses and their short forms: a name ending in a word for a
    measure ("the Monetary Policy Rate (MPR)"), and the capitals in brackets after the lower-case
    words they spell ("the cash reserve ratio (CRR)"): a common term, no body."""
    found = set()
    for ent in doc.ents:
        while len(ent) and not ent[-1].is_alpha:
            ent = ent[:-1]  # "the Standing Lending Rate (": the model ran on into the bracket
        if len(ent) >= 2 and ent[-1].lower_ in lang.MEASURE_LAST_WORDS and ent[-1].is_title:
            found.add(ent.text.removeprefix("the ").removeprefix("The "))
            if short := short_form_after(doc, ent.end):
                found.add(short)
    for token in doc[1:-1]:
        short = token.text
        if token.is_alpha and short_form_after(doc, token.i - 1) == short:
            words = doc[max(token.i - 1 - len(short), 0) : token.i - 1]
            spelt = "".join(t.text[:1] for t in words).upper()
            if len(words) == len(short) and spelt == short and all(t.is_lower and t.is_alpha for t in words):
                found.add(short)
    return found


def vessels_named(doc, lang: ModuleType) -> set[str]:
    """Ships' names the report writes: the capitalised words right after a lower-case noun for
    a ship ("the tanker Coral Meridian") or a ship's prefix ("MT Coral Meridian"), with and
    without the prefix. A vessel is no body and no place."""
    found = set()
    for token in doc[:-1]:
        marks = (
            (token.is_lower and token.lower_ in lang.VESSEL_NOUNS)
            or (token.is_upper and token.lower_ in lang.VESSEL_PREFIXES)
            or (
                token.lower_ == "carrier"
                and token.i > 0
                and doc[token.i - 1].lower_ in lang.VESSEL_CARRIER_KINDS
            )
        )
        if not marks:
            continue
        end = token.i + 1
        while (
            end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN"
        ):
            end += 1
        if end == token.i + 1:
            continue
        name = doc[token.i + 1 : end]
        found.add(name.text)
        if name[0].is_upper and name[0].lower_ in lang.VESSEL_PREFIXES and len(name) > 1:
            found.add(name[1:].text)  # "the tanker MT Coral Meridian"
        if token.is_upper:
            found.add(doc[token.i : end].text)
    return found


def listed_with_peoples(doc, start: int, end: int) -> bool:
    """Whether a one-word plural name stands in a list of peoples the model tags as such
    ("Ethiopians, Chinese, Americans, Britons and French"): a people, no place and no body."""
    if end - start != 1:
        return False
    token = doc[start]
    if not (token.tag_ == "NNPS" or token.text.endswith("s")):
        return False
    chained = [token.head] if token.dep_ == "conj" else []
    chained += [c for c in token.children if c.dep_ == "conj"]
    return any(t.ent_type_ == "NORP" for t in chained)


def after_a_measure(doc, start: int, lang: ModuleType) -> bool:
    """Whether a name stands right after a number and a noun a number measures in ("116 degrees
    Fahrenheit", "minus 5 degrees Celsius"): the name is the measure's scale."""
    return (
        start >= 2
        and doc[start - 1].lower_ in lang.SCALE_UNIT_NOUNS
        and (doc[start - 2].like_num or doc[start - 2].pos_ == "NUM")
    )


def model_number(text: str) -> bool:
    """A product's model number ("737" of "737 Max"), not a year or a count of one or two digits."""
    return text.isdigit() and len(text) >= 3 and not (len(text) == 4 and text[:2] in ("19", "20"))


def owned_thing(doc, start: int, end: int) -> bool:
    """Whether a one-word name, the head of its phrase, follows "his" or "her" ("her Honda was
    struck", "his Rolex"): a thing someone owns, named by its maker, not the maker. "Our"
    and "their" are left alone ("our NHS")."""
    return (
        end - start == 1
        and start > 0
        and doc[start - 1].lower_ in ("his", "her")
        and doc[start - 1].dep_ == "poss"
        and doc[start - 1].head.i == start
        and doc[start].dep_ != "compound"
    )


def inside_title(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether the name is the end of an office ("State" of "Secretary of State") or, with or
    without its possessive, the start of one ("State" of "State’s Attorney Marcus Ellery", of
    "State Senator Neil Prescott")."""
    for length in (2, 3):
        if start - length < 0:
            break
        phrase = " ".join(t.lower_ for t in doc[start - length : end])
        if phrase in lang.TITLE_PHRASES:
            return True
    return any(
        end + extra <= len(doc) and doc[start : end + extra].text.lower() in lang.TITLE_PHRASES
        for extra in (1, 2)
    )


# Words of a government's own name, which an office's title may carry ("Scottish Government Minister")
_GOVERNING_WORDS = frozenset("government executive cabinet state federal national".split())


def names_a_portfolio(doc, start: int, end: int, lang: ModuleType) -> bool:
    """A one-word name written before "Secretary" or "Minister" as part of an office's title
    ("Transport Secretary", "Finance Minister"): what the office looks after, no organisation.
    Two words too, before the holder's name, when neither is a body's or a place's word
    ("Social Development Minister Lucía Zabala", "Foreign Affairs Minister ..."; not "Home
    Office Minister", "Scottish Government Minister")."""
    if not (end < len(doc) and doc[end].is_title and doc[end].lower_ in lang.PORTFOLIO_TITLES):
        return False
    if end - start == 1:
        return not doc[start].is_upper
    words = doc[start:end]
    return (
        end - start == 2
        and all(t.is_title and t.is_alpha for t in words)
        and not any(
            t.lower_ in lang.ORG_SUFFIXES or t.lower_ in _GOVERNING_WORDS or known_place(t.text, lang)
            for t in words
        )
        and not is_place_name(words.text)
        and doc[start].ent_type_ != "NORP"
        and end + 1 < len(doc)
        and doc[end + 1].is_title
        and doc[end + 1].ent_type_ == "PERSON"
    )


def opens_a_quote(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a one-word name is the first word inside quotation marks and no place the lists
    or the gazetteer know: as likely a capitalised common word as a sentence's first word."""
    mark = doc[start - 1] if start else None
    # an opening mark: the tagger's `` or a curly opening quote; '," Sreelatha said' is no quote's first word
    if end - start != 1 or mark is None or not mark.is_quote or not (mark.tag_ == "``" or mark.text in "“‘"):
        return False
    before = doc[start - 2] if start >= 2 else None
    if before is not None and not (before.is_space or before.is_punct or before.is_sent_start):
        return False
    return not known_place(doc[start].text, lang) and not is_place_name(doc[start].text)


def opening_word(doc, start: int, end: int) -> bool:
    """A one-word mention that opens its sentence, or the quote that opens it, and that the
    parser reads as a common word (noun, adjective, verb) or a plural ("Households in the
    north already pay more"), written in capitals only for its place: "Heartbroken fans"."""
    token = doc[start]
    before = doc[start - 1] if start else None
    opens_quote = (
        before is not None
        and before.is_quote
        and (before.tag_ == "``" or before.text in "“‘")
        and before.is_sent_start
    )
    return (
        end - start == 1
        and (token.is_sent_start or opens_quote)
        and (token.pos_ in ("NOUN", "ADJ", "VERB") or token.tag_ == "NNPS")
        and not token.is_upper
    )


_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "i")


def a_peoples_word(doc, ent) -> bool:
    """Whether a one-word "place" is a people's adjective before a lower-case noun ("a 58-year-old
    Ukrainian citizen", "two Kenyan runners"): who someone is, no place; not a place the
    gazetteer knows ("Kent farmers", "Israeli" is no town)."""
    if len(ent) != 1:
        return False
    word = ent[0]
    head = word.head
    return (
        word.lower_.endswith(_DEMONYM_ENDINGS)
        and word.dep_ in ("amod", "compound")
        and head.i == word.i + 1
        and head.is_lower
        and head.pos_ == "NOUN"
        and not is_place_name(word.text)
    )


def party_nickname_as_adjective(ent, lang: ModuleType) -> bool:
    """Whether a one-word name is a party's nickname describing the lower-case noun after it
    ("one GOP moderate said", "a phrase that has become GOP code"): an adjective, as
    "Republican" is there, and no body; the party alone ("the GOP won") is still named."""
    if len(ent) != 1 or ent[0].lower_ not in lang.PARTY_NICKNAMES or ent.end >= len(ent.doc):
        return False
    after = ent.doc[ent.end]
    return after.is_lower and after.pos_ in ("NOUN", "ADJ") and ent[0].head.i >= ent.end


def opens_with_a_feature(ent, lang: ModuleType) -> bool:
    """Whether a name opens (after "the") with a word that names a river, a lake or a mountain
    and goes on in title case ("the River Ribble", "Lake Tana", "Mount Kenya"): a place, whatever
    the model labelled it (a law, a work, a product)."""
    words = [t for t in ent if t.lower_ != "the"]
    return len(words) >= 2 and words[0].lower_ in lang.FEATURE_OPENERS and all(t.is_title for t in words)


def names_a_race(ent, lang: ModuleType) -> bool:
    """Whether a name opens (after "the") with a word for a stage race followed by "of", "de" or
    "a" ("the Tour of Flanders", "Tour de France", "Vuelta a España"): a race, no place or body."""
    words = [t for t in ent if t.lower_ != "the"]
    return (
        len(words) >= 3
        and words[0].lower_ in lang.RACE_OPENERS
        and words[1].lower_ in ("of", "de", "a", "d'")
    )
