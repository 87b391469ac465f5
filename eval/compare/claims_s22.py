"""Session 22 on same-claim recall (issue 13): every match the alignment makes, with its
annotation, and the gold pairs it misses, over all twelve development sets.

"matches" prints one line per match (both sentences, the model's probability and features,
the level shown, whether the pair is closest both ways, whether both are leads, which guard
demoted it) tagged by the annotation (SAME / related / ONE-SIDED / wrong), so that a rule on
matches can be read off the table before it is built. "rows" is claims_s20's listing over all
twelve sets (readings in a pickle). Run from the repository root:

    .venv/bin/python eval/compare/claims_s22.py matches > /tmp/matches.txt
    .venv/bin/python eval/compare/claims_s22.py rows > /tmp/rows.txt
    .venv/bin/python eval/compare/claims_s22.py causes > /tmp/causes.txt
    .venv/bin/python eval/compare/claims_s22.py real --out /tmp/real.txt

"causes" sorts the gold same pairs missed into the causes of the session 22 table; "real" writes
real_claims.py's listing (its readings kept in their own pickle). --variant sets align's module
constants for the run ("NEIGHBOUR_SAME_LEVEL=0.1").
"""

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import claims_s18  # noqa: E402
import claims_s19  # noqa: E402
import claims_s20  # noqa: E402
import fit_claims  # noqa: E402

from articles.compare import align, claims, compare  # noqa: E402

SETS = [
    "pairs", "heldout", "dev2", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
    "heldout7", "heldout8", "heldout9", "heldout10",
]  # fmt: skip


def matches(pairs: list[dict], cache: dict) -> None:
    claims_s19.install_trace()
    captured: dict = {}
    original_align = align.align

    def capturing(*args, **kwargs):
        out = original_align(*args, **kwargs)
        captured["alignment"] = out
        return out

    align.align = capturing
    compare.align = capturing
    model = claims.model()
    for pair in pairs:
        claims_s19.TRACE = claims_s19.Trace()
        analysis_a, analysis_b = fit_claims.read(pair, cache)
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        sentences = comparison["sentences"]
        same, related, only = claims_s18.gold(pair, comparison)
        lead_a, lead_b = align.lead(sentences["a"]), align.lead(sentences["b"])
        key = f"{pair['set']}/{pair['id']}"
        for m in captured["alignment"].matches:
            for i in m.a:
                for j in m.b:
                    f = claims_s19.TRACE.features.get((i, j))
                    p = model.probability(f) if f else None
                    tags = claims_s20.tag(i, j, same, related, only)
                    flags = []
                    if (i, j) in claims_s19.TRACE.closest:
                        flags.append("closest")
                    if i == lead_a and j == lead_b:
                        flags.append("leads")
                    if (i, j) in claims_s19.TRACE.denial:
                        flags.append("denial")
                    if (i, j) in claims_s19.TRACE.times:
                        flags.append("time")
                    if m.second:
                        flags.append("second")
                    if len(m.a) + len(m.b) > 2:
                        flags.append("joined")
                    feats = (
                        f"p {p:.2f} w {f[0]:.2f} cos {f[1]:.2f} n {f[4]:.2f} fig {f[5]:.2f}" if f else "p -"
                    )
                    print(
                        f"{key} A{i} B{j} {tags} shown={m.level} mscore={m.score:.2f} {feats} {' '.join(flags)}"
                    )
                    print(
                        f"    A: {sentences['a'][i]['text'][:180]}\n    B: {sentences['b'][j]['text'][:180]}"
                    )


_QUOTE_MARKS = ('"', "\u201c", "\u201d")


def causes(pairs: list[dict], cache: dict) -> None:
    """The gold same pairs the comparison misses (claims_s19.classify's step) sorted into the
    brief's causes: two leads, a quote against reported speech of one speaker, a guard, a split
    (many-to-one), the one-to-one assignment's other partner, the closest-both-ways test, and
    paraphrase under the model's line (scored low, never scored, or matched under the same
    level). The first that applies names the cause; one line per miss follows the table."""
    claims_s19.install_trace()
    records = []
    for pair in pairs:
        analysis_a, analysis_b = fit_claims.read(pair, cache)
        told_a, told_b = align.told_by(analysis_a), align.told_by(analysis_b)
        lead_a, lead_b = align.lead(analysis_a["sentences"]), align.lead(analysis_b["sentences"])
        for r in claims_s19.classify(pair, cache):
            i, j, step = r["i"], r["j"], r["cause"]
            quoted = [any(q in text for q in _QUOTE_MARKS) for text in (r["a"], r["b"])]
            one_speaker = i in told_a and j in told_b and told_a[i].speakers & told_b[j].speakers
            if i == lead_a and j == lead_b:
                cause = "two leads"
            elif quoted[0] != quoted[1] and one_speaker:
                cause = "quote against reported speech of one speaker"
            elif step.startswith("matched, demoted: denial") or step.startswith("matched, demoted: time"):
                cause = "a guard (" + step.split(": ")[1] + ")"
            elif step.startswith("matched, demoted: other"):
                cause = "a guard (speaker, question or merged score)"
            elif step == "many-to-one":
                cause = "split: one sentence told in two, one part matched"
            elif step.startswith("lost"):
                cause = "one-to-one took another partner"
            elif step == "matched, demoted: not closest both ways":
                cause = "closest-both-ways test (not leads)"
            else:
                cause = "paraphrase under the line (" + step + ")"
            records.append((cause, r))
    counts: dict[str, list] = {}
    for cause, r in records:
        counts.setdefault(cause, []).append(r)
    print(f"{len(records)} gold same pairs missed")
    for cause, rs in sorted(counts.items(), key=lambda kv: -len(kv[1])):
        print(f"| {cause} | {len(rs)} |")
    for cause, r in sorted(records, key=lambda cr: cr[0]):
        p = f"{r['p']:.2f}" if r["p"] is not None else "-"
        print(f"{cause} | {r['key']} A{r['i']} B{r['j']} p {p}\n    A: {r['a'][:160]}\n    B: {r['b'][:160]}")


def apply(variant: str) -> None:
    """Set align's module constants for a run: "NAME=value,NAME=value"."""
    for part in filter(None, variant.split(",")):
        name, value = part.split("=")
        if not hasattr(align, name):
            raise SystemExit(f"align has no {name}")
        setattr(align, name, float(value))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("matches", "rows", "real", "causes"))
    parser.add_argument("--variant", default="", help='align constants, "NAME=value,..."')
    parser.add_argument("--out", type=Path, default=Path("/tmp/claims_s22_real_listing.txt"))
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claims_s22_readings.pkl"))
    args = parser.parse_args()
    apply(args.variant)
    if args.mode == "real":
        claims_s18.real_listing(args.out, Path("/tmp/claims_s22_real.pkl"))
        return
    pairs, cache = claims_s18.load(args.sets.split(","), args.cache)
    if args.mode == "matches":
        matches(pairs, cache)
    elif args.mode == "causes":
        causes(pairs, cache)
    else:
        claims_s20.rows(pairs, cache)


if __name__ == "__main__":
    main()
