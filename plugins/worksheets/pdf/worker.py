"""One PDF rendered with WeasyPrint, in a worker process.

This module imports only the standard library and pdf/finish.py at load time: a
spawned worker imports them and nothing else of the plugin (WeasyPrint's thread safety is not
promised, so renders run in processes).
"""

from __future__ import annotations

import gc
import os
import tempfile

from .finish import FieldLabel, finish

# WeasyPrint and pypdf make millions of objects for a booklet, most of them alive until
# the PDF is written, and Python's cyclic garbage collector walked them again and again:
# with its default thresholds (700, 10, 10) a booklet of 100 blocks took 43 s, with
# these 34 s, for 20 % more peak memory (609 → 732 MB). A block's PDF: about 5 % faster.
# Set for the render only: a render may run in the build's own process.
RENDER_GC_THRESHOLDS = (2000, 50, 50)


def render_pdf(html: str, target: str, labels: dict[str, FieldLabel] | None = None) -> str | None:
    """Render one PDF to ``target`` (atomically), finished by pdf/finish.py.

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
    thresholds = gc.get_threshold()
    gc.set_threshold(*RENDER_GC_THRESHOLDS)
    try:
        handle, temporary = tempfile.mkstemp(suffix=".part", dir=folder)
        os.close(handle)
        # PDF/UA-1 as far as WeasyPrint goes: tagged, with its language, XMP metadata
        # and the title shown, for screen readers.
        HTML(string=html, base_url=folder).write_pdf(
            temporary, pdf_forms=True, pdf_tags=True, pdf_variant="pdf/ua-1"
        )
        finish(temporary, labels or {})
        os.replace(temporary, target)
    except Exception as error:  # any failure is reported with the block's name, not raised
        return f"{type(error).__name__}: {error}"
    finally:
        gc.set_threshold(*thresholds)
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
    return None
