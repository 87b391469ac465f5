"""The page cache's hit rate after each import, in one process, on a filled database.

bench_live.py's hit rates depend on how many reports its importer stores in a run, which on a
shared machine moves from run to run. This one follows a fixed procedure instead: it imports N
reports one at a time and, after each, asks once for home, twenty pages of each list, thirty
searches and twenty API pages, counting the page cache's hits and the CPU time a request took.
Run against two checkouts in turn to compare their keys under the same kind of writes:

    DATABASE_URL=postgres://... .venv/bin/python bench/hit_rates.py [CHECKOUT] [-n 10]

The imported reports stay in the database. The cache is CACHE_URL (default: this process's
memory), under a key prefix of this run's own.
"""

import argparse
import datetime as dt
import os
import random
import secrets
import sys
import time
import urllib.parse
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", nargs="?", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("-n", type=int, default=10, help="reports imported, one at a time")
    args = parser.parse_args()
    repo = Path(args.checkout).resolve()
    sys.path.insert(0, str(repo))
    os.chdir(repo)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="testserver",
        CACHE_KEY_PREFIX=f"hit-rates-{os.getpid()}",
    )
    import django

    django.setup()
    from django.test import Client
    from django.utils import timezone

    from articles.importing.formats import record_from_mapping
    from articles.importing.pipeline import import_items
    from articles.models import Event, ImportOrigin, Source
    from bench.synthetic import HEADLINE_STYLES, make_events, report_text

    # Searches a reader would type, as bench_live.py draws them: names from events' titles.
    titles = list(
        Event.objects.filter(article_count__gte=2).order_by("pk").values_list("title", flat=True)[:3000]
    )
    searches = []
    for title in random.Random(1).sample(titles, min(30, len(titles))):
        if names := [word.strip(",.:'") for word in title.split() if word[:1].isupper()][1:]:
            searches.append("/search/?q=" + urllib.parse.quote(" ".join(names[:2])))
    urls = {
        "home": ["/"],
        "events list": [f"/events/?page={n}" for n in range(1, 21)],
        "article list": [f"/articles/?page={n}" for n in range(1, 21)],
        "search": sorted(set(searches)),
        "API": [f"/api/v1/events?limit=20&offset={20 * n}" for n in range(10)]
        + [f"/api/v1/articles?limit=20&offset={20 * n}" for n in range(10)],
    }
    client = Client(headers={"Accept-Encoding": "gzip"})
    for paths in urls.values():
        for path in paths:
            client.get(path)
    rng = random.Random()
    outlets = list(Source.objects.values_list("name", flat=True))
    seeds = make_events(200, rng=rng, now=timezone.now(), span_days=2)
    hits = dict.fromkeys(urls, 0)
    asked = dict.fromkeys(urls, 0)
    cpu = dict.fromkeys(urls, 0.0)
    for _ in range(args.n):
        seed = rng.choice(seeds)
        record = {
            "title": rng.choice(HEADLINE_STYLES).format(title=seed.title),
            "text": report_text(seed, rng, rng.randint(9, 18)),
            "source": rng.choice(outlets),
            "published_at": (timezone.now() - dt.timedelta(minutes=rng.randint(0, 600))).isoformat(),
        }
        import_items([record_from_mapping(record, "hit-rates")], origin=ImportOrigin.COMMAND)
        for kind, paths in urls.items():
            for path in paths:
                started = time.thread_time()
                hits[kind] += client.get(path).get("X-Page-Cache") == "hit"
                cpu[kind] += time.thread_time() - started
                asked[kind] += 1
    print(f"Code: {repo}; {args.n} reports imported")
    for kind in urls:
        print(
            f"  {kind:13} hits {hits[kind]:4d} of {asked[kind]:4d} ({hits[kind] / asked[kind]:4.0%})  "
            f"CPU a request {cpu[kind] / asked[kind] * 1000:5.2f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
