"""`read-pdf` on whatever a person brings back: a clear message and a non-zero exit,
never a traceback; the mutated bytes of a real filled PDF never make it raise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
from worksheets.pdf.read import PdfReadError, read_answers

from tests.browser.conftest import export_test_pdfs
from tests.pdf_filling import choose

pytestmark = pytest.mark.pdf
BLOCK = "site-visit"


def export(block_id: str, folder: Path) -> Path:
    """One block's English PDF, from the test site's docs."""
    return export_test_pdfs(folder, block_id) / f"{block_id}-en.pdf"


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("read-pdf")
    export(BLOCK, folder)
    writer = PdfWriter(clone_from=PdfReader(folder / f"{BLOCK}-en.pdf"))
    writer.update_page_form_field_values(
        None,
        {
            f"{BLOCK}:@label": "Vendor A",
            f"{BLOCK}:@assessor": "Ana",
            f"{BLOCK}:@date": "2026-11-20",
            f"{BLOCK}:floor": "/on",
        },
        auto_regenerate=False,
    )
    path = folder / "filled.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    return path


def read_pdf(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worksheets", "read-pdf", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_a_filled_pdf_reads_back_with_its_header(filled: Path) -> None:
    (assessment,) = read_answers(filled)
    assert (assessment.label, assessment.assessor, assessment.date) == (
        "Vendor A",
        "Ana",
        "2026-11-20",
    )
    assert assessment.answers == {"floor": True}


def rewrite(source: Path, target: Path, change: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    if change == "flatten":
        del writer.root_object[NameObject("/AcroForm")]
        for page in writer.pages:
            if "/Annots" in page:
                del page[NameObject("/Annots")]
    elif change == "encrypt":
        writer.encrypt("secret")
    elif change == "keywords":
        writer.add_metadata({"/Keywords": f"worksheets:checklist:{BLOCK}:x:en"})
    elif change == "huge-version":
        writer.add_metadata({"/Keywords": f"worksheets:checklist:{BLOCK}:{'9' * 400}:en"})
    with target.open("wb") as stream:
        writer.write(stream)
    return target


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp, filled: tmp / "missing.pdf", "no such file"),
        (lambda tmp, filled: tmp, "is not a file"),
        (lambda tmp, filled: _write(tmp / "empty.pdf", b""), "is empty"),
        (lambda tmp, filled: _write(tmp / "t.pdf", filled.read_bytes()[:900]), "not a readable"),
        (lambda tmp, filled: _write(tmp / "r.pdf", bytes(range(256)) * 40), "not a readable"),
        (lambda tmp, filled: rewrite(filled, tmp / "f.pdf", "flatten"), "flattened"),
        (lambda tmp, filled: rewrite(filled, tmp / "e.pdf", "encrypt"), "encrypted"),
        (lambda tmp, filled: rewrite(filled, tmp / "k.pdf", "keywords"), "not a PDF of this"),
        (lambda tmp, filled: rewrite(filled, tmp / "h.pdf", "huge-version"), "not a PDF of this"),
    ],
    ids=["missing", "directory", "empty", "truncated", "random", "flattened", "encrypted",
         "non-numeric-version", "huge-version"],
)  # fmt: skip
def test_each_bad_file_gets_one_clear_line(
    tmp_path: Path, filled: Path, make: object, message: str
) -> None:
    path = make(tmp_path, filled)  # type: ignore[operator]
    done = read_pdf(path)
    assert done.returncode == 1
    assert message in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_radio_values_out_of_range_are_no_answer(tmp_path: Path) -> None:
    reader = PdfReader(export("readiness", tmp_path))
    fields = reader.get_fields() or {}
    names = [name for name in fields if name.count(":") == 1 and "@" not in name][:3]
    writer = PdfWriter(clone_from=reader)
    for name, button in zip(names, ["99", "x", "1"], strict=True):
        choose(writer, name, button)
    path = tmp_path / "odd.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    (assessment,) = read_answers(path)
    assert list(assessment.answers) == [names[2].split(":")[1]]


@given(st.data())
def test_mutated_bytes_never_raise(filled: Path, tmp_path_factory: pytest.TempPathFactory,
                                   data: st.DataObject) -> None:  # fmt: skip
    original = bytearray(filled.read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    path = tmp_path_factory.mktemp("mutant") / "m.pdf"
    path.write_bytes(bytes(original))
    try:
        read_answers(path)
    except PdfReadError as error:
        assert "\n" not in str(error)
