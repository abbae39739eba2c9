"""A filled PDF back into answers files (SPEC section 5): one per block it holds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..formats.answers import NA, Answer, AnswersFile
from ..formats.documents import BlockPdf, blocks_in_keywords
from ..formats.fields import FieldName


def read_answers(path: Path) -> list[AnswersFile]:
    """The assessments in a filled-in PDF exported by this site."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    keywords = str(reader.metadata.get("/Keywords", "")) if reader.metadata else ""
    fields: dict[FieldName, Any] = {}
    for name, field in (reader.get_fields() or {}).items():
        parsed = FieldName.parse(name)
        if parsed is not None:
            fields[parsed] = field
    return [_assessment(block, fields) for block in blocks_in_keywords(keywords)]


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
                header[name.part] = str(value)
        elif name.part == "note":
            if value:
                notes[name.item_id] = str(value)
        elif name.part == "na":
            if value == "/on":
                answers[name.item_id] = NA
        else:
            answer = _field_answer(field, value)
            if answer is not None:
                answers.setdefault(name.item_id, answer)
    return AnswersFile(
        kind="checklist" if block.kind == "checklist" else "worksheet",
        id=block.block_id,
        version=block.version,
        lang=block.lang,
        label=header.get("label", ""),
        updated=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        answers=answers,
        notes=notes,
    )


def _field_answer(field: dict[str, object], value: object) -> Answer | None:
    if value in (None, "/Off", ""):
        return None
    options = field.get("/Opt")
    if isinstance(options, list):  # a radio group: /V is the chosen button's index
        chosen = str(options[int(str(value).lstrip("/"))])
        return NA if chosen == NA else int(chosen)
    return True if value == "/on" else None
