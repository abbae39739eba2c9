"""The PDF cache survives days: a rebuild tomorrow renders nothing, an edited guide
renders its own PDFs and its language's booklet, and entries no build uses go."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.browser.conftest import write_test_site
from tests.conftest import MKDOCS_YML_WITH_PDFS, SiteFolder

pytestmark = pytest.mark.pdf

DAY = 86400
EPOCH = 1795478400  # 2026-11-24
RENDERED = re.compile(r"PDFs: (\d+) rendered, (\d+) from the cache")


def build(site: SiteFolder, epoch: int) -> tuple[int, int]:
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        done = site.build()
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    assert done.returncode == 0, done.output
    found = RENDERED.search(done.output)
    assert found, done.output
    return int(found[1]), int(found[2])


def test_a_rebuild_renders_only_what_changed(tmp_path: Path) -> None:
    site = write_test_site(tmp_path / "project", extra_pages=False, config=MKDOCS_YML_WITH_PDFS)
    cache = tmp_path / "project" / ".cache" / "worksheets"
    # Every page last changed two days before the first build.
    for page in site.docs.rglob("*.md"):
        os.utime(page, (EPOCH - 2 * DAY, EPOCH - 2 * DAY))
    # 2 blocks x 3 languages, and 3 booklets.
    assert build(site, EPOCH) == (9, 0)
    assert len(list(cache.glob("*.pdf"))) == 9
    # The next day: nothing changed, nothing rendered.
    assert build(site, EPOCH + DAY) == (0, 9)
    # One guide edited (its modification time is now): its PDF and its language's booklet.
    visit = site.docs / "es" / "visit.md"
    visit.write_text(visit.read_text(encoding="utf-8") + "\nUna línea más.\n", encoding="utf-8")
    assert build(site, EPOCH + 2 * DAY) == (2, 7)
    # The edited guide's old PDF and the old booklet are gone from the cache.
    assert len(list(cache.glob("*.pdf"))) == 9
    # Footers carry the day each page last changed (the edit, clamped to SOURCE_DATE_EPOCH).
    pdf = tmp_path / "project" / "site" / "pdf"
    assert "2026-11-26" in text_of(pdf / "site-visit-es.pdf")
    assert "2026-11-22" in text_of(pdf / "site-visit-sv.pdf")
    assert "2026-11-26" in text_of(pdf / "booklet-es.pdf")


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)
