"""A page's HTML with its blocks, problem boxes, booklet link and translation status put in.

The blocks go where the body has ``<!-- checklist -->`` / ``<!-- worksheet -->``
(Python-Markdown passes HTML comments through), or at the end of the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .formats.documents import BlockPdf
from .formats.problems import BLOCK_KINDS, Problem
from .render import render_block, render_fallback_notice, render_problems
from .source import SourcePage

BOOKLET_MARKER = re.compile(r"<!--\s*booklet\s*-->")
STATUS_MARKER = re.compile(r"<!--\s*translation-status\s*-->")
_BLOCK_MARKERS = {kind: re.compile(rf"<!--\s*{kind}\s*-->") for kind in BLOCK_KINDS}


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


def _put_at_marker(html: str, kind: str, fragment: str) -> str:
    marker = _BLOCK_MARKERS[kind]
    found = marker.search(html)
    if found is None:
        return f"{html}\n{fragment}"
    return html[: found.start()] + fragment + marker.sub("", html[found.end() :])


def _fragment(parts: PageParts, source: SourcePage, kind: str) -> str | None:
    own = [problem for problem in parts.problems if problem.block_kind == kind]
    pieces = [render_problems(own, parts.lang)] if own else []
    model = source.model(kind)
    if model is not None:
        pdf = BlockPdf(kind, model.id, model.version, source.lang)
        pdf_url = parts.pdf_url(pdf) if parts.pdf_url else None
        pieces.append(render_block(model, parts.lang, source.title, pdf_url=pdf_url))
    return "\n".join(pieces) or None


def splice_page(html: str, parts: PageParts) -> str:
    """The page's HTML with everything the plugin adds."""
    html = BOOKLET_MARKER.sub(lambda _: parts.booklet_link, html, count=1)
    html = STATUS_MARKER.sub(lambda _: parts.translation_status(), html, count=1)
    if parts.source is not None:
        for kind in BLOCK_KINDS:
            fragment = _fragment(parts, parts.source, kind)
            if fragment is not None:
                html = _put_at_marker(html, kind, fragment)
        if any(parts.source.model(kind) for kind in BLOCK_KINDS):
            html = parts.assets() + html
        page_level = [problem for problem in parts.problems if problem.block_kind is None]
        if page_level:
            html = render_problems(page_level, parts.lang) + html
    html = parts.offline() + html
    if parts.build_lang != parts.lang:
        html = render_fallback_notice(parts.build_lang, parts.lang) + html
    return html
