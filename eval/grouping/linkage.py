"""What if an import were clustered as a whole? Grouping's events against average linkage.

    .venv/bin/python eval/grouping/linkage.py FILES... [--no-dates] [--no-outlets] [--shuffle SEED]
        [--threshold T ...] [--mode score|logit] [--show-errors] [--sweep]

Imports one order of the corpus through the real pipeline (as eval/evaluate.py does), then
computes every report-to-report score as grouping computes it (`similarity.score` of one report
against an event holding only the other, both ways, averaged; final document frequencies, as
eval/grouping/diagnose.py does), and clusters the whole import by average linkage: the two
clusters whose mean pairwise score is highest merge while it is at least the threshold.
Prints pairwise and B-cubed precision / recall / F1 of the pipeline's events and of the
clustering at each threshold, so the two ways of grouping one import can be compared on the
same scores.

--sweep does not cluster: it keeps the pipeline's events and gives each report left alone in
its event one more look at the end, against every other event as it ended (final weights), and
moves it to the best one scoring at least the threshold; every move is printed as right or wrong.

--mode logit averages the text model's log-odds instead of the scores (the model is linear
before its logistic, so that mean is the model's value on mean similarities, as grouping scores a
report against an event), then applies the mean of the pairwise factors (time, weekday, vote,
same outlet).

An exploration tool: the pipeline is unchanged by it.
"""

import argparse
import math
import os
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "eval"))

from evaluate import UNATTRIBUTED, b_cubed, load_through_pipeline, pairwise, read_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--no-dates", action="store_true")
    parser.add_argument("--no-outlets", action="store_true")
    parser.add_argument("--shuffle", type=int, metavar="SEED")
    parser.add_argument("--threshold", type=float, nargs="+", default=None)
    parser.add_argument("--mode", choices=("score", "logit"), default="score")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="instead of clustering: after the pipeline, score each report alone in its event"
        " against every other final event (final weights) and move it to the best one at or"
        " above the threshold",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coverage-linkage-") as tmp:
        workdir = Path(tmp)
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'eval.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings")
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        records = read_corpus(
            args.corpus, no_dates=args.no_dates, shuffle=args.shuffle, no_outlets=args.no_outlets
        )
        found = load_through_pipeline(records, workdir, UNATTRIBUTED)
        compare(records, found, args)


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def compare(records: list[dict], found: dict[str, object], args: argparse.Namespace) -> None:
    from articles.grouping.engine import Weights, report_keys
    from articles.grouping.similarity import THRESHOLD, Profile, score
    from articles.grouping.store import features_of
    from articles.models import Article, KeyFrequency
    from articles.models import ReportFeatures as StoredFeatures

    gold = {r["url"]: r["event"] for r in records}
    articles = {a.url: a for a in Article.objects.all()}
    stored = dict(StoredFeatures.objects.values_list("article_id", "data"))
    features = {url: features_of(a, stored.get(a.pk))[0] for url, a in articles.items()}
    frequencies = dict(KeyFrequency.objects.values_list("key", "reports"))
    weights = Weights(
        len(articles), {k: frequencies.get(k, 1) for f in features.values() for k in report_keys(f)}
    )
    urls = sorted(gold, key=lambda u: articles[u].pk)
    index = {u: k for k, u in enumerate(urls)}
    n = len(urls)
    value = [[0.0] * n for _ in range(n)]  # what average linkage averages
    factor = [[1.0] * n for _ in range(n)]
    for a, b in combinations(range(n), 2):
        scores, logits, factors = [], [], []
        for x, y in ((a, b), (b, a)):
            profile = Profile()
            fy = features[urls[y]]
            profile.add(fy, *weights.vectors(fy))
            match = score(features[urls[x]], *weights.vectors(features[urls[x]]), profile)
            scores.append(match.score)
            factors.append(match.time_factor)
            text = match.score / match.time_factor if match.time_factor else 0.0
            logits.append(_logit(text))
        if args.mode == "score":
            value[a][b] = value[b][a] = sum(scores) / 2
        else:
            value[a][b] = value[b][a] = sum(logits) / 2
        factor[a][b] = factor[b][a] = sum(factors) / 2

    def linkage(c1: list[int], c2: list[int]) -> float:
        total = sum(value[i][j] for i in c1 for j in c2) / (len(c1) * len(c2))
        if args.mode == "score":
            return total
        mean_factor = sum(factor[i][j] for i in c1 for j in c2) / (len(c1) * len(c2))
        return mean_factor / (1 + math.exp(-total))

    if args.sweep:
        _sweep(gold, found, features, weights, articles, args)
        return
    pipe_p = pairwise(gold, found)
    pipe_b = b_cubed(gold, found)
    print(
        f"pipeline: pairwise P {pipe_p[0]:.3f} R {pipe_p[1]:.3f} F1 {pipe_p[2]:.3f};"
        f" B-cubed P {pipe_b[0]:.3f} R {pipe_b[1]:.3f} F1 {pipe_b[2]:.3f}"
    )
    for threshold in args.threshold or [THRESHOLD]:
        clusters = [[k] for k in range(n)]
        while len(clusters) > 1:
            best, pair_ = -1.0, None
            for (i, c1), (j, c2) in combinations(enumerate(clusters), 2):
                link = linkage(c1, c2)
                if link > best:
                    best, pair_ = link, (i, j)
            if best < threshold or pair_ is None:
                break
            i, j = pair_
            clusters[i] = clusters[i] + clusters[j]
            del clusters[j]
        assigned = {urls[k]: c for c, members in enumerate(clusters) for k in members}
        p = pairwise(gold, assigned)
        b = b_cubed(gold, assigned)
        print(
            f"average linkage ({args.mode}) at {threshold:.3f}: pairwise P {p[0]:.3f} R {p[1]:.3f}"
            f" F1 {p[2]:.3f}; B-cubed P {b[0]:.3f} R {b[1]:.3f} F1 {b[2]:.3f}; clusters {len(clusters)}"
        )
        if args.show_errors:
            _errors(gold, assigned, articles, index, value)


def _sweep(
    gold: dict[str, str],
    found: dict[str, object],
    features: dict,
    weights: object,
    articles: dict,
    args: argparse.Namespace,
) -> None:
    """Each report alone in its event, scored after the import against every other event as it
    ended (profiles rebuilt with the final weights), joins the best one at or above the threshold:
    what a last look at the import's single reports would give, before building it."""
    from articles.grouping.similarity import THRESHOLD, Profile, score

    members: dict[object, list[str]] = defaultdict(list)
    for url, event in found.items():
        members[event].append(url)
    profiles = {}
    for event, urls in members.items():
        profile = Profile()
        for url in sorted(urls, key=lambda u: articles[u].pk):
            profile.add(features[url], *weights.vectors(features[url]))
        profiles[event] = profile
    pipe_p = pairwise(gold, found)
    print(f"pipeline: pairwise P {pipe_p[0]:.3f} R {pipe_p[1]:.3f} F1 {pipe_p[2]:.3f}")
    for threshold in args.threshold or [THRESHOLD]:
        moved = dict(found)
        for event, urls in sorted(members.items(), key=lambda kv: str(kv[0])):
            if len(urls) != 1:
                continue
            url = urls[0]
            report = features[url]
            scored = [
                (score(report, *weights.vectors(report), profile).score, other)
                for other, profile in profiles.items()
                if other != event
            ]
            best, target = max(scored, key=lambda pair: pair[0])
            if best >= threshold:
                moved[url] = target
                right = gold[url] in {gold[u] for u in members[target]}
                print(
                    f"  {threshold:.2f} {'right' if right else 'WRONG'} {best:.3f} {gold[url]}"
                    f" {articles[url].title[:50]!r} -> {sorted({gold[u] for u in members[target]})}"
                )
        p = pairwise(gold, moved)
        b = b_cubed(gold, moved)
        print(
            f"sweep at {threshold:.3f}: pairwise P {p[0]:.3f} R {p[1]:.3f} F1 {p[2]:.3f};"
            f" B-cubed P {b[0]:.3f} R {b[1]:.3f} F1 {b[2]:.3f}"
        )


def _errors(
    gold: dict[str, str], assigned: dict[str, int], articles: dict, index: dict[str, int], value: list
) -> None:
    by_label = defaultdict(set)
    by_cluster = defaultdict(list)
    for url, cluster in assigned.items():
        by_label[gold[url]].add(cluster)
        by_cluster[cluster].append(url)
    for label, clusters in sorted(by_label.items()):
        if len(clusters) > 1:
            print(
                f"  SPLIT {label}: "
                + " | ".join(
                    ", ".join(articles[u].title[:40] for u in by_cluster[c] if gold[u] == label)
                    for c in sorted(clusters)
                )
            )
    for _cluster, members in sorted(by_cluster.items()):
        labels = {gold[u] for u in members}
        if len(labels) > 1:
            print(
                f"  MERGED {sorted(labels)}: "
                + "; ".join(f"{gold[u]} {articles[u].title[:40]}" for u in members)
            )


if __name__ == "__main__":
    main()
