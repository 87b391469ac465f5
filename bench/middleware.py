"""Benchmark-only: what a request cost its worker in CPU, beside the wall time gunicorn logs.

A worker's wall time for a request includes waiting: for PostgreSQL and Redis to answer, and
for a core, on a machine whose two cores the workers share with PostgreSQL, Redis, wrk and the
importer. The CPU time this thread spent, and the garbage collector's pauses inside the request,
tell the request's own cost from that waiting. Sent as response headers, which bench_live.py's
access log format records (%({x-worker-cpu}o)s); never part of the product (bench/settings.py).
"""

import gc
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class _GcClock:
    """Seconds spent in garbage collections since the process started (gc.callbacks)."""

    spent = 0.0
    _started = 0.0

    @classmethod
    def callback(cls, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            cls._started = time.perf_counter()
        else:
            cls.spent += time.perf_counter() - cls._started


gc.callbacks.append(_GcClock.callback)


def request_costs(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        cpu, collected = time.thread_time(), _GcClock.spent
        response = get_response(request)
        response["X-Worker-CPU"] = str(round((time.thread_time() - cpu) * 1e6))
        response["X-Worker-GC"] = str(round((_GcClock.spent - collected) * 1e6))
        return response

    return middleware
