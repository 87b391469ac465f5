"""Whether a name the model tags is one person's: shaped as a name, titled, aged, or written
as a group's, a country's or a campaign's words instead. Plain Python, no Django."""

from types import ModuleType

from .gazetteer import is_country_name, is_place_name, opens_a_country_name
from .identity import PERSON, POSSESSIVE, SUFFIXES, is_first_name, is_initial, known_place, name_parts
from .kin import HONORIFICS, KIN
from .kinds import aged
from .spans import without_possessive


def names_a_group(doc, start: int, end: int) -> bool:
    """Whether a name the model calls a person is written as a group's: the subject of a verb
    in the plural ("Ajax, the four-time European champions, were seeking", "Spurs are
    through"; a club or a body in British usage, never one person), or followed by "which"
    ("Federated Farmers, which represents ..."). Not when it is one of several subjects."""
    root = doc[start:end].root
    if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        return False
    if root.dep_ in ("nsubj", "nsubjpass"):
        verb = root.head
        forms = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        subjunctive = any(c.dep_ == "mark" and c.lower_ in ("if", "though") for c in verb.children)
        if not subjunctive and any(_plural_form(t) for t in forms):
            return True
    # The parser may hang a "which" on the last name before it ("a concert organised by Richard
    # Branson, which drew ..."), so a name opening with a first name is left alone.
    which = any(c.dep_ == "relcl" and c.left_edge.lower_ == "which" for c in root.children)
    return which and not is_first_name(doc[start].text)


def _plural_form(verb) -> bool:
    """A verb form only a plural third-person subject takes: "are", "were", "have" (not after
    a modal: "could have")."""
    if verb.lower_ in ("are", "were", "'re"):
        return True
    return verb.lower_ in ("have", "'ve") and verb.tag_ == "VBP"


def opens_with_a_country(words: list[str]) -> bool:
    """Whether a name of two words or more opens with the first word of a country's name
    ("Saudi" of "Saudi Arabia", "United", "South") that is no first name the nicknames table
    knows; short ones ("Hong", "Sri", "San") are family or given names too."""
    first = words[0]
    return len(words) >= 2 and len(first) > 4 and opens_a_country_name(first) and not is_first_name(first)


def after_a_title(doc, ent, lang: ModuleType) -> bool:
    """A span of two or more capitalised words right after a person's title, shaped as a person's
    name ("Governor [Laurent Desrochers] told reporters"), or one word after an honorific ("Mr
    [Somchai] said")."""
    words = [t.text for t in ent]
    return (
        ent.start > 0
        and doc[ent.start - 1].lower_.rstrip(".") in lang.TITLES
        and doc[ent.start - 1].is_title
        and (
            (len(words) >= 2 and all(t.is_title for t in ent) and person_is_plausible(words, lang))
            # "Mr Somchai said": an honorific makes one word someone's name, and so does an
            # office's title ("President Ashby's order"), the word no body's or place's
            or (
                len(words) == 1
                and ent[0].is_title
                and ent[0].is_alpha
                and (
                    doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS
                    or _office_holder(ent[0], doc[ent.start - 1], lang)
                )
            )
        )
    )


def _office_holder(word, title, lang: ModuleType) -> bool:
    """Whether one capitalised word after an office's title ("President Ashby") is the holder's
    surname: no word of a body's name, no title, no place the lists or the gazetteer know."""
    lower = word.lower_
    return (
        title.lower_.rstrip(".") in lang.OFFICE_TITLES
        and lower not in lang.ORG_SUFFIXES
        and lower not in lang.TITLES
        and not known_place(word.text, lang)
        and not is_place_name(word.text)
    )


def gaelic_name(words: list[str], lang: ModuleType) -> bool:
    """Whether capitalised words make a name with a word only Irish personal names have ("Ó",
    "Óg", "Ní"; "Og" between two names)."""
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    lower = [w.lower() for w in words]
    return any(w in lang.GAELIC_NAME_WORDS for w in lower[:-1]) or any(
        w in lang.GAELIC_MIDDLE_WORDS for w in lower[1:-1]
    )


def rank_after_initials(ent, lang: ModuleType) -> int | None:
    """The index of the title ending a span that is a body's capitals and then that title
    ("RCMP Cpl", "NYPD Sgt"), which the model takes for one person's name; else None."""
    if len(ent) < 2 or ent[-1].lower_.rstrip(".") not in lang.TITLES:
        return None
    initials_ = ent[:-1]
    if all(t.is_upper and t.is_alpha and len(t) >= 2 for t in initials_):
        return ent.end - 1
    return None


def titled_name(ent, lang: ModuleType) -> bool:
    """A span that is a title then two or more capitalised words not ending as organisations do
    (a hyphen inside a name is no word: "Prof Helena Marsh-Whitby"); the title may follow one
    word saying whose it is ("Australian PM Scott Morrison", "House Speaker Nancy Pelosi")."""
    words = [t.text for t in ent if t.text not in ("-", "‐")]
    honorific = len(words) == 2 and words[0].lower().rstrip(".") in HONORIFICS  # "Ms Vaalgaard"
    if len(words) >= 4 and words[0][:1].isupper() and words[1].lower().rstrip(".") in lang.TITLES:
        words = words[1:]
    # "Major Edmund Carrow"; not "Major League Baseball": a rank that is also a word titles a
    # name only before a first name
    rank = len(words) >= 3 and words[0].lower() in lang.RANKS and is_first_name(words[1])
    return (
        (len(words) >= 3 or honorific)
        and (words[0].lower().rstrip(".") in lang.TITLES or rank)
        and all(w[:1].isupper() for w in words[1:])
        and words[-1].lower() not in lang.ORG_SUFFIXES
    )


def title_inside_a_body(ent, lang: ModuleType) -> int | None:
    """Where the title starts in a body's span the model ran on through a title into the name of
    the person who holds it ("Central Bank of Chile President Verónica Echeñique Larraín",
    "Department of Justice Inspector General Michael Horowitz"): capitalised title words after
    a body's name of two words or more, then two capitalised words or more that end as no
    body's name does. None when the span is not so made. The body's name does not end in a
    lower-case word ("Department of" + "Justice Inspector General")."""
    doc = ent.doc
    start = ent.start + (ent[0].lower_ in ("the",))

    def title(k: int) -> bool:
        return doc[k].is_title and doc[k].lower_.rstrip(".") in lang.TITLES

    for j in range(start + 2, ent.end - 1):
        if not title(j - 1) or title(j):
            continue
        words = [t.text for t in doc[j : ent.end]]
        if not (
            all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[j : ent.end])
            and words[-1].lower() not in lang.ORG_SUFFIXES
            and person_is_plausible(words, lang)
        ):
            continue
        k = j - 1
        while k - 1 > start and title(k - 1):
            k -= 1
        if doc[k - 1].is_lower:
            k += 1
        return k if k - start >= 2 and k < j else None
    return None


def vietnamese_name_after_a_body(ent, lang: ModuleType) -> int | None:
    """Where a Vietnamese name starts in a body's span the model ran on into the name of the
    one who heads it ("the Bắc Ninh Provincial People’s Committee Nguyễn Văn Thành"): a family
    name of the closed list right after a word that ends bodies' names, then one or two
    capitalised words closing the span. None when the span is not so made."""
    doc = ent.doc
    for k in range(ent.start + 2, ent.end - 1):
        if (
            doc[k].text in lang.VIETNAMESE_FAMILY_NAMES
            and doc[k - 1].lower_ in lang.ORG_SUFFIXES
            and 2 <= ent.end - k <= 4
            and all(t.is_title and t.is_alpha for t in doc[k : ent.end])
        ):
            return k
    return None


def person_is_plausible(words: list[str], lang: ModuleType) -> bool:
    if not words or not all(w[:1].isupper() for w in words if w.lower() not in lang.NAME_PARTICLES):
        return False
    if any(any(ch.isdigit() for ch in w) for w in words):
        return False
    # "Donald J", "George W": a name cut at its middle initial is not a name to list.
    last = words[-1]
    if len(last) == 1:
        return False
    core = [w for w in words if w.lower() not in SUFFIXES and not is_initial(w)]
    if not core:
        return False
    lower_last = core[-1].lower()
    return lower_last not in lang.NOT_PERSON_LAST_WORDS and lower_last not in lang.ORG_SUFFIXES


def opens_with_a_common_word(words: list[str], lowercase_words: set[str]) -> bool:
    """Whether a name of two words or more opens with a word the report also writes in lower
    case as an ordinary word ("vote", "air") and that is no first name the nicknames table
    knows ("Will", "Rose", "Mark" are both): no one's given name."""
    first = words[0]
    return (
        len(words) >= 2
        and first[:1].isupper()
        and not first.isupper()
        and first.lower() in lowercase_words
        and not is_first_name(first)
    )


def without_epithets(
    doc, raw: list[tuple[int, int, str, bool]], full_names: list[str], lang: ModuleType
) -> list[tuple[int, int, str, bool]]:
    """raw with a tabloid's epithet taken off a first name at a sentence's start ("Injured Mo
    watched from the stands" after "Mo Salah"): two words, the second the first name of someone
    the report names in full, the first no first name and no name the report gives anyone."""
    firsts = {parts[0] for parts in map(name_parts, full_names) if len(parts) >= 2}
    out = []
    for start, end, kind, titled in raw:
        first = doc[start]
        if (
            kind == PERSON
            and end - start == 2
            and first.is_sent_start
            and doc[start + 1].text in firsts
            and not is_first_name(first.text)
            and first.text.lower() not in lang.NAME_PARTICLES
            and not any(first.text in name.split() for name in full_names if name != doc[start:end].text)
        ):
            start += 1
        out.append((start, end, kind, titled))
    return out


def someones_name(doc, ent, lang: ModuleType) -> bool:
    """Whether a span the model calls an organisation is a person's name with a person's marks:
    two or three capitalised words (a surname may be double-barrelled) with an age in commas
    after them ("Yesenia Trujillo-Barr, 41,"), or opening with a first name the nicknames table
    knows and with a relative after its possessive ("Marcus Hale's sister"). A firm named after
    its founder ("Morgan Stanley") has neither."""
    words = list(without_possessive(ent))
    end = ent.start + len(words)
    # A double-barrelled surname is three tokens ("Trujillo", "-", "Barr"), written without spaces.
    parts = [t for t in words if t.text != "-"]
    joined = all(
        not t.whitespace_ and not words[k - 1].whitespace_ for k, t in enumerate(words) if t.text == "-"
    )
    if not 2 <= len(parts) <= 4 or not joined or not all(t.is_title and t.is_alpha for t in parts):
        return False
    if words[-1].lower_ in lang.ORG_SUFFIXES or len(ent.text.split()) > 3:
        return False
    related = end + 1 < len(doc) and doc[end].lower_ in POSSESSIVE and doc[end + 1].lower_ in KIN
    if related:
        return is_first_name(words[0].text)
    # An age in commas ("Dolores Fairbanks-Ruiz, 52, who ..."): no firm is written so, so the
    # first name need not be one the nicknames table knows.
    return aged(doc, end)


def names_no_one(doc, start: int, end: int) -> bool:
    """Whether a name the model calls a person names a group or a people, not someone: a plural
    ("Spurs", "Tory Remainers", "Suhail Bahwan Automobiles"), a name after "the" that describes
    nothing after it ("the Houthis said"; "the Trump administration" does name Trump), or a
    people's adjective ("Sri Lankan police", "Indonesian officials")."""
    if doc[end - 1].tag_ == "NNPS":
        return True
    described = end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN")
    if start > 0 and doc[start - 1].lower_ == "the" and not described:
        return True
    name = doc[start:end].text
    return name.endswith("n") and is_country_name(name[:-1])


# The styles English and Welsh judges are named by ("Lord Justice Pemberton-Hale", "Mrs Justice
# Aldous"): the judge's surname after them, which is how reports name judges of the higher courts.
_JUDGES_STYLES = frozenset({"lord", "lady", "mr", "mrs", "ms", "mr.", "mrs.", "ms."})


def with_judicial_styles(doc, raw: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """raw with each judge named by a judicial style and a surname ("Lord Justice Pemberton-Hale",
    "Lady Justice Aldous") one person whose name keeps the style, whatever the model made of
    the words (a body, someone, nothing); the style alone would leave a bare surname."""
    out = list(raw)
    for justice in doc[1:-1]:
        k = justice.i
        if justice.text != "Justice" or doc[k - 1].lower_ not in _JUDGES_STYLES or not doc[k - 1].is_title:
            continue
        end = k + 2
        while end + 1 < len(doc) and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_:
            end += 2  # "Pemberton-Hale"
        surname = doc[k + 1 : end]
        if not all(t.is_title and t.is_alpha for t in surname if t.text not in ("-", "‐")):
            continue
        if end < len(doc) and doc[end].is_title and doc[end].is_alpha:
            continue  # a given name and a surname follow: the name reads as usual
        start = k - 1
        out = [r for r in out if r[1] <= start or r[0] >= end]
        out.append((start, end, PERSON, True))
    return sorted(out)
