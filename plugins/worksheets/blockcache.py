"""Rendered blocks kept between builds, so that a build renders only the blocks that changed.

A block's HTML is a function of its model, the language, the page title, its PDF's
URL and the plugin's own code and templates (and the Markdown and Jinja2 it uses).
The key is a hash of all of them; an entry holds the HTML and the view of it that
Material's search reads (``searchview.search_view``). Entries are plain text, never
code: a planted entry can do no more than a planted PDF in the same folder, and the
folder must belong to the machine that builds (it is `.gitignore`d; CI restores it
from its own cache, never from the pull request).

A full build prunes the entries it did not use, like the PDF cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .fingerprint import code_fingerprint
from .searchview import search_view

FOLDER = "blocks"


@dataclass(frozen=True)
class RenderedBlock:
    """A block's HTML, and what search reads of it."""

    html: str
    view: str


def _key(parts: tuple[str, ...]) -> str:
    text = json.dumps([code_fingerprint(), *parts], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _encode(block: RenderedBlock) -> str:
    return f"{len(block.view)}\n{block.view}{block.html}"


def _decode(text: str) -> RenderedBlock | None:
    length, newline, rest = text.partition("\n")
    if not newline or not length.isdigit() or int(length) > len(rest):
        return None
    return RenderedBlock(html=rest[int(length) :], view=rest[: int(length)])


class BlockCache:
    """Rendered blocks through a cache folder; with no folder (or one that cannot be
    written) every block is rendered, and the build goes on."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.rendered = 0

    def get(self, parts: tuple[str, ...], render: Callable[[], str]) -> RenderedBlock:
        """The block for ``parts`` (everything it depends on besides the code), rendering
        it with ``render`` when the folder lacks it."""
        key = _key(parts)
        self.used.add(key)
        path = self.folder / key[:2] / key if self.folder else None
        if path is not None:
            try:
                found = _decode(path.read_bytes().decode("utf-8"))
            except (OSError, UnicodeDecodeError):
                found = None
            if found is not None:
                return found
        html = render()
        block = RenderedBlock(html=html, view=search_view(html))
        self.rendered += 1
        if path is not None:
            self._write(path, block)
        return block

    @staticmethod
    def _write(path: Path, block: RenderedBlock) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(_encode(block).encode("utf-8"))
            os.replace(temporary, path)
        except OSError:
            return

    @property
    def cached(self) -> int:
        """How many blocks came from the folder."""
        return len(self.used) - self.rendered

    def prune(self) -> int:
        """Remove the entries not used since this cache was made; how many were removed."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.glob("*/*"):
            if path.name not in self.used:
                try:
                    path.unlink()
                    removed += 1
                except OSError:
                    continue
        return removed
