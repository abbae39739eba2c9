"""A filled PDF back into answers files (SPEC section 5): one per block it holds.

How a field is read is one definition, the page's too (``assets/pdfimport.js`` reads
through pdf.js, which reads fields this way; ``tests/browser/test_pdf_import.py`` runs
both on the same files):

- a checkbox is checked when what a reader sees says so: its appearance state (``/AS``)
  when it has one, else its value (``/V``), and only when that is one of its own on
  states (as pdf.js decides which of them it draws);
- a radio group's answer is its value (``/V``) when that names one of its buttons, and
  the button's place is a plain decimal number (``/1``, not ``/٣``, ``/²`` or ``/01``)
  whose option is a plain integer (``2``, not ``" 2 "`` or ``"3_0"``) or ``na``;
- a text field's value counts only when it is text (a PDF array or dictionary there is
  no label).

A file is bounded before anything expensive: its size, the number of its object
streams and how far each stream may inflate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..formats.answers import ANSWERS_FORMAT, LIMITS, NA, Answer, AnswersFile
from ..formats.documents import BlockPdf, blocks_in_keywords
from ..formats.fields import FieldName


class PdfReadError(Exception):
    """A PDF cannot be read back; the message says why, in one line, and what to do."""


# A form this site writes is a few hundred KB; a booklet a few MB, with one object stream
# (two after an editor saves it) whose largest stream inflates to under 2 MB.
MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_OBJECT_STREAMS = 16
MAX_STREAM_BYTES = 16 * 1024 * 1024
MAX_FIELDS = 20_000
MAX_KEYWORDS = 256 * 1024
_INDEX = re.compile(r"0|[1-9][0-9]{0,6}")
_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,6})")
_RADIO = 1 << 15
_PUSHBUTTON = 1 << 16


def _reader(path: Path) -> Any:
    from pypdf import PdfReader

    if not path.is_file():
        raise PdfReadError("no such file" if not path.exists() else "is not a file")
    size = path.stat().st_size
    if size == 0:
        raise PdfReadError("is empty")
    if size > MAX_PDF_BYTES:
        raise PdfReadError(f"is larger than {MAX_PDF_BYTES // 2**20} MiB")
    with path.open("rb") as stream:
        streams = stream.read().count(b"/ObjStm")
    if streams > MAX_OBJECT_STREAMS:
        raise PdfReadError(
            f"has {streams} object streams; a PDF of this site has at most {MAX_OBJECT_STREAMS}"
        )
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise PdfReadError("is encrypted; save an unprotected copy from your PDF reader")
        return reader
    except PdfReadError:
        raise
    except Exception as error:  # pypdf raises many kinds for a damaged file
        raise PdfReadError(f"is not a readable PDF ({type(error).__name__})") from None


def _terminal_fields(reader: Any) -> Iterator[tuple[str, Any, list[Any]]]:
    """Every field that holds a value, its full name and its widgets, from the form's
    tree (a radio group's buttons are its kids without names of their own)."""
    root = reader.trailer["/Root"]
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    if form is None:
        return
    stack = [("", field, 0) for field in reversed(form.get("/Fields") or [])]
    count = 0
    while stack:
        prefix, reference, depth = stack.pop()
        count += 1
        if count > MAX_FIELDS or depth > 32:
            raise PdfReadError(f"has more than {MAX_FIELDS} form fields or nests them too deep")
        field = reference.get_object()
        if not hasattr(field, "get"):
            continue
        name = field.get("/T")
        full = prefix
        if isinstance(name, str):
            full = f"{prefix}.{name}" if prefix else str(name)
        kids = [kid.get_object() for kid in field.get("/Kids") or []]
        named = [kid for kid in kids if hasattr(kid, "get") and kid.get("/T") is not None]
        if named:
            stack.extend((full, kid, depth + 1) for kid in reversed(named))
            continue
        widgets = [kid for kid in kids if hasattr(kid, "get")] or [field]
        yield full, field, widgets


def _inherited(field: Any, key: str) -> Any:
    for _ in range(32):
        if field is None or not hasattr(field, "get"):
            return None
        if key in field:
            return field.get(key)
        parent = field.get("/Parent")
        field = parent.get_object() if parent is not None else None
    return None


def _normal_states(widget: Any) -> list[str] | None:
    """The names of a widget's normal appearances (``/AP /N``), without their slashes;
    None when it has no such dictionary."""
    from pypdf.generic import DictionaryObject

    appearances = widget.get("/AP")
    normal = appearances.get("/N") if isinstance(appearances, DictionaryObject) else None
    if not isinstance(normal, DictionaryObject):
        return None
    return [str(key)[1:] for key in normal]


def _on_states(widget: Any) -> list[str]:
    return [state for state in _normal_states(widget) or [] if state != "Off"]


def _name(value: Any) -> str | None:
    """A name without its slash; text as it is (pdf.js decodes both alike)."""
    from pypdf.generic import NameObject

    if isinstance(value, NameObject):
        return str(value)[1:]
    return str(value) if isinstance(value, str) else None


def _checkbox(field: Any, widget: Any) -> bool:
    """As pdf.js reads it (``_processCheckBox``): the appearance state wins over the value,
    and only one of the widget's own on states is checked."""
    value = _name(_inherited(field, "/V"))
    keys = _normal_states(widget)
    if keys is None:
        return value not in (None, "Off")
    state = _name(widget.get("/AS"))
    if state is not None:
        value = state
    wanted = value if value not in (None, "Off") else "Yes"
    if wanted in keys or not [key for key in keys if key != "Off"]:
        on = wanted
    else:
        on = next(key for key in keys if key != "Off")
    return value == on


def _radio(field: Any, widgets: list[Any]) -> str | None:
    """The chosen option's text: the value, when it names one of the buttons, by a place
    written as a plain number (pdf.js takes a radio group's value only as a name)."""
    from pypdf.generic import NameObject

    raw = _inherited(field, "/V")
    value = str(raw)[1:] if isinstance(raw, NameObject) else None
    if value is None or not any(value in _on_states(widget) for widget in widgets):
        return None
    options = _inherited(field, "/Opt")
    if not isinstance(options, list) or not _INDEX.fullmatch(value) or int(value) >= len(options):
        return None
    chosen = options[int(value)]
    return chosen if isinstance(chosen, str) else None


def _text(field: Any) -> str | None:
    from pypdf.generic import NameObject

    value = _inherited(field, "/V")
    if isinstance(value, NameObject):
        return str(value)[1:]
    return str(value) if isinstance(value, str) else None


def _form_values(reader: Any) -> dict[FieldName, str | bool]:
    """Each of this site's fields that holds something, read as the definition above says:
    text, a checkbox's true, or a radio group's chosen option."""
    values: dict[FieldName, str | bool] = {}
    try:
        for full, field, widgets in _terminal_fields(reader):
            name = FieldName.parse(full)
            if name is None:
                continue
            kind = _inherited(field, "/FT")
            flags = _inherited(field, "/Ff")
            flags = flags if isinstance(flags, int) else 0
            value: str | bool | None
            if kind == "/Btn" and flags & _RADIO:
                value = _radio(field, widgets)
            elif kind == "/Btn" and not flags & _PUSHBUTTON:
                value = _checkbox(field, widgets[0]) or None
            else:
                value = _text(field)
            if value:
                values.setdefault(name, value)
    except PdfReadError:
        raise
    except Exception as error:  # a damaged form tree
        raise PdfReadError(f"has a damaged form ({type(error).__name__})") from None
    return values


def read_answers(path: Path) -> list[AnswersFile]:
    """The assessments in a filled-in PDF exported by this site.

    Raises ``PdfReadError`` for a file that is missing, empty, too large, damaged,
    encrypted, not from this site, or flattened (printed to PDF, so its fields are gone).
    """
    from pypdf import apply_configuration

    with apply_configuration(
        zlib_maximum_output_length=MAX_STREAM_BYTES,
        lzw_maximum_output_length=MAX_STREAM_BYTES,
        run_length_maximum_output_length=MAX_STREAM_BYTES,
        array_based_stream_maximum_output_length=MAX_STREAM_BYTES,
        brotli_maximum_output_length=MAX_STREAM_BYTES,
        stream_decoding_work_maximum_length=4 * MAX_STREAM_BYTES,
        form_fields_maximum_entries=MAX_FIELDS,
    ):
        return _read(path)


def _read(path: Path) -> list[AnswersFile]:
    reader = _reader(path)
    try:
        metadata = reader.metadata
        keywords = metadata.get("/Keywords", "") if metadata else ""
    except Exception as error:  # damaged metadata
        raise PdfReadError(f"has damaged metadata ({type(error).__name__})") from None
    keywords = keywords if isinstance(keywords, str) else ""
    if len(keywords) > MAX_KEYWORDS:
        raise PdfReadError(f"has keywords longer than {MAX_KEYWORDS // 1024} KiB")
    blocks = blocks_in_keywords(keywords)
    if not blocks:
        raise PdfReadError(
            "is not a PDF of this site (its keywords name no checklist or worksheet)"
        )
    values = _form_values(reader)
    filled = {name.block_id for name in values}
    has_fields = filled or _any_field(reader, blocks)
    if not has_fields:
        raise PdfReadError(
            "has no form fields: it was flattened or printed to PDF, so the answers cannot be "
            "read; export the form again from your PDF reader with its fields"
        )
    # One assessment per block named once, and only blocks whose fields are in the form.
    named = {block.block_id: block for block in blocks}
    fields_of = _field_blocks(reader)
    return [_assessment(block, values) for block in named.values() if block.block_id in fields_of]


def _field_blocks(reader: Any) -> set[str]:
    blocks = set()
    for full, _field, _widgets in _terminal_fields(reader):
        name = FieldName.parse(full)
        if name is not None:
            blocks.add(name.block_id)
    return blocks


def _any_field(reader: Any, blocks: list[BlockPdf]) -> bool:
    wanted = {block.block_id for block in blocks}
    return bool(_field_blocks(reader) & wanted)


def _assessment(block: BlockPdf, values: dict[FieldName, str | bool]) -> AnswersFile:
    answers: dict[str, Answer] = {}
    notes: dict[str, str] = {}
    header: dict[str, str] = {}
    for name, value in values.items():
        if name.block_id != block.block_id:
            continue
        if name.item_id is None:
            if isinstance(value, str):
                header[name.part] = value
        elif name.part == "note":
            if isinstance(value, str):
                notes[name.item_id] = value
        elif name.part == "na":
            if value is True:
                answers[name.item_id] = NA
        else:
            answer = _answer(value)
            if answer is not None:
                answers.setdefault(name.item_id, answer)
    try:
        return AnswersFile(
            format=ANSWERS_FORMAT,
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
            f"holds answers this site cannot use ({where}: {problem['msg']}; "
            f"a label or an assessor has at most {LIMITS.label} characters, "
            f"a note at most {LIMITS.note})"
        ) from None


def _iso_date(text: str | None) -> str | None:
    """The date field as YYYY-MM-DD when it is one (as the page reads it); any other
    writing is left out."""
    if text is None or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text.strip()):
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        return None


def _answer(value: str | bool) -> Answer | None:
    """A checkbox's true, or a radio group's option as an answer; None for anything
    else (an option that is not a plain integer is no answer, as on the page)."""
    if value is True:
        return True
    if value == NA:
        return NA
    if isinstance(value, str) and _INTEGER.fullmatch(value):
        return int(value)
    return None
