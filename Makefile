# The two commands a newcomer needs: `make site` and `make test`.
# Everything is installed into .venv by this file; nothing needs activating.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice about MkDocs 2 on every build.
export NO_MKDOCS_2_WARNING := 1

# Debian packages, installed only when missing. The site's PDFs need Pango (WeasyPrint)
# and the DejaVu fonts they embed; the tests also need Chromium (browser tests),
# poppler-utils (pdftoppm), Node.js (JavaScript unit tests) and a Java runtime (the W3C
# Nu HTML checker, vnu.jar from the npm package vnu-jar).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends

.PHONY: bundle vendor site test serve check translations new-guide schema pdf bench lint site-deps test-deps clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# TypeScript checks the browser script (make lint); versions pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json | test-deps
	npm ci --no-audit --no-fund
	touch $@

# The script and stylesheet a build publishes (plugins/worksheets/bundle, committed):
# run after changing plugins/worksheets/assets; a test fails while the bundle is stale.
bundle: node_modules/.installed
	node tools/bundle.mjs

# pdf.js, served by the site for importing filled PDFs: copied from the version
# package-lock.json pins (a test keeps the copy and the lock in step).
vendor: node_modules/.installed
	cp node_modules/pdfjs-dist/build/pdf.min.mjs node_modules/pdfjs-dist/build/pdf.worker.min.mjs \
	  node_modules/pdfjs-dist/LICENSE plugins/worksheets/assets/vendor/pdfjs/
	@v=$$(node -p 'require("./node_modules/pdfjs-dist/package.json").version'); \
	  sed -i "s/^pdfjs-dist [^ ]* /pdfjs-dist $$v /" plugins/worksheets/assets/vendor/pdfjs/README

site: $(BIN)/.installed site-deps
	$(BIN)/mkdocs build --strict

serve: $(BIN)/.installed site-deps
	$(BIN)/mkdocs serve

check: $(BIN)/.installed
	$(BIN)/python -m worksheets check docs

translations: $(BIN)/.installed
	$(BIN)/python -m worksheets check docs --translations

# make new-guide NAME=site-visits TITLE="Site visits"
new-guide: $(BIN)/.installed
	@test -n "$(NAME)" || { echo 'usage: make new-guide NAME=file-name TITLE="Title"'; exit 2; }
	$(BIN)/python -m worksheets new-guide "$(NAME)" $(if $(TITLE),--title "$(TITLE)")

schema: $(BIN)/.installed
	$(BIN)/python -m worksheets schema --output schema/worksheets.schema.json

pdf: $(BIN)/.installed site-deps
	$(BIN)/python -m worksheets pdf --out pdf

site-deps:
	@if ! fc-list 2>/dev/null | grep -q "DejaVu Sans" \
	    || ! ldconfig -p | grep -q libpangoft2-1.0; then \
	  $(SUDO) apt-get update && \
	  $(APT_INSTALL) fonts-dejavu-core fontconfig libpango-1.0-0 libpangoft2-1.0-0; \
	fi

test-deps: site-deps
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
	    || ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1 \
	    || ! command -v java >/dev/null 2>&1; then \
	  $(SUDO) apt-get update && \
	  $(APT_INSTALL) chromium poppler-utils $$(command -v node >/dev/null || echo nodejs) \
	    $$(command -v npm >/dev/null || echo npm) \
	    $$(command -v java >/dev/null || echo default-jre-headless); \
	fi

# `.venv/bin/pytest -m "not browser and not pdf"` is the fast suite (seconds).
test: $(BIN)/.installed test-deps node_modules/.installed
	$(BIN)/python -m pytest

bench: $(BIN)/.installed site-deps
	$(BIN)/python bench/run.py

lint: $(BIN)/.installed node_modules/.installed
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench
	$(BIN)/mypy
	node_modules/.bin/tsc -p .
	node_modules/.bin/tsc -p tsconfig.worker.json

clean:
	rm -rf site pdf .cache .venv node_modules .pytest_cache .mypy_cache .ruff_cache
