"""A separate process importing reports, for the concurrency test.

    python tests/grouping_worker.py REPORTS.json START_AT

Waits until the wall-clock START_AT so that two workers begin together, then stores
each report in its own transaction and groups it, as the import pipeline does.
"""

import hashlib
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings")

import django

django.setup()

from django.db import transaction  # noqa: E402

from articles.grouping.service import assign_article  # noqa: E402
from articles.models import Article, Source  # noqa: E402


def main() -> None:
    reports = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    start_at = float(sys.argv[2])
    outlet = reports[0]["source"]
    source, _ = Source.objects.get_or_create(name=outlet, defaults={"slug": outlet.lower()})
    time.sleep(max(0.0, start_at - time.time()))
    for item in reports:
        with transaction.atomic():
            article = Article.objects.create(
                source=source,
                title=item["title"],
                body_text=item["text"],
                content_hash=hashlib.sha256((outlet + item["text"]).encode()).hexdigest(),
            )
            assign_article(article)


if __name__ == "__main__":
    main()
