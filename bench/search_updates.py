"""A search's ranking brought up to date after a write, timed per search on a filled database.

Each round commits one new report (synthetic text, as bench_live.py's importer writes them) and
then runs every query's ranking as the search page does (`engine().ranking`: on PostgreSQL the kept
ranking of articles/search/standing.py). Prints per query the matches and the milliseconds a
search took (median, 90th percentile, max) and how much of it was SQL. Run against a filled
database (bench_web.py --keep, or the fill of bench_web's FILL_SCRIPT), with the cache the
deployment uses:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench CACHE_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python bench/search_updates.py Warsaw "wildfire Jakarta 48,000" [-n 60]

The reports it writes stay in the database.
"""

import argparse
import os
import random
import secrets
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(60))
os.environ.setdefault("ALLOWED_HOSTS", "testserver")


def _sql_timer(spent: list[float]) -> Callable:
    def record(execute: Callable, sql: str, params: object, many: bool, context: dict) -> object:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append(time.perf_counter() - started)

    return record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="+")
    parser.add_argument("-n", type=int, default=60, help="rounds: a write, then each query once")
    parser.add_argument("--limit", type=int, default=50, help="results a search page shows")
    args = parser.parse_args()

    import django

    django.setup()
    import hashlib

    from django.db import connection
    from django.utils import timezone

    from articles.models import Article, Source
    from articles.search import parse_query
    from articles.search.engines import engine
    from bench.synthetic import HEADLINE_STYLES, make_events, report_text

    rng = random.Random(11)
    sources = list(Source.objects.values_list("pk", flat=True))
    seeds = make_events(200, rng=rng, now=timezone.now(), span_days=2)
    queries = [parse_query(raw) for raw in args.queries]
    search = engine()
    for query in queries:
        search.ranking(query, limit=args.limit)  # kept from here on, as on a site already serving it
    times: dict[str, list[float]] = {query.raw: [] for query in queries}
    sql: dict[str, list[float]] = {query.raw: [] for query in queries}
    totals: dict[str, int] = {}
    for _ in range(args.n):
        seed = rng.choice(seeds)
        body = report_text(seed, rng, rng.randint(9, 18))
        title = rng.choice(HEADLINE_STYLES).format(title=seed.title)
        Article.objects.create(
            source_id=rng.choice(sources),
            title=title,
            body_text=body,
            word_count=len(body.split()),
            content_hash=hashlib.sha256(f"{time.time_ns()}|{title}|{body}".encode()).hexdigest(),
            published_at=timezone.now(),
        )
        for query in queries:
            spent: list[float] = []
            with connection.execute_wrapper(_sql_timer(spent)):
                started = time.perf_counter()
                _, totals[query.raw] = search.ranking(query, limit=args.limit)
                times[query.raw].append(time.perf_counter() - started)
            sql[query.raw].append(sum(spent))
    for query in queries:
        ms = sorted(t * 1000 for t in times[query.raw])
        print(
            f"{query.raw!r}: {totals[query.raw]:,} matches; a search {statistics.median(ms):.2f} ms median, "
            f"{ms[int(len(ms) * 0.9)]:.2f} p90, {ms[-1]:.2f} max; SQL {statistics.median(sql[query.raw]) * 1000:.2f} ms median"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
