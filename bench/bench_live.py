"""Reader pages as a live site meets them: many URLs, while an importer adds a report every second.

bench_web.py asks for one URL again and again, so after the first request every page comes from
the page cache. A live site differs twice over: readers spread over thousands of pages, and each
import changes the database's content version, which sends the next request of every page down
the uncached path. This benchmark reproduces both:

- fills a throw-away database (SQLite, or PostgreSQL with --postgres) as bench_web.py does;
- draws a mix of URLs from it (home, list pages, hundreds of events and reports, searches for
  names in the reports, comparisons of two reports of one event, API lists) into a file that
  wrk's Lua script (bench/live.lua) picks from at random;
- serves it with gunicorn (2 workers) and, during each measured run, imports one new report a
  second through the product's import pipeline (reading and grouping included);
- reports requests a second, p99 latency and the page cache's hit rate (from the X-Page-Cache
  header), beside the minimal Django view measured by the same server under the same importer;
- asks as browsers do, accepting gzip (`--accept-encoding identity` asks as wrk alone does).

Two rounds: the page cache on (the product's default) and off (every request renders).

    .venv/bin/python bench/bench_live.py [--articles N] [--events N] [--seconds S]
        [--postgres URL] [--cache-url redis://127.0.0.1:6379/9]
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench_web import (
    FILL_SCRIPT,
    PY,
    REPO,
    create_postgres_database,
    drop_postgres_database,
    environment,
    free_port,
    wait_until_up,
)

CONNECTIONS = 16
TARGET_MIX_P99_MS = 50.0
LUA = Path(__file__).with_name("live.lua")

# What share of requests goes to each kind of page: readers mostly open events and reports.
MIX = {
    "home": 6,
    "events list": 8,
    "event page": 24,
    "article list": 8,
    "article page": 24,
    "search": 10,
    "compare": 12,
    "API": 8,
}

PICK_SCRIPT = """
import json, random, sys, time
import django
django.setup()
from articles.comparisons import reanalyse
from articles.models import Article, Event
rng = random.Random(5)
# In id order: without an order, PostgreSQL returns rows as they lie on disk, which every write
# moves, so a run on a reused database drew other events, whose reports it then read (minutes).
event_ids = list(Event.objects.filter(article_count__gte=2).order_by("pk").values_list("pk", flat=True))
events = rng.sample(event_ids, min({events}, len(event_ids)))
# The product stores each report's reading at import; the fill does not (spaCy on 100,000 reports
# takes an hour), so read the reports the mix's event pages and comparisons show, as import would.
started = time.perf_counter()
from articles.reading import READING_VERSION
analysed = reanalyse(Article.objects.filter(event_id__in=events).exclude(analysis_version=READING_VERSION))
print(f"  read {{analysed}} reports of the sampled events in {{time.perf_counter() - started:.0f}} s", file=sys.stderr)
article_ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
articles = rng.sample(article_ids, min({count}, len(article_ids)))
pairs = []
for event_id in events:
    ids = list(Article.objects.filter(event_id=event_id).order_by("id").values_list("pk", flat=True)[:6])
    pairs.append(rng.sample(ids, 2))
# Searches a reader would type: a person, a place, a person and a place, from events' titles.
words = []
for title in Event.objects.filter(pk__in=rng.sample(event_ids, min(100, len(event_ids)))).values_list("title", flat=True):
    names = [w.strip(",.:'") for w in title.split() if w[:1].isupper()][1:]
    if names:
        words.append(" ".join(rng.sample(names, min(2, len(names)))))
print(json.dumps({{"events": events, "articles": articles, "pairs": pairs, "searches": words,
    "event_pages": Event.objects.count() // 30 + 1, "article_pages": Article.objects.count() // 50 + 1}}))
"""

IMPORTER_SCRIPT = """
import datetime as dt, random, sys, time
import django
django.setup()
from django.utils import timezone
from articles.importing.formats import record_from_mapping
from articles.importing.pipeline import import_items
from articles.models import ImportOrigin, Source
from bench.synthetic import make_events, report_text, HEADLINE_STYLES, PEOPLE

rng = random.Random()
outlets = list(Source.objects.values_list("name", flat=True))
seeds = make_events(200, rng=rng, now=timezone.now(), span_days=2)
stored = 0
next_at = time.monotonic()
while True:
    seed = rng.choice(seeds)
    body = report_text(seed, rng, rng.randint(9, 18))
    record = {{
        "title": rng.choice(HEADLINE_STYLES).format(title=seed.title),
        "text": body,
        "source": rng.choice(outlets),
        "published_at": (timezone.now() - dt.timedelta(minutes=rng.randint(0, 600))).isoformat(),
        "byline": "By " + rng.choice(PEOPLE).split()[-1] + " staff",
    }}
    result = import_items([record_from_mapping(record, "live")], origin=ImportOrigin.COMMAND)
    stored += result.created
    print(stored, flush=True)
    next_at += {interval}
    time.sleep(max(0.0, next_at - time.monotonic()))
"""


def mix_paths(picked: dict, *, size: int = 2000, seed: int = 3) -> list[str]:
    """`size` paths in the MIX proportions, each kind drawn from its own pool of URLs."""
    rng = random.Random(seed)
    pools = {
        "home": ["/"],
        "events list": [f"/events/?page={n}" for n in range(1, min(20, picked["event_pages"]) + 1)],
        "event page": [f"/events/{pk}/" for pk in picked["events"]],
        "article list": [f"/articles/?page={n}" for n in range(1, min(20, picked["article_pages"]) + 1)],
        "article page": [f"/articles/{pk}/" for pk in picked["articles"]],
        "search": ["/search/?q=" + urllib.request.quote(words) for words in picked["searches"]],
        "compare": [f"/compare/{a}/{b}/" for a, b in picked["pairs"]],
        "API": [f"/api/v1/events?limit=20&offset={20 * n}" for n in range(10)]
        + [f"/api/v1/articles?limit=20&offset={20 * n}" for n in range(10)],
    }
    total = sum(MIX.values())
    paths: list[str] = []
    for kind, share in MIX.items():
        paths += [rng.choice(pools[kind]) for _ in range(size * share // total)]
    rng.shuffle(paths)
    return paths


def kind_of(path: str) -> str:
    """The MIX kind a path of mix_paths belongs to."""
    route = path.split("?")[0]
    if route == "/":
        return "home"
    if route.startswith("/api/"):
        return "API"
    first = route.strip("/").split("/")[0]
    detail = bool(re.search(r"/\d+/$", route))
    return {
        ("events", False): "events list",
        ("events", True): "event page",
        ("articles", False): "article list",
        ("articles", True): "article page",
        ("search", False): "search",
    }.get((first, detail), "compare" if first == "compare" else first)


# Gunicorn's access log, one line a request: path, query, time in the worker (microseconds), the
# page cache's answer, and the CPU time and garbage collection the request cost its worker
# (bench/middleware.py). The worker's time leaves out the wait in the listen queue, which is
# most of a request's latency when 16 connections share 2 workers; it shows which pages cost it,
# and its CPU time how much of that was the page's own work rather than waiting (for PostgreSQL,
# Redis, or a core).
ACCESS_LOG_FORMAT = "%(U)s?%(q)s %(D)s %({x-page-cache}o)s %({x-worker-cpu}o)s %({x-worker-gc}o)s"


def by_kind(access_log: Path, *, busy_seconds: float) -> str:
    """Per kind of page: requests, median and p99 of the worker's time, and page-cache hits;
    then every request together, and how busy the workers were (`busy_seconds`: the workers'
    count times the run's length). With wrk's 16 connections each waiting for its answer before
    asking again, a request's latency is its wait behind the requests queued before it plus its
    own time, so the mix's p99 follows the workers' load and their slowest requests, not one
    kind's p99 alone."""
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    collected = 0.0
    for line in access_log.read_text().splitlines():
        path, micros, state, cpu_micros, gc_micros = line.rsplit(" ", 4)
        kind = kind_of(path.removesuffix("?"))
        times.setdefault(kind, []).append(int(micros) / 1000)
        cpu.setdefault(kind, []).append(int(cpu_micros) / 1000 if cpu_micros.isdigit() else 0.0)
        collected += int(gc_micros) / 1000 if gc_micros.isdigit() else 0.0
        hits[kind] = hits.get(kind, 0) + (state == "hit")
    times["all"] = [spent for kind in MIX for spent in times.get(kind, [])]
    cpu["all"] = [spent for kind in MIX for spent in cpu.get(kind, [])]
    hits["all"] = sum(hits.get(kind, 0) for kind in MIX)
    lines = []
    for kind in [*MIX, "all"]:
        if not times.get(kind):
            continue
        spent, own = sorted(times[kind]), sorted(cpu[kind])
        lines.append(
            f"    {kind:13} {len(spent):6d} req  median {statistics.median(spent):6.1f} ms  "
            f"p99 {_p99(spent):6.1f} ms  total {sum(spent) / 1000:5.1f} s  hits {hits[kind] / len(spent):4.0%}"
            f"  CPU median {statistics.median(own):5.1f} p99 {_p99(own):5.1f} total {sum(own) / 1000:5.1f} s"
        )
    everything = sorted(times["all"])
    if everything:
        slow = sum(spent for spent in everything if spent >= 20)
        lines.append(
            f"    workers busy {sum(everything) / 1000 / busy_seconds:.0%} of the run, on their own CPU "
            f"{sum(cpu['all']) / 1000 / busy_seconds:.0%}, in garbage collection {collected:.0f} ms; "
            f"requests of 20 ms or more: {sum(spent >= 20 for spent in everything)}, "
            f"{slow / sum(everything):.0%} of the workers' time"
        )
    return "\n".join(lines)


def _p99(values: list[float]) -> float:
    """The 99th percentile of sorted values."""
    return values[min(len(values) - 1, int(len(values) * 0.99))]


def warm_up(base: str, paths: list[str]) -> None:
    """Visit every URL of the mix before measuring, as a site that has run for a while has:
    comparisons and fact tables are cached by the reports they read (a write elsewhere leaves
    them valid), so a reader meets them computed. The first visit asks for each URL twice at
    once, so that both gunicorn workers serve it (each keeps its own memory cache unless
    CACHE_URL names a shared one; two visits one after the other reached one worker for about
    half the URLs, which then built their fact tables inside the measured run). The second
    visit, one request at a time, prints each kind of page's median time: where the mix's time
    goes."""
    second: dict[str, list[float]] = {}
    started = time.perf_counter()
    with ThreadPoolExecutor(2) as both_workers:
        for path in paths:
            list(
                both_workers.map(
                    lambda url: urllib.request.urlopen(url, timeout=120).read(), [base + path] * 2
                )
            )
    for path in paths:
        begun = time.perf_counter()
        urllib.request.urlopen(base + path, timeout=120).read()
        second.setdefault(kind_of(path), []).append(time.perf_counter() - begun)
    medians = ", ".join(
        f"{kind} {statistics.median(times) * 1000:.1f}" for kind, times in sorted(second.items())
    )
    print(
        f"  warm-up: {len(paths)} URLs three times in {time.perf_counter() - started:.0f} s; "
        f"medians (ms): {medians}"
    )


# What each request says it accepts: "gzip" as every browser does, or "identity" (wrk's own
# default: no Accept-Encoding header), in which case the page cache inflates what it stored.
ACCEPT_ENCODINGS = {"gzip": "gzip, deflate", "identity": ""}


def run_wrk(
    url: str, seconds: int, script: Path | None = None, paths_file: Path | None = None, *, accept: str = ""
) -> dict:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if accept:
        command += ["-H", f"Accept-Encoding: {accept}"]
    if script:
        command += ["-s", str(script), url, "--", str(paths_file)]
    else:
        command.append(url)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    p99_value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups()
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p99": float(p99_value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit],
        "errors": int(errors.group(1)) if errors else 0,
    }
    if cache := re.search(r"PAGE-CACHE hits=(\d+) misses=(\d+)", output):
        result["hits"], result["misses"] = int(cache.group(1)), int(cache.group(2))
    return result


def measure(
    env: dict[str, str],
    paths_file: Path,
    seconds: int,
    interval: float,
    *,
    profile: Path | None = None,
    importer_nice: int = 0,
    workers: int = 2,
    accept: str = "",
    keep_log: Path | None = None,
) -> tuple[dict, dict, int, str]:
    """(minimal view, mix, reports imported, the mix by kind of page) with the importer running
    through both runs. `profile`: a py-spy flame graph of each worker during the mix, there.
    `importer_nice`: the importer's CPU niceness, as a deployment sharing one machine between
    the web workers and the task worker might set it. `keep_log`: a copy of the mix's access
    log, there."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = str(Path(PY).parent / "gunicorn")
    bind = f"127.0.0.1:{port}"
    access_log = paths_file.with_name(f"access-{port}.log")
    server = subprocess.Popen(
        [
            gunicorn,
            "coverage_site.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            bind,
            "--chdir",
            str(REPO),
            "--log-level",
            "warning",
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            ACCESS_LOG_FORMAT,
        ],
        env=env,
        cwd=REPO,
    )
    importer = None
    try:
        wait_until_up(base + "/bench/minimal/", time.monotonic() + 30)
        warm_up(base, sorted(set(paths_file.read_text().split())))
        importer = subprocess.Popen(
            [
                *(["nice", "-n", str(importer_nice)] if importer_nice else []),
                PY,
                "-c",
                IMPORTER_SCRIPT.format(interval=interval),
            ],
            env=env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(3)  # the importer's first report (it loads the reading models first)
        minimal = run_wrk(base + "/bench/minimal/", max(3, seconds // 2), accept=accept)
        before_mix = access_log.stat().st_size
        profilers = [] if profile is None else start_profilers(server.pid, profile, seconds)
        mix = run_wrk(base + "/", seconds, LUA, paths_file, accept=accept)
        for profiler in profilers:
            profiler.wait(timeout=60)
        mix_log = paths_file.with_name("mix.log")
        with access_log.open("rb") as log:
            log.seek(before_mix)
            mix_log.write_bytes(log.read())
        if keep_log is not None:
            keep_log.mkdir(parents=True, exist_ok=True)
            shutil.copy(mix_log, keep_log / f"mix-{time.strftime('%H%M%S')}.log")
        kinds = by_kind(mix_log, busy_seconds=workers * seconds) + "\n"
        kinds += memory_in_use(server.pid, env.get("CACHE_URL", ""))
    finally:
        imported = 0
        if importer is not None:
            importer.terminate()
            out, _ = importer.communicate(timeout=30)
            lines = out.split()
            imported = int(lines[-1]) if lines else 0
        server.terminate()
        server.wait(timeout=30)
    return minimal, mix, imported, kinds


def memory_in_use(server_pid: int, cache_url: str) -> str:
    """The workers' resident memory (each holds its own cache without CACHE_URL), and the shared
    cache's memory when there is one: what a cache that keeps more costs."""
    workers = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    rss = []
    for pid in workers:
        status = Path(f"/proc/{pid}/status").read_text()
        rss.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) // 1024)
    line = f"    memory after the mix: workers {', '.join(f'{mb} MB' for mb in rss)}"
    if cache_url:
        import redis

        line += f"; Redis {redis.Redis.from_url(cache_url).info('memory')['used_memory_human']} in all"
    return line


def start_profilers(server_pid: int, directory: Path, seconds: int) -> list[subprocess.Popen]:
    """py-spy (if installed) recording each gunicorn worker for the mix's duration."""
    py_spy = shutil.which("py-spy") or str(Path(PY).parent / "py-spy")
    workers = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%H%M%S")
    return [
        subprocess.Popen(
            [
                py_spy,
                "record",
                "--pid",
                pid,
                "--duration",
                str(seconds),
                "--rate",
                "200",
                "--nonblocking",
                "--format",
                "raw",
                "--output",
                str(directory / f"worker-{stamp}-{pid}.txt"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for pid in workers
    ]


def report(title: str, minimal: dict, mix: dict, imported: int, kinds: str) -> None:
    served = mix.get("hits", 0) + mix.get("misses", 0)
    hit_rate = f"{mix['hits'] / served:.0%}" if served else "n/a (no X-Page-Cache answers: cache off)"
    verdict = "ok" if mix["p99"] < TARGET_MIX_P99_MS and not mix["errors"] else "MISSED"
    print(f"\n== {title}")
    print(f"  minimal view     {minimal['rps']:8.0f} req/s  p99 {minimal['p99']:6.1f} ms")
    print(
        f"  realistic mix    {mix['rps']:8.0f} req/s  p99 {mix['p99']:6.1f} ms  "
        f"ratio {mix['rps'] / minimal['rps']:.2f}  page-cache hits {hit_rate}  errors {mix['errors']}"
    )
    print(
        f"  reports imported during the run: {imported}; p99 target < {TARGET_MIX_P99_MS:.0f} ms: {verdict}"
    )
    print(f"  time in the workers by kind of page (the listen queue's wait left out):\n{kinds}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--outlets", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--urls", type=int, default=300, help="reports drawn for the mix")
    parser.add_argument(
        "--sampled-events",
        type=int,
        default=120,
        help="events drawn for the mix (their reports are read first)",
    )
    parser.add_argument("--import-every", type=float, default=1.0, metavar="SECONDS")
    parser.add_argument("--postgres", metavar="URL", help="server URL; a throw-away database is made there")
    parser.add_argument("--cache-url", default="", help="CACHE_URL for the servers (e.g. a Redis database)")
    parser.add_argument(
        "--reuse", metavar="DATABASE_URL", help="an already filled database (kept; the imported reports stay)"
    )
    parser.add_argument("--profile", type=Path, metavar="DIR", help="py-spy each worker during the mix")
    parser.add_argument("--keep-log", type=Path, metavar="DIR", help="keep each mix's access log there")
    parser.add_argument("--only", choices=["on", "off"], help="one round: the page cache on, or off")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (one a core is the advice)")
    parser.add_argument(
        "--importer-nice",
        default="0",
        metavar="N[,N...]",
        help="the importer's CPU niceness; several values: one run each, in turn, in every round",
    )
    parser.add_argument(
        "--accept-encoding",
        default="gzip",
        metavar="gzip|identity[,...]",
        help="what the readers' requests accept (gzip, as browsers); several: one run each, in turn",
    )
    args = parser.parse_args()
    encodings = args.accept_encoding.split(",")
    if not set(encodings) <= ACCEPT_ENCODINGS.keys():
        parser.error(f"--accept-encoding: one or more of {', '.join(ACCEPT_ENCODINGS)}")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `make system-deps` installs it (Debian package wrk).")

    workdir = Path(tempfile.mkdtemp(prefix="coverage-bench-live-"))
    if args.reuse:
        database_url = args.reuse
    elif args.postgres:
        database_url = create_postgres_database(args.postgres)
    else:
        database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    env = environment(database_url)
    if args.cache_url:
        # A prefix of this run's own: rows cached by an earlier run of the same fill would share
        # keys with this one's and flatter its hit rate.
        env.update(CACHE_URL=args.cache_url, CACHE_KEY_PREFIX=f"bench-live-{os.getpid()}")
    print(f"Database: {database_url}; cache: {args.cache_url or 'each process its own memory'}")
    try:
        if not args.reuse:
            fill = FILL_SCRIPT.format(outlets=args.outlets, events=args.events, articles=args.articles)
            print(f"Filling {args.articles:,} reports, {args.events:,} events, {args.outlets} outlets ...")
            done = subprocess.run(
                [PY, "-c", fill], env=env, cwd=REPO, capture_output=True, text=True, check=True
            )
            print(f"  filled in {done.stdout.strip()}", flush=True)
        picked = json.loads(
            subprocess.run(
                [PY, "-c", PICK_SCRIPT.format(count=args.urls, events=args.sampled_events)],
                env=env,
                cwd=REPO,
                stdout=subprocess.PIPE,
                text=True,
                check=True,
            ).stdout
        )
        paths = mix_paths(picked)
        paths_file = workdir / "paths.txt"
        paths_file.write_text("\n".join(paths) + "\n")
        print(
            f"Mix: {len(set(paths))} distinct URLs ({len(picked['events'])} events, {len(picked['articles'])} "
            f"reports, {len(picked['searches'])} searches, {len(picked['pairs'])} comparisons, list pages, API)"
        )
        for title, extra in [
            ("Page cache on (the default)", {}),
            (
                "Page cache off (every request renders; fragment caches still on)",
                {"BROWSE_PAGE_CACHE_SECONDS": "0"},
            ),
        ]:
            if args.only and (args.only == "off") != bool(extra):
                continue
            runs = [(int(n), e) for n in args.importer_nice.split(",") for e in encodings]
            for nice, encoding in runs:
                minimal, mix, imported, kinds = measure(
                    {**env, **extra},
                    paths_file,
                    args.seconds,
                    args.import_every,
                    profile=args.profile,
                    importer_nice=nice,
                    workers=args.workers,
                    accept=ACCEPT_ENCODINGS[encoding],
                    keep_log=args.keep_log,
                )
                niced = f"; the importer at nice {nice}" if nice else ""
                report(f"{title}{niced}; readers accept {encoding}", minimal, mix, imported, kinds)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if args.cache_url:
            import redis

            client = redis.Redis.from_url(args.cache_url)
            for key in client.scan_iter(match=f"{env['CACHE_KEY_PREFIX']}:*", count=1000):
                client.delete(key)
        if args.postgres and not args.reuse:
            drop_postgres_database(args.postgres)
    return 0


if __name__ == "__main__":
    sys.exit(main())
