"""Grouping at scale: the cost of assigning one report as the corpus grows, and a full regroup.

    .venv/bin/python bench/bench_grouping.py [--sizes 1000,10000,100000] [--probe 100]

A generator writes a background corpus of synthetic events (3 outlets each on average,
dated over two years, one in ten undated) in a throw-away SQLite database. The stored
state is built with `regroup` (the same engine as on import, run in bulk), then `--probe`
fresh reports are assigned one by one through assign_article, each in its own
transaction as the import pipeline does, and the mean time per report is printed.
Prints t(largest)/t(smallest) (issue 14: at most 1.5x) and the time of the full regroup at the
largest size (target <= 120 s).
"""

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aou"] + ["ka", "ro", "tu", "lo", "ma"]
OUTLETS = 40
REPORT_WORDS = 180


class Generator:
    """Synthetic news: Zipf-distributed vocabulary, per-event topic words and names."""

    def __init__(self, seed: int = 7) -> None:
        self.random = random.Random(seed)
        words = set()
        while len(words) < 30000:
            words.add("".join(self.random.choices(SYLLABLES, k=self.random.randint(2, 4))))
        self.vocabulary = sorted(words)
        self.random.shuffle(self.vocabulary)
        self.cumulative = []
        total = 0.0
        for rank in range(1, len(self.vocabulary) + 1):
            total += 1 / rank**1.05
            self.cumulative.append(total)
        self.people = [self._name() + " " + self._name() for _ in range(20000)]
        self.places = [self._name() for _ in range(3000)]
        self.start = datetime(2024, 1, 1, tzinfo=UTC)

    def _name(self) -> str:
        return "".join(self.random.choices(SYLLABLES, k=self.random.randint(2, 3))).capitalize()

    def _words(self, n: int) -> list[str]:
        return self.random.choices(self.vocabulary, cum_weights=self.cumulative, k=n)

    def event(self) -> dict:
        return {
            "topic": self.random.sample(self.vocabulary[300:20000], 14),
            "people": self.random.sample(self.people, 3),
            "place": self.random.choice(self.places),
            "when": self.start + timedelta(minutes=self.random.randint(0, 2 * 365 * 24 * 60)),
            "dated": self.random.random() > 0.1,
        }

    def report(self, event: dict) -> tuple[str, str, datetime | None]:
        topic, people = event["topic"], event["people"]
        title = " ".join(self.random.sample(topic, 5) + self._words(3)).capitalize()
        sentences = []
        for _ in range(REPORT_WORDS // 15):
            words = self._words(9) + self.random.sample(topic, 5)
            self.random.shuffle(words)
            words.insert(self.random.randint(1, len(words)), self.random.choice([*people, event["place"]]))
            sentences.append(" ".join(words).capitalize() + ".")
        when = event["when"] + timedelta(minutes=self.random.randint(0, 36 * 60)) if event["dated"] else None
        return title, " ".join(sentences), when

    def reports(self, n: int) -> list[tuple[str, str, datetime | None]]:
        out = []
        while len(out) < n:
            event = self.event()
            for _ in range(self.random.choice([1, 2, 3, 3, 4, 5])):
                out.append(self.report(event))
        return out[:n]


def insert_background(generator: Generator, count: int, offset: int) -> None:
    """Bulk insert reports with their stored features (grouping state is built by regroup)."""
    from articles.grouping.features import extract_features
    from articles.models import Article, ReportFeatures, Source

    sources = list(Source.objects.order_by("id"))
    articles, features = [], []
    for number, (title, body, when) in enumerate(generator.reports(count), start=offset):
        articles.append(
            Article(
                source=sources[number % len(sources)],
                title=title,
                body_text=body,
                published_at=when,
                word_count=len(body.split()),
                content_hash=hashlib.sha256(f"{number}:{body}".encode()).hexdigest(),
            )
        )
        features.append(extract_features(title, body, when).to_json())
    Article.objects.bulk_create(articles, batch_size=2000)
    ReportFeatures.objects.bulk_create(
        [ReportFeatures(article=a, data=f) for a, f in zip(articles, features, strict=True)], batch_size=2000
    )


def probe(generator: Generator, count: int) -> float:
    """Mean seconds per assign_article over `count` new reports (half join, half new)."""
    from django.db import transaction

    from articles.grouping.service import assign_article
    from articles.models import Article, Source

    sources = list(Source.objects.order_by("id"))
    timings = []
    events = [generator.event() for _ in range(count // 2)]
    for number in range(count):
        title, body, when = generator.report(events[number % len(events)])
        started = time.perf_counter()
        with transaction.atomic():
            article = Article.objects.create(
                source=sources[number % len(sources)],
                title=title,
                body_text=body,
                published_at=when,
                content_hash=hashlib.sha256(f"probe{time.time_ns()}:{body}".encode()).hexdigest(),
            )
            assign_article(article)
        timings.append(time.perf_counter() - started)
    return statistics.mean(timings)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--probe", type=int, default=100, help="reports assigned per size")
    parser.add_argument(
        "--database-url",
        help="an EMPTY database to fill instead of a throw-away SQLite file, e.g. a PostgreSQL "
        "database made for the run (it is left filled)",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    with tempfile.TemporaryDirectory(prefix="coverage-bench-") as tmp:
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings")
        sys.path.insert(0, str(REPO))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from articles.grouping.regroup import regroup
        from articles.models import Article, Event, Source

        call_command("migrate", verbosity=0)
        if Article.objects.exists():
            sys.exit("the benchmark needs an empty database")
        print(f"database: {connection.vendor}", flush=True)
        Source.objects.bulk_create(Source(name=f"Outlet {n}", slug=f"outlet-{n}") for n in range(OUTLETS))
        generator = Generator()
        results = []
        for size in sizes:
            stored = Article.objects.count()
            started = time.perf_counter()
            insert_background(generator, size - stored, stored)
            inserted = time.perf_counter() - started
            started, cpu = time.perf_counter(), time.process_time()
            regroup()
            regrouped, regroup_cpu = time.perf_counter() - started, time.process_time() - cpu
            events = Event.objects.count()
            mean = probe(generator, args.probe)
            results.append((size, mean, regrouped))
            print(
                f"{size:>7} reports stored ({events} events): assign {mean * 1000:7.2f} ms/report "
                f"(mean of {args.probe}); full regroup {regrouped:6.1f} s (CPU {regroup_cpu:.1f} s); "
                f"background insert {inserted:.1f} s",
                flush=True,
            )
        (small, t_small, _), (large, t_large, regroup_large) = results[0], results[-1]
        print(f"ratio t({large})/t({small}) = {t_large / t_small:.2f}x (target <= 1.5x)")
        print(f"full regroup of {large} reports: {regroup_large:.1f} s (target <= 120 s)")


if __name__ == "__main__":
    main()
