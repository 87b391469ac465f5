"""Median time of an uncached render of each kind of reader page, in one process, without HTTP.

On a machine shared with other work, wrk's figures move with the other work's load; this one
process's medians move less, so running it against two checkouts in turn, on one filled
database, compares their code (before and after a change) under the same conditions:

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/render_times.py [CHECKOUT]

CHECKOUT is the repository whose code is timed (this one by default). The page cache is off;
fragment caches are on and warmed by two renders of each URL first.
"""

import os
import secrets
import statistics
import sys
import time
from pathlib import Path

REPO = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.chdir(REPO)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.update(
    BROWSE_PAGE_CACHE_SECONDS="0",
    DJANGO_DEBUG="false",
    SECRET_KEY=secrets.token_urlsafe(60),
    ALLOWED_HOSTS="testserver",
)
ROUNDS = 5


def urls_by_kind() -> dict[str, list[str]]:
    from articles.models import Article, Event

    events = list(
        Event.objects.filter(article_count__gte=2)
        .order_by("-last_published_at")
        .values_list("pk", flat=True)[:10]
    )
    reports = list(Article.objects.filter(event_id__in=events).order_by("id").values_list("pk", "event_id"))
    pairs = [[pk for pk, event in reports if event == event_id][:2] for event_id in events]
    return {
        "home": ["/"],
        "events list": [f"/events/?page={n}" for n in range(1, 6)],
        "event page": [f"/events/{pk}/" for pk in events],
        "article list": [f"/articles/?page={n}" for n in range(1, 6)],
        "article page": [f"/articles/{pk}/" for pk, _ in reports[:10]],
        "search": [
            "/search/?q=Kim+Yong-chol",
            "/search/?q=Hanoi",
            "/search/?q=summit+Geneva",
            "/search/?q=minister",
        ],
        "compare": [f"/compare/{a}/{b}/" for a, b in pairs],
        "API": ["/api/v1/articles?limit=20", "/api/v1/events?limit=20"],
    }


def main() -> int:
    import django

    django.setup()
    from django.test import Client

    client = Client()
    print(f"Code: {REPO}")
    for kind, urls in urls_by_kind().items():
        for url in urls:
            for _ in range(2):
                client.get(url)
        times = []
        for _ in range(ROUNDS):
            for url in urls:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
        print(
            f"{kind:14} median {statistics.median(times):6.1f} ms  max {max(times):6.1f} ms  ({len(times)} renders)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
