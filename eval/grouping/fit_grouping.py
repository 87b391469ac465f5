"""Fit grouping's text model (articles/grouping/scoring.json) on labelled report pairs.

    .venv/bin/python eval/grouping/fit_grouping.py [eval/corpus/dev_a.jsonl eval/corpus/dev_b.jsonl]
        [--threshold P] [--write]

Every pair of reports within one corpus file is a training example: same event or not, with
the similarities grouping computes (idf-weighted terms and names, meaning of headline-and-lead
and of the whole text; idf from that file's reports). Two L2-penalised logistic regressions are
fitted: with the meaning features, and words only (for reports not read yet). Only the
development corpora go in; the held-out corpora are for eval/evaluate.py.

The decision threshold is chosen afterwards by running the real pipeline over the development
corpora at several thresholds (eval/evaluate.py --threshold) and stored with --threshold.
--write stores the fitted model (keeping the thresholds unless --threshold is given).
"""

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from articles.grouping.engine import Weights, report_keys  # noqa: E402
from articles.grouping.features import ReportFeatures, extract_features  # noqa: E402
from articles.grouping.similarity import Weighted, _cosine  # noqa: E402
from articles.reading import read_reports  # noqa: E402

DEV = [REPO / "eval/corpus/dev_a.jsonl", REPO / "eval/corpus/dev_b.jsonl"]
FITTED = REPO / "articles/grouping/scoring.json"
L2 = 1.0
WITH_MEANING = ["terms", "names", "named", "lead_meaning", "text_meaning"]
# Pairs sharing less than this (term cosine) are never candidates of one another in grouping
# (the index finds events by shared rare words): they teach the model nothing it uses, and
# their thousands would drown the near misses it must tell apart.
CANDIDATE_TERMS = 0.05
WORDS_ONLY = ["terms", "names", "named"]


def load(path: Path) -> tuple[list[ReportFeatures], list[str]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    readings = read_reports([(r["title"], r["text"], "en") for r in records])
    reports = [
        extract_features(r["title"], r["text"], None, reading)
        for r, reading in zip(records, readings, strict=True)
    ]
    return reports, [r["event"] for r in records]


def cosine(a: Weighted, b: Weighted) -> float:
    """The cosine grouping computes (similarity._cosine), so the fit sees grouping's features."""
    return _cosine(a, b.vector, b.norm)[0]


def pair_rows(reports: list[ReportFeatures], labels: list[str]) -> tuple[list[dict], list[int]]:
    frequencies: dict[str, int] = {}
    for report in reports:
        for key in set(report_keys(report)):
            frequencies[key] = frequencies.get(key, 0) + 1
    weights = Weights(len(reports), frequencies)
    vectors = [weights.vectors(report) for report in reports]
    rows, ys = [], []
    for i, j in itertools.combinations(range(len(reports)), 2):
        a, b = reports[i], reports[j]
        if a.short or b.short:
            continue  # headline-only reports join on their own rule (similarity.SHORT_THRESHOLD)
        named = bool(a.names and b.names)
        row = {
            "terms": cosine(vectors[i][0], vectors[j][0]),
            "names": cosine(vectors[i][1], vectors[j][1]) if named else 0.0,
            "named": float(named),
        }
        if a.meaning is not None and b.meaning is not None:
            row["lead_meaning"] = float(a.meaning.lead @ b.meaning.lead)
            row["text_meaning"] = float(a.meaning.text @ b.meaning.text)
        if row["terms"] < CANDIDATE_TERMS:
            continue
        rows.append(row)
        ys.append(int(labels[i] == labels[j]))
    return rows, ys


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method; the bias is not penalised.
    Positive pairs are weighed up to balance the classes (same-event pairs are few)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    balance = np.where(y == 1, (y == 0).sum() / max((y == 1).sum(), 1), 1.0)
    w = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * L2
    penalty[-1, -1] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-design @ w))
        gradient = design.T @ (balance * (p - y)) + penalty @ w
        hessian = design.T @ (design * (balance * p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w[:-1], float(w[-1])


def report(name: str, columns: list[str], x: np.ndarray, y: np.ndarray, w: np.ndarray, b: float) -> None:
    p = 1 / (1 + np.exp(-(x @ w + b)))
    print(
        f"{name}: " + ", ".join(f"{c} {v:+.3f}" for c, v in zip(columns, w, strict=True)) + f", bias {b:+.3f}"
    )
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        predicted = p >= threshold
        tp = int((predicted & (y == 1)).sum())
        precision = tp / max(int(predicted.sum()), 1)
        recall = tp / max(int((y == 1).sum()), 1)
        print(f"  pairs at p >= {threshold:.1f}: precision {precision:.3f} recall {recall:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="*", type=Path, default=DEV)
    parser.add_argument("--threshold", type=float, help="store this decision threshold (chosen on dev)")
    parser.add_argument("--write", action="store_true", help="store the fitted model in scoring.json")
    args = parser.parse_args()
    rows, ys = [], []
    for path in args.corpus:
        more_rows, more_ys = pair_rows(*load(path))
        rows += more_rows
        ys += more_ys
    y = np.asarray(ys, dtype=float)
    print(f"{len(rows)} pairs, {int(y.sum())} of the same event, from {len(args.corpus)} corpora")
    fitted = {}
    for name, columns in (("with_meaning", WITH_MEANING), ("words_only", WORDS_ONLY)):
        keep = [k for k, row in enumerate(rows) if all(c in row for c in columns)]
        x = np.asarray([[rows[k][c] for c in columns] for k in keep])
        w, b = fit(x, y[keep])
        report(name, columns, x, y[keep], w, b)
        fitted[name] = {
            "bias": round(b, 4),
            "weights": {c: round(float(v), 4) for c, v in zip(columns, w, strict=True)},
        }
    if not args.write:
        return
    current = json.loads(FITTED.read_text(encoding="utf-8")) if FITTED.exists() else {}
    thresholds = current.get("thresholds", {})
    if args.threshold is not None:
        thresholds["join"] = args.threshold
    fitted["thresholds"] = thresholds
    fitted["fitted_on"] = [str(p.resolve().relative_to(REPO)) for p in args.corpus]
    FITTED.write_text(json.dumps(fitted, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {FITTED.relative_to(REPO)}")


if __name__ == "__main__":
    main()
