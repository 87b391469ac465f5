"""Event-wide fact table: the claims of several reports clustered, and who carries which.

Reports are taken one by one; their sentences are scored against the claims so far (the first
sentence of each claim stands for it) with the two-report alignment's same-claim model
(claims.py: words, meaning, names, figures, whether both are their report's lead), word
weights coming from the whole event, and assigned best-first and one-to-one; only a pair the
model takes as the *same claim* marks a report as carrying it, so a ✓ is never given for a merely related sentence. A sentence
left over starts a new claim. One pass, so the cost grows with reports x claims, not with every
pair of reports.
"""

import math
from collections import Counter, defaultdict

import numpy as np

from ..reading.vectors import unpack
from .align import MEANING_CANDIDATE, SideText, lead, pair_score, prepare
from .claims import claim_score, model
from .compare import places_by_sentence
from .summary import link_entities, number_conflicts, quotes_by_sentence

MAX_CLAIMS_SHOWN = 80


def _weights(sides: list[SideText]) -> dict[str, float]:
    frequency: Counter[str] = Counter()
    total = 0
    for side in sides:
        for bag in side.bags:
            frequency.update(bag.keys())
            total += 1
    return {
        t: math.log(1 + max(total, 1) / df) * (1.5 if t[1:2] == ":" else 1.0) for t, df in frequency.items()
    }


def _share(bag: dict, other: dict, prefix: str) -> float:
    mine = {t for t in bag if t.startswith(prefix)}
    theirs = {t for t in other if t.startswith(prefix)}
    return len(mine & theirs) / max(min(len(mine), len(theirs)), 1)


def fact_table(reports: list[dict]) -> dict:
    """reports: [{"id", "outlet", "title", "analysis"}] -> claims x reports, people and quotes.

    Claims are ordered by how many reports carry them, then by where they first appear; each
    cell holds the sentence ids of that report which make the claim (empty when it does not).
    """
    reports = _with_linked_people(reports)
    sides = [prepare(r["analysis"]) for r in reports]
    leads = [lead(side.sentences) for side in sides]
    vectors = [unpack(r["analysis"].get("vectors")) for r in reports]
    weights = _weights(sides)
    same = model().same
    claims: list[dict] = []
    index: dict[str, list[int]] = defaultdict(list)  # token -> claims whose first sentence has it
    masses: list[float] = []
    claim_vectors: list[np.ndarray | None] = []
    for column, side in enumerate(sides):
        masses_here = [sum(weights[t] for t in bag) for bag in side.bags]
        here = (
            vectors[column]
            if vectors[column] is not None and len(vectors[column]) == len(side.bags)
            else None
        )
        known = [k for k, v in enumerate(claim_vectors) if v is not None]
        cosines = None
        if here is not None and known:
            cosines = here @ np.vstack([claim_vectors[k] for k in known]).T
        candidates: dict[tuple[int, int], float] = {}
        for s, bag in enumerate(side.bags):
            common: dict[int, float] = defaultdict(float)
            for token in bag:
                for c in index.get(token, ()):
                    common[c] += weights[token]
            for c, shared in common.items():
                candidates[(s, c)] = pair_score(shared, masses_here[s], masses[c])
            if cosines is not None:
                for position in np.nonzero(cosines[s] >= MEANING_CANDIDATE)[0]:
                    candidates.setdefault((s, known[int(position)]), 0.0)
        cosine_of = {known[k]: k for k in range(len(known))}
        scored = []
        for (s, c), words in candidates.items():
            first_column, first_sentence = claims[c]["first"]
            cosine = None
            if cosines is not None and c in cosine_of:
                cosine = float(cosines[s, cosine_of[c]])
            first_side = sides[first_column]
            bag, other = side.bags[s], first_side.bags[first_sentence]
            score = claim_score(
                words,
                cosine,
                _share(bag, other, "E:"),
                _share(bag, other, "N:"),
                leads=float(s == leads[column] and first_sentence == leads[first_column]),
            )
            denies = side.sentences[s].get("negated") != first_side.sentences[first_sentence].get("negated")
            if score >= same and not denies:  # a sentence denying the claim does not carry it
                scored.append((score, s, c))
        placed: set[int] = set()
        for _score, s, c in sorted(scored, reverse=True):
            if s in placed or str(column) in claims[c]["cells"]:
                continue
            claims[c]["cells"][str(column)] = [s]
            placed.add(s)
        of_quote = quotes_by_sentence(reports[column]["analysis"].get("quotes", []))
        started: dict[int, int] = {}  # quote -> the claim its first left-over sentence started
        for s, bag in enumerate(side.bags):
            if s in placed or not bag:
                continue
            quote = of_quote.get(s)
            if quote in started and claims[started[quote]]["cells"][str(column)][-1] == s - 1:
                # The rest of a quote told over several sentences: one claim, not half a quote each.
                claim = claims[started[quote]]
                claim["cells"][str(column)].append(s)
                claim["text"] += " " + side.sentences[s]["text"]
                continue
            if quote is not None:
                started[quote] = len(claims)
            claims.append(
                {
                    "text": side.sentences[s]["text"],
                    "first": (column, s),
                    "cells": {str(column): [s]},
                    "size": len(bag),
                }
            )
            masses.append(masses_here[s])
            claim_vectors.append(here[s] if here is not None else None)
            for token in bag:
                index[token].append(len(claims) - 1)
    claims.sort(key=lambda c: (-len(c["cells"]), c["first"]))
    places = [places_by_sentence(r["analysis"]) for r in reports]
    rows = [
        {
            "text": claim["text"],
            "source_report": reports[claim["first"][0]]["id"],
            "sentence": claim["first"][1],
            "outlets": len(claim["cells"]),
            "cells": [claim["cells"].get(str(col), []) for col in range(len(reports))],
            "texts": [
                " ".join(sides[col].sentences[i]["text"] for i in claim["cells"].get(str(col), [])) or None
                for col in range(len(reports))
            ],
            "differs": _differing_figures(reports, places, claim),
        }
        for claim in claims[:MAX_CLAIMS_SHOWN]
    ]
    return {
        "reports": [{k: r[k] for k in ("id", "outlet", "title")} for r in reports],
        "claims": rows,
        "figures_differ": any(any(row["differs"]) for row in rows),
        "claims_total": len(claims),
        "people": _people(reports),
        "quotes": _quotes(reports),
    }


def _differing_figures(reports: list[dict], places: list[dict], claim: dict) -> list[list[str] | None]:
    """Per report, the figures its sentence gives where they disagree with the claim's first
    sentence (the comparison's rule, summary.number_conflicts): a ✓ alone
    would tell a reader that "injuring 17 people" carries "injuring 14 people"."""
    first_column, first_sentence = claim["first"]
    first = reports[first_column]["analysis"].get("numbers", [])
    differs: list[list[str] | None] = []
    for column, report in enumerate(reports):
        cell = claim["cells"].get(str(column))
        if not cell or column == first_column:
            differs.append(None)
            continue
        row = {"kind": "match", "level": "same", "a": [first_sentence], "b": cell}
        numbers = report["analysis"].get("numbers", [])
        conflicts = number_conflicts([row], first, numbers, (places[first_column], places[column]))
        differs.append([text for conflict in conflicts for text in conflict["b"]] or None)
    return differs


def _with_linked_people(reports: list[dict]) -> list[dict]:
    """The reports with one key per person across the event ("Kowalski" / "Kovalski")."""
    known: list[dict] = []
    linked = []
    for report in reports:
        entities = report["analysis"].get("entities", [])
        mapping = link_entities(known, entities)
        if mapping:
            entities = [{**e, "key": mapping.get(e["key"], e["key"])} for e in entities]
            quotes = [
                {**q, "speaker_key": mapping.get(q.get("speaker_key") or "", q.get("speaker_key"))}
                for q in report["analysis"].get("quotes", [])
            ]
            report = {**report, "analysis": {**report["analysis"], "entities": entities, "quotes": quotes}}
        known_keys = {e["key"] for e in known}
        known.extend(e for e in entities if e["key"] not in known_keys)
        linked.append(report)
    return linked


def _people(reports: list[dict]) -> list[dict]:
    people: dict[str, dict] = {}
    for column, report in enumerate(reports):
        for entity in report["analysis"].get("entities", []):
            if entity["kind"] != "person":
                continue
            entry = people.setdefault(entity["key"], {"name": entity["name"], "columns": []})
            if column not in entry["columns"]:
                entry["columns"].append(column)
    return sorted(people.values(), key=lambda p: (-len(p["columns"]), p["name"]))


def _quotes(reports: list[dict]) -> list[dict]:
    speakers: dict[str, dict] = {}
    for column, report in enumerate(reports):
        for quote in report["analysis"].get("quotes", []):
            if not quote.get("speaker_key"):
                continue
            entry = speakers.setdefault(quote["speaker_key"], {"speaker": quote["speaker"], "quotes": []})
            entry["quotes"].append(
                {"column": column, "text": quote["text"], "sentence": quote["sentences"][0]}
            )
    for entry in speakers.values():
        entry["columns"] = sorted({q["column"] for q in entry["quotes"]})
    return sorted(speakers.values(), key=lambda s: (-len(s["columns"]), s["speaker"]))
