"""The pdf.js the site serves is the one package-lock.json pins (copied by `make vendor`)."""

from __future__ import annotations

import json

from tests.conftest import REPO

VENDOR = REPO / "plugins" / "worksheets" / "assets" / "vendor" / "pdfjs"


def test_the_vendored_pdfjs_is_the_locked_version_byte_for_byte() -> None:
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    locked = lock["packages"]["node_modules/pdfjs-dist"]["version"]
    assert f"pdfjs-dist {locked} " in (VENDOR / "README").read_text(encoding="utf-8")
    installed = REPO / "node_modules" / "pdfjs-dist"
    assert installed.is_dir(), "run `npm ci` (make test does)"
    for name in ("pdf.min.mjs", "pdf.worker.min.mjs"):
        assert (VENDOR / name).read_bytes() == (installed / "build" / name).read_bytes(), name
    assert (VENDOR / "LICENSE").read_bytes() == (installed / "LICENSE").read_bytes()
