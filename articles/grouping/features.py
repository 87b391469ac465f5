"""What grouping knows about one report: weighted terms, two-word phrases and names.

Plain Python over strings; no Django. The features are stored per report (as JSON)
so that regrouping never re-reads the text.
"""

import functools
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from ..spelling import name_key
from .lexicon import STOPWORDS, WEEKDAYS
from .meaning import Meaning, meaning_of
from .names import extract_names, headline_names, name_weights

_READ_KINDS = ("person", "organisation", "place")

# Words in the headline say what the story is about: they count this many times.
HEADLINE_BOOST = 2.0
# The opening sentences carry the news in most reports ("inverted pyramid").
LEAD_CHARS = 600
LEAD_BOOST = 1.5
# Below this many body words a report is "short": it joins only on strong evidence. A headline
# and a sentence or two: an aggregator's or a front page's opening paragraph of 25 to 40 words
# names the happening as well as a full report's lead does. At 40, heldout_h (61 of 100 reports
# opening paragraphs only) left 21 reports for review and scored pairwise F1 0.466 dated; at 20,
# none, 0.701 (precision 0.944 -> 0.953); heldout_f (three reports under 40 words) 0.937 -> 0.969
# dated, 0.883 -> 0.929 undated; no other corpus holds a report under 40 words.
SHORT_REPORT_WORDS = 20
# Cap per report, keeping the heaviest; keeps stored features and scoring cost bounded.
MAX_TERMS = 400
MIN_PHRASE_COUNT = 2.0
MAX_NAMES = 60

# Words, and numbers with their decimals and thousands ("4.75", "412,000" -> "412000"):
# figures are among the most event-specific details a report carries.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[a-z0-9]+(?:['\u2019][a-z]+)?")
# A day named in the headline or lead: the day of the happening, as reports tell it.
_DAY = re.compile(r"\b(" + "|".join([*WEEKDAYS, "weekend"]) + r")\b")
# "DUBAI (Northwire) -": the agency in a wire dateline is who filed the story, not part of
# it; every report it files would share its name. The place stays.
_DATELINE_AGENCY = re.compile(
    r"^(\s*[A-Z][A-Z .'/-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30}?\.?(?:\s+\d{1,2})?)?)\s*\([A-Za-z][A-Za-z .&'-]{1,40}\)(?=\s*[-\u2013\u2014:])"
)
# A lead's "after ..." clause up to the next clause break: "resigned on Wednesday, a day
# after leaked documents suggested...". It recaps what came before (the allegations, the
# crash), which the earlier happening's reports tell in their leads too; boosted, it pulls a
# follow-up into the event it follows. A decimal point or thousands comma is no break.
_CONTEXT = re.compile(r"\b(?:after|following|in the wake of)\b(?:[^.,;:!?\n]|[.,](?=\d))*", re.I)
# Clause breaks; a full stop or comma inside a number ("4.75", "412,000") is not one.
_SPLIT = re.compile(r"(?<!\d)[.,](?!\d)|[!?;:\n\"“”()\[\]]")


def fold(text: str) -> str:
    """Lower case without accents: "Zürich" -> "zurich"."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """A light, predictable stemmer: British/American -ise/-ize, plurals, -ing, -ed.

    "denuclearisation" and "denuclearization" both become "denuclearizat"; "summits"
    becomes "summit". Deliberately conservative: wrong merges cost more than misses.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    for british, american in (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes")):
        if word.endswith(british) and len(word) > len(british) + 2:
            word = word[: -len(british)] + american
            break
    if word.endswith("ise") and len(word) > 6:
        word = word[:-3] + "ize"
    for suffix, replacement in (
        ("ization", "izat"),
        ("ations", "at"),
        ("ation", "at"),
        ("ies", "y"),
        ("sses", "ss"),
        ("ness", ""),
        ("ments", "ment"),
        ("ings", ""),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: -len(suffix)] + replacement
    return word


def tokens(text: str, surfaces: dict[str, str] | None = None) -> list[str | None]:
    """Stemmed content words in order; None marks a stopword or punctuation break.

    The breaks stop two-word phrases from spanning "the" or a full stop.
    """
    out: list[str | None] = []
    known = _WORDS
    if len(known) > _WORDS_KEPT:
        known.clear()
    for clause in _SPLIT.split(fold(text)):
        for raw in _TOKEN.findall(clause):
            entry = known.get(raw)
            if entry is None:
                entry = known[raw] = _word(raw)
            word, surface = entry
            if surface is not None and surfaces is not None and word not in surfaces:
                surfaces[word] = surface
            out.append(word)
        out.append(None)
    return out


# raw token -> (word or None, the readable form when it differs from the word). Tokenising
# is the bulk of feature extraction and of summaries; news vocabulary repeats, so each
# distinct token is analysed once. Bounded: cleared when it grows past _WORDS_KEPT.
_WORDS: dict[str, tuple[str | None, str | None]] = {}
_WORDS_KEPT = 1 << 18


def _word(raw: str) -> tuple[str | None, str | None]:
    if raw[0].isdigit():
        return _number(raw), None
    raw = raw.replace("\u2019", "'")
    if raw.endswith("'s"):
        raw = raw[:-2]
    if raw in STOPWORDS or len(raw) < 2 or (raw.isdigit() and len(raw) != 4):
        return None, None
    word = stem(raw)
    if word in STOPWORDS:
        return None, None
    return word, (raw if word != raw else None)


def _number(raw: str) -> str | None:
    """ "412,000" -> "412000", "4.75%" stays; one-digit numbers say little."""
    number = re.sub(r",(?=\d{3}\b)", "", raw).rstrip(".,")
    return number if len(number.rstrip("%")) >= 2 else None


def _add_terms(counts: dict[str, float], text: str, weight: float, surfaces: dict[str, str]) -> None:
    words = tokens(text, surfaces)
    previous: str | None = None
    for word in words:
        if word is not None:
            counts[word] = counts.get(word, 0.0) + weight
            if previous is not None and previous != word:
                phrase = f"{previous} {word}"
                counts[phrase] = counts.get(phrase, 0.0) + weight
        previous = word


@dataclass(slots=True)
class ReportFeatures:
    """Sublinear term weights (words and two-word phrases), name weights and labels."""

    terms: dict[str, float]
    names: dict[str, float]
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)
    # A readable word for each stemmed term that differs from its stem ("summit" needs none).
    surfaces: dict[str, str] = field(default_factory=dict)
    published_at: datetime | None = None
    short: bool = False
    # The outlet (Source id): not part of the text, set by whoever loads the report.
    outlet: int | None = None
    # Weekdays named in the headline and lead (day_cues): a weak time cue when undated.
    days: list[str] = field(default_factory=list)
    # Headline-and-lead and whole-text meaning vectors (meaning.py); None until read.
    meaning: Meaning | None = None
    # Vote counts stated in the headline and lead, from the reading (vote_tallies): "110-116".
    tallies: list[str] = field(default_factory=list)
    # New values of a rate or level stated in the headline and lead (new_levels): "2.75%".
    levels: list[str] = field(default_factory=list)
    # Stages of a court case or a two-round election the headline tells (stages): "bail".
    stages: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        data = {
            "t": self.terms,
            "n": self.names,
            "l": {k: list(v) for k, v in self.labels.items()},
            "s": self.short,
            "u": self.surfaces,
        }
        if self.days:
            data["d"] = self.days
        if self.meaning is not None:
            data["v"] = self.meaning.to_json()
        if self.tallies:
            data["y"] = self.tallies
        if self.levels:
            data["r"] = self.levels
        if self.stages:
            data["g"] = self.stages
        return data

    @classmethod
    def from_json(cls, data: dict, published_at: datetime | None) -> "ReportFeatures":
        return cls(
            terms=data["t"],
            names=data["n"],
            labels={k: (v[0], v[1]) for k, v in data["l"].items()},
            published_at=published_at,
            short=data["s"],
            surfaces=data.get("u", {}),
            # Features stored before day cues have none: no cue, no effect.
            days=data.get("d", []),
            # Features stored before meaning vectors have none: scored on words alone.
            meaning=Meaning.from_json(data.get("v")),
            # Features stored before vote tallies have none: no cue, no effect.
            tallies=data.get("y", []),
            # Features stored before new levels have none: no cue, no effect.
            levels=data.get("r", []),
            # Features stored before stages have none: no cue, no effect.
            stages=data.get("g", []),
        )


def day_cues(text: str) -> list[str]:
    """The weekdays a text names, in week order: "voted late on Tuesday" -> ["tuesday"];
    "over the weekend" names Saturday and Sunday."""
    found = set(_DAY.findall(fold(text)))
    if "weekend" in found:
        found |= {"saturday", "sunday"}
    return [day for day in WEEKDAYS if day in found]


def vote_tallies(reading: dict | None, lead_chars: int = LEAD_CHARS) -> list[str]:
    """The vote counts the headline and lead state, as the reading layer read them (a figure
    with the role "tally_second" and the vote count before it: "rejected the deal by 432
    votes to 202"), each as "smaller-larger", sorted: ["202-432"]. Which side won is not
    kept: reports word it both ways ("116 to 110 against", "110 votes to 116"). A count
    counts when its first figure starts in the lead; a reading without numbers (none yet, or
    stored before tallies were read) states none."""
    if not reading:
        return []
    found: set[str] = set()
    for numbers, in_lead in (
        (reading.get("title_numbers") or [], lambda start: True),
        (reading.get("numbers") or [], lambda start: start < lead_chars),
    ):
        for first, second in itertools.pairwise(numbers):
            if (
                second.get("role") == "tally_second"
                and first.get("measure") == "vote"
                and first.get("role") != "tally_second"
                and first.get("sentence") == second.get("sentence")
                and in_lead(first.get("start", lead_chars))
            ):
                counts = sorted(int(number["value"]) for number in (first, second))
                found.add(f"{counts[0]}-{counts[1]}")
    return sorted(found, key=lambda tally: [int(count) for count in tally.split("-")])


# The words just before a percentage that make it the new value of what moved: "cut the cash rate
# to 2.75%", "to a target range of 1.75% to 2%", "lifts the levy to just 45 per cent". Not a
# range's second figure ("from 2 to 2.25 per cent": the figure before "to" is the range's start)
# nor a bound ("up to 30 per cent").
_NEW_LEVEL_BEFORE = re.compile(
    r"(?<!\bup)\s+to\s+(?:an?\s+(?:new\s+|record\s+)?(?:\w+\s+)?range\s+of\s+|just\s+|only\s+)?$",
    re.IGNORECASE,
)
_RANGE_START = re.compile(r"\d\s*(?:%|per\s*cent|percent)?\s+to\s+$", re.IGNORECASE)


def new_levels(title: str, body: str, reading: dict | None, lead_chars: int = LEAD_CHARS) -> list[str]:
    """The new values the headline and lead give a rate or level, as "2.75%", sorted: a
    percentage the reading read as a level (role "", not a change, a reference or a margin)
    right after "to" ("lowered the official cash rate to 2.75% from 3.25%": ["2.75%"]). Every
    report of a rate decision gives the rate it was set to; the saga's next decision sets
    another. body: the text the reading's offsets count in (the report's body as stored)."""
    if not reading:
        return []
    found: set[float] = set()
    for numbers, text, in_lead in (
        (reading.get("title_numbers") or [], title, lambda start: True),
        (reading.get("numbers") or [], body, lambda start: start < lead_chars),
    ):
        for number in numbers:
            value, start = number.get("value"), number.get("start", lead_chars)
            if number.get("kind") != "percent" or number.get("role") or not isinstance(value, (int, float)):
                continue
            before = text[max(0, start - 40) : start]
            if in_lead(start) and _NEW_LEVEL_BEFORE.search(before) and not _RANGE_START.search(before):
                found.add(round(float(value), 2))
    return [f"{value:g}%" for value in sorted(found)]


# The stages of the sagas that news follows step by step, each a closed class of the words a
# headline tells it with. A court case: the arrest, the charge, bail, the verdict, the sentence
# ("Chip boss collared at Dublin Airport", "charged with bribery", "freed on EUR 2m bail",
# "found guilty of fraud", "jailed for seven years"). A two-round election: the first round
# ("leads first round", "head for presidential runoff", "far right makes the runoff") and the
# result ("wins the presidency", "president-elect"). A bill: the chamber's vote ("Senate passes",
# "parliament adopts") and the head of state's signature or veto. An offer (a bid, a deal, a
# plan put to a board or a vote): rejected ("rebuffs", "says no to") or accepted ("agrees",
# "recommends", "wins board backing"). A bare "runoff" or "second round" names no stage: the
# first round's headlines announce it too. A headline may tell two stages ("arrested and
# charged", "wins bail after arrest"): it then shares a stage with either happening.
_STAGE_WORDS = {
    # Remand is left out: before the charge in some countries (Malaysia's five-day remand to
    # investigate), after it in others (the UK's "remanded in custody" at the first hearing).
    "accused": r"(?:re-?)?arrest(?:s|ed|ing)?|detain(?:s|ed)?|detention|custody|nabbed|collared",
    "charged": r"charged|charges|indicted|indictment|arraigned|arraignment"
    r"|plead(?:s|ed)?\s+not\s+guilty|pled\s+not\s+guilty|claims?\s+trial|claimed\s+trial",
    # Bail refused keeps the accused in custody: the first hearing after the charge, often the
    # charge's own day, so it tells no stage of its own. A bail-out is no bail.
    "bail": r"(?<!refused )(?<!refuses )(?<!denied )(?<!denies )(?<!no )bail(?:ed|s)?(?!\s*-?\s*out)",
    # "Pleads not guilty" is the charge's hearing, not a verdict.
    "verdict": r"(?<!plead not )(?<!pleads not )(?<!pleaded not )(?<!pled not )guilty"
    r"|convict(?:s|ed)?|conviction|acquit(?:s|ted)?|acquittal",
    "sentence": r"sentenced|sentencing|jailed|jails|imprisoned",
    "first round": r"first[- ]round"
    r"|(?:heads?|headed|heading|go(?:es)?|going|sends?|sent|forced?)\s+(?:[\w'-]+\s+){0,4}?(?:for|to|into)"
    r"\s+(?:an?\s+|the\s+)?(?:presidential\s+)?(?:runoff|run-off|second\s+round)"
    r"|(?:makes?|made|making|reach(?:es|ed)?|enters?|entered|advances?\s+to|advanced\s+to"
    r"|qualif(?:y|ies|ied)\s+for|through\s+to)\s+(?:[\w'-]+\s+){0,3}?(?:runoff|run-off|second\s+round)",
    "election result": r"president-elect|elected\s+president"
    r"|wins?\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:presidency|runoff|run-off|second\s+round|presidential\s+election)",
    "passed": r"pass(?:es|ed)?|approv(?:e|es|ed)|adopts?|adopted|clears|cleared",
    "signed": r"signs|signed|signature|veto(?:es|ed)?",
    "rejected": r"reject(?:s|ed)?|rebuff(?:s|ed)?|spurn(?:s|ed)?|says\s+no|said\s+no|turns?\s+down|turned\s+down",
    "accepted": r"accept(?:s|ed)?|agrees?|agreed|recommend(?:s|ed)?|board\s+backing",
    # A nomination to an office that a chamber confirms: the pick, the confirmation hearing, the
    # committee's vote, the chamber's confirmation (and the swearing-in, that day), or the pick
    # withdrawn. Each step is a day or more after the last, the same nominee, senators and
    # committee in every report, and each step's reports recap the earlier ones in their leads.
    # "Names" is left out (a deputy named acting chief is no nomination); a bare "hearing" too
    # (a court's); a bare "confirms" too ("confirms the death toll"): confirmed "as" the office.
    "nominated": r"nominat(?:es|ed)|picks|picked|taps|tapped",
    "hearing": r"confirmation\s+hearing"
    r"|(?:nominee|nomination|general|secretary|director|commissioner|ambassador|judiciary)'?s?\s+hearing",
    "committee vote": r"(?:panel|committee)\s+(?:[\w'-]+\s+){0,2}?(?:advances|backs|approves|endorses|clears|sends)"
    r"|advances\s+(?:[\w'-]+\s+){0,3}?nomination|sends\s+(?:[\w'-]+\s+){0,3}?to\s+(?:the\s+)?(?:senate\s+)?floor",
    "confirmed": r"confirm(?:s|ed)\s+(?:[\w'.-]+\s+){0,4}?as|confirmed(?=\s*:)|is\s+confirmed|sworn\s+in",
    "withdrawn": r"withdraw(?:s|n)?\s+(?:[\w'-]+\s+){0,3}?(?:nomination|nominee)|nomination\s+(?:is\s+)?withdrawn"
    r"|steps?\s+aside|stepping\s+aside|pulls?\s+(?:[\w'-]+\s+){0,3}?nomination",
}
_STAGES = [(stage, re.compile(rf"\b(?:{words})\b")) for stage, words in _STAGE_WORDS.items()]
# The kind of saga each stage belongs to: stages are told apart only within one kind. A court
# case's and an election's stages are told in words of their own (arrested, bail, guilty,
# runoff): a headline telling one says what happened whatever the other side's saga, so the two
# are one kind, compared with each other as before bills and offers were told. A bill's and an
# offer's are common verbs (signs, passes, agrees, rejects) that tell one happening more than one
# way ("rebels sign a ceasefire", "ceasefire agreed"): each counts only against its own kind. A
# stage stored under a name not listed here (none so far) is a kind of its own.
SAGA_OF_STAGE = {
    "accused": "court case or election",
    "charged": "court case or election",
    "bail": "court case or election",
    "verdict": "court case or election",
    "sentence": "court case or election",
    "first round": "court case or election",
    "election result": "court case or election",
    "passed": "bill",
    "signed": "bill",
    "rejected": "offer",
    "accepted": "offer",
    "nominated": "nomination",
    "hearing": "nomination",
    "committee vote": "nomination",
    "confirmed": "nomination",
    "withdrawn": "nomination",
}


def stages(title: str) -> list[str]:
    """The stages of a court case, a two-round election, a bill, an offer or a nomination a headline
    tells, in saga order:
    "Irish court grants bail to Veltris executive" -> ["bail"]. Every outlet's headline of one
    happening tells its stage (arrested / detained / nabbed; guilty / convicted); a follow-up's
    headline tells the next one, while its lead recaps the earlier: only the headline counts."""
    text = fold(title).replace("\u2019", "'")
    return [stage for stage, pattern in _STAGES if pattern.search(text)]


def heaviest(weights: dict[str, float], limit: int) -> dict[str, float]:
    """The `limit` heaviest entries, heaviest first (a report's terms, a profile's sums)."""
    if len(weights) <= limit:
        return weights
    # Only entries at least as heavy as the limit-th weight can be kept: finding that weight
    # over bare floats is cheap, and few entries are left to sort.
    cut = sorted(weights.values())[-limit]
    # Ties: single words before phrases, then alphabetical, so the result is reproducible.
    kept = sorted((-w, " " in k, k) for k, w in weights.items() if w >= cut)
    return {k: -w for w, _, k in kept[:limit]}


def _kinds_read(labels: dict[str, tuple[str, str]], reading: dict | None) -> dict[str, tuple[str, str]]:
    """Labels (key -> (surface, kind)) with the kind the reading layer gave the same name, where
    it has one: the capitalised-run rules above find the names grouping scores, but spaCy types
    them better ("Castellan Biosciences" is a company, not a person). Only "why it is here"
    shows kinds; scores do not use them."""
    if not reading:
        return labels
    read = {
        name_key(variant): entity["kind"]
        for entity in reading.get("entities") or []
        if entity.get("kind") in _READ_KINDS
        for variant in entity.get("variants") or [entity["name"]]
    }
    return {key: (surface, read.get(key, kind)) for key, (surface, kind) in labels.items()}


def extract_features(
    title: str, body: str, published_at: datetime | None = None, reading: dict | None = None
) -> ReportFeatures:
    """reading: the report's stored reading (articles.reading), for its meaning vectors, the
    kinds of its names and the vote counts its lead states."""
    levels = new_levels(title, body, reading)
    body = _DATELINE_AGENCY.sub(r"\1", body, count=1)
    counts: dict[str, float] = {}
    surfaces: dict[str, str] = {}
    for part, boost in ((title, HEADLINE_BOOST), (body[:LEAD_CHARS], LEAD_BOOST)):
        # The news keeps the boost; its "after ..." context counts as body text.
        _add_terms(counts, _CONTEXT.sub(" . ", part), boost, surfaces)
        _add_terms(counts, " . ".join(_CONTEXT.findall(part)), 1.0, surfaces)
    _add_terms(counts, body[LEAD_CHARS:], 1.0, surfaces)
    # Sublinear: the tenth "summit" says less than the first. A two-word phrase is kept
    # only when it recurs or stands in the headline ("second summit"): one-off word
    # pairs double the vector without telling events apart.
    terms = {
        term: round(1.0 + math.log(count), 4)
        for term, count in counts.items()
        if count >= MIN_PHRASE_COUNT or " " not in term
    }
    mentions = headline_names(title) * int(HEADLINE_BOOST) + extract_names(body)
    raw_names, labels = name_weights(mentions)
    names = heaviest({key: round(1.0 + math.log(c), 4) for key, c in raw_names.items()}, MAX_NAMES)
    body_words = len(body.split())
    terms = heaviest(terms, MAX_TERMS)
    return ReportFeatures(
        terms=terms,
        names=names,
        labels=_kinds_read({k: labels[k] for k in names}, reading),
        published_at=published_at,
        short=body_words < SHORT_REPORT_WORDS,
        surfaces={stem_: raw for stem_, raw in surfaces.items() if stem_ in terms},
        days=day_cues(f"{title}\n{body[:LEAD_CHARS]}"),
        meaning=meaning_of(reading, title),
        tallies=vote_tallies(reading),
        levels=levels,
        stages=stages(title),
    )
