"""Settings for Coverage, driven by environment variables.

Local use needs no variables at all: a SQLite file next to the code, DEBUG on.
Production is switched on with DJANGO_DEBUG=false and then refuses to start
without a secret key and allowed hosts.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean; anything but a clear yes/no is a configuration error."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


def env_float(name: str, default: float, *, minimum: float = 0.0) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {raw!r}") from None
    if not value >= minimum:  # also refuses NaN
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {raw}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if not DEBUG else ["127.0.0.1", "localhost", "[::1]"])
if not DEBUG:
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Production (DJANGO_DEBUG=false) needs SECRET_KEY of 50+ characters.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Production (DJANGO_DEBUG=false) needs ALLOWED_HOSTS.")
elif not SECRET_KEY:
    # A fixed development key: only ever used with DEBUG on.
    SECRET_KEY = "django-insecure-local-development-key-never-used-in-production-0123456789"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.syndication",
    "django_filters",
    # Listed so that the API docs page serves Swagger UI from our static files (CSP: no CDN).
    "ninja",
    "django_tasks_db",
    # Login throttling: failed admin logins are counted and locked out (see AXES_* below).
    "axes",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

# django-axes checks every login before the password does: after AXES_FAILURE_LIMIT failures
# for one username from one address, that pair is refused (HTTP 429) until the cool-off
# passes, even with the right password. Counting the pair, not the address alone or the
# username alone, keeps one attacker from locking a colleague out from another address.
# Attempts and lockouts are listed in the admin (Axes section), where staff can clear them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

ROOT_URLCONF = "coverage_site.urls"
WSGI_APPLICATION = "coverage_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default; DATABASE_URL (postgres://...) selects PostgreSQL through psycopg 3.
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE: a writer takes the lock at BEGIN and waits (timeout) instead of
        # failing later with "database is locked" when it upgrades from a read.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Full-text entries of written reports wait in the GIN index's pending list, which every
    # search scans in full, until the list passes gin_pending_list_limit (4 MB by default) or a
    # vacuum merges it. Each import writes a report several times (stored, read, grouped; none
    # of these updates can be HOT), so on a live site the list stays long: with 2,000 entries
    # pending, a search's ranking and count took 8.7 and 4.3 ms against 1.4 and 0.3 ms once
    # merged. The limit is set for this site's sessions, not on the index, whose setting would
    # override the regroup's raised limit for its one bulk merge (grouping/bulk.py). 0 leaves
    # the server's; a pooler that refuses startup options (PgBouncer) needs 0.
    pending_kb = env_int("DB_GIN_PENDING_LIST_KB", 256)
    if 0 < pending_kb < 64:
        raise ImproperlyConfigured(f"DB_GIN_PENDING_LIST_KB must be 0 or at least 64, not {pending_kb}")
    if pending_kb:
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c gin_pending_list_limit={pending_kb}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"

# Reader pages are cached whole, keyed by the database's content version (articles.browsing.pagecache),
# so a write is visible on the next request. 0 turns the page cache off.
# Without CACHE_URL each process keeps its own memory cache (one machine). With several
# application servers, CACHE_URL=redis://host:6379/1 gives them one shared cache: a page or a
# fragment rendered by one server is served by all, and correctness does not depend on it, since
# every key names the content version or the content it shows.


def cache_from_url(url: str) -> dict[str, object]:
    """The CACHES entry for CACHE_URL: empty -> this process's memory; redis:// or rediss:// ->
    Django's built-in Redis backend. Anything else is a configuration error, not a silent default."""
    if not url:
        # Bounded by bytes (entries range from a 300-byte row to a 200 KB event page); the
        # count only guards against millions of tiny entries (articles.browsing.memorycache).
        return {
            "BACKEND": "articles.browsing.memorycache.BoundedMemoryCache",
            "OPTIONS": {
                "MAX_BYTES": env_int("CACHE_MAX_MB", 256, minimum=1) * 1024 * 1024,
                "MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 200_000, minimum=1),
            },
        }
    if url.split("://", 1)[0] not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(f"CACHE_URL must be a redis://, rediss:// or unix:// URL, not {url!r}")
    # A short prefix keeps two sites on one Redis database apart (CACHE_KEY_PREFIX).
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "coverage"),
        # A Redis that stops answering fails the request in seconds instead of hanging a worker.
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }


CACHE_URL = os.environ.get("CACHE_URL", "").strip()
CACHES = {"default": cache_from_url(CACHE_URL)}
BROWSE_PAGE_CACHE = "default"
BROWSE_PAGE_CACHE_SECONDS = env_int("BROWSE_PAGE_CACHE_SECONDS", 3600)
# With a shared cache (CACHE_URL), each process also keeps copies of the pages and rows it served
# lately, up to this many MB, in front of it (articles.browsing.processcopy). 0: always ask it.
PAGE_CACHE_LOCAL_MB = env_int("PAGE_CACHE_LOCAL_MB", 32, minimum=0)
# List rows (an event with its coverage strip, a report) cached by what they show, so that a page
# rendered after a write reuses the rows that did not change (articles.browsing.fragments). 0: off.
BROWSE_FRAGMENT_CACHE_SECONDS = env_int("BROWSE_FRAGMENT_CACHE_SECONDS", 3600)

# Content-Security-Policy: no inline script anywhere on the site.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Background work (large imports, regrouping) through Django's tasks framework.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Import limits: per file, per upload, and for zip archives.
IMPORT_MAX_FILE_BYTES = env_int("IMPORT_MAX_FILE_BYTES", 10 * 1024 * 1024, minimum=1)
IMPORT_MAX_UPLOAD_BYTES = env_int("IMPORT_MAX_UPLOAD_BYTES", 50 * 1024 * 1024, minimum=1)
IMPORT_MAX_FILES = env_int("IMPORT_MAX_FILES", 500, minimum=1)
IMPORT_MAX_ZIP_TOTAL_BYTES = env_int("IMPORT_MAX_ZIP_TOTAL_BYTES", 200 * 1024 * 1024, minimum=1)
IMPORT_MAX_ZIP_RATIO = env_int("IMPORT_MAX_ZIP_RATIO", 100, minimum=1)
# Items above this count are imported by the background worker, not in the request.
IMPORT_INLINE_MAX_ITEMS = env_int("IMPORT_INLINE_MAX_ITEMS", 50, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Django's own cap sits above ours so that an upload with too many files reaches the
# import form and gets its clear message instead of a bare 400.
DATA_UPLOAD_MAX_NUMBER_FILES = IMPORT_MAX_FILES * 2
# A running import renews its lease at every chunk of 200 reports; a batch whose lease has
# lapsed this long is marked failed (its process was killed) when the batch list is shown.
IMPORT_LEASE_SECONDS = env_int("IMPORT_LEASE_SECONDS", 15 * 60, minimum=60)
# Stage two: how long a worker holds the reports it took to read (it finishes a few dozen
# in seconds); after a crash, another worker takes them over once this has passed.
ANALYSIS_LEASE_SECONDS = env_int("ANALYSIS_LEASE_SECONDS", 10 * 60, minimum=30)
# How many stage-two tasks an import queues: one per worker expected to help.
ANALYSIS_TASKS = env_int("ANALYSIS_TASKS", 2, minimum=1)
# Files between preview and confirm; point it at a shared folder when the worker runs elsewhere.
IMPORT_STAGING_DIR = os.environ.get("IMPORT_STAGING_DIR", "")

# Fetching web pages and feeds (import by URL, feed polling). Private, loopback and link-local
# addresses are refused so that a URL typed into the admin cannot reach the machine's own
# services or the cloud metadata address; tests and local demos serve pages on 127.0.0.1 and
# turn this on.
FETCH_ALLOW_PRIVATE_ADDRESSES = env_bool("FETCH_ALLOW_PRIVATE_ADDRESSES", False)
FETCH_TIMEOUT_SECONDS = env_float("FETCH_TIMEOUT_SECONDS", 10.0, minimum=0.01)
FETCH_MAX_BYTES = env_int("FETCH_MAX_BYTES", 5 * 1024 * 1024, minimum=1024)
FETCH_MAX_REDIRECTS = env_int("FETCH_MAX_REDIRECTS", 5)
# At most this many URLs in one import by URL (admin or command).
FETCH_MAX_URLS = env_int("FETCH_MAX_URLS", 50, minimum=1)
# Politeness: the pause between two requests to one host, and who we say we are.
FETCH_HOST_DELAY_SECONDS = env_float("FETCH_HOST_DELAY_SECONDS", 2.0)
FETCH_SITE_NAME = os.environ.get("FETCH_SITE_NAME", "Coverage")
FETCH_SITE_URL = os.environ.get("FETCH_SITE_URL", "http://127.0.0.1:8000/")
FETCH_CONTACT = os.environ.get("FETCH_CONTACT", "admin@example.com")
FETCH_USER_AGENT = f"{FETCH_SITE_NAME}Bot/1.0 (+{FETCH_SITE_URL}; {FETCH_CONTACT})"
# Feeds: the default interval, the most new entries one poll fetches, how long the poller
# sleeps between looks for due feeds, the longest backoff after errors, and how often an
# entry whose page failed is tried again.
FEED_DEFAULT_INTERVAL_MINUTES = env_int("FEED_DEFAULT_INTERVAL_MINUTES", 30, minimum=1)
FEED_MAX_ENTRIES_PER_POLL = env_int("FEED_MAX_ENTRIES_PER_POLL", 30, minimum=1)
FEED_POLL_LOOP_SECONDS = env_int("FEED_POLL_LOOP_SECONDS", 60, minimum=1)
FEED_MAX_BACKOFF_MINUTES = env_int("FEED_MAX_BACKOFF_MINUTES", 24 * 60, minimum=1)
FEED_ENTRY_MAX_ATTEMPTS = env_int("FEED_ENTRY_MAX_ATTEMPTS", 3, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
