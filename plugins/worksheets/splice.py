"""A page's HTML with its blocks, problem boxes, booklet link and translation status put in.

The blocks go where the body has ``<!-- checklist -->`` / ``<!-- worksheet -->``
(Python-Markdown passes HTML comments through), or at the end of the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .blockcache import BlockCache, RenderedBlock, rendered_block
from .formats.documents import BlockPdf
from .formats.problems import BLOCK_KINDS, Problem
from .render import render_block, render_fallback_notice, render_problems
from .searchview import search_view
from .source import SourcePage

BOOKLET_MARKER = re.compile(r"<!--\s*booklet\s*-->")
STATUS_MARKER = re.compile(r"<!--\s*translation-status\s*-->")
_BLOCK_MARKERS = {kind: re.compile(rf"<!--\s*{kind}\s*-->") for kind in BLOCK_KINDS}
# What search reads of the pieces most pages share (the asset tags and the offline notice
# of each folder depth, the booklet link, the translation status).
_piece_view = lru_cache(maxsize=512)(search_view)


@dataclass(frozen=True)
class PageParts:
    """What goes into one page besides its own HTML."""

    lang: str
    # The language being built: a page missing in it is shown in the default language.
    build_lang: str
    source: SourcePage | None
    problems: list[Problem]
    booklet_link: str
    # The URL of a block's PDF; None when PDFs are off.
    pdf_url: Callable[[BlockPdf], str] | None
    translation_status: Callable[[], str]
    # The stylesheet and the script, made and put in only on pages that have a block.
    assets: Callable[[], str] = str
    # The offline copy's script and notice, on every page.
    offline: Callable[[], str] = str
    # Rendered blocks kept between builds; none: every block is rendered.
    blocks: BlockCache | None = None
    # Blocks' section texts as markers in the view (searchtext.py: Material's search is on).
    search_markers: bool = False


@dataclass(frozen=True)
class SplicedPage:
    """A page's full HTML, and the view of it Material's search reads: the same page with
    the plugin's markup cut down to what search indexes (``searchview``)."""

    html: str
    view: str
    # The texts of the markers in ``view`` (searchtext.py), and their words without accents.
    texts: dict[str, str] = field(default_factory=dict)
    folded: dict[str, list[str]] = field(default_factory=dict)

    def before(self, piece: str) -> SplicedPage:
        view = _piece_view(piece) + self.view
        return SplicedPage(piece + self.html, view, self.texts, self.folded)

    def replace(self, marker: re.Pattern[str], piece: Callable[[], str]) -> SplicedPage:
        """The page with its first ``marker`` replaced by ``piece()`` (made only if the
        marker is there)."""
        if marker.search(self.html) is None:
            return self

        def put(html: str, text: str) -> str:
            return marker.sub(lambda _: text, html, count=1)

        made = piece()
        view = put(self.view, _piece_view(made))
        return SplicedPage(put(self.html, made), view, self.texts, self.folded)


def _put_at_marker(html: str, kind: str, fragment: str) -> str:
    marker = _BLOCK_MARKERS[kind]
    found = marker.search(html)
    if found is None:
        return f"{html}\n{fragment}"
    rest = html[found.end() :]
    if marker.search(rest) is not None:  # (a second marker: the block goes at the first)
        rest = marker.sub("", rest)
    return html[: found.start()] + fragment + rest


def _rendered(parts: PageParts, source: SourcePage, kind: str) -> RenderedBlock | None:
    block = source.blocks.get(kind)
    if block is None or block.block_id is None or block.version is None:
        return None
    pdf = BlockPdf(kind, block.block_id, block.version, source.lang)
    pdf_url = parts.pdf_url(pdf) if parts.pdf_url else None

    def render() -> str:
        # (From the scan cache, a block's model is read here: only when it is rendered.)
        model = block.model
        if model is None:  # its cache entry was damaged and the page is gone meanwhile
            return ""
        return render_block(model, parts.lang, source.title, pdf_url=pdf_url)

    if parts.blocks is None:
        return rendered_block(render(), parts.search_markers, parts.lang)
    key = (kind, parts.lang, source.title, pdf_url or "", str(block.digest))
    return parts.blocks.get(key, render, parts.search_markers, parts.lang)


def _fragment(parts: PageParts, source: SourcePage, kind: str) -> RenderedBlock | None:
    """A block (its HTML, search view and texts), after its problem box if it has any."""
    own = [problem for problem in parts.problems if problem.block_kind == kind]
    box = render_problems(own, parts.lang) if own else ""
    block = _rendered(parts, source, kind)
    if block is None:
        return RenderedBlock(box, search_view(box)) if box else None
    if not box:
        return block
    html, view = f"{box}\n{block.html}", f"{search_view(box)}\n{block.view}"
    return RenderedBlock(html, view, block.texts, block.folded)


def splice_page(html: str, parts: PageParts) -> SplicedPage:
    """The page's HTML with everything the plugin adds, and what search reads of it."""
    page = SplicedPage(html, html).replace(BOOKLET_MARKER, lambda: parts.booklet_link)
    page = page.replace(STATUS_MARKER, parts.translation_status)
    if parts.source is not None:
        for kind in BLOCK_KINDS:
            fragment = _fragment(parts, parts.source, kind)
            if fragment is not None:
                page = SplicedPage(
                    _put_at_marker(page.html, kind, fragment.html),
                    _put_at_marker(page.view, kind, fragment.view),
                    {**page.texts, **fragment.texts},
                    {**page.folded, **fragment.folded},
                )
        if any(block.block_id is not None for block in parts.source.blocks.values()):
            page = page.before(parts.assets())
        page_level = [problem for problem in parts.problems if problem.block_kind is None]
        if page_level:
            page = page.before(render_problems(page_level, parts.lang))
    page = page.before(parts.offline())
    if parts.build_lang != parts.lang:
        page = page.before(render_fallback_notice(parts.build_lang, parts.lang))
    return page
