"""What the comparison page summarises: shared and one-sided entities, quotes, numbers, headlines.

Every item carries the sentence ids that support it, so the page can link each to its sentence.
Nothing here writes text of its own: names, quotes and numbers are the reports' own words.
"""

import difflib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..reading.currencies import codes_of_word
from ..reading.identity import ORGANISATION, PERSON, PLACE, name_parts, same_entity, without_legal_suffix
from ..reading.lang import get_language
from ..reading.names import name_key
from ..reading.tokens import DIFF_TOKEN, content_tokens, diff_key
from .mentions import absorbed, unread_mentions

SAME_QUOTE = 85


def link_entities(
    entities_a: list[dict],
    entities_b: list[dict],
    language: str = "en",
    sentences: tuple[list[dict], list[dict]] = ([], []),
) -> dict[str, str]:
    """B's entity keys mapped to A's where both reports name the same entity another way
    (identity.same_entity: a bare surname, another word order or spelling, a short form).
    `sentences`, the two reports' sentences, let a name be told by the title before it."""
    lang = get_language(language)
    titles_a = {e["key"]: _titles_before(e, sentences[0], lang) for e in entities_a if e["kind"] == PERSON}
    by_key = {e["key"]: e for e in entities_a}
    # A place of A that B names with the same key is that place of B's: another place of B is
    # not it too ("Istanbul" in both reports, and B's "Istanbul Airport" beside it).
    places_taken = {e["key"] for e in entities_b if e["kind"] == PLACE and e["key"] in by_key}
    free_for_places = [e for e in entities_a if e["key"] not in places_taken]
    mapping: dict[str, str] = {}
    for entity in entities_b:
        if entity["key"] in by_key:
            continue
        candidates = free_for_places if entity["kind"] == PLACE else entities_a
        other = None
        words = _mention_texts(entity)
        if entity["kind"] != PERSON:
            # Both readings put the same words under one name, however each wrote that name in
            # full: "Northstar" under "Northstar Atlantic Airways" in one report and under a name
            # the model cut wrong in the other. The surest link, so it comes first.
            legal = _legal_name(entity, lang)
            other = next(
                (e for e in candidates if (e["kind"] != PERSON or legal) and words & _mention_texts(e)),
                None,
            )
        else:
            # The same words one report gives as a company's with its legal form ("Luanshya Deep
            # Copper" under "Luanshya Deep Copper Limited"), which the other's model took for a
            # person's: the company.
            other = next(
                (e for e in candidates if _legal_name(e, lang) and words & _mention_texts(e) - {e["name"]}),
                None,
            )
        if other is None:
            other = next((e for e in candidates if same_entity(e, entity, lang, across=True)), None)
        if other is None and entity["kind"] == PERSON:
            titles = _titles_before(entity, sentences[1], lang)
            other = next(
                (
                    e
                    for e in candidates
                    if _maternal_surname_left_out(e, entity, bool(titles & titles_a.get(e["key"], set())))
                ),
                None,
            )
        if other is not None:
            mapping[entity["key"]] = other["key"]
    return mapping


def _maternal_surname_left_out(a: dict, b: dict, same_title: bool = False) -> bool:
    """Whether one person's name is the other's without its last word, when the report with
    three words also calls the person by the second alone, or both reports put the same title
    before the name: "Mariana Echeverria" / "Mariana Echeverría Lozano ... Ms Echeverría", "INE
    director Mariana Ferrés" / "INE director Mariana Ferrés Olivera", a Spanish name whose
    mother's surname one outlet leaves out. Without either, "Kwabena Asante" may be someone else
    than "Kwabena Asante Mensah" (identity.same_person keeps them apart)."""
    if a["kind"] != PERSON or b["kind"] != PERSON:
        return False
    for full, short in ((a, b), (b, a)):
        words = [name_key(w) for w in name_parts(full["name"])]
        other = [name_key(w) for w in name_parts(short["name"])]
        if len(words) != 3 or other != words[:2]:
            continue
        bare = {name_key(v) for v in full.get("variants", []) if len(name_parts(v)) == 1}
        if same_title or words[1] in bare:
            return True
    return False


def _titles_before(entity: dict, sentences: list[dict], lang) -> set[str]:
    """The title phrases right before a person's mentions, with the word before a title when it
    names whose ("INE director", "social development minister"): two reports that put the same
    one before a name speak of one office holder."""
    titles = set()
    for mention in entity.get("mentions", []):
        sentence = sentences[mention["sentence"]] if mention.get("sentence", -1) < len(sentences) else None
        if not sentence or "start" not in sentence:
            continue
        words = re.findall(
            r"[^\W\d_]+", sentence["text"][: max(mention["start"] - sentence["start"], 0)].lower()
        )
        # the word before the title names an office ("INE", "development"), not "the" or "a"
        if len(words) >= 2 and words[-1] in lang.TITLES and words[-2] not in lang.TITLES | lang.STOPWORDS:
            titles.add(" ".join(words[-2:]))
    return titles


def _legal_name(entity: dict, lang) -> bool:
    """Whether an organisation is named with a company's legal form ("... Limited", "... Oyj")."""
    return entity["kind"] == ORGANISATION and len(without_legal_suffix(entity["name"], lang)) < len(
        entity["name"].split()
    )


def _mention_texts(entity: dict) -> set[str]:
    return {m["text"].removeprefix("the ").removeprefix("The ") for m in entity.get("mentions", [])}


def _agreed_kind(a: dict, b: dict, lang) -> str:
    """The kind of an entity two reports type differently: a full name is a person (the model
    took one side's for an organisation); a lone word one side calls a person is what the other
    side calls it ("Brexit", "Twitter"); otherwise the first report's."""
    if a["kind"] == b["kind"]:
        return a["kind"]
    if _legal_name(a, lang) or _legal_name(b, lang):
        return ORGANISATION  # "Luanshya Deep Copper Limited": a company, though the other model read a person
    full_person = any(e["kind"] == PERSON and len(e["name"].split()) >= 2 for e in (a, b))
    if full_person:
        return PERSON
    return b["kind"] if a["kind"] == PERSON else a["kind"]


def unread_names(analysis_a: dict, analysis_b: dict, mapping: dict[str, str]) -> dict[str, dict]:
    """Names each side's reading missed that the other's found (mentions.unread_mentions), for
    the entities not already linked: {"a": {b_key: mentions in A}, "b": {a_key: mentions in B}}."""
    lang = get_language(analysis_a.get("language", "en"))
    entities_a, entities_b = analysis_a.get("entities", []), analysis_b.get("entities", [])
    keys_b = {mapping.get(e["key"], e["key"]) for e in entities_b}
    keys_a = {e["key"] for e in entities_a}
    found: dict[str, dict] = {"a": {}, "b": {}}
    for side, unlinked, other in (
        ("b", [e for e in entities_a if e["key"] not in keys_b], analysis_b),
        ("a", [e for e in entities_b if mapping.get(e["key"], e["key"]) not in keys_a], analysis_a),
    ):
        taken = [
            (m["start"], m["end"], e["kind"], m["text"])
            for e in other.get("entities", [])
            for m in e.get("mentions", [])
        ]
        for entity in unlinked:
            mentions = unread_mentions(entity, other.get("sentences", []), taken, lang)
            if mentions:
                found[side][entity["key"]] = mentions
                taken += [(m["start"], m["end"], entity["kind"], m["text"]) for m in mentions]
    return found


def _sentences_of(mentions: list[dict]) -> list[int]:
    return sorted({m["sentence"] for m in mentions})


def entity_summary(
    entities_a: list[dict],
    entities_b: list[dict],
    mapping: dict[str, str],
    found: dict[str, dict] | None = None,
    language: str = "en",
) -> dict:
    """Shared and one-sided entities. found (unread_names): names one side's reading missed,
    which make an entity shared; an entity whose every mention lies inside such a name is a
    part of it ("State" of "State Patrol") and is not listed."""
    found = found or {"a": {}, "b": {}}
    lang = get_language(language)
    in_a = [m for mentions in found["a"].values() for m in mentions]
    in_b = [m for mentions in found["b"].values() for m in mentions]
    entities_a = [e for e in entities_a if not absorbed(e, in_a)]
    b_by_key = {mapping.get(e["key"], e["key"]): e for e in entities_b if not absorbed(e, in_b)}
    shared, only_a = [], []
    for entity in entities_a:
        other = b_by_key.pop(entity["key"], None)
        unread = found["b"].get(entity["key"], [])
        item = {
            "key": entity["key"],
            "name": _listed_name(entity["name"], entity["kind"]),
            "kind": entity["kind"],
            "variants_a": entity["variants"],
            "a_sentences": entity["sentences"],
            "b_sentences": other["sentences"] if other else _sentences_of(unread),
            "mentions_a": entity.get("mentions", []),
            "mentions_b": other.get("mentions", []) if other else unread,
        }
        if other:
            item["variants_b"] = other["variants"]
            item["kind"] = _agreed_kind(entity, other, lang)
            item["name"] = _shared_name(entity["name"], other["name"], item["kind"])
            shared.append(item)
        elif unread:
            item["variants_b"] = sorted({m["text"] for m in unread})
            shared.append(item)
        else:
            only_a.append(item)
    only_b = []
    for key, e in b_by_key.items():
        unread = found["a"].get(e["key"], [])
        item = {
            "key": key,
            "name": _listed_name(e["name"], e["kind"]),
            "kind": e["kind"],
            "variants_b": e["variants"],
            "a_sentences": _sentences_of(unread),
            "b_sentences": e["sentences"],
            "mentions_a": unread,
            "mentions_b": e.get("mentions", []),
        }
        if unread:
            shared.append({**item, "variants_a": sorted({m["text"] for m in unread})})
        else:
            only_b.append(item)
    return {"shared": shared, "only_a": only_a, "only_b": only_b}


def _shared_name(name_a: str, name_b: str, kind: str) -> str:
    """The name a shared entity is listed by: report A's, unless it is a dateline's capitals
    ("CHARLOTTE") where B writes the name ("Charlotte"), or, for a person, B's name holds all of
    A's words and more ("Pelosi" / "Nancy Pelosi"): one row should read as the fullest form
    either report gives. Not for places and bodies: a longer name there is often another thing
    the linking took for this one ("Istanbul" / "Istanbul Airport")."""
    if name_a.isupper() and not name_b.isupper():
        return name_b
    words_a, words_b = name_a.lower().split(), name_b.lower().split()
    if kind == PERSON and len(words_b) > len(words_a) and set(words_a) <= set(words_b):
        return name_b
    return _listed_name(name_a, kind)


# A place written in capitals and longer than this is a dateline's ("WASHINGTON", "ST. LOUIS");
# shorter ones are initials ("UK", "UAE", "N.C.") and stay as written.
_INITIALS_LENGTH = 4


def _listed_name(name: str, kind: str) -> str:
    """A place named only in a dateline's capitals is listed as a reader writes it
    ("WASHINGTON" -> "Washington"); every other name as the report gives it."""
    if kind == PLACE and name.isupper() and len(name) > _INITIALS_LENGTH:
        return name.title()
    return name


def quote_summary(quotes_a: list[dict], quotes_b: list[dict], mapping: dict[str, str]) -> dict:
    """Quotes per speaker per side, and quotes that appear (nearly word for word) in both."""
    speakers: dict[str, dict] = {}
    for side, quotes in (("a", quotes_a), ("b", quotes_b)):
        for index, quote in enumerate(quotes):
            key = quote["speaker_key"] or ""
            if side == "b":
                key = mapping.get(key, key)
            entry = speakers.setdefault(
                key, {"speaker": quote["speaker"], "key": key or None, "a": [], "b": []}
            )
            entry[side].append(index)
    for entry in speakers.values():
        entry["only"] = "a" if not entry["b"] else "b" if not entry["a"] else None
    shared = []
    used_b: set[int] = set()
    for i, qa in enumerate(quotes_a):
        for j, qb in enumerate(quotes_b):
            if j in used_b:
                continue
            short = min(len(qa["text"]), len(qb["text"]))
            score = fuzz.ratio(qa["text"], qb["text"])
            if short >= 20:
                score = max(score, fuzz.partial_ratio(qa["text"], qb["text"]))
            if score >= SAME_QUOTE:
                shared.append({"a": i, "b": j, "score": round(score / 100, 3)})
                used_b.add(j)
                break
    ordered = sorted(speakers.values(), key=lambda e: (e["key"] is None, -(len(e["a"]) + len(e["b"]))))
    return {"speakers": ordered, "shared": shared}


def quotes_by_sentence(quotes: list[dict], every: bool = False) -> dict[int, int]:
    """The quote each sentence of a quote told over several sentences (of any quote, with every)
    belongs to (its index): sentences of one quote are one thing a speaker said, shown together."""
    found: dict[int, int] = {}
    for index, quote in enumerate(quotes):
        if every or len(quote.get("sentences", [])) > 1:
            for i in quote["sentences"]:
                found.setdefault(i, index)
    return found


ABOUT = 0.2  # "about 3,000" is taken as 2,400 to 3,600
# ... but a figure given to more places is rounded less: "about 87 percent" is 83 to 91 (5%),
# "about 14,000" 13,000 to 15,000 (its last place), never more than ABOUT.
ABOUT_AT_LEAST = 0.05
# Two counts of one thing more than this many times apart are a part and its whole ("acquitted
# of one count" of "all 11 counts"), not one figure two outlets disagree on: every annotated
# conflict of the seven development sets is within 2.2 times for counts, 2.9 for any figure.
PART_OF_WHOLE = 3.0
# How far a figure rounded to its last place may be from a precise one and still be the same
# figure (_conflict): a reporter's rounding ("£96m" for £96.4 million) is under 1%.
ROUNDING = 0.01


def figure_range(number: dict) -> tuple[float, float] | None:
    """The values a figure allows, from its bound ("more than 20": above 20)."""
    value = number["value"]
    if not isinstance(value, int | float):
        return None
    bound = number.get("bound", "exact")
    if bound == "about":
        spread = min(ABOUT * abs(value), max(ABOUT_AT_LEAST * abs(value), _last_place(value)))
        return value - spread, value + spread
    if bound == "at_least":
        return value * (1 - ABOUT), math.inf  # "nearly 20" may be 19
    if bound == "at_most":
        return -math.inf, value
    if bound == "vague":
        return None
    return value, value


def _last_place(value: float) -> float:
    """The place of a figure's last non-zero digit (14,000: 1,000; 87: 1; 1.4: 0.1)."""
    place = 1.0
    if value == int(value):
        whole = int(abs(value))
        while whole and whole % 10 == 0:
            whole //= 10
            place *= 10
        return place
    return 10.0 ** -len(repr(float(value)).split(".")[1])


def _dates_differ(a: str, b: str) -> bool:
    """Two dates conflict when a part both name differs ("Oct" and "October 2016" do not).
    A bare year is left alone: "since 2005" is background more often than the news; so is a
    bare weekday."""
    parts_a = dict(p.split("=") for p in a.split(";"))
    parts_b = dict(p.split("=") for p in b.split(";"))
    if not ({"m", "d"} & parts_a.keys() and {"m", "d"} & parts_b.keys()):
        # A weekday alone is no date to set against another: reports name the days of several
        # happenings ("stays until Saturday", "talks on Friday"), and one matched sentence pair
        # rarely dates the same one ("confirmed Wednesday" / "on Thursday demanded").
        return False
    common = parts_a.keys() & parts_b.keys()
    return bool(common) and any(parts_a[k] != parts_b[k] for k in common)


# Figures that are not the claim's own: one it is set against ("down from 1.2%"), and one after
# a passive's "by", which may count the doers or be a margin ("backed by eight aircraft", "passed
# by 12 votes"). A margin ("beat Whitcomb by 412 votes") is grouped by its role, so it faces
# only a margin ("by 421 votes"), never a level or a tally ("by 432 votes to 202").
# Roles whose figures face none: a reference ("down from 1.2%"), a passive's agent, and a span of
# time counted from the day of writing ("72 days away" / "Seventy-one days remain": written a day
# apart, both true).
NOT_COMPARED = frozenset({"reference", "agent", "countdown"})


def _comparable(numbers: list[dict]) -> dict[tuple[str, str, str], list[dict]]:
    """Figures grouped by what they measure: kind, measure (the thing counted with the words
    that narrow it, the currency) and role (a change is set against a change, the whole of "three
    of five" against a whole). A count of nothing named ("the vote was 51") is left out: there is
    nothing to set it against; so are references, passives' agents and scores other than a
    match's final one. Readings stored before measures
    were read carry units."""
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for number in numbers:
        measure = number.get("measure") or number["unit"]
        if number["kind"] in ("count", "ordinal", "quantity") and not measure:
            continue
        if number["kind"] == "score" and measure != "final score":
            continue  # a player's score, the one at half-time: which faces which cannot be told
        if number.get("role", "") in NOT_COMPARED:
            continue
        groups[(number["kind"], measure, number.get("role", ""))].append(number)
    return groups


def _facing(side_a: list[dict], side_b: list[dict]) -> tuple[dict, dict] | None:
    """The one figure of each side that are set against each other: each side's only value, or,
    when a side gives two or more, the figures whose clauses are about the same thing, that
    thing named by no other figure of the two sides ("hospital admissions fell by 71 percent"
    against "cases fell by 63%, and hospital admissions by 78%") and no value given by both.
    None when it cannot be told."""
    values_a, values_b = {str(n["value"]) for n in side_a}, {str(n["value"]) for n in side_b}
    if len(values_a) == 1 and len(values_b) == 1:
        return side_a[0], side_b[0]
    if values_a & values_b:
        # A value both give may be where they agree, told of another subject than the parse
        # says ("2.1% in November, ... close to the 2% target"): which faces which is unsure.
        return None
    anchors_a = defaultdict(list)
    anchors_b = defaultdict(list)
    for n in side_a:
        anchors_a[n.get("anchor", "")].append(n)
    for n in side_b:
        anchors_b[n.get("anchor", "")].append(n)
    facing = [
        (anchors_a[anchor][0], anchors_b[anchor][0])
        for anchor in anchors_a.keys() & anchors_b.keys()
        if anchor and len(anchors_a[anchor]) == 1 and len(anchors_b[anchor]) == 1
    ]
    if (
        not facing
        and len(anchors_a[""]) == 1
        and len(anchors_b[""]) == 1
        and not ((anchors_a.keys() & anchors_b.keys()) - {""})
    ):
        # "71.4% backed scrapping the law ..., with 99% of polling stations counted" / "74.1 per
        # cent were for repealing the law ..., but turnout of 32.8 per cent fell short": each side's
        # other figures are about a thing the other side gives no figure of (stations, turnout);
        # the one figure about nothing named on each side is what is left to face.
        facing = [(anchors_a[""][0], anchors_b[""][0])]
    return facing[0] if len(facing) == 1 else None


_CLOCK = re.compile(r"(\d{1,2})(?::(\d\d))?(am|pm)?")


def _minutes(time: str) -> tuple[int, bool] | None:
    """Minutes after midnight of a time as the reading gives it ("3pm", "15:00", "11:30am"), and
    whether it is known to be so (a time of 12 or under with no am or pm may be either half
    of the day); None when it is no clock time."""
    found = _CLOCK.fullmatch(time)
    if not found:
        return None
    hour, minute, half = int(found[1]), int(found[2] or 0), found[3]
    if hour > 24 or minute > 59:
        return None
    if half:
        return (hour % 12 + (12 if half == "pm" else 0)) * 60 + minute, True
    return hour * 60 + minute, hour > 12 or hour == 0


def _clock_times_differ(a: str, b: str) -> bool:
    """Two clock times differ when no reading of them is one time ("15:00" is "3pm"; "3:00"
    may be either "3am" or "3pm"). Times read in no known form differ when they differ as text."""
    minutes_a, minutes_b = _minutes(a), _minutes(b)
    if minutes_a is None or minutes_b is None:
        return a != b
    (x, sure_x), (y, sure_y) = minutes_a, minutes_b
    if sure_x and sure_y:
        return x != y
    return x % 720 != y % 720


def _conflict(a: dict, b: dict) -> bool:
    if a["kind"] == "score":
        return a["value"] != b["value"]  # two final scores of one match, highest side first
    if a["kind"] in ("date", "time"):
        if a["kind"] == "time":
            exact = a.get("bound") == b.get("bound") == "exact"
            return exact and _clock_times_differ(str(a["value"]), str(b["value"]))
        return _dates_differ(str(a["value"]), str(b["value"]))
    if _same_bound_words(a, b):
        # "at least 23 people" / "at least 24 people": each outlet's floor is the figure it
        # stands by, and the two differ, though neither range rules the other out; unless one
        # is the other cut to a rounder figure ("more than $2 million" / "more than $2.3
        # million": down for a floor, up for a ceiling)
        return a["value"] != b["value"] and not _rounded_bound(a["value"], b["value"], a["bound"])
    numeric = all(isinstance(n["value"], int | float) for n in (a, b))
    if numeric and _scale_slip(a["value"], b["value"]):
        return False
    if numeric and a.get("bound", "exact") == b.get("bound", "exact") == "exact":
        # A figure rounded to its last place allows what rounds to it ("a record £96m" / "£96.4
        # million", "53,000" / "53,394"), within ROUNDING of the larger: "1,000" / "1,200" and
        # "70 affiliates" / "68 of its affiliates" still differ.
        rounding = max(_last_place(a["value"]), _last_place(b["value"])) / 2
        largest = max(abs(a["value"]), abs(b["value"]))
        return abs(a["value"] - b["value"]) > min(rounding, ROUNDING * largest)
    range_a, range_b = figure_range(a), figure_range(b)
    if range_a is None or range_b is None:
        return False
    return range_a[1] < range_b[0] or range_b[1] < range_a[0]


def _rounded_bound(x: float, y: float, bound: str) -> bool:
    """Whether the rounder of two bounds is the other cut to its last place, down for a floor
    ("more than 2" for "more than 2.3"), up for a ceiling ("up to 3" for "up to 2.6")."""
    if not all(isinstance(v, int | float) for v in (x, y)):
        return False
    coarse, fine = (x, y) if _last_place(x) > _last_place(y) else (y, x)
    place = _last_place(coarse)
    if place <= _last_place(fine):
        return False
    cut = math.floor(fine / place) if bound == "at_least" else math.ceil(fine / place)
    return math.isclose(cut * place, coarse)


def _scale_slip(x: float, y: float) -> bool:
    """Whether two figures have the same digits a thousand times or more apart ("₹1.5 lakh crore"
    read without its crore against "1.5 trillion rupees", "$1.2m" against "$1.2bn"): one figure
    told at two scales, or a scale read wrong, far more often than two figures a report pair
    disagrees on."""
    small, big = sorted((abs(x), abs(y)))
    if small == 0:
        return False
    power = math.log10(big / small)
    return round(power) >= 3 and abs(power - round(power)) < 1e-9


def _same_bound_words(a: dict, b: dict) -> bool:
    """Whether two figures are bounds of one side told in the same words before their digits
    ("at least 23" and "at least 24", "more than 500" and "more than 600", "at least another
    three weeks" and "at least four more weeks"); not "more than 20" and "at least 21", which
    may be one figure."""
    if a.get("bound") != b.get("bound") or a.get("bound") not in ("at_least", "at_most"):
        return False
    words_a, words_b = _bound_words(a["text"]), _bound_words(b["text"])
    return bool(words_a) and words_a == words_b


def _bound_words(text: str) -> str:
    """The words before a figure's first number, in digits or in words, without a word saying
    it comes on top (_ADDED): "at least" of "at least another three weeks"."""
    words = []
    number_words = get_language("en").NUMBER_WORDS
    for word in text.lower().split():
        if re.match(r"\W?\d", word) or word.strip(",.") in number_words:  # "23", "£5m", "three"
            return _ADDED.sub("", " ".join(words))
        if not word.isalpha():
            return ""
        words.append(word)
    return ""


# A word after a bound that says the figure comes on top of what was before ("at least another
# three weeks", "at least four more weeks"): the bound is the same.
_ADDED = re.compile(r"\s+(?:another|a further|further|an additional|additional|an extra|extra)$")


def part_and_whole(a: dict, b: dict) -> bool:
    """Whether two counts are so far apart that one counts a part of what the other counts whole
    (PART_OF_WHOLE): then they do not disagree."""
    if a["kind"] != "count" or b["kind"] != "count":
        return False
    small, big = sorted((abs(a["value"]), abs(b["value"])))
    return small > 0 and big > PART_OF_WHOLE * small


def _given_elsewhere(figure: dict, numbers: list[dict]) -> bool:
    """Whether the other side's figures in the claim hold figure's value, as any figure of its kind:
    as a count of nothing named ("took two wickets ..., whose four for 78" against "four
    wickets"), as a figure set against ("eased to 21.8 percent from 23.1 percent" against "23.1
    percent"), or in a role the parse told apart from this one ("rose 0.3% from August and 3.6%
    from a year earlier" against "grew 3.6 percent"). The two reports may well agree: no conflict
    is claimed."""
    return any(n["kind"] == figure["kind"] and n["value"] == figure["value"] for n in numbers)


@dataclass(frozen=True)
class Country:
    """A sentence names this country (an ISO 3166 code)."""

    code: str


@dataclass(frozen=True)
class InCountry:
    """A sentence names a town, province or state that lies in this country, as far as the
    gazetteer knows (a name some countries share gives one of these for each)."""

    code: str


def places_meet(where_a: set, where_b: set) -> bool:
    """Whether two sentences name a place in common: the same place (its key), one whose name
    is the start of the other's ("Daejeon" / "Daejeon Station": the station is in the city),
    or a country and a town or province in it ("Pakistan" / "Lahore"). Word by word, so
    "Washington" does not meet "Washingtonville"; two towns of one country do not meet."""
    if {w for w in where_a if not isinstance(w, InCountry)} & where_b:
        return True
    words_a = [w for w in where_a if isinstance(w, tuple)]
    words_b = [w for w in where_b if isinstance(w, tuple)]
    if any(
        short == long[: len(short)]
        for a in words_a
        for b in words_b
        for short, long in [sorted((a, b), key=len)]
    ):
        return True
    return any(
        InCountry(country.code) in within
        for countries, within in ((where_a, where_b), (where_b, where_a))
        for country in countries
        if isinstance(country, Country)
    )


def same_countries(where_a: set, where_b: set) -> bool:
    """Whether two sentences' figures count over the same countries, as far as their places
    tell: not when one names a country the other's places are not in ("more than 1,000 people
    in Mozambique, Zimbabwe and Malawi" / "more than 600 people in Mozambique": two tolls of two
    scopes). A town several countries have a town of may be in any of them."""
    named_a = {w.code for w in where_a if isinstance(w, Country)}
    named_b = {w.code for w in where_b if isinstance(w, Country)}
    within_a = named_a | {w.code for w in where_a if isinstance(w, InCountry)}
    within_b = named_b | {w.code for w in where_b if isinstance(w, InCountry)}
    if named_a and named_b:
        return named_a == named_b
    if named_a and within_b:
        return named_a <= within_b
    if named_b and within_a:
        return named_b <= within_a
    return True


# A running total told as of a time ("more than 1,200 earthquakes by midnight", "230 oiled birds
# by Tuesday evening"): two such totals as of two times both hold.
_AS_OF = re.compile(
    r"\bby\s+((?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?(?:midnight|noon|midday|dawn|dusk|nightfall"
    r"|(?:this|last|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?:\s+\d{1,2})?|\d{4}))",
    re.IGNORECASE,
)


def _as_of(sentences: list[dict], ids: set[int]) -> set[str]:
    """The times the sentences tell their figures as of ("by midnight"), lower-cased."""
    return {
        found.group(1).lower()
        for i in ids
        if 0 <= i < len(sentences)
        for found in _AS_OF.finditer(sentences[i]["text"])
    }


def number_conflicts(
    rows: list[dict],
    numbers_a: list[dict],
    numbers_b: list[dict],
    places: tuple[dict[int, set], dict[int, set]] = ({}, {}),
    sentences: tuple[list[dict], list[dict]] = ([], []),
    people: frozenset[str] = frozenset(),
) -> list[dict]:
    """Figures that disagree inside one claim both reports make.

    Only matched rows, the same claim or a related one (the matcher calls two sentences that
    differ in the figure they give related as often as the same: "Turnout was 31.4%" / "Turnout
    slumped to 34.1%"; on the annotated pairs related rows added two true conflicts and no false
    one); only figures of the same kind measuring the same thing
    in the same role (references left out, a change against a change, a margin against a margin:
    _comparable);
    not two counts so far apart that one is a part of the other's whole (part_and_whole);
    only when each side gives one such figure, or the two about the same thing face each other
    (_facing: otherwise which is set against which cannot be told), and not when the other side
    gives the same value anywhere in the claim (_given_elsewhere); ranges ("about", "more than")
    conflict only when they cannot overlap. Not when the two sentences name places and no place
    in common (places: what each sentence of A and of B names, linked across the reports; see
    places_meet): "157 killed" near Addis Ababa and "189 killed" off Indonesia are two crashes,
    however alike the sentences read; nor when one names a country the other's places are not in
    (same_countries): a toll over three countries is not a toll over one. Not two running totals
    told as of two times ("by midnight" / "by Wednesday afternoon"; sentences: the two reports'
    sentences), nor figures told of two people (their clauses' subjects two words of the reports'
    people's names, `people`: "Kuipers was third, a further eight seconds back" / "Ashby-Reid was
    second, 18 seconds behind").
    """
    numbers_a, numbers_b = one_currency(numbers_a, numbers_b)
    by_sentence_a, by_sentence_b = defaultdict(list), defaultdict(list)
    for n in numbers_a:
        by_sentence_a[n["sentence"]].append(n)
    for n in numbers_b:
        by_sentence_b[n["sentence"]].append(n)
    conflicts = []
    for row in rows:
        if row["kind"] != "match":
            continue
        row_a = [n for i in row["a"] for n in by_sentence_a[i]]
        row_b = [n for j in row["b"] for n in by_sentence_b[j]]
        groups_a, groups_b = _comparable(row_a), _comparable(row_b)
        found: dict[tuple[str, str, str], dict] = {}
        for measure in sorted(groups_a.keys() & groups_b.keys()):
            facing = _facing(groups_a[measure], groups_b[measure])
            if facing is None:
                continue
            figure_a, figure_b = facing
            side_a = [n for n in groups_a[measure] if n["value"] == figure_a["value"]]
            side_b = [n for n in groups_b[measure] if n["value"] == figure_b["value"]]
            if not _conflict(figure_a, figure_b) or part_and_whole(figure_a, figure_b):
                continue
            if _parts_make_it(groups_a[measure], figure_b) or _parts_make_it(groups_b[measure], figure_a):
                continue
            if _two_doings(figure_a, figure_b):
                continue
            if _given_elsewhere(figure_b, row_a) or _given_elsewhere(figure_a, row_b):
                continue
            if _kept_apart(figure_a, figure_b, (side_a, side_b), places, sentences, people):
                continue
            found[measure] = _conflict_item(measure, side_a, side_b)
        conflicts += _tallies_as_one(found)
    return conflicts


def _parts_make_it(parts: list[dict], whole: dict) -> bool:
    """Whether one side's several figures of a measure add up to the other side's one: a breakdown
    and its total ("the committee spent about $4.2 million, and Democratic groups about $3
    million" / "outside groups poured more than $7 million"), not a disagreement."""
    values = {n["value"] for n in parts}
    if len(values) < 2 or not all(isinstance(v, int | float) for v in values):
        return False
    allowed = figure_range(whole)
    if allowed is None:
        return False
    total = sum(values)
    slack = ABOUT * abs(total)  # the parts are often rounded ("about $3 million")
    return allowed[0] - slack <= total <= allowed[1] + slack


def _two_doings(a: dict, b: dict) -> bool:
    """Whether two dates date two different doings: "hold rates steady at its next meeting, in
    late January" and "began cutting in September" (their clauses' verbs share no word). A date
    both report of one happening hangs on one verb, or on a verb the parse did not find."""
    if a["kind"] != "date" or not a.get("verb") or not b.get("verb"):
        return False
    return not set(a["verb"].split()) & set(b["verb"].split())


def _tallies_as_one(found: dict[tuple[str, str, str], dict]) -> list[dict]:
    """The conflicts of one row, a vote's tally given two other counts ("by six votes to three"
    / "voting seven to two") as one conflict of both counts: one figure, the tally, told two
    ways, not two disagreements (the second count is the first's other side)."""
    out = dict(found)
    for (kind, measure, role), second in found.items():
        first = out.get((kind, measure, ""))
        if role == "tally_second" and first is not None:
            out[(kind, measure, "")] = {**first, "a": first["a"] + second["a"], "b": first["b"] + second["b"]}
            del out[(kind, measure, role)]
    return list(out.values())


def _conflict_item(measure: tuple[str, str, str], side_a: list[dict], side_b: list[dict]) -> dict:
    return {
        "kind": measure[0],
        "unit": measure[1],
        "a": [n["text"] for n in side_a],
        "b": [n["text"] for n in side_b],
        "a_sentences": sorted({n["sentence"] for n in side_a}),
        "b_sentences": sorted({n["sentence"] for n in side_b}),
    }


def _kept_apart(
    figure_a: dict,
    figure_b: dict,
    sides: tuple[list[dict], list[dict]],
    places: tuple[dict[int, set], dict[int, set]],
    sentences: tuple[list[dict], list[dict]],
    people: frozenset[str],
) -> bool:
    """Whether two disagreeing figures are told of two things after all: of two people, as of two
    times, over two places or two sets of countries (see number_conflicts)."""
    anchor_a, anchor_b = figure_a.get("anchor", ""), figure_b.get("anchor", "")
    if anchor_a != anchor_b and anchor_a in people and anchor_b in people:
        return True
    side_a, side_b = sides
    times_a = _as_of(sentences[0], {n["sentence"] for n in side_a})
    times_b = _as_of(sentences[1], {n["sentence"] for n in side_b})
    if times_a and times_b and times_a != times_b:
        return True
    where_a = set().union(*(places[0].get(n["sentence"], set()) for n in side_a))
    where_b = set().union(*(places[1].get(n["sentence"], set()) for n in side_b))
    return bool(
        where_a and where_b and not (places_meet(where_a, where_b) and same_countries(where_a, where_b))
    )


def one_currency(numbers_a: list[dict], numbers_b: list[dict]) -> tuple[list[dict], list[dict]]:
    """Both reports' figures, an amount in a currency name several currencies share ("53 billion
    dirhams") given the one currency of them the reports write by its code ("MAD 61 billion"),
    so that the two face each other; left as it is when the reports name none or two of them."""
    codes = {n["unit"] for n in (*numbers_a, *numbers_b) if n["kind"] == "amount"}

    def named(number: dict) -> dict:
        meant = codes_of_word(number["unit"]) & codes if number["kind"] == "amount" else set()
        if len(meant) != 1:
            return number
        code, word = next(iter(meant)), number["unit"]
        measure = number.get("measure") or word
        return {**number, "unit": code, "measure": code + measure.removeprefix(word)}

    return [named(n) for n in numbers_a], [named(n) for n in numbers_b]


# Kinds of figures not set against each other across sentences the alignment did not pair: a
# report dates and times several happenings, and a score is a match's own.
_NOT_CROSSED = frozenset({"date", "time", "score"})


def crossed_conflicts(
    rows: list[dict],
    numbers_a: list[dict],
    numbers_b: list[dict],
    places: tuple[dict[int, set], dict[int, set]] = ({}, {}),
    sentences: tuple[list[dict], list[dict]] = ([], []),
    people: frozenset[str] = frozenset(),
    entities: tuple[list[dict], list[dict]] = ([], []),
    language: str = "en",
) -> list[dict]:
    """Figures that disagree in two sentences no row pairs, each telling one doer doing one
    thing: the alignment leaves many such pairs apart ("Jurors deliberated for about nine
    hours over two days before returning the verdict" / "... stood stone-faced as the verdict
    was read on Thursday after a jury deliberated for just six hours"), and the figure is the
    very thing the reports disagree on. Set against each other only when the two figures
    measure one thing (as number_conflicts: kind, measure, role), their clauses' verbs are one
    ("deliberate"; "licensed to carry" is not "carrying") and their subjects one (_subjects_meet),
    neither report gives the other's value of that measure anywhere, neither figure has another
    such partner, no guard of number_conflicts keeps them apart and the sentences do not tell
    of two times (_told_apart). Dates, times and scores are left out. Session 21 tried this on closeness of meaning alone and got three false conflicts
    of eight (eval/compare/RESULTS.md): the verb and the subject are what says "one claim" here."""
    lang = get_language(language)
    numbers_a, numbers_b = one_currency(numbers_a, numbers_b)
    together = {
        (i, j) for row in rows if row["kind"] in ("match", "moved_b") for i in row["a"] for j in row["b"]
    }
    groups_a, groups_b = _comparable(numbers_a), _comparable(numbers_b)
    found: list[tuple[tuple[str, str, str], dict, dict]] = []
    for measure in groups_a.keys() & groups_b.keys():
        if measure[0] in _NOT_CROSSED:
            continue
        for x in groups_a[measure]:
            for y in groups_b[measure]:
                if (x["sentence"], y["sentence"]) in together or not _one_doing(x, y, lang):
                    continue
                if not _subjects_meet(x, y, entities, lang):
                    continue
                if not _conflict(x, y) or part_and_whole(x, y):
                    continue
                if _given_elsewhere(y, groups_a[measure]) or _given_elsewhere(x, groups_b[measure]):
                    continue
                if _kept_apart(x, y, ([x], [y]), places, sentences, people):
                    continue
                if _told_apart(x, y, numbers_a, numbers_b, sentences):
                    continue
                found.append((measure, x, y))
    uses = Counter(id(n) for _, x, y in found for n in (x, y))
    return [_conflict_item(measure, [x], [y]) for measure, x, y in found if uses[id(x)] == uses[id(y)] == 1]


def _one_doing(x: dict, y: dict, lang) -> bool:
    """Whether two figures' clauses tell one doing: the same verb ("deliberate"), or, for two
    changes, two verbs of a quantity moving the same way ("the peso weakened 1.8%" / "the peso
    plunged 2.4%": lang.MOVING_DOWN); never a denied verb against another."""
    verb_x, verb_y = x.get("verb", ""), y.get("verb", "")
    if not verb_x or not verb_y:
        return False
    if verb_x == verb_y:
        return True
    if x.get("role") != "change" or y.get("role") != "change":
        return False
    return any(verb_x in way and verb_y in way for way in (lang.MOVING_UP, lang.MOVING_DOWN))


def _told_apart(
    x: dict, y: dict, numbers_a: list[dict], numbers_b: list[dict], sentences: tuple[list[dict], list[dict]]
) -> bool:
    """Whether two sentences tell of two happenings by their times: one done and one ahead
    ("cut 200 jobs" / "will cut 300 jobs": the reading's "time" of a sentence), or dated on two
    days that differ ("killed on March 3" / "killed on March 9"; two weekdays too: "fell 1.8% on
    Monday" / "fell 2.4% on Tuesday", which no row pairs, are two days' moves)."""
    i, j = x["sentence"], y["sentence"]
    if i < len(sentences[0]) and j < len(sentences[1]):
        time_a, time_b = sentences[0][i].get("time"), sentences[1][j].get("time")
        if time_a and time_b and time_a != time_b:
            return True
    dates_a = [str(n["value"]) for n in numbers_a if n["sentence"] == i and n["kind"] == "date"]
    dates_b = [str(n["value"]) for n in numbers_b if n["sentence"] == j and n["kind"] == "date"]
    days_a = {d for d in dates_a if d.startswith("w=")}
    days_b = {d for d in dates_b if d.startswith("w=")}
    if days_a and days_b and not days_a & days_b:
        return True
    return bool(dates_a and dates_b) and all(_dates_differ(a, b) for a in dates_a for b in dates_b)


def _subjects_meet(x: dict, y: dict, entities: tuple[list[dict], list[dict]], lang) -> bool:
    """Whether two figures' clauses have one subject: the same word ("jury"; "=", the figures'
    own phrases: "Seventeen people were taken to hospitals" / "Fourteen people were taken"),
    the same entity under two names ("The International Federation of Red Cross and Red
    Crescent Societies" / "The IFRC"), or an organisation named on one side and a noun for a
    body on the other ("Pennine has 28 days to pay" / "The firm has 21 days")."""
    subject_x, subject_y = x.get("subject", ""), y.get("subject", "")
    if not subject_x or not subject_y:
        return False
    if subject_x == subject_y:
        return True
    entity_x = _entity_at(entities[0], x.get("subject_at", -1))
    entity_y = _entity_at(entities[1], y.get("subject_at", -1))
    if entity_x is not None and entity_y is not None:
        return entity_x["key"] == entity_y["key"]
    if _named_by(entity_x, subject_y) or _named_by(entity_y, subject_x):
        return True  # "The IFRC", which the other side's reading gives as the long name's short form
    body_x = entity_x is not None and entity_x["kind"] == ORGANISATION
    body_y = entity_y is not None and entity_y["kind"] == ORGANISATION
    return (body_x and entity_y is None and subject_y in lang.BODY_NOUNS) or (
        body_y and entity_x is None and subject_x in lang.BODY_NOUNS
    )


def _named_by(entity: dict | None, word: str) -> bool:
    """Whether a word is one of the names an entity goes by in its report ("ifrc")."""
    return entity is not None and word in {
        v.lower()
        for v in (*entity.get("variants", []), *(m.get("text", "") for m in entity.get("mentions", [])))
    }


def _entity_at(entities: list[dict], at: int) -> dict | None:
    if at < 0:
        return None
    return next(
        (e for e in entities for m in e.get("mentions", []) if m["start"] <= at < m["end"]),
        None,
    )


def word_diff(text_a: str, text_b: str, language: str = "en") -> tuple[list[list[str]], list[list[str]]]:
    """Both texts cut into [op, text] parts: "same", or "del" (only in A) / "ins" (only in B)."""
    if text_a == text_b:
        return [["same", text_a]], [["same", text_b]]
    lang = get_language(language)
    tokens_a = DIFF_TOKEN.findall(text_a)
    tokens_b = DIFF_TOKEN.findall(text_b)
    keys_a = [diff_key(t, lang) for t in tokens_a]
    keys_b = [diff_key(t, lang) for t in tokens_b]
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    parts_a: list[list[str]] = []
    parts_b: list[list[str]] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            _push(parts_a, "same", tokens_a[a0:a1])
            _push(parts_b, "same", tokens_b[b0:b1])
        else:
            _push(parts_a, "del", tokens_a[a0:a1])
            _push(parts_b, "ins", tokens_b[b0:b1])
    return parts_a, parts_b


def _push(parts: list[list[str]], op: str, tokens: list[str]) -> None:
    text = "".join(tokens)
    if not text:
        return
    if op != "same" and not text.strip():
        op = "same"  # white space alone is no difference worth marking
    if parts and parts[-1][0] == op:
        parts[-1][1] += text
    else:
        parts.append([op, text])


def headline_summary(title_a: str, title_b: str, language: str = "en") -> dict:
    parts_a, parts_b = word_diff(title_a, title_b, language)
    words_a = set(content_tokens(title_a, language))
    words_b = set(content_tokens(title_b, language))
    union = words_a | words_b
    return {
        "a": title_a,
        "b": title_b,
        "a_parts": parts_a,
        "b_parts": parts_b,
        "score": round(len(words_a & words_b) / len(union), 3) if union else 1.0,
    }
