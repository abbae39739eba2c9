"""One PDF rendered with WeasyPrint, in a worker process.

This module imports only the standard library at load time: a spawned worker
imports it and nothing else of the plugin (WeasyPrint's thread safety is not
promised, so renders run in processes).
"""

from __future__ import annotations

import os
import tempfile


def render_pdf(html: str, target: str) -> str | None:
    """Render one PDF to ``target`` (atomically).

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
