"""How true the key differences' "only this report says" lines are, on the annotated pairs.

    .venv/bin/python eval/compare/key_lines.py [--pairs DIR ...] [--verbose]

The key-differences box lists, for each side, up to three claims only that report makes. A line
is *true* when the annotation puts its sentence in that side's `only` list, *false* when the
annotation matches it as the `same` claim with a sentence of the other report, and *other* when
the annotation only relates it (a related claim is still one this report alone makes in full).
Prints lines listed, true, false, other, precision (true over true plus false), the sides with
no line, and with --verbose every false line. Run from the repository root; no Django needed.
Use it on development pairs only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import score  # the scorer's own helpers, so both agree on where an annotation points

DEVELOPMENT = [
    "pairs",
    "heldout",
    "dev2",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
]


def judge_pair(pair: dict, analyse_text, compare_analyses) -> tuple[Counter, list[str]]:
    analyses = {side: analyse_text(pair[side].get("title", ""), pair[side]["body"], "en") for side in "ab"}
    comparison = compare_analyses(analyses["a"], analyses["b"])

    def sid(side: str, sub: str) -> int:
        where = f"pair {pair['id']} (side {side})"
        return score.sentence_at(
            analyses[side]["sentences"], score.locate(pair[side]["body"], sub, where), where
        )

    same = {"a": set(), "b": set()}
    for match in pair.get("matches", []):
        if match.get("level") == "same":
            same["a"].add(sid("a", match["a"]))
            same["b"].add(sid("b", match["b"]))
    only = {side: {sid(side, text) for text in pair.get(f"only_{side}", [])} for side in "ab"}
    counts: Counter = Counter()
    false_lines = []
    for side in "ab":
        lines = comparison["key_differences"][f"only_{side}"]
        counts["sides"] += 1
        counts["empty sides"] += not lines
        for line in lines:
            ids = set(line.get("sentences", [line["sentence"]]))
            counts["listed"] += 1
            if ids & only[side]:
                counts["true"] += 1
            elif ids & same[side]:
                counts["false"] += 1
                false_lines.append(f"{pair['id']} {side}: {line['text'][:140]}")
            else:
                counts["other"] += 1
    return counts, false_lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pairs", nargs="*", help="directories of *.json pairs (default: the development sets)"
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    from articles.compare.compare import compare_analyses
    from articles.reading import read_report

    root = Path(__file__).resolve().parent
    directories = [Path(d) for d in args.pairs] if args.pairs else [root / name for name in DEVELOPMENT]
    total: Counter = Counter()
    for directory in directories:
        for pair in score.load_pairs(directory):
            counts, false_lines = judge_pair(pair, read_report, compare_analyses)
            total.update(counts)
            if args.verbose:
                for line in false_lines:
                    print(f"FALSE {directory.name} {line}")
    judged = total["true"] + total["false"]
    print(
        f"lines {total['listed']}: true {total['true']}, false {total['false']}, other {total['other']}; "
        f"precision {total['true'] / judged if judged else 0:.3f}; "
        f"sides with no line {total['empty sides']} of {total['sides']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
