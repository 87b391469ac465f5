"""An event's title and summary, chosen from its reports' own text (never written anew).

Both start from the report most central to the event: the one whose headline is closest in
meaning (title vectors from the reading layer, else shared content words) to the other
reports' headlines, and whose terms are closest to the event's centroid.

Title: that report's headline, unless it shouts or frames ("'Jail!' Trump slams 'crooked'
aide", "Trump CAVES"): then the most central headline that does neither, if there is one.
Summary: whole sentences from the start of the most central report's lead, its dateline
removed, never opening with a conjunction or a quotation mark; from a report that neither
shouts nor frames in its headline or lead when there is one.

Everything depends on the membership alone (no corpus statistics), so regrouping and
incremental assignment give the same result. Plain Python and numpy.
"""

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..reading.sentences import split_sentences
from .features import tokens
from .similarity import Profile

SUMMARY_SENTENCES = 2
SUMMARY_MAX_CHARS = 420
# Only the opening of a report is read: that is where the news is (reports are written as
# inverted pyramids), and it bounds the cost per event.
OPENING_CHARS = 1200
OPENING_SENTENCES = 4
MEMBERS_READ = 12
SUMMARY_MEMBERS = 6
SENTENCE_MIN_CHARS = 40
SENTENCE_MAX_CHARS = 320

# "WASHINGTON —", "WASHINGTON (Agency) —", "LONDON, May 3 (Reuters) -", "PARIS:": the
# place and agency that filed the story, not part of its first sentence.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'/-]+(?:\s+[A-Z][A-Z.'/-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+)?\.?(?:\s+\d{1,2})?)?"
    r"\s*(?:\([A-Za-z][A-Za-z .&'-]{1,40}\))?"
    r"\s*(?:[-\u2013\u2014]{1,2}|:)\s+"
)
_CONJUNCTIONS = frozenset({"and", "but", "so", "yet", "or", "nor", "because"})
_OPENING_QUOTES = "\"'\u201c\u2018\u00ab"
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
# A word in capitals that is not an acronym: acronyms are short (NATO, FBI, CPAC).
_SHOUTED = re.compile(r"\b[A-Z]{5,}\b")
# A short quoted label: 'Jail!', 'crooked', "witch hunt". Longer quotes report speech.
_QUOTED_LABEL = re.compile(
    r"(?:^|(?<=[\s(:]))[\"'\u201c\u2018]([^\"'\u201c\u201d\u2018\u2019]{1,30})[\"'\u201d\u2019](?=[\s,.:;!?)]|$)"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One report as the title and summary see it."""

    headline: str
    terms: dict[str, float]  # the report's stored term weights (grouping features "t")
    vector: np.ndarray | None = None  # the headline's unit meaning vector, when read
    opening: str = ""  # the first OPENING_CHARS of the body


def framing_flags(headline: str) -> int:
    """How many ways the headline shouts or frames: exclamation, capitals, quoted labels."""
    flags = int("!" in headline)
    flags += int(bool(_SHOUTED.search(headline)))
    labels = [m for m in _QUOTED_LABEL.finditer(headline) if len(m.group(1).split()) <= 3]
    # A headline that opens on a quotation ("'Everything fell off the shelves': ...") takes
    # its frame from one speaker, however long the quote.
    flags += int(bool(labels) or headline.lstrip().startswith(tuple(_OPENING_QUOTES)))
    return flags


def centrality(candidates: Sequence[Candidate], profile: Profile) -> list[float]:
    """Per candidate: mean headline similarity to the other headlines, plus its terms'
    cosine with the event's centroid (which breaks ties between two headlines)."""
    count = len(candidates)
    headline = [0.0] * count
    if count > 1:
        vectors = [c.vector for c in candidates]
        if all(v is not None for v in vectors) and len({v.shape for v in vectors}) == 1:
            matrix = np.vstack(vectors)
            sims = (matrix @ matrix.T).tolist()
        else:
            words = [_headline_words(c.headline) for c in candidates]
            sims = [[_overlap(a, b) for b in words] for a in words]
        headline = [(sum(row) - row[i]) / (count - 1) for i, row in enumerate(sims)]
    centroid = profile.terms
    norm_p = math.sqrt(math.sumprod(centroid.values(), centroid.values())) or 1.0
    scores = []
    for i, candidate in enumerate(candidates):
        terms = candidate.terms
        norm = math.sqrt(math.sumprod(terms.values(), terms.values())) or 1.0
        # Summed over the shared terms only, with C loops: this runs for every event a
        # decision reads, so it is among the most frequent computations of a regroup.
        shared = terms.keys() & centroid.keys()
        dot = math.sumprod([terms[t] for t in shared], [centroid[t] for t in shared])
        scores.append(headline[i] + dot / (norm * norm_p))
    return scores


@functools.lru_cache(maxsize=1 << 16)
def _headline_words(headline: str) -> frozenset[str]:
    """The headline's content words. Cached: an event's title is picked again whenever it has
    new members and is read, from the same headlines (a regroup of bench_grouping's 10,000
    reports tokenised each headline three times on average: 5% of its profiled time)."""
    return frozenset(w for w in tokens(headline) if w is not None)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def _by_centrality(candidates: Sequence[Candidate], profile: Profile) -> list[int]:
    """Candidate indices, most central first; the earlier report wins ties."""
    scores = centrality(candidates, profile)
    return sorted(range(len(candidates)), key=lambda i: (-round(scores[i], 9), i))


def representative_title(candidates: Sequence[Candidate], profile: Profile) -> str:
    """The most central headline among the least framed ones; candidates in membership order."""
    return _title_in(candidates, _by_centrality(candidates, profile))


def _title_in(candidates: Sequence[Candidate], order: list[int]) -> str:
    best = min(order, key=lambda i: (framing_flags(candidates[i].headline), order.index(i)))
    return candidates[best].headline[:500]


def central_extract(candidates: Sequence[Candidate], profile: Profile) -> str:
    """Whole sentences from the lead of the most central report that has a usable one,
    preferring, as the title does, a report whose headline and lead neither shout nor frame:
    a tabloid's "SEWAGE-spewing Pennine Water has been slapped with ..." under a broadsheet's
    title reads as the site's own voice."""
    return _extract_in(candidates, _by_centrality(candidates[:SUMMARY_MEMBERS], profile))


def title_and_summary(candidates: Sequence[Candidate], profile: Profile) -> tuple[str, str]:
    """(representative_title, central_extract) of the same candidates. The centrality of an
    event of at most SUMMARY_MEMBERS reports is computed once for both: a regroup picks both
    for every event."""
    order = _by_centrality(candidates, profile)
    if len(candidates) > SUMMARY_MEMBERS:
        return _title_in(candidates, order), central_extract(candidates, profile)
    return _title_in(candidates, order), _extract_in(candidates, order)


def _extract_in(candidates: Sequence[Candidate], order: list[int]) -> str:
    fallback = ""
    for i in order:
        summary = lead_sentences(candidates[i].opening)
        if not summary:
            continue
        if not framing_flags(candidates[i].headline) and not _SHOUTED.search(summary):
            return summary
        fallback = fallback or summary
    return fallback


def lead_sentences(opening: str) -> str:
    """The lead's first sentences that can stand as a summary, dateline removed.

    It starts at the first sentence that opens with a capital or a figure (not a quotation
    mark, a conjunction or a lower-case word: the tail of a sentence cut at its start) and
    continues with the sentences that follow it, up to SUMMARY_SENTENCES.
    """
    sentences = split_sentences(opening)
    if len(opening) >= OPENING_CHARS and sentences:
        sentences.pop()  # the opening was cut here: its last sentence may be incomplete
    chosen: list[str] = []
    length = 0
    for position, sentence in enumerate(sentences[:OPENING_SENTENCES]):
        text = " ".join(sentence.text.split())
        if position == 0:
            text = _DATELINE.sub("", text, count=1)
        usable = _well_formed(text) and not text.startswith(tuple(_OPENING_QUOTES))
        if not chosen:
            if usable and _starts_sentence(text):
                chosen.append(text)
                length = len(text)
            continue
        if not usable or length + 1 + len(text) > SUMMARY_MAX_CHARS:
            break
        chosen.append(text)
        length += 1 + len(text)
        if len(chosen) >= SUMMARY_SENTENCES:
            break
    return " ".join(chosen)


def _well_formed(text: str) -> bool:
    return SENTENCE_MIN_CHARS <= len(text) <= SENTENCE_MAX_CHARS and bool(_TERMINAL.search(text))


def _starts_sentence(text: str) -> bool:
    first = text.split(maxsplit=1)[0]
    return (first[0].isupper() or first[0].isdigit()) and first.strip(",;:").lower() not in _CONJUNCTIONS
