# Two commands for a newcomer: `make demo` and `make test`. Each sets up .venv if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/000_25119c12359958b3.txt

.PHONY: demo test lint typecheck pytest bench docs fuzz browser-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/newsclaims extract $(SEED) --output-dir out --summary

test: lint typecheck pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy --strict src tests bench scripts

# -rs lists skipped tests with their reasons (the browser test without Chromium, say).
pytest: $(VENV)/.installed-test
	$(BIN)/pytest -q -rs

# The HTML page in a real browser: Debian's Chromium driven by Playwright; keeps the seed
# page's screenshot for the docs.
browser-test: $(VENV)/.installed-test
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/python -m pip install --quiet 'playwright>=1.40'
	NEWSCLAIMS_SCREENSHOT=docs/images/render.png $(BIN)/pytest -q -rs tests/test_views_browser.py

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

$(VENV)/.installed-docs: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	touch $@

# The documentation site, built strictly: a broken link or reference fails.
docs: $(VENV)/.installed-docs
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

# The property tests with 5,000 examples each (the suite's default is 100).
FUZZ_TESTS ?= tests/test_robust_properties.py tests/test_parsers_properties.py
fuzz: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q -p no:cacheprovider --hypothesis-show-statistics $(FUZZ_TESTS)

clean:
	rm -rf $(VENV) out site .mypy_cache .ruff_cache .pytest_cache .hypothesis
