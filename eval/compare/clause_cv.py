"""Session 17 experiment: clause-level matching measured by fit_claims' K-fold cross-validation.

Reads every development pair once (cached in a pickle: the reading is the slow part), then runs
fit_claims.cross_validate with each way of letting a long sentence's clauses count
(align.CLAUSES, align.CLAUSE_CLOSEST). Run from the repository root:

    python eval/compare/clause_cv.py [--folds 4] [--variants base,probability,...]
"""

import argparse
import pickle
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import fit_claims  # noqa: E402
import score  # noqa: E402

from articles.compare import align  # noqa: E402

DEVELOPMENT = ["pairs", "heldout", "dev2", "heldout2", "heldout3", "heldout4"]
VARIANTS = {
    "base": ("", False),
    "probability": ("probability", False),
    "features": ("features", False),
    "probability+closest": ("probability", True),
    "features+closest": ("features", True),
    "extra": ("extra", False),
    "extra_meaning": ("extra", False),
    "leadfacts": ("", False),
    "leadloose": ("", False),
    "leadloose+extra": ("extra", False),
    "leadfacts+extra": ("extra", False),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--sets", default=",".join(DEVELOPMENT))
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/clause_cv_readings.pkl"))
    args = parser.parse_args()
    pairs = [p for name in args.sets.split(",") for p in score.load_pairs(HERE / name)]
    cache: dict = pickle.loads(args.cache.read_bytes()) if args.cache.exists() else {}
    before = len(cache)
    for pair in pairs:
        fit_claims.read(pair, cache)
    if len(cache) != before:
        args.cache.write_bytes(pickle.dumps(cache))
    for name in args.variants.split(","):
        align.CLAUSES, align.CLAUSE_CLOSEST = VARIANTS[name.split("/")[0]]
        align.CLAUSE_PAIRS = "one_side" if name.endswith("/one") else "short_other" if name.endswith("/short") else "all"
        align.CLAUSE_ONLY_MEANING = "meaning" in name
        align.LEAD_FACTS = "loose" if name.startswith("leadloose") else name.startswith("leadfacts")
        started = time.time()
        m = fit_claims.cross_validate(pairs, cache, args.folds)
        print(
            f"{name:22s} {args.folds}-fold over {len(pairs)} pairs:"
            f" P {m['tp'] / max(m['predicted'], 1):.3f} R {m['tp'] / max(m['gold'], 1):.3f}"
            f" kept {m['one_side_kept'] / max(m['one_side'], 1):.3f}"
            f" (tp {m['tp']}, predicted {m['predicted']}, gold {m['gold']}) [{time.time() - started:.0f} s]",
            flush=True,
        )


if __name__ == "__main__":
    main()
