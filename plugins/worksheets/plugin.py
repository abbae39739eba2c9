"""MkDocs events of the `worksheets` plugin; the work is done in the modules beside it."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import i18n, searchtext
from .blockcache import FOLDER as BLOCK_FOLDER
from .blockcache import BlockCache
from .config import WorksheetsConfig
from .files import readable_file
from .fingerprint import code_fingerprint
from .formats.documents import BookletPdf
from .formats.scancache import ScanCache, page_key
from .gitinfo import UntrustedCache, trusted_cache
from .notfound import TEMPLATE as NOT_FOUND
from .notfound import NotFoundPages
from .offline import SCRIPT as OFFLINE_SCRIPT
from .offline import write_removal, write_worker
from .parse import without_blocks
from .pdf.dates import last_changed
from .pdf.jobs import PdfError, build_date, site_jobs
from .publish import SOURCES, MissingBundle, bundle_files
from .render import (
    render_assets,
    render_booklet_link,
    render_offline,
    render_translation_status,
)
from .scan import Site, scan_docs
from .search import language_base, split_search_index
from .searchview import SearchViewError, SearchViews
from .sitemaps import absolute_alternates, fix_sitemaps
from .splice import PageParts, splice_page
from .spool import Spool
from .strings import base_language
from .translations import PageStatus, translation_status

if TYPE_CHECKING:  # (imported when PDFs are on: a build without them needs no process pool)
    from .pdf.cache import PdfRenderer

log = get_plugin_logger(__name__)

# The sources `mkdocs serve` sends: the stylesheet, the script's entry (a module script),
# then the ES modules it imports (a build publishes their bundle, publish.py).
ASSETS = (
    "worksheets.css",
    "index.js",
    "answers.js",
    "assessments.js",
    "block.js",
    "compare.js",
    "csv.js",
    "dom.js",
    "form.js",
    "grid.js",
    "drop.js",
    "incoming.js",
    "kinds.js",
    "pdfimport.js",
    "result.js",
    "scoring.js",
    "share.js",
    "storage.js",
    "sync.js",
    "table.js",
    "transfer.js",
    "offline.js",
)  # types.js holds JSDoc types only: TypeScript reads it, browsers never load it.
# pdf.js, served by the site and loaded by pdfimport.js only when a reader imports a PDF.
VENDOR = ("vendor/pdfjs/pdf.min.mjs", "vendor/pdfjs/pdf.worker.min.mjs", "vendor/pdfjs/LICENSE")
ASSET_DIR = "assets/worksheets"
PDF_FOLDER = "pdf"
SCAN_FILE = "scan.json"
ESCAPED_META = ("title", "description")


class WorksheetsPlugin(BasePlugin[WorksheetsConfig]):
    """Checklists and scoring worksheets from front matter, checked and rendered."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.command = "build"
        self.renderer: PdfRenderer | None = None
        # The default language's site folder: PDFs of every language go to its pdf/.
        self.root_site_dir = Path("site")
        self.nav_order: list[str] = []
        self.statuses: list[PageStatus] | None = None
        self.not_found = NotFoundPages()
        self.search_views = SearchViews()
        # The texts of the markers in pages' search views (searchtext.py), by marker, and
        # their words without accents, by (marker, language) (search.unaccented): both
        # wait in temporary files until the build's end (spool.py). And whether
        # Material's search reads markers at all.
        self.search_texts: Spool[str, str] = Spool(str.encode, bytes.decode)
        self.search_folded: Spool[tuple[str, str], list[str]] = Spool(
            lambda words: json.dumps(words).encode(), json.loads
        )
        self.search_markers = False
        self.blocks = BlockCache(None)
        # The folders of the pages written, in every language (for sitemaps.py).
        self.page_dirs: set[Path] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_shutdown(self) -> None:
        self.search_views.close()
        self._forget_search_texts()
        if self.renderer is not None:
            self.renderer.close()
            self.renderer = None

    @property
    def pdf_enabled(self) -> bool:
        return bool(self.config.pdf) and (self.command != "serve" or self.config.pdf_in_serve)

    @property
    def offline_enabled(self) -> bool:
        # Under `mkdocs serve` pages change all the time: no copies to go stale.
        return bool(self.config.offline) and self.command != "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        try:
            # MkDocs itself reads SOURCE_DATE_EPOCH later, with a traceback if it is wrong.
            build_date()
            if i18n.is_first_build(config):
                trusted_cache(self._cache_dir(config))
        except (PdfError, UntrustedCache) as error:
            raise PluginError(str(error)) from None
        i18n.keep_search_entries(config)
        # mkdocs-static-i18n builds each further language inside the first build:
        # the docs are scanned once, there.
        if self.site is None or i18n.is_first_build(config):
            default = (
                self.config.default_language
                or i18n.default_language(config)
                or config.theme.get("language")
                or "en"
            )
            scanned = ScanCache(self._cache_dir(config) / SCAN_FILE, code_fingerprint()).load()
            self.site = scan_docs(Path(config.docs_dir), default, i18n.languages(config), scanned)
            self.blocks = BlockCache(self._cache_dir(config) / BLOCK_FOLDER)
            self.page_dirs = set()
            self.search_markers = searchtext.available() and "material/search" in config.plugins
            if self.command != "serve":
                # (`mkdocs serve --dirty` keeps earlier pages' entries, and their markers.)
                self._forget_search_texts()
            self.statuses = None
            for problem in self.site.problems:
                log.warning(str(problem))
            for line in self.site.missing_summary():
                log.info(line)
            self.root_site_dir = Path(config.site_dir)
        return config

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Files) -> None:
        if self.config.enabled and i18n.is_first_build(config):
            # Booklets follow the navigation of the default language.
            self.nav_order = [page.file.src_uri.split("/", 1)[-1] for page in nav.pages]

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        # The check reported these; MkDocs would hang on a FIFO or crash on a broken link.
        for file in list(files):
            if file.abs_src_path and not readable_file(file.abs_src_path):
                files.remove(file)
        # A build publishes the bundle; `mkdocs serve` sends the commented sources.
        if self.command == "serve":
            published = [(name, SOURCES / name) for name in ASSETS]
        else:
            try:
                published = [(path.name, path) for path in bundle_files()]
            except MissingBundle as error:
                raise PluginError(str(error)) from None
        for name, source in [*published, *((name, SOURCES / name) for name in VENDOR)]:
            uri = f"{ASSET_DIR}/{name}"
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(source)))
        return files

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        """The page without its blocks' entries in the front matter: MkDocs would build
        them into ``page.meta`` with PyYAML (at 200 guides a language, 0.45 s of a
        9 s build, with or without the plugin), and nothing reads them there; the scan
        has read them. Only when the file is still the text the scan read."""
        if not self.config.enabled or self.site is None:
            return None
        source = self.site.by_path.get(page.file.src_uri)
        if source is None or not source.front_cut:
            return None
        try:
            text = page.file.content_string
        except (OSError, ValueError):  # MkDocs reads it again, and says why it cannot
            return None
        if page_key(source.path, text, source.lang, source.rel) != source.key:
            return None  # changed since the scan (mkdocs serve): MkDocs reads it all
        return without_blocks(text, source.front_cut)

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        # MkDocs themes print these front matter values without escaping them
        # (Material: <title>, the header, the nav, <meta name="description">).
        for key in ESCAPED_META:
            value = page.meta.get(key)
            if isinstance(value, str):
                page.meta[key] = str(escape(value))
        return None

    # After Markdown and other plugins' content changes, so the HTML comment
    # markers that Python-Markdown passed through are still in place.
    @event_priority(-50)
    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.site is None:
            return None
        site = self.site
        lang = i18n.page_language(page, config)
        build_lang = i18n.current_language(config) or lang
        here = self._page_dir(page, config)
        source = site.by_path.get(page.file.src_uri)

        booklet = BookletPdf(build_lang).file_name
        parts = PageParts(
            lang=lang,
            build_lang=build_lang,
            source=source,
            problems=site.problems_of(source.path) if source else [],
            booklet_link=(
                render_booklet_link(self._pdf_url(booklet, here), build_lang)
                if self.pdf_enabled
                else ""
            ),
            pdf_url=(
                (lambda pdf: self._pdf_url(pdf.file_name, here)) if self.pdf_enabled else None
            ),
            translation_status=lambda: self._translation_status(build_lang),
            offline=lambda: (
                render_offline(
                    self._relative(os.path.join(config.site_dir, ASSET_DIR, OFFLINE_SCRIPT), here),
                    build_lang,
                )
                if self.offline_enabled
                else ""
            ),
            blocks=self.blocks,
            search_markers=self.search_markers,
            assets=lambda: render_assets(
                *(
                    self._relative(os.path.join(config.site_dir, ASSET_DIR, name), here)
                    for name in ASSETS[:2]
                ),
                lang,
            ),
        )
        # Material's search reads the content without what it must not index (searchview.py);
        # on_post_page puts the full content back.
        spliced = splice_page(html, parts)
        # Markers are made from their text: one already kept has the same text.
        for key, text in spliced.texts.items():
            if key not in self.search_texts:
                self.search_texts[key] = text
        folding = base_language(lang)
        for key, words in spliced.folded.items():
            if (key, folding) not in self.search_folded:
                self.search_folded[(key, folding)] = words
        return self.search_views.hand_out(page.file.dest_uri, spliced.html, spliced.view)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or self.site is None:
            return None
        here = self._page_dir(page, config)
        self.page_dirs.add(Path(here))
        # The head and Material's configuration first, while the page's content is still
        # the short view search read (none of this is in the content): each rewrite
        # copies the whole page, and the full content is most of it.
        if config.site_url:
            output = absolute_alternates(output, urljoin(config.site_url, page.url))
        lang = i18n.current_language(config)
        if lang is not None and lang != self.site.default_language:
            # Search in the page's language: Material fetches the index from `base`.
            base = self._relative(os.path.join(self.root_site_dir, lang), here)
            output = language_base(output, base)
        try:
            return self.search_views.restore(page.file.dest_uri, output)
        except SearchViewError as error:
            raise PluginError(str(error)) from None

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if not self.config.enabled or self.site is None or template_name != NOT_FOUND:
            return None
        default = self.site.default_language
        lang = i18n.current_language(config) or default
        return self.not_found.keep(output_content, lang, self._base(config), default)

    @staticmethod
    def _base(config: MkDocsConfig) -> str:
        """The site's path on its host, as MkDocs uses it in the 404 page's links."""
        return urlsplit(config.site_url or "/").path or "/"

    def _cache_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.cache_dir

    def _forget_search_texts(self) -> None:
        self.search_texts.close()
        self.search_folded.close()

    def _translation_status(self, lang: str) -> str:
        assert self.site is not None
        if self.statuses is None:
            self.statuses = translation_status(self.site)
        return render_translation_status(
            self.statuses, self.site.languages, lang, self.site.default_language
        )

    def _pdf_url(self, name: str, here: str) -> str:
        return self._relative(os.path.join(self.root_site_dir, PDF_FOLDER, name), here)

    @staticmethod
    def _page_dir(page: Page, config: MkDocsConfig) -> str:
        """The folder a page is written to, as a string (see ``_relative``)."""
        return os.path.dirname(os.path.join(config.site_dir, page.file.dest_uri))

    @staticmethod
    @cache
    def _relative(target: str, here: str) -> str:
        """A relative URL, so that links work on any host, under any sub-path and from a
        file:// copy. (Paths as strings: a page asks for three or four of these, and
        pathlib's objects cost more than the rest of the work.)"""
        return os.path.relpath(target, here).replace(os.sep, "/")

    # After mkdocs-static-i18n's on_post_build (-100), in which it builds the other
    # languages: the first build's call comes last, when every language folder exists.
    @event_priority(-110)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.site is None or not i18n.is_first_build(config):
            return
        if self.command != "serve":
            # Under `serve`, a rebuild may skip pages (--dirty): keep what they use.
            self.blocks.prune()
        log.info(f"Blocks: {self.blocks.rendered} rendered, {self.blocks.cached} from the cache")
        site_dir, site = Path(config.site_dir), self.site
        split_search_index(
            site_dir, site.default_language, site.languages, self.search_texts, self.search_folded
        )
        fix_sitemaps(site_dir, config.site_url, self.page_dirs)
        self.not_found.write(site_dir, self._base(config), site.default_language)
        if self.offline_enabled:
            write_worker(site_dir, site.default_language, site.languages)
        else:
            write_removal(site_dir)
        # A strict build with problems fails anyway: don't spend time on its PDFs.
        if not self.pdf_enabled or (self.site.problems and config.strict):
            return
        names = i18n.site_names(config)
        names.setdefault(self.site.default_language, config.site_name)
        if self.renderer is None:
            from .pdf.cache import PdfRenderer

            self.renderer = PdfRenderer(self._cache_dir(config), self.config.pdf_workers)
        try:
            jobs = site_jobs(
                self.site,
                self.nav_order,
                dates=last_changed(Path(config.docs_dir), self.site.by_path),
                site_name=names,
                languages=self.site.languages,
            )
            stats = self.renderer.render(jobs, self.root_site_dir / PDF_FOLDER, prune=True)
        except PdfError as error:
            raise PluginError(str(error)) from None
        log.info(f"PDFs: {stats.rendered} rendered, {stats.cached} from the cache")
