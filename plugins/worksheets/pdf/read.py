"""A filled PDF back into answers files (SPEC section 5): one per block it holds."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..formats.answers import MAX_TEXT, NA, Answer, AnswersFile
from ..formats.documents import BlockPdf, blocks_in_keywords
from ..formats.fields import FieldName


class PdfReadError(Exception):
    """A PDF cannot be read back; the message says why, in one line, and what to do."""


# A form this site writes is a few hundred KB; a booklet a few MB.
MAX_PDF_BYTES = 64 * 1024 * 1024


def _reader(path: Path) -> Any:
    from pypdf import PdfReader

    if not path.is_file():
        raise PdfReadError("no such file" if not path.exists() else "is not a file")
    size = path.stat().st_size
    if size == 0:
        raise PdfReadError("is empty")
    if size > MAX_PDF_BYTES:
        raise PdfReadError(f"is larger than {MAX_PDF_BYTES // 2**20} MiB")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise PdfReadError("is encrypted; save an unprotected copy from your PDF reader")
        return reader
    except PdfReadError:
        raise
    except Exception as error:  # pypdf raises many kinds for a damaged file
        raise PdfReadError(f"is not a readable PDF ({type(error).__name__})") from None


def _form_fields(reader: Any) -> dict[FieldName, Any]:
    try:
        raw = reader.get_fields() or {}
    except Exception as error:  # a damaged form tree
        raise PdfReadError(f"has a damaged form ({type(error).__name__})") from None
    fields: dict[FieldName, Any] = {}
    for name, field in raw.items():
        parsed = FieldName.parse(str(name))
        if parsed is not None and isinstance(field, dict):
            fields[parsed] = field
    return fields


def read_answers(path: Path) -> list[AnswersFile]:
    """The assessments in a filled-in PDF exported by this site.

    Raises ``PdfReadError`` for a file that is missing, empty, damaged, encrypted,
    not from this site, or flattened (printed to PDF, so its fields are gone).
    """
    reader = _reader(path)
    try:
        metadata = reader.metadata
        keywords = str(metadata.get("/Keywords", "")) if metadata else ""
    except Exception as error:  # damaged metadata
        raise PdfReadError(f"has damaged metadata ({type(error).__name__})") from None
    blocks = blocks_in_keywords(keywords)
    if not blocks:
        raise PdfReadError(
            "is not a PDF of this site (its keywords name no checklist or worksheet)"
        )
    fields = _form_fields(reader)
    if not any(name.block_id == block.block_id for name in fields for block in blocks):
        raise PdfReadError(
            "has no form fields: it was flattened or printed to PDF, so the answers cannot be "
            "read; export the form again from your PDF reader with its fields"
        )
    return [_assessment(block, fields) for block in blocks]


def _assessment(block: BlockPdf, fields: dict[FieldName, Any]) -> AnswersFile:
    answers: dict[str, Answer] = {}
    notes: dict[str, str] = {}
    header: dict[str, str] = {}
    for name, field in fields.items():
        if name.block_id != block.block_id:
            continue
        value = field.get("/V")
        if name.item_id is None:
            if value:
                header[name.part] = str(value)[:MAX_TEXT]
        elif name.part == "note":
            if value:
                notes[name.item_id] = str(value)[:MAX_TEXT]
        elif name.part == "na":
            if value == "/on":
                answers[name.item_id] = NA
        else:
            answer = _field_answer(field, value)
            if answer is not None:
                answers.setdefault(name.item_id, answer)
    try:
        return AnswersFile(
            kind="checklist" if block.kind == "checklist" else "worksheet",
            id=block.block_id,
            version=block.version,
            lang=block.lang,
            label=header.get("label", ""),
            assessor=header.get("assessor"),
            date=_iso_date(header.get("date")),
            updated=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            answers=answers,
            notes=notes,
        )
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]
        where = ".".join(map(str, problem["loc"]))
        raise PdfReadError(
            f"holds answers this site cannot use ({where}: {problem['msg']})"
        ) from None


def _iso_date(text: str | None) -> str | None:
    """The date field as YYYY-MM-DD when it is one; any other writing is left out."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip()[:10]).isoformat()
    except ValueError:
        return None


def _field_answer(field: dict[str, object], value: object) -> Answer | None:
    """A checkbox's true, or a radio group's value; None for anything else (a value out
    of range or not a number is no answer, as on the page)."""
    if value in (None, "/Off", ""):
        return None
    options = field.get("/Opt")
    if isinstance(options, list):  # a radio group: /V is the chosen button's index
        index = str(value).lstrip("/")
        if not index.isdigit() or int(index) >= len(options):
            return None
        chosen = str(options[int(index)])
        if chosen == NA:
            return NA
        try:
            number = int(chosen)
        except ValueError:
            return None
        return number if abs(number) <= 1_000_000 else None
    return True if value == "/on" else None
