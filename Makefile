# Heeded: the daily verbs. `make demo` and `make test` need only Python 3.11, git and make.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv from the PATH, or the copy pip installs into this Python.
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
RUN := $(UV) run --frozen
PG_URL ?= postgres://postgres@127.0.0.1:5432/heeded
REDIS_URL ?= redis://127.0.0.1:6379
DEMO_ENV := HEEDED_DEMO=true
# One test process per core (pytest-xdist); override with PYTEST_ARGS="-x" etc.
PYTEST_ARGS ?= -n auto

.PHONY: help env demo serve test test-sqlite test-postgres lint format assets bench clean

help:
	@echo "make demo    set up, load the demo council and serve http://127.0.0.1:8000"
	@echo "make test    lint and run every test on SQLite and on PostgreSQL"
	@echo "make lint | format | assets | bench | clean"

# The virtual environment, made by uv from the committed uv.lock. Libraries are compiled to
# bytecode once here (a few seconds): where PYTHONDONTWRITEBYTECODE is set, as in many
# containers, each process would otherwise compile every module it imports from source.
env: .venv/.synced
.venv/.synced: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv \
		|| python3 -m pip install --quiet --user uv
	$(UV) sync --frozen --compile-bytecode
	@touch $@

demo: env
	$(DEMO_ENV) $(RUN) heeded migrate --no-input
	$(DEMO_ENV) $(RUN) heeded demo
	$(DEMO_ENV) $(RUN) heeded runserver 127.0.0.1:8000

serve: env
	$(DEMO_ENV) $(RUN) heeded runserver 127.0.0.1:8000

lint: env
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(DEMO_ENV) $(RUN) heeded makemigrations --check --dry-run

format: env
	$(RUN) ruff check --fix .
	$(RUN) ruff format .

# The whole suite twice: on the embedded SQLite with the in-process cache, then on
# PostgreSQL, the production database, with Redis, the production cache.
test: lint test-sqlite test-postgres

test-sqlite: env
	$(DEMO_ENV) DATABASE_URL=sqlite:///var/test.sqlite3 $(RUN) pytest $(PYTEST_ARGS)

# ... with Redis as the cache, as in production with several server processes.
test-postgres: env
	@url="$${DATABASE_URL:-$(PG_URL)}"; cache="$${CACHE_URL:-$(REDIS_URL)}"; \
	if ! $(RUN) python -c "import psycopg,sys; psycopg.connect(sys.argv[1].replace('/heeded','/postgres'), connect_timeout=3).close()" "$$url" 2>/dev/null; then \
		echo "PostgreSQL does not answer at $$url: start it (see README) or set DATABASE_URL." >&2; exit 1; fi; \
	if ! $(RUN) python -c "import redis,sys; redis.Redis.from_url(sys.argv[1], socket_connect_timeout=3).ping()" "$$cache" 2>/dev/null; then \
		echo "Redis does not answer at $$cache: start it (see README) or set CACHE_URL." >&2; exit 1; fi; \
	$(DEMO_ENV) DATABASE_URL="$$url" CACHE_URL="$$cache" $(RUN) pytest $(PYTEST_ARGS)

# Rebuild the committed GOV.UK Frontend assets (needs Node and the npm registry).
assets:
	cd frontend && npm ci --ignore-scripts
	frontend/build.sh

bench: env
	$(DEMO_ENV) $(RUN) python -m bench

clean:
	rm -rf var/ .venv/
