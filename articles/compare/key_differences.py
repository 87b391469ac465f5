"""The few differences a reader most needs, before the full claim-by-claim rows.

Only the reports' own sentences, quotes, names and figures: nothing here writes text. Each item
carries the sentence ids behind it, so the page links it to its row.

- number conflicts inside claims both make (always shown: a reader must see them first);
- claims only one report makes, the most central first: a sentence is central when its meaning
  is close to its report's headline and to the rest of its report, and when it comes early
  (news puts what matters first); a line of a few words ("Leave a Reply") is never central;
- quotes only one report uses, from speakers the other does not quote;
- people only one report names, the most mentioned first.
"""

import numpy as np

from ..reading.vectors import unpack

ONE_SIDED_SHOWN = 3
QUOTES_SHOWN = 2
PEOPLE_SHOWN = 5
MIN_WORDS = 6


def _centrality(analysis: dict, indices: list[int]) -> dict[int, float]:
    sentences = analysis.get("sentences", [])
    vectors = unpack(analysis.get("vectors"))
    title = unpack(analysis.get("title_vector"))
    usable = vectors is not None and len(vectors) == len(sentences)
    mean_vector = vectors.mean(axis=0) if usable and len(vectors) else None
    scores = {}
    for i in indices:
        early = 1.0 / (1.0 + i / 4)
        if usable:
            to_title = float(vectors[i] @ title[0]) if title is not None else 0.0
            to_report = float(vectors[i] @ mean_vector / (np.linalg.norm(mean_vector) or 1.0))
            scores[i] = 0.4 * to_title + 0.3 * to_report + 0.3 * early
        else:
            scores[i] = early
    return scores


def _one_sided(analysis: dict, rows: list[dict], side: str) -> list[dict]:
    kind = f"only_{side}"
    sentences = analysis.get("sentences", [])
    indices = [
        i
        for row in rows
        if row["kind"] == kind
        for i in row[side]
        if len(sentences[i]["text"].split()) >= MIN_WORDS
    ]
    scores = _centrality(analysis, indices)
    ranked = sorted(indices, key=lambda i: -scores[i])[:ONE_SIDED_SHOWN]
    return [{"sentence": i, "text": sentences[i]["text"], "centrality": round(scores[i], 3)} for i in ranked]


def _quotes_only(quotes: dict, side: str) -> list[dict]:
    shared = {pair[side] for pair in quotes.get("shared", [])}
    lonely_speakers = {s["key"] for s in quotes.get("speakers", []) if s.get("only") == side and s.get("key")}
    found = [
        {"quote": k, "speaker": q["speaker"], "text": q["text"], "sentences": q["sentences"]}
        for k, q in enumerate(quotes.get(side, []))
        if k not in shared and q.get("speaker_key") in lonely_speakers
    ]
    found.sort(key=lambda q: -len(q["text"]))
    return found[:QUOTES_SHOWN]


def _people_only(entities: dict, side: str) -> list[dict]:
    people = [e for e in entities.get(f"only_{side}", []) if e["kind"] == "person"]
    people.sort(key=lambda e: -len(e[f"{side}_sentences"]))
    return [{"name": e["name"], "sentences": e[f"{side}_sentences"]} for e in people[:PEOPLE_SHOWN]]


def key_differences(analysis_a: dict, analysis_b: dict, comparison: dict) -> dict:
    """The key differences of a comparison (compare.compare_analyses) of two readings."""
    rows = comparison["rows"]
    return {
        "conflicts": comparison["numbers"]["conflicts"],
        "only_a": _one_sided(analysis_a, rows, "a"),
        "only_b": _one_sided(analysis_b, rows, "b"),
        "quotes_only_a": _quotes_only(comparison["quotes"], "a"),
        "quotes_only_b": _quotes_only(comparison["quotes"], "b"),
        "people_only_a": _people_only(comparison["entities"], "a"),
        "people_only_b": _people_only(comparison["entities"], "b"),
    }
