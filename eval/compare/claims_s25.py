"""Session 23, branch claims-s25, on same-claim precision (issue 13): read off before a rule is
built, over all thirteen development sets. Run from the repository root:

    .venv/bin/python eval/compare/claims_s25.py origins > /tmp/origins.txt
    .venv/bin/python eval/compare/claims_s25.py parallel > /tmp/parallel.txt

"origins" lists every row shown as the same claim that the annotation does not call the same
claim, by what made it so (the neighbour rule, two leads told as news, a second partner, a
merged split sentence, or the plain one-to-one match), and tallies every row by origin and tag.
"parallel" lists the rows shown as the same claim whose main subjects name entities the other
sentence does not name, each subject named somewhere in both reports (two entities the linking
tells apart: "The Knicks have not won a title since 1973" / "The Blazers have not won a title
since 1977"), and tallies them by that, by one main verb (its lemma, parsed alone) and by tag.
Readings are kept in /tmp/claims_s25_readings.pkl, checked against READING_VERSION only.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import claims_s18  # noqa: E402
import claims_s20  # noqa: E402
import claims_s24  # noqa: E402
import fit_claims  # noqa: E402

from articles.compare import align, claims, compare  # noqa: E402


def origins(pairs: list[dict], cache: dict) -> None:
    """Every row shown as the same claim, by what made it so: "neighbour" (promoted or added by
    the neighbour rule), "leads" (two leads told as news, not each other's closest), "second"
    (a second partner), "merged" (a side of two sentences), "plain"; tallied by the tag."""
    captured = claims_s24._captured_alignment()
    record: dict = {}
    original_neighbours = align._neighbours_of_same_claims

    def neighbours(matches, *args, **kwargs):
        before = {id(m): m.level for m in matches}
        added = original_neighbours(matches, *args, **kwargs)
        record["neighbour"] = {id(m) for m in matches if before[id(m)] != m.level} | {id(m) for m in added}
        return added

    align._neighbours_of_same_claims = neighbours
    tally: Counter = Counter()
    for pair in pairs:
        analysis_a, analysis_b = fit_claims.read(pair, cache)
        comparison = compare.compare_analyses(analysis_a, analysis_b)
        same, related, only = claims_s18.gold(pair, comparison)
        alignment = captured["alignment"]
        sentences = comparison["sentences"]
        la, lb = align.lead(sentences["a"]), align.lead(sentences["b"])
        for m in alignment.matches:
            if m.level != claims.SAME:
                continue
            if id(m) in record.get("neighbour", set()):
                origin = "neighbour"
            elif m.second:
                origin = "second"
            elif len(m.a) + len(m.b) > 2:
                origin = "merged"
            elif m.a == [la] and m.b == [lb]:
                origin = "leads"
            else:
                origin = "plain"
            for i in m.a:
                for j in m.b:
                    tag = claims_s20.tag(i, j, same, related, only)
                    tally[(origin, tag[:4])] += 1
                    if not tag.startswith("SAME"):
                        print(
                            f"{origin:9s} {tag:9s} {pair['set']}/{pair['id']} A{i} B{j} {m.score:.3f} {m.a}{m.b}"
                        )
                        print(
                            f"    A: {sentences['a'][i]['text'][:160]}\n    B: {sentences['b'][j]['text'][:160]}"
                        )
    for k, v in sorted(tally.items()):
        print(k, v)


def parallel(pairs: list[dict], cache: dict) -> None:
    """Rows shown as the same claim with one main verb and subjects named apart."""
    captured = claims_s24._captured_alignment()
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
            sub_a, all_a = claims_s24._subject_keys(analysis_a, i)
            sub_b, all_b = claims_s24._subject_keys(analysis_b, j)
            keys_a = {e["key"] for e in analysis_a.get("entities", [])}
            keys_b = {e["key"] for e in analysis_b.get("entities", [])}
            apart = bool(sub_a) and bool(sub_b) and not (sub_a & all_b) and not (sub_b & all_a)
            # each subject named by both reports: two entities the linking knows apart
            apart = apart and sub_a <= keys_b and sub_b <= keys_a
            verb_a = claims_s24._main_lemma(sentences["a"][i]["text"])
            verb_b = claims_s24._main_lemma(sentences["b"][j]["text"])
            one_verb = verb_a is not None and verb_a == verb_b
            tag = claims_s20.tag(i, j, same, related, only)
            tally[(apart, one_verb, tag[:4])] += 1
            if apart:
                print(
                    f"{tag:9s} {pair['set']}/{pair['id']} A{i} B{j} {verb_a} {sorted(sub_a)} / {sorted(sub_b)}"
                )
                print(f"    A: {sentences['a'][i]['text'][:200]}\n    B: {sentences['b'][j]['text'][:200]}")
    for k, v in sorted(tally.items()):
        print(k, v)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("parallel", "origins"))
    parser.add_argument("--sets", default=",".join(claims_s24.SETS))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claims_s25_readings.pkl"))
    args = parser.parse_args()
    pairs, cache = claims_s18.load(args.sets.split(","), args.cache)
    (parallel if args.mode == "parallel" else origins)(pairs, cache)


if __name__ == "__main__":
    main()
