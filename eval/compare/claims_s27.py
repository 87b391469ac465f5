"""Session 25 on same-claim recall (issue 13, branch claims-s27): a claim told in two adjacent
sentences joined to the one sentence telling it whole (align._join_split_claims).

"variants" lists, over the fifteen development sets, the sentence pairs shown as the same claim
that each variant of align's JOINT_* constants ("NAME=value,...") adds or drops against the
rule switched off (JOINT_GAIN=99), counted by the annotation's tag (SAME, related, ONE-SIDED,
wrong; claims_s20.tag), and names each one not gold same. "splits" lists the gold same pairs
still missed whose other part is matched next door, with the test of the rule that stops each.
Readings are kept in claims_s18's pickle (--cache). The real copies: claims_s26.py real, with
--variant. Run from the repository root:

    .venv/bin/python eval/compare/claims_s27.py variants "JOINT_GAIN=0.05" "JOINT_LONGER=1.2"
    .venv/bin/python eval/compare/claims_s27.py splits

Figures: eval/compare/RESULTS.md, session 25.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import claims_s18  # noqa: E402
import claims_s20  # noqa: E402
import claims_s22  # noqa: E402

from articles.compare import align, compare  # noqa: E402
from articles.compare.compare import with_linked_keys  # noqa: E402
from articles.compare.summary import link_entities  # noqa: E402
from articles.reading.vectors import unpack  # noqa: E402

SETS = [
    "pairs", "heldout", "dev2", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
    "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13",
]  # fmt: skip
DEFAULTS = {name: getattr(align, name) for name in ("JOINT_GAIN", "JOINT_LONGER", "JOINT_PART_WORDS")}


def shown_tags(pairs: list[dict], cache: dict, variant: str) -> dict[tuple, str]:
    for name, value in DEFAULTS.items():
        setattr(align, name, value)
    claims_s22.apply(variant)
    out = {}
    for pair in pairs:
        analysis_a, analysis_b = (cache[(pair[s]["title"], pair[s]["body"])] for s in "ab")
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        same, related, only = claims_s18.gold(pair, comparison)
        for i, j in claims_s18.predicted(comparison):
            out[(pair["set"], pair["id"], i, j)] = claims_s20.tag(i, j, same, related, only)
    return out


def variants(pairs: list[dict], cache: dict, names: list[str]) -> None:
    off = shown_tags(pairs, cache, "JOINT_GAIN=99")
    for variant in names:
        on = shown_tags(pairs, cache, variant)
        gained = Counter(t for k, t in on.items() if k not in off)
        lost = Counter(t for k, t in off.items() if k not in on)
        print(f"{variant}: gained {dict(gained)} lost {dict(lost)}", flush=True)
        for key, tag in sorted(on.items()):
            if key not in off and tag != "SAME":
                print(f"   + {tag} {key}")


def splits(pairs: list[dict], cache: dict) -> None:
    """Gold same pairs missed whose sentence's neighbour is in a gold same pair shown with the
    other sentence, the part free: which of the rule's tests each fails."""
    fails: Counter[str] = Counter()
    current = align.model()
    for pair in pairs:
        analysis_a, analysis_b = (cache[(pair[s]["title"], pair[s]["body"])] for s in "ab")
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        same, _, _ = claims_s18.gold(pair, comparison)
        shown = claims_s18.predicted(comparison)
        rows = [r for r in comparison["rows"] if r["kind"] in ("match", "moved_b")]
        taken_a = {i for r in rows for i in r["a"]}
        taken_b = {j for r in rows for j in r["b"]}
        analysis_b = with_linked_keys(
            analysis_b, link_entities(analysis_a["entities"], analysis_b["entities"])
        )
        a, b = align.prepare(analysis_a), align.prepare(analysis_b)
        weights = align._weights(a, b)
        lexical = align.lexical_pairs(a, b, weights, set(), set())
        cosines = align.sentence_cosines(analysis_a, analysis_b, a, b)
        meaning_a, meaning_b, words_a, words_b = align._closest_each_way(lexical, cosines)
        vectors_a, vectors_b = unpack(analysis_a["vectors"]), unpack(analysis_b["vectors"])
        for i, k in sorted(same - shown):
            cases = [("b", i, j, k) for j in (k - 1, k + 1) if (i, j) in shown & same and k not in taken_b]
            cases += [("a", k, h, i) for h in (i - 1, i + 1) if (h, k) in shown & same and i not in taken_a]
            for side, one, first, part in cases:
                if side == "b":
                    one_text, parts_text, vector, vectors = a, b, vectors_a[one], vectors_b
                    closest = (i, k) in meaning_b | words_b
                else:
                    one_text, parts_text, vector, vectors = b, a, vectors_b[one], vectors_a
                    closest = (i, k) in meaning_a | words_a
                summed = vectors[first] + vectors[part]
                features = align._joint_features(
                    one, [first], one_text, parts_text, weights, float(vector @ vectors[first])
                )
                base = current.probability(features)
                cosine = float(vector @ summed / np.linalg.norm(summed))
                joint = align._joint_features(
                    one, sorted([first, part]), one_text, parts_text, weights, cosine
                )
                p = current.probability(joint)
                why = [
                    name
                    for name, failed in (
                        ("short", one_text.lengths[one] < align.JOINT_LONGER * parts_text.lengths[first]),
                        ("not closest", not closest),
                        ("words", align._part_words_told(one_text.bags[one], parts_text.bags[part], weights)
                         < align.JOINT_PART_WORDS),
                        ("under same", p < current.same),
                        ("no gain", p < base + align.JOINT_GAIN),
                    )
                    if failed
                ]  # fmt: skip
                fails[", ".join(why) or "passes (a guard objects)"] += 1
                print(
                    f"{pair['set']}/{pair['id']} {side}: one {one}, parts {first}+{part}: p {base:.2f} -> {p:.2f} {why}"
                )
    for reason, n in fails.most_common():
        print(f"| {reason} | {n} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("variants", "splits"))
    parser.add_argument("variants", nargs="*", default=["JOINT_GAIN=0.05"])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claims_s27_readings.pkl"))
    args = parser.parse_args()
    pairs, cache = claims_s18.load(args.sets.split(","), args.cache)
    if args.mode == "variants":
        variants(pairs, cache, args.variants)
    else:
        splits(pairs, cache)


if __name__ == "__main__":
    main()
