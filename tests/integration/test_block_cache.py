"""Blocks rendered once: a rebuild reads every block from the cache and writes the same
site, byte for byte; an edited block is the only one rendered again; old entries go."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.browser.conftest import write_test_site
from tests.conftest import SiteFolder

BLOCKS = re.compile(r"Blocks: (\d+) rendered, (\d+) from the cache")


def build(site: SiteFolder) -> tuple[int, int]:
    done = site.build()
    assert done.returncode == 0, done.output
    found = BLOCKS.search(done.output)
    assert found, done.output
    return int(found[1]), int(found[2])


def pages(site_dir: Path) -> dict[str, bytes]:
    """Every file the build wrote (sitemap.xml.gz aside: gzip stamps the time)."""
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.suffix != ".gz"
    }


def test_a_rebuild_renders_only_the_edited_block(tmp_path: Path) -> None:
    site = write_test_site(tmp_path / "project", extra_pages=False)
    cache = tmp_path / "project" / ".cache" / "worksheets" / "blocks"
    # A checklist and a worksheet in three languages.
    assert build(site) == (6, 0)
    cold = pages(site.root / "site")
    assert len(list(cache.glob("*/*"))) == 6
    assert build(site) == (0, 6)
    assert pages(site.root / "site") == cold
    # One item of the Spanish checklist changes: that block alone is rendered again.
    visit = site.docs / "es" / "visit.md"
    text = visit.read_text(encoding="utf-8")
    visit.write_text(text.replace("Conocimos a", "Conocimos hoy a"), encoding="utf-8")
    assert build(site) == (1, 5)
    assert "Conocimos hoy a" in (site.root / "site" / "es" / "visit" / "index.html").read_text(
        encoding="utf-8"
    )
    # The old entry is pruned; and with no cache, the same site is written.
    assert len(list(cache.glob("*/*"))) == 6
    warm = pages(site.root / "site")
    shutil.rmtree(cache)
    assert build(site) == (6, 0)
    assert pages(site.root / "site") == warm
