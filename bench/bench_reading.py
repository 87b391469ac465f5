"""Reading-layer speed and memory: read_reports against spaCy's bare nlp.pipe on the same texts.

The bare pipe (the same pipeline, batch size and texts, nothing else) is the floor no wrapper
can beat; the ratio ours / floor says what entities, quotes, numbers and sentence vectors cost
on top. Both are measured on one process and on two (one per core, each loading its own
models, as two workers would), plus the resident memory of a worker after reading.

Run: .venv/bin/python bench/bench_reading.py [--reports N]
"""

import argparse
import multiprocessing
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bench_compare import long_report  # noqa: E402

WORDS = 650  # a typical news report


def texts(count: int) -> list[tuple[str, str, str]]:
    rng = random.Random(7)
    return [(f"Report {k}", long_report(WORDS, rng), "en") for k in range(count)]


def bare(items: list[tuple[str, str, str]]) -> float:
    from articles.reading.document import BATCH
    from articles.reading.models import nlp

    pipeline = nlp()
    start = time.perf_counter()
    for _ in pipeline.pipe([t for title, body, _ in items for t in (body, title)], batch_size=BATCH * 2):
        pass
    return time.perf_counter() - start


def ours(items: list[tuple[str, str, str]]) -> float:
    from articles.reading import read_reports

    start = time.perf_counter()
    for _ in read_reports(items):
        pass
    return time.perf_counter() - start


def _worker(job: tuple[str, list]) -> tuple[float, int]:
    kind, items = job
    # Load the models before the clock starts, as a long-running worker has them loaded.
    (bare if kind == "bare" else ours)(items[:2])
    seconds = (bare if kind == "bare" else ours)(items)
    return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def two_processes(kind: str, items: list) -> tuple[float, int]:
    halves = [items[::2], items[1::2]]
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        start = time.perf_counter()
        results = pool.map(_worker, [(kind, half) for half in halves])
        wall = time.perf_counter() - start
    # The pool's own start and model loading happen before each worker's clock: count the
    # slower worker's reading time, not the process start-up.
    del wall
    return max(seconds for seconds, _ in results), max(rss for _, rss in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=80)
    args = parser.parse_args()
    items = texts(args.reports)
    words = sum(len(body.split()) for _, body, _ in items)
    bare(items[:2])  # load spaCy before timing
    ours(items[:2])  # and the encoder
    floor_one = bare(items)
    ours_one = ours(items)
    floor_two, _ = two_processes("bare", items)
    ours_two, worker_rss = two_processes("ours", items)
    n = len(items)
    print(f"{n} reports, {words:,} words ({words // n} a report)")
    print(f"{'':28} {'reports/s':>10} {'words/s':>9}")
    for label, seconds in (
        ("spaCy nlp.pipe, 1 process", floor_one),
        ("read_reports, 1 process", ours_one),
        ("spaCy nlp.pipe, 2 processes", floor_two),
        ("read_reports, 2 processes", ours_two),
    ):
        print(f"{label:28} {n / seconds:10.1f} {words / seconds:9.0f}")
    print(
        f"ratio read_reports / bare pipe: 1 process {floor_one / ours_one:.2f}, 2 processes {floor_two / ours_two:.2f}"
    )
    print(f"two processes / one process (read_reports): {ours_one / ours_two:.2f}x")
    print(f"peak resident memory of a reading worker (models loaded, half the reports read): {worker_rss} MB")


if __name__ == "__main__":
    main()
