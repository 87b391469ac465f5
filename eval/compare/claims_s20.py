"""Session 20 on same-claim recall (issue 13): many-to-one matches.

"rows" lists, for every development pair, each sentence pair the comparison shows as the same
claim, tagged by the annotation (SAME, related, ONE-SIDED, wrong), with the stored model
(claim_model.json) and the readings from claims_s18's pickle; per set it prints the match
precision and recall as score.py counts them, and the number conflicts with their gold word.
Run it before and after a change and diff the two listings:

    .venv/bin/python eval/compare/claims_s20.py rows > /tmp/rows_before.txt

"real" writes real_claims.py's listing (claims_s18.real_listing: readings kept in a pickle).
"refit" fits the same-claim model on --fit (fit_claims.fit_on), installs it, prints it, the rows
and, with --real, the real copies' listing; --write stores it as claim_model.json.
Figures and what was kept are in RESULTS.md, "Session 20: same-claim recall, sixth step".
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import claims_s18  # noqa: E402
import fit_claims  # noqa: E402
import score  # noqa: E402

from articles.compare import claims, compare  # noqa: E402

DEVELOPMENT = [
    "pairs", "heldout", "dev2", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
]  # fmt: skip


def tag(i: int, j: int, same: set, related: set, only: dict) -> str:
    if (i, j) in same:
        return "SAME"
    if (i, j) in related:
        return "related"
    if i in only["a"] or j in only["b"]:
        return "ONE-SIDED" + ("a" if i in only["a"] else "") + ("b" if j in only["b"] else "")
    return "wrong"


def rows(pairs: list[dict], cache: dict) -> None:
    per_set: dict[str, Counter] = {}
    for pair in pairs:
        analysis_a, analysis_b = (cache[(pair[s]["title"], pair[s]["body"])] for s in "ab")
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        same, related, only = claims_s18.gold(pair, comparison)
        shown = claims_s18.predicted(comparison)
        sentences = comparison["sentences"]
        key = f"{pair['set']}/{pair['id']}"
        for i, j in sorted(shown):
            print(f"{key} A{i} B{j} {tag(i, j, same, related, only)}")
            print(f"    A: {sentences['a'][i]['text'][:200]}\n    B: {sentences['b'][j]['text'][:200]}")
        counts = score.match_counts(shown, same, related, only["a"], only["b"])
        conflicts = Counter(
            {
                "conflicts_" + k: v
                for k, v in score.conflict_counts(
                    comparison["numbers"]["conflicts"], pair.get("number_conflicts", [])
                ).items()
            }
        )
        for c in comparison["numbers"]["conflicts"]:
            print(f"{key} CONFLICT {c['a']} / {c['b']}")
        per_set.setdefault(pair["set"], Counter()).update(counts + conflicts)
    print()
    for name, c in per_set.items():
        print(
            f"# {name:9s} P {c['tp'] / max(c['predicted'], 1):.3f} R {c['tp'] / max(c['gold'], 1):.3f}"
            f" ({c['tp']}/{c['predicted']}/{c['gold']}) kept {c['one_side_kept'] / max(c['one_side'], 1):.3f}"
            f" conflicts found {c['conflicts_tp']}/{c['conflicts_gold']} false {c['conflicts_false']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("rows", "real", "refit"))
    parser.add_argument("--fit", default=",".join(DEVELOPMENT), help="refit: the sets fitted on")
    parser.add_argument("--write", action="store_true", help="refit: store the model as claim_model.json")
    parser.add_argument("--real", type=Path, help="refit: write real_claims.py's listing here")
    parser.add_argument("--sets", default=",".join(DEVELOPMENT))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claims_s20_readings.pkl"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/claims_s20_real.txt"))
    args = parser.parse_args()
    if args.mode == "real":
        claims_s18.real_listing(args.out)
        return
    pairs, cache = claims_s18.load(args.sets.split(","), args.cache)
    if args.mode == "refit":
        fitted = [p for p in pairs if p["set"] in args.fit.split(",")]
        weights, bias, same, related, figures = fit_claims.fit_on(fitted, cache)
        fit_claims.install(weights, bias, same, related)
        model = fit_claims.model_record(
            weights, bias, same, related, f"{len(fitted)} annotated pairs ({', '.join(args.fit.split(','))})"
        )
        print(f"# in-sample P / R / kept {figures}\n# {json.dumps(model)}", flush=True)
        if args.write:
            claims.MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        # the rounded model, as the product will load it
        fit_claims.install(model["weights"], model["bias"], same, related)
        if args.real:
            claims_s18.real_listing(args.real)
    rows(pairs, cache)


if __name__ == "__main__":
    main()
