"""Benchmark: the two import stages on JSONL reports, on SQLite and (given a server) PostgreSQL.

Stage one (read, decode, clean, de-duplicate, store in bulk with the search index) on
BENCH_IMPORT_ARTICLES reports (10,000 unless set), in reports a second, next to a baseline
measured in the same run: a bare bulk_create of the same rows into the same database.

Stage two (read with the reading layer, then group) on the first BENCH_READ_ARTICLES of them
(500 unless set: the reading runs at a few reports a second a core, so 10,000 would take most
of an hour a configuration), with one worker process and with two, timed from the moment the
workers have their models loaded (as long-running workers do) until every report is grouped;
next to the models run bare over the same texts in one process (spaCy's nlp.pipe and one
encoder call per 32 reports for the headlines and spaCy's sentences): the rate stage two can
approach. Also the peak resident memory of a worker.

Run: `.venv/bin/python bench/bench_import.py` (or `make bench`). PostgreSQL: set
BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/coverage_bench (that database is dropped
and created afresh).
"""

import dataclasses
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLES = int(os.environ.get("BENCH_IMPORT_ARTICLES", "10000"))
READ_ARTICLES = min(ARTICLES, int(os.environ.get("BENCH_READ_ARTICLES", "500")))
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


def fresh_database(url: str | None, workdir: Path) -> str:
    if url is None:
        return f"sqlite:///{workdir / 'bench.sqlite3'}"
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return url


def stage_two(workers: int, workdir: Path) -> tuple[float, int]:
    """Seconds from "go" until the workers have read and grouped everything waiting, and the
    largest worker's peak memory in MB."""
    go = workdir / f"go-{workers}"
    processes = [
        subprocess.Popen(
            [sys.executable, str(REPO / "bench" / "ingest_worker.py"), str(go)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(workers)
    ]
    for process in processes:
        assert process.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    go.touch()
    peaks = []
    for process in processes:
        out, _ = process.communicate()
        assert process.returncode == 0
        peaks.append(int(out.split()[-1]))
    return time.perf_counter() - started, max(peaks)


def reset_stage_two() -> None:
    """Every report back to "stored", no event, no grouping statistics: stage two afresh."""
    from articles.models import Article, Event, EventKey, EventProfile, ImportBatch, KeyFrequency
    from articles.models import ReportFeatures as StoredFeatures

    for model in (StoredFeatures, EventKey, EventProfile, KeyFrequency):
        model.objects.all().delete()
    Article.objects.update(
        event=None,
        grouping_status="pending",
        grouping_score=None,
        grouping_evidence={},
        analysis={},
        analysis_version=0,
        ingest_stage="stored",
        claimed_until=None,
    )
    Event.objects.all().delete()
    ImportBatch.objects.update(read_count=0, grouped_count=0, analysis_status="queued", analysis_failures=[])


def bare_models(items: list[tuple[str, str]]) -> float:
    """Seconds for the models alone over the texts, loaded beforehand (see the docstring)."""
    from articles.reading.document import BATCH
    from articles.reading.models import nlp
    from articles.reading.vectors import encode

    encode(["warm up"])
    nlp()("Warm up.")
    started = time.perf_counter()
    for start in range(0, len(items), 32):
        chunk = items[start : start + 32]
        texts = [text for title, body in chunk for text in (body, title)]
        docs = list(nlp().pipe(texts, batch_size=BATCH * 2))
        encode(
            [
                text
                for k, (title, _) in enumerate(chunk)
                for text in [title, *(s.text for s in docs[2 * k].sents)]
            ]
        )
    return time.perf_counter() - started


def reading_layer(items: list[tuple[str, str]]) -> float:
    """Seconds for read_reports alone over the texts, a claim at a time (models loaded)."""
    from articles.reading import read_reports

    list(read_reports([("Warm up", "Warm up. Second sentence.", "en")]))
    started = time.perf_counter()
    for start in range(0, len(items), 32):
        list(read_reports([(title, body, "en") for title, body in items[start : start + 32]]))
    return time.perf_counter() - started


def run(label: str, url: str | None) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
    os.environ["DATABASE_URL"] = fresh_database(url, workdir)
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
    print(f"== {label}: {ARTICLES:,} reports in {FILES} JSONL files ({size / 1e6:.1f} MB)")
    call_command("migrate", verbosity=0)

    files = [InputFile(p.name, p.read_bytes()) for p in paths]
    # The per-file limit applies as configured; the whole run is one "upload" larger than the
    # admin allows, so that cap is lifted for the benchmark.
    limits = dataclasses.replace(limits_from_settings(), max_upload_bytes=10 * size)

    started, cpu_started = time.perf_counter(), time.process_time()
    result = import_items(read_inputs(files, limits), origin=ImportOrigin.COMMAND, analyse="workers")
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    assert result.created == ARTICLES, result.summary
    rate = ARTICLES / seconds

    started = time.perf_counter()
    again = import_items(read_inputs(files, limits), origin=ImportOrigin.COMMAND, analyse="workers")
    rerun_seconds = time.perf_counter() - started
    assert again.created == 0 and again.duplicates == ARTICLES, again.summary

    # Baseline: the same rows stage one stores, prepared beforehand (not timed), stored with
    # one bare bulk_create after emptying the table.
    outlets = OutletMatcher(Source.objects.values_list("name", "domain"))
    cleaner = PageCleaner(rules_for("en"), outlets)
    sources = {s.name: s for s in Source.objects.all()}
    rows = []
    for raw in read_inputs(files, limits):
        assert isinstance(raw, RawRecord)
        item = prepare_record(raw, cleaner=cleaner, outlets=outlets)
        rows.append(build_article(item, sources[item.source_name], None))
    Article.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM")
    started = time.perf_counter()
    Article.objects.bulk_create(rows, batch_size=500)
    baseline_seconds = time.perf_counter() - started
    baseline = ARTICLES / baseline_seconds
    Article.objects.all().delete()

    print(
        f"Stage one (read, clean, dedupe, store):  {rate:8,.0f} reports/s ({seconds:.2f} s, {cpu:.2f} s CPU)"
    )
    print(f"Re-run, all duplicates:                  {ARTICLES / rerun_seconds:8,.0f} reports/s")
    print(f"Baseline, bare bulk_create:              {baseline:8,.0f} reports/s ({baseline_seconds:.2f} s)")
    print(f"Stage one / baseline: {rate / baseline:.2f}   (targets: >= 1,000 reports/s on SQLite, >= 0.3)")

    # Stage two on the first READ_ARTICLES reports.
    subset = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()][:READ_ARTICLES]
    stage_two_file = InputFile("stage-two.jsonl", ("\n".join(subset) + "\n").encode())
    stored = import_items(
        read_inputs([stage_two_file], limits), origin=ImportOrigin.COMMAND, analyse="workers"
    )
    assert stored.created == READ_ARTICLES, stored.summary
    texts = list(Article.objects.order_by("id").values_list("title", "body_text"))
    connection.close()
    one, one_mb = stage_two(1, workdir)
    assert not Article.objects.being_analysed().exists()
    events_one = Article.objects.filter(event__isnull=False).values("event").distinct().count()
    reset_stage_two()
    connection.close()
    two, two_mb = stage_two(2, workdir)
    assert not Article.objects.being_analysed().exists()
    bare = bare_models(texts)
    layer = reading_layer(texts)
    n = READ_ARTICLES
    print(f"Stage two on {n:,} reports (read, then group), workers' models loaded:")
    print(f"  1 worker:   {n / one:6.1f} reports/s ({one:.1f} s; {events_one} events)")
    print(
        f"  2 workers:  {n / two:6.1f} reports/s ({two:.1f} s)   2 workers / 1: {one / two:.2f}x (target >= 1.6)"
    )
    print(f"  models bare, 1 process (nlp.pipe + encoder): {n / bare:6.1f} reports/s ({bare:.1f} s)")
    print(f"  reading layer alone (read_reports), 1 process: {n / layer:6.1f} reports/s ({layer:.1f} s)")
    print(f"  stage two, 1 worker / models bare: {bare / one:.2f}   (target >= 0.7)")
    print(
        f"  where the rest goes: reading layer / models bare {bare / layer:.2f}; stage two / reading layer {layer / one:.2f}"
    )
    print(f"  peak worker memory: {max(one_mb, two_mb)} MB")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--database":
        url = None if sys.argv[2] == "sqlite" else sys.argv[2]
        run("SQLite" if url is None else "PostgreSQL", url)
        return
    # One process a database: Django is set up once per process.
    targets = ["sqlite"] + ([os.environ["BENCH_PG_URL"]] if os.environ.get("BENCH_PG_URL") else [])
    for target in targets:
        subprocess.run([sys.executable, __file__, "--database", target], check=True)


if __name__ == "__main__":
    main()
