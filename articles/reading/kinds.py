"""What the words around a name say about its kind, where the small model's label is wrong.

The model types an unfamiliar name by its letters as much as by its place in the sentence: "the
regulator Ofgem" becomes a place, "the fast bowler Arjun Venkatesh" and "Mrs May and
Jean-Claude Juncker" organisations, "Vargas state" and "outside the Moda Center" bodies. The
sentence around the name says what it is; each function here reads one such mark from the parse
and the tokens. collecting.py weighs them against the model's label. Plain Python, no Django.
"""

import re
from types import ModuleType

from .gazetteer import is_place_name
from .identity import ORGANISATION, PERSON, PLACE, POSSESSIVE, is_first_name, is_initial, known_place

# Prepositions that take somewhere and never a body: "outside the Justice Center", "near
# Frankford High School". "at", "in" and "on" take bodies too ("talks at Acas", "in Congress").
_SPATIAL = frozenset({"outside", "inside", "near", "opposite", "beside"})
_CHAINED = frozenset({"conj", "appos"})
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){3,}")


def described_kind(doc, start: int, lang: ModuleType) -> str | None:
    """The kind a lower-case common noun right before a name gives it: a body ("the regulator
    Ofgem", "the conciliation service Acas", "Energy giant Ashcombe") or a person's role ("the
    fast bowler Arjun Venkatesh", "spokesman Tom Keaveney"). None when no such noun stands there."""
    if start == 0:
        return None
    before = doc[start - 1]
    if not (before.is_alpha and before.is_lower and before.pos_ == "NOUN"):
        return None
    if before.lower_ in lang.BODY_NOUNS:
        return ORGANISATION
    if (
        before.lower_ in lang.TITLES
        or before.lower_ in lang.OCCUPATION_NOUNS
        or before.lower_ in lang.PLAYING_POSITIONS
    ):
        return PERSON
    return None


_NAMING_VERBS = frozenset({"call", "calling", "calls", "called", "name", "named", "naming", "names"})


def named_as_a_body(doc, start: int, lang: ModuleType) -> bool:
    """Whether the words before the name say it is what a body calls itself ("a gang calling
    itself Black Heron": people call themselves "himself" or "herself") or what a body noun is
    called ("a group called Black Heron", "the charity named Open Doors", "the new bank, to be
    called Novo Minho", "a lender now named ...")."""
    if start < 2:
        return False
    before, verb = doc[start - 1], doc[start - 2]
    if before.lower_ == "itself":
        return verb.lower_ in _NAMING_VERBS
    if before.lower_ not in ("called", "named"):
        return False
    # back over the words that only carry the naming to the noun it names ("bank, to be")
    k = start - 2
    while k > 0 and (doc[k].lower_ in _NAMING_CARRIERS or doc[k].text == ","):
        k -= 1
    return doc[k].is_lower and doc[k].lower_ in lang.BODY_NOUNS


# Words between a noun and the "called" that names it: "the bank, to be called", "a firm now named"
_NAMING_CARRIERS = frozenset("to be is was will now later since soon also originally".split())


def body_before_in_apposition(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether the name is set after a comma beside a lower-case noun for a body written before
    it, the name closing the phrase ("moved to a new “good bank”, Novo Minho, and ...", "the
    carrier, Avianca."): the parse may hang the name anywhere. A name that goes on to speak or
    act ("the firm, Smith said") is not set beside the noun."""
    if start < 2 or doc[start - 1].text != ",":
        return False
    k = start - 2
    if doc[k].is_quote or doc[k].text in ("”", "’", "'", '"'):
        k -= 1
    noun = doc[k]
    if not (noun.is_lower and noun.lower_ in lang.BODY_NOUNS and noun.pos_ == "NOUN"):
        return False
    if not any(c.dep_ == "det" for c in noun.children):
        return False  # "a new bank", "the carrier": one named next, not a kind of body in general
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return False  # "The head of the national rescue agency, Muhammad Syaugi, said": the head's name
    if end - start >= 2 and is_first_name(doc[start].text):
        return False  # a person's full name set beside a body is more often its head's than its own
    return end >= len(doc) or doc[end].text in (",", ".", ";", ")")


def role_in_apposition(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a comma and a person's role follow the name, set beside it by the parse
    ("Tomasz Wieczorek-Bąk, chief economist for central Europe at ING")."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    span_tokens = range(start, end)
    return any(
        t.dep_ == "appos"
        and t.head.i in span_tokens
        and (t.lower_ in lang.TITLES or t.lower_ in lang.OCCUPATION_NOUNS)
        for t in doc[end + 1 : min(end + 6, len(doc))]
    )


def role_before_in_apposition(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether the name is set after a comma beside a person's role written before it ("A herder
    in Zavkhan, Tsogt-Ochir, said"): the parse hangs the name on the role."""
    if start == 0 or doc[start - 1].text != ",":
        return False
    if doc[start:end].root.dep_ != "appos":
        return False
    head = doc[start:end].root.head
    # the parse may hang the name on the place the role is in ("herder in Zavkhan")
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i < head.i:
        head = head.head.head
    return (
        head.i < start
        and head.is_lower
        and (head.lower_ in lang.TITLES or head.lower_ in lang.OCCUPATION_NOUNS)
    )


def body_in_apposition(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a comma and a lower-case noun for a body follow the name, set beside it by the
    parse ("Unison, the largest union at the council, said"; "Ecopetrol, the majority
    state-owned oil giant": the noun ends the words set beside it, however many describe it)."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    return any(
        t.dep_ == "appos" and start <= t.head.i < end and t.is_lower and t.lower_ in lang.BODY_NOUNS
        for t in doc[end + 1 : min(end + 10, doc[end].sent.end)]
    )


def who_after(doc, end: int) -> bool:
    """Whether ", who" follows the name ("taxi operator Clive Henry, who has known him"): a
    person, though a business noun stands before the name."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"


def aged(doc, end: int) -> bool:
    """Whether an age in commas follows the name ("Sibusiso Khumalo, 44,"): only people have one."""
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].text.isdigit()
        and 0 < int(doc[end + 1].text) < 120
        and doc[end + 2].text == ","
    )


_HELD = frozenset({"owned", "controlled", "run", "operated", "listed"})


def held_as_a_body(doc, start: int) -> bool:
    """Whether a compound adjective of holding stands right before the name ("the
    state-controlled Port of Tallinn", "family-owned Arktisk", "Oslo-listed Elkem"): only a
    body is owned, run or listed so; a person is "backed" or "born" that way, which do not count."""
    return (
        start >= 3
        and doc[start - 1].lower_ in _HELD
        and doc[start - 2].text in ("-", "‐")
        and not doc[start - 2].whitespace_
        and not doc[start - 3].whitespace_
    )


def marked_as_a_body(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether the words around the name say it is a body's: a body noun right before it ("the
    drug-buying agency Pharmac") or set beside it, or a body's naming of itself. A noun for a
    body also names a job ("Crane operator Sibusiso Khumalo, 44,"): an age after the name says
    it is someone's."""
    return (
        (described_kind(doc, start, lang) == ORGANISATION and not aged(doc, end))
        or body_in_apposition(doc, start, end, lang)
        or named_as_a_body(doc, start, lang)
        or held_as_a_body(doc, start)
        or body_before_in_apposition(doc, start, end, lang)
    )


def chained_to(doc, start: int, end: int, spans: set[tuple[int, int]]) -> bool:
    """Whether the name is listed with one of spans, by "and" or a comma, either way round
    ("Mrs May and Jean-Claude Juncker"; "Rory Stewart, Esther McVey")."""
    owner = {k: span for span in spans for k in range(*span)}
    if end < len(doc) and doc[end].lower_ in POSSESSIVE:
        return False  # "Jamie Dimon and Morgan Stanley's board": the name owns, it is not listed
    # Side by side with "and" or "or", whatever the parse made of them (it often hangs the
    # first name on the second: "Mrs May and Jean-Claude Juncker had agreed").
    if start >= 2 and doc[start - 1].lower_ in ("and", "or") and doc[start - 2].i in owner:
        return True
    if end + 1 < len(doc) and doc[end].lower_ in ("and", "or") and owner.get(end + 1, (-1, -1))[0] == end + 1:
        return True
    root = doc[start:end].root
    if root.dep_ in _CHAINED and owner.get(root.head.i, (start, end)) != (start, end):
        return True
    return any(
        t.dep_ in _CHAINED and t.head.i == root.i and owner.get(t.i, (start, end)) != (start, end)
        for t in root.children
    )


_FOUNDING_VERBS = frozenset("found co-found cofound".split())


def founded_by(doc, start: int, end: int) -> bool:
    """Whether a name shaped as a person's is who founded something ("the family chain, founded
    by Arne Isaksen in Alta"): "founded by" names a founder, a body being "set up" or
    "established" by another."""
    if start < 2 or doc[start - 1].lower_ != "by":
        return False
    verb = doc[start - 1].head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _FOUNDING_VERBS and verb.tag_ == "VBN"


def byline(doc, start: int) -> bool:
    """Whether the name follows "By" at the start of a line: a report's byline names its writer."""
    if start == 0 or doc[start - 1].text not in ("By", "by"):
        return False
    opening = start - 1
    return opening == 0 or "\n" in doc[opening - 1].text or doc[opening - 1].text.endswith("\n")


def person_shaped(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Two to four capitalised words (a hyphenated surname counts once, a particle such as "de"
    may be lower case) with nothing of a body or a place in them: how a person's full name looks."""
    words = [t for t in doc[start:end] if t.text not in ("-", "‐")]
    if not 2 <= len(words) <= 4:
        return False
    for t in words:
        lower = t.lower_.rstrip(".")
        if lower in lang.NAME_PARTICLES:
            continue
        # "McVey", "Jean-Claude": a capital first, and not an acronym ("BBC")
        if not (t.text[:1].isupper() and not t.is_upper and (t.is_alpha or is_initial(t.text))):
            return False
        if lower in lang.ORG_SUFFIXES or lower in lang.CORPORATE_SUFFIXES or known_place(lower, lang):
            return False
    return not known_place(doc[start:end].text, lang) and not is_place_name(doc[start:end].text)


def _somewhere_in(doc, start: int) -> bool:
    """Whether a bare "in", "at", "near" or "from" stands right before the name ("in Madrid")."""
    return (
        start > 0 and doc[start - 1].lower_ in ("in", "at", "near", "from") and doc[start - 1].dep_ == "prep"
    )


def spatial_before(doc, start: int, end: int) -> bool:
    """Whether the name, after an optional "the", is what a preposition that takes somewhere
    governs: not "nobody outside the Justice Department" (beyond a body's members, not by its
    walls), nor "outside the Defence Ministry compound" (the compound is where)."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 0 or doc[k].lower_ not in _SPATIAL or doc[k].dep_ != "prep" or doc[k].head.pos_ == "PRON":
        return False
    root = doc[start:end].root
    return root.dep_ == "pobj" and root.head.i == k


def modifies_a_place_noun(doc, end: int, lang: ModuleType, *, landform: bool = False) -> bool:
    """Whether the name's last word modifies a lower-case noun for an area or a place of worship
    right after it ("Vargas state", "the Linwood mosque"): the name is that place's. landform:
    only a noun for a landform counts ("the Reykjanes peninsula"). A border checkpoint or a
    market counts either way ("the Khlong Luek checkpoint")."""
    if end >= len(doc):
        return False
    last, after = doc[end - 1], doc[end]
    nouns = (lang.LANDFORM_NOUNS if landform else lang.PLACE_NOUNS) | lang.CROSSING_NOUNS
    return last.dep_ == "compound" and last.head.i == end and after.is_lower and after.lower_ in nouns


def names_an_area(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether one word names the area or the landform a lower-case noun right after it names
    ("in the Junín region", "the Pinckney neighborhood", "across the Mýrdalssandur plain"): the
    parse joins the two, or "the" opens the pair and the noun is a singular common noun (the
    parse may hang the noun elsewhere)."""
    if end - start != 1 or end >= len(doc):
        return False
    after = doc[end]
    if not (after.is_lower and after.lower_ in lang.AREA_NOUNS | lang.LANDFORM_NOUNS):
        return False
    joined = doc[start].dep_ == "compound" and doc[start].head.i == end
    after_the = start > 0 and doc[start - 1].lower_ == "the" and after.tag_ == "NN"
    return joined or after_the


def dotted_initials(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether the name is three initials or more written with full stops ("F.B.I.", "C.I.A."),
    no place the lists know: places so written are two letters ("U.S.", "D.C.")."""
    text = doc[start:end].text
    return bool(_DOTTED_INITIALS.fullmatch(text)) and not known_place(text, lang)


def contest_side(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether the name is a side in a contest, so a team, not the town or country it is named
    after: one of two names a verb of winning sets against each other ("Liverpool beat
    Barcelona", "England stunned India"), the loser after "victory over" ("a victory over
    Tottenham"), the owner of a win ("Tottenham's defeat"), or the subject of winning one
    ("England completed a five-wicket victory")."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ in ("nsubj", "dobj") and head.lemma_.lower() in lang.CONTEST_VERBS:
        sides = [c for c in head.children if c.dep_ in ("nsubj", "dobj") and c.i != root.i]
        return any(c.pos_ == "PROPN" for c in sides)
    if root.dep_ == "pobj" and head.lower_ in ("over", "against"):
        return head.head.lemma_.lower() in lang.CONTEST_NOUNS
    if root.dep_ == "poss":
        return head.lemma_.lower() in lang.CONTEST_NOUNS
    if root.dep_ == "nsubj":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in lang.CONTEST_NOUNS for c in head.children)
    return False


def gazetteer_place(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a name of two tokens or more is a place the gazetteer knows ("KwaZulu-Natal",
    "Pangkal Pinang") with no word of a body's name in it. A lone word is left alone: towns
    share their names with clubs ("Liverpool", "Chelsea")."""
    if end - start < 2 or not is_place_name(doc[start:end].text):
        return False
    return not any(t.lower_ in lang.ORG_SUFFIXES for t in doc[start:end])


def retyped(doc, raw: list[tuple[int, int, str, bool]], lang: ModuleType) -> list[tuple[int, int, str, bool]]:
    """raw (start, end, kind, titled) with each name's kind set by the marks around it where
    they contradict the model's label. Marks of a person need a person's full name; a name the
    report calls a person only by its last word ("Saikawa said", after "Hiroto Saikawa" was
    tagged a body) is that person."""
    people = {(s, e) for s, e, kind, _ in raw if kind == PERSON}
    # a hyphenated surname is one word of three tokens ("Ashby-Reid")
    acting_lone = {
        doc[s:e].text
        for s, e, kind, titled in raw
        if kind == PERSON
        and one_word(doc, s, e)
        and (titled or doc[s:e].root.dep_ in ("nsubj", "nsubjpass", "poss"))
    }
    # "Karen Ashby-Reid" beside the model's organisation "Callum Ashby-Reid": a family's name
    family_names: dict[str, set[str]] = {}
    for s, e, kind, _ in raw:
        if kind == PERSON and not one_word(doc, s, e):
            family_names.setdefault(_last_word(doc, s, e), set()).add(doc[s].text)
    # Once a side in a contest, a town's or country's name is the team's wherever the report
    # does not put something in it ("fans in Liverpool").
    teams = {
        doc[s:e].text
        for s, e, kind, _ in raw
        if kind in (PLACE, ORGANISATION) and contest_side(doc, s, e, lang)
    }
    out = []
    for start, end, kind, titled in raw:
        if kind == PLACE and doc[start:end].text in teams and not _somewhere_in(doc, start):
            kind = ORGANISATION
        if (
            kind == PERSON
            and not titled
            and (end - start == 1 or (end < len(doc) and doc[end].lower_ in lang.CROSSING_NOUNS))
            and (
                modifies_a_place_noun(doc, end, lang, landform=True)
                or (end < len(doc) and doc[end].lower_ == "station" and doc[end - 1].head.i == end)
            )
        ):
            # "the Mýrdalsjökull glacier", "the Khlong Luek checkpoint": a person to the model
            kind = PLACE
        if (
            kind == PERSON
            and not titled
            and names_an_area(doc, start, end, lang)
            and doc[start].text not in family_names
            and not is_first_name(doc[start].text)
        ):
            kind = PLACE  # "in the Junín region", "the Pinckney neighborhood": a person to the model
        described = described_kind(doc, start, lang)
        shaped = person_shaped(doc, start, end, lang)
        if (
            kind == PLACE
            and shaped
            and not titled
            and (described == PERSON or role_before_in_apposition(doc, start, end, lang))
        ):
            # "All Blacks centre Tamati Rangihuna": a player's position before a full name; the
            # model took the unfamiliar name for a place
            kind = PERSON
        elif (
            kind == ORGANISATION
            and shaped
            and (
                described == PERSON
                or role_in_apposition(doc, start, end, lang)
                or role_before_in_apposition(doc, start, end, lang)
                or chained_to(doc, start, end, people)
                or byline(doc, start)
                or founded_by(doc, start, end)
                or _last_word(doc, start, end) in acting_lone
                or (
                    # another given name: the same two words typed two ways ("Coop Norge") are no family
                    len(doc[start:end].text.split()) == 2
                    and doc[start].text
                    not in family_names.get(_last_word(doc, start, end), {doc[start].text})
                )
            )
        ):
            # a role before the name, or beside it before a comma, is as good as a title
            kind, titled = (
                PERSON,
                titled or described == PERSON or role_before_in_apposition(doc, start, end, lang),
            )
        elif (
            (described == ORGANISATION and not titled and not aged(doc, end) and not who_after(doc, end))
            or (kind == PLACE and dotted_initials(doc, start, end, lang))
            or named_as_a_body(doc, start, lang)
            or (not titled and held_as_a_body(doc, start))
            or (not titled and body_in_apposition(doc, start, end, lang))
            or (not titled and body_before_in_apposition(doc, start, end, lang))
        ):
            kind = ORGANISATION
        elif (
            kind == ORGANISATION
            and doc[start:end].text.lower() not in lang.KNOWN_ORG_PHRASES
            and (
                spatial_before(doc, start, end)
                or modifies_a_place_noun(doc, end, lang)
                or gazetteer_place(doc, start, end, lang)
            )
        ):
            kind = PLACE
        out.append((start, end, kind, titled))
    return out


def one_word(doc, start: int, end: int) -> bool:
    """Whether the tokens are one word, hyphenated parts included ("Ashby-Reid", "Lloyd-Hughes")."""
    return not any(t.whitespace_ for t in doc[start : end - 1])


def _last_word(doc, start: int, end: int) -> str:
    """A name's last word, with the parts a hyphen joins to it ("Ashby-Reid")."""
    k = end - 1
    while k > start and not doc[k - 1].whitespace_:
        k -= 1
    return doc[k:end].text


def kind_by_shape(words: list[str], kind: str, lang: ModuleType) -> str:
    """A name's kind from what it is made of, when that is clearer than the model's label."""
    lower = " ".join(words).lower()
    last = words[-1].lower() if words else ""
    if known_place(lower, lang):
        return PLACE
    last_two = " ".join(w.lower() for w in words[-2:])
    if last_two in lang.VENUE_PHRASES:
        return PLACE  # "Duluth Entertainment Convention Center": a venue, though "Center" ends firms
    if lower in lang.KNOWN_ORG_PHRASES or last in lang.ORG_SUFFIXES or last_two in lang.ORG_PHRASE_ENDINGS:
        return ORGANISATION
    if len(words) >= 2 and last.rstrip(".,") in lang.CORPORATE_SUFFIXES:
        return ORGANISATION  # "Luanshya Deep Copper Limited", "Wärtsilä Oyj": a company's legal form
    of = next((k for k, w in enumerate(words) if w == "of"), None)
    if kind == ORGANISATION and of and words[of - 1].lower() in lang.ORG_SUFFIXES:
        return ORGANISATION  # "the Democratic Party of Bernalillo County": the body, of a place
    if last in lang.PLACE_SUFFIXES:
        return PLACE
    if len(words) >= 2 and last in lang.BUILDING_WORDS and is_place_name(words[0]):
        return PLACE  # "Windsor Castle": a town's castle; "Barbara Castle" is someone
    if kind != PERSON and len(words) >= 2 and last in lang.PLACE_LAST_WORDS:
        return PLACE  # "Capitol Hill" tagged as an organisation; as a person's name it is a surname
    return kind


def company_stem(span, lang: ModuleType) -> str:
    """A company's name without the words that say it is one, its legal form and its trade
    ("Twitter" of "Twitter Inc", "Castellan" of "Castellan Biosciences", "Luanshya Deep Copper"
    of "Luanshya Deep Copper Limited"): how reports go on to call it. "" when no such word
    ends the name, or nothing is left without them."""
    company_words = lang.CORPORATE_SUFFIXES | lang.INDUSTRY_WORDS
    words = [t for t in span if t.lower_ not in POSSESSIVE]
    end = len(words)
    while end > 1 and words[end - 1].lower_.rstrip(".,") in company_words:
        end -= 1
    if end == len(words) or end == 0:
        return ""
    return span.doc[words[0].i : words[end - 1].i + 1].text
