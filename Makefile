# Two commands: `make run` and `make test`. Both install what they need first.
# `make run` is development (DEBUG on); production runs `coproduce serve` (docs/operations.md).
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
export UV_PYTHON_DOWNLOADS := never
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test install deps frontend static chromium lint typecheck pytest serve migrate demo \
	smoke bench messages messages-check

# DEBUG is off unless set: the development targets set it (an explicit DEBUG still wins).
run migrate demo serve: export DEBUG ?= true
run: install migrate demo serve

test: install chromium lint typecheck messages-check pytest

install: deps frontend static messages

deps:
	@command -v uv >/dev/null 2>&1 || test -x "$(UV)" || python3 -m pip install --user --quiet uv
	$(UV) sync --frozen --quiet

frontend: node_modules/.package-lock.json
	npm run --silent build

# Hashed, compressed copies in staticfiles/ for WhiteNoise. No production secrets are
# needed to collect them, hence DEBUG=true for this one command.
static: deps frontend
	DEBUG=true $(UV) run coproduce collectstatic --no-input -v0

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian packages the tests use: Chromium for the browser tests, pdftotext to read PDFs back,
# gettext (msgfmt) for the Welsh catalogue, PgBouncer for the transaction-pooling test.
chromium:
	@test -x /usr/bin/chromium -a -x /usr/bin/pdftotext -a -x /usr/bin/msgfmt \
	  -a -x /usr/sbin/pgbouncer || { \
	  (command -v sudo >/dev/null && sudo apt-get update -qq || apt-get update -qq) && \
	  (command -v sudo >/dev/null && \
	   sudo apt-get install -y -qq chromium poppler-utils gettext pgbouncer || \
	   apt-get install -y -qq chromium poppler-utils gettext pgbouncer); }

# The Welsh catalogue compiled for the running service (*.mo are built, never committed).
messages: deps
	@command -v msgfmt >/dev/null || { \
	  (command -v sudo >/dev/null && sudo apt-get update -qq || apt-get update -qq) && \
	  (command -v sudo >/dev/null && sudo apt-get install -y -qq gettext || \
	   apt-get install -y -qq gettext); }
	cd src/coproduce && DEBUG=true $(UV) run coproduce compilemessages -v0

# Fails when any interface string lacks a Welsh translation or is fuzzy (core/catalogue.py).
messages-check: deps
	DEBUG=true $(UV) run coproduce messages_check

migrate:
	$(UV) run coproduce migrate --no-input

demo:
	$(UV) run coproduce demo

# With DEBUG on, `coproduce serve` also runs `coproduce worker` beside it, so queued e-mail
# (printed here by the console backend) and prepared PDFs and exports appear.
serve:
	@echo "Serving on http://127.0.0.1:8000 with a worker beside it (Ctrl+C stops both)"
	$(UV) run coproduce serve 127.0.0.1:8000

lint:
	$(UV) run ruff check src tests $(wildcard bench)
	$(UV) run lint-imports
	$(UV) run ruff format --check src tests $(wildcard bench)

typecheck:
	$(UV) run mypy src tests

pytest:
	$(UV) run pytest -q

# Production smoke test: `coproduce serve` with DEBUG off on a free port (deploy/smoke-test.sh).
smoke: install
	UV=$(UV) deploy/smoke-test.sh

# Benchmarks (not part of `make test`): see bench/run.sh and bench/results.md.
bench: install
	UV=$(UV) bench/run.sh

# Several servers (docs/operations.md, "Several servers"): Redis, moto's S3 server, two
# `coproduce serve` and a worker behind haproxy, on PostgreSQL (deploy/cluster-test.sh).
.PHONY: cluster-test
cluster-test: install
	UV=$(UV) deploy/cluster-test.sh
