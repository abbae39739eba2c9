"""Sitemaps that are never broken, and that every language folder has.

MkDocs writes one ``sitemap.xml`` at the site's root from ``site_url``; without
it every address reads ``None./``. Material's script fetches ``sitemap.xml``
beside each alternate language's home (``/es/sitemap.xml``), which
mkdocs-static-i18n does not write, so every page logged two 404s. With a
``site_url`` each language folder gets the site's sitemap; without one, every
sitemap is a valid empty list instead of a list of broken addresses.
"""

from __future__ import annotations

import gzip
from pathlib import Path

EMPTY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def fix_sitemaps(site_dir: Path, language_folders: list[str], site_url: str | None) -> None:
    """Make ``sitemap.xml`` (and ``.gz``) valid at the root and in every language folder."""
    root = site_dir / "sitemap.xml"
    if not root.is_file():
        return
    text = root.read_text(encoding="utf-8") if site_url else EMPTY
    for folder in ["", *language_folders]:
        target = site_dir / folder
        if not target.is_dir():
            continue
        (target / "sitemap.xml").write_text(text, encoding="utf-8")
        # mtime 0: the same bytes for the same sitemap (reproducible builds).
        (target / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
