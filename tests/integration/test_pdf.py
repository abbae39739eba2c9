"""The offline PDFs (SPEC section 6), read back with pypdf and looked at as images."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, IndirectObject
from worksheets.formats.documents import BlockPdf
from worksheets.pdf.cache import PdfRenderer
from worksheets.pdf.jobs import PdfError, PdfJob
from worksheets.pdf.read import read_answers

from tests.browser.conftest import TEXTS, WORKSHEET, write_test_site
from tests.conftest import MKDOCS_YML_WITH_PDFS, REPO, Build, SiteFolder, run_build
from tests.pdf_filling import choose

# 2026-11-24, so that the footer's build date is known.
pytestmark = pytest.mark.pdf

EPOCH = "1795478400"
DATE = "2026-11-24"
LONG_WORD = "x" * 160
LANGS = ("en", "es", "sv")


def build(root: Path) -> Build:
    env_date = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        return SiteFolder(root).build()
    finally:
        if env_date is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = env_date


def write_site(root: Path) -> SiteFolder:
    """The test site with a booklet link on the home pages and a word too long for a line."""
    return write_test_site(
        root,
        home="<!-- booklet -->",
        extra_pages=False,
        people_suffix=f" {LONG_WORD}",
        config=MKDOCS_YML_WITH_PDFS,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("pdf") / "project"
    write_site(root)
    result = build(root)
    assert result.returncode == 0, result.output
    return result


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_text(value: object) -> str:
    """A PDF text or name value (pypdf's TextStringObject and NameObject are str)."""
    assert isinstance(value, str), value
    return value


def fields_of(path: Path) -> dict[str, Any]:
    return dict(PdfReader(path).get_fields() or {})


def test_every_block_and_language_has_a_pdf_and_a_booklet(built: Build) -> None:
    names = sorted(path.name for path in (built.site_dir / "pdf").iterdir())
    assert names == sorted(
        [f"{block}-{lang}.pdf" for block in ("site-visit", "readiness") for lang in LANGS]
        + [f"booklet-{lang}.pdf" for lang in LANGS]
    )
    assert "PDFs: 9 rendered, 0 from the cache" in built.output


@pytest.mark.parametrize("lang", LANGS)
def test_checklist_pdf_has_texts_fields_and_metadata(built: Build, lang: str) -> None:
    path = built.site_dir / "pdf" / f"site-visit-{lang}.pdf"
    reader = PdfReader(path)
    text = " ".join(text_of(reader).split())
    texts = TEXTS[lang]
    for key in ("title", "section", "floor", "reports"):
        assert texts[key] in text, key
    assert reader.metadata is not None
    assert pdf_text(reader.metadata["/Keywords"]) == f"worksheets:checklist:site-visit:2:{lang}"
    assert pdf_text(reader.metadata["/Title"]) == texts["title"]
    catalog = reader.trailer["/Root"]
    assert isinstance(catalog, DictionaryObject)
    # tagged, for screen readers
    assert pdf_text(catalog["/Lang"]) == lang and "/StructTreeRoot" in catalog
    footer = {
        "en": "site-visit · version 2 · en · built",
        "es": "site-visit · versión 2 · es",
        "sv": "site-visit · version 2 · sv · skapad",
    }[lang]
    assert footer in text and DATE in text
    page_word = {"en": "Page 1 of", "es": "Página 1 de", "sv": "Sida 1 av"}[lang]
    assert page_word in text

    fields = fields_of(path)
    items = ("floor", "people", "reports")
    headers = ("label", "assessor", "date", "score", "band", "signed-by", "signed-on")
    expected = {f"site-visit:@{name}" for name in headers}
    for item in items:
        expected |= {f"site-visit:{item}", f"site-visit:{item}:na", f"site-visit:{item}:note"}
    assert set(fields) == expected
    for item in items:
        assert fields[f"site-visit:{item}"]["/FT"] == "/Btn"
        assert fields[f"site-visit:{item}"]["/_States_"] == ["/on", "/Off"]
        assert fields[f"site-visit:{item}:na"]["/FT"] == "/Btn"
        assert fields[f"site-visit:{item}:note"]["/FT"] == "/Tx"
    assert fields["site-visit:@assessor"]["/FT"] == "/Tx"


def test_worksheet_pdf_has_a_choice_of_the_scale_and_na(built: Build) -> None:
    path = built.site_dir / "pdf" / "readiness-sv.pdf"
    fields = fields_of(path)
    criteria = ("programme", "frequency", "feedback")
    headers = ("label", "assessor", "date", "score", "band", "signed-by", "signed-on")
    assert set(fields) == {f"readiness:@{n}" for n in headers} | {
        f"readiness:{c}{suffix}" for c in criteria for suffix in ("", ":note")
    }
    for criterion in criteria:
        group = fields[f"readiness:{criterion}"]
        assert group["/FT"] == "/Btn"
        assert list(group["/Opt"]) == ["0", "1", "2", "na"]
    text = " ".join(text_of(PdfReader(path)).split())
    for words in (
        "Svarsskala",
        "0 Saknas",
        "85 % och uppåt: Redo för revision",
        "Kritisk",
        "Vikt 40",
        "Underskrivet av",
        "Bedömare",
        "Det finns ett utbildningsprogram.",
    ):
        assert words in text, words


def test_booklet_has_a_cover_contents_with_page_numbers_and_unique_fields(built: Build) -> None:
    path = built.site_dir / "pdf" / "booklet-es.pdf"
    reader = PdfReader(path)
    contents = " ".join(reader.pages[1].extract_text().split())
    assert "Índice" in contents
    entries = re.findall(r"Visita al centro[ .]*(\d+)", contents)
    # cover, contents, then the blocks in navigation order from page 3
    assert len(entries) == 2 and int(entries[0]) == 3 and int(entries[1]) > 3, contents
    fields = fields_of(path)
    single = len(fields_of(built.site_dir / "pdf" / "site-visit-es.pdf")) + len(
        fields_of(built.site_dir / "pdf" / "readiness-es.pdf")
    )
    assert len(fields) == single
    assert reader.metadata is not None
    # in the order of the navigation: ready.md, then visit.md
    assert pdf_text(reader.metadata["/Keywords"]).split(", ") == [
        "worksheets:worksheet:readiness:1:es",
        "worksheets:checklist:site-visit:2:es",
    ]


def test_the_finish_is_an_update_of_what_weasyprint_wrote(built: Build) -> None:
    """pdf/finish.py appends its changes: WeasyPrint's compressed objects stay as they
    are, the trailer still names the document's information (pdf.js reads the last
    one only), and widgets of one size share their appearance streams."""
    path = built.site_dir / "pdf" / "booklet-en.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF-1.7") and data.count(b"%%EOF") == 2
    assert b"/ObjStm" in data  # WeasyPrint's object streams, kept
    last_trailer = data[data.rindex(b"/Type /XRef") :]
    assert b"/Info" in last_trailer and b"/Prev" in last_trailer
    widgets, streams = 0, set[int]()
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            widgets += 1
            normal = widget["/AP"].raw_get("/N")  # a stream, or a stream per state
            states = [normal] if isinstance(normal, IndirectObject) else normal.values()
            streams.update(state.idnum for state in states)
    assert widgets > 20 and len(streams) < widgets / 2, (widgets, len(streams))


@pytest.mark.parametrize(("prefix", "lang"), [("", "en"), ("es/", "es"), ("sv/", "sv")])
def test_pages_link_to_their_pdf_and_home_to_the_booklet(
    built: Build, prefix: str, lang: str
) -> None:
    for page, name in (
        ("visit", f"site-visit-{lang}.pdf"),
        ("ready", f"readiness-{lang}.pdf"),
        ("", f"booklet-{lang}.pdf"),
    ):
        html_path = built.site_dir / prefix / page / "index.html"
        document = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
        links = [a for a in document.find_all("a") if "PDF" in a.get_text()]
        assert len(links) == 1, html_path
        href = str(links[0]["href"])
        assert not href.startswith(("/", "http")), href
        target = (html_path.parent / href).resolve()
        assert target == (built.site_dir / "pdf" / name).resolve()
        assert target.is_file()


def test_rebuild_renders_only_what_changed(tmp_path: Path) -> None:
    root = tmp_path / "project"
    site = write_site(root)
    first = build(root)
    assert "PDFs: 9 rendered, 0 from the cache" in first.output, first.output
    second = build(root)
    assert "PDFs: 0 rendered, 9 from the cache" in second.output, second.output
    site.write("es/ready.md", WORKSHEET.format(**{**TEXTS["es"], "feedback": "Otra redacción."}))
    third = build(root)
    # the Spanish worksheet and the Spanish booklet
    assert "PDFs: 2 rendered, 7 from the cache" in third.output, third.output
    assert "Otra redacción." in text_of(PdfReader(third.site_dir / "pdf" / "readiness-es.pdf"))


def test_serve_renders_no_pdf_and_shows_no_link(tmp_path: Path) -> None:
    from worksheets.plugin import WorksheetsPlugin

    plugin = WorksheetsPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    assert plugin.pdf_enabled
    plugin.on_startup(command="serve", dirty=False)
    assert not plugin.pdf_enabled
    plugin.load_config({"pdf_in_serve": True})
    assert plugin.pdf_enabled


def page_image(pdf: Path, page: int, folder: Path) -> tuple[int, int, bytes]:
    """One page as 8-bit grey pixels, through pdftoppm."""
    prefix = folder / "page"
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "40", "-f", str(page), "-l", str(page), str(pdf), str(prefix)],
        check=True,
    )
    image = next(folder.glob("page*.pgm")).read_bytes()
    magic, width, height, maximum, pixels = image.split(maxsplit=4)
    assert magic == b"P5" and maximum == b"255"
    return int(width), int(height), pixels


def test_nothing_runs_off_the_page(built: Build, tmp_path: Path) -> None:
    """The long unbreakable word in an item wraps: the page margins stay blank."""
    pdf = built.site_dir / "pdf" / "site-visit-en.pdf"
    width, height, pixels = page_image(pdf, 1, tmp_path)
    margin = int(width * 0.05)  # the page margin is 16 mm of 210 mm
    for row in range(height):
        line = pixels[row * width : (row + 1) * width]
        assert min(line[:margin]) > 200, f"ink in the left margin, row {row}"
        assert min(line[width - margin :]) > 200, f"ink in the right margin, row {row}"
    assert min(pixels) < 100  # the page is not blank


@pytest.mark.parametrize("name", ["site-visit-en.pdf", "readiness-sv.pdf", "booklet-es.pdf"])
def test_fields_stay_on_the_page_and_never_overlap(built: Build, name: str) -> None:
    reader = PdfReader(built.site_dir / "pdf" / name)
    for number, page in enumerate(reader.pages, 1):
        box = page.mediabox
        rectangles = []
        for annotation in page.get("/Annots") or []:
            widget = annotation.get_object()
            if widget.get("/Subtype") != "/Widget":
                continue
            left, bottom, right, top = (float(v) for v in widget["/Rect"])
            low, high = sorted((bottom, top))
            assert float(box.left) + 28 < left < right < float(box.right) - 28, (name, number)
            assert float(box.bottom) + 28 < low < high < float(box.top) - 28, (name, number)
            rectangles.append((min(left, right), low, max(left, right), high))
        for index, (l1, b1, r1, t1) in enumerate(rectangles):
            for l2, b2, r2, t2 in rectangles[index + 1 :]:
                overlap = min(r1, r2) - max(l1, l2) > 0.5 and min(t1, t2) - max(b1, b2) > 0.5
                assert not overlap, f"{name} page {number}: fields overlap"


def test_a_filled_pdf_reads_back_as_answers(built: Build, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(built.site_dir / "pdf" / "booklet-en.pdf"))
    writer.update_page_form_field_values(
        None,
        {
            "site-visit:floor": "/on",
            "site-visit:people:na": "/on",
            "site-visit:floor:note": "Clean floor",
            "site-visit:@label": "Vendor A",
        },
        auto_regenerate=False,
    )
    choose(writer, "readiness:programme", "2")
    choose(writer, "readiness:feedback", "3")
    filled = tmp_path / "filled.pdf"
    with filled.open("wb") as stream:
        writer.write(stream)
    worksheet, checklist = (assessment.as_json() for assessment in read_answers(filled))
    assert checklist["kind"] == "checklist" and checklist["version"] == 2
    assert checklist["answers"] == {"floor": True, "people": "na"}
    assert checklist["notes"] == {"floor": "Clean floor"}
    assert checklist["label"] == "Vendor A"
    assert worksheet["answers"] == {"programme": 2, "feedback": "na"}
    completed = subprocess.run(
        [sys.executable, "-m", "worksheets", "read-pdf", str(filled)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert [document["id"] for document in json.loads(completed.stdout)] == [
        "readiness",
        "site-visit",
    ]


def test_pdf_command_exports_without_building(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "worksheets",
        "pdf",
        "--docs",
        str(REPO / "docs"),
        "--lang",
        "es",
        "--out",
        str(out),
        "--cache-dir",
        str(tmp_path / "cache"),
    ]
    completed = subprocess.run(
        [*command, "copc-readiness"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert sorted(p.name for p in out.iterdir()) == ["copc-readiness-es.pdf"]
    metadata = PdfReader(out / "copc-readiness-es.pdf").metadata
    assert metadata is not None
    assert pdf_text(metadata["/Keywords"]).endswith(":es")
    unknown = subprocess.run(
        [*command, "no-such-block"], capture_output=True, text=True, check=False
    )
    assert unknown.returncode == 2 and "no block with id: no-such-block" in unknown.stderr


def test_a_failing_render_names_the_block_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weasyprint

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("no usable font")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", broken)
    renderer = PdfRenderer(tmp_path / "cache", workers=1)
    job = PdfJob(BlockPdf("checklist", "site-visit", 1, "sv"), "<p>x</p>")
    with pytest.raises(
        PdfError, match=r"checklist 'site-visit' \(sv\): ValueError: no usable font"
    ):
        renderer.render([job], tmp_path / "out")
    assert list((tmp_path / "cache").iterdir()) == []
    assert list((tmp_path / "out").iterdir()) == []


def test_a_failing_render_fails_the_build_without_a_traceback(tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_site(root)
    # WeasyPrint broken in every process of the build, as a missing font would.
    hook = root / "sitecustomize.py"
    hook.write_text(
        "import weasyprint\n"
        "def broken(*args, **kwargs):\n"
        "    raise OSError('cannot load font DejaVu Sans')\n"
        "weasyprint.HTML.write_pdf = broken\n",
        encoding="utf-8",
    )
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = f"{root}{os.pathsep}{env_path}" if env_path else str(root)
    try:
        result = run_build(
            [sys.executable, "-m", "mkdocs", "build", "--strict"], root, root / "site"
        )
    finally:
        if env_path:
            os.environ["PYTHONPATH"] = env_path
        else:
            del os.environ["PYTHONPATH"]
    assert result.returncode != 0
    assert "PDF rendering failed for " in result.output
    # One cause, said once, with the PDFs it stopped.
    assert result.output.count("OSError: cannot load font DejaVu Sans") == 1
    assert "checklist 'site-visit' (en)" in result.output and "and 6 more" in result.output
    assert "Traceback" not in result.output
    assert list((root / "site" / "pdf").glob("*.pdf")) == []
