# Two commands: `make run` and `make test`. Both install what they need first.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
export UV_PYTHON_DOWNLOADS := never
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test install deps frontend chromium lint typecheck pytest serve migrate demo bench

run: install migrate demo serve

test: install chromium lint typecheck pytest

install: deps frontend

deps:
	@command -v uv >/dev/null 2>&1 || test -x "$(UV)" || python3 -m pip install --user --quiet uv
	$(UV) sync --frozen --quiet

frontend: node_modules/.package-lock.json
	npm run --silent build

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian packages the tests use: Chromium for the browser tests, pdftotext to read PDFs back.
chromium:
	@test -x /usr/bin/chromium -a -x /usr/bin/pdftotext || { \
	  (command -v sudo >/dev/null && sudo apt-get update -qq || apt-get update -qq) && \
	  (command -v sudo >/dev/null && sudo apt-get install -y -qq chromium poppler-utils || \
	   apt-get install -y -qq chromium poppler-utils); }

migrate:
	$(UV) run coproduce migrate --no-input

demo:
	$(UV) run coproduce demo

serve:
	@echo "Serving on http://127.0.0.1:8000 (Ctrl+C to stop)"
	$(UV) run coproduce serve 127.0.0.1:8000

lint:
	$(UV) run ruff check src tests $(wildcard bench)
	$(UV) run lint-imports
	$(UV) run ruff format --check src tests $(wildcard bench)

typecheck:
	$(UV) run mypy src tests

pytest:
	$(UV) run pytest -q

# Benchmarks (not part of `make test`): see bench/run.sh and bench/results.md.
bench: install
	UV=$(UV) bench/run.sh
