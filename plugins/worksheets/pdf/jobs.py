"""Which PDFs a site has: every block in every language, and a booklet per language."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache

from .. import __version__
from ..formats.documents import BlockPdf, BookletPdf, PdfIdentity
from ..scan import Site
from ..source import SourcePage
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


@dataclass(frozen=True)
class PdfJob:
    """One PDF to produce: what it is, and its HTML."""

    identity: PdfIdentity
    html: str
    # The accessible name of every form field (and of each radio option), by field name.
    labels: dict[str, FieldLabel] = field(default_factory=dict, compare=False)

    @property
    def name(self) -> str:
        """The PDF's file name."""
        return self.identity.file_name

    @property
    def key(self) -> str:
        """Everything that shapes the PDF: the HTML (block, strings, template, CSS, the date
        its page last changed)
        and the versions of this plugin and of WeasyPrint."""
        digest = hashlib.sha256()
        labels = json.dumps(self.labels, sort_keys=True)
        for part in (self.html, labels, __version__, _weasyprint_version()):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()


def _entries(page: SourcePage) -> list[Entry]:
    return [
        Entry(model, model.title or page.title)
        for kind in ("checklist", "worksheet")
        if (model := page.model(kind)) is not None
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
    per language.
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
        booklet: list[Entry] = []
        changed = ""
        for rel in rels:
            page = site.page(lang, rel) or site.page(default, rel)
            if page is None:
                continue
            date = dates.get(page.path, today)
            for entry in _entries(page):
                booklet.append(entry)
                changed = max(changed, date)
                identity = entry.identity(page.lang)
                if identity not in jobs:
                    html = print_html([entry], page.lang, date=date, site_name=name_in(page.lang))
                    jobs[identity] = PdfJob(identity, html, field_labels([entry], page.lang))
        if booklet:
            html = print_html(booklet, lang, date=changed, site_name=name_in(lang), booklet=True)
            jobs[BookletPdf(lang)] = PdfJob(BookletPdf(lang), html, field_labels(booklet, lang))
    return list(jobs.values())


def block_jobs(jobs: Iterable[PdfJob]) -> list[BlockPdf]:
    """The blocks among the jobs (booklets left out)."""
    return [job.identity for job in jobs if isinstance(job.identity, BlockPdf)]
