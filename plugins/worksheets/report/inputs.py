"""The assessments in the files given to ``report``, and what did not fit."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..formats.answers import LIMITS, AnswersError, AnswersFile, Fitted, fit, parse_assessments
from ..model import Checklist, Worksheet
from ..scan import Site

# A file larger than a bundle may be is read no further.
MAX_FILE_BYTES = LIMITS.bundle_bytes


class InputError(Exception):
    """A file cannot be read at all; the message names it, in one line."""


@dataclass(frozen=True)
class Assessment:
    """One assessment, fitted to the block it is for."""

    source: str
    document: AnswersFile
    model: Checklist | Worksheet
    fitted: Fitted

    @property
    def day(self) -> str:
        """The date of the assessment: its ``date``, else the day it was last saved."""
        return self.document.date or (self.document.updated or "")[:10]


@dataclass
class Inputs:
    """What the files hold, by block id, and a note for everything set aside."""

    assessments: dict[str, list[Assessment]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _documents(path: Path) -> list[AnswersFile]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MiB")
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        from ..pdf.read import PdfReadError, read_answers

        try:
            return read_answers(path)
        except PdfReadError as error:
            raise InputError(f"{path}: {error}") from None
    try:
        return parse_assessments(data)
    except AnswersError as error:
        raise InputError(f"{path}: {error}") from None


def blocks_in(site: Site, lang: str) -> dict[str, Checklist | Worksheet]:
    """Every block of the site by id, in ``lang`` where the page is translated."""
    found: dict[str, Checklist | Worksheet] = {}
    for wanted in (site.default_language, lang):
        for (page_lang, _rel), page in site.pages.items():
            if page_lang != wanted:
                continue
            for block in page.blocks.values():
                if block.model is not None:
                    found[block.model.id] = block.model
    return found


def read_inputs(paths: list[Path], site: Site, lang: str) -> Inputs:
    """Every assessment in ``paths`` that a block of ``site`` can take; texts in ``lang``."""
    inputs = Inputs()
    blocks = blocks_in(site, lang)
    for path in paths:
        for document in _documents(path):
            model = blocks.get(document.id)
            if model is None or model.kind != document.kind:
                inputs.notes.append(
                    f"{path}: no {document.kind} '{document.id}' in the docs; left out"
                )
                continue
            fitted = fit(document, model)
            if document.version != model.version:
                inputs.notes.append(
                    f"{path}: '{document.label}' answers version {document.version} of "
                    f"'{document.id}', the docs have version {model.version}"
                )
            if fitted.dropped:
                inputs.notes.append(
                    f"{path}: '{document.label}': left out what '{document.id}' no longer has: "
                    + ", ".join(fitted.dropped)
                )
            inputs.assessments.setdefault(document.id, []).append(
                Assessment(str(path), document, model, fitted)
            )
    return inputs
