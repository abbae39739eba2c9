"""The offline PDFs in readers other than the one that wrote them: poppler (what a
reader of Evince or Okular sees), pdf.js (fields and names, under Node), PyMuPDF (fills
them as a person would), and the PDF/UA-1 properties in the file itself."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from tests.browser.conftest import export_test_pdfs
from tests.conftest import REPO

pytestmark = pytest.mark.pdf


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_test_pdfs(tmp_path_factory.mktemp("readers"), "site-visit", "readiness")


def dictionary(value: object) -> DictionaryObject:
    found = value.get_object() if hasattr(value, "get_object") else value
    assert isinstance(found, DictionaryObject)
    return found


def test_pdf_ua_properties_are_in_the_file(pdfs: Path) -> None:
    for name in ("site-visit-en.pdf", "readiness-en.pdf"):
        path = pdfs / name
        assert path.read_bytes().startswith(b"%PDF-1.7")
        reader = PdfReader(path)
        root = reader.trailer["/Root"].get_object()
        assert isinstance(root, DictionaryObject)
        assert reader.xmp_metadata is not None
        assert str(root["/Lang"]) == "en"
        assert bool(dictionary(root["/MarkInfo"])["/Marked"])
        assert bool(dictionary(root["/ViewerPreferences"])["/DisplayDocTitle"])
        assert "/StructTreeRoot" in root
        assert "/NeedAppearances" not in dictionary(root["/AcroForm"])
        for page in reader.pages:
            assert str(page["/Tabs"]) == "/S"
            for annotation in page.get("/Annots") or []:
                widget = annotation.get_object()
                if widget.get("/FT", widget.get("/Parent", {}).get("/FT")) == "/Btn":
                    states = set(widget["/AP"]["/N"])
                    assert "/Off" in states and len(states) == 2, states


def ink(png: Path, box: tuple[int, int, int, int]) -> int:
    """Dark pixels inside ``box`` (left, top, right, bottom) of a grey PNG page."""
    with pymupdf.open(png) as image:
        pixmap = image[0].get_pixmap()
    left, top, right, bottom = box
    dark = 0
    for y in range(top, bottom):
        for x in range(left, right):
            if sum(pixmap.pixel(x, y)[:3]) < 3 * 110:
                dark += 1
    return dark


def render_first_page(pdf: Path, stem: Path) -> Path:
    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    return stem.with_suffix(".png")


def widget_box(pdf: Path, name: str, value: str | None = None) -> tuple[int, int, int, int]:
    with pymupdf.open(pdf) as document:
        for widget in document[0].widgets():
            if widget.field_name == name and (value is None or widget.on_state() == value):
                rect = widget.rect
                return int(rect.x0) + 2, int(rect.y0) + 2, int(rect.x1) - 2, int(rect.y1) - 2
    raise AssertionError(f"no widget {name} {value}")


def test_poppler_shows_what_pymupdf_filled_in(pdfs: Path, tmp_path: Path) -> None:
    source = pdfs / "site-visit-en.pdf"
    filled = tmp_path / "filled.pdf"
    with pymupdf.open(source) as document:
        for widget in document[0].widgets():
            if widget.field_name == "site-visit:floor":
                widget.field_value = widget.on_state()
                widget.update()
        document.save(filled)
    box = widget_box(source, "site-visit:floor")
    empty = ink(render_first_page(source, tmp_path / "empty"), box)
    ticked = ink(render_first_page(filled, tmp_path / "ticked"), box)
    assert ticked > empty + 4, (empty, ticked)


def test_poppler_shows_the_chosen_radio_option(pdfs: Path, tmp_path: Path) -> None:
    source = pdfs / "readiness-en.pdf"
    filled = tmp_path / "filled.pdf"
    with pymupdf.open(source) as document:
        for page in document:
            for widget in page.widgets():
                if widget.field_name == "readiness:programme" and widget.on_state() == "1":
                    widget.field_value = True
                    widget.update()
        document.save(filled)
    (assessment,) = _read(filled)
    assert assessment["answers"] == {"programme": 1}
    box = widget_box(source, "readiness:programme", "1")
    other = widget_box(source, "readiness:programme", "0")
    page = render_first_page(filled, tmp_path / "chosen")
    assert ink(page, box) > ink(page, other) + 4


def _read(path: Path) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "worksheets", "read-pdf", str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result = json.loads(done.stdout)
    return result if isinstance(result, list) else [result]


def test_pdfjs_lists_every_field_with_its_full_name_and_saves_answers(
    pdfs: Path, tmp_path: Path
) -> None:
    node = shutil.which("node")
    assert node and (REPO / "node_modules" / "pdfjs-dist").is_dir(), "run `npm ci` (make test)"
    expected = {
        "site-visit:floor": "We walked the delivery floor.",
        "site-visit:floor:na": "Not applicable: We walked the delivery floor.",
        "site-visit:floor:note": "Note: We walked the delivery floor.",
        "site-visit:@label": "Vendor / site (Site visit)",
        "readiness:programme=0": "A training programme exists.: Not in place",
        "readiness:programme=3": "A training programme exists.: Not applicable",
    }
    settings = tmp_path / "pdfjs.json"
    saved = tmp_path / "saved-by-pdfjs.pdf"
    settings.write_text(
        json.dumps(
            {
                "checklist": str(pdfs / "site-visit-en.pdf"),
                "worksheet": str(pdfs / "readiness-en.pdf"),
                "out": str(saved),
                "expected": expected,
            }
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [node, "--test", "tests/pdfjs/"],
        cwd=REPO,
        env={"WORKSHEETS_PDFJS": str(settings), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout and "# pass 0" not in done.stdout
    (assessment,) = _read(saved)
    assert assessment["label"] == "Filled in pdf.js"
    assert assessment["answers"] == {"floor": True}
    box = widget_box(pdfs / "site-visit-en.pdf", "site-visit:floor")
    empty = ink(render_first_page(pdfs / "site-visit-en.pdf", tmp_path / "e"), box)
    assert ink(render_first_page(saved, tmp_path / "s"), box) > empty + 4


def test_the_result_box_is_fillable_and_never_alone_on_a_page(pdfs: Path) -> None:
    for name, block, last in (
        ("site-visit-en.pdf", "site-visit", "site-visit:reports"),
        ("readiness-en.pdf", "readiness", "readiness:feedback"),
    ):
        with pymupdf.open(pdfs / name) as document:
            pages = {
                widget.field_name: page.number for page in document for widget in page.widgets()
            }
        result = [f"{block}:@{part}" for part in ("score", "band", "signed-by", "signed-on")]
        assert all(field in pages for field in result), name
        assert {pages[field] for field in result} == {pages[last]}, name


def test_column_headers_fit_whole_words(pdfs: Path) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdfs / "site-visit-en.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "applicable" in text and "applicabl\n" not in text
