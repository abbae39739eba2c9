"""The plugin's script and stylesheet as a site publishes them.

``mkdocs build`` publishes the bundle in ``bundle/``: the modules of ``assets/``
bundled and minified by esbuild (``tools/bundle.mjs``, run by ``make bundle``;
committed, so building a site needs no Node.js, and a test fails while it is
stale). The page's stylesheet and two scripts keep their names; what loads on first
use (the comparison, exports, imports, share links) and code shared with it are
files with hashed names. ``mkdocs serve`` sends the commented sources as they are."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

PACKAGE = Path(str(resources.files(__package__)))
SOURCES = PACKAGE / "assets"
BUNDLE = PACKAGE / "bundle"

# What a page with a block loads before anyone clicks: its stylesheet, its two scripts.
PAGE_LOADS = ("worksheets.css", "index.js", "offline.js")

# `import {a} from "./b.js";`, `import"./b.js";` and esbuild's `import{a as b}from"./c.js";`,
# never `import("./d.js")`, which loads a module on first use.
STATIC_IMPORT = re.compile(r"(?:^|[;}])\s*import\s*(?:[^;()\"]*?from\s*)?\"\./([\w.-]+)\"", re.M)


class MissingBundle(Exception):
    """The bundle is not there (a checkout whose ``bundle/`` was deleted)."""


def bundle_files(folder: Path = BUNDLE) -> list[Path]:
    """The files a build publishes, entries and chunks, by name."""
    files = sorted(path for path in folder.glob("*") if path.suffix in (".js", ".css"))
    if not any(path.name == PAGE_LOADS[1] for path in files):
        raise MissingBundle(f"{folder}: no bundled script; run `make bundle`")
    return files


def loaded_on_start(folder: Path, entries: tuple[str, ...] = PAGE_LOADS) -> list[str]:
    """The files a page loads at once: ``entries`` and the modules they import
    statically, however deep (``import()`` loads a module on first use, later).
    ``folder`` is the sources or the bundle."""
    seen: list[str] = []
    waiting = list(entries)
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.append(name)
        if name.endswith(".js"):
            waiting.extend(STATIC_IMPORT.findall((folder / name).read_text(encoding="utf-8")))
    return sorted(seen)
