"""Benchmark: import JSONL articles (2,000 unless BENCH_IMPORT_ARTICLES says) into an empty SQLite database.

Prints articles per second through the real pipeline (read, clean, check duplicates,
store, analyse, group) next to a baseline measured in the same run: a bare
bulk_create of the same rows into the same database, emptied again. Run with
`.venv/bin/python bench/bench_import.py` (or `make bench`).
"""

import dataclasses
import json
import os
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The import reads every report with the reading layer (spaCy and sentence vectors, about ten
# reports a second a core: bench_reading.py), so 10,000 would take about 15 minutes; 2,000 keep
# `make bench` short and measure the same thing. BENCH_IMPORT_ARTICLES sets another count.
ARTICLES = int(os.environ.get("BENCH_IMPORT_ARTICLES", "2000"))
FILES = max(1, ARTICLES // 1000)  # 1,000 articles a file keeps each under the per-file size limit

OUTLETS = [
    ("Reuters", "reuters.com"),
    ("Associated Press", "apnews.com"),
    ("BBC News", "bbc.co.uk"),
    ("The Guardian", "theguardian.com"),
    ("Bloomberg", "bloomberg.com"),
    ("Al Jazeera", "aljazeera.com"),
    ("The Korea Herald", "koreaherald.com"),
    ("Example Daily", "example-daily.test"),
]


def make_article(rng: random.Random, n: int, report: tuple[str, str, datetime | None]) -> dict:
    """One JSONL record around a synthetic report of the grouping benchmark's generator
    (Zipf vocabulary, events of 1-5 reports with their own topic words and names), so that
    grouping meets the kind of overlap real news has rather than one shared word list."""
    name, domain = rng.choice(OUTLETS)
    title, body, when = report
    sentences = body.split(". ")
    paragraphs = [". ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    record = {
        "title": title,
        "source": name,
        "url": f"https://www.{domain}/news/story-{n}?utm_source=feed&utm_medium=rss",
        "byline": f"Reporter {n % 97}",
        "text": ".\n\n".join(p.rstrip(".") for p in paragraphs) + ".",
    }
    if when is not None:
        record["published_at"] = when.isoformat() if n % 3 else when.date().isoformat()
    return record


def generate(folder: Path) -> list[Path]:
    sys.path.insert(0, str(REPO))
    from bench.bench_grouping import Generator

    rng = random.Random(20190118)
    reports = Generator(seed=20190118).reports(ARTICLES)
    paths = []
    for f in range(FILES):
        path = folder / f"feed-{f:02d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(ARTICLES // FILES):
                n = f * (ARTICLES // FILES) + i
                out.write(json.dumps(make_article(rng, n, reports[n])) + "\n")
        paths.append(path)
    return paths


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
    db_path = workdir / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from articles.importing import read_inputs
    from articles.importing.cleaning import PageCleaner
    from articles.importing.outlets import OutletMatcher
    from articles.importing.pipeline import build_article, import_items, limits_from_settings
    from articles.importing.prepare import prepare_record
    from articles.importing.records import InputFile, RawRecord
    from articles.importing.rules import rules_for
    from articles.models import Article, ImportOrigin, Source

    paths = generate(workdir)
    size = sum(p.stat().st_size for p in paths)
    print(f"Generated {ARTICLES:,} articles in {FILES} JSONL files ({size / 1e6:.1f} MB) in {workdir}")
    call_command("migrate", verbosity=0)

    files = [InputFile(p.name, p.read_bytes()) for p in paths]
    # The per-file limit applies as configured; the whole run is one "upload" of ~50 MB,
    # which the command line may exceed, so that cap is lifted for the benchmark.
    limits = dataclasses.replace(limits_from_settings(), max_upload_bytes=10 * size)

    started, cpu_started = time.perf_counter(), time.process_time()
    result = import_items(read_inputs(files, limits), origin=ImportOrigin.COMMAND)
    pipeline_seconds = time.perf_counter() - started
    pipeline_cpu = time.process_time() - cpu_started
    assert result.created == ARTICLES, result.summary
    rate = ARTICLES / pipeline_seconds

    started = time.perf_counter()
    again = import_items(read_inputs(files, limits), origin=ImportOrigin.COMMAND)
    rerun_seconds = time.perf_counter() - started
    assert again.created == 0 and again.duplicates == ARTICLES, again.summary

    # Baseline: the same rows the pipeline stores (analysis included), prepared beforehand (not
    # timed), stored with one bare bulk_create after emptying the table.
    outlets = OutletMatcher(Source.objects.values_list("name", "domain"))
    cleaner = PageCleaner(rules_for("en"), outlets)
    sources = {s.name: s for s in Source.objects.all()}
    rows = []
    for raw in read_inputs(files, limits):
        assert isinstance(raw, RawRecord)
        item = prepare_record(raw, cleaner=cleaner, outlets=outlets)
        rows.append(build_article(item, sources[item.source_name], None))
    Article.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM")
    started = time.perf_counter()
    Article.objects.bulk_create(rows, batch_size=500)
    baseline_seconds = time.perf_counter() - started
    baseline = ARTICLES / baseline_seconds

    print(
        f"Pipeline, end to end (read, clean, dedupe, store): {rate:,.0f} articles/s ({pipeline_seconds:.2f} s)"
    )
    print(
        f"Re-run, all duplicates:                           {ARTICLES / rerun_seconds:,.0f} articles/s ({rerun_seconds:.2f} s)"
    )
    print(
        f"Baseline, bare bulk_create of the same rows:      {baseline:,.0f} articles/s ({baseline_seconds:.2f} s)"
    )
    # Wall time depends on what else the shared machine runs; CPU time much less so.
    print(f"Pipeline CPU time: {pipeline_cpu:.2f} s ({ARTICLES / pipeline_cpu:,.0f} articles per CPU-second)")
    print(
        f"Pipeline / baseline: {rate / baseline:.2f}   target >= 1,000 articles/s: {'met' if rate >= 1000 else 'NOT met'}"
    )
    db_path.unlink(missing_ok=True)
    for path in [*paths, *workdir.glob("bench.sqlite3-*")]:
        path.unlink(missing_ok=True)
    workdir.rmdir()


if __name__ == "__main__":
    main()
