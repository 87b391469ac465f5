"""List the entity and speaker errors of the comparison on annotated pairs, pair by pair.

    python eval/compare/errors.py [--pairs DIR] [--kinds person,organisation,place] [--speakers]
                                  [--matches [--missed]]

Run from the repository root. score.py counts; this names what it counted wrong, so that rules
can be written for error classes rather than for one name: each listed entity that is not
right (and why: unknown name, wrong kind, wrong bucket), each gold entity not listed, and each
quote whose speaker is missing or wrong; with --matches, each same-claim row the annotation does
not call the same claim (--missed: and each gold same-claim pair not shown). Use it on the development pairs only: reading the
held-out pairs' errors would make them development pairs.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score  # the scorer's own helpers, so both agree on what is right


def entity_errors(predicted: list[dict], gold: list[dict], kinds: set[str]) -> list[str]:
    lines = []
    used: set[int] = set()
    for item in predicted:
        name = score.norm(item["name"])
        hit = next(
            (
                i
                for i, g in enumerate(gold)
                if i not in used
                and name in g["names"]
                and g["kind"] == item["kind"]
                and g["bucket"] == item["bucket"]
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            continue
        if item["kind"] not in kinds:
            continue
        near = next((g for g in gold if name in g["names"]), None)
        why = "not an entity" if near is None else f"gold {near['kind']}/{near['bucket']}"
        lines.append(f"    FALSE  {item['kind']:<12} {item['bucket']:<6} {item['name']!r}  ({why})")
    for i, g in enumerate(gold):
        if i not in used and g["kind"] in kinds:
            lines.append(f"    MISSED {g['kind']:<12} {g['bucket']:<6} {g['name']!r}")
    return lines


def speaker_errors(pair: dict, comparison: dict, gold_entities: list[dict]) -> list[str]:
    bodies = {side: pair[side]["body"] for side in ("a", "b")}
    predicted = [
        {"side": side, "span": (q["start"], q["end"]), "speaker": q.get("speaker"), "cue": q.get("cue", "")}
        for side in ("a", "b")
        for q in (comparison.get("quotes", {}) or {}).get(side, []) or []
    ]
    lines, right = [], set()
    for q in pair.get("quotes", []):
        span = score.locate(bodies[q["side"]], q["text"], pair["id"])
        best = max(
            (i for i, p in enumerate(predicted) if p["side"] == q["side"] and score.overlap(p["span"], span)),
            key=lambda i: score.overlap(predicted[i]["span"], span),
            default=None,
        )
        names = score.speaker_names(q.get("speaker"), gold_entities)
        got = predicted[best]["speaker"] if best is not None else "<no quote>"
        if names and best is not None and score.norm(got) in names:
            right.add(best)
            continue
        if not names and (best is None or not got):
            continue
        cue = predicted[best]["cue"] if best is not None else ""
        lines.append(
            f"    SPEAKER {q['side']} gold {q.get('speaker')!r} got {got!r} [{cue}]  {q['text'][:60]!r}"
        )
    for i, p in enumerate(predicted):
        if p["speaker"] and i not in right:
            text = bodies[p["side"]][p["span"][0] : p["span"][1]]
            lines.append(f"    WRONG   {p['side']} {p['speaker']!r} [{p['cue']}]  {text[:60]!r}")
    return lines


def match_errors(pair: dict, comparison: dict, missed: bool) -> list[str]:
    """Same-claim rows that the annotation does not call the same claim (a gold "related" pair,
    a sentence told by one side only, or neither), and with missed, gold "same" pairs no
    same-claim row holds."""
    sentences = comparison.get("sentences", {})
    bodies = {side: pair[side]["body"] for side in ("a", "b")}

    def sid(side: str, sub: str) -> int:
        return score.sentence_at(sentences[side], score.locate(bodies[side], sub, pair["id"]), pair["id"])

    same = {(sid("a", m["a"]), sid("b", m["b"])) for m in pair.get("matches", []) if m["level"] == "same"}
    related = {
        (sid("a", m["a"]), sid("b", m["b"])) for m in pair.get("matches", []) if m["level"] == "related"
    }
    only = {side: {sid(side, s) for s in pair.get(f"only_{side}", [])} for side in ("a", "b")}
    shown = {
        (i, j): row.get("score")
        for row in comparison.get("rows", [])
        if row.get("kind") in ("match", "moved_b") and row.get("level") != "related"
        for i in row.get("a", [])
        for j in row.get("b", [])
    }

    def texts(i: int, j: int) -> str:
        return f"\n        A{i}: {sentences['a'][i]['text']}\n        B{j}: {sentences['b'][j]['text']}"

    lines = []
    for (i, j), row_score in sorted(shown.items()):
        if (i, j) in same:
            continue
        why = (
            "gold related"
            if (i, j) in related
            else "one side only"
            if i in only["a"] or j in only["b"]
            else "not the same claim"
        )
        lines.append(f"    MATCH  {why} (score {row_score}){texts(i, j)}")
    if missed:
        for i, j in sorted(same - shown.keys()):
            lines.append(f"    MISSED same{texts(i, j)}")
    return lines


def _figure_at(text: str, figure: str) -> bool:
    return re.search(rf"(?<![\w.,]){re.escape(figure)}(?![\w]|[.,]\d)", text, re.IGNORECASE) is not None


def conflict_errors(pair: dict, comparison: dict, numbers: dict) -> list[str]:
    """Each gold number conflict not flagged and each flag no gold conflict holds, with both
    reports' sentences that give the figures, whether a same-claim row pairs them, and the
    figures the reading found there (kind, value, measure, bound), so that a miss can be put
    down to its cause: the matching, a figure not read, measures that differ, a guard."""
    sentences = comparison.get("sentences", {})
    rows = [
        row
        for row in comparison.get("rows", [])
        if row.get("kind") == "match" and row.get("level", "same") == "same"
    ]
    same = {(i, j) for row in rows for i in row["a"] for j in row["b"]}
    related = {
        (i, j)
        for row in comparison.get("rows", [])
        if row.get("kind") == "match" and row.get("level") == "related"
        for i in row["a"]
        for j in row["b"]
    }
    predicted = (comparison.get("numbers", {}) or {}).get("conflicts", []) or []
    used: set[int] = set()
    lines = []

    def figures(side: str, sentence: int) -> str:
        return "; ".join(
            f"{n['text']!r} {n['kind']} {n['value']} [{n.get('measure') or n['unit']}] {n.get('bound', 'exact')}"
            for n in numbers[side]
            if n["sentence"] == sentence
        )

    for g in pair.get("number_conflicts", []):
        hit = next(
            (
                k
                for k, p in enumerate(predicted)
                if k not in used
                and score._texts_contain(p.get("a", []), g["a"])
                and score._texts_contain(p.get("b", []), g["b"])
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            continue
        where = {
            side: [s["id"] for s in sentences[side] if _figure_at(s["text"], g[side])] for side in ("a", "b")
        }
        candidates = [(i, j) for i in where["a"] for j in where["b"]]
        pairs = [c for c in candidates if c in same] or [c for c in candidates if c in related] or candidates
        lines.append(f"    MISSED {g['a']!r} / {g['b']!r}")
        for i, j in pairs:
            level = "same row" if (i, j) in same else "related row" if (i, j) in related else "NOT MATCHED"
            lines.append(f"      {level}")
            lines.append(f"        A{i}: {sentences['a'][i]['text']}")
            lines.append(f"            {figures('a', i)}")
            lines.append(f"        B{j}: {sentences['b'][j]['text']}")
            lines.append(f"            {figures('b', j)}")
    for k, p in enumerate(predicted):
        if k not in used:
            lines.append(f"    FALSE  {p['a']} / {p['b']} ({p['kind']}, {p['unit']})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, default=score.DEFAULT_PAIRS)
    parser.add_argument("--kinds", default="person,organisation,place")
    parser.add_argument("--speakers", action="store_true", help="list speaker errors too")
    parser.add_argument("--matches", action="store_true", help="list same-claim rows that are wrong too")
    parser.add_argument("--missed", action="store_true", help="with --matches: gold same pairs not shown")
    parser.add_argument("--conflicts", action="store_true", help="list missed and false number conflicts")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(score.REPO))
    from articles.compare.compare import compare_analyses
    from articles.reading import read_report

    kinds = set(args.kinds.split(","))
    for pair in score.load_pairs(args.pairs):
        analyses = {s: read_report(pair[s].get("title", ""), pair[s]["body"]) for s in ("a", "b")}
        comparison = compare_analyses(analyses["a"], analyses["b"])
        gold = score.gold_entity_items(pair.get("entities", {}))
        lines = entity_errors(score.predicted_entity_items(comparison.get("entities", {})), gold, kinds)
        if args.speakers:
            lines += speaker_errors(pair, comparison, gold)
        if args.matches:
            lines += match_errors(pair, comparison, args.missed)
        if args.conflicts:
            numbers = {s: analyses[s].get("numbers", []) for s in ("a", "b")}
            lines += conflict_errors(pair, comparison, numbers)
        if lines:
            print(pair["id"])
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
