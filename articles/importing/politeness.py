"""Being a polite client (plain Python): one request at a time per host with a pause
between them, and robots.txt respected.

One `HostGate` per process is shared by everything that fetches (import by URL, the feed
poller), so two imports in one process never hit a host at once. Processes do not share it:
the poller is meant to run as one process.
"""

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class HostGate:
    """`with gate.turn(url):` waits for the host's previous request to finish and for
    `delay` seconds after it started, then holds the host until the block ends."""

    def __init__(self, delay: Callable[[], float]) -> None:
        self._delay = delay
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}

    def turn(self, url: str) -> "_Turn":
        key = host_key(url)
        with self._lock:
            lock = self._hosts.setdefault(key, threading.Lock())
        return _Turn(self, key, lock)


class _Turn:
    def __init__(self, gate: HostGate, key: str, lock: threading.Lock) -> None:
        self.gate, self.key, self.lock = gate, key, lock

    def __enter__(self) -> None:
        self.lock.acquire()
        wait = self.gate._last.get(self.key, float("-inf")) + self.gate._delay() - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.gate._last[self.key] = time.monotonic()

    def __exit__(self, *exc: object) -> None:
        self.lock.release()


class RobotsRules:
    """robots.txt per host, read once per `ttl` seconds through `read(url) -> (status, text)`.

    As RFC 9309 says: a missing robots.txt (4xx) allows everything; one that cannot be read
    (5xx, network error, refused) disallows everything until it can be read again.
    """

    def __init__(
        self, read: Callable[[str], tuple[int | None, str]], user_agent: str, ttl: float = 3600.0
    ) -> None:
        self._read = read
        self._agent = user_agent
        self._ttl = ttl
        self._rules: dict[str, tuple[float, RobotFileParser | bool]] = {}

    def allows(self, url: str) -> bool:
        key = host_key(url)
        cached = self._rules.get(key)
        if cached is None or time.monotonic() - cached[0] > self._ttl:
            cached = (time.monotonic(), self._load(key + "/robots.txt"))
            self._rules[key] = cached
        rules = cached[1]
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(self._agent, url)

    def _load(self, robots_url: str) -> RobotFileParser | bool:
        status, text = self._read(robots_url)
        if status is None or status >= 500:
            return False
        if status >= 400:
            return True
        parser = RobotFileParser(robots_url)
        parser.parse(text.splitlines())
        return parser
