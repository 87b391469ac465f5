"""Where an uncached reader page spends its time: pyinstrument over N renders of one URL.

Run against a filled database (bench_web.py --keep, or any DATABASE_URL), with the page cache
off so that every request renders:

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/profile_pages.py /events/12/ [-n 50]

With --hits, the page cache is on and every request is a hit after a write elsewhere: before
each one the site-wide token changes, as an import anywhere on the site changes it (the page's
own tokens stay), which is what a reader of an event page meets on a site importing every second.
"""

import argparse
import os
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
HITS = "--hits" in sys.argv
os.environ.setdefault("BROWSE_PAGE_CACHE_SECONDS", "3600" if HITS else "0")
# Production mode, as gunicorn serves it in the benchmarks (DEBUG changes template and SQL costs).
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(60))
os.environ.setdefault("ALLOWED_HOSTS", "testserver")


# A write elsewhere as the page sees it: the site-wide token changes, the page's own tokens do not.
TOKEN_SQL = "UPDATE articles_content_version SET token = %s WHERE id = 1"


def _recorder(queries: list[tuple[float, str]]) -> Callable:
    """An execute wrapper noting each statement's time (the request resets connection.queries)."""

    def record(execute: Callable, sql: str, params: object, many: bool, context: dict) -> object:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((time.perf_counter() - started, sql))

    return record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("-n", type=int, default=30, help="renders per path")
    parser.add_argument("--queries", action="store_true", help="print each path's SQL with timings")
    parser.add_argument("--hits", action="store_true", help="page-cache hits after a write elsewhere")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from pyinstrument import Profiler

    client = Client(headers={"Accept-Encoding": "gzip, deflate"})

    def write_elsewhere() -> None:
        if args.hits:
            with connection.cursor() as cursor:
                cursor.execute(TOKEN_SQL, [secrets.token_hex(8)])

    for path in args.paths:
        client.get(path)  # first render loads templates and opens connections
        write_elsewhere()
        queries: list[tuple[float, str]] = []
        with connection.execute_wrapper(_recorder(queries)):
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        profiler = Profiler(interval=0.0005)
        spent, cpu, hits = [], [], 0
        with profiler:
            for _ in range(args.n):
                write_elsewhere()
                started, started_cpu = time.perf_counter(), time.thread_time()
                hits += client.get(path).get("X-Page-Cache") == "hit"
                spent.append(time.perf_counter() - started)
                cpu.append(time.thread_time() - started_cpu)
        per_request = sum(spent) / args.n * 1000
        print(
            f"== {path}: {per_request:.2f} ms a request (CPU {sum(cpu) / args.n * 1000:.2f} ms, max "
            f"{max(spent) * 1000:.2f}), page-cache hits {hits} of {args.n}, {len(queries)} queries, "
            f"{len(response.content):,} bytes sent"
        )
        if args.queries:
            for seconds, sql in queries:
                print(f"  {seconds * 1000:6.2f} ms  {sql[:300]}")
        print(profiler.output_text(unicode=False, color=False, show_all=os.environ.get("PROFILE_ALL") == "1"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
