"""Session 22, branch claims-s23, on same-claim recall (issue 13): the pairs of sentences that
give one figure alike, with their annotation, over all thirteen development sets, so that a rule
lifting such pairs can be read off before it is built. Run from the repository root:

    .venv/bin/python eval/compare/claims_s23.py figures > /tmp/figures.txt
    .venv/bin/python eval/compare/claims_s23.py real --out /tmp/real.txt

"real" is claims_s22.py's real mode with the readings kept in a pickle of this script's own.

One line per pair of sentences (one of A, one of B) giving a figure of the same kind, unit and
value (dates, years, times and ordinals left out), tagged by the annotation (SAME / related /
ONE-SIDED / wrong), with the level the comparison shows it at, the model's probability and
features, and whether either sentence already stands in a same-claim row.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import claims_s18  # noqa: E402
import claims_s19  # noqa: E402
import claims_s20  # noqa: E402
import fit_claims  # noqa: E402

from articles.compare import claims, compare  # noqa: E402

SETS = [
    "pairs", "heldout", "dev2", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
    "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
]  # fmt: skip
NOT_FIGURES = ("date", "year", "time", "ordinal")


def figure_keys(analysis: dict) -> dict[int, set]:
    keys: dict[int, set] = {}
    for number in analysis.get("numbers", []):
        if number["kind"] in NOT_FIGURES or not isinstance(number["value"], int | float):
            continue
        keys.setdefault(number["sentence"], set()).add((number["kind"], number["unit"], number["value"]))
    return keys


def figures(pairs: list[dict], cache: dict) -> None:
    claims_s19.install_trace()
    model = claims.model()
    tally: Counter = Counter()
    for pair in pairs:
        claims_s19.TRACE = claims_s19.Trace()
        analysis_a, analysis_b = fit_claims.read(pair, cache)
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        sentences = comparison["sentences"]
        same, related, only = claims_s18.gold(pair, comparison)
        shown_same, shown_related = claims_s19.shown(comparison)
        in_same_a = {i for i, _ in shown_same}
        in_same_b = {j for _, j in shown_same}
        keys_a, keys_b = figure_keys(analysis_a), figure_keys(analysis_b)
        for i, ka in keys_a.items():
            for j, kb in keys_b.items():
                shared = ka & kb
                if not shared:
                    continue
                tag = claims_s20.tag(i, j, same, related, only)
                shown = "same" if (i, j) in shown_same else "related" if (i, j) in shown_related else "-"
                f = claims_s19.TRACE.features.get((i, j))
                p = model.probability(f) if f else None
                taken = ("a" if i in in_same_a else "") + ("b" if j in in_same_b else "")
                small = all(kind == "count" and abs(value) < 10 for kind, _, value in shared)
                tally[(shown, tag[:4], taken or "free", "small" if small else "big")] += 1
                feats = f"p {p:.2f} cos {f[1]:.2f} n {f[4]:.2f}" if f else "p -"
                print(
                    f"{pair['set']}/{pair['id']} A{i} B{j} {tag} shown={shown} taken={taken or '-'} "
                    f"{feats} shared={sorted(map(str, shared))} {'small' if small else ''}"
                )
                print(f"    A: {sentences['a'][i]['text'][:170]}\n    B: {sentences['b'][j]['text'][:170]}")
    for key, count in sorted(tally.items()):
        print(key, count)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("figures", "real"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/claims_s23_real_listing.txt"))
    parser.add_argument("--real-cache", type=Path, default=Path("/tmp/claims_s23_real.pkl"))
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claims_s23_readings.pkl"))
    args = parser.parse_args()
    if args.mode == "real":
        claims_s18.real_listing(args.out, args.real_cache)
        return
    pairs, cache = claims_s18.load(args.sets.split(","), args.cache)
    figures(pairs, cache)


if __name__ == "__main__":
    main()
