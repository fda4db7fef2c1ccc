# Every target sets up .venv from pyproject.toml when it is missing or older than pyproject.toml.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv generate check-generated update-spec lint typecheck pytest test

help:
	@echo "make demo | test | generate | check-generated | update-spec SPEC_URL=... | lint | typecheck"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python >= 3.11 is needed (set PYTHON=...)" if sys.version_info < (3, 11) else 0)'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

generate: $(STAMP)
	$(PY) tools/generate.py generate

check-generated: $(STAMP)
	$(PY) tools/generate.py check

update-spec: $(STAMP)
	@test -n "$(SPEC_URL)" || (echo "usage: make update-spec SPEC_URL=https://gateway.example/openapi.json" && exit 2)
	$(PY) tools/generate.py update-spec "$(SPEC_URL)"

lint: $(STAMP)
	$(VENV)/bin/ruff check overlay tests tools
	$(VENV)/bin/ruff format --check overlay tests tools

typecheck: $(STAMP)
	$(VENV)/bin/mypy generated/tradepose_api
	$(VENV)/bin/mypy overlay/tradepose tests/typing

pytest: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

test: check-generated lint typecheck pytest
