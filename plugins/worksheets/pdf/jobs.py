"""Which PDFs a site has: every block in every language, and a booklet per language."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, cached_property

from .. import __version__
from ..fingerprint import code_fingerprint
from ..formats.documents import BlockPdf, BookletPdf, PdfIdentity
from ..scan import Site
from ..source import SourceBlock, SourcePage
from .document import Entry, field_labels, print_html
from .finish import FieldLabel


class PdfError(Exception):
    """PDFs cannot be made; the message names the block and language, or the cause and fix."""


def build_date() -> str:
    """Today (UTC), or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(UTC).date().isoformat()
    try:
        return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    except (ValueError, OverflowError, OSError):
        raise PdfError(
            f"SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01, got {epoch[:40]!r}; "
            "unset it or set it to `git log -1 --format=%ct`"
        ) from None


@cache
def _weasyprint_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("weasyprint")
    except PackageNotFoundError:
        return "missing"


class PdfJob:
    """One PDF to produce: what it is, and its HTML, made only when it is rendered.

    ``html`` and ``labels`` (the accessible name of every form field, and of each radio
    option, by field name) are values, or functions that make them. ``inputs`` is
    everything besides the plugin's code that shapes the PDF (the blocks, language,
    date and site name, as JSON text): with it, the cache key needs no HTML, and a
    build whose PDFs are all cached lays out and renders nothing.
    """

    def __init__(
        self,
        identity: PdfIdentity,
        html: str | Callable[[], str],
        labels: dict[str, FieldLabel] | Callable[[], dict[str, FieldLabel]] | None = None,
        *,
        inputs: str | None = None,
    ) -> None:
        self.identity = identity
        self._html = html
        self._labels = labels
        self._inputs = inputs

    @cached_property
    def html(self) -> str:
        return self._html() if callable(self._html) else self._html

    @cached_property
    def labels(self) -> dict[str, FieldLabel]:
        labels = self._labels() if callable(self._labels) else self._labels
        return labels or {}

    @property
    def name(self) -> str:
        """The PDF's file name."""
        return self.identity.file_name

    @cached_property
    def key(self) -> str:
        """Everything that shapes the PDF: its inputs and the plugin's code (templates, CSS,
        strings), or else its HTML and labels; and the versions of this plugin and of
        WeasyPrint."""
        digest = hashlib.sha256()
        if self._inputs is not None:
            parts = ("inputs", self._inputs, code_fingerprint())
        else:
            parts = ("html", self.html, json.dumps(self.labels, sort_keys=True))
        for part in (*parts, __version__, _weasyprint_version()):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()


@dataclass(frozen=True)
class _Part:
    """A valid block of a page, as its PDFs and its language's booklet use it: known by
    its id, version and digest; its model read only when a PDF is laid out."""

    kind: str
    block: SourceBlock
    page_title: str

    def identity(self, lang: str) -> BlockPdf:
        assert self.block.block_id is not None and self.block.version is not None
        return BlockPdf(self.kind, self.block.block_id, self.block.version, lang)

    @property
    def shape(self) -> list[str | None]:
        # The digest covers the whole model, its own title too: with the page's title
        # it determines the entry (a block without a title takes its page's).
        return [self.block.digest, self.page_title]

    def entry(self) -> Entry:
        model = self.block.model
        assert model is not None
        return Entry(model, model.title or self.page_title)


def _parts(page: SourcePage) -> list[_Part]:
    return [
        _Part(kind, block, page.title)
        for kind in ("checklist", "worksheet")
        if (block := page.blocks.get(kind)) is not None
        and block.block_id is not None
        and block.digest is not None
    ]


def site_jobs(
    site: Site,
    order: Sequence[str],
    *,
    dates: Mapping[str, str],
    site_name: str | Mapping[str, str],
    languages: Iterable[str],
) -> list[PdfJob]:
    """Every block's PDF in every language, and one booklet per language.

    ``order`` lists pages (paths within a language) in the site's navigation
    order; a page missing in a language is replaced by the default language's.
    ``dates``: the date each page last changed, by its path (``dates.last_changed``),
    printed in its PDFs, and the latest of them in a booklet: not the build date, so
    that a PDF changes only when its page does. ``site_name`` is one name, or a name
    per language. No block's model is read unless its PDF must be laid out.
    """
    today = build_date()
    names = site_name if isinstance(site_name, Mapping) else {}
    default = site.default_language

    def name_in(lang: str) -> str:
        if isinstance(site_name, str):
            return site_name
        return names.get(lang) or names.get(default) or ""

    jobs: dict[PdfIdentity, PdfJob] = {}
    rels = [rel for rel in order if site.page(default, rel)]
    rels += sorted(rel for (lang, rel) in site.pages if lang == default and rel not in rels)
    for lang in languages:
        booklet: list[_Part] = []
        changed = ""
        for rel in rels:
            page = site.page(lang, rel) or site.page(default, rel)
            if page is None:
                continue
            date = dates.get(page.path, today)
            for part in _parts(page):
                booklet.append(part)
                changed = max(changed, date)
                identity = part.identity(page.lang)
                if identity not in jobs:
                    jobs[identity] = _job(identity, [part], page.lang, date, name_in(page.lang))
        if booklet:
            jobs[BookletPdf(lang)] = _job(BookletPdf(lang), booklet, lang, changed, name_in(lang))
    return list(jobs.values())


def _job(identity: PdfIdentity, parts: list[_Part], lang: str, date: str, site_name: str) -> PdfJob:
    """A block's PDF or a booklet: its HTML is made when it is rendered."""
    booklet = isinstance(identity, BookletPdf)
    shape = [part.shape for part in parts]
    inputs = json.dumps([str(identity.file_name), booklet, lang, date, site_name, shape])

    def entries() -> list[Entry]:
        return [part.entry() for part in parts]

    return PdfJob(
        identity,
        lambda: print_html(entries(), lang, date=date, site_name=site_name, booklet=booklet),
        lambda: field_labels(entries(), lang),
        inputs=inputs,
    )


def block_jobs(jobs: Iterable[PdfJob]) -> list[BlockPdf]:
    """The blocks among the jobs (booklets left out)."""
    return [job.identity for job in jobs if isinstance(job.identity, BlockPdf)]
