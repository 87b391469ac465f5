"""Measure event grouping against a labelled corpus.

    .venv/bin/python eval/evaluate.py eval/corpus/*.jsonl [--no-dates] [--shuffle SEED | --seeds N]

Each JSONL line is a report in the import format (title, source, url, published_at,
text, ...) plus an "event" label. The labels are stripped, the reports are loaded into a
throw-away SQLite database through the real import pipeline (`import_articles`), and the
events it forms are compared with the labels: pairwise precision/recall/F1 over pairs of
reports in the same event, and B-cubed precision/recall/F1.

The import stores and groups dated reports oldest first whatever the file's order, so
`--shuffle` and `--seeds` change the outcome only for undated reports (and for ties).
`--imports N` splits each order into N imports, one after another into the same database: then
the order decides which reports are already stored when the others arrive.
"""

import argparse
import io
import itertools
import json
import os
import random
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from htmldate.extractors import COMPLETE_URL as URL_DAY

REPO = Path(__file__).resolve().parent.parent
UNATTRIBUTED = "Unattributed pages"


def undated_url(url: str) -> str:
    """The URL with every day in it written out of it ("/2019/01/25/" -> "/undated/").

    The import takes a report's day from its URL when it has no date (htmldate's reading of
    the address), so an undated run must take the days out of the addresses too, or it would
    measure grouping with days. Uses htmldate's own pattern, so what it could read is gone.
    """
    return URL_DAY.sub(lambda found: found[0][0] + "undated" + _tail(found[0]), url)


def _tail(found: str) -> str:
    return "" if found[-1].isdigit() else found[-1]


def read_corpus(
    paths: list[str],
    *,
    no_dates: bool,
    shuffle: int | None,
    no_outlets: bool = False,
    url_dates: bool = False,
) -> list[dict]:
    records = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not record.get("event") or not record.get("url"):
                sys.exit(f"{path}:{number}: every report needs an 'event' label and a 'url'")
            if no_dates:
                record.pop("published_at", None)
                if not url_dates:
                    record["url"] = undated_url(record["url"])
            if no_outlets:
                record.pop("source", None)
            records.append(record)
    if len({record["url"] for record in records}) < len(records):
        sys.exit("two reports share a URL once the days are taken out of the URLs")
    if shuffle is not None:
        random.Random(shuffle).shuffle(records)
    return records


def pairwise(gold: dict[str, str], found: dict[str, object]) -> tuple[float, float, float]:
    """Precision/recall/F1 over unordered pairs of reports put in one event."""
    urls = sorted(gold)
    true_pairs = found_pairs = both = 0
    for a, b in itertools.combinations(urls, 2):
        same_gold = gold[a] == gold[b]
        same_found = found[a] is not None and found[a] == found[b]
        true_pairs += same_gold
        found_pairs += same_found
        both += same_gold and same_found
    precision = both / found_pairs if found_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def b_cubed(gold: dict[str, str], found: dict[str, object]) -> tuple[float, float, float]:
    """Per-report precision/recall of its cluster, averaged (Bagga and Baldwin, 1998).

    A report left without an event counts as a cluster of its own.
    """
    clusters: dict[object, set[str]] = defaultdict(set)
    for url, event in found.items():
        clusters[event if event is not None else ("alone", url)].add(url)
    classes: dict[str, set[str]] = defaultdict(set)
    for url, label in gold.items():
        classes[label].add(url)
    precision = recall = 0.0
    for url in gold:
        key = found[url] if found[url] is not None else ("alone", url)
        cluster, truth = clusters[key], classes[gold[url]]
        overlap = len(cluster & truth)
        precision += overlap / len(cluster)
        recall += overlap / len(truth)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, _f1(precision, recall)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def load_through_pipeline(records: list[dict], workdir: Path, default_outlet: str = "") -> dict[str, object]:
    """Import the reports (labels stripped) and return url -> event id.

    default_outlet: the import's outlet for reports that name none (`--source`).
    """
    from django.core.management import call_command

    from articles.models import Article

    stripped = workdir / "corpus.jsonl"
    with stripped.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps({k: v for k, v in record.items() if k != "event"}) + "\n")
    call_command(
        "import_articles", str(stripped), "--source", default_outlet, verbosity=0, stdout=io.StringIO()
    )
    found = dict(Article.objects.values_list("url", "event_id"))
    missing = [r["url"] for r in records if r["url"] not in found]
    if missing:
        sys.exit(f"{len(missing)} reports were not imported, e.g. {missing[0]}")
    return found


def _dates_note(args: argparse.Namespace) -> str:
    if not args.no_dates:
        return "kept"
    return "dropped, days in URLs kept" if args.url_dates else "dropped, from the URLs too"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="+", help="JSONL files with an 'event' label per report")
    parser.add_argument(
        "--no-dates",
        action="store_true",
        help="drop every published_at first, and the days written in the URLs",
    )
    parser.add_argument(
        "--url-dates",
        action="store_true",
        help="with --no-dates, keep the days in the URLs (pages whose addresses carry their day)",
    )
    parser.add_argument("--shuffle", type=int, metavar="SEED", help="import in a shuffled order")
    parser.add_argument(
        "--seeds",
        type=int,
        metavar="N",
        help="run N times, shuffled with seeds 1..N, each into a fresh database; print min and mean",
    )
    parser.add_argument(
        "--no-outlets",
        action="store_true",
        help="drop every source field and import under one default outlet, as a folder of "
        "unattributed pages would be (outlet lines in the text are still read)",
    )
    parser.add_argument(
        "--imports",
        type=int,
        default=1,
        metavar="N",
        help="import each order as N consecutive imports of about equal size (the later ones into "
        "the events the earlier ones stored), as a feed arriving over time would",
    )
    parser.add_argument("--show-errors", action="store_true", help="list split and merged labels")
    parser.add_argument(
        "--threshold",
        type=float,
        help="group with this decision threshold instead of the stored one (to choose it on dev data)",
    )
    args = parser.parse_args()
    if args.imports < 1:
        parser.error("--imports takes a positive count")
    if args.seeds is not None and (args.seeds < 1 or args.shuffle is not None):
        parser.error("--seeds takes a positive count and replaces --shuffle")
    seeds = list(range(1, args.seeds + 1)) if args.seeds else [args.shuffle]

    with tempfile.TemporaryDirectory(prefix="coverage-eval-") as tmp:
        workdir = Path(tmp)
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'eval.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings")
        if args.threshold is not None:
            os.environ["COVERAGE_GROUPING_THRESHOLD"] = str(args.threshold)
        sys.path.insert(0, str(REPO))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        scores = []
        for seed in seeds:
            records = read_corpus(
                args.corpus,
                no_dates=args.no_dates,
                shuffle=seed,
                no_outlets=args.no_outlets,
                url_dates=args.url_dates,
            )
            scores.append(evaluate_once(records, workdir, args, seed))
            call_command("flush", interactive=False, verbosity=0)
    if len(scores) > 1:
        for name, column in (("pairwise F1", 0), ("B-cubed F1", 1)):
            values = [s[column] for s in scores]
            print(
                f"{name:<12} over {len(values)} orders: min {min(values):.3f}  mean {sum(values) / len(values):.3f}"
            )


def evaluate_once(records: list[dict], workdir: Path, args: argparse.Namespace, seed: int | None) -> tuple:
    """Import one ordering into the (empty) database, print its figures, return the F1s."""
    from articles.models import Article, GroupingStatus

    # A report naming no outlet goes under one stand-in outlet, as a staff import would choose.
    size = -(-len(records) // max(args.imports, 1))
    for start in range(0, len(records), size):
        part = workdir / f"import-{start}"
        part.mkdir(exist_ok=True)
        load_through_pipeline(records[start : start + size], part, UNATTRIBUTED)
    found = dict(Article.objects.values_list("url", "event_id"))
    gold = {r["url"]: r["event"] for r in records}
    if args.show_errors:
        show_errors(gold, found, records)
    review = Article.objects.filter(grouping_status=GroupingStatus.REVIEW).count()
    events = len({e for e in found.values() if e is not None})
    print(
        f"{len(records)} reports, {len(set(gold.values()))} labelled events, {events} events formed, "
        f"{review} left for review; dates {_dates_note(args)}"
        + (f"; order shuffled (seed {seed})" if seed is not None else "")
        + (f"; {args.imports} imports" if args.imports > 1 else "")
    )
    p, r, pair_f1 = pairwise(gold, found)
    print(f"pairwise  precision {p:.3f}  recall {r:.3f}  F1 {pair_f1:.3f}")
    p, r, cubed_f1 = b_cubed(gold, found)
    print(f"B-cubed   precision {p:.3f}  recall {r:.3f}  F1 {cubed_f1:.3f}")
    print(near_miss_links(gold, found))
    if not args.no_outlets:
        print(not_covered_entries(gold, found))
    return pair_f1, cubed_f1


def not_covered_entries(gold: dict[str, str], found: dict[str, object]) -> str:
    """How true the event pages' "not covered by" lists are, on the imported events."""
    from articles.browsing.coverage import not_covered_by
    from articles.models import Article, Event

    outlet_of = dict(Article.objects.values_list("url", "source_id"))
    entries = [
        (event.pk, missing.source.pk)
        for event in Event.objects.filter(pk__in={e for e in found.values() if e is not None})
        for missing in not_covered_by(event)
    ]
    false = false_not_covered(entries, gold, found, outlet_of)
    return (
        f"'not covered by' entries: {len(entries)}, {false} false (the outlet reported the story elsewhere)"
    )


def false_not_covered(
    entries: list[tuple[object, object]],
    gold: dict[str, str],
    found: dict[str, object],
    outlet_of: dict[str, object],
) -> int:
    """Entries (event, outlet said not to cover it) that are false: the outlet has a report of
    a labelled story that this event holds, sitting in another event."""
    labels_of_outlet: dict[object, set[str]] = defaultdict(set)
    for url, outlet in outlet_of.items():
        labels_of_outlet[outlet].add(gold[url])
    labels: dict[object, set[str]] = defaultdict(set)
    for url, event in found.items():
        labels[event].add(gold[url])
    return sum(1 for event, outlet in entries if labels_of_outlet[outlet] & labels[event])


def near_miss_links(gold: dict[str, str], found: dict[str, object]) -> str:
    """How the "possibly the same story" links fare on the imported events (link_figures)."""
    from articles.models import PossiblySame

    figures = link_figures(set(PossiblySame.objects.values_list("event_a_id", "event_b_id")), gold, found)
    precision = f"precision {figures.right / figures.links:.3f}" if figures.links else "precision -"
    return (
        f"possibly-same links: {figures.links}, {figures.right} between events sharing a label ({precision}); "
        f"{figures.linked_events} of {figures.split_events} split event pairs linked; "
        f"{figures.linked_reports} of {figures.split_reports} split report pairs linked"
    )


@dataclass(frozen=True)
class LinkFigures:
    links: int  # links between two imported events
    right: int  # of them, between events that hold reports of one labelled story
    split_events: int  # pairs of events holding reports of one labelled story
    linked_events: int  # of them, linked
    split_reports: int  # pairs of reports of one story in two events
    linked_reports: int  # of them, in linked events


def link_figures(
    links: set[tuple[object, object]], gold: dict[str, str], found: dict[str, object]
) -> LinkFigures:
    """Precision of the links (a link is right when its two events share a label) and their
    recall over split pairs, counted two ways: pairs of events (what a reader and an editor see:
    one line on each page) and pairs of reports (a story split 3 + 1 counts three)."""
    linked = {frozenset(pair) for pair in links if pair[0] != pair[1]}
    labels: dict[object, set[str]] = defaultdict(set)
    for url, event in found.items():
        if event is not None:
            labels[event].add(gold[url])
    right = sum(1 for pair in linked if set.intersection(*(labels[e] for e in pair)))
    split_reports = [
        frozenset((found[a], found[b]))
        for a, b in itertools.combinations(sorted(gold), 2)
        if gold[a] == gold[b] and found[a] != found[b] and found[a] is not None and found[b] is not None
    ]
    split_events = set(split_reports)
    return LinkFigures(
        links=len(linked),
        right=right,
        split_events=len(split_events),
        linked_events=len(split_events & linked),
        split_reports=len(split_reports),
        linked_reports=sum(1 for pair in split_reports if pair in linked),
    )


def show_errors(gold: dict[str, str], found: dict[str, object], records: list[dict]) -> None:
    from articles.models import Article

    # The titles the importer found: a record may carry only the page's text.
    titles = dict(Article.objects.values_list("url", "title"))
    by_label: dict[str, list[str]] = defaultdict(list)
    for url, label in gold.items():
        by_label[label].append(url)
    for label, urls in sorted(by_label.items()):
        events = Counter(found[u] for u in urls)
        if len(events) > 1:
            print(f"SPLIT {label}: " + "; ".join(f"[{found[u]}] {titles[u][:60]}" for u in urls))
    by_event: dict[object, list[str]] = defaultdict(list)
    for url, event in found.items():
        if event is not None and url in gold:
            by_event[event].append(url)
    for event, urls in sorted(by_event.items()):
        labels = {gold[u] for u in urls}
        if len(labels) > 1:
            print(f"MERGED event {event}: " + "; ".join(f"{gold[u]} {titles[u][:50]}" for u in urls))


if __name__ == "__main__":
    main()
