"""Organisations' names the statistical model leaves untagged or cuts, found from the parse.

The small model misses names in places news text makes plain: the agency in a wire dateline
("WASHINGTON (Transcontinental Wire) —"), a company named with its legal suffix ("Walmart Inc"),
and the same company named again without it ("Walmart said"). It also cuts one name in two
("Ohio State University" + "Wexner Medical Center") or takes a possessor into it ("Nigeria's
National Commission ..."). Each function here returns token spans; collecting.py types them and linking.py links them.
"""

from types import ModuleType

from .gazetteer import is_place_name
from .identity import POSSESSIVE, is_first_name, known_place
from .speech import short_family_name

# Legal suffixes that end only companies' names; "Co", "SA", "AG" are left out (also other words).
_LEGAL_SUFFIXES = frozenset("inc inc. corp corp. plc llc ltd ltd.".split())
_DASHES = frozenset("—–-")


def _title_run_before(doc, end: int) -> int:
    """The first token of the run of capitalised proper nouns that ends just before end."""
    start = end
    while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return start


def dateline_agency(doc) -> tuple[int, int] | None:
    """The agency's name in a wire dateline at the start of a report: "CITY[, St.] (Agency) —"."""
    limit = min(len(doc), 12)
    opening = next((k for k in range(limit) if doc[k].text == "("), None)
    if opening is None or opening == 0:
        return None
    before = [t for t in doc[:opening] if not t.is_space]
    if not before or not any(t.is_upper and t.is_alpha for t in before):
        return None  # a dateline opens with the place in capitals
    closing = next((k for k in range(opening + 1, limit) if doc[k].text == ")"), None)
    if closing is None or closing == opening + 1:
        return None
    if closing + 1 >= len(doc) or doc[closing + 1].text not in _DASHES:
        return None
    inside = doc[opening + 1 : closing]
    if not all(t.text[:1].isupper() for t in inside):
        return None
    return opening + 1, closing


def suffixed_names(doc) -> list[tuple[int, int]]:
    """Untagged capitalised names followed by a company's legal suffix ("Walmart Inc")."""
    spans = []
    for token in doc[1:]:
        if token.lower_ not in _LEGAL_SUFFIXES or token.ent_type_:
            continue
        start = _title_run_before(doc, token.i)
        if start < token.i and not any(doc[k].ent_type_ for k in range(start, token.i)):
            spans.append((start, token.i + 1))
    return spans


def joined_entities(doc, lang: ModuleType) -> list[tuple[int, int, str]]:
    """doc.ents as (start, end, label), a body's name and the place it serves after "for" or
    "of" joined (_served_place, also where the model's body ends in that "of"), and two names
    that touch with only a space between joined into one organisation: two organisations
    ("Ohio State University" + "Wexner Medical Center"), or a place followed by one word that
    is not a known place ("Cambridge" + "Analytica", "Paris" + "Saint-Germain"); a name has no
    two names side by side without punctuation."""
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        previous = spans[-1] if spans else None
        touching = (
            previous is not None
            and previous[1] == ent.start
            and doc[ent.start - 1].whitespace_ == " "
            and ent[0].lower_ not in ("the", "a", "an")
        )
        if _served_place(doc, previous, ent, lang) or (
            touching
            and (
                (ent.label_ == "ORG" and previous[2] == "ORG")
                or (
                    previous[2] == "GPE"
                    and ent.label_ in ("ORG", "PERSON", "LOC")
                    and not known_place(ent.text, lang)
                )
            )
        ):
            spans[-1] = (previous[0], ent.end, "ORG")
        elif _body_for_a_task(doc, previous, ent, lang):
            # "the UN Office" + "for" + "the Coordination of Humanitarian Affairs": one body
            spans[-1] = (previous[0], ent.end, "ORG")
        elif touching and previous[2] == "PERSON" and ent.label_ != "NORP" and _hyphenated_word(ent):
            spans[-1] = (previous[0], ent.end, "PERSON")  # "Cllr Iain" + "Drummond-Shaw": one name
        elif (
            touching and previous[2] == ent.label_ == "PERSON" and doc[ent.start - 1].lower_ not in POSSESSIVE
        ):
            # "Datuk [Nik Faizal] [Nik Hassan] said": two people are never written side by side
            # without a comma or "and" between them, so the two spans are one long name (not
            # "[Theresa May's] [Brexit]": what the first owns)
            spans[-1] = (previous[0], ent.end, "PERSON")
        elif (
            previous is not None
            and previous[2] == ent.label_ == "PERSON"
            and _one_untagged_name_between(doc, previous, ent)
        ):
            # "Dr [Rosa Elena] Quispe [Huamán]": a name's middle word the model left out between
            # two pieces it tagged is part of one long name
            spans[-1] = (previous[0], ent.end, "PERSON")
        elif (
            touching
            and previous[2] == "NORP"
            and ent.label_ == "PERSON"
            and _family_name_first(doc, previous, ent)
        ):
            spans[-1] = (previous[0], ent.end, "PERSON")  # "Han" + "Seung Woo": one Korean name
        else:
            spans.append((ent.start, ent.end, ent.label_))
    return _officers_offices(
        doc,
        _pieced_name(doc, _listed_words_opening(doc, _with_short_family_names(doc, spans, lang), lang), lang),
    )


# Words that end the district or circuit an officer's office serves ("for the Middle District
# of Louisiana", "for the Eastern District of New York").
_SERVED_AREAS = frozenset({"district", "circuit"})


def _an_officers_office(doc, i: int) -> bool:
    """Whether "Office" at i is an officer's: after a capitalised title and "'s" that is nobody's
    name ("Clerk's Office", "Attorney’s Office"; not "Theresa May's Office", hers)."""
    if i < 2 or doc[i].text != "Office" or doc[i - 1].lower_ not in POSSESSIVE or not doc[i - 2].is_title:
        return False
    title = doc[i - 2]
    return title.ent_type_ != "PERSON" and not any(
        e.label_ == "PERSON" and e[-1].text == title.text for e in doc.ents
    )


def _officers_offices(doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """spans with the office of an officer made one body's name: capitalised words ending in an
    officer's title and "'s", then "Office" ("the Bernalillo County Clerk's Office", "the U.S.
    Attorney’s Office"), and the district it serves after "for the" ("... for the Middle
    District of Louisiana"). The model tags the title's half, or the place and the district
    apart, or nothing; whatever it tagged inside goes."""
    out = list(spans)
    for office in doc[2:]:
        i = office.i
        if not _an_officers_office(doc, i):
            continue
        left = i - 2
        while left > 0:
            before = doc[left - 1]
            named = before.text[:1].isupper() and (before.is_alpha or before.text.endswith("."))
            if named:
                left -= 1
            elif before.lower_ in POSSESSIVE and left > 1 and doc[left - 2].is_title:
                left -= 1  # "State’s Attorney’s Office": an officer named by whom he serves
            else:
                break
        if any(is_first_name(t.text) for t in doc[left : i - 1]):
            continue  # "Theresa May's Office": someone's, not an officer's
        end = i + 1
        if end + 2 < len(doc) and doc[end].lower_ == "for" and doc[end + 1].lower_ == "the":
            k = end + 2
            while k < len(doc) and doc[k].is_title and doc[k].is_alpha:
                k += 1
            if k > end + 2 and doc[k - 1].lower_ in _SERVED_AREAS:
                end = k
                if k + 1 < len(doc) and doc[k].lower_ == "of" and doc[k + 1].is_title:
                    k += 1
                    while k < len(doc) and doc[k].is_title and doc[k].is_alpha:
                        k += 1
                    end = k
        opening = left - 1 if left > 0 and doc[left - 1].lower_ == "the" else left
        inside = [sp for sp in out if opening <= sp[0] and sp[1] <= end]
        if any(s < left < e or s < end < e for s, e, _ in out if (s, e, _) not in inside):
            continue  # a name tagged across the office's edge
        out = [sp for sp in out if sp not in inside] + [(left, end, "ORG")]
    return sorted(out)


def _body_for_a_task(doc, previous: tuple[int, int, str] | None, ent, lang: ModuleType) -> bool:
    """Whether a body's name the model cut before "for" or "of" goes on in the body it tagged
    next ("the UN Office" + "for the Coordination of Humanitarian Affairs"): the first ends in
    a body's word, one "for" or "of" stands between, and the second, in title case after "the",
    names a task, not a body of its own (it ends in no body's word: "the Bank of England for
    the World Bank" names two)."""
    if previous is None or previous[2] != "ORG" or ent.label_ != "ORG" or ent.start != previous[1] + 1:
        return False
    words = [t for t in ent if t.lower_ not in ("the", "of", "and", "for")]
    # the first ends in a body's word, or a body's word then "of" and what it deals with ("the
    # U.S. Court of Appeals" + "for the Fifth Circuit")
    head = next((t for t in doc[previous[0] : previous[1]] if t.lower_ == "of"), doc[previous[1]])
    return (
        doc[head.i - 1].lower_ in lang.ORG_SUFFIXES
        and doc[head.i - 1].is_title
        and doc[previous[1]].lower_ in ("for", "of")
        and bool(words)
        and all(t.is_title for t in words)
        and words[-1].lower_ not in lang.ORG_SUFFIXES
    )


def _one_untagged_name_between(doc, previous: tuple[int, int, str], ent) -> bool:
    """Whether one capitalised proper noun outside any entity stands between two names, with
    only spaces around it ("Rosa Elena" Quispe "Huamán")."""
    if previous[1] + 1 != ent.start:
        return False
    middle = doc[previous[1]]
    return (
        middle.ent_iob_ == "O"
        and middle.pos_ == "PROPN"
        and middle.is_title
        and middle.is_alpha
        and doc[previous[1] - 1].whitespace_ == " "
        and middle.whitespace_ == " "
    )


def _family_name_first(doc, previous: tuple[int, int, str], ent) -> bool:
    """Whether a short capitalised word the model took for a people ("Han") is the family name
    before a Korean given name written as two syllables ("Seung Woo"): one word of two to four
    letters, then two capitalised syllables of five letters at most."""
    family = doc[previous[0] : previous[1]]
    return (
        len(family) == 1
        and family[0].is_title
        and family[0].is_alpha
        and 2 <= len(family[0]) <= 4
        and len(ent) == 2
        and all(t.is_title and t.is_alpha and len(t) <= 5 for t in ent)
    )


def _with_short_family_names(
    doc, spans: list[tuple[int, int, str]], lang: ModuleType
) -> list[tuple[int, int, str]]:
    """spans with a short family name the tagger read as a word (speech.short_family_name: "said
    Go Myong-hyun, a research fellow") joined to the name after it, as someone's: the model
    starts such a name one word late and types the rest as a building or a town. Only before a
    hyphenated given name or one the model calls someone."""
    out = list(spans)
    for index, (start, end, label) in enumerate(spans):
        if label not in ("PERSON", "FAC", "GPE", "LOC", "ORG") or not short_family_name(doc, start - 1, lang):
            continue
        if label == "PERSON" or any(t.text in ("-", "\u2010") for t in doc[start:end]):
            out[index] = (start - 1, end, "PERSON")
    return out


def _hyphenated_word(ent) -> bool:
    """Whether a span is one hyphenated capitalised word ("Drummond-Shaw"): a double-barrelled
    surname, which the model may tag apart from the given name before it."""
    return (
        len(ent) == 3
        and ent[1].text in ("-", "‐")
        and not ent[0].whitespace_
        and not ent[1].whitespace_
        and ent[0].is_title
        and ent[2].is_title
    )


# Words that join the parts of a body's name ("Medicines and Healthcare products Regulatory Agency").
_JOINERS = frozenset({"and", "of", "for"})


def _pieced_name(doc, spans: list[tuple[int, int, str]], lang: ModuleType) -> list[tuple[int, int, str]]:
    """spans with a body's name that has a lower-case noun inside made whole: capitalised words
    joined by "and", "of" or "for", one lower-case noun, then capitalised words ending in a word for a body
    ("the Medicines and Healthcare products Regulatory Agency"). The model tags such a name in
    pieces, each time others (a person, a body, a place, nothing), and lists the pieces; whatever
    it tagged inside goes, and a name tagged across the run's edge leaves it alone."""
    out = list(spans)
    for body in doc:
        if not (body.is_title and body.pos_ == "PROPN" and body.lower_ in lang.ORG_SUFFIXES):
            continue
        left, lower = body.i, []
        while left > 0:
            before = doc[left - 1]
            if before.lower_ in ("the", "a", "an") or before.pos_ in ("DET", "PRON"):
                break  # "The state Supreme Court": an article opens no name
            capitalised = before.is_alpha and before.text[:1].isupper()
            if (capitalised and before.lower_.rstrip(".") not in lang.TITLES) or before.lower_ in _JOINERS:
                left -= 1
            elif before.is_lower and before.is_alpha and before.pos_ == "NOUN" and not lower:
                lower.append(before)
                left -= 1
            else:
                break
        while left < body.i and not doc[left].text[:1].isupper():
            left += 1  # a name opens with a capital
        end = body.i + 1
        if not lower or lower[0].i < left or end - left < 4 or doc[lower[0].i - 1].is_lower:
            continue  # no noun inside, or one right after "and": "... and products Agency"
        if not any(t.lower_ in _JOINERS for t in doc[left : lower[0].i]):
            continue  # "the American firm Castellan Biosciences": a description, then the name
        if any(s[0] < left < s[1] or s[0] < end < s[1] for s in out):
            continue
        out = [s for s in out if not (left <= s[0] and s[1] <= end)] + [(left, end, "ORG")]
    return sorted(out)


def _body_word_end(doc, start: int, end: int) -> int:
    """The end of a tagged span before a bracket inside it ("Allied Workers Union (Satawu")."""
    return next((k for k in range(start + 1, end) if doc[k].text == "("), end)


def _listed_words_opening(
    doc, spans: list[tuple[int, int, str]], lang: ModuleType
) -> list[tuple[int, int, str]]:
    """spans with a body's name that opens with a list of capitalised words made whole: "the",
    words joined by commas and one "and", then a tagged name ending in a word for a body ("the
    Aviation and Railway Accident Investigation Board", "the Shooters, Fishers and Farmers
    Party", "The South African Transport and Allied Workers Union"). The model tags the end
    alone, or the two halves apart. Not when the words before "and" name something the report
    tags alone elsewhere, a known place, or a body of their own ("the Labour Party and
    Conservative Party"): then two names are listed."""
    out = list(spans)
    for start, end, label in spans:
        body_end = _body_word_end(doc, start, end)
        if label != "ORG" or start < 3 or doc[start - 1].lower_ != "and":
            continue
        if not (doc[body_end - 1].is_title and doc[body_end - 1].lower_ in lang.ORG_SUFFIXES):
            continue
        joint, left = start - 1, start - 1
        while left > 0 and (
            (
                doc[left - 1].is_title
                and doc[left - 1].is_alpha
                and doc[left - 1].lower_ != "the"
                and doc[left - 1].lower_ not in lang.TITLES
            )
            or (doc[left - 1].text == "," and left > 1 and doc[left - 2].is_title)
        ):
            left -= 1
        if left == joint or left == 0 or doc[left - 1].lower_ != "the":
            continue
        words = [t for t in doc[left:joint] if t.text != ","]
        piece = doc[left:joint].text
        inside = [sp for sp in out if left - 1 <= sp[0] and sp[1] <= joint]
        elsewhere = any(
            doc[s:e].text.removeprefix("the ").removeprefix("The ") == piece
            for s, e, _ in spans
            if (s, e, _) not in inside
        )
        if len(words) > 4 or words[-1].lower_ in lang.ORG_SUFFIXES or known_place(piece, lang) or elsewhere:
            continue
        if any(sp[0] < left - 1 < sp[1] for sp in out):
            continue  # a name tagged across the run's opening
        out = [sp for sp in out if sp not in inside and sp != (start, end, label)] + [(left, end, "ORG")]
    return sorted(out)


def _served_place(doc, previous: tuple[int, int, str] | None, ent, lang: ModuleType) -> bool:
    """Whether a place the model tagged apart is the end of a body's name: after "for" or "of"
    right behind a name that ends in a word for a body ("U.S. District Court for the District
    of Columbia", "Police Service of Northern Ireland"). The place is the body's, not listed."""
    if previous is None or previous[2] != "ORG" or ent.label_ not in ("GPE", "LOC"):
        return False
    joint = previous[1]
    if ent.start == joint and doc[joint - 1].lower_ in ("of", "for") and joint - 1 > previous[0]:
        return True  # "the Democratic Party of" + "Bernalillo County": the model cut at the place
    return (
        ent.start == joint + 1
        and doc[joint].lower_ in ("for", "of")
        and doc[joint - 1].lower_ in lang.ORG_SUFFIXES
        and doc[joint - 1].is_title
    )


def without_possessor(doc, start: int, end: int, lang: ModuleType) -> int:
    """The start of an organisation's name without a possessing place ("Nigeria's National
    Commission") or a possessing common noun ("the university's Board of Trustees"): the place
    is named, a common noun names nothing, and the organisation's name starts after either."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in POSSESSIVE:
            owner = doc[start:k].text.lower().removeprefix("the ").strip()
            lower_case = all(t.is_lower for t in doc[start:k] if t.lower_ != "the")
            if known_place(owner, lang) or lower_case:
                return k + 1
            break
    return start


def _body_name(tokens, lang: ModuleType) -> bool:
    """Capitalised words, joined by "of", "for" or "and" if at all, that end in a word ending
    bodies' names ("Central Bank of Nigeria", "Monetary Policy Committee")."""
    words = [t for t in tokens if t.lower_ != "the"]
    return (
        len(words) >= 2
        and words[0].text[:1].isupper()
        and all(t.text[:1].isupper() or t.lower_ in _JOINERS for t in words)
        and any(t.lower_ in lang.ORG_SUFFIXES and t.is_title for t in words)
    )


def body_possessor(doc, start: int, end: int, lang: ModuleType) -> int | None:
    """The index of the "'s" in a span the model took whole as one organisation when a body's
    name owns another ("the Central Bank of Nigeria's Monetary Policy Committee"): two bodies,
    each named in full, the second ending in a word for a body. None otherwise."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in POSSESSIVE:
            owned = doc[k + 1 : end]
            if (
                _body_name(doc[start:k], lang)
                and _body_name(owned, lang)
                and owned[-1].lower_ in lang.ORG_SUFFIXES
            ):
                return k
            return None
    return None


def place_owner(doc, start: int, end: int, lang: ModuleType) -> int | None:
    """The index of the "'s" in a span the model took whole as one organisation when a body owns
    a place named after it ("the Nasdaq’s Times Square studio", "Christie’s King Street
    saleroom"): one or two capitalised words, then a name of two words or more ending in a word
    for a place (street, square, bridge ...). None otherwise."""
    for k in range(start + 1, min(start + 3, end - 2)):
        if doc[k].lower_ in POSSESSIVE:
            owner, owned = doc[start:k], doc[k + 1 : end]
            if (
                all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in owner if t.lower_ != "the")
                and all(t.is_title for t in owned)
                and owned[-1].lower_ in lang.PLACE_SUFFIXES
            ):
                return k
            return None
    return None


def untagged_lead(doc, start: int, end: int, lang: ModuleType) -> int:
    """The start of an organisation's name the model began too late, after capitalised words
    it left untagged that the parse makes part of the name ("NSW [Rural Fire Service]", "the
    Ashcombe [Data Protection Unit]"): proper nouns set as compounds on a word of the name, not
    a title ("Commissioner"), nor a capitalised word opening the sentence unless an acronym."""
    while start > 0:
        before = doc[start - 1]
        if not (
            before.pos_ == "PROPN"
            and before.ent_iob_ == "O"
            and before.dep_ == "compound"
            # on a word of the name, or on the word the name itself modifies ("NSW Rural Fire
            # Service Commissioner ...": both hang on "Commissioner")
            and (start <= before.head.i < end or before.head.i == doc[start:end].root.head.i >= end)
            and before.is_alpha
            and before.text[:1].isupper()
            and before.whitespace_
            and before.lower_ not in lang.TITLES
            # a sentence's first word only in capitals, or where the report names a body or a
            # people with it inside a sentence too ("Republican National Committee chair ..."
            # opening a sentence beside "the state Republican Party"; not "Rival Target Corp")
            and (before.is_upper or not before.is_sent_start or _in_a_name_elsewhere(doc, before))
        ):
            break
        start -= 1
    # "The Police and [Border Guard Board]": a body's word and "and" after "the", untagged, open
    # the name ("the Treasury and the Fed" are two bodies: each has its "the")
    if (
        start >= 3
        and doc[start - 1].lower_ == "and"
        and doc[start - 2].is_title
        and doc[start - 2].ent_iob_ == "O"
        and doc[start - 2].lower_ in lang.ORG_SUFFIXES
        and doc[start - 3].lower_ == "the"
        and doc[start].lower_ != "the"
    ):
        start -= 2
    return start


def _in_a_name_elsewhere(doc, token) -> bool:
    """Whether the report writes the word inside a sentence as part of a body's name or as a
    people's word the model tagged ("the state Republican Party"): a proper word, not a common
    one that opening a sentence capitalises ("Rival", "Officials")."""
    return token.pos_ == "PROPN" and any(
        t.text == token.text and not t.is_sent_start and t.ent_type_ in ("ORG", "NORP")
        for t in doc
        if t.i != token.i
    )


_CONNECTORS = _JOINERS | {"&"}


def _runs_on(doc, start: int, end: int, taken: set[int]) -> bool:
    return (start - 1 in taken and doc[start - 1].text[:1].isupper()) or end in taken


def speaking_bodies(
    doc, taken: set[int], speech_lemmas: frozenset[str], lang: ModuleType
) -> list[tuple[int, int]]:
    """Untagged names that say something and are written as bodies' names, not people's: two
    capitalised words or more joined by "of" or "for" ("Transport for Wales said"), or ending
    in a word that ends bodies' names ("Shropshire Fire and Rescue Service said"). A person's
    name has no such word in it, and no title ("Bank of England Governor Mark Carney"). The model may have tagged parts of it ("Kent Fire" a
    person, "Wales" a place); a name tagged across its edge is left alone."""
    spans = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in speech_lemmas:
            continue
        for subject in verb.children:
            # the parser may read the first word as a common noun ("Transport") and hang the
            # rest of the name on it
            if subject.dep_ not in ("nsubj", "nsubjpass") or not subject.text[:1].isupper():
                continue
            start, end = subject.left_edge.i, subject.right_edge.i + 1
            while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_space):
                start += 1
            words = doc[start:end]
            if len(words) < 2 or _runs_on(doc, start, end, taken):
                continue
            if not all(t.is_alpha and (t.text[:1].isupper() or t.lower_ in _CONNECTORS) for t in words):
                continue
            if words[0].lower_ in _CONNECTORS or any(t.lower_.rstrip(".") in lang.TITLES for t in words):
                continue  # "Bank of England Governor Mark Carney said": a person, titled
            if words[0].is_sent_start and words[0].lower_ in lang.INHABITANT_NOUNS:
                continue  # "Residents of Amory told reporters": people of a town, no body
            if (body := _body_after_someone(doc, start, end, lang)) is not None:
                # "said Fiona MacAllister of Surfers Against Sewage": someone, then her body
                spans.append(body)
                continue
            suffixed = words[-1].lower_ in lang.ORG_SUFFIXES
            # "of" or "for" joins a body's words, "and" as often two names ("Smith and Jones")
            if suffixed or any(t.lower_ in ("of", "for") for t in words):
                spans.append((start, end))
    return spans


def _body_after_someone(doc, start: int, end: int, lang: ModuleType) -> tuple[int, int] | None:
    """The body's name after "of" when a subject opens with a person's full name ("Fiona
    MacAllister of Surfers Against Sewage"): two or three capitalised words, the first a first
    name the nicknames table knows, none a body's word; then two capitalised words or more that
    are no place the lists or the gazetteer know ("Jo Hart of West Yorkshire" is from there).
    None for any other subject."""
    cut = next((k for k in range(start, end) if doc[k].lower_ == "of"), None)
    if cut is None or not 2 <= cut - start <= 3 or end - cut - 1 < 2:
        return None
    person = doc[start:cut]
    if not is_first_name(person[0].text) or any(
        not t.text[:1].isupper() or not t.is_alpha or t.lower_ in lang.ORG_SUFFIXES for t in person
    ):
        return None
    body = doc[cut + 1 : end]
    if known_place(body.text, lang) or is_place_name(body.text):
        return None
    return cut + 1, end


def person_possessor(doc, start: int, end: int, lang: ModuleType) -> int | None:
    """The index of the "'s" in a span the model took whole as an organisation when what comes
    before it is a person's full name ("Theresa May's Brexit"): two or three capitalised proper
    nouns, none a word of organisation names; or one that is the surname of someone the model
    names in full elsewhere, owning a body's name ("Okafor's Justice Department"). None
    otherwise."""
    if (
        end - start >= 4
        and doc[start + 1].lower_ in POSSESSIVE
        and doc[start].pos_ == "PROPN"
        and doc[start].is_title
        and _body_name(doc[start + 2 : end], lang)
        and doc[end - 1].lower_ in lang.ORG_SUFFIXES
        and any(e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == doc[start].text for e in doc.ents)
    ):
        return start + 1  # "Okafor's Justice Department": the surname of someone named in full
    for k in range(start + 2, min(start + 4, end - 1)):
        if doc[k].lower_ in POSSESSIVE:
            owner = doc[start:k]
            if any(_an_officers_office(doc, j) for j in range(k + 1, end)):
                return None  # "the Baltimore City State’s Attorney’s Office": one body
            if all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.lower() not in lang.ORG_SUFFIXES
                for t in owner
            ):
                return k
            return None
    return None


def short_name_mentions(doc, names: list[str], covered: set[int], lang: ModuleType) -> list[tuple[int, int]]:
    """Later mentions of a company by its name without the legal suffix ("Walmart" after
    "Walmart Inc"), where the model tagged nothing."""
    words = set()
    for name in names:
        parts = name.split()
        if len(parts) == 2 and parts[-1].lower() in _LEGAL_SUFFIXES:
            words.add(parts[0])
    return [
        (t.i, t.i + 1)
        for t in doc
        if t.text in words
        and t.pos_ == "PROPN"
        and t.idx not in covered
        and not t.ent_type_
        and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _LEGAL_SUFFIXES)
    ]


def venue_start(doc, start: int, end: int, lang: ModuleType) -> int:
    """The start of a building's name that an office's possessive opens ("the Governor's
    Mansion", "the Speaker's House") where the model tagged the last word alone: after "the",
    one capitalised word and "'s", then the building's word in title case. start otherwise."""
    if (
        end - start == 1
        and start >= 3
        and doc[start - 1].lower_ in POSSESSIVE
        and doc[start - 2].is_title
        and doc[start - 2].is_alpha
        and doc[start - 3].lower_ == "the"
    ):
        return start - 2
    return start
