"""A filled offline PDF dropped into the page: pdf.js from the site itself reads it,
and it joins the assessments like an answers file; another block's PDF, a flattened
PDF and a damaged file each get their message."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import export_test_pdfs

pytestmark = pytest.mark.pdf


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = export_test_pdfs(tmp_path_factory.mktemp("pdf-import"), "site-visit", "readiness")
    with pymupdf.open(folder / "site-visit-en.pdf") as document:
        for page in document:
            for widget in page.widgets():
                values = {
                    "site-visit:@label": "Paper vendor",
                    "site-visit:@assessor": "Ana",
                    "site-visit:@date": "2026-11-20",
                    "site-visit:floor:note": "Clean floor",
                }
                if widget.field_name in values:
                    widget.field_value = values[widget.field_name]
                elif widget.field_name in ("site-visit:floor", "site-visit:people:na"):
                    widget.field_value = widget.on_state()
                else:
                    continue
                widget.update()
        document.save(folder / "filled.pdf")
    with pymupdf.open(folder / "filled.pdf") as document:
        document.bake()  # what "print to PDF" does: the fields become part of the page
        document.save(folder / "flattened.pdf")
    (folder / "damaged.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    return folder


def choose(page: Page, *files: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import (JSON or PDF)…").click()
    chooser.value.set_files([str(file) for file in files])


def test_a_filled_pdf_becomes_an_assessment(page: Page, base_url: str, pdfs: Path) -> None:
    page.goto(base_url + "visit/")
    choose(page, pdfs / "filled.pdf")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("filled.pdf")
    expect(page.get_by_role("textbox", name="Assessment label")).to_have_value("Paper vendor")
    expect(
        page.get_by_role("checkbox", name="We walked the delivery floor.", exact=True)
    ).to_be_checked()
    expect(
        page.get_by_role("checkbox", name="Not applicable We met the team leads.")
    ).to_be_checked()
    expect(page.locator("textarea").first).to_have_value("Clean floor")
    expect(page.get_by_role("textbox", name="Assessor")).to_have_value("Ana")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("readiness-en.pdf", "is not an offline PDF of this checklist"),
        ("flattened.pdf", "has no form fields left"),
        ("damaged.pdf", "cannot be read as a PDF"),
    ],
)
def test_pdfs_that_cannot_be_used_are_explained(
    page: Page, base_url: str, pdfs: Path, name: str, message: str
) -> None:
    page.goto(base_url + "visit/")
    choose(page, pdfs / name)
    expect(page.get_by_role("alert")).to_contain_text(message)
    expect(page.get_by_role("textbox", name="Assessment label")).to_have_value("")


def test_pdf_js_comes_from_the_site_only_when_a_pdf_is_chosen(
    context_factory: Callable[..., object], base_url: str, pdfs: Path
) -> None:
    context = context_factory()
    page = context.new_page()  # type: ignore[attr-defined]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "visit/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "pdfjs" in url]
    choose(page, pdfs / "filled.pdf")
    expect(page.get_by_role("textbox", name="Assessment label")).to_have_value("Paper vendor")
    loaded = [url for url in requested if "pdfjs" in url]
    assert loaded and all(url.startswith(base_url) for url in loaded)


def odd_pdfs(folder: Path) -> list[Path]:
    """Filled PDFs whose fields a reader could read two ways: a checkbox whose value and
    appearance disagree, radio places that are not plain numbers, a label that is no text."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, NameObject, TextStringObject

    from tests.pdf_filling import check
    from tests.pdf_filling import choose as choose_button

    made = []
    visit = PdfWriter(clone_from=PdfReader(folder / "site-visit-en.pdf"))
    check(visit, "site-visit:floor", value=True, appearance=False)
    check(visit, "site-visit:people", value=False, appearance=True)
    made.append((visit, "seen.pdf"))
    # The options' texts (/Opt) are left as written: pdf.js does not show them to the page,
    # which reads a button's place in its own scale; read-pdf also refuses an option that
    # is not a plain integer (test_hostile_files), which only an edited file has.
    for index, button in enumerate(["٣", "²", "01", "2"]):
        writer = PdfWriter(clone_from=PdfReader(folder / "readiness-en.pdf"))
        choose_button(writer, "readiness:programme", button)
        form: Any = writer.root_object["/AcroForm"].get_object()
        for field in form["/Fields"]:
            field = field.get_object()
            if field["/T"] == "readiness:@label" and index == 0:
                field[NameObject("/V")] = ArrayObject([TextStringObject("a")])
        made.append((writer, f"radio-{index}.pdf"))
    paths = []
    for writer, name in made:
        path = folder / name
        with path.open("wb") as stream:
            writer.write(stream)
        paths.append(path)
    return paths


def test_the_page_and_read_pdf_read_a_filled_pdf_alike(
    page: Page, base_url: str, pdfs: Path, tmp_path: Path
) -> None:
    for path in odd_pdfs(pdfs):
        done = subprocess.run(
            [sys.executable, "-m", "worksheets", "read-pdf", str(path)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        python = json.loads(done.stdout)
        page.goto(base_url + ("visit/" if path.name == "seen.pdf" else "ready/"))
        page.evaluate("localStorage.clear()")
        page.reload()
        choose(page, path)
        expect(page.get_by_role("alert")).to_contain_text(path.name)
        key = f"worksheets:{python['kind']}:{python['id']}"
        stored = json.loads(page.evaluate(f"localStorage.getItem('{key}')"))
        assert (stored["answers"], stored["label"]) == (python["answers"], python["label"]), path
    assert python["answers"] == {"programme": 2}, "the plain one is read by both"
