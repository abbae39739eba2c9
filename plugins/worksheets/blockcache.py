"""Rendered blocks kept between builds, so that a build renders only the blocks that changed.

A block's HTML is a function of its model, the language, the page title, its PDF's
URL and the plugin's own code and templates (and the Markdown and Jinja2 it uses).
The key is a hash of all of them; an entry holds the HTML, the view of it that
Material's search reads (``searchview.search_view``, with markers for its sections'
texts: ``searchtext``), those texts, and the words of each that search also indexes
without their accents (``search.unaccented``, in the block's language).

Entry format (UTF-8): one line of JSON, ``{"texts": {"<marker>": "<text>"}, "folded":
{"<marker>": ["<word>"]}}``; on the next line the lengths in bytes of the view and of
the HTML (``<view> <html>``: a cut entry is seen); then the view and the HTML, each
decoded on its own. Entries are plain text, never code: a planted entry can do no more
than a planted PDF in the same folder, and the folder must belong to the machine that
builds (it is `.gitignore`d; CI restores it from its own cache, never from the pull
request).

A full build prunes the entries it did not use, like the PDF cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .fingerprint import code_fingerprint
from .search import unaccented
from .searchtext import with_markers
from .searchview import search_view
from .strings import base_language

FOLDER = "blocks"


@dataclass(frozen=True)
class RenderedBlock:
    """A block's HTML, what search reads of it, and the texts of the markers in that."""

    html: str
    view: str
    texts: dict[str, str] = field(default_factory=dict)
    # Each marker's text's words without their accents, in the block's language.
    folded: dict[str, list[str]] = field(default_factory=dict)


def rendered_block(html: str, markers: bool, lang: str = "en") -> RenderedBlock:
    """A block as rendered: with its sections' texts as markers if ``markers``."""
    view = search_view(html)
    marked = with_markers(view) if markers else None
    if marked is None:
        return RenderedBlock(html, view)
    view, texts = marked
    folded = {key: unaccented(text, base_language(lang)) for key, text in texts.items()}
    return RenderedBlock(html, view, texts, folded)


def _key(parts: tuple[str, ...]) -> str:
    text = json.dumps([code_fingerprint(), *parts], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _encode(block: RenderedBlock) -> bytes:
    search = json.dumps({"texts": block.texts, "folded": block.folded}, ensure_ascii=False)
    view, html = block.view.encode("utf-8"), block.html.encode("utf-8")
    return b"%s\n%d %d\n%s%s" % (search.encode("utf-8"), len(view), len(html), view, html)


def _strings(value: object) -> bool:
    return isinstance(value, str)


def _words(value: object) -> bool:
    return isinstance(value, list) and all(map(_strings, value))


def _mapping(value: object, valid: Callable[[object], bool]) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and valid(item) for key, item in value.items()
    )


def _decode(data: bytes) -> RenderedBlock | None:
    """An entry read back; None if it is not one (damaged, cut, or another format)."""
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1) if first >= 0 else -1
    lengths = data[first + 1 : second].split(b" ")
    if second < 0 or len(lengths) != 2 or not all(length.isdigit() for length in lengths):
        return None
    end = second + 1 + int(lengths[0])
    if end + int(lengths[1]) != len(data):
        return None
    try:
        search = json.loads(data[:first])
        view, html = data[second + 1 : end].decode("utf-8"), data[end:].decode("utf-8")
    except (ValueError, RecursionError):  # (UnicodeDecodeError is a ValueError)
        return None
    if not (
        isinstance(search, dict)
        and _mapping(search.get("texts"), _strings)
        and _mapping(search.get("folded"), _words)
    ):
        return None
    return RenderedBlock(html, view, search["texts"], search["folded"])


class BlockCache:
    """Rendered blocks through a cache folder; with no folder (or one that cannot be
    written) every block is rendered, and the build goes on."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.rendered = 0

    def get(
        self,
        parts: tuple[str, ...],
        render: Callable[[], str],
        markers: bool = False,
        lang: str = "en",
    ) -> RenderedBlock:
        """The block for ``parts`` (everything it depends on besides the code), rendering
        it with ``render`` when the folder lacks it; ``markers`` and ``lang`` (the block's
        language): see ``rendered_block``."""
        key = _key((*parts, "markers" if markers else "", lang))
        self.used.add(key)
        # (A path as a string, as in plugin._relative: no pathlib objects per entry.)
        path = os.path.join(self.folder, key[:2], key) if self.folder is not None else None
        if path is not None:
            try:
                with open(path, "rb") as entry:
                    found = _decode(entry.read())
            except OSError:
                found = None
            if found is not None:
                return found
        block = rendered_block(render(), markers, lang)
        self.rendered += 1
        if path is not None:
            self._write(path, block)
        return block

    @staticmethod
    def _write(path: str, block: RenderedBlock) -> None:
        try:
            folder = os.path.dirname(path)
            os.makedirs(folder, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(_encode(block))
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
