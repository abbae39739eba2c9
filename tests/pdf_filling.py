"""Filling a PDF's radio groups as a PDF viewer does, for the tests that read them back:
the group's value and each button's appearance state are names (pypdf's
``update_page_form_field_values`` writes a radio value as text, which no viewer does)."""

from __future__ import annotations

from typing import Any

from pypdf import PdfWriter
from pypdf.generic import NameObject


def _fields(writer: PdfWriter) -> dict[str, Any]:
    form: Any = writer.root_object["/AcroForm"].get_object()
    return {str(field.get_object()["/T"]): field.get_object() for field in form["/Fields"]}


def choose(writer: PdfWriter, name: str, button: str, *, appearance: str | None = None) -> None:
    """Sets radio group ``name`` to ``button`` (its place, as text: ``"1"``); the buttons'
    appearance states follow ``appearance`` (default: the same button)."""
    field = _fields(writer)[name]
    field[NameObject("/V")] = NameObject("/" + button)
    shown = button if appearance is None else appearance
    for kid in field["/Kids"]:
        widget = kid.get_object()
        states = [str(key)[1:] for key in widget["/AP"]["/N"] if key != "/Off"]
        widget[NameObject("/AS")] = NameObject("/" + shown if shown in states else "/Off")


def check(writer: PdfWriter, name: str, *, value: bool, appearance: bool) -> None:
    """Sets checkbox ``name``'s value and appearance state apart."""
    field = _fields(writer)[name]
    on = next(str(key) for key in field["/AP"]["/N"] if key != "/Off")
    field[NameObject("/V")] = NameObject(on if value else "/Off")
    field[NameObject("/AS")] = NameObject(on if appearance else "/Off")
