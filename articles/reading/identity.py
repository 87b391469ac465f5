"""Which names are one person, organisation or place: in one report and across two.

A person is known by first and last name without middle initials or suffixes ("Jesse L.
Jackson Jr." and "Jesse Jackson Jr." are one; his father "Jesse Jackson Sr." is not), in either
word order and across small spelling differences; an organisation by its name without legal or
generic words, by its initials, or by its head before "of"; a place without its generic word.
"""

import re
from collections.abc import Callable
from functools import lru_cache
from types import ModuleType

from nicknames import NickNamer
from rapidfuzz import fuzz

from .gazetteer import is_country_name, is_place_name, is_town_name, opens_a_country_name, same_town
from .names import name_key

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"})
# The possessive ending as spaCy splits it off a name ("May's", "May’s").
POSSESSIVE = frozenset({"'s", "’s"})


def is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isalpha()


def name_parts(name: str) -> list[str]:
    """The words of a person's name that identify them: no initials or suffixes."""
    words = [w.strip(",") for w in name.split()]
    return [w for w in words if w.lower() not in SUFFIXES and not is_initial(w)]


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()  # a hand-curated table of English first names and their nicknames


@lru_cache(maxsize=4096)
def is_nickname(first: str, other: str) -> bool:
    """Whether one first name (a name_key) is a nickname of the other ("bob" of "robert"). Only
    directly: two nicknames of one name ("kit", "kay" of "kathleen") may be two people."""
    names = _nicknamer()
    return other in names.nicknames_of(first) or first in names.nicknames_of(other)


@lru_cache(maxsize=4096)
def is_first_name(word: str) -> bool:
    """Whether word is an English first name the nicknames table knows ("Theresa", "Bob")."""
    names, key = _nicknamer(), word.lower()
    return bool(names.nicknames_of(key) or names.canonicals_of(key))


SAME_SPELLING = 88  # rapidfuzz ratio of two full names taken as one person ("Kowalski"/"Kovalski")


def core_tokens(name: str) -> tuple[str, ...]:
    """The keys of the words that identify a person, without initials or suffixes."""
    return tuple(k for k in (name_key(w) for w in name_parts(name)) if k)


def same_person(tokens: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two people's core_tokens name one person: a bare surname (or, in East Asian
    order, family name) of a full name, the other word order, a first name hyphenated or not,
    a middle name left out, a short first name, or a spelling variant."""
    if not tokens or not other:
        return False
    if len(tokens) == 1 or len(other) == 1:
        short, long = (tokens, other) if len(tokens) == 1 else (other, tokens)
        return short[0] in (long[0], long[-1])
    if sorted(tokens) == sorted(other):
        return True  # "Takeda Hiroshi" / "Hiroshi Takeda"
    joined, other_joined = "".join(tokens), "".join(other)
    if joined in (other[-1], "".join(other[1:])) or other_joined in (tokens[-1], "".join(tokens[1:])):
        return True  # "Perez Whitfield" / "Yolanda Pérez-Whitfield": a double surname
    if tokens[-1] == other[-1] and "".join(tokens[:-1]) == "".join(other[:-1]):
        return True  # "Klaus-Dieter Oberholzer" / "Klaus Dieter Oberholzer"
    if tokens[0] == other[0] and tokens[-1] == other[-1] and abs(len(tokens) - len(other)) == 1:
        return True  # "Kwabena Asante Mensah" / "Kwabena Mensah": the middle name left out
    short, long = sorted((tokens, other), key=len)
    if len(short) == 2 and len(long) == 4 and short[0] == long[0] and short[1] == long[2]:
        return (
            True  # "Luisa Ortiz" / "Luisa Fernanda Ortiz Mejía": a first given name and the father's surname
        )
    if tokens[-1] == other[-1] and len(tokens) == len(other) == 2:
        # "Greg Tillman" / "Gregory Tillman": a short form of the same first name
        short, long = sorted((tokens[0], other[0]), key=len)
        if long.startswith(short) and long[len(short) :] in _FEMININE_ENDINGS:
            return False  # "Paul" / "Paula": two people, whatever a table of nicknames says
        if len(short) >= 2 and long.startswith(short):
            return True  # "Mo Salah" / "Mohamed Salah" too
        if is_nickname(tokens[0], other[0]):
            return True  # "Jim Mattis" / "James Mattis", "Angie" / "Angela Ruiz-Calder"
        if long[-1] in "ao" and len(long) > 4 and is_nickname(short, long[:-1]):
            return True  # "Bobby Firmino" / "Roberto Firmino": the name's English form
        if _romanised_alike(tokens[0], other[0]):
            return True  # "Shakeel Ansari" / "Shakil Ansari": one name romanised two ways
    # "Kim Yong-chol" / "Kim Yong Chol"
    return tokens[0] == other[0] and fuzz.ratio("".join(tokens), "".join(other)) >= SAME_SPELLING


# Endings that make a given name its feminine form ("Paul" / "Paula", "Daniel" / "Danielle",
# "Louis" / "Louise"): a husband and wife, a brother and sister, not one name cut short.
_FEMININE_ENDINGS = frozenset({"a", "e", "le", "lle", "ette", "ine"})
# Spellings by which one name is romanised differently ("Shakeel" / "Shakil", "Mohammed" /
# "Mohamed", "Yousef" / "Yusef"): a long vowel doubled or written as a pair, a letter doubled, an
# "h" after a consonant or at the end. Not a vowel added or changed at the end, which makes
# another name in many languages ("Daniel" / "Danielle", "Paul" / "Paula").
_ROMANISED_ALIKE = ((re.compile(r"ee|ie"), "i"), (re.compile(r"oo|ou"), "u"), (re.compile(r"y"), "i"),
                    (re.compile(r"(?<=[^aeiou])h|h$"), ""), (re.compile(r"(.)\1"), r"\1"))  # fmt: skip


def _romanised_alike(first: str, other: str) -> bool:
    """Whether two given names are one name romanised two ways (see _ROMANISED_ALIKE)."""
    if first == other or first[:1] != other[:1] or min(len(first), len(other)) < 4:
        return False
    for pattern, replacement in _ROMANISED_ALIKE:
        first, other = pattern.sub(replacement, first), pattern.sub(replacement, other)
    return first == other


def generation(name: str) -> str:
    """A name's generational suffix ("jr", "sr", "iii"), or ""."""
    last = name.split()[-1].lower().rstrip(".,") if name.split() else ""
    return last if last in SUFFIXES else ""


def _given_name_extended(name: str, other: str) -> bool:
    """Whether one name's first word is the other's with a second given name hyphenated on
    ("Francois-Henri" / "Francois"): in families that name a son after his father this way
    they are two people, and no outlet shortens "Jean-Claude Juncker" to "Jean Juncker"."""
    words, other_words = name.split(), other.split()
    if len(words) < 2 or words[1:] != other_words[1:]:
        return False  # "Klaus Dieter Oberholzer" writes both given names
    first, other_first = words[0].casefold(), other_words[0].casefold()
    short, long = sorted((first, other_first), key=len)
    return "-" not in short and long.startswith(short + "-")


def same_generation(name: str, other: str) -> bool:
    """Whether two names of one family can be one person: "Jesse L. Mercer Jr." and his father
    "Jesse Mercer Sr." cannot, nor "Francois Pinault" and his son "Francois-Henri Pinault"; a
    name without a suffix may be either."""
    if _given_name_extended(name, other):
        return False
    mine, theirs = generation(name), generation(other)
    return not mine or not theirs or mine == theirs


def person_key(name: str) -> str:
    keys = core_tokens(name)
    if not keys:
        return ""
    key = "p:" + (keys[0] if len(keys) == 1 else f"{keys[0]}-{keys[-1]}")
    # The father keeps a key of his own, so that "Jesse Mercer" in another report is the son.
    return key + "-sr" if generation(name) == "sr" else key


def initials(name: str, lang: ModuleType, *, hyphen_parts: bool = True) -> str:
    """ "U.S. Geological Survey" -> "usgs": the letters a short form of the name would use.
    hyphen_parts=False gives a hyphenated word one letter only, as some short forms do
    ("Radio-television" is the R of a broadcasting regulator's four letters)."""
    letters = []
    for word in (name.replace("-", " ") if hyphen_parts else name).split():
        if word.lower() in lang.STOPWORDS:
            continue
        letters.append(
            word.replace(".", "").lower()
            if "." in word and word.replace(".", "").isupper()
            else word[0].lower()
        )
    return "".join(letters)


def _capitals_whole(name: str, lang: ModuleType) -> str:
    """name's initials with a word in capitals giving all its letters ("US Food and Drug
    Administration" -> "usfda"), as short forms that keep a country's letters are written."""
    return "".join(
        word.replace(".", "").lower() if word.replace(".", "").isupper() else word[0].lower()
        for word in name.replace("-", " ").split()
        if word.isupper() or word.lower() not in lang.STOPWORDS  # "US" is no pronoun here
    )


# Short forms in capitals that keep a small word of the name in lower case ("DfE" of the
# Department for Education, "DoJ", "IoD"): capitals, each but the last followed by at most one
# lower-case letter, the first letter of "for", "of" or "and".
_MIXED_INITIALS = re.compile(r"[A-Z](?:[foa]?[A-Z]){1,4}")


def mixed_initials(word: str) -> bool:
    """Whether word is a short form in capitals keeping a small word in lower case ("DfE")."""
    return bool(_MIXED_INITIALS.fullmatch(word)) and not word.isupper()


def _initials_with_small_words(name: str) -> str:
    """The first letters of all a name's words but "the" ("dfe" of "the Department for
    Education"), as short forms such as "DfE" spell it."""
    return "".join(w[0].lower() for w in name.replace("-", " ").split() if w.lower() != "the")


def spells_initials(letters: str, name: str, lang: ModuleType) -> bool:
    """Whether letters (lower case, no dots) are name's initials, a hyphenated word giving a
    letter for each part or one for the whole, a word in capitals all its letters."""
    return letters in (
        initials(name, lang),
        initials(name, lang, hyphen_parts=False),
        _capitals_whole(name, lang),
    ) or (
        len(letters) >= 3 and letters == _initials_with_small_words(name) and letters != initials(name, lang)
    )


def org_key(name: str, lang: ModuleType) -> str:
    """One key for an organisation's names: "Twitter Inc" = "Twitter", "the Senate" = "Senate"."""
    words = name.split()
    if len(words) > 1 and words[0].lower() == "the":
        words.pop(0)  # "The Colombo Financial Review", as the paper writes its own name
    while len(words) > 1 and words[-1].lower().rstrip(".,") in lang.CORPORATE_SUFFIXES:
        words.pop()
    joined = " ".join(words)
    return "o:" + name_key(lang.PARTY_ALIASES.get(joined.lower(), joined))  # "Lib Dems"


def place_key(text: str, lang: ModuleType) -> str:
    if road := lang.ROAD_SHORT_FORM.fullmatch(text):
        text = lang.ROAD_SHORT_FORM_NAME.format(road[1])  # "I-75" is "Interstate 75"
    lower = text.lower().strip(".")
    return "g:" + name_key(lang.PLACE_ALIASES.get(lower, lang.PLACE_ALIASES.get(text.lower(), lower)))


def _words_without(name: str, drop_last: frozenset[str], lang: ModuleType) -> tuple[str, ...]:
    """A name's word keys, without a leading place ("U.S. Senate") or article, nor trailing
    generic words ("Chugach Electric Association", "Broward County")."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ("the",)]
    while len(words) > 1 and (
        words[0].lower() in lang.PLACE_ALIASES or words[0].lower().strip(".") in lang.COUNTRIES
    ):
        words.pop(0)
    while len(words) > 1 and words[-1].lower().rstrip(".,") in drop_last:
        words.pop()
    return tuple(k for k in (name_key(w) for w in words) if k)


def without_legal_suffix(name: str, lang: ModuleType) -> list[str]:
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".,") in lang.CORPORATE_SUFFIXES:
        words.pop()
    return words


def _head_of(name: str, lang: ModuleType) -> tuple[str, ...] | None:
    """The word keys of an organisation's name before its "of" or "for" ("House" of "House of
    Representatives"), or None when it has none."""
    words = [w for w in name.split() if w.lower() != "the"]
    cut = next((k for k, w in enumerate(words) if w.lower() in ("of", "for")), None)
    if not cut or cut == len(words) - 1:
        return None
    return _words_without(" ".join(words[:cut]), frozenset(), lang)


def without_leading_place(
    name: str, lang: ModuleType, known: Callable[[str, ModuleType], bool] | None = None
) -> str | None:
    """An organisation's name without the place it starts with ("New York Knicks" -> "Knicks",
    "U.S. Consumer Product Safety Commission" -> "Consumer Product Safety Commission"), or None
    when it starts with none. known: which places count (default: known_place)."""
    known = known or known_place
    words = [w for w in name.split() if w.lower() != "the"]
    for size in (3, 2, 1):
        lead = " ".join(words[:size])
        if len(words) > size and (known(lead, lang) or known(lead.strip(",."), lang)):
            return " ".join(words[size:])
    return None


def _place_or_its_people(name: str, lang: ModuleType) -> bool:
    """Whether name is a place the lists know or a country's adjective ("Philippine", "Nigerian",
    "Canadian"), which one outlet puts before a body's name and another leaves out."""
    if known_place(name, lang):
        return True
    if " " in name or not name[:1].isupper():
        return False
    stems = {name + "s", name[:-1], name[:-2], name[:-3], name[:-3] + "a", name[:-2] + "a"}  # "Icelandic"
    return any(len(stem) >= 4 and is_country_name(stem) for stem in stems)


def _short_form(short: str, long: str, lang: ModuleType) -> bool:
    """Whether short is long's everyday short form: the distinctive word it opens with
    ("Northstar" of "Northstar Atlantic Airways", "MetroHealth" of "MetroHealth Medical
    Center"), or the words it ends with after words that are no place ("Blazers", "Trail
    Blazers" of "Portland Trail Blazers"). A generic word alone ("Center", "Court") is no short
    form, nor a place ("Boston" of "Boston Celtics"), nor the end left after a place: "the Fed"
    of "the Boston Fed" is another bank."""
    generic = lang.ORG_SUFFIXES | lang.CORPORATE_SUFFIXES
    # "Brannock & Lowe" of "Brannock & Lowe Home Inc.": two names joined by "&" are one word here
    short, long = short.replace(" & ", "&"), long.replace(" & ", "&")
    words = [w for w in long.split() if w.lower() != "the"]
    kept = [w for w in short.split() if w.lower() != "the"]
    if not kept or len(kept) >= len(words) or len(kept) > 2 or len(words) > 5:
        return False
    if any(not w[:1].isupper() for w in kept) or all(w.lower().strip(".,") in generic for w in kept):
        return False
    if [w.lower() for w in kept] == ["house"]:
        # "the House" is a legislature's chamber, never short for "the White House" or "the
        # Sydney Opera House" named before it
        return False
    keys, long_keys = [name_key(w) for w in kept], [name_key(w) for w in words]
    if len(kept) == 1 and keys == long_keys[:1]:
        return not known_place(kept[0], lang)
    # "Red Clay" of "Red Clay Freight Lines Inc.", "Korle Bu" of "Korle Bu Teaching Hospital":
    # a body's two opening words, when its name ends in a legal suffix or a body's word and goes
    # on for two words or more after them
    bare = without_legal_suffix(" ".join(words), lang)
    if (
        len(kept) == 2
        and (len(bare) < len(words) or words[-1].lower() in lang.ORG_SUFFIXES)
        and len(bare) >= 4
        and keys == long_keys[:2]
        and not known_place(" ".join(kept), lang)
    ):
        return True
    if keys == long_keys[-len(kept) :]:
        lead = words[: len(words) - len(kept)]
        return not any(
            known_place(" ".join(lead[i:j]), lang)
            for i in range(len(lead))
            for j in range(i + 1, len(lead) + 1)
        )
    return False


def _kept_words(a: str, b: str, lang: ModuleType) -> bool:
    """Whether one organisation's name of two words or more keeps the other's first and last
    words and leaves some in between, or opens it: "Sheffield Teaching Hospitals" of "Sheffield
    Teaching Hospitals NHS Foundation Trust", "Wrexham Council" of "Wrexham County Borough
    Council". Only across two reports, where one outlet writes the name in full and the other
    does not; within one report "Bank of America" and "Bank of America Securities" may be two."""
    words_a, words_b = _words_without(a, frozenset(), lang), _words_without(b, frozenset(), lang)
    short, long = sorted((words_a, words_b), key=len)
    if len(short) < 2 or len(short) == len(long) or short[0] != long[0]:
        return False
    if long[: len(short)] == short:
        return not _branch_in_a_place(a if len(words_a) > len(words_b) else b, len(short), lang)
    rest = iter(long)
    return short[-1] == long[-1] and all(word in rest for word in short)


def _branch_in_a_place(long: str, kept: int, lang: ModuleType) -> bool:
    """Whether the words of an organisation's long name after its first kept words name a
    branch of it in a place ("Federal Reserve" + "Bank of Cleveland", "Democratic Party" + "of
    Bernalillo County"): "of" and a place the lists or the gazetteer know, at the end."""
    words = [w for w in long.replace("-", " ").split() if w.lower() != "the"]
    rest = words[kept:]
    cut = next((k for k, w in enumerate(rest) if w.lower() == "of"), None)
    if cut is None or cut == len(rest) - 1:
        return False
    place = " ".join(rest[cut + 1 :]).strip(",.")
    bare = " ".join(_words_without(place, lang.PLACE_GENERIC_WORDS, lang))
    return known_place(place, lang) or is_place_name(place) or is_place_name(bare)


def _chamber_left_out(short: str, long: str, lang: ModuleType) -> bool:
    """Whether short is long without the chamber of a legislature it opens with ("Armed Services
    Committee" of "Senate Armed Services Committee", "Freedom Caucus" of "House Freedom
    Caucus"): a body of the chamber, named so once the chamber is clear. Two words or more are
    left, the last a body's word or a caucus'."""
    words = [w for w in long.split() if w.lower() != "the"]
    kept = [w for w in short.split() if w.lower() != "the"]
    return (
        len(words) >= 3
        and words[0].lower() in lang.CHAMBER_WORDS
        and len(kept) == len(words) - 1
        and [name_key(w) for w in kept] == [name_key(w) for w in words[1:]]
    )


def _remit_alone(short: str, long: str, lang: ModuleType) -> bool:
    """Whether short is what long is for or of, after its "for" or "of" and an optional "the"
    ("Ninth Circuit" of "U.S. Court of Appeals for the Ninth Circuit", "Homeland Security" of
    "Department of Homeland Security"), two words or more and no place ("Bank of New York" is
    not New York). In one report, after the long name."""
    words = [w for w in long.split() if w.lower() != "the"]
    kept = [w for w in short.split() if w.lower() != "the"]
    if len(kept) < 2 or known_place(" ".join(kept), lang) or is_place_name(" ".join(kept)):
        return False
    cut = max((k for k, w in enumerate(words) if w.lower() in ("of", "for")), default=None)
    return (
        cut is not None and cut > 0 and [name_key(w) for w in words[cut + 1 :]] == [name_key(w) for w in kept]
    )


def _generic_shortened(a: str, b: str, lang: ModuleType) -> bool:
    """Whether two names differ only in a generic word that one writes short, as its first
    letters ("Vardhan Pharma" / "Vardhan Pharmaceuticals Ltd"; "Intl" is no such case)."""
    tail_a, tail_b = without_legal_suffix(a, lang)[-1].lower(), without_legal_suffix(b, lang)[-1].lower()
    short, long = sorted((tail_a, tail_b), key=len)
    return len(short) >= 4 and short != long and long.startswith(short)


_CAPITAL_PIECES = re.compile(r"[A-Z][a-z]+")


def _clipped_words(short: str, long: str, lang: ModuleType) -> bool:
    """Whether short is long's words clipped and run together, each piece capitalised: "CalMac"
    of "Caledonian MacBrayne", "FedEx" of "Federal Express", "NatWest" of "National
    Westminster Bank" (a body's generic last word may be left out). Two pieces or more, each
    of two letters or more."""
    if " " in short or not short.isalpha() or short.isupper():
        return False
    pieces = _CAPITAL_PIECES.findall(short)
    if len(pieces) < 2 or "".join(pieces) != short:
        return False
    words = [w for w in long.split() if w.lower() != "the"]
    generic = lang.ORG_SUFFIXES | lang.CORPORATE_SUFFIXES
    while len(words) > len(pieces) and words[-1].lower().strip(".,") in generic:
        words.pop()
    pairs = list(zip(words, pieces, strict=False))
    return (
        len(words) == len(pieces)
        and all(w.lower().startswith(p.lower()) for w, p in pairs)
        and any(len(w) > len(p) for w, p in pairs)
    )


def _clipped_first_word(short: str, long: str, lang: ModuleType) -> bool:
    """Whether short is long with its first word clipped to three letters: "the Fed" of "the
    Federal Reserve (Board of Governors)", "the Met Office" of "the Icelandic Meteorological
    Office" (a place or a people's word opening the long name may be left out, and the short
    form keeps the long name's other words or none of them), "the Minneapolis Fed" of "the
    Federal Reserve Bank of Minneapolis" (the place the long name ends with put first). Three
    letters only, from a word of six or more: "Ford" is no clipping of "Fordham University"."""
    kept = [w for w in short.split() if w.lower() != "the"]
    words = [w for w in long.split() if w.lower() != "the"]
    if not kept or len(words) < 2:
        return False
    if (
        len(kept) >= 2
        and len(words) >= 4
        and words[-2].lower() == "of"
        and name_key(kept[0]) == name_key(words[-1])
    ):
        kept, words = kept[1:], words[:-2]  # "Minneapolis Fed": the place the long name ends with
    rest = without_leading_place(" ".join(words), lang, _place_or_its_people)
    if rest is not None and len(rest.split()) >= 2:
        words = rest.split()
    clip, first = kept[0], words[0]
    if not (len(clip) == 3 and clip.isalpha() and clip.istitle() and len(first) >= 6):
        return False
    if not first.lower().startswith(clip.lower()) or known_place(clip, lang):
        return False
    if len(kept) == 1:
        return True
    return len(kept) == len(words) and [name_key(w) for w in kept[1:]] == [name_key(w) for w in words[1:]]


# The bodies a government names both ways: "Ministry of Health" and "Health Ministry".
_PORTFOLIO_BODIES = frozenset({"ministry", "department"})


def _ministry_key(name: str) -> tuple[str, tuple[str, ...]] | None:
    """("ministry", ("health",)) for "Ministry of Health" and "Health Ministry" alike; None for
    a name of another shape."""
    words = [w for w in name.split() if w.lower() != "the"]
    if len(words) >= 3 and words[0].lower() in _PORTFOLIO_BODIES and words[1].lower() == "of":
        return words[0].lower(), tuple(name_key(w) for w in words[2:] if w.lower() != "and")
    if len(words) >= 2 and words[-1].lower() in _PORTFOLIO_BODIES and all(w[:1].isupper() for w in words):
        return words[-1].lower(), tuple(name_key(w) for w in words[:-1] if w.lower() != "and")
    return None


def translated(a: str, b: str, lang: ModuleType) -> bool:
    """Whether two names are one name, one of them with its generic words in another language
    ("Banco de Portugal" / "Bank of Portugal", "Carretera Central" / "Central Highway"): the
    same words once those are put in English, in any order (an adjective follows the noun in
    Spanish), and at least one word translated."""
    table = lang.NAME_WORD_TRANSLATIONS
    words_a, words_b = _words_without(a, frozenset(), lang), _words_without(b, frozenset(), lang)
    if words_a == words_b or len(words_a) < 2 or len(words_b) < 2:
        return False
    english_a = sorted(table.get(w, w) for w in words_a)
    english_b = sorted(table.get(w, w) for w in words_b)
    return english_a == english_b and any(w in table and table[w] != w for w in (*words_a, *words_b))


def _same_organisation(a: str, b: str, lang: ModuleType, across: bool) -> bool:
    """Whether two organisations' names are one. Within a report a is the name met first: a
    short form counts there only after its long name, as a surname does after a full name."""
    generic = lang.ORG_SUFFIXES | lang.CORPORATE_SUFFIXES
    # "Wal-Mart" = "Walmart": the words joined, since a hyphen comes and goes; "Twitter" =
    # "Twitter Inc": generic words left out, as long as only one name had any ("New York Times"
    # and "New York Post" end in two different ones)
    bare_a, bare_b = "".join(_words_without(a, generic, lang)), "".join(_words_without(b, generic, lang))
    whole_a, whole_b = (
        "".join(_words_without(a, frozenset(), lang)),
        "".join(_words_without(b, frozenset(), lang)),
    )
    if bare_a == bare_b and (bare_a == whole_a or bare_b == whole_b):
        return True
    if len({lang.PARTY_ALIASES.get(name.lower(), name.lower()) for name in (a, b)}) == 1:
        return True  # "Lib Dems" = "Liberal Democrats"
    if bare_a and bare_a == bare_b and _generic_shortened(a, b, lang):
        return True
    if _ministry_key(a) is not None and _ministry_key(a) == _ministry_key(b):
        return True
    if translated(a, b, lang):
        return True  # "Banco de Portugal" = "Bank of Portugal"
    words_a, words_b = _words_without(a, frozenset(), lang), _words_without(b, frozenset(), lang)
    if min(len(words_a), len(words_b)) >= 2 and {(*words_a, "group"), (*words_b, "group")} & {
        words_a,
        words_b,
    }:
        return (
            True  # "Ethiopian Airlines Group" = "Ethiopian Airlines": a company and its group, named as one
        )
    if _short_form(b, a, lang) or (across and _short_form(a, b, lang)):
        return True
    if _clipped_words(b, a, lang) or (across and _clipped_words(a, b, lang)):
        return True
    if _clipped_first_word(b, a, lang) or (across and _clipped_first_word(a, b, lang)):
        return True
    if across and _kept_words(a, b, lang):
        return True
    if _chamber_left_out(b, a, lang) or (across and _chamber_left_out(a, b, lang)):
        return True
    if _remit_alone(b, a, lang) or (across and _remit_alone(a, b, lang)):
        return True
    for short, long in ((a, b), (b, a)):
        if _words_without(short, frozenset(), lang) == _head_of(long, lang):
            return True  # "House" = "House of Representatives": the name without its "of ..."
        rest = without_leading_place(long, lang)
        letters = short.replace(".", "")
        # "Satawu", "Nato": short forms written as words, as some countries' papers do
        as_word = letters.istitle() and letters.isalpha() and len(letters) >= 4
        if (
            (letters.isupper() or as_word or mixed_initials(letters))
            and len(letters) >= 2
            and len(long.split()) >= 2
        ):
            if spells_initials(letters.lower(), long, lang):
                return True
            # "CPSC" = "U.S. Consumer Product Safety Commission": the short form leaves the place out
            if rest is not None and len(rest.split()) >= 2 and initials(rest, lang) == letters.lower():
                return True
        # "Knicks" = "New York Knicks": one name is the other without the place it starts with.
        # Only then: "New York Times" and "Los Angeles Times" both keep their places. Only across
        # two reports: a report that names both "the Boston Fed" and "the Fed" means two banks.
        if (
            across
            and rest is not None
            and without_leading_place(short, lang) is None
            and _words_without(short, frozenset(), lang) == _words_without(rest, frozenset(), lang)
        ):
            return True
        # "Philippine Department of Migrant Workers" = "Department of Migrant Workers": across two
        # reports, a country's adjective before a name of three words or more comes and goes.
        peoples_rest = without_leading_place(long, lang, _place_or_its_people) if across else None
        if (
            peoples_rest is not None
            and len(peoples_rest.split()) >= 3
            and without_leading_place(short, lang, _place_or_its_people) is None
            and _words_without(short, frozenset(), lang) == _words_without(peoples_rest, frozenset(), lang)
        ):
            return True
    return False


def same_entity(a: dict, b: dict, lang: ModuleType, *, across: bool = False) -> bool:
    """Whether two entities ({"name", "kind"}), from one report or two, are one: a person by
    same_person (a full name the model typed as an organisation included); an organisation by
    its short form, without a leading place or a trailing generic word; a place without its
    generic word ("Broward" = "Broward County"). Within a report a is the one named first.
    across: the two come from two reports, where an organisation's name without its place
    ("Knicks") is the same organisation too, and a short form counts before its long name."""
    kinds = {a["kind"], b["kind"]}
    if len(kinds) == 2:
        # One word typed two ways ("Duluth", "Brexit"; "Twitter" beside "Twitter Inc"): one
        # thing, whatever its kind.
        words_a, words_b = without_legal_suffix(a["name"], lang), without_legal_suffix(b["name"], lang)
        if len(words_a) == len(words_b) == 1 and name_key(words_a[0]) == name_key(words_b[0]):
            return True
    if PERSON in kinds:
        tokens_a, tokens_b = core_tokens(a["name"]), core_tokens(b["name"])
        if kinds == {PERSON}:
            return same_person(tokens_a, tokens_b) and same_generation(a["name"], b["name"])
        # One side typed a person's full name as an organisation: only full names count.
        return (
            kinds == {PERSON, ORGANISATION}
            and min(len(tokens_a), len(tokens_b)) >= 2
            and same_person(tokens_a, tokens_b)
        )
    if kinds == {ORGANISATION}:
        return _same_organisation(a["name"], b["name"], lang, across)
    if kinds == {PLACE}:
        # Across two reports an airport is also named by its place alone ("Heathrow" / "Heathrow
        # Airport"); within one report "Shannon" and "Shannon Airport" may be the town and its
        # airport, two places.
        if not across and _division_and_its_town(a["name"], b["name"], lang):
            return False
        generic = lang.PLACE_GENERIC_WORDS | (lang.PLACE_GENERIC_ACROSS if across else frozenset())
        if _road_words(_words_without(a["name"], generic, lang), lang) == _road_words(
            _words_without(b["name"], generic, lang), lang
        ):
            return True
        if across and same_town(a["name"], b["name"]):
            return True  # "Bruges" / "Brugge": one town spelt in two languages by two outlets
        if across and translated(a["name"], b["name"], lang):
            return True  # "Carretera Central" / "Central Highway"
        return _same_place_shortened(a["name"], b["name"], lang, across)
    return False


# A county is named after its seat more often than not, and the bare name is the town ("Boulder
# County" / "in Boulder", "Los Angeles County" / "Los Angeles"); a province or a prefecture is
# called by its bare name ("Akita Prefecture" / "Akita has ...", "Bắc Ninh is committed").
_TOWN_DIVISION_WORDS = frozenset({"county"})


def _division_and_its_town(a: str, b: str, lang: ModuleType) -> bool:
    """Whether one name is a county's and the other the town the gazetteer knows it is named
    after ("Boulder County" / "a church in Boulder"): in one report that writes both, two
    places, the county and its town. A county whose bare name is no town ("Broward County" /
    "Broward") is one place; across two reports one outlet's "Boulder" may be the other's
    "Boulder County", so the rule holds within a report only."""
    for division, other in ((a, b), (b, a)):
        words = division.split()
        if (
            len(words) >= 2
            and words[-1].lower() in _TOWN_DIVISION_WORDS
            and " ".join(words[:-1]).casefold() == other.casefold()
            and is_town_name(other)
        ):
            return True
    return False


def _road_words(words: tuple[str, ...], lang: ModuleType) -> tuple[str, ...]:
    """A place's word keys with a road's word written in full ("hwy" -> "highway")."""
    return tuple(lang.ROAD_ABBREVIATIONS.get(w, w) for w in words)


def _listed_or_gazetteer_place(name: str, lang: ModuleType) -> bool:
    return known_place(name, lang) or is_place_name(name)


def _same_place_shortened(a: str, b: str, lang: ModuleType, across: bool) -> bool:
    """Whether, across two reports, one place's name is an airport's name without the city it
    opens with ("Sky Harbor" of "Phoenix Sky Harbor International Airport"), or a two-word
    name without its first word (_first_word_left_out)."""
    if not across:
        return False
    generic = lang.PLACE_GENERIC_ACROSS
    for short, long in ((a, b), (b, a)):
        if long.split()[-1].lower() in generic and (
            rest := without_leading_place(long, lang, _listed_or_gazetteer_place)
        ):
            bare = _words_without(rest, generic, lang)
            if bare and bare == _words_without(short, generic, lang):
                return True
        if _first_word_left_out(short, long, lang):
            return True
    return False


def _first_word_left_out(short: str, long: str, lang: ModuleType) -> bool:
    """Whether one word is a two-word place's name without the word it opens with, a sponsor's
    or an adjective ("Saddledome" of "Scotiabank Saddledome", "Kwaremont" of "Oude
    Kwaremont"): not when the two words make a place the lists or the gazetteer know ("South
    Korea", "New York"), when the first is a place ("Denver Stapleton") or a side ("North"),
    when the word left is a place of its own ("Greater Manchester" is not Manchester), nor when
    it is a generic one ("Island", "Street")."""
    words, kept = long.split(), short.split()
    if len(words) != 2 or len(kept) != 1 or name_key(kept[0]) != name_key(words[1]):
        return False
    generic = (
        lang.PLACE_SUFFIXES | lang.PLACE_LAST_WORDS | lang.PLACE_GENERIC_WORDS | lang.PLACE_GENERIC_ACROSS
    )
    first = words[0]
    return (
        kept[0][:1].isupper()
        and kept[0].lower() not in generic
        and not _listed_or_gazetteer_place(long, lang)
        and not _listed_or_gazetteer_place(first, lang)
        and not _listed_or_gazetteer_place(short, lang)
        and not opens_a_country_name(first)
        and first.lower() not in lang.STOPWORDS
    )


def known_region(name: str, lang: ModuleType) -> bool:
    """Whether name is a country or a US state, however written ("U.S.", "Minnesota"): the
    places a national or state body's name may start with and another report leave out."""
    lower = name.lower()
    regions = lang.COUNTRIES | lang.US_STATES
    return any(form in regions for form in (lower, lower.replace(".", ""), lang.PLACE_ALIASES.get(lower)))


def known_place(name: str, lang: ModuleType) -> bool:
    """Whether the language's lists know name (any case) as a country, city, US state or alias
    of a place."""
    lower = name.lower()
    return (
        lower in lang.COUNTRIES
        or lower in lang.CITIES
        or lower in lang.US_STATES
        or lower in lang.PLACE_ALIASES
    )


def spanish_given_and_surnames(name: str) -> bool:
    """Whether a name of four words is written as Spanish and Portuguese names are: two given
    names, the father's surname, the mother's ("Julio César Quispe Huamán"); an accent in it
    says which language it is (an English name of four words is rare, and ends in the surname)."""
    return any(ch in "áéíóúñãõçÁÉÍÓÚÑ" for ch in name)
