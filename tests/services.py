"""Servers some tests need beside the test database: Redis, and a PostgreSQL server.

When one does not answer, the test is skipped with a notice, except under CI=true, where a
missing service is a failure: CI must run what these tests check.
"""

import os

import pytest

# Database 7 of the machine's Redis: apart from the site's own (1) and from other checkouts' tests.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


def missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what}, and CI=true requires it.")
    pytest.skip(f"NOTICE: {what}; skipped.")


def require_redis(url: str = REDIS_URL) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.RedisError as error:
        missing(f"no Redis answers at {url} ({error})")


def postgres_server_url() -> str:
    """The PostgreSQL server of the PostgreSQL pass (DATABASE_URL without its database name)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        # Not a missing service: the SQLite pass leaves the test to the PostgreSQL pass, which
        # CI=true requires (Makefile), so it is skipped here even under CI.
        pytest.skip("runs in the PostgreSQL pass (DATABASE_URL=postgres://...)")
    return url.rsplit("/", 1)[0]
