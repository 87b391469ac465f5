"""Comparison speed: our alignment against difflib.HtmlDiff().make_table on the same pairs.

Pairs: short (the two demo reports, ~500 words each), long (two ~2,000-word reports built from
the demo and test texts: the second reordered, trimmed and reworded), and near-identical wire
copies (a ~2,000-word report and a copy with small edits). Both sides get the reports as
sentences; ours works from the stored analysis, as the page does. It prints each pair's median
times and the ratio difflib / ours (above 1 means ours is faster), then the server time of the
compare page for the long pair, cold (nothing cached) and warm.

Run: .venv/bin/python bench/bench_compare.py
"""

import difflib
import functools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from articles.compare.compare import compare_analyses  # noqa: E402
from articles.reading import read_report  # noqa: E402
from articles.reading.sentences import split_sentences  # noqa: E402
from tests.compare_texts import FLOOD_A, FLOOD_B, QUOTES, UNRELATED, WIRE_A, WIRE_B  # noqa: E402

SWAPS = {
    "said": "told reporters",
    "big": "large",
    "meeting": "talks",
    "agreed": "accepted",
    "the US": "Washington",
}


def demo_pair() -> tuple[str, str]:
    first, second = sorted((REPO / "demo").glob("*.txt"))
    return first.read_text(), second.read_text()


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]


def long_report(words: int, rng: random.Random) -> str:
    pool = []
    for text in (*demo_pair(), FLOOD_A, FLOOD_B, WIRE_A, WIRE_B, QUOTES, UNRELATED):
        pool.extend(paragraphs(text))
    out, count, round_number = [], 0, 0
    while count < words:
        round_number += 1
        for paragraph in rng.sample(pool, len(pool)):
            # Vary numbers per round so that repeated paragraphs are not identical.
            varied = paragraph.replace("2,000", f"{2000 + round_number * 10:,}").replace(
                "14", str(14 + round_number)
            )
            out.append(varied)
            count += len(varied.split())
            if count >= words:
                break
    return "\n\n".join(out)


def rework(text: str, rng: random.Random, *, drop: float, swap: float, shuffle: bool) -> str:
    kept = [p for p in paragraphs(text) if rng.random() >= drop]
    if shuffle:
        for _ in range(len(kept) // 4):
            i, j = rng.randrange(len(kept)), rng.randrange(len(kept))
            kept[i], kept[j] = kept[j], kept[i]
    edited = []
    for p in kept:
        for old, new in SWAPS.items():
            if old in p and rng.random() < swap:
                p = p.replace(old, new, 1)
        edited.append(p)
    return "\n\n".join(edited)


def analyse_both(text_a: str, text_b: str) -> None:
    read_report("A", text_a)
    read_report("B", text_b)


def median_ms(fn, repeat: int) -> float:
    fn()  # warm caches and imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_pairs() -> list[tuple[str, str, str]]:
    rng = random.Random(20190119)
    short_a, short_b = demo_pair()
    long_a = long_report(2000, rng)
    long_b = rework(long_report(2000, rng), rng, drop=0.2, swap=0.5, shuffle=True)
    wire_a = long_report(2000, rng)
    wire_b = rework(wire_a, rng, drop=0.03, swap=0.3, shuffle=False)
    return [("short", short_a, short_b), ("long", long_a, long_b), ("near-identical wire", wire_a, wire_b)]


def main() -> None:
    print(f"{'pair':22} {'words':>11} {'difflib ms':>11} {'ours ms':>9} {'ratio':>7} {'analysis ms':>12}")
    all_faster = True
    for name, text_a, text_b in bench_pairs():
        analysis_a, analysis_b = read_report("A", text_a), read_report("B", text_b)
        lines_a = [s.text for s in split_sentences(text_a)]
        lines_b = [s.text for s in split_sentences(text_b)]
        repeat = 15 if name == "short" else 5
        theirs = median_ms(functools.partial(difflib.HtmlDiff().make_table, lines_a, lines_b), repeat)
        ours = median_ms(functools.partial(compare_analyses, analysis_a, analysis_b), repeat)
        analysis = median_ms(functools.partial(analyse_both, text_a, text_b), repeat)
        words = f"{len(text_a.split())}/{len(text_b.split())}"
        ratio = theirs / ours
        all_faster &= ratio > 1
        print(f"{name:22} {words:>11} {theirs:11.1f} {ours:9.1f} {ratio:6.1f}x {analysis:12.1f}")
    print("ratio = difflib HtmlDiff.make_table time / our compare_analyses time (stored analyses)")
    print("analysis ms = analysing both reports once, as the import does (not part of a page view)")
    page_timing(bench_pairs()[1])
    if not all_faster:
        raise SystemExit("FAILED: difflib was faster on at least one pair")


def page_timing(pair: tuple[str, str, str]) -> None:
    """Server time of GET /compare/<a>/<b>/ for the long pair, through Django's test client."""
    _, text_a, text_b = pair
    directory = tempfile.mkdtemp(prefix="bench-compare-")
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings")
    import django

    django.setup()
    import hashlib

    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from articles.models import Article, Source
    from articles.reading import READING_VERSION

    call_command("migrate", verbosity=0)
    ids = []
    for name, text in (("Outlet A", text_a), ("Outlet B", text_b)):
        source = Source.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        article = Article.objects.create(
            source=source,
            title=f"{name} report",
            body_text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            analysis=read_report(f"{name} report", text),
            analysis_version=READING_VERSION,
        )
        ids.append(article.pk)
    client = Client(HTTP_HOST="localhost")
    url = f"/compare/{ids[0]}/{ids[1]}/"

    def cold() -> None:
        cache.clear()
        assert client.get(url).status_code == 200

    def warm() -> None:
        assert client.get(url).status_code == 200

    print(
        f"compare page, long pair ({len(text_a.split())}/{len(text_b.split())} words): "
        f"cold {median_ms(cold, 7):.1f} ms, warm (cached comparison) {median_ms(warm, 7):.1f} ms server time"
    )


if __name__ == "__main__":
    main()
