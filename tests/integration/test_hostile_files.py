"""`report` and `read-pdf` on files made to misbehave: output escaped for its format, one
line and no traceback for every refusal, nothing that rewrites the terminal, the same
limits as the page, and a PDF bounded before it is inflated."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import zlib
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from tests.browser.conftest import export_test_pdfs
from tests.integration.test_read_pdf_hardening import read_pdf
from tests.integration.test_report import assessment, docs, every, report
from tests.pdf_filling import check, choose

__all__ = ["docs"]  # the fixture, shared with test_report

XSS = '<img src=x onerror="window.__xss=1">'


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, done.stdout[:200]
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_markdown_report_escapes_markup_from_labels(docs: Path, tmp_path: Path) -> None:
    bundle = {
        "format": "worksheets/bundle@1",
        "assessments": [
            assessment(f"{XSS} **bold** [x](javascript:alert(1))", every(2)),
            assessment("# Heading | pipe", every(3)),
        ],
    }
    done = report(docs, write(tmp_path / "b.json", bundle))
    assert done.returncode == 0, done.stderr
    html = markdown.markdown(done.stdout, extensions=["tables"])
    assert "<img" not in html and "<strong>bold" not in html and "href=" not in html
    assert "&lt;img src=x onerror=" in html
    assert "<h1>" not in html and "# Heading | pipe" in html.replace("\\", "")


@pytest.mark.parametrize("label", ["x;=1+1;", "a,=SUM(A1)", "=HYPERLINK(1)", '"q";@x'])
def test_csv_cells_cannot_become_formulas_at_any_separator(
    docs: Path, tmp_path: Path, label: str
) -> None:
    done = report(docs, write(tmp_path / "a.json", assessment(label, every(2))), "--format", "csv")
    assert done.returncode == 0, done.stderr
    text = done.stdout.lstrip("\ufeff")
    for separator in (",", ";"):
        for row in csv.reader(io.StringIO(text), delimiter=separator):
            for cell in row:
                assert not cell.lstrip().startswith(("=", "+", "@")), (separator, row)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "worksheets/answers@1", "x": 1' + "0" * 5000 + "}", "not JSON"),
        (json.dumps(assessment("A", {"\ud800": 1}), ensure_ascii=True), "not UTF-8 text"),
        (json.dumps(assessment("L" * 201, {})), "label"),
        (json.dumps(assessment("A", {}, date="2026-W01-1")), "calendar date"),
        (json.dumps(assessment("A", {}, notes={"x": "n" * 4001})), "notes"),
        (json.dumps(assessment("A", {}, notes={"x": "n" * 3000}, padding="p" * 300_000)), "KiB"),
    ],
    ids=["huge-integer", "lone-surrogate", "long-label", "week-date", "long-note", "large-file"],
)
def test_files_beyond_the_limits_are_one_line(
    docs: Path, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "input.json"
    path.write_text(content, encoding="utf-8")
    for output in ("md", "html"):
        line = one_line(report(docs, path, "--format", output))
        assert message in line, line


def test_an_answer_written_2_0_is_the_scale_value_2(docs: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps(assessment("A", every(2))).replace('"core-service": 2', '"core-service": 2.0'),
        encoding="utf-8",
    )
    done = report(docs, path, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert "67 %" in done.stdout or "67%" in done.stdout


@pytest.mark.parametrize("tolerance", ["nan", "-1", "inf", "x"])
def test_a_tolerance_that_is_no_number_of_points_is_refused(
    docs: Path, tmp_path: Path, tolerance: str
) -> None:
    path = write(tmp_path / "a.json", assessment("A", every(2)))
    done = report(docs, path, "--tolerance", tolerance)
    assert done.returncode == 2 and "--tolerance" in done.stderr
    assert "Traceback" not in done.stderr


def test_terminal_escapes_in_names_and_labels_are_shown_as_text(docs: Path, tmp_path: Path) -> None:
    hostile = "\x1b]0;owned\x07\x1b[2J\u202eok"
    path = tmp_path / f"in{hostile[:4]}.json"
    path.write_text("{", encoding="utf-8")
    line = one_line(report(docs, path))
    assert "\x1b" not in line and "\x07" not in line and "\u202e" not in line
    assert "\\x1b" in line
    version = write(tmp_path / "v.json", assessment(hostile, every(2), version=2))
    done = report(docs, version)
    assert done.returncode == 0
    assert "\x1b" not in done.stderr and "\\x1b]0;owned" in done.stderr


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    label=st.text(max_size=250),
    answer=st.one_of(st.integers(-5, 5), st.floats(allow_nan=True), st.text(max_size=3)),
)
def test_any_label_and_answer_give_a_report_or_one_line(
    docs: Path, tmp_path: Path, label: str, answer: object
) -> None:
    path = tmp_path / "any.json"
    data = assessment(label, {"core-service": answer})
    try:
        path.write_text(json.dumps(data, allow_nan=True), encoding="utf-8")
    except UnicodeEncodeError:
        path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    done = report(docs, path)
    assert "Traceback" not in done.stderr
    if done.returncode:
        one_line(done)


# ---- read-pdf ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def readiness(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return (
        export_test_pdfs(tmp_path_factory.mktemp("hostile-pdf"), "readiness") / "readiness-en.pdf"
    )


@pytest.fixture(scope="module")
def visit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return (
        export_test_pdfs(tmp_path_factory.mktemp("hostile-visit"), "site-visit")
        / "site-visit-en.pdf"
    )


def saved(writer: PdfWriter, path: Path) -> Path:
    with path.open("wb") as stream:
        writer.write(stream)
    return path


@pytest.mark.pdf
def test_a_checkbox_reads_as_a_reader_sees_it(visit: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(visit))
    check(writer, "site-visit:floor", value=True, appearance=False)
    check(writer, "site-visit:people", value=False, appearance=True)
    done = read_pdf(saved(writer, tmp_path / "seen.pdf"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answers"] == {"people": True}


@pytest.mark.pdf
@pytest.mark.parametrize("button", ["٣", "²", "01", "1 ", "+1"])
def test_radio_places_that_are_not_plain_numbers_are_no_answer(
    readiness: Path, tmp_path: Path, button: str
) -> None:
    writer = PdfWriter(clone_from=PdfReader(readiness))
    choose(writer, "readiness:programme", button)
    done = read_pdf(saved(writer, tmp_path / "odd.pdf"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answers"] == {}


@pytest.mark.pdf
@pytest.mark.parametrize("option", [" 2 ", "3_0", "２", "2.0"])
def test_radio_options_that_are_not_plain_integers_are_no_answer(
    readiness: Path, tmp_path: Path, option: str
) -> None:
    writer = PdfWriter(clone_from=PdfReader(readiness))
    choose(writer, "readiness:programme", "2")
    form: Any = writer.root_object["/AcroForm"].get_object()
    for field in form["/Fields"]:
        field = field.get_object()
        if field["/T"] == "readiness:programme":
            field["/Opt"][2] = TextStringObject(option)
    done = read_pdf(saved(writer, tmp_path / "odd.pdf"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answers"] == {}


@pytest.mark.pdf
def test_a_label_that_is_no_text_is_no_label(readiness: Path, tmp_path: Path) -> None:
    from pypdf.generic import ArrayObject

    writer = PdfWriter(clone_from=PdfReader(readiness))
    form: Any = writer.root_object["/AcroForm"].get_object()
    for field in form["/Fields"]:
        field = field.get_object()
        if field["/T"] == "readiness:@label":
            field[NameObject("/V")] = ArrayObject([TextStringObject("a"), TextStringObject("b")])
    done = read_pdf(saved(writer, tmp_path / "array.pdf"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["label"] == ""


@pytest.mark.pdf
def test_keywords_naming_one_block_many_times_give_one_assessment(
    readiness: Path, tmp_path: Path
) -> None:
    writer = PdfWriter(clone_from=PdfReader(readiness))
    writer.add_metadata({"/Keywords": ", ".join(["worksheets:worksheet:readiness:1:en"] * 2000)})
    done = read_pdf(saved(writer, tmp_path / "many.pdf"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == "readiness"
    writer.add_metadata({"/Keywords": "worksheets:worksheet:readiness:1:en " * 10_000})
    assert "keywords longer than" in one_line(read_pdf(saved(writer, tmp_path / "long.pdf")))


@pytest.mark.pdf
def test_object_streams_are_bounded_before_they_are_inflated(
    readiness: Path, tmp_path: Path
) -> None:
    bomb = zlib.compress(b"0" * (40 * 1024 * 1024), 9)
    original = readiness.read_bytes()
    streams = b"".join(
        b"%d 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (9000 + index, len(bomb))
        + bomb
        + b"\nendstream\nendobj\n"
        for index in range(20)
    )
    path = tmp_path / "bomb.pdf"
    path.write_bytes(original + b"\n" + streams)
    assert "object streams" in one_line(read_pdf(path))


def test_a_laid_out_report_of_too_many_assessments_says_no_at_once(
    docs: Path, tmp_path: Path
) -> None:
    bundle = {
        "format": "worksheets/bundle@1",
        "assessments": [assessment(f"Call {index}", every(index % 4)) for index in range(201)],
    }
    path = write(tmp_path / "quarter.json", bundle)
    line = one_line(report(docs, path, "--format", "pdf"))
    assert "lays out at most 200" in line and "--format csv or md" in line
    done = report(docs, path, "--format", "md")
    assert done.returncode == 0 and "Call 200" in done.stdout


def test_a_wide_laid_out_report_comes_in_parts_of_eight(docs: Path, tmp_path: Path) -> None:
    bundle = {
        "format": "worksheets/bundle@1",
        "assessments": [
            assessment("W" * 190 + str(index), every(index % 4)) for index in range(10)
        ],
    }
    out = tmp_path / "wide.html"
    done = report(docs, write(tmp_path / "wide.json", bundle), "--format", "html", "--out", out)
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "(assessments 1–8 of 10)" in page and "(assessments 9–10 of 10)" in page
    assert page.count("<table") == 2 + page.count("Trend:")
