"""CACHE_URL selects Redis; on Redis, pages and rows are shared and still fresh after every write."""

import os
import subprocess
import sys
import uuid

import pytest
from browse_data import event_with_reports, outlet, report
from conftest import REPO
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse
from services import REDIS_URL, require_redis

from articles.models import Article, Event

pytestmark = pytest.mark.django_db


def _cache_setting(**env: str) -> subprocess.CompletedProcess:
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "c = settings.CACHES['default']; print(c['BACKEND'], c.get('LOCATION', ''))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "coverage_site.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cache_url_selects_the_redis_backend():
    result = _cache_setting(CACHE_URL="redis://127.0.0.1:6379/1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/1",
    ]


def test_without_cache_url_each_process_keeps_its_own_memory_cache():
    result = _cache_setting(CACHE_URL="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["articles.browsing.memorycache.BoundedMemoryCache"]


def test_a_cache_url_that_is_not_redis_is_a_configuration_error():
    result = _cache_setting(CACHE_URL="memcached://127.0.0.1:11211")
    assert result.returncode != 0
    assert "CACHE_URL must be a redis://" in result.stderr


@pytest.fixture
def redis_cache(settings):
    """The site's cache on the machine's Redis, under a key prefix of this test's own (no FLUSHDB:
    other test runs may share the database); its keys are deleted afterwards."""
    require_redis()
    from coverage_site.settings import cache_from_url

    prefix = f"test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {"default": {**cache_from_url(REDIS_URL), "KEY_PREFIX": prefix}}
    yield prefix
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_pages_and_rows_are_stored_in_redis(client, redis_cache):
    import redis

    assert isinstance(caches["default"], RedisCache)
    event_with_reports("Shared summit", [outlet("Alpha News"), outlet("Beta Times")])
    first = client.get(reverse("articles:event-list"))
    assert first["X-Page-Cache"] == "miss"
    again = client.get(reverse("articles:event-list"))
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    stored = [key.decode() for key in redis.Redis.from_url(REDIS_URL).scan_iter(match=f"{redis_cache}:*")]
    assert any(":page:" in key for key in stored)
    assert any(":row:event:" in key for key in stored)


@pytest.mark.parametrize("name", ["articles:home", "articles:event-list", "articles:article-list"])
def test_on_redis_a_write_shows_on_the_next_request(client, redis_cache, name):
    alpha = outlet("Alpha News")
    event = event_with_reports("Shared summit", [alpha, outlet("Beta Times")])
    client.get(reverse(name))
    assert client.get(reverse(name))["X-Page-Cache"] == "hit"

    Event.objects.filter(pk=event.pk).update(title="Shared summit, renamed")
    report(outlet("Gamma Post"), title="Gamma's own report", event=event)
    after = client.get(reverse(name))
    assert after["X-Page-Cache"] == "miss"
    html = after.content.decode()
    assert "Shared summit, renamed" in html
    assert "Gamma Post" in html


def test_on_redis_the_event_page_and_comparison_follow_a_retitled_report(client, redis_cache):
    event = event_with_reports("Shared summit", [outlet("Alpha News"), outlet("Beta Times")])
    left, right = event.articles.order_by("id")
    pages = [event.get_absolute_url(), reverse("articles:compare", args=[left.pk, right.pk])]
    for url in pages:
        client.get(url)
    Article.objects.filter(pk=right.pk).update(title="Beta Times corrects its headline")
    for url in pages:
        assert "Beta Times corrects its headline" in client.get(url).content.decode()


def _delete_pages_in_redis(prefix: str, kind: str = "page") -> int:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*:{kind}:*"))
    if keys:
        client.delete(*keys)
    return len(keys)


def test_on_redis_each_process_serves_a_page_it_served_before_without_asking_redis(client, redis_cache):
    event = event_with_reports("Shared summit", [outlet("Alpha News"), outlet("Beta Times")])
    url = event.get_absolute_url()
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    assert _delete_pages_in_redis(redis_cache) >= 1
    again = client.get(url)
    assert again["X-Page-Cache"] == "hit"  # this process's own copy, under the same key
    assert again.content == first.content


def test_on_redis_the_process_copy_never_outlives_a_write_to_what_the_page_shows(client, redis_cache):
    event = event_with_reports("Shared summit", [outlet("Alpha News"), outlet("Beta Times")])
    url = event.get_absolute_url()
    client.get(url)
    client.get(url)
    Event.objects.filter(pk=event.pk).update(title="Shared summit, renamed")
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert "Shared summit, renamed" in after.content.decode()


def test_with_no_process_copy_allowed_every_hit_asks_redis(client, redis_cache, settings):
    settings.PAGE_CACHE_LOCAL_MB = 0
    event = event_with_reports("Shared summit", [outlet("Alpha News"), outlet("Beta Times")])
    url = event.get_absolute_url()
    client.get(url)
    _delete_pages_in_redis(redis_cache)
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_on_redis_a_list_page_rendered_again_takes_its_unchanged_rows_from_the_process_copies(
    client, redis_cache
):
    alpha, beta = outlet("Alpha News"), outlet("Beta Times")
    event_with_reports("Shared summit", [alpha, beta])
    url = reverse("articles:event-list")
    client.get(url)
    assert _delete_pages_in_redis(redis_cache, "row") >= 1
    event_with_reports("A second storm", [beta])  # a new site-wide token: the list renders again
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    html = after.content.decode()
    assert "Shared summit" in html and "A second storm" in html
    import redis

    stored = [k.decode() for k in redis.Redis.from_url(REDIS_URL).scan_iter(match=f"{redis_cache}:*:row:*")]
    assert len(stored) == 1  # only the new event's row was rendered and stored
