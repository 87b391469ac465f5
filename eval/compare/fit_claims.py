"""Fit the same-claim model (articles/compare/claim_model.json) on the annotated pairs.

1. Every candidate pair of sentences of every annotated pair (those the alignment scores:
   sharing a token, or with a cosine of at least align.MEANING_CANDIDATE) becomes a row of
   claims.FEATURES, labelled 1 when annotated "same", else 0.
2. A logistic regression with a small L2 penalty is fitted by Newton's method (numpy only).
3. The two thresholds (same, related) are chosen by running the real alignment and scorer:
   the highest recall with precision of at least 0.9 and at least 0.95 of one-sided sentences
   left unmatched (precision first).
To keep the figures honest it first fits on each half of the pairs and reports the other half
(with --folds K: K-fold cross-validation, every pair scored by a model fitted and thresholded
without it), then fits on all pairs and writes the model. Each set written blind to the
software (eval/compare/heldout, dev2, heldout2) was first scored with the model of its day,
unfitted on it; those figures are in RESULTS.md; the model shipped is fitted on pairs,
heldout, dev2 and heldout2. eval/compare/heldout3 is never fitted on: it is the held-out set.
Run from the repository root:

    python eval/compare/fit_claims.py [--pairs DIR ...] [--folds K] [--dry-run]
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import score  # noqa: E402

from articles.compare import align, claims  # noqa: E402
from articles.compare.compare import compare_analyses, with_linked_keys  # noqa: E402
from articles.compare.summary import link_entities  # noqa: E402
from articles.reading import read_report  # noqa: E402

L2 = 1.0
THRESHOLDS = [round(x, 2) for x in np.arange(0.2, 0.86, 0.05)]


def read(pair: dict, cache: dict) -> tuple[dict, dict]:
    out = []
    for side in ("a", "b"):
        key = (pair[side]["title"], pair[side]["body"])
        if key not in cache:
            cache[key] = read_report(*key)
        out.append(cache[key])
    return out[0], out[1]


def rows(pair: dict, cache: dict) -> tuple[list[tuple], list[int]]:
    analysis_a, analysis_b = read(pair, cache)
    analysis_b = with_linked_keys(analysis_b, link_entities(analysis_a["entities"], analysis_b["entities"]))
    a, b = align.prepare(analysis_a), align.prepare(analysis_b)
    candidates = align.candidate_features(
        a, b, align._weights(a, b), set(), set(), align.sentence_cosines(analysis_a, analysis_b, a, b)
    )
    sentences = {"a": analysis_a["sentences"], "b": analysis_b["sentences"]}

    def sid(side: str, sub: str) -> int:
        where = f"pair {pair['id']}"
        return score.sentence_at(sentences[side], score.locate(pair[side]["body"], sub, where), where)

    same = {(sid("a", m["a"]), sid("b", m["b"])) for m in pair["matches"] if m["level"] == "same"}
    features, labels = [], []
    for (i, j), pair_features in candidates.items():
        features.append(pair_features)
        labels.append(int((i, j) in same))
    return features, labels


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method; the bias is not penalised."""
    design = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * L2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def evaluate(pairs: list[dict], cache: dict) -> tuple[float, float, float]:
    m = sum((score.score_pair(p, _reader(cache), compare_analyses)["matches"] for p in pairs), Counter())
    figures = score.prf(m["tp"], m["predicted"], m["tp"], m["gold"])
    kept = m["one_side_kept"] / m["one_side"] if m["one_side"] else 1.0
    return figures["precision"], figures["recall"], kept


def install(weights: np.ndarray, bias: float, same: float, related: float) -> None:
    claims.use(claims.ClaimModel(tuple(float(w) for w in weights), bias, same, related))


def choose_thresholds(
    weights: np.ndarray, bias: float, pairs: list[dict], cache: dict
) -> tuple[float, float, tuple]:
    best = (-1.0, 0.5, 0.5, ())
    for same in THRESHOLDS:
        install(weights, bias, same, related_for(same))
        precision, recall, kept = evaluate(pairs, cache)
        value = recall + 0.5 * precision if precision >= 0.9 and kept >= 0.95 else -1.0
        if value > best[0]:
            best = (value, same, related_for(same), (precision, recall, kept))
    return best[1], best[2], best[3]


def related_for(same: float) -> float:
    """The "related" level sits just below "same", never below what the alignment scores at all."""
    return round(max(same - 0.05, align.NEIGHBOUR_THRESHOLD), 2)


def fit_on(pairs: list[dict], cache: dict) -> tuple[np.ndarray, float, float, float, tuple]:
    features, labels = [], []
    for pair in pairs:
        f, y = rows(pair, cache)
        features += f
        labels += y
    weights, bias = fit(np.array(features, dtype=float), np.array(labels, dtype=float))
    same, related, figures = choose_thresholds(weights, bias, pairs, cache)
    return weights, bias, same, related, figures


def model_record(weights: np.ndarray, bias: float, same: float, related: float, fitted_on: str) -> dict:
    """The model as claims.MODEL_PATH stores it."""
    return {
        "features": list(claims.FEATURES),
        "weights": [round(float(w), 4) for w in weights],
        "bias": round(bias, 4),
        "same": same,
        "related": related,
        "fitted_on": f"{fitted_on} by eval/compare/fit_claims.py",
    }


def cross_validate(pairs: list[dict], cache: dict, folds: int) -> Counter:
    """Match counts of every pair, each scored by a model fitted (thresholds included) on the
    other folds only."""
    total: Counter = Counter()
    for k in range(folds):
        train = [p for n, p in enumerate(pairs) if n % folds != k]
        weights, bias, same, related, _ = fit_on(train, cache)
        install(weights, bias, same, related)
        held_out = [p for n, p in enumerate(pairs) if n % folds == k]
        total += sum(
            (score.score_pair(p, _reader(cache), compare_analyses)["matches"] for p in held_out), Counter()
        )
    return total


def _reader(cache: dict):
    def analyse(title: str, body: str, language: str = "en") -> dict:
        # each report is read once: setdefault(key, read_report(...)) would read it every time
        if (title, body) not in cache:
            cache[(title, body)] = read_report(title, body, language)
        return cache[(title, body)]

    return analyse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pairs",
        type=Path,
        action="append",
        help="a folder of annotated pairs (repeatable; default: pairs, heldout, dev2 and heldout2)",
    )
    parser.add_argument("--folds", type=int, default=0, help="also print K-fold cross-validated figures")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the model")
    args = parser.parse_args()
    folders = args.pairs or [HERE / "pairs", HERE / "heldout", HERE / "dev2", HERE / "heldout2"]
    pairs = [p for folder in folders for p in score.load_pairs(folder)]
    cache: dict = {}
    fmt = "P {:.3f}  R {:.3f}  one-sided kept {:.3f}"
    if args.folds > 1:
        m = cross_validate(pairs, cache, args.folds)
        print(
            f"{args.folds}-fold cross-validation over {len(pairs)} pairs:",
            fmt.format(
                m["tp"] / max(m["predicted"], 1),
                m["tp"] / max(m["gold"], 1),
                m["one_side_kept"] / max(m["one_side"], 1),
            ),
            f"(tp {m['tp']}, predicted {m['predicted']}, gold {m['gold']})",
        )
    halves = pairs[::2], pairs[1::2]
    for k, half in enumerate(halves):
        weights, bias, same, related, figures = fit_on(half, cache)
        install(weights, bias, same, related)
        print(
            f"fitted on half {k} (same >= {same}):",
            fmt.format(*figures),
            "| other half:",
            fmt.format(*evaluate(halves[1 - k], cache)),
        )
    weights, bias, same, related, figures = fit_on(pairs, cache)
    print(f"fitted on all {len(pairs)} pairs (same >= {same}):", fmt.format(*figures))
    model = model_record(
        weights, bias, same, related, f"{len(pairs)} annotated pairs ({', '.join(f.name for f in folders)})"
    )
    print(json.dumps(model))
    if not args.dry_run:
        claims.MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print("wrote", claims.MODEL_PATH)


if __name__ == "__main__":
    main()
