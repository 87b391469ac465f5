"""Where a name starts and ends inside the span the model tagged: articles, titles, possessives,
scores and punctuation cut off; names the model cut at a hyphen, an initial, a particle or an
"of" run on. Plain Python, no Django.
"""

import re
from types import ModuleType

from .gazetteer import is_place_name
from .identity import (
    ORGANISATION,
    PERSON,
    PLACE,
    POSSESSIVE,
    is_first_name,
    is_initial,
    known_place,
    spells_initials,
)
from .kin import KIN, OWNERS
from .place_cues import COMPASS
from .speech import short_family_name

LEADING = frozenset({"the", "a", "an"})

_PUNCTUATION = ",.;:!?\"'“”‘’()[]—–-"

_SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")


def article_in_the_name(doc, start: int) -> bool:
    """Whether a capitalised "The" right before the name, inside a sentence (after a word in
    lower case or a comma), is the name's own, as papers and journals write their titles ("in
    The Lancet Respiratory Medicine", "told The Colombo Financial Review")."""
    if start < 2 or doc[start - 1].text != "The":
        return False
    before = doc[start - 2]
    return (before.is_alpha and before.is_lower) or before.text == ","


def strip_span(doc, start: int, end: int, kind: str, lang: ModuleType) -> tuple[int, int, bool]:
    """Token bounds of the name inside an entity span: leading articles, titles (for people)
    and a trailing possessive or punctuation removed. Also whether a title went."""
    titled = False
    while start < end and (doc[start].lower_ in LEADING or doc[start].is_space):
        start += 1
    # "west London", "central Paris": a part of the place, which is named without the word
    while kind == PLACE and start < end - 1 and doc[start].is_lower and doc[start].lower_ in COMPASS:
        start += 1
    # "N17\n\nAjax", "Twitter\n\nBillionaire": no name runs on across a line break
    end = next((k for k in range(start, end) if "\n" in doc[k].text), end)
    if kind == PERSON:
        # "Broward Sheriff Gregory Tillman", "House Speaker Nancy Pelosi": the name follows the
        # last title word; a span ending in a title ("Broward Sheriff") names nobody.
        last_title = max(
            (k for k in range(start, end) if doc[k].lower_.rstrip(".") in lang.TITLES), default=None
        )
        if last_title is not None:
            start, titled = last_title + 1, True
        while start < end and doc[start].text in _PUNCTUATION:
            start += 1
        # "Injured Mo Salah", "Cheeky Trent Alexander-Arnold": a tabloid's epithet, no name
        while (
            start < end - 1
            and doc[start].pos_ in ("ADJ", "VERB")
            and doc[start + 1].pos_ == "PROPN"
            and not short_family_name(doc, start, lang)
        ):
            start += 1
        # "Accountant Priya Ramasamy, 29,": what someone does, capitalised as a sentence opens;
        # only before two more words ("Minnie Driver" is a name)
        # "Major Edmund Carrow": a rank that is also a word or a surname, only before a first
        # name and a surname ("Major League Baseball", "Private Equity International" are bodies)
        if (end - start >= 3 and doc[start].is_title and doc[start].lower_ in lang.OCCUPATION_NOUNS) or (
            end - start >= 3
            and doc[start].is_title
            and doc[start].lower_ in lang.RANKS
            and is_first_name(doc[start + 1].text)
        ):
            start, titled = start + 1, True
        if start > 0 and doc[start - 1].lower_.rstrip(".") in lang.TITLES:
            titled = True
        # "Sens. Harold Brandvold": an abbreviated title the tokenizer cut from its full stop
        if (
            start > 1
            and doc[start - 1].text == "."
            and not doc[start - 2].whitespace_
            and doc[start - 2].lower_ in lang.TITLES
        ):
            titled = True
        # "whose son Tavita, 8,", "her husband Marek": someone's relative, named by a first name
        if start > 1 and doc[start - 1].lower_ in KIN and doc[start - 2].lower_ in OWNERS:
            titled = True
        # "Will Bashir go to The Hague?": a question's modal, put before its subject, is no name
        modal = doc[start]
        if start < end - 1 and modal.tag_ == "MD" and modal.dep_ == "aux" and modal.head.i >= end:
            start += 1
    # "the Commons on Monday": the model ran the name on into when it happened
    while (
        end - start > 2
        and doc[end - 2].lower_ in ("on", "in", "at", "by", "since", "until")
        and (doc[end - 1].lower_ in lang.WEEKDAYS or doc[end - 1].lower_ in lang.MONTHS)
    ):
        end -= 2
    while end > start:
        # "Barcelona 4-0": a score, as one token or split into "4", "-", "0"
        score = next((n for n in (1, 3) if end - n > start and _SCORE.fullmatch(doc[end - n : end].text)), 0)
        if score:
            end -= score
        elif (
            doc[end - 1].is_space
            or (doc[end - 1].text in _PUNCTUATION and not _abbreviation_dot(doc, start, end - 1))
            or doc[end - 1].lower_ in ("'s", "’s", "'", "’")
            # "Denpasar on": a name does not end in a lower-case word ("Song-chol" keeps its "chol")
            or (doc[end - 1].is_lower and end - 1 > start and doc[end - 2].whitespace_)
            # "the Java Sea 13 minutes": a figure after a place, not a road's ("Interstate 75")
            or (
                end - 1 > start
                and kind == PLACE
                and doc[end - 1].like_num
                and doc[end - 2].lower_ not in lang.ROAD_WORDS
            )
        ):
            end -= 1
        else:
            break
    return start, end, titled


def _abbreviation_dot(doc, start: int, index: int) -> bool:
    """Whether the full stop at index ends "Sr." or "Jr." (split off by the tokenizer)."""
    return (
        doc[index].text == "."
        and index > start
        and not doc[index - 1].whitespace_
        and doc[index - 1].lower_ in ("sr", "jr")
    )


def hyphenated_end(doc, start: int, end: int) -> int:
    """A name the model cut at a hyphen ("Baumgartner" of "Baumgartner-Keller") runs on; so does
    a Korean given name, whose second syllable is written in lower case ("Moon Jae" of "Moon
    Jae-in"): a family name and a short capitalised syllable, then one short lower-case one."""
    while (
        end + 1 < len(doc)
        and doc[end].text in ("-", "‐")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and (
            doc[end + 1].is_title
            or (
                end - start == 2
                and doc[start].is_title
                and doc[end - 1].is_title
                and len(doc[end - 1]) <= 4
                and doc[end + 1].is_lower
                and doc[end + 1].is_alpha
                and len(doc[end + 1]) <= 5
            )
        )
    ):
        end += 2
    return end


def first_name_start(doc, start: int, kind: str, lang: ModuleType) -> int:
    """A person's name the model began at a middle initial ("J. Brennan-Moore" of "Tayla J.
    Brennan-Moore") starts at the first name before it; so does one it began after the first
    name, between a title and the rest ("Boss Priya [Natarajan Holt]"), or right after a first
    name it left out ("Marguerite [Dunleavy Ortiz]")."""
    if kind != PERSON or start == 0:
        return start
    before = doc[start - 1]
    if not (before.pos_ == "PROPN" and before.is_title and before.whitespace_):
        return start
    untagged = before.ent_iob_ == "O"
    after_title = start > 1 and doc[start - 2].lower_.rstrip(".") in lang.TITLES
    if untagged and after_title:
        return start - 1
    if is_initial(doc[start].text) and before.lower_.rstrip(".") not in lang.TITLES:
        return start - 1
    if untagged and before.dep_ == "compound" and is_first_name(before.text):
        return start - 1
    if untagged and before.dep_ == "compound" and before.text in lang.VIETNAMESE_FAMILY_NAMES:
        return start - 1  # "Nguyễn [Văn Thành]": a Vietnamese name opens with the family name
    if (
        untagged
        and before.dep_ == "compound"
        and start >= 2
        and doc[start - 2].text == ","
        and before.lower_.rstrip(".") not in lang.TITLES
        and not known_place(before.text, lang)
        and before.head.i >= start
    ):
        # "The mayor of Mýrdalshreppur, Ásdís [Lilja Kristjánsdóttir]," set after a comma: a
        # given name the nicknames table does not know, which the parse joins to the rest
        return start - 1
    return start


def particle_start(doc, start: int, lang: ModuleType) -> int:
    """A person's name the model began at or right after a lower-case particle ("bin Salman" of
    "Prince Abdulaziz bin Salman", "Stegen" of "Marc-Andre ter Stegen") starts at the given
    names before the particle, a hyphenated one included; a title before them is not taken."""
    if doc[start].is_lower and doc[start].lower_ in lang.NAME_PARTICLES:
        particle = start
    elif start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in lang.NAME_PARTICLES:
        particle = start - 1
    else:
        return start
    begin = particle
    while begin > 0:
        before = doc[begin - 1]
        if before.is_title and before.pos_ == "PROPN" and before.lower_.rstrip(".") not in lang.TITLES:
            begin -= 1
        elif before.text in ("-", "‐") and not before.whitespace_ and begin > 1 and doc[begin - 2].is_title:
            begin -= 2  # "Marc-Andre"
        else:
            break
        if doc[begin].is_sent_start:
            break
    return begin if begin < particle else start


_INSIDE_NO_NAME = frozenset({"on", "in", "at", "near"})


def name_end(doc, start: int, end: int, lang: ModuleType) -> int:
    """Where a name the model ran on ends: before a bracket ("CARACAS (Paxwire) -": the wire's
    name follows its dateline) or a lower-case "on", "in", "at" or "near" standing alone
    ("Pangkal Pinang on Bangka"; "Stoke-on-Trent" keeps its hyphens), but not a body's "on
    the" and its remit ("Reviewing Committee on the Export of Works of Art")."""
    for k in range(start + 1, end):
        token = doc[k]
        if token.text in ("(", "["):
            return k
        alone = token.whitespace_ and doc[k - 1].whitespace_
        remit = (
            token.lower_ == "on"
            and k + 1 < end
            and doc[k + 1].lower_ == "the"
            and doc[k - 1].is_title
            and doc[k - 1].lower_ in lang.ORG_SUFFIXES
        )
        if token.lower_ in _INSIDE_NO_NAME and token.is_lower and alone and not remit:
            return k
    return end


def before_a_title(doc, start: int, end: int, lang: ModuleType) -> int:
    """The end of a place's or body's name the model ran on into the title of the person named
    next ("Wabasha County Sheriff Marcus Delahoussaye", "Bank of England Governor Mark
    Carney"): capitalised title words at its end, before a capitalised name, are the person's.
    A name does not end in a lower-case word ("Department of Justice Inspector General ...")."""
    if end >= len(doc) or not (doc[end].is_title and doc[end].pos_ == "PROPN"):
        return end
    cut = end
    while cut - 1 > start and doc[cut - 1].is_title and doc[cut - 1].lower_.rstrip(".") in lang.TITLES:
        cut -= 1
    if cut < end and doc[cut - 1].is_lower:
        cut += 1
    return cut


def without_possessive(span):
    """The span without a possessive "'s" the model took into it ("Cyclone Kenneth's")."""
    return span[:-1] if len(span) > 1 and span[-1].lower_ in POSSESSIVE else span


def extended_end(doc, start: int, end: int, kind: str, lang: ModuleType) -> int:
    """An organisation's name the model cut before "for", "of" or "and" runs on through the
    capitalised words after it, when they end as organisations' names do ("Center for
    International and Strategic Studies"), or when the name already has its "of" or "for"
    and goes on with "and" ("Commission for Museums and Monuments"); "Washington and
    Pyongyang" stays two names."""
    if kind == PERSON:
        # "Choe Son" tagged, "Hui" left out: a name's last word that the parse joins to a
        # following proper noun outside any entity runs on into it.
        while (
            end < len(doc)
            and doc[end - 1].dep_ == "compound"
            and doc[end - 1].head.i == end
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and doc[end].ent_iob_ == "O"
            and doc[end - 1].whitespace_
        ):
            end += 1
        return end
    if (
        kind == ORGANISATION
        and end + 1 < len(doc)
        and doc[end - 1].lower_ in lang.ORG_SUFFIXES
        and doc[end].lower_ == "of"
        and doc[end + 1].ent_iob_ == "B"
        and doc[end + 1].ent_type_ in ("GPE", "LOC")
    ):
        # "the Mineworkers Union" + "of Zambia": a body's name ends in its country, which the
        # model tagged apart
        extended = end + 2
        while extended < len(doc) and doc[extended].ent_iob_ == "I":
            extended += 1
        return extended
    if (
        kind == ORGANISATION
        and end + 1 < len(doc)
        and doc[end - 1].lower_ in lang.ORG_SUFFIXES
        and doc[end].lower_ == "of"
    ):
        # ... or left untagged, in one word or more ("the Public Utilities Commission" + "of Sri
        # Lanka (PUCSL)")
        for size in (3, 2, 1):
            place = doc[end + 1 : end + 1 + size]
            if (
                len(place) == size
                and all(t.ent_iob_ == "O" and t.is_title for t in place)
                and not (end + 1 + size < len(doc) and doc[end + 1 + size].is_title)
                and is_place_name(place.text)
            ):
                return end + 1 + size
    if (
        kind == ORGANISATION
        and end + 1 < len(doc)
        and doc[end].lower_ == "and"
        and doc[end + 1].is_title
        # "... of Bernalillo County and Whitcomb by ...": not a lone singular word the model
        # calls someone ("and Monuments", "and Quarry Safety" are no one), nor a surname of
        # someone the report names in full
        and not _lone_surname(doc, end + 1)
        and any(t.lower_ in ("of", "for") for t in doc[start + 1 : end - 1])
    ):
        extended = end + 2
        while extended < len(doc) and doc[extended].is_title and not doc[extended].is_sent_start:
            extended += 1
        return extended
    if kind == ORGANISATION and (remit := _remit_end(doc, start, end, lang)) > end:
        return remit
    extended = end
    while (
        extended + 1 < len(doc)
        and doc[extended].lower_ in ("for", "of", "and")
        and doc[extended + 1].is_title
    ):
        extended += 2
        while extended < len(doc) and doc[extended].is_title and not doc[extended].is_sent_start:
            extended += 1
    if extended > end and doc[extended - 1].lower_ in lang.ORG_SUFFIXES:
        return extended
    if kind == ORGANISATION:
        return (
            _office_after_possessive(doc, end, lang)
            or _place_in_the_name(doc, start, end, lang)
            or _spelt_by_brackets(doc, start, end, lang)
        )
    if kind == PLACE:
        return _place_named_after(doc, end, lang)
    return end


# Small words inside a body's remit after its "for" or "on the" ("for the Protection against
# Sanitary Risks", "on the Export of Works of Art"), between its capitalised words.
_REMIT_LINKS = frozenset({"of", "for", "and", "the", "against", "on", "in", "to"})


def _capitalised_run_end(doc, k: int, lang: ModuleType, commas: bool = False) -> int:
    """The end of a run of capitalised words from k, with small words of a name (_REMIT_LINKS)
    and, if commas, commas between them, ending on a capitalised word; k when doc[k] is no
    such word. A day, a month or a new sentence ends it."""
    end = i = k
    while i < len(doc) and not (i > k and doc[i].is_sent_start):
        token = doc[i]
        if (
            token.is_title
            and token.is_alpha
            and token.lower_ not in lang.MONTHS
            and token.lower_ not in lang.WEEKDAYS
        ):
            i += 1
            end = i
        elif end > k and (token.lower_ in _REMIT_LINKS or (commas and token.text == ",")):
            i += 1
        else:
            break
    return end


def _remit_end(doc, start: int, end: int, lang: ModuleType) -> int:
    """Where a body's name the model cut before its remit ends: after a body's word, "for" or
    "on the" and capitalised words ("the Federal Commission" + "for the Protection against
    Sanitary Risks", "the Reviewing Committee" + "on the Export of Works of Art"); after a name
    that has its "of" or "for", a list of capitalised words closed by "and" ("Bureau of Alcohol,
    Tobacco" + ", Firearms and Explosives"). end when neither follows."""
    if end + 2 >= len(doc):
        return end
    if doc[end - 1].lower_ in lang.ORG_SUFFIXES and doc[end - 1].is_title:
        k = end + 1
        if doc[end].lower_ == "on":
            if doc[k].lower_ != "the":
                return end
            k += 1
        elif doc[end].lower_ == "for":
            k += doc[k].lower_ == "the"
        else:
            return end
        run = _capitalised_run_end(doc, k, lang)
        return run if run > k else end
    if doc[end].text == "," and any(t.lower_ in ("of", "for") for t in doc[start + 1 : end - 1]):
        k = end
        while k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].is_title and doc[k + 1].is_alpha:
            k += 2
        if k + 1 < len(doc) and k > end and doc[k].lower_ == "and" and doc[k + 1].is_title:
            return k + 2
    return end


def _place_named_after(doc, end: int, lang: ModuleType) -> int:
    """A place's name the model cut after the town it opens with runs on through the untagged
    capitalised words after it that end in a word for a place ("Addis Ababa" + "Bole
    International Airport", "Sydney" + "Harbour Bridge")."""
    k = end
    while (
        k < len(doc) and k - end < 4 and doc[k].is_title and doc[k].ent_iob_ == "O" and doc[k].pos_ == "PROPN"
    ):
        k += 1
        if doc[k - 1].lower_ in lang.PLACE_SUFFIXES:
            return k
    return end


def _office_after_possessive(doc, end: int, lang: ModuleType) -> int | None:
    """The end of an office's name the model cut at a possessive inside it ("the Baltimore City
    State’s" + "Attorney’s Office", "the County Sheriff" + "’s Office"): capitalised words after
    the "'s", possessives between them, ending in "Office" after a possessive, as the offices of
    an officer are named. None when the name does not so go on ("Google's Cloud Services" is
    one body's part)."""
    k = end if doc[end - 1].lower_ in POSSESSIVE else end + 1
    if k == end + 1 and not (end < len(doc) and doc[end].lower_ in POSSESSIVE):
        return None
    last = None
    while k < len(doc) and k - end < 6 and doc[k].is_title and not doc[k].is_sent_start:
        if doc[k].lower_ in lang.ORG_SUFFIXES:
            if doc[k].lower_ == "office" and doc[k - 1].lower_ in POSSESSIVE:
                last = k + 1
            break
        k += 2 if k + 1 < len(doc) and doc[k + 1].lower_ in POSSESSIVE else 1
    return last


def _place_in_the_name(doc, start: int, end: int, lang: ModuleType) -> int | None:
    """The end of a body's name that carries the place it serves after a comma, commas around
    the place ("the University of California, San Francisco, who"; "the Association of
    Secondary Teachers, Ireland, Fergal Ó Duinnín"): a name of "X of Y" with a place the
    gazetteer or the lists know between the commas. None otherwise."""
    if end >= len(doc) or doc[end].text != "," or not any(t.lower_ == "of" for t in doc[start + 1 : end - 1]):
        return None
    for size in (1, 2, 3):
        k = end + 1 + size
        place = doc[end + 1 : k]
        if len(place) < size or k >= len(doc) or not all(t.is_title and t.is_alpha for t in place):
            return None
        if doc[k].text == "," and (is_place_name(place.text) or known_place(place.text, lang)):
            return k
    return None


_NAME_LINKS = frozenset("for of and the on in".split())


def _spelt_by_brackets(doc, start: int, end: int, lang: ModuleType) -> int:
    """A body's name the model cut short runs on to the capitals in brackets after it when they
    spell the whole ("the Economic Commission" + "for Latin America and the Caribbean (ECLAC)":
    the model tagged the two places apart)."""
    k = end
    while k < len(doc) and k - end < 8 and not doc[k].is_sent_start:
        if not (doc[k].is_title or doc[k].lower_ in _NAME_LINKS):
            break
        k += 1
        if (
            doc[k - 1].is_title
            and k + 2 < len(doc)
            and doc[k].text == "("
            and doc[k + 2].text == ")"
            and doc[k + 1].is_upper
            and len(doc[k + 1]) >= 3
            and spells_initials(doc[k + 1].lower_, doc[start:k].text, lang)
        ):
            return k
    return end


def _lone_surname(doc, index: int) -> bool:
    """Whether the word at index is one word the model tags alone as a person, singular, or the
    last word of a person's full name elsewhere in the report."""
    token = doc[index]
    alone = (
        token.ent_type_ == "PERSON"
        and token.ent_iob_ == "B"
        and (index + 1 >= len(doc) or doc[index + 1].ent_iob_ != "I")
        and token.tag_ == "NNP"
    )
    return alone or token.text in {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}


def owned_name_end(doc, end: int) -> int:
    """The end of the name a saint's name begins ("St Anthony" of "St Anthony's Shrine")."""
    if end + 1 < len(doc) and doc[end].lower_ in POSSESSIVE and doc[end + 1].is_title:
        end += 2
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
    return end
