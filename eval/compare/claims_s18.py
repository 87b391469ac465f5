"""Session 18 experiments on same-claim recall (issue 13): figures close in value, guarded.

Measured under the judge of sessions 16 and 17 (fit_claims' K-fold cross-validation over the
development pairs); the figures and what was kept are in RESULTS.md, "Session 18: same-claim
recall, fourth step". apply(variant) wraps align.candidate_features (and, for the guard, the
comparison's number_conflicts) for the length of a run.

Variant names are "+"-joined parts, with "@share" for the closeness (default 0.2):
- "base": the product as it is.
- "close_noun": figures of one kind within share of each other count as shared figures (the
  model's "figures" feature), a count's noun ignored (session 17's rule).
- "guard": counts more than GUARD times apart are a part and its whole, never a conflict (the
  product's number_conflicts holds this rule since this session; the wrapper is kept so that
  the runs before it can be repeated).
- Rules for which pairs the close figures may lift ("which one-sided sentences a close-figure
  pair may claim"):
  "main": the close figures are each sentence's only usable figure;
  "name": the pair shares a name (an entity token) as well;
  "noun": the pair shares a counted noun (a count's unit) or both figures are of one measure;
  "words": the pair's word overlap is at least WORDS_FLOOR besides the figures;
  "nameornoun": name or noun;
  "big": a count's noun is ignored only when both counts are SMALL or more ("two trucks" is
  not "two dead");
  "pw": no lift when the pair also holds two counts in part-and-whole (part_and_whole).
- How the model meets the lift: by default it is fitted with it (every fold, and the refit);
  "sep": the lift is a feature of its own (an 8th weight); "frozen": the weights are fitted
  without the lift, which applies only when comparing (and when the thresholds are chosen).
- "ranks": two sentences that each give ordinal words with no value in common ("sixth title" /
  "fifth title") are at most related (the heldout5 wrong matches, task 4).

Modes: cv (K-fold figures), diff (pairs gained and lost against the first variant), onesided
(the same-claim rows that take a sentence annotated as one side's only), score (score.py per set
with the stored model), refit (fit on --fit, or "shipped" for the stored model; score.py per set;
--real writes real_claims.py's listing with the number conflicts flagged).
Run from the repository root:

    python eval/compare/claims_s18.py cv --variants base,close_noun@0.2 [--folds 4]
    python eval/compare/claims_s18.py diff --variants base,close_noun@0.2   (pairs gained / lost)
"""

import argparse
import pickle
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import fit_claims  # noqa: E402
import score  # noqa: E402

from articles.compare import align, claims, compare, summary  # noqa: E402
from articles.reading.document import READING_VERSION  # noqa: E402

DEVELOPMENT = ["pairs", "heldout", "dev2", "heldout2", "heldout3", "heldout4", "heldout5"]
GUARD = 3.0
WORDS_FLOOR = 0.2


class Settings:
    frozen = False  # "frozen": the model's weights fitted without the lift, which applies when comparing
    fitting = False
    separate = False  # "sep": the close figures as a feature of their own
    ranks = False
    close = 0.0
    guard = False
    rules: frozenset[str] = frozenset()


S = Settings()
_ORIGINAL = {
    "candidate_features": align.candidate_features,
    "number_conflicts": summary.number_conflicts,
    "times_differ": align._times_differ,
}
_FIGURES = 5  # index of the "figures" feature in claims.features()


def _usable(figures: list[dict]) -> list[dict]:
    return [
        n
        for n in figures
        if isinstance(n["value"], int | float) and n["kind"] not in ("date", "time", "year")
    ]


def part_and_whole(x: dict, y: dict) -> bool:
    """Two counts so far apart that one is a part of the other's whole ("one count" of "11
    counts"), not one figure told two ways nor two figures for one thing."""
    if x["kind"] != "count" or y["kind"] != "count":
        return False
    small, big = sorted((abs(x["value"]), abs(y["value"])))
    return small > 0 and big > GUARD * small


SMALL = 10  # "big": a count under this keeps its noun ("two trucks" is not "two dead")


def _close(x: dict, y: dict) -> bool:
    if x["kind"] != y["kind"]:
        return False
    loose = x["kind"] == "count" and not ("big" in S.rules and min(abs(x["value"]), abs(y["value"])) < SMALL)
    if not loose and (x.get("measure") or x["unit"]) != (y.get("measure") or y["unit"]):
        return False
    bigger = max(abs(x["value"]), abs(y["value"]))
    return bool(x["value"] and y["value"]) and abs(x["value"] - y["value"]) <= S.close * bigger


def close_share(figures_a: list[dict], figures_b: list[dict]) -> tuple[float, list[tuple[dict, dict]]]:
    """Share of the sentence giving fewer figures whose figures the other gives close in value,
    and the close pairs."""
    usable_a, usable_b = _usable(figures_a), _usable(figures_b)
    if not usable_a or not usable_b:
        return 0.0, []
    close = [(x, y) for x in usable_a for y in usable_b if _close(x, y)]
    hits = len({id(x) for x, _ in close})
    hits_b = len({id(y) for _, y in close})
    return min(max(hits, hits_b) / max(min(len(usable_a), len(usable_b)), 1), 1.0), close


def _allowed(
    close: list[tuple[dict, dict]], fa: list[dict], fb: list[dict], bag_a: dict, bag_b: dict, words: float
) -> bool:
    if not S.rules - {"pw", "big"}:
        return True
    shared = bag_a.keys() & bag_b.keys()
    checks = []
    if "main" in S.rules:
        checks.append(len(_usable(fa)) == 1 and len(_usable(fb)) == 1)
    if "name" in S.rules or "nameornoun" in S.rules:
        name = any(t.startswith("E:") for t in shared)
    if "noun" in S.rules or "nameornoun" in S.rules:
        nouns_a = {n["unit"] for n in fa if n["unit"]} | {t for t in bag_a if not t.startswith(("E:", "N:"))}
        nouns_b = {n["unit"] for n in fb if n["unit"]} | {t for t in bag_b if not t.startswith(("E:", "N:"))}
        noun = any(
            (x.get("measure") or x["unit"]) == (y.get("measure") or y["unit"])
            or (x["unit"] and x["unit"] in nouns_b)
            or (y["unit"] and y["unit"] in nouns_a)
            for x, y in close
        )
    if "name" in S.rules:
        checks.append(name)
    if "noun" in S.rules:
        checks.append(noun)
    if "nameornoun" in S.rules:
        checks.append(name or noun)
    if "words" in S.rules:
        checks.append(words >= WORDS_FLOOR)
    return all(checks)


def candidate_features(a, b, weights, skip_a, skip_b, cosines=None, lexical=None):
    out = _ORIGINAL["candidate_features"](a, b, weights, skip_a, skip_b, cosines, lexical)
    if not S.close or (S.frozen and S.fitting):
        return out
    for (i, j), f in list(out.items()):
        fa, fb = a.sentences[i].get("_figures", []), b.sentences[j].get("_figures", [])
        share, close = close_share(fa, fb)
        if "pw" in S.rules and any(part_and_whole(x, y) for x in _usable(fa) for y in _usable(fb)):
            share = 0.0
        lifted = share > f[_FIGURES] and _allowed(close, fa, fb, a.bags[i], b.bags[j], f[0])
        if S.separate:
            out[(i, j)] = (*f, share - f[_FIGURES] if lifted else 0.0)
        elif lifted:
            out[(i, j)] = (*f[:_FIGURES], share, *f[_FIGURES + 1 :])
    return out


_PREPARE = align.prepare


def prepare(analysis: dict, skip=frozenset()):
    side = _PREPARE(analysis, skip)
    if S.close:
        figures: dict[int, list] = defaultdict(list)
        for number in analysis.get("numbers", []):
            figures[number["sentence"]].append(number)
        side.sentences = [{**s, "_figures": figures.get(k, [])} for k, s in enumerate(side.sentences)]
    return side


def number_conflicts(rows, numbers_a, numbers_b, places=({}, {})):
    found = _ORIGINAL["number_conflicts"](rows, numbers_a, numbers_b, places)
    if not S.guard:
        return found
    by_text_a = {(n["sentence"], n["text"]): n for n in numbers_a}
    by_text_b = {(n["sentence"], n["text"]): n for n in numbers_b}
    kept = []
    for c in found:
        xs = [by_text_a.get((s, t)) for s in c["a_sentences"] for t in c["a"]]
        ys = [by_text_b.get((s, t)) for s in c["b_sentences"] for t in c["b"]]
        xs, ys = [x for x in xs if x], [y for y in ys if y]
        if xs and ys and part_and_whole(xs[0], ys[0]):
            continue
        kept.append(c)
    return kept


_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip
_ORDINAL = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS) + r"|\d+(?:st|nd|rd|th))\b", re.IGNORECASE)


def ranks(text: str) -> set[int]:
    """The ordinal values a sentence gives ("sixth title", "the 12th day"), read from its words:
    spaCy's entities miss many of them."""
    out = set()
    for m in _ORDINAL.finditer(text):
        word = m.group(1).lower()
        out.add(_ORDINAL_WORDS.get(word) or int(re.match(r"\d+", word).group()))
    return out


def times_differ(match, sentences_a, sentences_b) -> bool:
    """ "ranks": two sentences that each rank something, with no rank in common ("Limerick's
    sixth title in seven years" / "fifth title on the trot"), state two records: at most related."""
    if _ORIGINAL["times_differ"](match, sentences_a, sentences_b):
        return True
    if not S.ranks:
        return False
    ranks_a = set().union(*(ranks(sentences_a[i]["text"]) for i in match.a))
    ranks_b = set().union(*(ranks(sentences_b[j]["text"]) for j in match.b))
    return bool(ranks_a and ranks_b and not ranks_a & ranks_b)


_ROWS = fit_claims.rows


def _rows_fitted_plain(pair: dict, cache: dict):
    S.fitting = True
    try:
        return _ROWS(pair, cache)
    finally:
        S.fitting = False


fit_claims.rows = _rows_fitted_plain


def apply(variant: str) -> None:
    global S
    S = Settings()
    name, _, share = variant.partition("@")
    rules = set()
    for part in name.split("+"):
        if part == "close_noun":
            S.close = float(share) if share else 0.2
        elif part == "frozen":
            S.frozen = True
        elif part == "sep":
            S.separate = True
        elif part == "ranks":
            S.ranks = True
        elif part == "guard":
            S.guard = True
        elif part in ("main", "name", "noun", "words", "nameornoun", "pw", "big"):
            rules.add(part)
        elif part != "base":
            raise ValueError(f"unknown variant {variant}")
    S.rules = frozenset(rules)
    align.prepare = prepare
    align.candidate_features = candidate_features
    align._times_differ = times_differ
    compare.number_conflicts = number_conflicts


# ---------------------------------------------------------------- running


def load(sets: list[str], cache_path: Path) -> tuple[list[dict], dict]:
    pairs = []
    for name in sets:
        for p in score.load_pairs(HERE / name):
            p["set"] = name
            pairs.append(p)
    cache: dict = {}
    if cache_path.exists():
        stored = pickle.loads(cache_path.read_bytes())
        if stored.get("version") == READING_VERSION:
            cache = stored["readings"]
    before = len(cache)
    for pair in pairs:
        fit_claims.read(pair, cache)
    if len(cache) != before:
        cache_path.write_bytes(pickle.dumps({"version": READING_VERSION, "readings": cache}))
    return pairs, cache


def predictions(pairs: list[dict], cache: dict, folds: int) -> dict[str, dict]:
    """Per pair id: the predicted same-claim sentence pairs and the gold sets, each pair scored
    by a model fitted and thresholded without its fold (fit_claims.cross_validate's folds)."""
    out: dict[str, dict] = {}
    for k in range(folds):
        train = [p for n, p in enumerate(pairs) if n % folds != k]
        weights, bias, same, related, _ = fit_claims.fit_on(train, cache)
        fit_claims.install(weights, bias, same, related)
        for n, pair in enumerate(pairs):
            if n % folds != k:
                continue
            seen: dict = {}

            def recording(a, b, seen=seen):
                seen["c"] = compare.compare_analyses(a, b)
                return seen["c"]

            result = score.score_pair(pair, fit_claims._reader(cache), recording)
            out[f"{pair['set']}/{pair['id']}"] = {
                "matches": result["matches"],
                "conflicts": result["conflicts"],
                "comparison": seen["c"],
                "pair": pair,
            }
    return out


def gold(pair: dict, comparison: dict) -> tuple[set, set, dict]:
    sentences = comparison["sentences"]

    def sid(side: str, sub: str) -> int:
        return score.sentence_at(
            sentences[side], score.locate(pair[side]["body"], sub, pair["id"]), pair["id"]
        )

    same = {(sid("a", m["a"]), sid("b", m["b"])) for m in pair["matches"] if m["level"] == "same"}
    related = {(sid("a", m["a"]), sid("b", m["b"])) for m in pair["matches"] if m["level"] == "related"}
    only = {side: {sid(side, s) for s in pair.get(f"only_{side}", [])} for side in "ab"}
    return same, related - same, only


def predicted(comparison: dict) -> set[tuple[int, int]]:
    return {
        (i, j)
        for row in comparison["rows"]
        if row["kind"] in ("match", "moved_b") and row.get("level") != "related"
        for i in row["a"]
        for j in row["b"]
    }


def totals(found: dict[str, dict]) -> Counter:
    return sum((r["matches"] for r in found.values()), Counter())


def line(variant: str, folds: int, n: int, found: dict[str, dict], seconds: float) -> str:
    m = totals(found)
    c = sum((r["conflicts"] for r in found.values()), Counter())
    return (
        f"{variant:28s} {folds}-fold over {n} pairs:"
        f" P {m['tp'] / max(m['predicted'], 1):.3f} R {m['tp'] / max(m['gold'], 1):.3f}"
        f" kept {m['one_side_kept'] / max(m['one_side'], 1):.3f}"
        f" (tp {m['tp']}, predicted {m['predicted']}, gold {m['gold']},"
        f" one-sided kept {m['one_side_kept']} of {m['one_side']});"
        f" conflicts {c['tp']} / {c['predicted']} / {c['gold']}, false {c['false']} [{seconds:.0f} s]"
    )


def diff(base: dict[str, dict], other: dict[str, dict]) -> None:
    for key in base:
        pair = base[key]["pair"]
        c0, c1 = base[key]["comparison"], other[key]["comparison"]
        same, related, only = gold(pair, c0)
        p0, p1 = predicted(c0), predicted(c1)
        s = c0["sentences"]
        for label, pairs in (("+", p1 - p0), ("-", p0 - p1)):
            for i, j in sorted(pairs):
                tag = (
                    "SAME"
                    if (i, j) in same
                    else "related"
                    if (i, j) in related
                    else "ONE-SIDED" + ("a" if i in only["a"] else "") + ("b" if j in only["b"] else "")
                    if i in only["a"] or j in only["b"]
                    else "wrong"
                )
                print(f"{label} {key} {tag}\n    A{i}: {s['a'][i]['text']}\n    B{j}: {s['b'][j]['text']}")
        for conflicts, label in ((c1["numbers"]["conflicts"], "+"), (c0["numbers"]["conflicts"], "-")):
            other_side = c0 if label == "+" else c1
            for c in conflicts:
                if c not in other_side["numbers"]["conflicts"]:
                    print(f"{label} {key} CONFLICT {c['a']} / {c['b']}")


def show_scores(variant: str, sets: list[str], cache: dict) -> None:
    """score.py's report of every set with the model in place (claim_model.json unless a test
    put another), each reading taken from the cache."""
    import contextlib
    import io

    import articles.reading as reading

    read_report = reading.read_report
    reading.read_report = fit_claims._reader(cache)
    try:
        for name in sets:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                score.main(["--pairs", str(HERE / name)])
            print(f"## {variant} {name}\n{out.getvalue()}", flush=True)
    finally:
        reading.read_report = read_report


def real_listing(path: Path, store: Path = Path("/tmp/claims_s18_real.pkl")) -> None:
    """real_claims.py's listing of the real copies with the model and variant in place, and
    the number conflicts it flags; the readings are kept in a pickle beside the others."""
    import contextlib
    import io

    import real_claims

    import articles.reading as reading

    cache: dict = {}
    if store.exists():
        stored = pickle.loads(store.read_bytes())
        if stored.get("version") == READING_VERSION:
            cache = stored["readings"]
    read_reports = reading.read_reports

    def cached(items):
        items = list(items)
        todo = [item for item in items if (item[0], item[1]) not in cache]
        for item, result in zip(todo, read_reports(todo), strict=True):
            cache[(item[0], item[1])] = result
        if todo:
            store.write_bytes(pickle.dumps({"version": READING_VERSION, "readings": cache}))
        return [cache[(item[0], item[1])] for item in items]

    same_claim_lines = real_claims.same_claim_lines

    def with_conflicts(label_a, label_b, reading_a, reading_b):
        lines = same_claim_lines(label_a, label_b, reading_a, reading_b)
        for c in compare.compare_analyses(reading_a, reading_b)["numbers"]["conflicts"]:
            lines.append(f"! CONFLICT {label_a} {c['a']} | {label_b} {c['b']}")
        return lines

    reading.read_reports = cached
    real_claims.same_claim_lines = with_conflicts
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            real_claims.main([])
    finally:
        reading.read_reports = read_reports
        real_claims.same_claim_lines = same_claim_lines
    path.write_text(out.getvalue())
    print(f"# real copies: {out.getvalue().splitlines()[-1]} -> {path}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("cv", "diff", "score", "onesided", "refit"))
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--sets", default=",".join(DEVELOPMENT))
    parser.add_argument("--variants", default="base,close_noun@0.2")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claims_s18_readings.pkl"))
    parser.add_argument("--fit", default="pairs,heldout,dev2,heldout2", help="refit: the sets fitted on")
    parser.add_argument("--real", type=Path, help="refit: write real_claims.py's listing here")
    args = parser.parse_args()
    pairs, cache = load(args.sets.split(","), args.cache)
    if args.mode == "refit":
        for variant in args.variants.split(","):
            apply(variant)
            if args.fit == "shipped":
                claims.use(None)  # claim_model.json as it is
            else:
                train = [p for name in args.fit.split(",") for p in score.load_pairs(HERE / name)]
                weights, bias, same, related, figures = fit_claims.fit_on(train, cache)
                fit_claims.install(weights, bias, same, related)
                print(
                    f"# {variant}: fitted on {args.fit}: weights {[round(float(w), 4) for w in weights]}"
                    f" bias {bias:.4f} same >= {same}, in-sample P/R/kept {figures}",
                    flush=True,
                )
            show_scores(variant, args.sets.split(","), cache)
            if args.real:
                real_listing(args.real.with_suffix(f".{variant}.txt"))
        return
    if args.mode == "score":
        for variant in args.variants.split(","):
            apply(variant)
            show_scores(variant, args.sets.split(","), cache)
        return
    runs = {}
    for variant in args.variants.split(","):
        apply(variant)
        started = time.time()
        runs[variant] = predictions(pairs, cache, args.folds)
        print(line(variant, args.folds, len(pairs), runs[variant], time.time() - started), flush=True)
    if args.mode == "onesided":
        for name, found in runs.items():
            print(f"\n### {name}")
            print("\n".join(one_sided(found)))
    if args.mode == "diff":
        names = list(runs)
        for name in names[1:]:
            print(f"\n### {names[0]} -> {name}")
            diff(runs[names[0]], runs[name])


def one_sided(found: dict[str, dict]) -> list[str]:
    """The predicted same-claim pairs that take a sentence annotated as told by one side only."""
    out = []
    for key, run in found.items():
        _, _, only = gold(run["pair"], run["comparison"])
        s = run["comparison"]["sentences"]
        for i, j in sorted(predicted(run["comparison"])):
            if i in only["a"] or j in only["b"]:
                side = ("a" if i in only["a"] else "") + ("b" if j in only["b"] else "")
                out.append(f"{key} {side} A{i}: {s['a'][i]['text'][:110]} || B{j}: {s['b'][j]['text'][:110]}")
    return out


if __name__ == "__main__":
    main()
