"""The printable HTML behind a PDF: one block, or a booklet of all blocks of a language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .. import __version__
from ..formats.answers import NA
from ..formats.documents import BlockPdf
from ..formats.fields import FieldName, field_name
from ..markup import plain_text
from ..model import Checklist, Worksheet
from ..render import environment, how_scored
from ..strings import Strings
from .finish import FieldLabel


@cache
def _stylesheet() -> str:
    return resources.files("worksheets").joinpath("templates/print.css").read_text("utf-8")


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

    def identity(self, lang: str) -> BlockPdf:
        return BlockPdf(self.block.kind, self.block.id, self.block.version, lang)


def _entry_labels(block: Checklist | Worksheet, strings: Strings) -> dict[str, FieldLabel]:
    labels: dict[str, FieldLabel] = {}
    na = strings["not_applicable"]
    scales = block.scale_by_criterion() if isinstance(block, Worksheet) else {}
    for entry in block.entries():
        text = plain_text(entry.text)
        options = {str(p.value): plain_text(p.label) for p in scales.get(entry.id, [])}
        if isinstance(block, Worksheet) and block.allow_na:
            options[NA] = na
        labels[str(FieldName(block.id, entry.id))] = {"name": text, "options": options}
        labels[str(FieldName(block.id, entry.id, "na"))] = {"name": f"{na}: {text}", "options": {}}
        note = f"{strings['note']}: {text}"
        labels[str(FieldName(block.id, entry.id, "note"))] = {"name": note, "options": {}}
    return labels


def field_labels(entries: Sequence[Entry], lang: str) -> dict[str, FieldLabel]:
    """Every form field's accessible name in full, by field name (pdf/finish.py sets them)."""
    strings = Strings(lang)
    labels: dict[str, FieldLabel] = {}
    for entry in entries:
        labels.update(_entry_labels(entry.block, strings))
        worksheet = isinstance(entry.block, Worksheet)
        headers = {
            "label": "pdf_vendor",
            "assessor": "pdf_assessor",
            "date": "pdf_date",
            "score": "pdf_score" if worksheet else "pdf_progress",
            "band": "pdf_band" if worksheet else "pdf_open_items",
            "signed-by": "pdf_signed_by",
            "signed-on": "pdf_signed_on",
        }
        for part, key in headers.items():
            name = f"{strings[key]} ({plain_text(entry.title)})"
            labels[field_name(entry.block.id, part=part)] = {"name": name, "options": {}}
    return labels


def print_html(
    entries: Sequence[Entry], lang: str, *, date: str, site_name: str, booklet: bool = False
) -> str:
    """The HTML that WeasyPrint turns into a PDF."""
    strings = Strings(lang)
    title = f"{strings['pdf_booklet_title']} – {site_name}" if booklet else entries[0].title
    template = environment().get_template("print.html")
    return template.render(
        entries=[
            {
                "block": entry.block,
                "title": entry.title,
                "anchor": entry.anchor,
                "how_scored": (
                    how_scored(entry.block, strings) if isinstance(entry.block, Worksheet) else ""
                ),
            }
            for entry in entries
        ],
        lang=lang,
        s=strings,
        date=date,
        site_name=site_name,
        booklet=booklet,
        keywords=[entry.identity(lang).keyword for entry in entries],
        document_title=title,
        version=__version__,
        css=_stylesheet(),
        page_counter=page_counter(strings),
    )
