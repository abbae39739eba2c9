"""The plugin's script and stylesheet as a site publishes them: comments and spaces
taken out (rjsmin, rcssmin), which halves what a reader downloads. The sources stay
as they are, commented for their readers; `mkdocs serve` sends them unchanged."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]


def minified(path: Path) -> str:
    """A ``.js`` or ``.css`` file's text, minified; any other file's as it is."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".js":
        return str(rjsmin.jsmin(text))
    if path.suffix == ".css":
        return str(rcssmin.cssmin(text))
    return text


def write_minified(source: Path, target: Path) -> Path:
    """``source`` minified into ``target`` (rewritten only when it changes); the file to
    publish: ``target``, or ``source`` itself where ``target`` cannot be written."""
    text = minified(source)
    try:
        if target.read_text(encoding="utf-8") == text:
            return target
    except OSError:
        pass
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        # A cache folder that cannot be written: the site still works, unminified.
        with contextlib.suppress(OSError):
            temporary.unlink()
        return source
    return target


STATIC_IMPORT = re.compile(r"^import\s[^;(]*?from\s*\"\./([\w.-]+)\";", re.MULTILINE)
# What a page with a block loads before anyone clicks: its stylesheet, its two scripts.
PAGE_LOADS = ("worksheets.css", "index.js", "offline.js")


def loaded_on_start(folder: Path, entries: tuple[str, ...] = PAGE_LOADS) -> list[str]:
    """The assets a page loads at once: ``entries`` and the modules they import
    statically, however deep (``import()`` loads a module on first use, later)."""
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
