"""Session 24 on same-claim recall (issue 13, branch claims-s26): claims_s20's rows listing over
the fourteen development sets, with variants, and the real copies' listing.

"base" prints the listing (every sentence pair shown as the same claim, tagged by the
annotation, and per set P / R as score.py counts them) with the product as it is; --levels
"SAME,RELATED" puts the stored model in place with other levels; --variant sets align's module
constants ("NAME=value,..."). "said" scores each pair's meaning as the greatest cosine of the
whole sentences and of what was said, the attribution ("X said", "according to X") blanked out
(the encoder is run on those parts here, not stored); "saidonly" uses what was said alone.
"real" writes real_claims.py's listing (claims_s18.real_listing) with its readings in
--real-cache. Readings are kept in pickles checked against READING_VERSION only: give a new
--cache / --real-cache path for each reading variant. Run from the repository root:

    .venv/bin/python eval/compare/claims_s26.py base > /tmp/cs26/base.txt
    .venv/bin/python eval/compare/claims_s26.py said > /tmp/cs26/said.txt
    .venv/bin/python eval/compare/claims_s26.py base --levels 0.27,0.25 > /tmp/cs26/levels.txt
    .venv/bin/python eval/compare/claims_s26.py real --out /tmp/cs26/real.txt

The closest-twice rule that was tried is commit 8c4f833 on this branch (reverted in the next
commit); check it out to run it again. Figures: eval/compare/RESULTS.md, session 24.
"""

import argparse
import pickle
import re
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import claims_s18  # noqa: E402
import claims_s20  # noqa: E402
import claims_s22  # noqa: E402

from articles.compare import align, claims  # noqa: E402
from articles.reading.vectors import encode, unpack  # noqa: E402

SETS = [
    "pairs", "heldout", "dev2", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
    "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12",
]  # fmt: skip


def said_text(sentence: dict) -> str | None:
    spans = sentence.get("attribution") or []
    if not spans:
        return None
    text = re.sub(r"\s+", " ", align._blank_outside(sentence, spans, keep=False)).strip(" ,.")
    text = re.sub(r"^(that|:)\s+", "", text)
    return text if len(text.split()) >= 3 else None


def said_vectors(cache: dict, store: Path) -> dict:
    """Per reading (by id of its key), a matrix: the said part's vector where there is one, the
    sentence's own vector elsewhere."""
    known = pickle.loads(store.read_bytes()) if store.exists() else {}
    out = {}
    todo = []
    for key in cache:
        if key in known:
            out[key] = known[key]
            continue
        todo.append(key)
    for key in todo:
        reading = cache[key]
        full = unpack(reading.get("vectors"))
        texts = [said_text(s) for s in reading["sentences"]]
        rows = [k for k, t in enumerate(texts) if t]
        matrix = full.copy() if full is not None else None
        if matrix is not None and rows:
            matrix[rows] = encode([texts[k] for k in rows])
        out[key] = matrix
    if todo:
        store.write_bytes(pickle.dumps(out))
    return out


def install_said(cache: dict, store: Path, mode: str) -> None:
    by_id = {}
    said = said_vectors(cache, store)
    for key, reading in cache.items():
        by_id[id(reading)] = said[key]
    original = align.sentence_cosines

    def cosines(analysis_a, analysis_b, a, b):
        base = original(analysis_a, analysis_b, a, b)
        sa, sb = by_id.get(id(analysis_a)), by_id.get(id(analysis_b))
        if base is None or sa is None or sb is None:
            return base
        fa, fb = unpack(analysis_a.get("vectors")), unpack(analysis_b.get("vectors"))
        if mode == "max":
            return np.maximum.reduce([base, sa @ sb.T, sa @ fb.T, fa @ sb.T])
        return sa @ sb.T

    align.sentence_cosines = cosines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("base", "said", "saidonly", "real"))
    parser.add_argument("--variant", default="", help='align constants, "NAME=value,..."')
    parser.add_argument("--levels", default="", help='the model\'s same and related levels, "0.28,0.25"')
    parser.add_argument("--real-cache", type=Path, default=Path("/tmp/claims_s26_real.pkl"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/cs26/real.txt"))
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claims_s26_readings.pkl"))
    parser.add_argument("--said", type=Path, default=Path("/tmp/claims_s26_said.pkl"))
    args = parser.parse_args()
    claims_s22.apply(args.variant)
    if args.levels:
        same, related = (float(x) for x in args.levels.split(","))
        stored = claims.model()
        claims.use(claims.ClaimModel(stored.weights, stored.bias, same, related))
    if args.mode == "real":
        claims_s18.real_listing(args.out, args.real_cache)
        return
    pairs, cache = claims_s18.load(args.sets.split(","), args.cache)
    if args.mode == "said":
        install_said(cache, args.said, "max")
    elif args.mode == "saidonly":
        install_said(cache, args.said, "said")
    claims_s20.rows(pairs, cache)


if __name__ == "__main__":
    main()
