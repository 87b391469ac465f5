"""Whether a name the model typed as a person, a body or a people stands where a place
stands: after "in" or "near", gone to, one end of a stretch, a site's or a river's name,
a town before its residents. Plain Python, no Django."""

from types import ModuleType

from .body_cues import TOLD_TO
from .gazetteer import is_place_name
from .identity import PLACE, POSSESSIVE, is_first_name

COMPASS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest".split()
)

_LOCATIVE = frozenset({"in", "near", "off", "outside", "across", "throughout", "around", "towards", "toward"})


def town_of_its_people(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a one-word name the model calls a body is a town the gazetteer knows, set before
    a lower-case noun for the people who live somewhere ("Edinburgh households", "Leeds
    residents"): the town, since no body has residents. Not "fans", whom teams have."""
    return (
        end - start == 1
        and end < len(doc)
        and doc[end].is_lower
        and doc[end].lower_ in lang.INHABITANT_NOUNS
        and doc[start].dep_ == "compound"
        and is_place_name(doc[start].text)
    )


def site_or_river(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a name the model calls a body is where a site stands: a town the gazetteer knows
    before a lower-case noun for a plant or a field ("the Abqaiq plant", "the Abqaiq processing
    plant"), a name after "at" hung on such a noun ("a nuclear complex at Yongbyon"), or the
    river after "the banks of the" ("the banks of the Seine")."""
    span = doc[start:end]
    ahead = [t for t in doc[end : min(end + 2, len(doc))]]
    if ahead and is_place_name(span.text):
        if ahead[0].is_lower and ahead[0].lower_ in lang.SITE_NOUNS:
            return True
        if (
            len(ahead) == 2
            and ahead[0].is_lower
            and ahead[0].pos_ == "NOUN"
            and ahead[1].lower_ in lang.SITE_NOUNS
        ):
            return True
    if start >= 2 and doc[start - 1].lower_ == "at":
        # the parse hangs "at" on the verb as often as on the site
        return doc[start - 2].is_lower and doc[start - 2].lower_ in lang.SITE_NOUNS
    return (
        start >= 3
        and doc[start - 1].lower_ == "the"
        and doc[start - 2].lower_ == "of"
        and doc[start - 3].is_lower
        and doc[start - 3].lower_ in lang.WATERSIDE_NOUNS
    )


def range_end_of(doc, start: int, end: int, place_at: set[int]) -> bool:
    """Whether the name is one end of a stretch "from X ... to Y" whose other end is a place
    ("from Venda Nova in the north of the city to Barreiro"): the parse hangs "from" and
    "to" on one word, and the name is what one of them governs."""
    root = doc[start:end].root
    if root.dep_ != "pobj" or root.head.lower_ not in ("from", "to"):
        return False
    other = "to" if root.head.lower_ == "from" else "from"
    return any(
        prep.lower_ == other and any(obj.dep_ == "pobj" and obj.i in place_at for obj in prep.children)
        for prep in root.head.head.children
        if prep.dep_ == "prep"
    )


def locative_before(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether the name is where something happens ("in Riverton"), not a person after a verb's
    particle ("swept in Trent Alexander-Arnold's cross"), the owner of what follows, or what
    is owned ("shareholders in L'Oréal")."""
    before = doc[start - 1]
    owns = end < len(doc) and doc[end].lower_ in POSSESSIVE
    owned = before.head.lemma_.lower() in lang.HOLDING_WORDS
    return before.lower_ in _LOCATIVE and before.dep_ != "prt" and not owns and not owned


def known_place_not_person(doc, start: int, end: int) -> bool:
    """Whether a name of two or more words the model calls a person is a place the gazetteer
    knows ("Sri Lanka's police chief", "Cabo Delgado province") and does not open with a known
    first name ("Sydney Brenner"). A lone word is left alone: towns share their names with
    surnames and clubs ("Robertson limped off", "the Clinton campaign", "Chelsea"), and a lone
    word the model calls a person is listed only when it acts as one anyway."""
    span = doc[start:end]
    return end - start >= 2 and is_place_name(span.text) and not is_first_name(doc[start].text)


_DEMONYM_ENDINGS = ("an", "ish", "ese", "ic", "i")


def people_word_as_place(doc, ent, lowercase_words: set[str], lang: ModuleType) -> bool:
    """Whether a name the model calls a people ("NORP") stands where a place stands: one singular
    proper noun, the object of "in", "from", "near" ("in Punjab", "Islanders in South Uist"), not
    shaped as a people's or a language's word ("in Punjabi", "from Spanish") and not a word the
    report also writes in lower case; a town or region the gazetteer knows, or a name opening
    with a side ("South", "North")."""
    root = ent.root
    if root.tag_ != "NNP" or root.dep_ != "pobj" or any(t.tag_ not in ("NNP", "DT") for t in ent):
        return False
    words = [t.text for t in ent if t.lower_ != "the"]
    if not words or words[-1].lower().endswith(_DEMONYM_ENDINGS) or words[-1] in lowercase_words:
        return False
    # only a place the gazetteer knows or one named by its side of something ("South Uist"):
    # "from the European Union", "at General Electric" are bodies
    if not (is_place_name(" ".join(words)) or (len(words) >= 2 and words[0].lower() in COMPASS)):
        return False
    before = root.head
    return before.i == ent.start - 1 and before.lower_ in _LOCATIVE | {"from"} and before.dep_ == "prep"


def town_set_beside_a_place_noun(doc, ent, lang: ModuleType) -> bool:
    """Whether a town the gazetteer knows is set after a comma beside a lower-case noun for a
    settlement before it ("live in the capital, Montevideo, but"): the model may give such a
    name any label (a product, a date)."""
    root = ent.root
    head = root.head
    return (
        root.dep_ in ("appos", "conj")  # the parse may list it with the noun
        and head.i == ent.start - 2
        and head.is_lower
        and head.lower_ in lang.PLACE_APPOSITION_NOUNS
        and ent.start > 0
        and doc[ent.start - 1].text == ","
        and is_place_name(ent.text)
    )


_TOWARDS = frozenset({"at", "from", "to", "between", "via", "into", "through"})
# Words for how near a town is, between the preposition and its name ("from nearby Tiverton")
_NEARNESS = frozenset({"nearby", "neighbouring", "neighboring"})


def lone_place_word(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a one-word organisation stands where places stand ("in Shrewsbury", "near
    Katoomba") and has nothing of a body about it: no acronym ("in NATO"), no word that ends
    bodies' names ("in Congress", "in Parliament"). After "at", "from" or "to", where bodies
    stand as often ("at Google"), only a town the gazetteer knows ("from Swindon")."""
    if end - start != 1 or start == 0:
        return False
    word = doc[start].text
    if word.isupper() or word.lower() in lang.ORG_SUFFIXES or word.lower() in lang.KNOWN_ORG_PHRASES:
        return False
    if doc[start - 1].lower_ in _TOWARDS and doc[start - 1].dep_ != "prt" and is_place_name(word):
        return not (end < len(doc) and doc[end].lower_ in POSSESSIVE)  # "from Liverpool's owners"
    return locative_before(doc, start, end, lang)


_NOT_GOING = TOLD_TO | frozenset({"according", "listen", "reply", "respond", "belong", "thank", "write"})


def town_gone_to(doc, start: int, end: int) -> bool:
    """Whether a one-word name is a town the gazetteer knows, after "to", "from", "at", "into",
    "via" or "through" where one goes or comes ("came to Bloomington", "sailed to Lomé", "a
    fisherman from nearby Tiverton"), not after a verb of telling ("spoke to Warren") and not
    owning what follows ("from Leeds's owners")."""
    if end - start != 1 or start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ in _NEARNESS and start >= 2:
        before = doc[start - 2]
    if before.lower_ not in _TOWARDS or before.dep_ == "prt" or before.head.lemma_.lower() in _NOT_GOING:
        return False
    owns = end < len(doc) and doc[end].lower_ in POSSESSIVE
    return not owns and not doc[start].is_upper and is_place_name(doc[start].text)


def based_in(doc, end: int) -> bool:
    """Whether "-based" is joined to the name's end ("a Querétaro-based drugmaker", "the
    Lodz-based company"): the name is where a body is based, a place, whatever the model
    called it."""
    return (
        end + 1 < len(doc)
        and doc[end].text in ("-", "‐")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].lower_ == "based"
    )


# Nouns for a settlement or an area whose "of" a name follows ("the tiny mountain town of
# Jamestown", "the city of Lawrence"); not "port" or "capital", which bodies and things have too
# ("the Port of Felixstowe" is its operator).
_SETTLEMENT_OF_NOUNS = frozenset(
    "city town village hamlet suburb township municipality borough county province region island".split()
)


def _settlement_named_by_of(doc, start: int, lang: ModuleType) -> bool:
    """Whether the name follows "of" after a lower-case noun for a settlement that a determiner
    opens ("the tiny mountain town of Jamestown", "the city of Lawrence"): the name is that
    town's, not a body's."""
    if start < 2 or doc[start - 1].lower_ != "of":
        return False
    noun = doc[start - 2]
    return (
        noun.is_lower
        and noun.lower_ in _SETTLEMENT_OF_NOUNS
        and noun.pos_ == "NOUN"
        and any(c.dep_ == "det" for c in noun.children)
    )


def _place_in_apposition(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a comma and a lower-case noun for a settlement or a landform follow the name, set
    beside it by the parse ("Uliastai, the capital of Zavkhan", "Oia, the village famous for
    its sunsets", "Katla, the volcano beneath ..."), or the name follows such a noun's "of"
    ("the mountain town of Jamestown"): the name is that place's."""
    if _settlement_named_by_of(doc, start, lang):
        return True
    if end >= len(doc) or doc[end].text != ",":
        return False
    root = doc[start:end].root
    return any(
        t.dep_ == "appos"
        and t.head.i == root.i
        and t.is_lower
        and t.pos_ == "NOUN"
        and t.lower_ in lang.PLACE_APPOSITION_NOUNS
        for t in doc[end + 1 : min(end + 6, root.sent.end)]
    )


def places_in_apposition(
    doc, raw: list[tuple[int, int, str, bool]], lang: ModuleType
) -> tuple[set[str], list[tuple[int, int, str, bool]]]:
    """The names (lower case) the report sets beside a noun for a settlement or a landform once
    (_place_in_apposition), which are that place wherever they stand untitled, and such names
    of one capitalised word the model tagged nothing in, as new place spans ("Shop owners in
    Oia, the village famous for its sunsets")."""
    marked = {
        doc[start:end].text.lower()
        for start, end, _, titled in raw
        if not titled and _place_in_apposition(doc, start, end, lang)
    }
    taken = {k for start, end, _, _ in raw for k in range(start, end)}
    lowercase_words = {t.lower_ for t in doc if t.is_lower}
    added = [
        (t.i, t.i + 1, PLACE, False)
        for t in doc
        if t.i not in taken
        and t.is_title
        and t.is_alpha
        and t.pos_ in ("PROPN", "NOUN")
        and not is_first_name(t.text)
        and t.lower_ not in lowercase_words
        and _place_in_apposition(doc, t.i, t.i + 1, lang)
    ]
    marked.update(doc[s:e].text.lower() for s, e, _, _ in added)
    return marked, added


# Prepositions of a way over or along ground: "over the Paterberg", "on the Koppenberg".
_OVER_GROUND = frozenset("on over up down along across through onto atop".split())


def landmark_after_the(doc, start: int, end: int) -> bool:
    """Whether a one-word name the model calls a person stands after "the" and a preposition of
    a way over ground, with no noun after it ("crashed on the Koppenberg", "the chase over the
    Paterberg"): a climb, a hill or a road, since no one is named with an article."""
    if end - start != 1 or start < 2 or doc[start - 1].lower_ != "the":
        return False
    token, prep = doc[start], doc[start - 2]
    described = end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN")
    return (
        token.tag_ == "NNP"
        and token.dep_ == "pobj"
        and token.head.i == prep.i
        and prep.lower_ in _OVER_GROUND
        and not described
    )


_VOYAGE_PREPOSITIONS = frozenset({"to", "at", "between", "from", "via"})


def end_of_a_voyage(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a name of one or two capitalised words is where a ship sails to, calls or berths
    ("sail to Crete", "berth at Lochboisdale", "sails between Lochboisdale and Mallaig", "the
    crossing to Mallaig"), or where passengers go "ashore on" (lang.VOYAGE_WORDS): a port or an
    island, since no one sails to a person and firms are not called at."""
    if not 1 <= end - start <= 2 or start < 2:
        return False
    if not all(t.is_title and t.is_alpha for t in doc[start:end]):
        return False
    root = doc[start:end].root
    if root.dep_ == "conj" and root.head.dep_ == "pobj":
        root = root.head  # "between Lochboisdale and Mallaig", "to Crete or Rhodes"
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "on" and prep.i > 0 and doc[prep.i - 1].lower_ == "ashore":
        return True  # "allowed ashore on Santorini"
    return (
        prep.lower_ in _VOYAGE_PREPOSITIONS
        and prep.dep_ == "prep"
        and prep.head.lemma_.lower() in lang.VOYAGE_WORDS
    )
