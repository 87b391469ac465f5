"""An event's title and summary, chosen from its reports' own text (never written anew).

Title: the headline of the report closest to the event's centroid. Summary: the most
central sentences from the openings of the reports, in reading order. Both use the
centroid's weights only (no corpus statistics), so they depend on the membership alone:
regrouping and incremental assignment give the same result. Plain Python.
"""

import math
import re

from .features import tokens
from .similarity import Profile

SUMMARY_SENTENCES = 2
SUMMARY_MAX_CHARS = 420
# Only the opening sentences of the first reports are read: that is where the news is
# (reports are written as inverted pyramids), and it bounds the cost per event.
OPENING_CHARS = 1200
OPENING_SENTENCES = 4
MEMBERS_READ = 12
SUMMARY_MEMBERS = 6

_SENTENCE = re.compile(r"(?<=[.!?])[\"”\u2019]?\s+(?=[\"“\u2018A-Z0-9])")


def _centrality(words: list[str], profile: Profile) -> float:
    if not words:
        return 0.0
    total = sum(profile.terms.get(w, 0.0) for w in words)
    # Divide by sqrt(length): long sentences may not win on length alone.
    return total / math.sqrt(len(words))


def representative_title(members: list[tuple[str, dict[str, float]]], profile: Profile) -> str:
    """members: (headline, term weights) in membership order; the first wins ties."""
    best_title, best_score = members[0][0], -1.0
    centroid = profile.terms
    norm_p = math.sqrt(math.sumprod(centroid.values(), centroid.values())) or 1.0
    for title, terms in members:
        norm = math.sqrt(math.sumprod(terms.values(), terms.values())) or 1.0
        # Summed over the shared terms only, with C loops: this runs for every event a
        # decision reads, so it is among the most frequent computations of a regroup.
        shared = terms.keys() & centroid.keys()
        dot = math.sumprod([terms[t] for t in shared], [centroid[t] for t in shared])
        similarity = dot / (norm * norm_p)
        if similarity > best_score + 1e-9:
            best_title, best_score = title, similarity
    return best_title[:500]


def central_extract(bodies: list[str], profile: Profile) -> str:
    """The most central sentences of the reports' openings, joined in reading order."""
    candidates: list[tuple[float, int, int, str, set[str]]] = []
    for member, body in enumerate(bodies[:SUMMARY_MEMBERS]):
        opening = body[:OPENING_CHARS]
        pieces = [s for line in opening.splitlines() for s in _SENTENCE.split(line)]
        kept = 0
        for position, sentence in enumerate(pieces):
            sentence = " ".join(sentence.split())
            # Fragments and cut-off tails are not quotable sentences.
            if len(sentence) < 40 or len(sentence) > 320 or sentence[-1] not in '.!?"”\u2019':
                continue
            words = [w for w in tokens(sentence) if w is not None]
            candidates.append((_centrality(words, profile), member, position, sentence, set(words)))
            kept += 1
            if kept >= OPENING_SENTENCES:
                break
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen: list[tuple[int, int, str]] = []
    seen: list[set[str]] = []
    length = 0
    for _, member, position, sentence, words in candidates:
        # Skip near-repeats: outlets often carry the same wire sentence.
        if any(len(words & other) > 0.6 * min(len(words), len(other)) for other in seen):
            continue
        if length + len(sentence) > SUMMARY_MAX_CHARS and chosen:
            break
        chosen.append((member, position, sentence))
        seen.append(words)
        length += len(sentence) + 1
        if len(chosen) >= SUMMARY_SENTENCES:
            break
    chosen.sort()
    return " ".join(sentence for _, _, sentence in chosen)
