"""The data the page's script reads: one JSON object per block, in a
``<script type="application/json" class="worksheets-data">`` beside the form, and
the strings it shows, once per page, in a ``<script type="application/json"
class="worksheets-strings" data-worksheets-lang="<lang>">`` before the content.

The script (``assets/*.js``) is typed against this shape (``assets/types.js``);
``tests/js`` runs it on data made by this module, never on a copy.
"""

from __future__ import annotations

from typing import TypedDict

from ..markup import plain_text
from ..model import (
    Checklist,
    ChecklistSection,
    Criterion,
    Item,
    Scale,
    Worksheet,
    WorksheetSection,
)
from ..strings import Strings
from .answers import ANSWERS_FORMAT, BUNDLE_FORMAT, LIMITS, NA
from .documents import BlockPdf
from .fields import FieldName

# The strings that the script uses (a test keeps this list complete).
CLIENT_STRINGS = (
    "answer_no", "answer_yes", "band", "band_pending", "changed_elsewhere", "compare_actions",
    "compare_caption", "compare_completion", "compare_open", "compare_page", "complete",
    "completion", "critical", "csv_answer", "csv_item", "csv_note", "csv_score", "csv_section",
    "delete_assessment", "deleted", "duplicate_assessment", "duplicated", "failed_critical",
    "failed_section", "import_bundle", "import_done", "import_dropped", "import_duplicates",
    "import_limit", "import_not_answers", "import_not_json", "import_other_blocks",
    "import_pdf_damaged", "import_pdf_flat", "import_pdf_other", "import_pdf_unavailable",
    "import_renamed", "import_wrong_block", "kept_unreadable", "kept_version", "kind_checklist",
    "kind_worksheet", "label_field", "limit_bundle", "limit_date", "limit_entries", "limit_file",
    "limit_label", "limit_note", "list_separator", "not_applicable", "now_open", "open_assessment",
    "open_required", "pdf_assessor", "pdf_date", "percent", "progress", "progress_count",
    "progress_none", "provisional", "rename_assessment", "rename_label", "renamed", "report_best",
    "report_beyond", "report_failed", "report_overall", "report_result", "report_spread",
    "reset_confirm", "restored", "score", "score_none", "share_add", "share_copied",
    "share_damaged", "share_dismiss", "share_manual", "share_offer", "share_source",
    "share_wrong_block", "storage_export", "storage_failed", "storage_import_failed",
    "storage_saved_again", "storage_unavailable", "storage_unchanged", "storage_unreadable",
    "undo", "unnamed", "version_changed",
)  # fmt: skip


class EntryFields(TypedDict):
    """The form fields of one item or criterion (``na`` only for a checklist's N/A box)."""

    answer: str
    na: str | None
    note: str


class ClientEntry(TypedDict):
    id: str
    text: str
    weight: float
    required: bool
    critical: bool
    below: int | None
    fails: str | None
    fields: EntryFields


class ScalePointData(TypedDict):
    value: int
    label: str


class ClientSection(TypedDict):
    id: str
    title: str
    weight: float | None
    # The scale its criteria are answered on (a worksheet's section); None in a checklist.
    scale: list[ScalePointData] | None
    entries: list[ClientEntry]


class BandData(TypedDict):
    min: float
    label: str


class HeaderFields(TypedDict):
    """The names of the fields above the form: the assessment's label, assessor and date."""

    label: str
    assessor: str
    date: str


class LimitsData(TypedDict):
    """The limits of reader data (``formats.answers.Limits``), for the page to apply."""

    label: int
    note: int
    entries: int
    fileBytes: int
    bundleAssessments: int
    bundleBytes: int


class Formats(TypedDict):
    answers: str
    bundle: str
    na: str
    limits: LimitsData


class PdfData(TypedDict):
    """How the script finds its block in an offline PDF's keywords (formats/documents.py)."""

    keywordPrefix: str


class ClientData(TypedDict, total=False):
    """One block for the script. ``scale`` and ``bands`` only for a worksheet."""

    kind: str
    id: str
    version: int
    lang: str
    title: str
    allowNa: bool
    headerFields: HeaderFields
    formats: Formats
    pdf: PdfData
    sections: list[ClientSection]
    scale: list[ScalePointData]
    bands: list[BandData]


def _entry(model: Checklist | Worksheet, entry: Item | Criterion) -> ClientEntry:
    has_na_box = isinstance(model, Checklist) and model.allow_na
    return {
        "id": entry.id,
        "text": plain_text(entry.text),
        "weight": entry.weight,
        "required": isinstance(entry, Item) and entry.required,
        "critical": isinstance(entry, Criterion) and entry.rule is not None,
        # How a critical criterion fails (SPEC section 3): below which value (None: the
        # lowest value fails), and what it fails ("all" or "section").
        "below": entry.rule.below if isinstance(entry, Criterion) and entry.rule else None,
        "fails": entry.rule.fails if isinstance(entry, Criterion) and entry.rule else None,
        "fields": {
            "answer": str(FieldName(model.id, entry.id)),
            "na": str(FieldName(model.id, entry.id, "na")) if has_na_box else None,
            "note": str(FieldName(model.id, entry.id, "note")),
        },
    }


def _scale(scale: Scale) -> list[ScalePointData]:
    return [{"value": point.value, "label": plain_text(point.label)} for point in scale]


def client_data(model: Checklist | Worksheet, lang: str, title: str) -> ClientData:
    """What the page's script needs to score, save and export: structure, plain texts,
    field names and the formats it writes (the strings it shows: ``client_strings``)."""
    sections: list[ClientSection] = []
    for section in model.sections:
        entries = section.items if isinstance(section, ChecklistSection) else section.criteria
        sections.append(
            {
                "id": section.id,
                "title": plain_text(section.title),
                "weight": getattr(section, "weight", None),
                "scale": (
                    _scale(model.scale_of(section))
                    if isinstance(model, Worksheet) and isinstance(section, WorksheetSection)
                    else None
                ),
                "entries": [_entry(model, entry) for entry in entries],
            }
        )
    data: ClientData = {
        "kind": model.kind,
        "id": model.id,
        "version": model.version,
        "lang": lang,
        "title": plain_text(title),
        "allowNa": model.allow_na,
        "headerFields": {
            "label": str(FieldName(model.id, None, "label")),
            "assessor": str(FieldName(model.id, None, "assessor")),
            "date": str(FieldName(model.id, None, "date")),
        },
        "formats": {
            "answers": ANSWERS_FORMAT,
            "bundle": BUNDLE_FORMAT,
            "na": NA,
            "limits": {
                "label": LIMITS.label,
                "note": LIMITS.note,
                "entries": LIMITS.entries,
                "fileBytes": LIMITS.file_bytes,
                "bundleAssessments": LIMITS.bundle_assessments,
                "bundleBytes": LIMITS.bundle_bytes,
            },
        },
        "pdf": {"keywordPrefix": BlockPdf.keyword_prefix(model.kind, model.id)},
        "sections": sections,
    }
    if isinstance(model, Worksheet):
        data["scale"] = _scale(model.scale or [])
        data["bands"] = [{"min": band.min, "label": plain_text(band.label)} for band in model.bands]
    return data


def client_strings(lang: str) -> dict[str, str]:
    """The strings the script shows, in ``lang``: one copy per page, shared by its blocks
    (the script adds them to each block's data as ``strings``)."""
    strings = Strings(lang)
    return {key: strings[key] for key in CLIENT_STRINGS}
