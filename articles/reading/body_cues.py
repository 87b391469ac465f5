"""Whether a name is a body's: two bodies the model took as one span, a business a word
describes, a paper someone told something, a department named before its country, bodies
the model left untagged. Plain Python, no Django."""

from types import ModuleType

from .gazetteer import is_country_name
from .identity import ORGANISATION, PLACE, is_first_name, known_place, mixed_initials
from .organisations import dateline_agency, speaking_bodies, suffixed_names
from .speech import SPEECH_LEMMAS


def two_bodies(
    doc, start: int, end: int, named_alone: set[str], lang: ModuleType
) -> list[tuple[int, int, str, bool]]:
    """The two names of a span the model took whole across "and" ("Nissan and Mitsubishi
    Motors", "Southwest Airlines and American Airlines"), when the part before "and" names
    something on its own: the report tags it alone elsewhere, the lists know it as a place, or
    it is two words or more ending as companies' names do. One body's name with "and" in it
    ("Securities and Exchange Commission", "Ministry of Foreign Affairs and Trade") or of two
    places ("England and Wales Cricket Board") stays whole.
    [] when the span is one name."""
    joints = [k for k in range(start + 1, end - 1) if doc[k].lower_ == "and"]
    if len(joints) != 1:
        return []
    joint = joints[0]
    first, second = doc[start:joint], doc[joint + 1 : end]
    if start < joint and second.start <= doc[joint - 1].head.i < end:
        return []  # "the Colombian Petroleum and Gas Association": the words before "and" describe its body
    if not all(t.is_title or t.is_upper for t in (*first, *second)):
        return []
    place = known_place(first.text, lang)
    if place and known_place(second[0].text, lang):
        return []  # "England and Wales Cricket Board": one body of two places
    company = len(first) >= 2 and first[-1].lower_ in lang.ORG_SUFFIXES | lang.CORPORATE_SUFFIXES
    if not (place or company or first.text in named_alone):
        return []
    return [(start, joint, PLACE if place else ORGANISATION, False), (joint + 1, end, ORGANISATION, False)]


def before_its_members(doc, end: int) -> bool:
    """Whether a body's name modifies a plural word for a people or a party's members right after
    it, which the parse makes the head ("House Republicans say", "Senate Democrats"): the two
    name a group of people, which the guide does not list, and not the body."""
    if end >= len(doc):
        return False
    after = doc[end]
    return (
        after.ent_type_ == "NORP"
        and after.tag_ in ("NNPS", "NNS")
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
    )


def portfolio_before_country(doc, ent, lang: ModuleType) -> int | None:
    """The index of an untagged capitalised word for a field of government that the parse
    joins to a country's name right after it ("Environment Canada", "Sport England"), else None."""
    if ent.start == 0 or len(ent) != 1 or not is_country_name(ent.text):
        return None
    lead = doc[ent.start - 1]
    if (
        lead.ent_iob_ == "O"
        and lead.is_title
        and lead.dep_ == "compound"
        and lead.head.i == ent.start
        and lead.lower_ in lang.PORTFOLIO_WORDS
    ):
        return lead.i
    return None


def names_a_business(doc, start: int, end: int, words: list[str], lang: ModuleType) -> bool:
    """ "the Carrs grocery", "Boeing shares": a name that modifies a word for a business or its
    stock is the company's, unless it is a place the lists know ("a Texas plant")."""
    head = doc[end - 1]
    if head.dep_ != "compound" or head.head.i < end or head.head.lemma_.lower() not in lang.BUSINESS_NOUNS:
        return False
    return not known_place(" ".join(words), lang)


def generic_body(word: str, lang: ModuleType) -> bool:
    lower = word.lower()
    return lower in lang.ORG_SUFFIXES and lower not in lang.KNOWN_ORG_PHRASES


def with_untagged_organisations(
    doc, raw: list[tuple[int, int, str, bool]], lang: ModuleType
) -> list[tuple[int, int, str, bool]]:
    """raw with the dateline's agency, "X Inc" names and bodies that speak ("Transport for
    Wales said") the model left untagged, in text order."""
    taken = {k for start, end, _, _ in raw for k in range(start, end)}
    found = suffixed_names(doc)
    agency = dateline_agency(doc)
    if agency is not None:
        found.append(agency)
        # "TALLINN (Northline) —": the agency whatever the model called it (a town, someone)
        raw = [(s, e, ORGANISATION if (s, e) == agency else kind, t) for s, e, kind, t in raw]
    added = [(s, e, ORGANISATION, False) for s, e in found if not taken.intersection(range(s, e))]
    # A body that speaks replaces the parts of its name the model tagged apart ("Kent Fire" +
    # "Rescue Service"), unless a tagged name crosses its edge; so does a body every reader
    # knows by its seat, written in capitals ("Cheong Wa Dae", of which the model may tag "Dae"
    # alone, as someone).
    for s, e in [*speaking_bodies(doc, taken, SPEECH_LEMMAS, lang), *_known_bodies(doc, lang)]:
        inside = [r for r in raw if s <= r[0] and r[1] <= e]
        crossing = [r for r in raw if r[0] < e and s < r[1] and r not in inside]
        if not crossing:
            raw = [r for r in raw if r not in inside]
            added.append((s, e, ORGANISATION, False))
    return sorted(raw + added)


def _known_bodies(doc, lang: ModuleType) -> list[tuple[int, int]]:
    """Token bounds of the bodies of lang.KNOWN_ORG_PHRASES of two words or more, written with
    capitals ("Cheong Wa Dae", "Downing Street"; not "a blue house")."""
    phrases = {tuple(p.split()) for p in lang.KNOWN_ORG_PHRASES if " " in p}
    longest = max((len(p) for p in phrases), default=0)
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        for size in range(longest, 1, -1):
            words = doc[i : i + size]
            if (
                len(words) == size
                and tuple(t.lower_ for t in words) in phrases
                and all(t.text[:1].isupper() for t in words if t.is_alpha)
            ):
                found.append((i, i + size))
                i += size - 1
                break
        i += 1
    return found


TOLD_TO = frozenset({"speak", "talk", "say", "write", "explain", "confirm", "complain", "admit"})


def told_the(doc, start: int, end: int) -> bool:
    """Whether the name, after "the", is who is told something ("Corliss told the Valley
    Courier", "said to the Gazette", "spoke to the Herald"): a newspaper or a body, since
    nobody tells a person named with an article, nor a place."""
    if start == 0 or doc[start - 1].lower_ != "the":
        return False
    root = doc[start:end].root
    head = root.head
    if root.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
        return True
    return (
        root.dep_ == "pobj"
        and head.lower_ == "to"
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in TOLD_TO
    )


def names_bodies(doc, start: int, end: int, body_names: list[list[str]]) -> bool:
    """Whether a two-word "person" opening with no first name is made of bodies' names the
    report gives in full: the opening words of one that ends in a body's word after them
    ("Korle Bu" of "Korle Bu Teaching Hospital"), or the first words of two ("Sahara Noor",
    the merged "Sahara Maritime Group" and "Noor Logistics")."""
    words = [t.text for t in doc[start:end]]
    if len(words) != 2 or is_first_name(words[0]):
        return False
    if any(len(name) >= 4 and name[:2] == words for name in body_names):
        return True
    firsts = [name[0] for name in body_names if len(name) >= 2]
    return words[0] != words[1] and words[0] in firsts and words[1] in firsts


def names_a_party(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether the words are a party named by its members' plural ("the Liberal Democrats", "the
    Tories", "Nationals leader Dugald Frame"), with "the" before them or a word of the party's
    ranks or rule after them (lang.PARTY_PLURALS): the party, which the model calls a people
    or an event. "Greens" alone, without either, may be any greens."""
    if start < end and doc[start].lower_ == "the":
        start += 1
    words = doc[start:end]
    if not words or not all(t.is_title for t in words):
        return False
    if " ".join(t.lower_ for t in words) not in lang.PARTY_PLURALS:
        return False
    if start > 0 and doc[start - 1].lower_ == "the":
        return True
    return end < len(doc) and doc[end].lower_ in lang.PARTY_RANK_WORDS | {"'", "’"}


def with_untagged_parties(doc, raw: list[tuple[int, int, str, bool]], lang: ModuleType) -> list:
    """raw with the parties names_a_party finds where the model tagged nothing ("after
    Nationals MP Graham Peters resigned"), as organisations."""
    taken = {k for start, end, _, _ in raw for k in range(start, end)}
    found = []
    for token in doc:
        for size in (2, 1):
            end = token.i + size
            if (
                end <= len(doc)
                and not taken.intersection(range(token.i, end))
                and names_a_party(doc, token.i, end, lang)
            ):
                found.append((token.i, end, ORGANISATION, False))
                taken.update(range(token.i, end))
                break
    return sorted(raw + found) if found else raw


def with_mixed_initials(doc, raw: list[tuple[int, int, str, bool]], lang: ModuleType) -> list:
    """raw with the short forms in capitals that keep a small word in lower case ("The DfE
    said", "the DoJ") the model left untagged, as organisations: no word is so written but
    a body's short form; not one that describes a noun after it ("a DoS attack")."""
    taken = {k for start, end, _, _ in raw for k in range(start, end)}
    found = [
        (t.i, t.i + 1, ORGANISATION, False)
        for t in doc
        if t.i not in taken
        and mixed_initials(t.text)
        and t.lower_ not in lang.NOT_ACRONYMS
        and not (t.dep_ == "compound" and t.head.i > t.i)
    ]
    return sorted(raw + found) if found else raw
