"""Session 19 on same-claim recall (issue 13): why gold same-claim pairs are missed, and variants.

"diagnose" traces the alignment (articles/compare/align.py) of every development pair with the
model in place (claim_model.json) and puts each gold "same" sentence pair not shown as the same
claim under the step that loses it:

- "not a candidate": the two sentences share no token and their cosine is under
  align.MEANING_CANDIDATE, so the model never scores them;
- "under 0.2": scored, under align.NEIGHBOUR_THRESHOLD (never used);
- "weak, no neighbour": between 0.2 and the related level, and not next to a matched pair;
- "lost to another pair": the pair scores at the related level or more, but one of its sentences
  went to another sentence first (one-to-one, best first); the other pair is named gold same,
  gold related or wrong;
- "matched, under same": matched, scored under the same level (shown as related);
- "matched, demoted": matched at the same level, shown as related by a guard: denial, time,
  question or the closest-both-ways test;
- "many-to-one": one of its sentences is gold same with another sentence too and that pair is
  shown (one-to-one keeps one).

"guards" lists every row a guard demotes (denial, time, closest-both-ways) with the
annotation's word on it. "cv" runs fit_claims.cross_validate with variants in place; "diff" lists
the rows gained and lost between the first variant and the others (claims_s18's predictions);
"real" writes real_claims.py's listing with a variant in place and the stored model. Variants
("+"-joined): "base" (the product), "denial_lex" (the experiment's form of the denial words now
in reading/document.py), "agree" (the experiment's form of align.figures_agree: on top of
the product it counts twice; compare noagree with base instead), "noagree" (the
product without it), "speaker" (an 8th feature, one speaker's words on both sides; not kept).
Figures and what was kept are in RESULTS.md, "Session 19: same-claim recall, fifth step".
Run from the repository root:

    .venv/bin/python eval/compare/claims_s19.py diagnose [--sets pairs,heldout,...] [--examples N]
    .venv/bin/python eval/compare/claims_s19.py cv --variants base,... [--folds 4]
    .venv/bin/python eval/compare/claims_s19.py diff --variants noagree,base --folds 5
"""

import argparse
import math
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import fit_claims  # noqa: E402
from claims_s18 import gold as claims_s18_gold  # noqa: E402
from claims_s18 import load  # noqa: E402  (readings kept in a pickle checked against READING_VERSION)

from articles.compare import align, claims, compare  # noqa: E402
from articles.reading.document import (  # noqa: E402
    _DENYING_VERBS,
    _DENYING_WITH_CLAUSE,
)

DEVELOPMENT = ["pairs", "heldout", "dev2", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"]


# ---------------------------------------------------------------- tracing the alignment


class Trace:
    """What align() computed on its way, recorded by wrappers around its steps."""

    def __init__(self) -> None:
        self.features: dict = {}
        self.pairs: list = []
        self.closest: set = set()
        self.assigned: dict = {}
        self.denial: set = set()
        self.times: set = set()


TRACE = Trace()
VARIANTS: dict = {}
_ORIGINAL = {
    name: getattr(align, name)
    for name in (
        "candidate_features",
        "closest_both_ways",
        "_assign",
        "_denial_differs",
        "_times_differ",
        "prepare",
    )
}


def _traced_candidate_features(*args, **kwargs):
    out = _ORIGINAL["candidate_features"](*args, **kwargs)
    TRACE.features = out
    return out


def _traced_closest(*args, **kwargs):
    out = _ORIGINAL["closest_both_ways"](*args, **kwargs)
    TRACE.closest = out
    return out


def _traced_assign(pairs, n_a, n_b):
    out = _ORIGINAL["_assign"](pairs, n_a, n_b)
    TRACE.pairs = list(pairs)
    TRACE.assigned = out  # _assign_between_neighbours adds to this dict in place
    return out


def _traced_denial(match, sa, sb):
    out = _ORIGINAL["_denial_differs"](match, sa, sb)
    if out:
        TRACE.denial |= {(i, j) for i in match.a for j in match.b}
    return out


def _traced_times(match, sa, sb):
    out = _ORIGINAL["_times_differ"](match, sa, sb)
    if out:
        TRACE.times |= {(i, j) for i in match.a for j in match.b}
    return out


def install_trace() -> None:
    align.candidate_features = _traced_candidate_features
    align.closest_both_ways = _traced_closest
    align._assign = _traced_assign
    align._denial_differs = _traced_denial
    align._times_differ = _traced_times


def gold(pair: dict, sentences: dict) -> tuple[set, set, dict]:
    """claims_s18.gold, from the sentences alone."""
    return claims_s18_gold(pair, {"sentences": sentences})


def shown(comparison: dict) -> tuple[set, set]:
    same, related = set(), set()
    for row in comparison["rows"]:
        if row["kind"] in ("match", "moved_b"):
            target = related if row.get("level") == "related" else same
            target |= {(i, j) for i in row["a"] for j in row["b"]}
    return same, related - same


def classify(pair: dict, cache: dict) -> list[dict]:
    """One record per gold same pair the comparison does not show as the same claim."""
    global TRACE
    TRACE = Trace()
    analysis_a, analysis_b = fit_claims.read(pair, cache)
    comparison = compare.compare_analyses(analysis_a, analysis_b)
    sentences = comparison["sentences"]
    same, related, _ = gold(pair, sentences)
    shown_same, shown_related = shown(comparison)
    model = claims.model()
    partner_of_a = {i: j for i, (j, _) in TRACE.assigned.items()}
    partner_of_b = {j: i for i, (j, _) in TRACE.assigned.items()}
    records = []
    for i, j in sorted(same - shown_same):
        feats = TRACE.features.get((i, j))
        p = model.probability(feats) if feats is not None else None
        record = {
            "key": f"{pair['set']}/{pair['id']}",
            "i": i,
            "j": j,
            "a": sentences["a"][i]["text"],
            "b": sentences["b"][j]["text"],
            "p": p,
            "features": feats,
        }
        other_same = [(x, y) for x, y in same if (x == i) != (y == j) and (x, y) in shown_same]
        if (i, j) in shown_related:
            if (i, j) in TRACE.denial:
                cause = "matched, demoted: denial"
            elif (i, j) in TRACE.times:
                cause = "matched, demoted: time"
            elif p is not None and p < model.same:
                cause = "matched, under same"
            elif not any((x, y) in TRACE.closest for x, y in _match_of(comparison, i, j)):
                cause = "matched, demoted: not closest both ways"
            else:
                cause = "matched, demoted: other (question / merged score)"
        elif other_same:
            cause = "many-to-one"
            record["other"] = other_same
        elif feats is None:
            cause = "not a candidate"
        elif p < align.NEIGHBOUR_THRESHOLD:
            cause = "under 0.2"
        elif p < model.related:
            cause = "weak, no neighbour"
        else:
            taken = []
            if i in partner_of_a and partner_of_a[i] != j:
                taken.append((i, partner_of_a[i]))
            if j in partner_of_b and partner_of_b[j] != i:
                taken.append((partner_of_b[j], j))
            kinds = sorted(
                {"gold same" if t in same else "gold related" if t in related else "wrong" for t in taken}
            )
            cause = "lost to another pair (" + ", ".join(kinds) + ")" if taken else "lost: other"
            record["other"] = taken
        record["cause"] = cause
        records.append(record)
    return records


def _match_of(comparison: dict, i: int, j: int) -> list[tuple[int, int]]:
    for row in comparison["rows"]:
        if row["kind"] in ("match", "moved_b") and i in row["a"] and j in row["b"]:
            return [(x, y) for x in row["a"] for y in row["b"]]
    return [(i, j)]


def diagnose(pairs: list[dict], cache: dict, examples: int) -> None:
    install_trace()
    records = [r for pair in pairs for r in classify(pair, cache)]
    by_cause: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_cause[r["cause"]].append(r)
    per_set: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        per_set[r["cause"]][r["key"].split("/")[0]] += 1
    print(f"{len(records)} gold same pairs not shown as the same claim")
    for cause, rs in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
        print(f"\n## {cause}: {len(rs)}  {dict(per_set[cause])}")
        for r in rs[:examples]:
            f = r["features"]
            feats = (
                f"p {r['p']:.2f} words {f[0]:.2f} cos {f[1]:.2f} names {f[4]:.2f} figures {f[5]:.2f} leads {f[6]:.0f}"
                if f
                else "no features"
            )
            print(f"- {r['key']} A{r['i']} B{r['j']} {feats} {r.get('other', '')}")
            print(f"    A: {r['a'][:220]}")
            print(f"    B: {r['b'][:220]}")
    # the distribution of the scored misses' features
    scored = [r for r in records if r["features"]]
    if scored:
        bins = Counter()
        for r in scored:
            cos = r["features"][1]
            bins[f"cos {min(int(cos * 10), 9) / 10:.1f}"] += 1
        print("\ncosines of the scored misses:", dict(sorted(bins.items())))


# ---------------------------------------------------------------- cross-validation of variants

# "denial_lex": a sentence that says no with a word of its own ("refused", "barred", "lacks",
# "unregulated", "the first since", "the hottest ever") denies something, as one saying "not" does,
# so that the denial guard does not set it against the other side's "did not".
# The product's own lists since the change was kept (reading/document.py).
DENYING_LEMMAS = _DENYING_VERBS
WITH_CLAUSE = _DENYING_WITH_CLAUSE
NOT_UN = ("uni", "under", "unti", "unle")  # "unique", "united", "underlying", "until", "unless"
_PARSES: dict[str, object] = {}


def _parse(text: str):
    if text not in _PARSES:
        from articles.reading.models import nlp

        _PARSES[text] = nlp()(text)
    return _PARSES[text]


def denies_by_word(text: str) -> bool:
    doc = _parse(text)
    lowers = [t.lower_ for t in doc]
    for t in doc:
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX") and lemma in DENYING_LEMMAS:
            return True
        if t.pos_ == "VERB" and lemma in WITH_CLAUSE and any(c.dep_ == "xcomp" for c in t.children):
            return True
        if t.lower_ == "without":
            return True
        if (
            t.lower_.startswith("un")
            and not t.lower_.startswith(NOT_UN)
            and len(t.lower_) > 6
            and (
                t.tag_ == "JJ" or (t.tag_ in ("VBN", "VBD") and not any(c.dep_ == "dobj" for c in t.children))
            )
        ):
            # "left unregulated", "unable to"; not a verb undoing something ("uncovered payments")
            return True
    if "first" in lowers and "since" in lowers[lowers.index("first") :]:
        return True
    return "ever" in lowers and any(t.tag_ in ("JJS", "RBS") for t in doc)


def _denial_lex(match, sentences_a, sentences_b) -> bool:
    def sides(ids, sentences):
        main = any(sentences[k].get("negated") for k in ids)
        some = any(sentences[k].get("denies") or denies_by_word(sentences[k]["text"]) for k in ids)
        return main, some

    main_a, some_a = sides(match.a, sentences_a)
    main_b, some_b = sides(match.b, sentences_b)
    return (main_a and not some_b) or (main_b and not some_a)


# "agree": two figures of one kind that the other's qualifier allows ("about 25,000" / "24,600",
# "more than 2,500" / "about 3,000") count as shared figures, as equal ones do. Both must measure
# one thing, or both be counts of BIG or more (a large count names its event; "two trucks" is not
# "two dead"). Exact figures must be equal: "54%" / "46%" never agree.
BIG = 100


def _agree(x: dict, y: dict) -> bool:
    from articles.compare.summary import _NOT_COMPARED, _range

    if x["kind"] != y["kind"] or x["kind"] in ("date", "time", "year"):
        return False
    if not isinstance(x["value"], int | float) or not isinstance(y["value"], int | float):
        return False
    if x["value"] == y["value"] or x.get("bound", "exact") == y.get("bound", "exact") == "exact":
        return False
    if x.get("role", "") in _NOT_COMPARED or y.get("role", "") in _NOT_COMPARED:
        return False
    same_measure = (x.get("measure") or x["unit"]) == (y.get("measure") or y["unit"])
    if not same_measure and not (x["kind"] == "count" and min(abs(x["value"]), abs(y["value"])) >= BIG):
        return False
    range_x, range_y = _range(x), _range(y)
    if range_x is None or range_y is None:
        return False
    if not any(math.isfinite(r[0]) and math.isfinite(r[1]) for r in (range_x, range_y)):
        # two open bounds always meet ("more than 6 million" / "more than 12 million")
        return False
    return range_x[0] <= range_y[1] and range_y[0] <= range_x[1]


_FIGURES = 5


def _usable(figures: list[dict]) -> list[dict]:
    return [
        n
        for n in figures
        if isinstance(n["value"], int | float) and n["kind"] not in ("date", "time", "year")
    ]


def _agree_features(a, b, weights, skip_a, skip_b, cosines=None, lexical=None):
    out = _ORIGINAL["candidate_features"](a, b, weights, skip_a, skip_b, cosines, lexical)
    for (i, j), f in list(out.items()):
        fa, fb = _usable(a.sentences[i].get("_figures", [])), _usable(b.sentences[j].get("_figures", []))
        if not fa or not fb:
            continue
        hits = len({id(x) for x in fa for y in fb if _agree(x, y)})
        if hits:
            share = min(f[_FIGURES] + hits / min(len(fa), len(fb)), 1.0)
            out[(i, j)] = (*f[:_FIGURES], share, *f[_FIGURES + 1 :])
    return out


def _prepare_with_figures(analysis: dict, skip=frozenset()):
    side = _ORIGINAL["prepare"](analysis, skip)
    figures: dict[int, list] = defaultdict(list)
    for number in analysis.get("numbers", []):
        figures[number["sentence"]].append(number)
    side.sentences = [{**s, "_figures": figures.get(k, [])} for k, s in enumerate(side.sentences)]
    return side


def _use_agree() -> None:
    align.prepare = _prepare_with_figures
    align.candidate_features = _agree_features


def _use_denial_lex() -> None:
    align._denial_differs = _denial_lex


# "speaker": an 8th feature, 1 when both sentences carry words of one speaker (a quote or reported
# speech the reading gives the same person or organisation, linked across the reports): one
# speaker's words in two reports are the same claim far more often than two other sentences (42%
# of such candidate pairs of the 72 development pairs are gold same, against 12% of the others).


def _speakers(analysis: dict) -> dict[int, set[str]]:
    keys = {}
    for entity in analysis.get("entities", []):
        for name in (entity.get("name", ""), *entity.get("variants", [])):
            keys.setdefault(name, entity["key"])
    out: dict[int, set[str]] = defaultdict(set)
    for quote in analysis.get("quotes", []):
        speaker = quote.get("speaker")
        if not speaker:
            continue
        key = keys.get(speaker, quote.get("speaker_key") or speaker)
        for k in quote.get("sentences", []):
            out[k].add(key)
    return out


def _prepare_with_speakers(analysis: dict, skip=frozenset()):
    side = _PREPARE_BEFORE_SPEAKERS(analysis, skip)
    speakers = _speakers(analysis)
    side.sentences = [{**s, "_speakers": speakers.get(k, set())} for k, s in enumerate(side.sentences)]
    return side


def _speaker_features(a, b, weights, skip_a, skip_b, cosines=None, lexical=None):
    out = _FEATURES_BEFORE_SPEAKERS(a, b, weights, skip_a, skip_b, cosines, lexical)
    return {
        (i, j): (*f, float(bool(a.sentences[i]["_speakers"] & b.sentences[j]["_speakers"])))
        for (i, j), f in out.items()
    }


_PREPARE_BEFORE_SPEAKERS = None
_FEATURES_BEFORE_SPEAKERS = None


def _use_speaker() -> None:
    global _PREPARE_BEFORE_SPEAKERS, _FEATURES_BEFORE_SPEAKERS
    _PREPARE_BEFORE_SPEAKERS, _FEATURES_BEFORE_SPEAKERS = align.prepare, align.candidate_features
    align.prepare = _prepare_with_speakers
    align.candidate_features = _speaker_features


VARIANTS["speaker"] = _use_speaker
_AGREEING = align.agreeing_figures


def _use_no_agree() -> None:
    """The product without its agreeing figures (align.figures_agree, kept in this session)."""
    align.agreeing_figures = lambda figures_a, figures_b: 0.0


VARIANTS["noagree"] = _use_no_agree
VARIANTS["denial_lex"] = _use_denial_lex
VARIANTS["agree"] = _use_agree


def apply(variant: str) -> None:
    for name, function in _ORIGINAL.items():
        setattr(align, name, function)
    align.agreeing_figures = _AGREEING
    for part in variant.split("+"):
        if part != "base":
            VARIANTS[part]()


def cv(pairs: list[dict], cache: dict, variants: list[str], folds: int) -> None:
    for variant in variants:
        apply(variant)
        started = time.time()
        m = fit_claims.cross_validate(pairs, cache, folds)
        claims.use(None)
        print(
            f"{variant:28s} {folds}-fold over {len(pairs)} pairs:"
            f" P {m['tp'] / max(m['predicted'], 1):.3f} R {m['tp'] / max(m['gold'], 1):.3f}"
            f" kept {m['one_side_kept'] / max(m['one_side'], 1):.3f}"
            f" (tp {m['tp']}, predicted {m['predicted']}, gold {m['gold']},"
            f" one-sided kept {m['one_side_kept']} of {m['one_side']}) [{time.time() - started:.0f} s]",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("diagnose", "cv", "guards", "diff", "real"))
    parser.add_argument("--sets", default=",".join(DEVELOPMENT))
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--variants", default="base")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claims_s19_readings.pkl"))
    args = parser.parse_args()
    if args.mode == "real":
        import real_claims  # its listing, with the variant in place and the stored model

        apply(args.variants)
        real_claims.main([])
        return
    pairs, cache = load(args.sets.split(","), args.cache)
    if args.mode == "diagnose":
        diagnose(pairs, cache, args.examples)
    elif args.mode == "guards":
        guards(pairs, cache)
    elif args.mode == "diff":
        import claims_s18  # its predictions() and diff(): the CV folds' rows, gained and lost

        runs = {}
        for variant in args.variants.split(","):
            apply(variant)
            runs[variant] = claims_s18.predictions(pairs, cache, args.folds)
            claims.use(None)
        names = list(runs)
        for name in names[1:]:
            print(f"\n### {names[0]} -> {name}")
            claims_s18.diff(runs[names[0]], runs[name])
    else:
        cv(pairs, cache, args.variants.split(","), args.folds)


def guards(pairs: list[dict], cache: dict) -> None:
    """Every match a guard demotes (denial, time), and every match at the same level that the
    closest-both-ways test demotes, with the annotation's word on it."""
    install_trace()
    global TRACE
    for pair in pairs:
        TRACE = Trace()
        analysis_a, analysis_b = fit_claims.read(pair, cache)
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        sentences = comparison["sentences"]
        same, related, only = gold(pair, sentences)
        for row in comparison["rows"]:
            if row["kind"] not in ("match", "moved_b") or row.get("level") != "related":
                continue
            cells = [(i, j) for i in row["a"] for j in row["b"]]
            if any(c in TRACE.denial for c in cells):
                guard = "denial"
            elif any(c in TRACE.times for c in cells):
                guard = "time"
            elif row["score"] >= claims.model().same:
                guard = "closest"
            else:
                continue
            tag = (
                "SAME"
                if any(c in same for c in cells)
                else "related"
                if any(c in related for c in cells)
                else "one-sided"
                if any(i in only["a"] for i in row["a"]) or any(j in only["b"] for j in row["b"])
                else "wrong"
            )
            text_a = " ".join(sentences["a"][i]["text"] for i in row["a"])[:160]
            text_b = " ".join(sentences["b"][j]["text"] for j in row["b"])[:160]
            print(
                f"{guard}\t{tag}\t{row['score']:.2f}\t{pair['set']}/{pair['id']}\n    A: {text_a}\n    B: {text_b}"
            )


if __name__ == "__main__":
    main()
