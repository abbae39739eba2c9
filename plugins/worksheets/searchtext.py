"""A block's searchable text read by Material's search once, when the block is rendered,
not on every build.

Material's search plugin parses every page's content on every build: for a page with
blocks, mostly their items, guidance and scales (about a quarter of a rebuild's cost
beyond MkDocs at 200 guides per language). A block's sections and their text depend on
the block alone: its first heading opens a section, and when the block's element ends
Material goes back to the section the page was in. So a block is parsed with
Material's own parser when it is rendered; the page's content then keeps the block's
headings and the elements around them, and in each of the block's sections one word,
a *marker* (``worksheets-search-<hash of the text>``), instead of its text. Each
section's entry in the index then reads just the marker, and after the build each such
entry gets its text back (``search.split_search_index``).

``with_markers`` checks its own work: Material's parser, given the view with markers and
their texts put back, must make exactly the sections it makes of the view; where it
would not, the block keeps its view. `tests/unit/test_searchtext.py` checks whole pages,
every block of the guides, and random trees.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

try:  # Material's own parser; without Material, blocks keep their views.
    from material.plugins.search.plugin import Parser  # type: ignore[import-untyped]
except ImportError:  # pragma: no cover - Material is a dependency of the package
    Parser = None

MARKER = re.compile(r"worksheets-search-[0-9a-f]{32}")
_PIECES = re.compile(r"(<[^>]*>)")
_TAG = re.compile(r'<(/?)([a-z0-9]+)(?: id="([^"]*)")?>')
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

Entry = tuple[Any, str, str, bool]


def available() -> bool:
    """Whether Material's search parser is there to read blocks with."""
    return Parser is not None


def marker(text: str) -> str:
    """The word that stands for ``text`` in the index until the build ends."""
    return "worksheets-search-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _parser() -> Any:
    assert Parser is not None
    return Parser()


def _sections(parser: Any, texts: Mapping[str, str] | None = None) -> list[Entry]:
    """The sections a parser made (id, title, text, excluded), with each text that is a
    marker of ``texts`` replaced by its text."""
    found: list[Entry] = []
    for section in parser.data:
        text = "".join(section.text).strip()
        if texts is not None:
            text = texts.get(text, text)
        title = "".join(section.title).strip()
        found.append((section.id, title, text, section.is_excluded()))
    return found


def entries(html: str, texts: Mapping[str, str] | None = None) -> list[Entry]:
    """The sections Material's parser makes of ``html``, markers of ``texts`` replaced."""
    parser = _parser()
    parser.feed(html)
    parser.close()
    return _sections(parser, texts)


def _structure(pieces: list[str]) -> set[int]:
    """The pieces that make the sections: each heading with an ``id``, everything in it,
    and the tags of the elements around it."""
    keep: set[int] = set()
    open_tags: list[int] = []
    heading = ""  # the heading being read, if any
    for index, piece in enumerate(pieces):
        tag = _TAG.fullmatch(piece)
        if heading:
            keep.add(index)
            if tag and tag[1] and tag[2] == heading:
                heading = ""
        elif tag is None or tag[2] == "br":
            continue
        elif not tag[1] and tag[2] in _HEADINGS and tag[3] is not None:
            keep.add(index)
            keep.update(open_tags)
            heading = tag[2]
        elif not tag[1]:
            open_tags.append(index)
        elif open_tags and open_tags.pop() in keep:
            keep.add(index)
    return keep


def with_markers(view: str) -> tuple[str, dict[str, str]] | None:
    """A block's search view (``searchview.search_view``) with a marker for the text of
    each of its sections, and the markers' texts; None when the block has no section of
    its own or Material would not make the same sections of it."""
    if Parser is None:
        return None
    try:
        return _with_markers(view)
    except Exception:  # Material's parser fails on some invalid nestings
        # (a heading in a <p>): the block keeps its view, and Material reads it as before.
        return None


def _with_markers(view: str) -> tuple[str, dict[str, str]] | None:
    pieces = [piece for piece in _PIECES.split(view) if piece]
    structure = _structure(pieces)
    parser = _parser()
    # Which section each piece goes to, as the parser reads it piece by piece.
    where: list[Any] = []
    for piece in pieces:
        parser.feed(piece)
        where.append(parser.section)
    parser.close()
    own = [
        section
        for section in parser.data
        if section.el.tag in _HEADINGS and "id" in section.el.attrs and section.id is not None
    ]
    if not own:
        return None
    texts: dict[str, str] = {}
    markers: dict[int, str] = {}
    for section in own:
        text = "".join(section.text).strip()
        if text:
            markers[id(section)] = marker(text)
            texts[markers[id(section)]] = text
    kept: list[str] = []
    owned = {id(section) for section in own}
    for index, piece in enumerate(pieces):
        if index in structure or id(where[index]) not in owned:
            kept.append(piece)
        # A heading's end tag: its section's marker comes right after it.
        if index in structure and piece.startswith("</h") and id(where[index]) in markers:
            tag = _TAG.fullmatch(piece)
            if tag and tag[2] in _HEADINGS:
                kept.append(markers.pop(id(where[index])))
    if markers:
        return None
    marked = "".join(kept)
    # (The view's own sections: the parser above read all of it.)
    if entries(marked, texts) != _sections(parser):
        return None
    return marked, texts
