"""Shared fixtures: outlets and articles in the database, staff users, and a real browser."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM would
# otherwise refuse to run next to it. The ORM calls stay synchronous and single-threaded.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REPO = Path(__file__).resolve().parent.parent
DEMO_DIR = REPO / "demo"


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Every test starts and ends with an empty cache, so that no test is served a page or a
    comparison cached by an earlier one."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def source(db):
    from articles.models import Source

    return Source.objects.create(name="Example Times", slug="example-times", domain="example.com")


@pytest.fixture
def staff_client(client, django_user_model):
    """A client logged in as staff with every articles permission."""
    user = django_user_model.objects.create_user(
        "editor", password="pw-editor-1234", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


@pytest.fixture(scope="session")
def browser() -> Iterator:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs it with apt-get.")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def web() -> Iterator:
    """A web server on 127.0.0.1 serving what the test routes (tests/local_web.py)."""
    from local_web import LocalWeb

    server = LocalWeb().start()
    yield server
    server.stop()


@pytest.fixture
def local_fetching(settings):
    """Fetching from the local test server: private addresses allowed, short timeouts, no
    politeness pause (the tests' server is the only host)."""
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    settings.FETCH_TIMEOUT_SECONDS = 0.5
    settings.FETCH_HOST_DELAY_SECONDS = 0
    settings.FETCH_MAX_REDIRECTS = 3
    settings.FETCH_MAX_BYTES = 64 * 1024
    return settings
