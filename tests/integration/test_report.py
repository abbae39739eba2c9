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

BLOCK = "scorecard"
CRITERIA = ["track-record", "core-service", "philosophy", "responsiveness"]
PAGE = """\
---
worksheet:
  id: scorecard
  title: {title}
  scale:
    - {{value: 0, label: {poor}}}
    - {{value: 1, label: {weak}}}
    - {{value: 2, label: {good}}}
    - {{value: 3, label: {strong}}}
  sections:
    - id: expertise
      title: {expertise}
      weight: 60
      criteria:
        - {{id: track-record, text: {track}, critical: true}}
        - {{id: core-service, text: {core}}}
    - id: service
      title: {service}
      weight: 40
      criteria:
        - {{id: philosophy, text: {philosophy}, critical: true}}
        - {{id: responsiveness, text: {responsive}}}
  bands:
    - {{min: 80, label: {best}}}
    - {{min: 50, label: "{middle}"}}
    - {{min: 0, label: {worst}}}
---
# {title}
"""
TEXTS = {
    "en": dict(title="Vendor selection scorecard", poor="Poor", weak="Weak", good="Good",
               strong="Strong", expertise="Expertise", service="Service",
               track="A proven track record in this process.", core="A core service.",
               philosophy="It follows our philosophy of customer communication.",
               responsive="It answers within a reasonable time.", best="Strong candidate",
               middle="Possible, with conditions", worst="Not suitable"),
    "es": dict(title="Tabla de puntuación para seleccionar proveedores", poor="Deficiente",
               weak="Débil", good="Bueno", strong="Sólido", expertise="Experiencia",
               service="Servicio", track="Experiencia probada.", core="Un servicio central.",
               philosophy="Sigue nuestra filosofía.", responsive="Responde a tiempo.",
               best="Candidato sólido", middle="Posible, con condiciones",
               worst="No adecuado"),
    "sv": dict(title="Bedömningsmall för leverantörsval", poor="Svag", weak="Delvis",
               good="Bra", strong="Stark", expertise="Expertis", service="Service",
               track="Beprövad erfarenhet.", core="En kärntjänst.",
               philosophy="Följer vår filosofi.", responsive="Svarar i tid.",
               best="Stark kandidat", middle="Möjlig, med villkor", worst="Inte lämplig"),
}  # fmt: skip


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A docs folder with the scorecard in three languages (not the site's own content,
    which editors change)."""
    folder = tmp_path_factory.mktemp("report") / "docs"
    for lang, texts in TEXTS.items():
        (folder / lang).mkdir(parents=True)
        (folder / lang / "choosing.md").write_text(PAGE.format(**texts), encoding="utf-8")
    return folder


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


def report(docs: Path, *arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worksheets", "report", "--docs", str(docs), *map(str, arguments)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def vendors(tmp_path: Path) -> Path:
    """Three candidate vendors in one bundle: B is best, A is middling, C failed a critical
    criterion."""
    bundle = {
        "format": "worksheets/bundle@1",
        "assessments": [
            assessment("Vendor A", every(2), assessor="Ana", date="2026-11-01"),
            assessment("Vendor B", every(3, responsiveness=2), date="2026-11-02"),
            assessment("Vendor C", every(3, philosophy=0), date="2026-11-03"),
        ],
    }
    path = tmp_path / "vendors.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    return path


def test_three_vendors_side_by_side_best_first(docs: Path, vendors: Path) -> None:
    done = report(docs, vendors)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "## Comparison: Vendor selection scorecard" in lines
    header = next(line for line in lines if line.startswith("|  | Vendor"))
    assert header == "|  | Vendor B | Vendor C | Vendor A | Spread |"
    # B: 60 x 100 + 40 x (100 + 66.7) / 2 = 93.3; C: 60 x 100 + 40 x 50 = 80; A: 66.7
    overall = next(line for line in lines if line.startswith("| Overall"))
    assert overall == "| Overall | 93% | 80% | 67% |  |"
    result = next(line for line in lines if line.startswith("| Result"))
    assert result == "| Result | Strong candidate | Not suitable | Possible, with conditions |  |"
    philosophy = next(line for line in lines if "philosophy of customer" in line)
    assert "0 Poor ✗ failed (critical)" in philosophy
    assert "3 ⚠ beyond tolerance" in philosophy
    expertise = next(line for line in lines if line.startswith("| **Expertise"))
    assert "**100% ▲ best**" in expertise


def test_a_partial_assessment_is_provisional(docs: Path, tmp_path: Path) -> None:
    path = tmp_path / "partial.json"
    path.write_text(json.dumps(assessment("Early", {"track-record": 3})), "utf-8")
    done = report(docs, path)
    assert "| Result | Provisional: 1 of 4 answered |" in done.stdout


def test_six_monthly_reviews_make_a_trend(docs: Path, tmp_path: Path) -> None:
    files = []
    for month in range(1, 7):
        path = tmp_path / f"2026-0{month}.json"
        answers = every(min(3, 1 + month // 2), **{"track-record": 2})
        path.write_text(json.dumps(assessment("Vendor A", answers, date=f"2026-0{month}-15")))
        files.append(path)
    done = report(docs, *files, "--lang", "sv")
    assert done.returncode == 0, done.stderr
    trend = done.stdout.split("## Utveckling: Vendor A")[1]
    rows = [line for line in trend.splitlines() if line.startswith("| 2026-")]
    assert [row.split(" | ")[0] for row in rows] == [f"| 2026-0{m}-15" for m in range(1, 7)]
    # January: 60 x (2/3 + 1/3) / 2 + 40 x 1/3 = 43.3; June: 60 x (2/3 + 1) / 2 + 40 = 90
    assert rows[0].split(" | ")[1:3] == ["43 %", "Inte lämplig"]
    assert rows[-1].split(" | ")[1:3] == ["90 %", "Stark kandidat"]


def test_mismatched_versions_and_dropped_ids_are_reported_not_fatal(
    docs: Path, tmp_path: Path
) -> None:
    path = tmp_path / "old.json"
    answers = {**every(2), "gone-criterion": 1}
    path.write_text(json.dumps(assessment("Old", answers, version=7)), encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**assessment("X", {}), "id": "no-such-block"}), "utf-8")
    done = report(docs, path, other)
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
    docs: Path, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.json"
    if content is not None:
        path.write_bytes(content)
    done = report(docs, path)
    assert done.returncode == 1
    assert done.stderr.startswith(f"worksheets report: {path}: ")
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_csv_report_has_percentages_not_fractions(
    docs: Path, vendors: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.csv"
    done = report(docs, vendors, "--format", "csv", "--lang", "es", "--out", out)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["Comparación: Tabla de puntuación para seleccionar proveedores"]
    assert rows[1][1:4] == ["Vendor B", "Vendor C", "Vendor A"]
    overall = next(row for row in rows if row[0] == "Global")
    assert overall[1:4] == ["93 %", "80 %", "67 %"]


def test_html_report_is_a_page_with_tables(docs: Path, vendors: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert report(docs, vendors, "--format", "html", "--out", out).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<th scope="col">Vendor B</th>' in html


@pytest.mark.pdf
def test_pdf_report_reads_as_the_comparison(docs: Path, vendors: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    done = report(docs, vendors, "--format", "pdf", "--out", out)
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
def test_a_filled_offline_pdf_is_an_input(docs: Path, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    from tests.pdf_filling import choose

    exported = subprocess.run(
        [sys.executable, "-m", "worksheets", "pdf", BLOCK, "--lang", "en", "--docs", str(docs),
         "--out", str(tmp_path), "--cache-dir", str(tmp_path / "cache")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    writer = PdfWriter(clone_from=PdfReader(tmp_path / f"{BLOCK}-en.pdf"))
    writer.update_page_form_field_values(
        None, {f"{BLOCK}:@label": "Paper vendor"}, auto_regenerate=False
    )
    choose(writer, f"{BLOCK}:track-record", "3")
    filled = tmp_path / "filled.pdf"
    with filled.open("wb") as stream:
        writer.write(stream)
    done = report(docs, filled)
    assert done.returncode == 0, done.stderr
    assert "|  | Paper vendor | Spread |" in done.stdout
    assert "| Result | Provisional: 1 of 4 answered |" in done.stdout
