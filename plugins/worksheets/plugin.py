"""MkDocs events of the `worksheets` plugin; the work is done in the modules beside it."""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from .config import WorksheetsConfig
from .parse import Page
from .pdf import PdfError, PdfRenderer, booklet_name, build_date, pdf_name, site_jobs
from .render import (
    render_block,
    render_booklet_link,
    render_fallback_notice,
    render_problems,
    render_translation_status,
)
from .scan import Site, scan_docs
from .translations import PageStatus, translation_status

log = get_plugin_logger(__name__)

ASSETS = ("worksheets.css", "worksheets.js")
ASSET_DIR = "assets/worksheets"
_BLOCK_KINDS = ("checklist", "worksheet")
BOOKLET_MARKER = re.compile(r"<!--\s*booklet\s*-->")
STATUS_MARKER = re.compile(r"<!--\s*translation-status\s*-->")
PDF_FOLDER = "pdf"
ESCAPED_META = ("title", "description")


def _marker_re(kind: str) -> re.Pattern[str]:
    return re.compile(rf"<!--\s*{kind}\s*-->")


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

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_shutdown(self) -> None:
        if self.renderer is not None:
            self.renderer.close()
            self.renderer = None

    @property
    def pdf_enabled(self) -> bool:
        return bool(self.config.pdf) and (self.command != "serve" or self.config.pdf_in_serve)

    def _first_build(self, config: MkDocsConfig) -> bool:
        # mkdocs-static-i18n builds each further language inside the first build's
        # on_post_build, with "building" set: per-site work is done once, not per language.
        return not getattr(config.plugins.get("i18n"), "building", False)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        if self.site is None or self._first_build(config):
            default, languages = self._languages(config, config.plugins.get("i18n"))
            self.site = scan_docs(Path(config.docs_dir), default, languages)
            self.statuses = None
            for problem in self.site.problems:
                log.warning(str(problem))
            self._log_missing(self.site)
            self.root_site_dir = Path(config.site_dir)
        # on_config runs once per language on the same config: add the assets once.
        css, script = (f"{ASSET_DIR}/{asset}" for asset in ASSETS)
        if css not in config.extra_css:
            config.extra_css.append(css)
        if script not in [str(entry) for entry in config.extra_javascript]:
            config.extra_javascript.append(script)
        return config

    @staticmethod
    def _i18n_languages(config: MkDocsConfig) -> list[Any]:
        """mkdocs-static-i18n's language entries (locale, site_name, ...), if it is used."""
        i18n = config.plugins.get("i18n")
        return list(getattr(getattr(i18n, "config", None), "languages", None) or [])

    def _languages(self, config: MkDocsConfig, i18n: Any) -> tuple[str, list[str] | None]:
        languages = [language.locale for language in self._i18n_languages(config)] or None
        default = (
            self.config.default_language
            or getattr(i18n, "default_language", None)
            or config.theme.get("language")
            or "en"
        )
        return default, languages

    def _site_names(self, config: MkDocsConfig) -> dict[str, str]:
        """The site's name in each language (mkdocs-static-i18n's per-language site_name)."""
        names = {
            language.locale: language.site_name
            for language in self._i18n_languages(config)
            if getattr(language, "site_name", None)
        }
        assert self.site is not None
        names.setdefault(self.site.default_language, config.site_name)
        return names

    def _log_missing(self, site: Site) -> None:
        by_language: dict[str, list[str]] = {}
        for missing in site.missing:
            by_language.setdefault(missing.lang, []).append(missing.rel)
        for lang, pages in sorted(by_language.items()):
            log.info(
                f"{len(pages)} page(s) have no '{lang}' translation, readers get the "
                f"'{site.default_language}' page: {', '.join(pages)}"
            )

    def on_nav(self, nav: Any, config: MkDocsConfig, files: Files) -> None:
        if self.config.enabled and self._first_build(config):
            # Booklets follow the navigation of the default language.
            self.nav_order = [page.file.src_uri.split("/", 1)[-1] for page in nav.pages]

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        folder = Path(str(resources.files(__package__).joinpath("assets")))
        for asset in ASSETS:
            uri = f"{ASSET_DIR}/{asset}"
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(folder / asset)))
        return files

    def on_page_markdown(
        self, markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files
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
        self, html: str, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.site is None:
            return None
        lang = self._page_language(page, config)
        # The language being built: a page missing in it is shown in the default language.
        build_lang = self._build_language(config) or lang
        here = Path(config.site_dir, page.file.dest_uri).parent
        html = self._booklet_link(html, build_lang, here)
        html = STATUS_MARKER.sub(lambda _: self._translation_status(build_lang), html, count=1)
        source = self.site.by_path.get(page.file.src_uri)
        if source is not None:
            html = self._blocks(html, source, lang, here)
        if build_lang != lang:
            html = render_fallback_notice(build_lang, lang) + html
        return html

    def _blocks(self, html: str, source: Page, lang: str, here: Path) -> str:
        problems = self.site.problems_of(source.path) if self.site else []
        page_level = [p for p in problems if p.field.split(".")[0] not in _BLOCK_KINDS]
        for kind in _BLOCK_KINDS:
            fragment = self._fragment(source, kind, lang, problems, here)
            if fragment is None:
                continue
            marker = _marker_re(kind)
            found = marker.search(html)
            if found:
                html = html[: found.start()] + fragment + marker.sub("", html[found.end() :])
            else:
                html = f"{html}\n{fragment}"
        if page_level:
            html = render_problems(page_level, lang) + html
        return html

    def _translation_status(self, lang: str) -> str:
        assert self.site is not None
        if self.statuses is None:
            self.statuses = translation_status(self.site)
        return render_translation_status(
            self.statuses, self.site.languages, lang, self.site.default_language
        )

    def _pdf_url(self, name: str, here: Path) -> str:
        """A relative URL, so that links work on any host and from a file:// copy."""
        return Path(os.path.relpath(self.root_site_dir / PDF_FOLDER / name, here)).as_posix()

    def _booklet_link(self, html: str, lang: str, here: Path) -> str:
        link = ""
        if self.pdf_enabled:
            link = render_booklet_link(self._pdf_url(booklet_name(lang), here), lang)
        return BOOKLET_MARKER.sub(lambda _: link, html, count=1)

    def _fragment(
        self, source: Page, kind: str, lang: str, problems: list[Any], here: Path
    ) -> str | None:
        own = [p for p in problems if p.field.split(".")[0].split("[")[0] == kind]
        block = source.blocks.get(kind)
        parts = []
        if own:
            parts.append(render_problems(own, lang))
        if block is not None and block.model is not None:
            pdf_url = None
            if self.pdf_enabled:
                pdf_url = self._pdf_url(pdf_name(block.model.id, source.lang), here)
            parts.append(render_block(block.model, lang, source.title, pdf_url=pdf_url))
        return "\n".join(parts) or None

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or not self.pdf_enabled or self.site is None:
            return
        # A strict build with problems fails anyway: don't spend time on its PDFs.
        if not self._first_build(config) or (self.site.problems and config.strict):
            return
        languages = self.site.languages
        jobs = site_jobs(
            self.site,
            self.nav_order,
            date=build_date(),
            site_name=self._site_names(config),
            languages=languages,
        )
        if not jobs:
            return
        if self.renderer is None:
            cache_dir = Path(config.config_file_path).parent / self.config.cache_dir
            self.renderer = PdfRenderer(cache_dir, self.config.pdf_workers)
        try:
            stats = self.renderer.render(jobs, self.root_site_dir / PDF_FOLDER)
        except PdfError as error:
            raise PluginError(str(error)) from error
        log.info(f"PDFs: {stats.rendered} rendered, {stats.cached} from the cache")

    def _build_language(self, config: MkDocsConfig) -> str | None:
        language = getattr(config.plugins.get("i18n"), "current_language", None)
        return str(language) if language else None

    def _page_language(self, page: MkDocsPage, config: MkDocsConfig) -> str:
        locale = getattr(page.file, "locale", None)
        if locale:
            return str(locale)
        i18n = config.plugins.get("i18n")
        return str(getattr(i18n, "current_language", None) or config.theme.get("language") or "en")
