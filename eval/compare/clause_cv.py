"""Session 17: the same-claim recall experiments (claims_s17.py) measured by fit_claims' K-fold
cross-validation over the development pairs.

Reads every development pair once (kept in a pickle: the reading is the slow part), gives the
readings the clauses the clause variants need, then runs fit_claims.cross_validate once per
variant. Run from the repository root:

    python eval/compare/clause_cv.py [--folds 4] [--variants base,extra/one,leadloose,...]

With --fit SETS (comma-separated) each variant's model is instead fitted on those sets and put
in place ("shipped": the stored model, unrefitted), then --score prints score.py's report for
every development set and --real FILE writes real_claims.py's listing of the real copies.
"""

import argparse
import pickle
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import claims_s17  # noqa: E402
import fit_claims  # noqa: E402
import score  # noqa: E402

DEVELOPMENT = ["pairs", "heldout", "dev2", "heldout2", "heldout3", "heldout4", "heldout5"]


def load(sets: list[str], cache_path: Path) -> tuple[list[dict], dict]:
    """The pairs of sets and {(title, body): reading} of their reports, clauses included."""
    pairs = [p for name in sets for p in score.load_pairs(HERE / name)]
    cache: dict = pickle.loads(cache_path.read_bytes()) if cache_path.exists() else {}
    before = (len(cache), sum("clause_vectors" in r for r in cache.values()))
    for pair in pairs:
        fit_claims.read(pair, cache)
    claims_s17.add_clauses(cache)
    if (len(cache), sum("clause_vectors" in r for r in cache.values())) != before:
        cache_path.write_bytes(pickle.dumps(cache))
    return pairs, cache


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--sets", default=",".join(DEVELOPMENT))
    parser.add_argument("--variants", default="base,extra/one,leadloose,close_noun@0.2")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/clause_cv_readings.pkl"))
    parser.add_argument("--fit", help="fit each variant's model on these sets, or 'shipped'")
    parser.add_argument("--score", action="store_true", help="with --fit: score.py on every set")
    parser.add_argument("--real", type=Path, help="with --fit: real_claims.py's listing to this file")
    args = parser.parse_args()
    pairs, cache = load(args.sets.split(","), args.cache)
    if args.fit:
        for variant in args.variants.split(","):
            refit(variant, args.fit, cache, args.score, args.real)
        return
    for variant in args.variants.split(","):
        claims_s17.apply(variant)
        started = time.time()
        m = fit_claims.cross_validate(pairs, cache, args.folds)
        print(
            f"{variant:22s} {args.folds}-fold over {len(pairs)} pairs:"
            f" P {m['tp'] / max(m['predicted'], 1):.3f} R {m['tp'] / max(m['gold'], 1):.3f}"
            f" kept {m['one_side_kept'] / max(m['one_side'], 1):.3f}"
            f" (tp {m['tp']}, predicted {m['predicted']}, gold {m['gold']}) [{time.time() - started:.0f} s]",
            flush=True,
        )


def refit(variant: str, fit: str, cache: dict, show_scores: bool, real: Path | None) -> None:
    import contextlib
    import io

    import articles.reading as reading
    from articles.compare import claims

    claims_s17.apply(variant)
    claims.use(None)
    if fit != "shipped":
        train = [p for name in fit.split(",") for p in score.load_pairs(HERE / name)]
        weights, bias, same, related, figures = fit_claims.fit_on(train, cache)
        fit_claims.install(weights, bias, same, related)
        print(f"# {variant}: fitted on {fit}, same >= {same}, in-sample P/R/kept {figures}", flush=True)
    read_report = reading.read_report

    def cached(title: str, body: str, language: str = "en") -> dict:
        if (title, body) not in cache:
            cache[(title, body)] = read_report(title, body, language)
        return cache[(title, body)]

    if show_scores:
        reading.read_report = cached
        for name in DEVELOPMENT:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                score.main(["--pairs", str(HERE / name)])
            print(f"## {variant} {name}\n{out.getvalue()}", flush=True)
        reading.read_report = read_report
    if real:
        import real_claims

        read_reports = reading.read_reports

        def with_clauses(items):
            items = list(items)
            for (title, body, _), result in zip(items, read_reports(items), strict=True):
                claims_s17.add_clauses({(title, body): result})
                yield result

        reading.read_reports = with_clauses
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            real_claims.main([])
        reading.read_reports = read_reports
        real.write_text(out.getvalue())
        print(f"# {variant}: {out.getvalue().splitlines()[-1]}", flush=True)


if __name__ == "__main__":
    main()
