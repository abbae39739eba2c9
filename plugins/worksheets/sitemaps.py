"""Sitemaps that are never broken, and no 404 for the ones Material looks for.

MkDocs writes one ``sitemap.xml`` at the site's root from ``site_url``; without
it every address reads ``None./``. Material's script fetches ``sitemap.xml``
beside every ``<link rel="alternate">`` of a page, expecting language homes;
mkdocs-static-i18n makes those links point at the same page in each language
(``/es/authoring/``), so every page logged 404s for ``…/sitemap.xml``. Material
copes with an empty sitemap: its language links then go straight to the
alternate page, which is what they should do. So: the root keeps the real
sitemap when ``site_url`` is set (an empty valid one otherwise), and every other
page folder gets a small empty one.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin

_ALTERNATE = re.compile(r'(<link rel="alternate" href=")([^"]*)("[^>]*\bhreflang=)')

EMPTY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def fix_sitemaps(site_dir: Path, site_url: str | None, page_dirs: Iterable[Path]) -> None:
    """A valid ``sitemap.xml`` at the root and beside every page of every language
    (``page_dirs``: the folders of the pages MkDocs wrote)."""
    root = site_dir / "sitemap.xml"
    if not root.is_file():
        return
    if not site_url:
        root.write_text(EMPTY, encoding="utf-8")
        # mtime 0: the same bytes for the same sitemap (reproducible builds).
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(EMPTY.encode("utf-8"), mtime=0))
    # One file, and hard links to it: writing hundreds of small files took a third of a
    # second at 200 guides per language, linking them a few milliseconds. (Nothing writes
    # into a page folder's sitemap afterwards; MkDocs writes the root's, never linked.)
    first: Path | None = None
    for folder in sorted(set(page_dirs)):
        target = folder / "sitemap.xml"
        if folder == site_dir or not folder.is_dir() or target.exists():
            continue
        if first is not None:
            try:
                os.link(first, target)
                continue
            except OSError:
                pass  # no hard links on this file system: a file of its own
        target.write_text(EMPTY, encoding="utf-8")
        first = target


def absolute_alternates(html: str, page_url: str) -> str:
    """The page's hreflang alternates as full addresses (search engines and Lighthouse
    want them so; mkdocs-static-i18n writes paths). ``page_url``: the page's own full
    address, from ``site_url``."""
    # They are in the page's head: the body (its forms) is not searched.
    end = html.find("</head>")
    head, body = (html, "") if end < 0 else (html[:end], html[end:])
    return (
        _ALTERNATE.sub(
            lambda found: found.group(1) + urljoin(page_url, found.group(2)) + found.group(3),
            head,
        )
        + body
    )
