# Every target sets up .venv from pyproject.toml when it is missing or older than pyproject.toml.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv demo generate unasync check-generated check-layers check-regeneration update-spec api-diff bump lint-workflows lint typecheck pytest test reference-client browser bench bench-quick

help:
	@echo "make demo | test | generate | unasync | check-generated | check-layers | check-regeneration | update-spec SPEC_URL=... | api-diff [BASE=ref] | bump [BASE=ref] | lint-workflows | lint | typecheck | bench | bench-quick"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python >= 3.11 is needed (set PYTHON=...)" if sys.version_info < (3, 11) else 0)'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(PY) examples/demo.py

generate: $(STAMP)
	$(PY) tools/generate.py generate

check-generated: $(STAMP)
	$(PY) tools/generate.py check
	$(PY) tools/sync_twin.py check

# The sync client is generated from the async source (overlay/tradepose/_client/_async_client.py).
unasync: $(STAMP)
	$(PY) tools/sync_twin.py generate

# Lower layers of the overlay never import upper ones; no module reads another subpackage's privates.
check-layers: $(STAMP)
	$(PY) tools/check_layers.py

# The client-facing tests against a client regenerated from a changed spec (what CI meets when the
# gateway's API changes): the generated package, the clients and their transport, the typed surface,
# the schema contracts and the end-to-end round trips. The batch engine, the CLI and LocalGateway's own
# tests reach the generated client only through these, so they run once, in `make pytest`. The
# deliberate-mistakes mypy run stays in `make pytest` only: under the regenerated client's PYTHONPATH
# its parser reads none of mypy's lines (open question); the script type-checks the changed client itself.
REGEN_ARGS ?= -q tests/generated tests/overlay/client tests/overlay/http tests/typing \
	--deselect tests/typing/test_mistakes.py::test_each_deliberate_mistake_is_reported \
	tests/reliability/test_contracts.py tests/test_public_api.py tests/testing/test_local_gateway_e2e.py
check-regeneration: $(STAMP)
	$(PY) tools/check_regeneration.py $(REGEN_ARGS)

update-spec: $(STAMP)
	@test -n "$(SPEC_URL)" || (echo "usage: make update-spec SPEC_URL=https://gateway.example/openapi.json" && exit 2)
	$(PY) tools/generate.py update-spec "$(SPEC_URL)"

# The API at BASE (a git ref; default: the merge base with main) against the working tree: spec changes
# classified breaking/compatible, griffe's Python break list, the proposed version. Fails on a breaking
# change unless ALLOW_BREAKING=1. FORMAT=markdown for a pull-request body; OUTPUT=file also writes it there.
BASE ?=
FORMAT ?= text
OUTPUT ?=
api-diff: $(STAMP)
	$(PY) tools/api_diff.py report $(if $(BASE),--base "$(BASE)") --format "$(FORMAT)" $(if $(OUTPUT),--output "$(OUTPUT)")

# Apply the proposed version to pyproject.toml and add its section to CHANGELOG.md.
bump: $(STAMP)
	$(PY) tools/api_diff.py bump $(if $(BASE),--base "$(BASE)")

lint-workflows: $(STAMP)
	$(VENV)/bin/actionlint .github/workflows/*.yml

lint: $(STAMP) check-layers
	$(VENV)/bin/ruff check overlay tests tools examples bench
	$(VENV)/bin/ruff format --check overlay tests tools examples bench

typecheck: $(STAMP)
	$(VENV)/bin/mypy generated/tradepose_api
	$(VENV)/bin/mypy overlay/tradepose tests/typing

# With the coverage report for overlay/; below [tool.coverage.report] fail_under in pyproject.toml it fails.
# PYTEST_WORKERS processes share the tests (pytest-xdist; 0 runs them in this process).
PYTEST_WORKERS ?= auto
pytest: $(STAMP)
	$(PY) -m pytest --cov -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

REF_VENV := .venv-ref
REF_STAMP := $(REF_VENV)/.installed

# The public reference client (Python 3.13 only) for the wire-compatibility test; models 1.4.0 exactly,
# because newer tradepose-models releases break tradepose-client 1.5.0's imports. PY313=/path/to/python3.13
# names the interpreter (CI sets it); otherwise the newest under $(pyenv root)/versions is taken.
PY313 ?=
$(REF_STAMP):
	@py313="$(PY313)"; test -n "$$py313" || py313=$$(ls -d "$$(pyenv root 2>/dev/null)"/versions/3.13.*/bin/python3.13 2>/dev/null | sort -V | tail -n 1); \
	if [ -z "$$py313" ]; then \
		echo "reference-client: no Python 3.13 found at \$$(pyenv root)/versions/3.13.*/bin/python3.13;" \
			"install one with 'pyenv install 3.13' (tradepose-client 1.5.0 requires Python >= 3.13)" >&2; \
		exit 1; \
	fi; \
	rm -rf $(REF_VENV) && "$$py313" -m venv $(REF_VENV)
	$(REF_VENV)/bin/python -m pip install --quiet 'tradepose-client==1.5.0' 'tradepose-models==1.4.0'
	@touch $(REF_STAMP)

# Outside CI, with neither .venv-ref nor a pyenv Python 3.13 to build it from, the reference-client checks
# are skipped: one line here, and pytest leaves out the tests marked `reference`. Under CI=true they are
# required: a missing Python 3.13 fails here.
REF_SKIP := $(if $(filter true,$(CI)),,$(if $(PY313),,$(shell test -f $(REF_STAMP) || \
	ls -d "$$(pyenv root 2>/dev/null)"/versions/3.13.*/bin/python3.13 >/dev/null 2>&1 || echo yes)))
ifeq ($(REF_SKIP),yes)
export PYTEST_ADDOPTS += -m 'not reference'
endif

reference-client: $(if $(REF_SKIP),,$(REF_STAMP))
	$(if $(REF_SKIP),@echo "reference-client: skipped the checks against tradepose-client 1.5.0 (no Python 3.13 under \$$(pyenv root)/versions); enable them with 'pyenv install 3.13'")

# The report's browser test (tests/overlay/batch/test_report_browser.py) screenshots it in headless Chromium.
# Under CI=true a missing /usr/bin/chromium is installed from the Debian packages (and the test requires it);
# elsewhere the test skips, saying so.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@if [ -x $(CHROMIUM) ]; then echo "browser: $(CHROMIUM)"; \
	elif [ "$(CI)" = "true" ]; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y --no-install-recommends chromium; \
	else echo "browser: no $(CHROMIUM): the report's browser test skips (apt-get install -y --no-install-recommends chromium enables it)"; fi

test: check-generated lint typecheck reference-client browser pytest check-regeneration

BENCH_VENV := .venv-bench-runtime
BENCH_STAMP := $(BENCH_VENV)/.installed

# The project with its runtime dependencies only (no extras, no dev tools), as `pip install tradepose-sdk`
# gives users: the import-time case runs in it. Editable, so it measures the working tree; rebuilt from
# scratch when pyproject.toml changes, so a dropped dependency does not linger.
$(BENCH_STAMP): pyproject.toml
	rm -rf $(BENCH_VENV) && $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -e .
	@touch $(BENCH_STAMP)

# Benchmarks against LocalGateway on 127.0.0.1; what each case measures is in the docstrings of bench/*.py.
bench: $(STAMP) $(BENCH_STAMP) reference-client
	$(PY) -m bench.run

bench-quick: $(STAMP) $(BENCH_STAMP) reference-client
	$(PY) -m bench.run --quick
