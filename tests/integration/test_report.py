"""`python -m worksheets report`: comparisons and trends from exported files, in every format."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import REPO

BLOCK = "vendor-selection-scorecard"
CRITERIA = [
    "process-track-record", "business-understanding", "difficult-cases", "core-service",
    "customer-philosophy", "seamless-to-customers", "proactive-attitude", "retention-focus",
    "responsiveness", "reports-on-time", "reporting-content", "policies-procedures",
    "quality-review", "delivery-site-matches", "continuity-arrangements", "cultural-fit",
    "working-relationship", "pricing-transparency", "cost-adjustments",
]  # fmt: skip


def assessment(label: str, answers: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "format": "worksheets/answers@1",
        "kind": "worksheet",
        "id": BLOCK,
        "version": 1,
        "lang": "en",
        "label": label,
        "answers": answers,
        **extra,
    }


def every(value: int, **overrides: int) -> dict[str, Any]:
    return {criterion: overrides.get(criterion, value) for criterion in CRITERIA}


def report(*arguments: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worksheets", "report", *map(str, arguments)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def vendors(tmp_path: Path) -> Path:
    """Three candidate vendors in one bundle: B is best, A is good, C failed a critical one."""
    bundle = {
        "format": "worksheets/bundle@1",
        "assessments": [
            assessment("Vendor A", every(2), assessor="Ana", date="2026-11-01"),
            assessment("Vendor B", every(3, **{"cost-adjustments": 2}), date="2026-11-02"),
            assessment("Vendor C", every(3, **{"customer-philosophy": 0}), date="2026-11-03"),
        ],
    }
    path = tmp_path / "vendors.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    return path


def test_three_vendors_side_by_side_best_first(vendors: Path) -> None:
    done = report(vendors)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "## Comparison: Vendor selection scorecard" in lines
    header = next(line for line in lines if line.startswith("|  | Vendor"))
    assert header == "|  | Vendor B | Vendor C | Vendor A | Spread |"
    overall = next(line for line in lines if line.startswith("| Overall"))
    assert overall == "| Overall | 98% | 90% | 67% |  |"
    result = next(line for line in lines if line.startswith("| Result"))
    assert result == "| Result | Strong candidate | Not suitable | Possible, with conditions |  |"
    philosophy = next(line for line in lines if "philosophy of customer" in line)
    assert "0 Poor ✗ failed (critical)" in philosophy
    assert "3 ⚠ beyond tolerance" in philosophy


def test_a_partial_assessment_is_provisional(tmp_path: Path) -> None:
    path = tmp_path / "partial.json"
    path.write_text(json.dumps(assessment("Early", {"process-track-record": 3})), "utf-8")
    done = report(path)
    assert "| Result | Provisional: 1 of 19 answered |" in done.stdout


def test_six_monthly_reviews_make_a_trend(tmp_path: Path) -> None:
    files = []
    for month in range(1, 7):
        path = tmp_path / f"2026-0{month}.json"
        answers = every(min(3, month // 2), **{"process-track-record": 2})
        path.write_text(json.dumps(assessment("Vendor A", answers, date=f"2026-0{month}-15")))
        files.append(path)
    done = report(*files, "--lang", "sv")
    assert done.returncode == 0, done.stderr
    trend = done.stdout.split("## Utveckling: Vendor A")[1]
    rows = [line for line in trend.splitlines() if line.startswith("| 2026-")]
    assert [row.split(" | ")[0] for row in rows] == [f"| 2026-0{m}-15" for m in range(1, 7)]
    assert rows[0].split(" | ")[1] == "8 %" and rows[-1].split(" | ")[1] == "96 %"
    assert "Stark kandidat" in rows[-1]


def test_mismatched_versions_and_dropped_ids_are_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    answers = {**every(2), "gone-criterion": 1}
    path.write_text(json.dumps(assessment("Old", answers, version=7)), encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**assessment("X", {}), "id": "no-such-block"}), "utf-8")
    done = report(path, other)
    assert done.returncode == 0, done.stderr
    assert f"'Old' answers version 7 of '{BLOCK}', the docs have version 1" in done.stderr
    assert "left out what" in done.stderr and "gone-criterion" in done.stderr
    assert "no worksheet 'no-such-block' in the docs; left out" in done.stderr
    assert "gone-criterion" in done.stdout  # the notes are in the report too


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"{not json", "not JSON"),
        (b'{"format": "something/else"}', "is not an answers file or bundle"),
        (b"%PDF-1.7\n\x00\x01garbage", "not a readable PDF"),
        (json.dumps(assessment("A", {"x": "maybe"})).encode(), "answers.x"),
    ],
)
def test_bad_files_get_one_line_naming_the_file(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.json"
    if content is not None:
        path.write_bytes(content)
    done = report(path)
    assert done.returncode == 1
    assert done.stderr.startswith(f"worksheets report: {path}: ")
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_csv_report_has_percentages_not_fractions(vendors: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    done = report(vendors, "--format", "csv", "--lang", "es", "--out", out)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["Comparación: Tabla de puntuación para seleccionar proveedores"]
    assert rows[1][1:4] == ["Vendor B", "Vendor C", "Vendor A"]
    overall = next(row for row in rows if row[0] == "Global")
    assert overall[1:4] == ["98 %", "90 %", "67 %"]


def test_html_report_is_a_page_with_tables(vendors: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert report(vendors, "--format", "html", "--out", out).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<th scope="col">Vendor B</th>' in html


@pytest.mark.pdf
def test_pdf_report_reads_as_the_comparison(vendors: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    done = report(vendors, "--format", "pdf", "--out", out)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(out)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for words in ("Vendor B", "Strong candidate", "failed (critical)", "Possible, with"):
        assert words in text, (words, text[:300])
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
    png = subprocess.run(
        ["pdftoppm", "-r", "20", "-png", "-f", "1", "-l", "1", str(out)],
        capture_output=True,
        check=True,
    ).stdout
    assert png.startswith(b"\x89PNG")


@pytest.mark.pdf
def test_a_filled_offline_pdf_is_an_input(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    exported = subprocess.run(
        [sys.executable, "-m", "worksheets", "pdf", BLOCK, "--lang", "en",
         "--out", str(tmp_path), "--cache-dir", str(tmp_path / "cache")],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    writer = PdfWriter(clone_from=PdfReader(tmp_path / f"{BLOCK}-en.pdf"))
    writer.update_page_form_field_values(
        None,
        {f"{BLOCK}:@label": "Paper vendor", f"{BLOCK}:process-track-record": "/3"},
        auto_regenerate=False,
    )
    filled = tmp_path / "filled.pdf"
    with filled.open("wb") as stream:
        writer.write(stream)
    done = report(filled)
    assert done.returncode == 0, done.stderr
    assert "| Paper vendor |" in done.stdout.replace(
        "|  | Paper vendor | Spread |", "| Paper vendor |"
    )
