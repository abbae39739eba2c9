"""What WeasyPrint 70 leaves undone in a fillable PDF, done on the written file.

- Each radio button becomes a widget of its group (WeasyPrint lists every button
  as a field of its own, so readers see one field per button).
- Every field gets its accessible name (``/TU``) in full: the item or criterion
  text, "Not applicable: …", "Note: …", and on each radio button the criterion
  and the option ("Criterion: Good"); WeasyPrint takes the first printed line of
  a label, or the first option's label for a whole group.
- Every widget carries its own appearance streams, for every state (a checkbox
  on and off, each radio option on and off, text fields), so readers that draw
  fields themselves (poppler: Evince, Okular, pdftoppm) show ticked boxes; the
  ``/NeedAppearances`` flag that made them redraw, badly, goes.
- What changed is appended to the file as an incremental update: WeasyPrint's own
  objects (compressed in object streams; the structure tree alone is tens of
  thousands) and its header stay as written. pypdf rewriting the whole file wrote
  every object uncompressed: a booklet of 100 blocks was 12 MB, now 5 MB, for
  WeasyPrint's 2.9 MB.
- Widgets of one size and state share their appearance streams.
- Every page tabs through its fields in structure order (``/Tabs /S``), as PDF/UA asks.

Runs in the PDF worker: it imports pypdf only, lazily.
"""

from __future__ import annotations

from typing import Any, TypedDict


class FieldLabel(TypedDict):
    """A form field's accessible name, and its options' labels (radio groups)."""

    name: str
    options: dict[str, str]


_CHECK = "0.07 0.07 0.07 RG 0.07 0.07 0.07 rg"


def _circle(x: float, y: float, r: float) -> str:
    k = 0.5523 * r
    return (
        f"{x + r} {y} m {x + r} {y + k} {x + k} {y + r} {x} {y + r} c "
        f"{x - k} {y + r} {x - r} {y + k} {x - r} {y} c "
        f"{x - r} {y - k} {x - k} {y - r} {x} {y - r} c "
        f"{x + k} {y - r} {x + r} {y - k} {x + r} {y} c h"
    )


def _appearances(kind: str, width: float, height: float) -> tuple[str, str]:
    """Content streams for the (on, off) states of a checkbox or a radio button."""
    size = min(width, height)
    if kind == "radio":
        ring = f"{_CHECK} 0.8 w {_circle(width / 2, height / 2, size / 2 - 0.5)} S"
        dot = f"{_circle(width / 2, height / 2, size / 4)} f"
        return f"{ring} {dot}", ring
    box = f"{_CHECK} 0.8 w 0.5 0.5 {width - 1} {height - 1} re S"
    tick = (
        f"1.6 w {width * 0.2} {height * 0.5} m {width * 0.42} {height * 0.25} l "
        f"{width * 0.8} {height * 0.8} l S"
    )
    return f"{box} {tick}", box


class _Streams:
    """The appearance streams added to a file: each content of each size made once."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer
        self.made: dict[tuple[str, float, float], Any] = {}

    def form(self, content: str, width: float, height: float) -> Any:
        key = (content, round(width, 3), round(height, 3))
        if key not in self.made:
            self.made[key] = self._new(content, width, height)
        return self.made[key]

    def _new(self, content: str, width: float, height: float) -> Any:
        from pypdf.generic import ArrayObject, DecodedStreamObject, FloatObject, NameObject

        stream = DecodedStreamObject()
        stream.set_data(content.encode("ascii"))
        stream[NameObject("/Type")] = NameObject("/XObject")
        stream[NameObject("/Subtype")] = NameObject("/Form")
        stream[NameObject("/BBox")] = ArrayObject(
            [FloatObject(0), FloatObject(0), FloatObject(width), FloatObject(height)]
        )
        return self.writer._add_object(stream)


def _size(widget: Any) -> tuple[float, float]:
    left, bottom, right, top = (float(value) for value in widget["/Rect"])
    return abs(right - left), abs(top - bottom)


def _button_appearance(streams: _Streams, widget: Any, kind: str, on_state: str) -> None:
    from pypdf.generic import DictionaryObject, NameObject

    width, height = _size(widget)
    on, off = _appearances(kind, width, height)
    normal = DictionaryObject()
    normal[NameObject(on_state)] = streams.form(on, width, height)
    normal[NameObject("/Off")] = streams.form(off, width, height)
    appearance = DictionaryObject()
    appearance[NameObject("/N")] = normal
    widget[NameObject("/AP")] = appearance


def _text_appearance(streams: _Streams, widget: Any) -> None:
    from pypdf.generic import DictionaryObject, NameObject

    if "/AP" in widget:
        return
    width, height = _size(widget)
    appearance = DictionaryObject()
    appearance[NameObject("/N")] = streams.form("/Tx BMC EMC", width, height)
    widget[NameObject("/AP")] = appearance


def _name(field: Any, text: str) -> None:
    from pypdf.generic import NameObject, TextStringObject

    field[NameObject("/TU")] = TextStringObject(text)


def _finish_group(streams: _Streams, group: Any, label: FieldLabel | None) -> None:
    """A radio group: its name on the group, "name: option" and appearances per button."""
    options = [str(option) for option in group.get("/Opt", [])]
    if label is not None:
        _name(group, label["name"])
    for index, reference in enumerate(group["/Kids"]):
        widget = reference.get_object()
        for key in ("/T", "/TU"):
            widget.pop(key, None)
        states = [state for state in widget["/AP"]["/N"] if state != "/Off"]
        _button_appearance(streams, widget, "radio", str(states[0]) if states else f"/{index}")
        if label is not None and index < len(options):
            option = label["options"].get(options[index], options[index])
            _name(widget, f"{label['name']}: {option}")


def _finish_field(streams: _Streams, field: Any, label: FieldLabel | None) -> None:
    if label is not None:
        _name(field, label["name"])
    if field.get("/FT") == "/Btn":
        states = [state for state in field.get("/AP", {}).get("/N", {}) if state != "/Off"]
        _button_appearance(streams, field, "checkbox", str(states[0]) if states else "/on")
    elif field.get("/FT") == "/Tx":
        _text_appearance(streams, field)


def finish(path: str, labels: dict[str, FieldLabel]) -> None:
    """Finish the PDF at ``path`` in place."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, NameObject

    writer = PdfWriter(path, incremental=True)
    streams = _Streams(writer)
    metadata = writer.metadata
    created = metadata.get("/CreationDate") if metadata is not None else None
    if created is not None:
        # The file changed after WeasyPrint made it, on the same day (a PDF's date is its
        # content's). pypdf repeats the document information (title, keywords) in the
        # update's trailer only when it changed, and readers that read the last trailer
        # alone (pdf.js) would find none.
        writer.add_metadata({"/ModDate": created})
    form = writer.root_object.get("/AcroForm")
    if form is not None:
        form = form.get_object()
        fields = ArrayObject()
        for reference in form["/Fields"]:
            field = reference.get_object()
            if "/Parent" in field:
                continue  # a radio button listed as a field of its own
            fields.append(reference)
            label = labels.get(str(field.get("/T", "")))
            if "/Kids" in field:
                _finish_group(streams, field, label)
            else:
                _finish_field(streams, field, label)
        form[NameObject("/Fields")] = fields
        form.pop("/NeedAppearances", None)
    for page in writer.pages:
        # Tab through the fields in the order of the document's structure (reading order).
        page[NameObject("/Tabs")] = NameObject("/S")
    with open(path, "wb") as stream:
        writer.write(stream)
