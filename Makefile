# The two commands a newcomer needs: `make site` and `make test`.
# Everything is installed into .venv by this file; nothing needs activating.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice about MkDocs 2 on every build.
export NO_MKDOCS_2_WARNING := 1

# Debian packages the tests need: Chromium for the browser tests, poppler-utils
# for pdftoppm, Node.js for the JavaScript unit tests. Installed only when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test serve check schema lint system-deps clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve

check: $(BIN)/.installed
	$(BIN)/python -m worksheets check docs

schema: $(BIN)/.installed
	$(BIN)/python -m worksheets schema --output schema/worksheets.schema.json

system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
	    || ! command -v node >/dev/null 2>&1; then \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends \
	    chromium poppler-utils fonts-dejavu-core $$(command -v node >/dev/null || echo nodejs); \
	fi

test: $(BIN)/.installed system-deps
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check plugins tests
	$(BIN)/mypy

clean:
	rm -rf site .venv .pytest_cache .mypy_cache .ruff_cache
