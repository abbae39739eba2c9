"""What the offline worker lists, and its version: a hash of what it lists."""

from __future__ import annotations

import json
from pathlib import Path

from worksheets.offline import WORKER, write_removal, write_worker


def manifest(site: Path) -> dict[str, object]:
    line = next(
        text
        for text in (site / WORKER).read_text(encoding="utf-8").splitlines()
        if text.startswith("const OFFLINE = ")
    )
    loaded: dict[str, object] = json.loads(line.removeprefix("const OFFLINE = ").rstrip(";"))
    return loaded


def make_site(root: Path) -> Path:
    files = {
        "index.html": "home",
        "guide/index.html": "guide",
        "404.html": "missing",
        "es/index.html": "inicio",
        "es/guide/index.html": "guía",
        "es/404.html": "no encontrada",
        "search/search_index.json": "{}",
        "es/search/search_index.json": "{}",
        "pdf/guide-en.pdf": "%PDF-",
        "assets/javascripts/bundle.min.js": "js",
        "assets/javascripts/bundle.min.js.map": "map",
        "assets/javascripts/lunr/min/lunr.es.min.js": "es",
        "assets/javascripts/lunr/min/lunr.ja.min.js": "ja",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "support",
        "assets/worksheets/index.js": "ours",
        "assets/worksheets/vendor/pdfjs/pdf.min.mjs": "pdf.js",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_each_language_its_pages_and_index_and_the_shared_assets(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    version = write_worker(site, "en", ["en", "es"])
    listed = manifest(site)
    assert listed["version"] == version and listed["fallback"] == "en"
    assert listed["languages"] == {
        "en": ["guide/", "./", "search/search_index.json"],
        "es": ["es/guide/", "es/", "es/search/search_index.json"],
    }
    # No source maps, no stemmer of a language the site lacks, no pdf.js, no PDFs.
    assert listed["shared"] == [
        "assets/javascripts/bundle.min.js",
        "assets/javascripts/lunr/min/lunr.es.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/worksheets/index.js",
    ]


def test_the_version_follows_the_content(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    first = write_worker(site, "en", ["en", "es"])
    assert write_worker(site, "en", ["en", "es"]) == first
    (site / "es/guide/index.html").write_text("guía, corregida", encoding="utf-8")
    second = write_worker(site, "en", ["en", "es"])
    assert second != first
    # A file no page needs up front (a PDF) leaves the version alone.
    (site / "pdf/guide-en.pdf").write_text("%PDF-1.7", encoding="utf-8")
    assert write_worker(site, "en", ["en", "es"]) == second


def test_turned_off_the_worker_removes_itself(tmp_path: Path) -> None:
    write_removal(tmp_path)
    text = (tmp_path / WORKER).read_text(encoding="utf-8")
    assert "registration.unregister()" in text and "caches.delete" in text
    assert "const OFFLINE" not in text
