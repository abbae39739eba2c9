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

from .spool import Spool

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


_ID = re.compile(r"""(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SKIPPED = frozenset({"script", "style"})
# The elements Material's search parser writes into the index; and headings, which start
# its sections.
_INDEXED = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _tokens(html: str) -> list[str | tuple[str, bool, str]]:
    """Text, and tags as (name, closing, id), with scripts, styles and void elements gone."""
    tokens: list[str | tuple[str, bool, str]] = []
    position = 0
    for tag in _tags(html, 0):
        if tag.start() < position:
            continue
        tokens.append(html[position : tag.start()])
        name = tag[2].lower()
        position = tag.end()
        if name in _SKIPPED:
            end = None if tag[1] else _RAW_END[name].search(html, position)
            if end is not None:
                closing = html.find(">", end.end())
                position = len(html) if closing < 0 else closing + 1
        elif name not in _VOID:
            found = None if tag[1] else _ID.search(tag[3])
            identity = "" if found is None else found[1] if found[1] is not None else found[2]
            tokens.append((name, bool(tag[1]), identity))
    tokens.append(html[position:])
    return tokens


def compact(html: str) -> str:
    """What Material's search parser reads of the plugin's markup, and nothing more: the
    text; the elements it writes into the index; headings with their ``id`` (they start
    its sections) and the elements around them (it closes a section when the element
    around its heading ends). Scripts, styles, void elements, other tags and every other
    attribute go, and whitespace between tags is one space (the parser makes it one).
    `tests/unit/test_searchview.py` checks with Material's own parser, on every block of
    the guides and on random trees, that the index is unchanged."""
    tokens = _tokens(html)
    keep = _kept_tags(tokens)
    kept: list[str] = []
    # The parser reads the text between two tags as one piece: where tags were dropped, a
    # <br> (which it ignores) keeps the pieces apart. A whitespace piece is one space to it,
    # and is skipped after another: so a run of them is one (in <pre> all are kept).
    in_pre = 0
    last = ""  # "tag", "space" or "text": what was last written
    dropped = False
    for index, token in enumerate(tokens):
        if isinstance(token, str):
            space = token.isspace() and not in_pre
            if not token or (space and last == "space"):
                continue
            if dropped and last != "tag":
                kept.append("<br>")
            kept.append(" " if space else token)
            last, dropped = "space" if space else "text", False
        elif index not in keep:
            dropped = True
        else:
            name, closing, identity = token
            if name == "pre":
                in_pre += -1 if closing else 1
            if closing:
                kept.append(f"</{name}>")
            else:
                kept.append(f'<{name} id="{identity}">' if identity else f"<{name}>")
            last, dropped = "tag", False
    return "".join(kept)


def _kept_tags(tokens: list[str | tuple[str, bool, str]]) -> set[int]:
    """The indexes of the tags the view keeps: the indexed elements, headings, every tag in
    a heading and the elements around one, each with its closing tag."""
    keep: set[int] = set()
    # Open elements: (token index, name); an element is kept with its closing tag.
    open_elements: list[tuple[int, str]] = []
    closing_of: dict[int, int] = {}
    headings = 0
    for index, token in enumerate(tokens):
        if isinstance(token, str):
            continue
        name, closing, _ = token
        if not closing:
            open_elements.append((index, name))
            if name in _INDEXED or headings:
                keep.add(index)
            if name in _HEADINGS:
                headings += 1
                keep.update(opened for opened, _ in open_elements)
            continue
        while open_elements:
            opened, opened_name = open_elements.pop()
            if opened_name in _HEADINGS:
                headings -= 1
            if opened_name == name:
                closing_of[opened] = index
                break
    keep.update([closing_of[index] for index in keep if index in closing_of])
    return keep


def search_view(html: str) -> str:
    """The plugin's markup as Material's search must read it (cut, then compacted)."""
    return compact(searchable(html))


class SearchViews:
    """Full contents kept, by page, while MkDocs renders the searchable ones (in a
    temporary file: a language build hands out all its pages before the theme renders
    the first, and at 200 guides their forms were 14 MB)."""

    def __init__(self) -> None:
        self._full: Spool[str, str] = Spool(str.encode, bytes.decode)
        self._tokens: dict[str, int] = {}
        self._count = 0

    def hand_out(self, page: str, html: str, view: str) -> str:
        """The content to give MkDocs for ``page`` (its output path): ``view``, what search
        reads of the full ``html``, between markers that ``restore`` finds."""
        if view == html:
            return html
        self._count += 1
        self._full[page], self._tokens[page] = html, self._count
        return _OPEN.format(self._count) + view + _CLOSE.format(self._count)

    def restore(self, page: str, output: str) -> str:
        """The rendered page with its full content back."""
        token = self._tokens.pop(page, None)
        if token is None:
            return output
        html = self._full.pop(page)
        opening, closing = _OPEN.format(token), _CLOSE.format(token)
        start = output.find(opening)
        end = output.find(closing, start)
        if start < 0 or end < 0:
            raise SearchViewError(
                f"{page}: the page's forms could not be put back (a plugin or the theme "
                "removed HTML comments from the page content)"
            )
        return "".join((output[:start], html, output[end + len(closing) :]))

    def close(self) -> None:
        """Forget what is kept (its file is removed)."""
        self._tokens.clear()
        self._full.close()
