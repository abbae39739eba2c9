"""Blocks -> fillable PDFs (SPEC section 6): print HTML, a cache by content hash, parallel renders.

WeasyPrint is imported only in the processes that render, so that a site
without PDFs never loads it, and because its thread safety is not promised.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from multiprocessing import get_context
from pathlib import Path

from . import __version__
from .model import Checklist, Worksheet
from .render import environment, how_scored
from .scan import Site
from .strings import Strings


def pdf_name(block_id: str, lang: str) -> str:
    """The file name of one block's PDF in one language."""
    return f"{block_id}-{lang}.pdf"


def booklet_name(lang: str) -> str:
    """The file name of a language's booklet."""
    return f"booklet-{lang}.pdf"


def build_date() -> str:
    """Today (UTC), or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.date().isoformat()


@cache
def _stylesheet() -> str:
    return resources.files(__package__).joinpath("templates/print.css").read_text("utf-8")


def _css_string(text: str) -> str:
    """A CSS string literal; every character that could end it or the <style> is escaped."""
    escaped = "".join(
        character if character.isalnum() or character in " .,:;·-–()" else f"\\{ord(character):x} "
        for character in text
    )
    return f'"{escaped}"'


def page_counter(strings: Strings) -> str:
    """The CSS ``content`` value for "Page 2 of 5" in the language's wording."""
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", strings["pdf_page"]):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(_css_string(piece))
    return " ".join(parts)


@dataclass(frozen=True)
class Entry:
    """One block in a printable document."""

    block: Checklist | Worksheet
    title: str

    @property
    def anchor(self) -> str:
        return f"{self.block.kind}-{self.block.id}"

    def how_scored(self, strings: Strings) -> str:
        return how_scored(self.block, strings) if isinstance(self.block, Worksheet) else ""


def print_html(
    entries: Sequence[Entry], lang: str, *, date: str, site_name: str, booklet: bool = False
) -> str:
    """The HTML that WeasyPrint turns into a PDF."""
    strings = Strings(lang)
    keywords = [
        f"worksheets:{entry.block.kind}:{entry.block.id}:{entry.block.version}:{lang}"
        for entry in entries
    ]
    title = f"{strings['pdf_booklet_title']} – {site_name}" if booklet else entries[0].title
    template = environment().get_template("print.html")
    return template.render(
        entries=[
            {
                "block": entry.block,
                "title": entry.title,
                "anchor": entry.anchor,
                "how_scored": entry.how_scored(strings),
            }
            for entry in entries
        ],
        lang=lang,
        s=strings,
        date=date,
        site_name=site_name,
        booklet=booklet,
        keywords=keywords,
        document_title=title,
        version=__version__,
        css=_stylesheet(),
        page_counter=page_counter(strings),
    )


@dataclass(frozen=True)
class PdfJob:
    """One PDF to produce: its file name, what it is (for messages), and its HTML."""

    name: str
    description: str
    html: str

    @property
    def key(self) -> str:
        """Everything that shapes the PDF: the HTML (block, strings, template, CSS, date)
        and the versions of this plugin and of WeasyPrint."""
        digest = hashlib.sha256()
        for part in (self.html, __version__, _weasyprint_version()):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()


@cache
def _weasyprint_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("weasyprint")
    except PackageNotFoundError:
        return "missing"


def site_jobs(
    site: Site,
    order: Sequence[str],
    *,
    date: str,
    site_name: str | Mapping[str, str],
    languages: Iterable[str],
) -> list[PdfJob]:
    """Every block's PDF in every language, and one booklet per language.

    ``order`` lists pages (paths within a language) in the site's navigation
    order; a page missing in a language is replaced by the default language's.
    ``site_name`` is one name, or a name per language.
    """
    names = site_name if isinstance(site_name, Mapping) else {}
    default_name = site_name if isinstance(site_name, str) else ""

    def name_in(lang: str) -> str:
        return names.get(lang) or names.get(site.default_language) or default_name

    jobs: dict[str, PdfJob] = {}
    default = site.default_language
    rels = [rel for rel in order if site.page(default, rel)]
    rels += sorted(rel for (lang, rel) in site.pages if lang == default and rel not in rels)
    for lang in languages:
        booklet: list[Entry] = []
        for rel in rels:
            page = site.page(lang, rel) or site.page(default, rel)
            if page is None:
                continue
            for kind in ("checklist", "worksheet"):
                model = page.model(kind)
                if model is None:
                    continue
                entry = Entry(model, model.title or page.title)
                booklet.append(entry)
                name = pdf_name(model.id, page.lang)
                if name not in jobs:
                    jobs[name] = PdfJob(
                        name,
                        f"{kind} '{model.id}' ({page.lang})",
                        print_html([entry], page.lang, date=date, site_name=name_in(page.lang)),
                    )
        if booklet:
            jobs[booklet_name(lang)] = PdfJob(
                booklet_name(lang),
                f"booklet ({lang})",
                print_html(booklet, lang, date=date, site_name=name_in(lang), booklet=True),
            )
    return list(jobs.values())


class PdfError(Exception):
    """A PDF could not be rendered; the message names the block and language."""


def _render(html: str, target: str) -> str | None:
    """Render one PDF to ``target`` (atomically). Runs in a worker process.

    Returns an error message instead of raising: exceptions from WeasyPrint
    do not always survive the trip back between processes.
    """
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        return (
            f"WeasyPrint cannot be loaded ({error}); install it with the project "
            "('make site') and the system's Pango (Debian: libpango-1.0-0 libpangoft2-1.0-0)"
        )
    folder = os.path.dirname(target)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(suffix=".part", dir=folder)
        os.close(handle)
        # Tagged PDF: screen readers get the structure and the document's language.
        HTML(string=html, base_url=folder).write_pdf(temporary, pdf_forms=True, pdf_tags=True)
        _tidy_radio_groups(temporary)
        os.replace(temporary, target)
    except Exception as error:  # any failure is reported with the block's name, not raised
        return f"{type(error).__name__}: {error}"
    finally:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
    return None


def _tidy_radio_groups(path: str) -> None:
    """Make each radio button a widget of its group, not a field of its own.

    WeasyPrint gives every radio button the group's name (/T) and lists it among
    the form's top-level fields, so readers see one field per button
    ("name.name") and may not keep the buttons of a criterion exclusive.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(path))
    form = writer.root_object.get("/AcroForm")
    if form is None:
        return
    form = form.get_object()
    fields = ArrayObject()
    for reference in form["/Fields"]:
        field = reference.get_object()
        if "/Parent" in field:
            for key in ("/T", "/TU"):
                if key in field:
                    del field[NameObject(key)]
        else:
            fields.append(reference)
    form[NameObject("/Fields")] = fields
    with open(path, "wb") as stream:
        writer.write(stream)


@dataclass(frozen=True)
class RenderStats:
    rendered: int
    cached: int


class PdfRenderer:
    """Renders PDF jobs through a cache folder, in parallel processes.

    Create one per command and ``close()`` it at the end: the worker
    processes are kept between the builds of a ``mkdocs serve`` session.
    """

    def __init__(self, cache_dir: Path, workers: int | None = None) -> None:
        self.cache_dir = cache_dir
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # "spawn": forking a process that runs a server's threads is unsafe.
            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"))
        return self._pool

    def render(self, jobs: Sequence[PdfJob], out_dir: Path) -> RenderStats:
        """Put every job's PDF into ``out_dir``, rendering only those not in the cache."""
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        out_dir.mkdir(parents=True, exist_ok=True)
        missing = [job for job in jobs if not self._cached(job).exists()]
        failures: list[str] = []
        if len(missing) == 1 or self.workers == 1:
            # A pool's start-up costs more than one render.
            errors = [_render(job.html, str(self._cached(job))) for job in missing]
        else:
            pool = self._executor()
            futures = [pool.submit(_render, job.html, str(self._cached(job))) for job in missing]
            try:
                errors = [future.result() for future in futures]
            except BrokenProcessPool as broken:
                self._pool = None
                raise PdfError(f"a PDF worker process stopped: {broken}") from broken
        for job, message in zip(missing, errors, strict=True):
            if message:
                failures.append(f"{job.description}: {message}")
        if failures:
            raise PdfError("PDF rendering failed for " + "; ".join(failures))
        for job in jobs:
            _copy_atomically(self._cached(job), out_dir / job.name)
        return RenderStats(rendered=len(missing), cached=len(jobs) - len(missing))

    def _cached(self, job: PdfJob) -> Path:
        return self.cache_dir / f"{job.key}.pdf"

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _copy_atomically(source: Path, target: Path) -> None:
    temporary = target.with_name(f".{target.name}.part")
    shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def read_answers(path: Path) -> list[dict[str, object]]:
    """The answers files (SPEC section 5) of a filled-in PDF: one per block it holds."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    keywords = str(reader.metadata.get("/Keywords", "")) if reader.metadata else ""
    fields = reader.get_fields() or {}
    documents = []
    for keyword in re.split(r"[,\s]+", keywords):
        parts = keyword.split(":")
        if len(parts) != 5 or parts[0] != "worksheets":
            continue
        _, kind, block_id, version, lang = parts
        answers: dict[str, object] = {}
        notes: dict[str, str] = {}
        label = ""
        prefix = f"{block_id}:"
        for name, field in fields.items():
            if not name.startswith(prefix):
                continue
            rest = name[len(prefix) :]
            value = field.get("/V")
            if rest == "@label":
                label = str(value or "")
            elif rest.endswith(":note"):
                if value:
                    notes[rest.removesuffix(":note")] = str(value)
            elif rest.endswith(":na"):
                if value == "/on":
                    answers[rest.removesuffix(":na")] = "na"
            elif ":" not in rest and not rest.startswith("@"):
                answer = _field_answer(field, value)
                if answer is not None:
                    answers.setdefault(rest, answer)
        documents.append(
            {
                "format": "worksheets/answers@1",
                "kind": kind,
                "id": block_id,
                "version": int(version),
                "lang": lang,
                "label": label,
                "updated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "answers": answers,
                "notes": notes,
            }
        )
    return documents


def _field_answer(field: dict[str, object], value: object) -> object:
    if value in (None, "/Off", ""):
        return None
    options = field.get("/Opt")
    if isinstance(options, list):  # a radio group: /V is the chosen button's index
        chosen = str(options[int(str(value).lstrip("/"))])
        return chosen if chosen == "na" else int(chosen)
    return True if value == "/on" else None
