"""Benchmark-only settings: the product's settings in production mode, plus a minimal baseline view.

Never used by the product. bench_web.py sets DJANGO_DEBUG=false, SECRET_KEY and ALLOWED_HOSTS.
"""

from coverage_site.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# Plain HTTP on 127.0.0.1: no redirect to https, and no manifest (collectstatic is not run).
SECURE_SSL_REDIRECT = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
# First, so that it counts every other middleware's cost too (bench_live.py logs what it sends).
MIDDLEWARE = ["bench.middleware.request_costs", *MIDDLEWARE]  # noqa: F405
