"""Score the report comparison against the annotated pairs in eval/compare/pairs/.

    python eval/compare/score.py [--pairs DIR] [--json] [--verbose] [--check]

Run from the repository root. For each pair both reports go through analyse_text and
compare_analyses (plain Python, no Django); the annotated substrings are mapped to the
analyser's sentence ids, and four measures are counted over all pairs (micro-averaged):

- matches: sentence-id pairs inside "match" (and "moved_b") rows against the gold "same"
  pairs; a predicted pair that is a gold "related" pair counts neither way and is reported
  apart. Also the share of gold one-side-only sentences left out of every predicted match.
- entity buckets: summary items (shared / only_a / only_b) against the gold buckets; an item
  is right when its name is the gold name or an alias and its bucket and kind are the gold's.
- speakers: each gold quote takes the predicted quote on its side overlapping it most.
- number conflicts: predicted conflicts against the gold ones.

Only the documented shapes of the comparison are read, with .get, so the scorer keeps working
while the internals change (rows may gain "level", entities "mentions").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
DEFAULT_PAIRS = Path(__file__).resolve().parent / "pairs"
KINDS = ("person", "organisation", "place")
BUCKETS = ("both", "only_a", "only_b")
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"  # straight and curly, double and single


class AnnotationError(Exception):
    """An annotation that cannot be placed in its report (missing or ambiguous substring...)."""


# ---------------------------------------------------------------------------------------------
# Small helpers


def norm(text: str | None) -> str:
    """Case-folded, white space collapsed."""
    return " ".join((text or "").casefold().split())


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    """Precision = tp_pred / n_pred, recall = tp_gold / n_gold, F1 of the two.

    The true positives are counted separately on each side because one-to-one matching is not
    always possible (a predicted item may be right for one gold item only, etc.); for plain
    set comparisons tp_pred == tp_gold.
    """
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp_gold,
        "predicted": n_pred,
        "gold": n_gold,
    }


def locate(body: str, sub: str, where: str) -> tuple[int, int]:
    """The one (start, end) of sub in body; AnnotationError when missing or ambiguous."""
    if not sub:
        raise AnnotationError(f"{where}: empty substring")
    first = body.find(sub)
    if first < 0:
        raise AnnotationError(f"{where}: not found: {sub!r}")
    if body.find(sub, first + 1) >= 0:
        raise AnnotationError(f"{where}: ambiguous (occurs more than once): {sub!r}")
    return first, first + len(sub)


def locate_quoted(body: str, sub: str, where: str) -> tuple[int, int]:
    """Like locate, but only occurrences right after a quote mark count (scare quotes: the same
    word may also appear unquoted elsewhere)."""
    hits = [
        m.start()
        for m in re.finditer(re.escape(sub), body)
        if m.start() and body[m.start() - 1] in QUOTE_MARKS
    ]
    if not hits:
        raise AnnotationError(f"{where}: not found inside quote marks: {sub!r}")
    if len(hits) > 1:
        raise AnnotationError(f"{where}: ambiguous (quoted more than once): {sub!r}")
    return hits[0], hits[0] + len(sub)


def sentence_at(sentences: list[dict], span: tuple[int, int], where: str) -> int:
    """The id of the predicted sentence overlapping span the most."""
    best, best_overlap = None, 0
    for position, sentence in enumerate(sentences):
        start, end = sentence.get("start", 0), sentence.get("end", 0)
        overlap = min(end, span[1]) - max(start, span[0])
        if overlap > best_overlap:
            best, best_overlap = sentence.get("id", position), overlap
    if best is None:
        raise AnnotationError(f"{where}: no sentence of the analysis covers {span}")
    return best


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _texts_contain(texts: list[str], wanted: str) -> bool:
    """wanted equals one of texts or stands in it as a whole token ("12" in "12 people", not in "120")."""
    pattern = re.compile(r"(?<![\w.,])" + re.escape(wanted.strip()) + r"(?![\w]|[.,]\d)")
    return any(t.strip() == wanted.strip() or pattern.search(t or "") for t in texts)


# ---------------------------------------------------------------------------------------------
# The four measures; each takes plain data so that tests can feed it tiny hand-made inputs.


def match_counts(
    predicted: set[tuple[int, int]],
    same: set[tuple[int, int]],
    related: set[tuple[int, int]],
    one_side_a: set[int],
    one_side_b: set[int],
) -> Counter:
    """Counts for the sentence-alignment measure of one pair."""
    counted = predicted - related
    matched_a = {i for i, _ in predicted}
    matched_b = {j for _, j in predicted}
    return Counter(
        tp=len(predicted & same),
        predicted=len(counted),
        gold=len(same),
        related_predicted=len(predicted & related),
        related_gold=len(related),
        one_side=len(one_side_a) + len(one_side_b),
        one_side_kept=len(one_side_a - matched_a) + len(one_side_b - matched_b),
    )


def gold_entity_items(entities: dict) -> list[dict]:
    """Gold entities as {names, kind, bucket, name}."""
    items = []
    for bucket in BUCKETS:
        for e in entities.get(bucket, []) or []:
            names = {norm(e["name"])} | {norm(a) for a in e.get("aliases", []) or []}
            items.append({"name": e["name"], "names": names, "kind": e.get("kind"), "bucket": bucket})
    return items


def predicted_entity_items(summary: dict) -> list[dict]:
    """The comparison's entity summary as {name, kind, bucket}, kinds person/organisation/place."""
    out = []
    for source, bucket in (("shared", "both"), ("only_a", "only_a"), ("only_b", "only_b")):
        for item in (summary or {}).get(source, []) or []:
            if item.get("kind") in KINDS:
                out.append({"name": item.get("name", ""), "kind": item["kind"], "bucket": bucket})
    return out


def entity_counts(predicted: list[dict], gold: list[dict]) -> Counter:
    """Per-kind counts (keys like "person_tp_pred"); one gold item is found by one predicted item
    at most, so a person listed twice ("Pelosi" and "Nancy Pelosi") costs precision once."""
    counts: Counter = Counter()
    used: set[int] = set()
    gold_people = set().union(*[g["names"] for g in gold if g["kind"] == "person"])
    for item in predicted:
        kind = item["kind"]
        counts[f"{kind}_predicted"] += 1
        name = norm(item["name"])
        for index, g in enumerate(gold):
            if index in used:
                continue
            if name in g["names"] and g["kind"] == kind and g["bucket"] == item["bucket"]:
                used.add(index)
                counts[f"{kind}_tp"] += 1
                break
        if kind == "person" and name not in gold_people:
            counts["person_not_gold_person"] += 1
    for g in gold:
        counts[f"{g['kind']}_gold"] += 1
    return counts


def speaker_names(speaker: str | None, gold_entities: list[dict]) -> set[str]:
    """The normalised names a gold speaker may be given: its name and the aliases of its entity."""
    if not speaker:
        return set()
    names = {norm(speaker)}
    for g in gold_entities:
        if norm(speaker) in g["names"]:
            names |= g["names"]
    return names


def speaker_counts(
    gold_quotes: list[dict], predicted: list[dict], scare_spans: list[tuple[str, tuple[int, int]]]
) -> Counter:
    """gold_quotes: {side, span, names (accepted speaker names; empty when the gold speaker is
    null)}; predicted: {side, span, speaker}; scare_spans: (side, span) of gold scare quotes."""
    counts: Counter = Counter()
    right_predicted: set[int] = set()
    for g in gold_quotes:
        best, best_overlap = None, 0
        for index, p in enumerate(predicted):
            if p["side"] != g["side"]:
                continue
            o = overlap(p["span"], g["span"])
            if o > best_overlap:
                best, best_overlap = index, o
        found = best is not None
        counts["gold_quotes"] += 1
        counts["gold_quotes_found"] += found
        if not g["names"]:
            continue
        counts["gold"] += 1
        if found and norm(predicted[best].get("speaker")) in g["names"]:
            counts["tp"] += 1
            right_predicted.add(best)
    named = [i for i, p in enumerate(predicted) if (p.get("speaker") or "").strip()]
    counts["predicted"] = len(named)
    counts["tp_pred"] = len(right_predicted & set(named))
    counts["predicted_quotes"] = len(predicted)
    counts["scare_predicted"] = sum(
        any(p["side"] == side and overlap(p["span"], span) for side, span in scare_spans) for p in predicted
    )
    counts["scare_gold"] = len(scare_spans)
    return counts


def conflict_counts(predicted: list[dict], gold: list[dict]) -> Counter:
    """predicted: conflict items ({a: [texts], b: [texts], ...}); gold: {a: text, b: text}."""
    used: set[int] = set()
    for g in gold:
        for index, p in enumerate(predicted):
            if index in used:
                continue
            if _texts_contain(p.get("a", []) or [], g["a"]) and _texts_contain(p.get("b", []) or [], g["b"]):
                used.add(index)
                break
    return Counter(tp=len(used), predicted=len(predicted), gold=len(gold), false=len(predicted) - len(used))


# ---------------------------------------------------------------------------------------------
# One pair


def load_pairs(directory: Path) -> list[dict]:
    pairs = []
    for path in sorted(directory.glob("*.json")):
        pair = json.loads(path.read_text(encoding="utf-8"))
        pair.setdefault("id", path.stem)
        pairs.append(pair)
    if not pairs:
        raise SystemExit(f"no pairs (*.json) in {directory}")
    return pairs


def score_pair(pair: dict, analyse_text, compare_analyses, check: bool = False) -> dict:
    pid = pair["id"]
    bodies = {side: pair[side]["body"] for side in ("a", "b")}
    analyses = {side: analyse_text(pair[side].get("title", ""), bodies[side], "en") for side in ("a", "b")}
    comparison = compare_analyses(analyses["a"], analyses["b"])
    sentences = {side: analyses[side].get("sentences", []) for side in ("a", "b")}

    def sid(side: str, sub: str, what: str) -> int:
        where = f"pair {pid}: {what} (side {side})"
        return sentence_at(sentences[side], locate(bodies[side], sub, where), where)

    same, related = set(), set()
    for k, m in enumerate(pair.get("matches", [])):
        key = (sid("a", m["a"], f"matches[{k}].a"), sid("b", m["b"], f"matches[{k}].b"))
        level = m.get("level")
        if level == "same":
            same.add(key)
        elif level == "related":
            related.add(key)
        else:
            raise AnnotationError(f"pair {pid}: matches[{k}] has level {level!r}, not same/related")
    related -= same  # a split sentence may be both; "same" wins
    only = {
        side: {sid(side, s, f"only_{side}[{k}]") for k, s in enumerate(pair.get(f"only_{side}", []))}
        for side in ("a", "b")
    }

    # A row the page marks as only "related" does not claim that both reports say the same;
    # it is counted apart: how many such rows pair sentences the annotation relates at all.
    predicted_pairs: set[tuple[int, int]] = set()
    weak_pairs: set[tuple[int, int]] = set()
    for row in comparison.get("rows", []):
        if row.get("kind") in ("match", "moved_b"):
            target = weak_pairs if row.get("level") == "related" else predicted_pairs
            for i in row.get("a", []) or []:
                for j in row.get("b", []) or []:
                    target.add((i, j))
    weak_pairs -= predicted_pairs
    matches = match_counts(predicted_pairs, same, related, only["a"], only["b"])
    matches["weak_predicted"] = len(weak_pairs)
    matches["weak_on_gold"] = len(weak_pairs & (same | related))

    gold_entities = gold_entity_items(pair.get("entities", {}))
    entities = entity_counts(predicted_entity_items(comparison.get("entities", {})), gold_entities)

    gold_quotes = []
    for k, q in enumerate(pair.get("quotes", [])):
        where = f"pair {pid}: quotes[{k}] (side {q['side']})"
        gold_quotes.append(
            {
                "side": q["side"],
                "span": locate(bodies[q["side"]], q["text"], where),
                "names": speaker_names(q.get("speaker"), gold_entities),
            }
        )
    predicted_quotes = []
    quotes = comparison.get("quotes", {}) or {}
    for side in ("a", "b"):
        for q in quotes.get(side, []) or []:
            start, end = q.get("start"), q.get("end")
            if start is None or end is None:  # no offsets: place the text itself
                at = bodies[side].find(q.get("text", ""))
                start, end = (at, at + len(q.get("text", ""))) if at >= 0 else (0, 0)
            predicted_quotes.append({"side": side, "span": (start, end), "speaker": q.get("speaker")})
    scare = [
        (s["side"], locate_quoted(bodies[s["side"]], s["text"], f"pair {pid}: scare_quotes[{k}]"))
        for k, s in enumerate(pair.get("scare_quotes", []))
    ]
    speakers = speaker_counts(gold_quotes, predicted_quotes, scare)

    conflicts = conflict_counts(
        (comparison.get("numbers", {}) or {}).get("conflicts", []) or [], pair.get("number_conflicts", [])
    )

    warnings = []
    if check:
        warnings = check_pair(pair, sentences, same | related, only)
    return {
        "id": pid,
        "matches": matches,
        "entities": entities,
        "speakers": speakers,
        "conflicts": conflicts,
        "warnings": warnings,
        "sentences": len(sentences["a"]) + len(sentences["b"]),
    }


def check_pair(pair: dict, sentences: dict, matched: set, only: dict) -> list[str]:
    """Annotation checks against the analyser's sentence split: sentences no annotation covers
    (either a gap in the annotation or a split the annotator did not expect)."""
    warnings = []
    for side, index in (("a", 0), ("b", 1)):
        covered = {key[index] for key in matched} | only[side]
        both = {key[index] for key in matched} & only[side]
        for s in sentences[side]:
            if s["id"] not in covered:
                warnings.append(
                    f"pair {pair['id']} side {side}: sentence {s['id']} not annotated: {s['text'][:90]!r}"
                )
            if s["id"] in both:
                warnings.append(
                    f"pair {pair['id']} side {side}: sentence {s['id']} both matched and one-side-only: {s['text'][:90]!r}"
                )
    return warnings


# ---------------------------------------------------------------------------------------------
# Report


def summarise(results: list[dict]) -> dict:
    m = sum((r["matches"] for r in results), Counter())
    e = sum((r["entities"] for r in results), Counter())
    s = sum((r["speakers"] for r in results), Counter())
    c = sum((r["conflicts"] for r in results), Counter())
    entity_kinds = {
        kind: prf(e[f"{kind}_tp"], e[f"{kind}_predicted"], e[f"{kind}_tp"], e[f"{kind}_gold"])
        for kind in KINDS
    }
    tp = sum(e[f"{k}_tp"] for k in KINDS)
    entity_kinds["all"] = prf(
        tp, sum(e[f"{k}_predicted"] for k in KINDS), tp, sum(e[f"{k}_gold"] for k in KINDS)
    )
    return {
        "pairs": len(results),
        "sentences": sum(r["sentences"] for r in results),
        "matches": {
            **prf(m["tp"], m["predicted"], m["tp"], m["gold"]),
            "related_predicted": m["related_predicted"],
            "related_gold": m["related_gold"],
            "weak_predicted": m["weak_predicted"],
            "weak_on_gold": m["weak_on_gold"],
            "one_side_kept_unmatched": round(m["one_side_kept"] / m["one_side"], 4) if m["one_side"] else 0.0,
            "one_side_kept": m["one_side_kept"],
            "one_side": m["one_side"],
        },
        "entities": {
            **entity_kinds,
            "people_not_gold_people": round(e["person_not_gold_person"] / e["person_predicted"], 4)
            if e["person_predicted"]
            else 0.0,
            "people_not_gold_people_count": e["person_not_gold_person"],
            "people_predicted": e["person_predicted"],
        },
        "speakers": {
            **prf(s["tp_pred"], s["predicted"], s["tp"], s["gold"]),
            "gold_quotes": s["gold_quotes"],
            "gold_quotes_found": s["gold_quotes_found"],
            "predicted_quotes": s["predicted_quotes"],
            "scare_quotes_taken_as_quotes": s["scare_predicted"],
            "scare_quotes_gold": s["scare_gold"],
        },
        "conflicts": {**prf(c["tp"], c["predicted"], c["tp"], c["gold"]), "false_conflicts": c["false"]},
    }


def _line(label: str, d: dict) -> str:
    return (
        f"{label:<28} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}"
        f"   (tp {d['tp']}, predicted {d['predicted']}, gold {d['gold']})"
    )


def print_report(summary: dict, results: list[dict], verbose: bool) -> None:
    m, e, s, c = summary["matches"], summary["entities"], summary["speakers"], summary["conflicts"]
    print(f"{summary['pairs']} pairs, {summary['sentences']} sentences (as the analyser splits them)")
    print()
    print("Sentence matches (gold = level 'same'; gold 'related' pairs count neither way)")
    print(_line("  matches", m))
    print(f"  related pairs predicted    {m['related_predicted']} of {m['related_gold']} gold related pairs")
    print(
        f"  rows shown as 'related'    {m.get('weak_predicted', 0)}"
        f" ({m.get('weak_on_gold', 0)} of them on gold same/related pairs)"
    )
    print(
        f"  one-side-only kept unmatched {m['one_side_kept_unmatched']:.3f}"
        f"   ({m['one_side_kept']} of {m['one_side']} only_a/only_b sentences in no predicted match)"
    )
    print()
    print("Entity buckets (name or alias, kind and bucket all right)")
    for kind in (*KINDS, "all"):
        print(_line(f"  {kind}", e[kind]))
    print(
        f"  listed people that are not gold people {e['people_not_gold_people']:.3f}"
        f"   ({e['people_not_gold_people_count']} of {e['people_predicted']})"
    )
    print()
    print("Quote speakers")
    print(_line("  speakers", s))
    print(
        f"  gold quotes overlapped by a predicted quote {s['gold_quotes_found']} of {s['gold_quotes']};"
        f" predicted quotes {s['predicted_quotes']}"
    )
    print(f"  scare quotes taken as quotes {s['scare_quotes_taken_as_quotes']} (of {s['scare_quotes_gold']})")
    print()
    print("Number conflicts")
    print(_line("  conflicts", c))
    print(f"  false conflicts            {c['false_conflicts']}")
    if verbose:
        print()
        print("Per pair")
        for r in results:
            m, s, c, e = r["matches"], r["speakers"], r["conflicts"], r["entities"]
            etp = sum(e[f"{k}_tp"] for k in KINDS)
            print(
                f"  {r['id']:<28} matches {m['tp']}/{m['predicted']}p/{m['gold']}g"
                f" (related {m['related_predicted']}/{m['related_gold']})"
                f"  entities {etp}/{sum(e[f'{k}_predicted'] for k in KINDS)}p/{sum(e[f'{k}_gold'] for k in KINDS)}g"
                f"  speakers {s['tp']}/{s['predicted']}p/{s['gold']}g"
                f"  conflicts {c['tp']}/{c['predicted']}p/{c['gold']}g"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pairs", type=Path, default=DEFAULT_PAIRS, help="directory of annotated *.json pairs"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="add one line per pair")
    parser.add_argument(
        "--check",
        action="store_true",
        help="also warn about sentences of the analysis that no annotation covers",
    )
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO))
    from articles.compare.compare import compare_analyses
    from articles.reading import read_report as analyse_text

    pairs = load_pairs(args.pairs)
    try:
        results = [score_pair(p, analyse_text, compare_analyses, check=args.check) for p in pairs]
    except AnnotationError as error:
        print(f"annotation error: {error}", file=sys.stderr)
        return 2
    summary = summarise(results)
    if args.json:
        if args.verbose:
            summary["per_pair"] = [
                {k: (dict(v) if isinstance(v, Counter) else v) for k, v in r.items()} for r in results
            ]
        print(json.dumps(summary, indent=2))
    else:
        print_report(summary, results, args.verbose)
    for warning in (w for r in results for w in r["warnings"]):
        print("warning:", warning, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
