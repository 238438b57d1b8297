# `make run` sets everything up and serves http://127.0.0.1:8000; `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test stop db check-deploy bench bench-anchoring bench-extraction
.DEFAULT_GOAL := run

run: $(VENV)/.installed .env db
	@$(MANAGE) migrate --no-input -v 0
	@if [ -z "$$DATABASE_URL" ]; then $(MANAGE) create_demo_user; fi
	@if [ -z "$$DATABASE_URL" ] && [ ! -f .data/seeds-imported ]; then \
		$(MANAGE) import_articles fixtures/seeds/ && touch .data/seeds-imported; fi
	@echo "Serving http://127.0.0.1:8000 (Ctrl-C to stop; 'make stop' stops the database)"
	@$(MANAGE) runserver 127.0.0.1:8000

test: $(VENV)/.installed .env db
	@scripts/ensure-chromium.sh
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

stop:
	@scripts/localdb.sh stop

db:
	@if [ -z "$$DATABASE_URL" ]; then scripts/localdb.sh start; fi

$(VENV)/.installed: pyproject.toml
	@echo "Installing into $(VENV)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check uv
	@$(VENV)/bin/uv pip install -q --python $(PY) -r pyproject.toml --extra dev
	@touch $@

# Local development settings; a deployment sets real values in its environment instead.
.env:
	@printf 'DEBUG=true\nSECRET_KEY=%s\n' "$$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" > $@
	@echo "Wrote .env for local development (DEBUG on, random SECRET_KEY)"

check-deploy: $(VENV)/.installed
	DEBUG=false SECRET_KEY=$$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n') ALLOWED_HOSTS=example.org \
		$(MANAGE) check --deploy --fail-level WARNING

# Benchmarks against a separate database; SCALE=0.05 for a quick run.
SCALE ?= 1.0
bench: $(VENV)/.installed .env db
	$(PY) -m bench.run --scale $(SCALE)

# Re-anchoring judged on generated edit cases with known answers (about a minute).
bench-anchoring: $(VENV)/.installed .env db
	$(PY) -m bench.anchoring

# Line labelling per fixture set (tuned pages vs blind held-out sets); -v lists every miss.
bench-extraction: $(VENV)/.installed
	$(PY) -m bench.extraction
