"""Session 23, branch claims-s24, on same-claim recall (issue 13): one sentence told in two, read
off before a rule is built, over all thirteen development sets. Run from the repository root:

    .venv/bin/python eval/compare/claims_s24.py splits > /tmp/splits.txt
    .venv/bin/python eval/compare/claims_s24.py gaps > /tmp/gaps.txt
    .venv/bin/python eval/compare/claims_s24.py leads > /tmp/leads.txt
    .venv/bin/python eval/compare/claims_s24.py subjects > /tmp/subjects.txt
    .venv/bin/python eval/compare/claims_s24.py verbs > /tmp/verbs.txt
    .venv/bin/python eval/compare/claims_s24.py rows > /tmp/rows.txt
    .venv/bin/python eval/compare/claims_s24.py real --out /tmp/real.txt

"splits" lists every candidate second partner: a sentence X of one report standing in a
same-claim row with a sentence Y of the other, and another sentence Z of the other report, not
shown with X as the same claim, within SPAN sentences of Y. For each it prints the annotation's
tag of (X, Z) (SAME / related / ONE-SIDED / wrong), the model's probability, the cosines of X
with Y, with Z and with Y and Z together (the normalised sum of their vectors), the share of
Z's word weight found in X, the share of what X says beyond Y that Z says, and the names and
figures X and Z share that Y does not give. "gaps" pairs the k-th sentence of A with the k-th of
B between two consecutive same-claim rows whose gaps are as long; "leads" prints the two leads of
every development pair (tagged) and of every pair of real copies, with the level shown, the
model's probability, how many sentences read closer to each, and the reading's "happened";
"subjects" the rows shown as the same claim whose main subjects name entities the other sentence
does not name; "verbs" the candidate pairs from 0.1 not shown as the same claim, by whether their
main verbs are one lemma and they share a name or a figure. Readings are kept in pickles checked against READING_VERSION only: delete them
after changing the reading without a version bump. "rows" is claims_s20's per-set listing of the rows
shown as the same claim (the same counts as score.py), "real" claims_s22's real listing with the
readings in a pickle of this script's own.
"""

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import claims_s18  # noqa: E402
import claims_s20  # noqa: E402
import fit_claims  # noqa: E402

from articles.compare import align, claims, compare  # noqa: E402
from articles.reading.vectors import unpack  # noqa: E402

SETS = [
    "pairs", "heldout", "dev2", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
    "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
]  # fmt: skip
SPAN = 2


def _captured_alignment():
    captured: dict = {}
    original = align.align

    def capturing(*args, **kwargs):
        out = original(*args, **kwargs)
        captured["alignment"] = out
        return out

    compare.align = capturing
    return captured


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def splits(pairs: list[dict], cache: dict) -> None:
    captured = _captured_alignment()
    model = claims.model()
    tally: Counter = Counter()
    for pair in pairs:
        analysis_a, analysis_b = fit_claims.read(pair, cache)
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        alignment = captured["alignment"]
        same, related, only = claims_s18.gold(pair, comparison)
        shown = claims_s18.predicted(comparison)
        sentences = comparison["sentences"]
        a, b = align.prepare(analysis_a), align.prepare(analysis_b)
        weights = align._weights(a, b)
        lexical = align.lexical_pairs(a, b, weights, set(), set())
        cosines = align.sentence_cosines(analysis_a, analysis_b, a, b)
        feats = align.candidate_features(a, b, weights, set(), set(), cosines, lexical)
        vectors = (_unit(unpack(analysis_a["vectors"])), _unit(unpack(analysis_b["vectors"])))
        key = f"{pair['set']}/{pair['id']}"
        for m in alignment.matches:
            if m.level != claims.SAME or len(m.a) != 1 or len(m.b) != 1:
                continue
            i0, j0 = m.a[0], m.b[0]
            # side "a": X = A i0, Y = B j0, Z in B; side "b": X = B j0, Y = A i0, Z in A
            for side in "ab":
                x, y = (i0, j0) if side == "a" else (j0, i0)
                n_other = len(b.bags) if side == "a" else len(a.bags)
                for z in range(max(0, y - SPAN), min(n_other, y + SPAN + 1)):
                    if z == y:
                        continue
                    ij = (x, z) if side == "a" else (z, x)
                    if ij in shown:
                        continue
                    tag = claims_s20.tag(*ij, same, related, only)
                    f = feats.get(ij)
                    p = model.probability(f) if f else 0.0
                    bx = (a if side == "a" else b).bags[x]
                    by = (b if side == "a" else a).bags[y]
                    bz = (b if side == "a" else a).bags[z]
                    vx = vectors[0 if side == "a" else 1][x]
                    vy = vectors[1 if side == "a" else 0][y]
                    vz = vectors[1 if side == "a" else 0][z]
                    both = vy + vz
                    both = both / (np.linalg.norm(both) or 1)
                    cos_xy, cos_xz, cos_union = float(vx @ vy), float(vx @ vz), float(vx @ both)
                    wz = sum(weights[t] for t in bz) or 1
                    contained = sum(weights[t] for t in bz if t in bx) / wz
                    rest = [t for t in bx if t not in by]
                    wrest = sum(weights[t] for t in rest) or 1
                    covered = sum(weights[t] for t in rest if t in bz) / wrest
                    anchors = sorted(t for t in bz if t in bx and t not in by and t[:2] in ("E:", "N:"))
                    zmatch = [mm for mm in alignment.matches if z in (mm.b if side == "a" else mm.a)]
                    zstate = ",".join(mm.level for mm in zmatch) or "free"
                    print(
                        f"{tag:9s} {key} {side} X{x} Y{y} Z{z} p {p:.2f} cos xy {cos_xy:.2f} xz {cos_xz:.2f}"
                        f" union {cos_union:.2f} gain {cos_union - cos_xy:+.2f} contained {contained:.2f}"
                        f" covered {covered:.2f} anchors {len(anchors)} {' '.join(anchors)} z:{zstate}"
                    )
                    sx = sentences["a" if side == "a" else "b"][x]["text"]
                    sy = sentences["b" if side == "a" else "a"][y]["text"]
                    sz = sentences["b" if side == "a" else "a"][z]["text"]
                    print(f"    X: {sx[:220]}\n    Y: {sy[:220]}\n    Z: {sz[:220]}")
                    tally[tag[:4]] += 1
    print(tally)


def gaps(pairs: list[dict], cache: dict) -> None:
    """Sentences between two consecutive same-claim rows (in both reports' order) where both
    reports have as many sentences in the gap: the k-th of A's gap against the k-th of B's."""
    captured = _captured_alignment()
    model = claims.model()
    tally: Counter = Counter()
    for pair in pairs:
        analysis_a, analysis_b = fit_claims.read(pair, cache)
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        alignment = captured["alignment"]
        same, related, only = claims_s18.gold(pair, comparison)
        shown = claims_s18.predicted(comparison)
        sentences = comparison["sentences"]
        a, b = align.prepare(analysis_a), align.prepare(analysis_b)
        weights = align._weights(a, b)
        lexical = align.lexical_pairs(a, b, weights, set(), set())
        cosines = align.sentence_cosines(analysis_a, analysis_b, a, b)
        feats = align.candidate_features(a, b, weights, set(), set(), cosines, lexical)
        key = f"{pair['set']}/{pair['id']}"
        anchors = sorted(
            (m.a[0], m.b[0])
            for m in alignment.matches
            if m.level == claims.SAME and len(m.a) == len(m.b) == 1
        )
        taken_a = {i for m in alignment.matches for i in m.a}
        taken_b = {j for m in alignment.matches for j in m.b}
        for (i1, j1), (i2, j2) in itertools.pairwise(anchors):
            da, db = i2 - i1 - 1, j2 - j1 - 1
            if da != db or da < 1 or da > 3 or j2 < j1:
                continue
            for k in range(1, da + 1):
                i, j = i1 + k, j1 + k
                tag = claims_s20.tag(i, j, same, related, only)
                f = feats.get((i, j))
                p = model.probability(f) if f else -1
                state = (
                    ("shown" if (i, j) in shown else "")
                    + (" takenA" if i in taken_a else "")
                    + (" takenB" if j in taken_b else "")
                )
                print(f"{tag:9s} {key} gap {da} A{i} B{j} p {p:.2f} cos {float(cosines[i, j]):.2f} {state}")
                print(f"    A: {sentences['a'][i]['text'][:200]}\n    B: {sentences['b'][j]['text'][:200]}")
                tally[(da, tag[:4], "shown" if (i, j) in shown else "free" if not state else "taken")] += 1
    for k, v in sorted(tally.items()):
        print(k, v)


def _lead_line(analysis_a: dict, analysis_b: dict, comparison: dict, alignment) -> str | None:
    sa, sb = analysis_a["sentences"], analysis_b["sentences"]
    i, j = align.lead(sa), align.lead(sb)
    if i < 0 or j < 0:
        return None
    a, b = align.prepare(analysis_a), align.prepare(analysis_b)
    weights = align._weights(a, b)
    lexical = align.lexical_pairs(a, b, weights, set(), set())
    cosines = align.sentence_cosines(analysis_a, analysis_b, a, b)
    feats = align.candidate_features(a, b, weights, set(), set(), cosines, lexical)
    f = feats.get((i, j))
    p = claims.model().probability(f) if f else -1
    shown = [m for m in alignment.matches if i in m.a and j in m.b]
    level = shown[0].level if shown else "-"
    rank_a = int((cosines[i] > cosines[i, j]).sum())  # B sentences closer to A's lead
    rank_b = int((cosines[:, j] > cosines[i, j]).sum())
    shared = sorted(t for t in a.bags[i] if t in b.bags[j] and t[:2] in ("E:", "N:"))
    words = f[0] if f else 0.0
    return (
        f"{level:7s} A{i} B{j} p {p:.2f} cos {float(cosines[i, j]):.2f} w {words:.2f} rankA {rank_a} rankB {rank_b}"
        f" happened {sa[i].get('happened')}/{sb[j].get('happened')} shared {' '.join(shared)}\n"
        f"    A: {sa[i]['text'][:230]}\n    B: {sb[j]['text'][:230]}"
    )


def leads(pairs: list[dict], cache: dict) -> None:
    """The two leads of every development pair (tagged) and of every pair of real copies."""
    captured = _captured_alignment()
    for pair in pairs:
        analysis_a, analysis_b = fit_claims.read(pair, cache)
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        same, related, only = claims_s18.gold(pair, comparison)
        i, j = align.lead(comparison["sentences"]["a"]), align.lead(comparison["sentences"]["b"])
        line = _lead_line(analysis_a, analysis_b, comparison, captured["alignment"])
        if line:
            print(f"{claims_s20.tag(i, j, same, related, only):9s} {pair['set']}/{pair['id']} {line}")
    import pickle

    import real_claims

    from articles.reading.document import READING_VERSION

    store = Path("/tmp/claims_s24_real.pkl")
    readings = pickle.loads(store.read_bytes())
    assert readings["version"] == READING_VERSION
    readings = readings["readings"]
    events = real_claims.reports_by_event()
    for event in sorted(events):
        for (la, ta, ba), (lb, tb, bb) in itertools.combinations(events[event], 2):
            analysis_a, analysis_b = readings[(ta, ba)], readings[(tb, bb)]
            comparison = compare.compare_analyses(analysis_a, analysis_b)
            line = _lead_line(analysis_a, analysis_b, comparison, captured["alignment"])
            if line:
                print(f"REAL      {la}|{lb} {line}")


def _subject_keys(analysis: dict, k: int) -> tuple[set[str], set[str]]:
    """Prototype: the entity keys named in sentence k's main subject, and in all of sentence k."""
    from articles.reading.models import nlp

    sentence = analysis["sentences"][k]
    doc = nlp()(sentence["text"])
    verb = next((t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
    spans = []
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                sub = list(c.subtree)
                spans.append((sentence["start"] + sub[0].idx, sentence["start"] + sub[-1].idx + len(sub[-1])))
    subject, every = set(), set()
    for entity in analysis.get("entities", []):
        for m in entity.get("mentions", []):
            if m.get("sentence") != k:
                continue
            every.add(entity["key"])
            if any(s0 <= m["start"] and m["end"] <= e0 for s0, e0 in spans):
                subject.add(entity["key"])
    return subject, every


def subjects(pairs: list[dict], cache: dict) -> None:
    """Rows shown as the same claim whose two sentences' subjects are named, and named apart."""
    captured = _captured_alignment()
    tally: Counter = Counter()
    for pair in pairs:
        analysis_a, analysis_b = fit_claims.read(pair, cache)
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        same, related, only = claims_s18.gold(pair, comparison)
        sentences = comparison["sentences"]
        for m in captured["alignment"].matches:
            if m.level != claims.SAME or len(m.a) != 1 or len(m.b) != 1:
                continue
            i, j = m.a[0], m.b[0]
            sub_a, all_a = _subject_keys(analysis_a, i)
            sub_b, all_b = _subject_keys(analysis_b, j)
            apart = bool(sub_a) and bool(sub_b) and not (sub_a & all_b) and not (sub_b & all_a)
            tag = claims_s20.tag(i, j, same, related, only)
            tally[(apart, tag[:4])] += 1
            if apart:
                print(f"{tag:9s} {pair['set']}/{pair['id']} A{i} B{j} {sorted(sub_a)} / {sorted(sub_b)}")
                print(f"    A: {sentences['a'][i]['text'][:200]}\n    B: {sentences['b'][j]['text'][:200]}")
    for k, v in sorted(tally.items()):
        print(k, v)


def _main_lemma(text: str) -> str | None:
    """Prototype: the lemma of a sentence's main verb (a happening told before its source: the
    happening's)."""
    from articles.reading.models import nlp
    from articles.reading.speech import SPEECH_LEMMAS

    doc = nlp()(text)
    verb = next((t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if verb.lemma_.lower() in SPEECH_LEMMAS and said is not None:
        verb = said
    return verb.lemma_.lower()


def verbs(pairs: list[dict], cache: dict) -> None:
    """Candidate pairs from probability 0.1 that are not shown as the same claim: their
    main verbs' lemmas, shared names and figures, tagged."""
    model = claims.model()
    tally: Counter = Counter()
    for pair in pairs:
        analysis_a, analysis_b = fit_claims.read(pair, cache)
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        same, related, only = claims_s18.gold(pair, comparison)
        shown = claims_s18.predicted(comparison)
        sentences = comparison["sentences"]
        a, b = align.prepare(analysis_a), align.prepare(analysis_b)
        weights = align._weights(a, b)
        lexical = align.lexical_pairs(a, b, weights, set(), set())
        cosines = align.sentence_cosines(analysis_a, analysis_b, a, b)
        feats = align.candidate_features(a, b, weights, set(), set(), cosines, lexical)
        closest = align.closest_both_ways(lexical, cosines)
        for (i, j), f in feats.items():
            p = model.probability(f)
            if p < 0.1 or (i, j) in shown:
                continue
            la, lb = _main_lemma(sentences["a"][i]["text"]), _main_lemma(sentences["b"][j]["text"])
            one_verb = la is not None and la == lb and la not in ("be", "have", "say")
            names = sum(t.startswith("E:") for t in a.bags[i] if t in b.bags[j])
            figs = sum(t.startswith("N:") for t in a.bags[i] if t in b.bags[j])
            tag = claims_s20.tag(i, j, same, related, only)
            key = (one_verb, names > 0, figs > 0, (i, j) in closest, "hi" if p >= model.same else "lo")
            tally[(*key, tag[:4])] += 1
            if one_verb and (names or figs):
                print(
                    f"{tag:9s} {pair['set']}/{pair['id']} A{i} B{j} p {p:.2f} verb {la} names {names} figs {figs}"
                    f" closest {(i, j) in closest}"
                )
                print(f"    A: {sentences['a'][i]['text'][:200]}\n    B: {sentences['b'][j]['text'][:200]}")
    for k, v in sorted(tally.items()):
        print(k, v)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("splits", "gaps", "leads", "subjects", "verbs", "rows", "real"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/claims_s24_real_listing.txt"))
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claims_s24_readings.pkl"))
    args = parser.parse_args()
    if args.mode == "real":
        claims_s18.real_listing(args.out, Path("/tmp/claims_s24_real.pkl"))
        return
    pairs, cache = claims_s18.load(args.sets.split(","), args.cache)
    if args.mode == "splits":
        splits(pairs, cache)
    elif args.mode == "verbs":
        verbs(pairs, cache)
    elif args.mode == "subjects":
        subjects(pairs, cache)
    elif args.mode == "leads":
        leads(pairs, cache)
    elif args.mode == "gaps":
        gaps(pairs, cache)
    else:
        claims_s20.rows(pairs, cache)


if __name__ == "__main__":
    main()
