"""Offline after one visit: the site's service worker and what it keeps.

After the build (every language written), the site's files are listed for the
worker: the pages of each language, and the assets every page needs (Material's
script and styles, the search worker and the stemmers of the site's languages,
the plugin's script). The list and a hash of every listed file's bytes go on
the first line of ``offline-worker.js`` at the site's root; a new build with any
change has a new version, so browsers install the new worker, which replaces
the old cache. PDFs are not listed: the worker keeps those linked from pages the
reader opened, and pdf.js when a reader first imports a PDF.

With offline copies turned off, and under ``mkdocs serve`` (where pages change
all the time), the file is a worker that removes itself and its caches, so that
a browser that once kept a copy of the site lets it go.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from .strings import base_language

WORKER = "offline-worker.js"
SCRIPT = "offline.js"
_FIRST_LINE = 'const OFFLINE = {"version": "dev", "shared": [], "languages": {}, "fallback": "en"};'
# Never kept up front: source maps, pdf.js (kept when first used), the worker itself.
_SKIPPED_SUFFIXES = (".map", ".gz")
_SKIPPED_FOLDERS = ("assets/worksheets/vendor/",)
_LUNR = "assets/javascripts/lunr/"
_LUNR_ALWAYS = ("lunr.stemmer.support.min.js", "lunr.multi.min.js")

REMOVE_ITSELF = """\
// Offline copies are off for this site (or this is `mkdocs serve`): remove any copy
// a browser kept, and this worker with it.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith("worksheets-offline-"))
      .map((name) => caches.delete(name)));
    await self.registration.unregister();
  })());
});
"""


def _template() -> str:
    return (
        resources.files(__package__).joinpath("assets/worker/offline-worker.js").read_text("utf-8")
    )


def _shared(site_dir: Path, languages: list[str]) -> list[str]:
    """The assets every page needs, as paths relative to the site's root."""
    stemmers = {*_LUNR_ALWAYS, *(f"lunr.{base_language(lang)}.min.js" for lang in languages)}
    paths = []
    for file in sorted((site_dir / "assets").rglob("*")):
        path = file.relative_to(site_dir).as_posix()
        if not file.is_file() or path.endswith(_SKIPPED_SUFFIXES):
            continue
        if path.startswith(_SKIPPED_FOLDERS):
            continue
        if path.startswith(_LUNR) and file.name not in stemmers:
            continue
        paths.append(path)
    return paths


def _page_path(file: Path, site_dir: Path) -> str:
    """The address a reader asks for: ``guide/`` for ``guide/index.html``."""
    path = file.relative_to(site_dir).as_posix()
    if path == "index.html":
        return "./"
    return path.removesuffix("index.html")


def _pages(site_dir: Path, default: str, languages: list[str]) -> dict[str, list[str]]:
    """Each language's pages and search index; the default language's are at the root."""
    others = [lang for lang in languages if lang != default]
    pages: dict[str, list[str]] = {lang: [] for lang in [default, *others]}
    for file in sorted(site_dir.rglob("*.html")):
        path = file.relative_to(site_dir).as_posix()
        if file.name == "404.html" or path.startswith("assets/"):
            continue
        first = path.split("/", 1)[0]
        pages[first if first in others else default].append(_page_path(file, site_dir))
    for lang in pages:
        index = Path("search/search_index.json")
        index = index if lang == default else Path(lang) / index
        if (site_dir / index).is_file():
            pages[lang].append(index.as_posix())
    return pages


def _version(site_dir: Path, paths: Iterable[str], template: str) -> str:
    digest = hashlib.sha256(template.encode("utf-8"))
    for path in sorted(set(paths)):
        file = site_dir / (path + "index.html" if path.endswith("/") else path)
        digest.update(path.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_worker(site_dir: Path, default: str, languages: list[str] | None) -> str:
    """Write the site's worker with this build's manifest; returns its version."""
    languages = languages or [default]
    template = _template()
    shared = _shared(site_dir, languages)
    pages = _pages(site_dir, default, languages)
    version = _version(site_dir, [*shared, *(p for ps in pages.values() for p in ps)], template)
    manifest = {"version": version, "shared": shared, "languages": pages, "fallback": default}
    first_line = f"const OFFLINE = {json.dumps(manifest, ensure_ascii=False)};"
    if _FIRST_LINE not in template:
        raise RuntimeError(f"{WORKER}: the manifest line is missing from the template")
    (site_dir / WORKER).write_text(template.replace(_FIRST_LINE, first_line, 1), encoding="utf-8")
    return version


def write_removal(site_dir: Path) -> None:
    """A worker that removes itself and the copies it kept."""
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / WORKER).write_text(REMOVE_ITSELF, encoding="utf-8")
