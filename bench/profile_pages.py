"""Where an uncached reader page spends its time: pyinstrument over N renders of one URL.

Run against a filled database (bench_web.py --keep, or any DATABASE_URL), with the page cache
off so that every request renders:

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/profile_pages.py /events/12/ [-n 50]
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
os.environ.setdefault("BROWSE_PAGE_CACHE_SECONDS", "0")
# Production mode, as gunicorn serves it in the benchmarks (DEBUG changes template and SQL costs).
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(60))
os.environ.setdefault("ALLOWED_HOSTS", "testserver")


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
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from pyinstrument import Profiler

    client = Client()
    for path in args.paths:
        client.get(path)  # first render loads templates and opens connections
        queries: list[tuple[float, str]] = []
        with connection.execute_wrapper(_recorder(queries)):
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        profiler = Profiler(interval=0.0005)
        started = time.perf_counter()
        with profiler:
            for _ in range(args.n):
                client.get(path)
        per_request = (time.perf_counter() - started) / args.n * 1000
        print(f"== {path}: {per_request:.1f} ms a render, {len(queries)} queries")
        if args.queries:
            for seconds, sql in queries:
                print(f"  {seconds * 1000:6.2f} ms  {sql[:300]}")
        print(profiler.output_text(unicode=False, color=False, show_all=os.environ.get("PROFILE_ALL") == "1"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
