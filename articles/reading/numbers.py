"""Numbers as typed quantities: money, percentages, counts of a thing, dates, durations.

spaCy finds the spans (MONEY, PERCENT, CARDINAL, QUANTITY, DATE, TIME, ORDINAL); this module
reads their values and what they measure, so the comparison only sets like against like:
- a count carries the noun it counts ("240 seats": unit "seat"), from the parse;
- a date carries the parts it names (year, month, day, weekday), and "last week" names none;
- an ordinal is kept only when it counts something ("second summit"), not in "first time";
- "about", "more than", "at most" make a value a range; "hundreds of" names no figure.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from types import ModuleType

from spacy.tokens import Span

from .currencies import code_before_amount, currency_of_name, currency_of_sign, currency_of_word

AMOUNT, PERCENT, COUNT, QUANTITY, DATE, DURATION, TIME, ORDINAL, SCORE = (
    "amount",
    "percent",
    "count",
    "quantity",
    "date",
    "duration",
    "time",
    "ordinal",
    "score",
)
# Words that make a figure a range rather than a value, and which range ("about 3,000" is
# 2,400 to 3,600; "more than 20" is above 20); "hundreds of" names no figure at all.
_QUALIFIERS = (
    ("vague", r"several|dozens|hundreds|thousands|millions|billions|scores"),
    ("at_least", r"more than|over|at least|upwards of|in excess of|nearly|almost|as many as|as much as"),
    (
        "at_most",
        r"less than|fewer than|under|up to|at most|no more than|as few as|as little as|within|inside|"
        r"the first",
    ),
    ("about", r"about|around|approximately|roughly|some|an estimated|estimated|close to|circa|near"),
)
_QUALIFIER_PATTERNS = [(name, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for name, words in _QUALIFIERS]
# Words that make a date or a time approximate ("shortly after 2 p.m.", "by March", "early 2020"),
# and only those: "after 52 days in captivity" is 52 days, "a day after six of the nine members
# voted" six members, "just 4.5%" only 4.5%.
_TIME_QUALIFIER = re.compile(r"\b(?:shortly|early|late|before|after|by)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A scale stuck to a figure that the tokenizer leaves outside the entity ("$4m", "£2.5bn").
_STUCK_SCALE = re.compile(r"(?:bn|tn|mn|m|k)\b")
# Nouns an ordinal does not count a figure of ("first time", "second term", "third quarter").
_ORDINAL_NOT_COUNTING = frozenset("time term place half quarter round step stage phase".split())
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip


@dataclass(slots=True)
class Number:
    text: str
    value: float | str
    unit: str
    kind: str
    sentence: int
    start: int
    end: int
    bound: str = "exact"  # exact, about, at_least, at_most, vague (see _QUALIFIERS)
    # What exactly a count counts, where it says more than its unit ("adult passenger" of "178
    # adult passengers"): figures are set against each other only when this is the same.
    measure: str = ""
    # How the figure stands in its claim (_role): "" a level, "change" the size of a change,
    # "reference" a figure it is set against, "margin" ("beat Whitcomb by 421 votes"), "agent"
    # (after a passive's "by": "backed by eight aircraft", "passed by 12 votes": the doers
    # counted or a margin, which the parse does not tell apart), "whole" (of "three of five
    # seats"), "tally_second" (the losing side of "312 votes to 287"), "countdown" (a span of
    # time counted from the day of writing: "72 days away", "three years ago").
    role: str = ""
    # The thing the figure's clause is about (_anchor): "admission" of "hospital admissions fell by
    # 71 percent", to tell which of two figures in one sentence goes with another report's one.
    anchor: str = ""
    # The verb the figure's clause tells it with ("deliberated for nine hours": "deliberate";
    # "licensed to carry 48 passengers": "license carry"; "did not offer": "not offer") and that
    # clause's subject ("jury"; "=" when the figure's own phrase is the subject: "Seventeen people
    # were taken to hospitals"), with where the subject's word starts, to tell it by its entity:
    # two reports' figures told of one doer doing one thing may be set against each other even
    # when the alignment did not pair their sentences (summary.crossed_conflicts).
    verb: str = ""
    subject: str = ""
    subject_at: int = -1

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "measure": self.measure or self.unit,
            "kind": self.kind,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "bound": self.bound,
            "role": self.role,
            "anchor": self.anchor,
            "verb": self.verb,
            "subject": self.subject,
            "subject_at": self.subject_at,
        }


def parse_value(text: str, lang: ModuleType) -> float | None:
    """The value of a number phrase: "$5.7 billion" -> 5.7e9, "two million" -> 2e6, "1,200" -> 1200."""
    lower = text.lower().replace("-", " ")
    value: float | None = None
    match = _NUMBER.search(lower)
    if match:
        digits = match.group()
        # "1,200" groups thousands; "3,5" (a decimal comma) is read as 3.5 only without a period.
        if "," in digits and re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", digits):
            digits = digits.replace(",", "")
        elif "," in digits and "." not in digits:
            digits = digits.replace(",", ".")
        try:
            value = float(digits)
        except ValueError:
            return None
    words = re.findall(r"[a-z]+", lower)
    if value is None and any(w in lang.SCALE_WORDS for w in words):
        value = next((lang.FRACTION_WORDS[w] for w in words if w in lang.FRACTION_WORDS), None)
    if value is None:
        for word in words:
            if word in lang.NUMBER_WORDS:
                value = (value or 0) + lang.NUMBER_WORDS[word]
        if value is None:
            return None
    for k, word in enumerate(words):
        scale = lang.SCALE_WORDS.get(word)
        # "m", "bn", "k" scale only when stuck to the figure ("$5bn", "40m"): "5 m" is metres.
        if scale and (len(word) > 2 or (match and lower[match.end() : match.end() + len(word)] == word)):
            # a scale of a scale right after it multiplies it: "1.5 lakh crore" is 1.5 trillion
            for after in words[k + 1 :]:
                if len(after) <= 2 or after not in lang.SCALE_WORDS:
                    break
                scale *= lang.SCALE_WORDS[after]
            # to 12 significant digits: 8.2 * 1e6 is 8199999.999999999 in floating point, which
            # an exact "8,200,000" in the other report would not equal
            value = float(f"{value * scale:.12g}")
            break
    return value


def _currency(text: str, lang: ModuleType) -> str:
    """The currency of an amount: "A$150 million" and "150 million Australian dollars" are
    Australian dollars, "$150 million" US dollars, "KSh 45,000" shillings."""
    lower = text.lower()
    prefixed = re.search(r"(?<![a-z.])([a-z]{1,2}|u\.s\.)\$", lower)
    if prefixed and prefixed.group(1) in lang.DOLLAR_PREFIXES:
        return lang.DOLLAR_PREFIXES[prefixed.group(1)]
    for country, code in lang.DOLLAR_COUNTRIES.items():
        if re.search(rf"(?<![a-z.]){re.escape(country)} dollars?\b", lower):
            return code
    for symbol, code in lang.CURRENCY_SYMBOLS.items():
        if symbol in text:
            return code
    if code := currency_of_name(text):
        return code  # before the words: "Swiss francs" is one currency, "Egyptian pounds" no sterling
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in lang.CURRENCY_WORDS:
            return lang.CURRENCY_WORDS[word]
        if word in lang.CURRENCY_PREFIXES:
            return lang.CURRENCY_PREFIXES[word]
    # The rest of the world's: a sign before the figure ("RM340,000", "₱200,000", "EUR 5m"), a
    # name after it ("430,000 ringgit").
    sign = re.match(r"\s*(\D+?)\s?\d", text)
    if sign and (code := currency_of_sign(sign.group(1))):
        return code
    for word in re.findall(r"\w+", text.lower()):
        if code := currency_of_word(word):
            return code
    return code_before_amount(text) or "money"


def _counted_noun(span, lang: ModuleType):
    """The noun token a number counts: its head when the number modifies one ("240 seats"), or
    the object of "of" after it ("12 of the victims"); None when it counts nothing named. A
    scale token the tokenizer split off ("40m people") is part of the figure, not the thing."""
    root = span.root
    if root.dep_ == "det" and len(span) > 1 and span[-1].head == root.head:
        root = span[-1]  # "Some 8.2 lakh people": the parse hangs "Some" and the figure from the noun
    head = root.head
    if root.dep_ == "quantmod" and head.like_num and head.i > root.i and _of_between(root, head):
        # "three of five seats": the part counts what the whole counts
        counted = head.head
        return counted if head.dep_ == "nummod" and counted.pos_ == "NOUN" else None
    if head.lower_ in lang.SCALE_WORDS and head.i == span.end:
        after = head.nbor(1) if head.i + 1 < len(head.doc) else None
        return after if after is not None and after.pos_ == "NOUN" else None
    # a proper noun is counted only in the plural ("240 Democrats"): "737 Max", "Max 8" name a model
    counted = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.tag_ == "NNPS")
    modifies = root.dep_ in ("nummod", "amod", "quantmod", "compound") and counted
    if modifies and not span.start <= head.i < span.end:
        return head
    for child in root.children:
        if child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    return obj
    return None


def _names_a_thing(span) -> bool:
    """A number after the noun it belongs to ("articles 233, 333 and 350", "flights 302 and 303")
    names the things, as a label does; counts come before their noun. Each number of a list is
    taken back to the list's first."""
    root = span.root
    while root.dep_ == "conj" and root.head.like_num and root.head.i < root.i:
        root = root.head
    head = root.head
    return (
        root.dep_ in ("nummod", "appos", "npadvmod", "dep")
        and head.pos_ == "NOUN"
        and head.tag_ in ("NNS", "NN")
        and head.i < root.i
        and not span.start <= head.i < span.end
    )


def _counted_thing(doc, ent, noun, lang: ModuleType) -> str:
    """What a count counts, as its figure is set against another report's: the noun with the
    words that narrow it ("178 adult passengers": "adult passenger", never set against "181
    passengers", of which the adults are a part; "300 new cases" against "5,000 cases"), or,
    for a figure hyphenated to its noun that describes another one, both nouns ("a 448-page
    report": "page report", the report's size, not a count of pages to set against "four pages"
    of a summary). A noun before the counted one mostly restates it ("four trial participants",
    "first-round draft picks"), so only the nouns for a part of a people narrow it."""
    if noun is None:
        return ""
    if noun.lemma_.lower() in lang.PARTITIVE_NOUNS and noun.i >= ent.end:
        # "14 items of evidence", "11 pieces of evidence": what is counted is the evidence
        of = next((c for c in noun.children if c.lower_ == "of"), None)
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if whole is not None and whole.pos_ == "NOUN":
            return lang.COUNTED_SYNONYMS.get(whole.lemma_.lower(), whole.lemma_.lower())
    if noun.lemma_.lower() == "member" and (seats := _seats_of_a_board(noun)):
        return seats  # "six of the nine members of the university's Board of Trustees": trustees
    thing = lang.COUNTED_SYNONYMS.get(noun.lemma_.lower(), noun.lemma_.lower())
    if noun.i < ent.end:  # "of" counts ("12 of the victims"): the noun alone
        return thing
    narrowing = [
        t.lemma_.lower()
        for t in noun.children
        if ent.end <= t.i < noun.i
        and (
            (t.dep_ == "amod" and t.pos_ == "ADJ" and not any(c.dep_ == "punct" for c in t.children))
            or (t.dep_ == "compound" and t.lemma_.lower() in lang.NARROWING_PEOPLE)
        )
    ]
    thing = " ".join([*narrowing, thing, *_counted_within(noun)])
    hyphenated = ent.end_char < len(doc.text) and doc.text[ent.end_char] in "-‐–" and noun.i - ent.end <= 1
    if hyphenated and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        return f"{thing} {noun.head.lemma_.lower()}"
    return thing


def _seats_of_a_board(member) -> str:
    """What the members of a body named for them are ("members of the Board of Trustees" are
    trustees, "of the Board of Directors" directors: "Seven of the nine trustees" counts the
    same people), else ""."""
    for of in (c for c in member.children if c.lower_ == "of"):
        for body in (c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
            for of_whom in (c for c in body.children if c.lower_ == "of"):
                for seats in of_whom.children:
                    if seats.dep_ == "pobj" and seats.tag_ == "NNS":
                        return seats.lemma_.lower()
                    if seats.dep_ == "pobj" and seats.tag_ == "NNPS":
                        # a name's word keeps its plural as its lemma: "Trustees", "Directors"
                        return seats.lower_.removesuffix("s")
    return ""


_YEAR = re.compile(r"(?:1[6-9]|20)\d\d")
# Prepositions after which a counted number of things is what the count was counted within.
_WITHIN = frozenset({"in", "from", "over", "across"})


def _counted_within(noun) -> list[str]:
    """The things a count was counted within when they are counted too ("11 goals in 58 Premier
    League appearances": "in appearance"; "14 goals in 79 games": "in game"): the same count over
    a different number of other things is another tally, not the same figure told two ways. The
    phrase may hang on the noun or on the verb the noun is the object of."""
    holders = [noun]
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        holders.append(noun.head)
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in _WITHIN or prep.i < noun.i:
                continue
            for thing in prep.children:
                # (a year before the thing dates it: "from the 1993 crime scene" counts no scenes)
                if thing.dep_ == "pobj" and any(
                    c.dep_ == "nummod" and not _YEAR.fullmatch(c.text) for c in thing.children
                ):
                    return [prep.lower_, thing.lemma_.lower()]
    return []


def _ordinal_thing(ent, head, lang: ModuleType) -> str:
    """What an ordinal ranks, as it is set against another report's: the noun with the adjectives
    that narrow it and the span of time it counts within ("the third KTX derailment since 2022"
    ranks derailments since 2022; "the second serious derailment in two years" ranks serious ones
    in two years: two different series, so "third" / "second" is no conflict). Words that say
    the series runs unbroken ("second straight win") narrow nothing."""
    narrowing = [
        t.lemma_.lower()
        for t in head.children
        if ent.end <= t.i < head.i
        and t.dep_ == "amod"
        and t.pos_ == "ADJ"
        and t.lower_ not in lang.UNBROKEN_SERIES
    ]
    frame = [
        " ".join(w.lower_ for w in t.subtree)
        for t in head.children
        if t.i > head.i and t.dep_ == "prep" and t.lower_ in lang.SERIES_FRAMES
    ]
    return " ".join([*narrowing, head.lemma_.lower(), *frame, *_defining_verb(head)])


def _defining_verb(head) -> list[str]:
    """The verb that says which of a kind an ordinal ranks: "the third member of the cabinet to
    leave" ranks those who left, "the second cabinet member forced out by scandal" those forced
    out, two series ("third" / "second" is no conflict). A participle or a clause after the noun,
    or an infinitive the parse hangs on the verb the noun completes ("is the third member ... to
    leave")."""
    for t in head.children:
        if t.i > head.i and t.dep_ in ("acl", "relcl") and t.pos_ in ("VERB", "AUX"):
            return [t.lemma_.lower()]
    for t in head.head.children if head.head is not head else ():
        if (
            t.i > head.i
            and t.dep_ in ("advcl", "xcomp", "acl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        ):
            return [t.lemma_.lower()]
    return []


def _of_between(first, second) -> bool:
    return any(t.lower_ == "of" for t in first.doc[first.i + 1 : second.i])


def _is_whole(root, noun) -> bool:
    """Whether a count is the whole another count of its sentence is a part of: "five" in "three of
    five seats" and in "four of the five seats"."""
    part_before = any(
        c.dep_ == "quantmod" and c.like_num and c.i < root.i and _of_between(c, root) for c in root.children
    )
    of_a_part = (
        noun is not None
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.like_num
        and noun.head.head.i < root.i
    )
    return part_before or of_a_part


def _changing(token, lang: ModuleType) -> bool:
    """Whether a word names a change in a quantity, or is the noun of one told with its verb gapped
    ("cases fell by 63%, and hospital admissions by 78%")."""
    if token.lemma_.lower() in lang.CHANGE_WORDS:
        return True
    return token.dep_ == "conj" and token.pos_ == "NOUN" and token.head.lemma_.lower() in lang.CHANGE_WORDS


def _role(root, lang: ModuleType) -> str:
    """How a figure stands in its clause, from the parse (see Number.role): climbing from the
    figure to its clause's verb, the first preposition on the way says it. "down from 1.2%",
    "against the $1.21 analysts had expected", "compared with ... $1.21": a reference; "fell by
    63%", "grow 0.9%", "growth of 1.1 per cent": a change; "by a crushing 230 votes" after a verb
    that names no change: a margin; "eased to 21.8 percent" and the rest: a level."""
    token = root
    while token.head.i != token.i:
        head = token.head
        if head.lower_ == "of" and head.head.lemma_.lower() in lang.QUEUE_NOUNS:
            return ""  # "a queue of about 1,200 lorries": how many wait, whatever the queue hangs on
        if head.dep_ in ("prep", "agent") and token.dep_ in ("pobj", "pcomp"):
            word, governor = head.lower_, head.head
            # (an adjective of a noun phrase too: "attorneys [general] from 39 states")
            of_a_thing = (
                governor.pos_ in ("NOUN", "PROPN") or (governor.pos_ == "ADJ" and governor.dep_ == "amod")
            ) and governor.lemma_.lower() not in lang.CHANGE_WORDS
            if word == "from" and of_a_thing:
                return ""  # "attorneys general from 39 states": where they come from, no reference
            if word in lang.REFERENCE_PREPOSITIONS:
                return "reference"
            if word in ("with", "to") and governor.lemma_.lower() == "compare":
                return "reference"
            if word == "by":
                if _changing(governor, lang):
                    return "change"
                if of_a_thing and governor.lemma_.lower() not in lang.MARGIN_NOUNS:
                    return ""  # "claims by 41 states": who made them, counted, not a margin
                return "agent" if head.dep_ == "agent" else "margin"
            if word == "of" and governor.pos_ == "NOUN" and governor.lemma_.lower() in lang.CHANGE_WORDS:
                return "change"
            if word in ("to", "at") and _changing(governor, lang):
                return ""
        if (
            token.dep_ in ("npadvmod", "dobj")
            and head.pos_ == "VERB"
            and head.lemma_.lower() in lang.CHANGE_WORDS
        ):
            return "change"
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "pcomp" and token.dep_ != "pcomp":
            return ""
        token = head
    return ""


def _anchor(root) -> str:
    """The noun a figure's clause is about: the subject of its verb ("hospital admissions fell by 71
    percent": "admission"), the noun a gapped clause keeps ("and hospital admissions by 78%"), or
    the noun the figure is "of" ("passed with 54.3% of the vote on a turnout of just 41.8%":
    "turnout" for 41.8%, not the initiative that passed)."""
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and of.head.i < root.i:
        # "on a turnout of just 41.8%", "at a cost of MAD 61 billion": the noun it is the figure of
        return of.head.lemma_.lower()
    token = root
    while token.head.i != token.i:
        head = token.head
        if token.dep_ == "prep" and head.pos_ == "NOUN" and head.dep_ == "conj" and head.head.pos_ == "VERB":
            return head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX"):
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.pos_ == "PRON":
                return ""
            if subject.i == root.i:
                # The figure is the subject ("74.1 per cent were for repealing", "99% of polling
                # stations counted"): its clause is about what it is a share of, if it says.
                return _share_of(root)
            return subject.lemma_.lower()
        token = head
    return ""


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _infinitive_under(verb) -> bool:
    """Whether a verb is the infinitive another verb governs ("licensed to carry", "plans to cut"),
    as the parse gives it: an open complement, or a clause with "to" it hangs on that verb."""
    if verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and to)


# Words after a verb that say which way it went, outside the figure's own phrase: "voted
# against", "voted for", "in favour", a particle ("turned out", "paid out").
_FAVOUR = frozenset({"favour", "favor"})


def _side_taken(verb, root, lang: ModuleType) -> list[str]:
    """The words of a verb that say which way it went ("54% voted in favour" / "46% voted
    against": two shares of two sides, not one share told two ways), leaving out the phrase that
    holds the figure ("deliberated for nine hours")."""
    found = []
    for child in verb.children:
        if child.left_edge.i <= root.i <= child.right_edge.i:
            continue
        # "for" takes a side only after a vote: "taken to hospitals, mostly for smoke inhalation"
        # nor "against" after a change: "the peso plunged 2.4% against the dollar" is what it
        # moved against, and "the peso weakened 1.8%" tells the same move
        lemma = verb.lemma_.lower()
        side = (child.lower_ == "against" and lemma not in lang.CHANGE_WORDS) or (
            child.lower_ == "for" and lemma == "vote"
        )
        if child.dep_ == "prt" or (child.dep_ == "prep" and side):
            found.append(child.lower_)
        elif child.dep_ == "prep" and any(c.lower_ in _FAVOUR for c in child.children):
            found.append("in favour")
    return found


def _predicate(root, lang: ModuleType) -> tuple[str, str, int]:
    """(verb, subject, subject's character offset in the doc) of the clause a figure is told in
    (see Number.verb): climbing from the figure to the first verb; a verb under another that
    says what was meant, allowed or expected ("licensed to carry", "plans to cut") keeps that
    verb before it, as a denial does "not", and the words of the side it took after it ("voted
    against", _side_taken); a relative pronoun's subject is the noun it stands
    for ("the jurors, who had deliberated"); a member of a body stands for the body ("jurors":
    "jury", lang.MEMBER_OF); a personal pronoun tells no subject. ("", "", -1) without a verb."""
    verb = root
    queued = False
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        # "a queue of about 1,200 lorries stretched ...": the lorries are waiting
        queued = queued or (verb.lower_ == "of" and verb.head.lemma_.lower() in lang.QUEUE_NOUNS)
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "", "", -1
    lemma = verb.lemma_.lower()
    words = ["wait" if queued or lemma in lang.WAITING_VERBS else lemma]
    clause = verb
    while _infinitive_under(clause):
        clause = clause.head
        words.insert(0, clause.lemma_.lower())
    if any(c.dep_ == "neg" for c in (*verb.children, *clause.children)):
        words.insert(0, "not")
    words += _side_taken(verb, root, lang)
    told = " ".join(words)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and clause is not verb:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.left_edge.i <= root.i <= subject.right_edge.i:
        return told, "=", subject.idx
    if queued:
        # what the queue holds is what the clause tells of, however the parse hangs the queue
        # ("By dawn a queue of ... lorries stretched": the queue under "By" to the model)
        return told, "=", root.idx
    if subject is None:
        return told, "", -1
    if subject.lower_ in _RELATIVE_PRONOUNS and clause.dep_ == "relcl":
        subject = clause.head
    if subject.pos_ == "PRON":
        return told, "", -1
    lemma = subject.lemma_.lower()
    return told, lang.MEMBER_OF.get(lemma, lemma), subject.idx


# A rate: a figure for each period ("£123 a year", "£2.37 a week", "twice a day", "5% annually");
# not "a year ago", "a year earlier", which date it.
_PER_PERIOD = re.compile(
    r"^(?:(?:a|an|per|each|every)\s+(year|month|week|day|hour|annum)\b(?!\s+(?:ago|earlier|later|before|after|on)\b)"
    r"|(annually|yearly|monthly|weekly|daily|hourly)\b)",
    re.IGNORECASE,
)
_PERIOD_WORDS = {"annually": "year", "yearly": "year", "annum": "year", "monthly": "month",
                 "weekly": "week", "daily": "day", "hourly": "hour"}  # fmt: skip


def _per_period(after: str) -> str:
    """The period a figure is for, from the words right after it ("a year": "year"), else ""."""
    found = _PER_PERIOD.match(after)
    if not found:
        return ""
    word = (found.group(1) or found.group(2)).lower()
    return _PERIOD_WORDS.get(word, word)


def _share_of(root) -> str:
    """The noun after a figure's "of" ("99% of polling stations": "station"), else ""."""
    for child in root.children:
        if child.lower_ == "of":
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
                return noun.lemma_.lower()
    return ""


_TALLY_LINK = frozenset({"to", "-", "–"})


# A tally told in words, each side with its own verb ("432 MPs voted against her plan, with just
# 202 backing it", "325 votes in favour and 306 against"): the first count, a vote for or against,
# then within the clause the second count and what its side did.
_WORDED_TALLY = re.compile(
    r"(\d[\d,]*)\s+(?:[A-Za-z'-]+\s+){0,2}?(?:votes?|voted|voting)\s+(?:in\s+favou?r|for|against)\b"
    r"[^.;:!?]{0,80}?\b(?:with|and|while)\s+(?:just\s+|only\s+|a\s+mere\s+)?(\d[\d,]*)\s+"
    r"(?:[A-Za-z'-]+\s+)??(?:backing|supporting|opposing|voting|votes?|for|against|in\s+favou?r)\b"
)


def _worded_tally(sentence, ent) -> str:
    """ "first" or "second" when the figure is one side of a tally told in words (_WORDED_TALLY)."""
    text, base = sentence.text, sentence.start_char
    for found in _WORDED_TALLY.finditer(text):
        # The entity may hold a qualifier before its figure ("just 202").
        if ent.start_char <= found.start(1) + base < ent.end_char:
            return "first"
        if ent.start_char <= found.start(2) + base < ent.end_char:
            return "second"
    return ""


def _tally(doc, ent) -> str:
    """ "first" or "second" when a figure is one side of a vote's tally ("by 312 votes to 287",
    "voted 312 to 260", "52-48" with a vote in the sentence, "432 voted against, with 202
    backing it"), else "". A tally is two counts of votes, not a span of values nor a margin."""
    sentence = doc[ent.start].sent
    if not any(t.lemma_.lower() == "vote" for t in sentence):
        return ""
    worded = _worded_tally(sentence, ent)
    if worded:
        return worded
    after = ent.end + (ent.end < len(doc) and doc[ent.end].lemma_.lower() == "vote")
    if after + 1 < len(doc) and doc[after].lower_ in _TALLY_LINK and doc[after + 1].like_num:
        return "first"
    before = ent.start - 1
    if before >= 1 and doc[before].lower_ in _TALLY_LINK:
        first = before - 1 - (doc[before - 1].lemma_.lower() == "vote")
        if first >= 0 and doc[first].like_num:
            return "second"
    return ""


def _tally_in_one_span(doc, ent) -> list:
    """The two counts of a vote's tally the model took for one number ("voting seven to two",
    "ruled seven-to-two in a vote"), which parse_value would add up to nine: as two spans, the
    first and the second count (_tally then reads them as a tally, as it does "7 to 2"). Only
    with a vote in the sentence: elsewhere "five to seven" is a span of values."""
    words = [t for t in ent if t.lower_ not in ("-", "–")]
    if (
        ent.label_ != "CARDINAL"
        or len(words) != 3
        or not (words[0].like_num and words[2].like_num)
        or words[1].lower_ != "to"
        or not any(t.lemma_.lower() == "vote" for t in doc[ent.start].sent)
        # "voted to cut five to seven posts", "from five to seven": a span of values
        or (ent.root.dep_ == "nummod" and ent.root.head.i >= ent.end)
        or (ent.start > 0 and doc[ent.start - 1].lower_ in ("from", "between"))
    ):
        return []
    return [
        Span(doc, words[0].i, words[0].i + 1, label="CARDINAL"),
        Span(doc, words[2].i, words[2].i + 1, label="CARDINAL"),
    ]


def _part_of_a_name(root, lang: ModuleType) -> bool:
    """Whether a number is part of a proper name: right after a singular one ("MAX 8", "FTSE
    100", "Nikkei 225") or before one ("737 MAX", "10 Downing Street"); not "January's 230" nor
    "34 Max 8s", which count."""
    head = root.head
    if root.dep_ != "nummod" or head.tag_ != "NNP" or head.lower_ in lang.SCALE_WORDS:
        return False  # "40m people": the scale the tokenizer split off
    return head.i == root.i - 1 or (head.i > root.i and head.is_alpha)


def _date_value(text: str, lang: ModuleType) -> str | None:
    """'y=2016;m=10;d=3' with the parts the text names, or None for relative dates."""
    lower = text.lower().replace(".", " ").replace(",", " ")
    parts = {}
    for word in lower.split():
        if word in lang.MONTHS and "m" not in parts:
            parts["m"] = lang.MONTHS[word]
        elif word in lang.WEEKDAYS:
            parts["w"] = word
        elif re.fullmatch(r"(1[6-9]|20|21)\d\d", word):
            parts["y"] = int(word)
        elif re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", word):
            parts["d"] = int(re.match(r"\d+", word).group())
    if re.search(r"\b(last|next|this|past|coming|recent|ago|earlier|later)\b", lower) and "y" not in parts:
        return None
    if "d" in parts and "m" not in parts:
        del parts["d"]  # "its 25th day" is no date
    if not parts:
        return None
    return ";".join(f"{k}={parts[k]}" for k in ("y", "m", "d", "w") if k in parts)


def _duration(text: str, lang: ModuleType) -> tuple[float, str] | None:
    words = re.findall(r"[a-z]+", text.lower())
    unit = next(
        (
            lang.DURATION_UNITS[w]
            for i, w in enumerate(words)
            # "the second half", "second-half": an ordinal, not a length of one second
            if w in lang.DURATION_UNITS and not (w == "second" and i < len(words) - 1)
        ),
        None,
    )
    value = parse_value(text, lang)
    if unit is None or value is None:
        return None
    return value, unit


# One end of a span of values ("2.00% to 2.25%", "a range of 2 to 2.25 per cent", "between 5 and
# 7"): which end the other report's figure is set against cannot be told.
_SPAN_OF_VALUES = re.compile(r"\d\s*%?\s*(?:to|and|-|–)\s*\S*\d")
_SPAN_END = re.compile(r"(?:\d\s*%?\s*(?:to|and|-|–)|\bbetween)\s*$", re.IGNORECASE)


# A figure a claim had to reach is a line, not what was measured ("lost their deposit after
# failing to reach 5% of the vote", "needed to clear 60 votes").
_THRESHOLD = re.compile(
    r"\b(?:fail\w*|need\w*|must|required?|short of|enough) (?:to )?(?:reach|clear|pass|hit|top|exceed|meet|win)?\s*$",
    re.IGNORECASE,
)


# A term with an option to extend it is its floor, not its length ("a four-year contract with the
# option of a further year" may run five years; "a two-year lease with an option for another").
_EXTENSIBLE = re.compile(
    r"^(?:[\w-]+,?\s+){0,3}?(?:with|plus|and)\s+(?:the|an|a)\s+option\s+(?:of|for|on|to\s+\w+)\s+"
    r"(?:a\s+|an\s+)?(?:further|another|extra|additional)\b",
    re.IGNORECASE,
)


def _bound(text: str, before: str, context: str, kind: str, after: str = "") -> str:
    """How exact a figure is, from qualifiers inside its span or just before it (`before`: the
    words since the last comma; `context`: a little more, for the line a claim had to reach).
    A margin ("won by 412 votes") is as exact as its words say: the comparison sets a margin
    against margins only."""
    if _THRESHOLD.search(context) or _SPAN_OF_VALUES.search(text) or _SPAN_END.search(before):
        return "vague"
    for name, pattern in _QUALIFIER_PATTERNS:
        if pattern.search(text) or pattern.search(before):
            return name
    if kind == DURATION and _EXTENSIBLE.search(after):
        return "at_least"
    if kind in (DATE, TIME) and (_TIME_QUALIFIER.search(text) or _TIME_QUALIFIER.search(before)):
        return "about"
    return "exact"


def _whole_figure(text: str, start: int, end: int, lang: ModuleType) -> tuple[int, int]:
    """The entity's text with what the small model tends to leave outside it: the currency
    symbol before "44bn" in "$44bn", and the scale after "$4" in "$4m"."""
    before = text[start - 1] if start > 0 else ""
    if before in lang.CURRENCY_SYMBOLS or (before and not before.isalnum() and currency_of_sign(before)):
        start -= 1  # "$44bn", "₹1,200 crore", "₦5 billion"
    if text[start : start + 1] == "$":
        # the letters that make it another country's dollar ("A$150 million", "NZ$2 billion")
        letters = re.search(r"(?<![A-Za-z.])([A-Z]{1,2}|U\.S\.)$", text[max(start - 4, 0) : start])
        if letters and letters.group(1).lower() in lang.DOLLAR_PREFIXES:
            start -= len(letters.group(1))
    stuck = _STUCK_SCALE.match(text, end)
    if stuck and text[end - 1 : end].isdigit():
        end = stuck.end()
    return start, end


def _counts_a_noun_after(token, end: int) -> bool:
    """Whether a figure's last token counts a noun that comes after `end` ("43 ships")."""
    return token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.head.i >= end


# A percent sign or word right after a figure, or after the range it opens ("2 to 2.25 per cent").
_PERCENT_AFTER = re.compile(
    r"(?:\s?(?P<sign>per ?cent|percent|%)|\s*(?:to|-|–|and)\s*\d[\d.,]*\s?(?:per ?cent|percent|%))(?!\w)",
    re.IGNORECASE,
)
# A figure with a capital letter written onto it: a technology's or a model's name.
_CODE = re.compile(r"\d+[A-Z]\d*(?![\w-])")
# A clock time written with a dot or colon and am/pm ("8.38am", "7:15 p.m.").
_CLOCK = re.compile(r"\d{1,2}[.:]\d{2}\s?(?:[ap]\.?m\.?)", re.IGNORECASE)


def _fraction_of_a_scale(doc, ent, lang: ModuleType):
    """The whole figure when the model ends it at a fraction of a scale or of a unit of time:
    "half" of "nearly half a billion dollars", "a quarter" of "a quarter of a million pounds"
    (then an amount, with its currency), "up to half" of "up to half an hour" (a duration),
    else None."""
    if doc[ent.end - 1].lower_ not in lang.FRACTION_WORDS:
        return None
    end = ent.end + (ent.end < len(doc) and doc[ent.end].lower_ == "of")
    if end + 1 >= len(doc) or doc[end].lower_ not in ("a", "an"):
        return None
    unit = doc[end + 1].lower_
    if unit in lang.DURATION_UNITS:
        return Span(doc, ent.start, end + 2, label="TIME")
    if unit not in lang.SCALE_WORDS:
        return None
    end += 2
    # its currency after it, in one word or two ("dollars", "Swiss francs")
    for width in (1, 2):
        words = doc[end : end + width]
        if len(words) == width and (
            words.text.lower() in lang.CURRENCY_WORDS or currency_of_name(words.text)
        ):
            return Span(doc, ent.start, end + width, label="MONEY")
    return Span(doc, ent.start, end, label=ent.label_)


def _without_a_name_before(doc, ent, lang: ModuleType):
    """A length of time without the noun or name the model ran into it: "11 minutes" of "it took
    Metro 11 minutes", "72 seconds later" of "lost thrust 72 seconds later"; a date keeps its
    words ("Christmas 2020", "March 12 days")."""
    if ent.label_ not in ("DATE", "TIME") or not any(t.lower_ in lang.DURATION_UNITS for t in ent):
        return ent
    start = ent.start
    while (
        start < ent.end - 1
        and doc[start].pos_ in ("NOUN", "PROPN")
        and doc[start].lower_ not in lang.MONTHS
        and doc[start].lower_ not in lang.WEEKDAYS
    ):
        start += 1
    if start == ent.start or not doc[start].like_num:
        return ent
    return Span(doc, start, ent.end, label=ent.label_)


def _figure_spans(doc, lang: ModuleType) -> list:
    """spaCy's entities, with the counts the model ran into a time or missed after one.

    With no comma after a time, the model reads "By Tuesday 43 ships were waiting" as the date
    "Tuesday 43", and "By last night 43 ships ..." as a time with no number at all: the count
    is lost, and with it a conflict with another report's figure. A date or time whose last
    words are a figure counting a noun after it is cut before the figure, which becomes a count;
    a figure in digits that counts a noun and is in no entity becomes one too (words such as
    "two sides" are left to the model: many are no figure a report states), and so does the
    second count of a vote's tally that the model left out ("voted 413-198")."""
    spans = []
    covered: set[int] = set()
    for ent in doc.ents:
        while (
            ent.end < len(doc)
            and len(doc[ent.end]) > 2
            and doc[ent.end].lower_ in lang.SCALE_WORDS
            and (doc[ent.end - 1].like_num or doc[ent.end - 1].lower_ in lang.SCALE_WORDS)
        ):
            # "Some 8.2 lakh people", "₹1.5 lakh crore": the model leaves out a scale word it
            # rarely sees
            ent = Span(doc, ent.start, ent.end + 1, label=ent.label_)
        ent = _fraction_of_a_scale(doc, ent, lang) or _without_a_name_before(doc, ent, lang)
        covered.update(range(ent.start, ent.end))
        if tally := _tally_in_one_span(doc, ent):
            spans += tally  # "voting seven to two": two counts of votes, not the number nine
            continue
        # The figure: the last word ("43"), with the number before a scale word ("1.2 million").
        cut = ent.end - 1
        if doc[cut].lower_ in lang.SCALE_WORDS and cut > ent.start and doc[cut - 1].like_num:
            cut -= 1
        if (
            ent.label_ in ("DATE", "TIME")
            and ent.start < cut
            and doc[cut].like_num
            and doc[cut - 1].lower_ not in lang.MONTHS  # "May 5": the day of a month
            and _counts_a_noun_after(doc[ent.end - 1], ent.end)
        ):
            spans += [Span(doc, ent.start, cut, label=ent.label_), Span(doc, cut, ent.end, label="CARDINAL")]
        else:
            spans.append(ent)
    for token in doc:
        figure = token.i not in covered and token.text[:1].isdigit()
        missed = figure and token.like_num
        # "£1.2bn": a figure with its scale stuck to it is no number to the tokenizer's like_num,
        # and the model, which tags "$1.2bn", may leave a pound's or a euro's out of every entity
        glued = (
            figure
            and not missed
            and (number := _NUMBER.match(token.text)) is not None
            and _STUCK_SCALE.fullmatch(token.text[number.end() :]) is not None
        )
        sign = doc[token.i - 1].text if token.i > 0 else ""
        if (missed and currency_of_sign(sign)) or (
            glued and (sign in lang.CURRENCY_SYMBOLS or currency_of_sign(sign))
        ):
            # "₱200,000", "RM 340,000": a sign the model does not know, then the amount
            end = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in lang.SCALE_WORDS)
            spans.append(Span(doc, token.i - 1, end, label="MONEY"))
            covered.update(range(token.i - 1, end))
        elif missed and _counts_a_noun_after(token, token.i + 1):
            if token.head.lower_ in ("percent", "cent"):  # "10 per cent": a share, not a count of cents
                spans.append(Span(doc, token.i, token.head.i + 1, label="PERCENT"))
            else:
                spans.append(Span(doc, token.i, token.i + 1, label="CARDINAL"))
    for ent in list(spans):
        # A tally written with a hyphen ("voted 413-198", "voted 7-3"): the model takes its
        # first count for a number and leaves the second out of every entity.
        second = ent.end + 1 + (ent.end < len(doc) and doc[ent.end].lemma_.lower() == "vote")
        if (
            ent.label_ == "CARDINAL"
            and second < len(doc)
            and second not in covered
            and doc[second].text[:1].isdigit()
            and _tally(doc, ent) == "first"
        ):
            covered.add(second)
            spans.append(Span(doc, second, second + 1, label="CARDINAL"))
    return sorted(spans, key=lambda span: span.start)


# A match's score: Gaelic games' goals and points on both sides ("2-24 to 1-20"), or a bare pair
# of figures ("31-24", "0-13"), not a year ("2020-21"), a span of a unit ("2-3%") nor a date.
_GAELIC_SCORE = re.compile(
    r"(?<![\d.,$£€/:–-])(\d{1,2})[-–](\d{1,2}) to (\d{1,2})[-–](\d{1,2})(?![\d–-]|[.,]\d)"
)
_PAIR_SCORE = re.compile(
    r"(?<![\d.,$£€/:–-])(\d{1,3})[-–](\d{1,3})(?![\d–/:-]|[.,]\d|\s*(?:%|per\b|percent\b))"
)


def _score_span(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def _governed_by_result(span, lang: ModuleType) -> bool:
    """Whether a score is a match's result: a word of its parse above it, up to its clause's verb
    or the noun it describes, names one ("won 2-24 to 1-20", "beating Cork by ...", "a thrilling
    31-24 win"; not "lost a 4-1 lead")."""
    for token in span:
        head = token
        while head.head.i != head.i:
            head = head.head
            if span.start <= head.i < span.end:
                continue
            if head.lemma_.lower() in lang.RESULT_WORDS:
                return True
            if head.pos_ in ("VERB", "AUX", "NOUN"):
                break  # a noun other than a result: "a 3-0 deficit", "a 4-1 lead"
    return False


def _counts_a_thing(span, lang: ModuleType) -> bool:
    """Whether the word after a pair of figures is a noun they count ("10-15 people"), which makes
    them a span of values, not a score; a result or a lead ("a 3-1 win") is no such noun."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        after is not None
        and after.pos_ in ("NOUN", "PROPN")
        and not after.like_num
        and after.lemma_.lower() not in lang.SCORE_NOUNS
    )


def _scores(doc, lang: ModuleType) -> list[tuple[int, int, str, bool]]:
    """(start, end, value, final) of the scores of a match in doc.

    A Gaelic games score ("2-24 to 1-20") is always one; a bare pair of figures ("31-24") is one
    when the parse puts it under the match's result ("beat New Zealand 31-24", "a 3-1 win") or,
    in a report that gives such a score, when it counts nothing ("Kearney finished with 0-13").
    A score is *final* when it is the result, in a sentence that tells of no half-time, leg,
    aggregate or shoot-out (lang.NOT_THE_RESULT): only final
    scores of one match are set against each other (a player's 0-13 against another report's
    0-12 may count different things). The value orders the sides from the higher: "2-24 to
    1-20" and "1-20 to 2-24" are one score; a pair's, only when it is final (a Gaelic player's
    "0-13" is goals and points)."""
    found: list[tuple[int, int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for match in _GAELIC_SCORE.finditer(doc.text):
        g1, p1, g2, p2 = (int(x) for x in match.groups())
        span = _score_span(doc, match.start(), match.end())
        if span is None or any(t.lemma_.lower() == "vote" for t in span.sent):
            continue
        final = _governed_by_result(span, lang) and not lang.NOT_THE_RESULT.search(span.sent.text)
        sides = sorted([(g1, p1), (g2, p2)], key=lambda side: (3 * side[0] + side[1], side), reverse=True)
        value = " to ".join(f"{g}-{p}" for g, p in sides)
        found.append((match.start(), match.end(), value, final))
        taken.append((match.start(), match.end()))
    pairs = []
    for match in _PAIR_SCORE.finditer(doc.text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        span = _score_span(doc, match.start(), match.end())
        if span is None or _counts_a_thing(span, lang) or any(t.lemma_.lower() == "vote" for t in span.sent):
            continue
        result = _governed_by_result(span, lang)
        pairs.append((match, span, result))
    in_a_match = bool(found) or any(result for _, _, result in pairs)
    for match, span, result in pairs:
        if not (result or in_a_match):
            continue
        final = result and not lang.NOT_THE_RESULT.search(span.sent.text)
        high, low = sorted((int(match.group(1)), int(match.group(2))), reverse=True)
        value = f"{high}-{low}" if final else match.group().replace("–", "-")
        found.append((match.start(), match.end(), value, final))
    return sorted(found)


def read_numbers(doc, sentence_starts: list[int], lang: ModuleType, offset: int = 0) -> list[Number]:
    """Typed numbers in doc (a spaCy Doc); offsets are shifted by offset."""
    numbers: list[Number] = []
    scores = _scores(doc, lang)
    for start_char, end_char, value, final in scores:
        start = start_char + offset
        sentence = max(bisect_right(sentence_starts, start) - 1, 0)
        measure = "final score" if final else ""
        text = doc.text[start_char:end_char]
        numbers.append(
            Number(text, value, "score", SCORE, sentence, start, end_char + offset, measure=measure)
        )
    for ent in _figure_spans(doc, lang):
        if any(ent.start_char < end and start < ent.end_char for start, end, _, _ in scores):
            continue  # part of a score ("2" of "2-24 to 1-20")
        label = ent.label_
        start_char, end_char = _whole_figure(doc.text, ent.start_char, ent.end_char, lang)
        text = doc.text[start_char:end_char]
        value: float | str | None
        unit = measure = ""
        tally = _tally(doc, ent) if label == "CARDINAL" else ""
        # What a plain number counts, read once from the parse (a currency, a count, a whole).
        noun = _counted_noun(ent, lang) if label == "CARDINAL" else None
        if label == "CARDINAL" and not tally:
            # A currency written as a word: before the figure ("KSh 45,000") or as its noun
            # ("54,000 shillings"); the model takes both for a plain number.
            prefix = doc[ent.start - 1] if ent.start > 0 else None
            if prefix is not None and (
                prefix.lower_ in lang.CURRENCY_PREFIXES or currency_of_sign(prefix.text)
            ):
                label, start_char = "MONEY", prefix.idx
            elif (
                noun is not None
                and noun.i == ent.end
                and noun.lower_ in lang.CURRENCY_WORDS
                and noun.lemma_ != "pound"
            ):
                # (not "400 pounds", as often a weight as money)
                label, end_char = "MONEY", noun.idx + len(noun.text)
            elif ent.end < len(doc) and currency_of_word(doc[ent.end].lower_):
                # the rest of the world's, whatever the parse made of a name it rarely sees
                label, end_char = "MONEY", doc[ent.end].idx + len(doc[ent.end].text)
            text = doc.text[start_char:end_char]
        if (
            label == "MONEY"
            and ent.end < len(doc)
            and currency_of_word(doc[ent.end].lower_)
            and _currency(text, lang) == "money"
        ):
            # "around 1.15 trillion birr": the model's sum stops before a currency it rarely sees
            # (after a qualifier it calls the figure money without it), so it would be shown and
            # set against other sums as money of no known currency
            end_char = doc[ent.end].idx + len(doc[ent.end].text)
            text = doc.text[start_char:end_char]
        if label == "QUANTITY" and (currency_of_word(ent[-1].lower_) or currency_of_name(text)):
            label = "MONEY"  # "3.4 billion kroner": the model takes a currency it rarely sees for a unit
        elif label == "CARDINAL" and not tally and noun is not None and 0 <= noun.i - ent.end <= 2:
            through_noun = doc.text[start_char : noun.idx + len(noun.text)]
            if currency_of_name(through_noun):
                # "2 billion Norwegian kroner": a count of kroner to the model
                label, text = "MONEY", through_noun
        if label in ("MONEY", "CARDINAL", "QUANTITY") and any(
            w in text.lower() for w in ("per cent", "percent", "%")
        ):
            label = "PERCENT"  # the model sometimes calls "3 per cent" money
        elif label == "CARDINAL" and (sign := _PERCENT_AFTER.match(doc.text, end_char)):
            # "about 62 per cent", "more than 8 per cent": the model leaves the sign out of
            # a figure with a qualifier; "2 to 2.25 per cent": a range's first figure is one too
            label = "PERCENT"
            if sign.group("sign"):
                text = doc.text[start_char : sign.end()]
        elif label == "CARDINAL" and _CLOCK.fullmatch(text.strip()):
            label = "TIME"  # "8.38am", which the model calls a number
        if label == "MONEY":
            kind, value, unit = AMOUNT, parse_value(text, lang), _currency(text, lang)
        elif label == "PERCENT":
            kind, value = PERCENT, parse_value(text, lang)
            unit = "point" if "point" in text.lower() else "%"
        elif label == "CARDINAL" and not tally and _part_of_a_name(ent.root, lang):
            continue  # "Boeing 737 MAX 8", "FTSE 100", "10 Downing Street": part of a name, no count
        elif label == "CARDINAL" and not tally and _names_a_thing(ent):
            continue  # "articles 233, 333 and 350", "flights 302 and 303": numbers naming things
        elif label == "CARDINAL" and _CODE.match(doc.text, ent.start_char):
            continue  # "5G", "3D", "7M8": a name written with a figure, no count
        elif (
            label == "CARDINAL"
            and not tally
            and noun is not None
            and 0 <= noun.i - ent.end <= 1
            and noun.lower_ in lang.DURATION_UNITS
        ):
            # "at least four more weeks": a length of time, as "another three weeks" the model
            # calls a date is, not a count of weeks that could never face it
            kind, value, unit = DURATION, parse_value(text, lang), lang.DURATION_UNITS[noun.lower_]
            text = doc.text[start_char : noun.idx + len(noun.text)]
        elif (
            label == "CARDINAL"
            and not tally
            and noun is not None
            and noun.i == ent.end
            and (unit := lang.UNIT_NAMES.get(noun.lemma_.lower(), noun.lemma_.lower())) in lang.MEASURE_UNITS
        ):
            # "17km", "500 acres": a measure the model took for a count of kilometres
            kind, value = QUANTITY, parse_value(text, lang)
            text = doc.text[start_char : noun.idx + len(noun.text)]
            described = noun.head
            if (
                noun.dep_ in ("compound", "amod", "nmod")
                and described.pos_ == "NOUN"
                and described.i > noun.i
            ):
                measure = f"{unit} {described.lemma_.lower()}"  # "a 17km climb" is no race's length
        elif label == "CARDINAL":
            kind, value = COUNT, parse_value(text, lang)
            unit = noun.lemma_.lower() if noun is not None else ""
            measure = _counted_thing(doc, ent, noun, lang)
            if tally:
                measure = "vote"  # "to 287" counts votes as "312 votes" does
            if text.lower() in ("one", "a", "an") and (
                noun is None
                or (ent.end < len(doc) and doc[ent.end].lower_ == "of")
                or noun.lemma_.lower() in lang.ONE_OF_NOTHING
            ):
                continue  # "one of the favourites", "one of them": no figure; "one person" is
            if noun is not None and 0 <= noun.i - ent.end <= 2:
                # Shown with what it counts: "2,000 residents", "12 more people".
                text = doc.text[start_char : noun.idx + len(noun.text)]
        elif label == "QUANTITY":
            kind, value = QUANTITY, parse_value(text, lang)
            unit = ent[-1].lemma_.lower()
            unit = lang.UNIT_NAMES.get(unit, unit)  # "9 km" and "11 kilometres" measure one thing
            described = ent[-1].head
            if (
                ent[-1].dep_ in ("compound", "amod", "nmod")
                and described.pos_ == "NOUN"
                and described.i >= ent.end
            ):
                # "a 55 mph work zone": the zone's limit, not a speed to set against "68 mph"
                measure = f"{unit} {described.lemma_.lower()}"
        elif label == "DATE":
            duration = None if re.search(r"\d(st|nd|rd|th)\b", text) else _duration(text, lang)
            if (
                duration
                and not re.search(r"\b(ago|last|next|this|past)\b", text.lower())
                and _date_value(text, lang) is None
            ):
                kind, (value, unit) = DURATION, duration
                if text.lower().endswith("old"):
                    # "the 26-year-old striker": an age, not set against the length of "a
                    # four-year contract" in the same claim
                    measure = f"{unit} of age"
            else:
                kind, value, unit = DATE, _date_value(text, lang), "date"
        elif label == "TIME" and re.search(r"\d(st|nd|rd|th)\b", text) and _duration(text, lang):
            # "a 35th-minute strike": a moment of the match, counted as an ordinal, no duration
            kind, (value, unit) = ORDINAL, _duration(text, lang)
        elif label == "TIME" and not re.search(r"\d:\d|[ap]\.?m\b", text.lower()) and _duration(text, lang):
            kind, (value, unit) = DURATION, _duration(text, lang)
        elif label == "TIME":
            kind, value, unit = (
                TIME,
                re.sub(r"\s+", "", text.lower().replace(".", "")),
                "time",
            )  # "6:33 a.m." = "6:33am"
            if not any(ch.isdigit() for ch in text):
                continue  # "tonight", "this morning"
        elif label == "ORDINAL":
            word = text.lower().strip()
            value = ORDINAL_WORDS.get(word) or parse_value(word, lang)
            head = ent.root.head
            # "first" rarely counts ("first sign", "first reported"); "second summit" does.
            if (
                value == 1
                or ent.root.dep_ != "amod"
                or head.pos_ != "NOUN"
                or head.lemma_.lower() in _ORDINAL_NOT_COUNTING
                or (
                    # "the third rail", "a second-class fare"
                    0 <= head.i - ent.end <= int(doc[ent.end].text == "-")
                    and f"{word} {head.lemma_.lower()}" in lang.ORDINAL_TERMS
                )
            ):
                continue
            kind, unit = ORDINAL, head.lemma_.lower()
            measure = _ordinal_thing(ent, head, lang)
            if 0 <= head.i - ent.end <= 1:
                text = doc.text[start_char : head.idx + len(head.text)]  # "second summit", not "second"
        else:
            continue
        if value is None:
            continue
        start = start_char + offset
        sentence = max(bisect_right(sentence_starts, start) - 1, 0)
        before = doc.text[max(start_char - 16, 0) : start_char].split(",")[-1]
        role = _role(ent.root, lang) if kind in (AMOUNT, PERCENT, COUNT, QUANTITY) else ""
        if tally:
            role = "tally_second" if tally == "second" else ""
        elif kind == COUNT and _is_whole(ent.root, noun):
            role = "whole"
        context = doc.text[max(start_char - 40, 0) : start_char]
        after = doc.text[start_char + len(text) : start_char + len(text) + 80].lstrip(" ")
        if kind == DURATION and lang.COUNTDOWN_AFTER.search(after):
            # Counted from the day of writing: two reports a day apart both tell the truth.
            role = "countdown"
        bound = "exact" if tally else _bound(text, before, context, kind, after)
        end = start_char + len(text) + offset
        anchor = _anchor(ent.root) if role != "reference" else ""
        verb, subject, subject_at = _predicate(ent.root, lang)
        if bound == "exact" and ent.root.dep_ == "dobj" and ent.root.head.lemma_.lower() in lang.FLOOR_VERBS:
            bound = "at_least"  # "gusts topped 70 mph": above the line, not at it
        if kind in (AMOUNT, COUNT, QUANTITY, PERCENT) and (period := _per_period(after)):
            measure = f"{measure or unit} a {period}"  # "£123 a year" is not set against "£2.37 a week"
        numbers.append(
            Number(
                text,
                value,
                unit,
                kind,
                sentence,
                start,
                end,
                bound,
                measure,
                role,
                anchor,
                verb,
                subject,
                subject_at + offset if subject_at >= 0 else -1,
            )
        )
    return sorted(numbers, key=lambda number: number.start)
