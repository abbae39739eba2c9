"""Any BCP 47 language folder works end to end: check, build, PDFs and their read-back."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.conftest import SiteFolder

pytestmark = pytest.mark.pdf

SITE = """\
site_name: Test site
theme:
  name: material
  font: false
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {locale: en, default: true, name: English, build: true}
        - {locale: pt-BR, name: Português, build: true}
        - {locale: zh-Hant, name: 中文, build: true}
  - worksheets:
      pdf_workers: 1
"""

PAGE = """\
---
checklist:
  id: site-visit
  version: 3
  sections:
    - id: visit
      title: {section}
      items:
        - id: floor
          text: {floor}
---
# {title}
"""

TEXTS = {
    "en": {"title": "Site visit", "section": "On site", "floor": "We walked the floor."},
    "pt-BR": {"title": "Visita", "section": "No local", "floor": "Percorremos o andar."},
    "zh-Hant": {"title": "實地考察", "section": "現場", "floor": "我們走訪了現場。"},
}


def run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worksheets", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteFolder:
    root = tmp_path_factory.mktemp("tags")
    (root / "mkdocs.yml").write_text(SITE, encoding="utf-8")
    folder = SiteFolder(root)
    for lang, texts in TEXTS.items():
        folder.write(f"{lang}/index.md", PAGE.format(**texts))
    return folder


def test_the_check_finds_every_language(site: SiteFolder) -> None:
    checked = run("check", "docs", "--format", "json", cwd=site.root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout) == {"problems": [], "missing_translations": []}
    status = run("check", "docs", "--translations", "--format", "json", cwd=site.root)
    assert json.loads(status.stdout)["languages"] == ["en", "pt-BR", "zh-Hant"]


def test_a_translation_out_of_step_is_named_by_its_tag(
    site_folder: Callable[..., SiteFolder],
) -> None:
    folder = site_folder(SITE)
    folder.write("en/index.md", PAGE.format(**TEXTS["en"]))
    folder.write(
        "pt-BR/index.md", PAGE.format(**TEXTS["pt-BR"]).replace("version: 3", "version: 2")
    )
    checked = run("check", "docs", cwd=folder.root)
    assert checked.returncode == 1
    assert "pt-BR/index.md:4: checklist.version: 2 here but 3 in en/index.md:4" in checked.stdout


def test_the_build_writes_every_language_and_its_pdfs(site: SiteFolder, tmp_path: Path) -> None:
    build = site.build()
    assert build.returncode == 0, build.output
    pdf = build.site_dir / "pdf"
    assert sorted(path.name for path in pdf.iterdir()) == [
        "booklet-en.pdf",
        "booklet-pt-BR.pdf",
        "booklet-zh-Hant.pdf",
        "site-visit-en.pdf",
        "site-visit-pt-BR.pdf",
        "site-visit-zh-Hant.pdf",
    ]
    page = build.html("pt-BR/index.html")
    assert "Percorremos o andar." in page and "site-visit-pt-BR.pdf" in page

    writer = PdfWriter(clone_from=PdfReader(pdf / "site-visit-pt-BR.pdf"))
    writer.update_page_form_field_values(
        None,
        {"site-visit:floor": "/on", "site-visit:@label": "Fornecedor A"},
        auto_regenerate=False,
    )
    filled = tmp_path / "filled.pdf"
    with filled.open("wb") as stream:
        writer.write(stream)
    read = run("read-pdf", str(filled), cwd=site.root)
    assert read.returncode == 0, read.stderr
    document = json.loads(read.stdout)
    assert (document["id"], document["version"], document["lang"]) == ("site-visit", 3, "pt-BR")
    assert document["answers"] == {"floor": True}
    assert document["label"] == "Fornecedor A"


def test_the_pdf_command_exports_one_language_by_its_tag(site: SiteFolder, tmp_path: Path) -> None:
    out = tmp_path / "out"
    exported = run(
        "pdf",
        "--lang",
        "pt-BR",
        "--out",
        str(out),
        "--cache-dir",
        str(tmp_path / "c"),
        cwd=site.root,
    )
    assert exported.returncode == 0, exported.stderr
    assert sorted(path.name for path in out.iterdir()) == [
        "booklet-pt-BR.pdf",
        "site-visit-pt-BR.pdf",
    ]
    only = run(
        "pdf", "site-visit", "--lang", "zh-Hant", "--out", str(tmp_path / "one"),
        "--cache-dir", str(tmp_path / "c"), cwd=site.root,
    )  # fmt: skip
    assert only.returncode == 0, only.stderr
    assert [path.name for path in (tmp_path / "one").iterdir()] == ["site-visit-zh-Hant.pdf"]
