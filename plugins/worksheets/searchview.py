"""What Material's search reads of a page: its content without the elements marked
``data-search-exclude``, which the full page then gets back.

Material's search plugin parses each page's content with Python's HTML parser,
and skips the marked elements only after reading them; a block's form is about
60 KB of HTML a page, most of it controls, notes and results that search must
not index. Measured on 40 guides per language, that parse was more than half of
what the plugin added to a build. So the page's content is handed to MkDocs
with the marked elements cut out (between two comments), and the full content
goes back in after the theme has rendered the page (``restore``).

Only markup the plugin writes carries the attribute: its templates close every
element (void elements aside), and text from front matter is escaped, so the
tags can be matched by a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

EXCLUDED = "data-search-exclude"
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>")
_RAW_TEXT = frozenset({"script", "style", "textarea", "title"})
_RAW_END = {name: re.compile(f"</{name}", re.IGNORECASE) for name in _RAW_TEXT}
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
_OPEN = "<!--worksheets-content:{}-->"
_CLOSE = "<!--/worksheets-content:{}-->"


class SearchViewError(Exception):
    """The full content could not be put back (a plugin or theme removed the markers)."""


def _tags(html: str, start: int) -> Iterator[re.Match[str]]:
    """The tags of ``html`` from ``start``, not looking inside raw text (the block's JSON
    data in its script, a note's textarea): nothing in there is a tag."""
    scan = start
    while (tag := _TAG.search(html, scan)) is not None:
        yield tag
        scan = tag.end()
        name = tag[2].lower()
        if not tag[1] and name in _RAW_TEXT:
            end = _RAW_END[name].search(html, scan)
            scan = len(html) if end is None else end.start()


def _end_of(html: str, start: int, name: str) -> int:
    """Where the element ``name`` whose start tag ends at ``start`` ends."""
    depth = 1
    for tag in _tags(html, start):
        if tag[2].lower() != name:
            continue
        if tag[1]:
            depth -= 1
            if depth == 0:
                return tag.end()
        elif not tag[3].rstrip().endswith("/"):
            depth += 1
    return len(html)


def searchable(html: str) -> str:
    """``html`` without the elements marked ``data-search-exclude``."""
    if EXCLUDED not in html:
        return html
    kept: list[str] = []
    position = 0
    tags = _tags(html, 0)
    for tag in tags:
        if tag[1] or tag.start() < position or EXCLUDED not in tag[3]:
            continue
        name = tag[2].lower()
        kept.append(html[position : tag.start()])
        position = tag.end() if name in _VOID else _end_of(html, tag.end(), name)
    kept.append(html[position:])
    return "".join(kept)


class SearchViews:
    """Full contents kept, by page, while MkDocs renders the searchable ones."""

    def __init__(self) -> None:
        self._full: dict[str, tuple[int, str]] = {}
        self._count = 0

    def hand_out(self, page: str, html: str) -> str:
        """The searchable content to give MkDocs for ``page`` (its output path)."""
        view = searchable(html)
        if view == html:
            return html
        self._count += 1
        self._full[page] = (self._count, html)
        return _OPEN.format(self._count) + view + _CLOSE.format(self._count)

    def restore(self, page: str, output: str) -> str:
        """The rendered page with its full content back."""
        kept = self._full.pop(page, None)
        if kept is None:
            return output
        token, html = kept
        opening, closing = _OPEN.format(token), _CLOSE.format(token)
        start = output.find(opening)
        end = output.find(closing, start)
        if start < 0 or end < 0:
            raise SearchViewError(
                f"{page}: the page's forms could not be put back (a plugin or the theme "
                "removed HTML comments from the page content)"
            )
        return output[:start] + html + output[end + len(closing) :]
