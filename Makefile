# Every target sets up .venv itself: created when missing, the project (re)installed into it
# whenever pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: play test lint bench wheel-check clean

play: $(STAMP)
	$(PY) main.py

# The suite runs on every core (pytest-xdist); `make test ARGS=-n0` runs it in one process.
test: $(STAMP)
	$(PY) -m pytest -n auto $(ARGS)

# Style, types (strict, tests included) and the architecture's import contracts.
lint: $(STAMP)
	$(PY) -m ruff check game tests main.py
	$(PY) -m ruff format --check game tests main.py
	$(PY) -m mypy
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) -m game.bench

# Builds the wheel from a clean copy, installs it in a fresh virtual environment and plays the
# built-in scenario from there (independent of .venv).
wheel-check:
	PYTHON=$(PYTHON) .ci/check-wheel

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Perimeter needs Python 3.11 or newer (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,dev]'
	@touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist *.egg-info
