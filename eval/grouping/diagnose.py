"""Why grouping split or merged labelled events: the decisions and the scores behind them.

    .venv/bin/python eval/grouping/diagnose.py FILES... [--no-dates] [--no-outlets] [--shuffle SEED]

Imports one order of the corpus through the real pipeline (as eval/evaluate.py does, into a
throw-away SQLite database), then prints, for every labelled event the grouping split and every
event it formed that mixes labels:
- each report's headline, the event it ended in, and its last grouping decision (joined, started,
  moved, split off) with the score and the event it was scored against;
- report-to-report scores as grouping computes them (`similarity.score` of one report against an
  event holding only the other; final document frequencies), so a split or merge can be read as
  "the pieces score X with each other, Y within themselves".
A closing table counts, per label pair, the mean and best cross score against the mean score
within each label.
"""

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "eval"))

from evaluate import UNATTRIBUTED, load_through_pipeline, read_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--no-dates", action="store_true")
    parser.add_argument("--no-outlets", action="store_true")
    parser.add_argument("--shuffle", type=int, metavar="SEED")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coverage-diagnose-") as tmp:
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
        load_through_pipeline(records, workdir, UNATTRIBUTED)
        report(records)


def report(records: list[dict]) -> None:
    from articles.grouping.engine import Weights, report_keys
    from articles.grouping.similarity import Profile, score
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
    cache: dict[tuple[str, str], float] = {}

    def pair(a: str, b: str) -> float:
        """Grouping's score of report a against an event holding b only (and the reverse, averaged)."""
        key = (min(a, b), max(a, b))
        if key not in cache:
            values = []
            for x, y in ((a, b), (b, a)):
                profile = Profile()
                profile.add(features[y], *weights.vectors(features[y]))
                values.append(score(features[x], *weights.vectors(features[x]), profile).score)
            cache[key] = sum(values) / 2
        return cache[key]

    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else float("nan")

    def line(url: str) -> str:
        article = articles[url]
        evidence = article.grouping_evidence or {}
        decision = evidence.get("decision", article.grouping_status)
        scored = evidence.get("score")
        against = evidence.get("event_title") or ""
        where = f" vs \u201c{against[:45]}\u201d" if against else ""
        days = ",".join(features[url].days)
        explanation = evidence.get("explanation", "")
        candidates = " ".join(f"#{c['event_id']}:{c['score']:.2f}" for c in evidence.get("candidates", []))
        return (
            f"    [{article.event_id}] {gold[url]} {article.title[:70]!r}\n"
            f"        {decision} {scored if scored is not None else '-'}{where}"
            f"{' days=' + days if days else ''}{' dated' if article.published_at else ''}"
            f"{' candidates ' + candidates if candidates else ''}\n"
            f"        {explanation[:320]}"
        )

    by_label: dict[str, list[str]] = defaultdict(list)
    for url in sorted(gold, key=lambda u: articles[u].pk):
        by_label[gold[url]].append(url)
    by_event: dict[object, list[str]] = defaultdict(list)
    for url in sorted(gold, key=lambda u: articles[u].pk):
        by_event[articles[url].event_id].append(url)

    def within(urls: list[str]) -> float:
        return mean([pair(a, b) for a, b in combinations(urls, 2)])

    print("== SPLIT labels")
    for label, urls in sorted(by_label.items()):
        pieces: dict[object, list[str]] = defaultdict(list)
        for url in urls:
            pieces[articles[url].event_id].append(url)
        if len(pieces) < 2:
            continue
        print(f"SPLIT {label} into {len(pieces)}: sizes {[len(p) for p in pieces.values()]}")
        for url in urls:
            print(line(url))
        for (e1, p1), (e2, p2) in combinations(pieces.items(), 2):
            cross = [pair(a, b) for a in p1 for b in p2]
            print(
                f"    pieces [{e1}]x[{e2}]: cross mean {mean(cross):.3f} max {max(cross):.3f};"
                f" within {within(p1):.3f} / {within(p2):.3f}"
            )
    print("== MERGED events")
    for event, urls in sorted(by_event.items(), key=lambda kv: str(kv[0])):
        labels: dict[str, list[str]] = defaultdict(list)
        for url in urls:
            labels[gold[url]].append(url)
        if event is None or len(labels) < 2:
            continue
        print(f"MERGED event {event}: " + ", ".join(f"{lab} x{len(u)}" for lab, u in labels.items()))
        for url in urls:
            print(line(url))
        for (l1, u1), (l2, u2) in combinations(labels.items(), 2):
            cross = [pair(a, b) for a in u1 for b in u2]
            whole = [pair(a, b) for a in by_label[l1] for b in by_label[l2]]
            print(
                f"    {l1} x {l2}: cross here mean {mean(cross):.3f} max {max(cross):.3f};"
                f" all reports of both: mean {mean(whole):.3f}; within {within(by_label[l1]):.3f}"
                f" / {within(by_label[l2]):.3f}"
            )


if __name__ == "__main__":
    main()
