"""Settings come from the environment; production refuses unsafe or malformed configuration."""

import os
import secrets
import subprocess
import sys

from conftest import REPO


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=clean, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "coverage.example",
}


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "needs SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {**PRODUCTION, "ALLOWED_HOSTS": ""}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "needs ALLOWED_HOSTS" in result.stderr


def test_a_malformed_boolean_is_a_configuration_error():
    result = run_manage("check", DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_deploy_check_is_silent_with_production_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_search_index_pending_list_below_postgresqls_minimum_is_refused():
    result = run_manage(
        "check", DATABASE_URL="postgres://coverage@127.0.0.1:5432/coverage", DB_GIN_PENDING_LIST_KB="32"
    )
    assert result.returncode != 0
    assert "DB_GIN_PENDING_LIST_KB must be 0 or at least 64" in result.stderr
