"""Site configuration readers and search engines rely on: sitemaps in every language
folder, absolute when SITE_URL is set and never broken when it is not."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from tests.conftest import MKDOCS_YML, SiteFolder


def build(site: SiteFolder, site_url: str | None) -> None:
    config = MKDOCS_YML.replace(
        "site_name: Test site\n", "site_name: Test site\nsite_url: !ENV SITE_URL\n"
    )
    (site.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    if site_url:
        env["SITE_URL"] = site_url
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site.root, env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("site_url", [None, "https://example.org/kb/"])
def test_every_page_folder_has_a_valid_sitemap(
    site_folder: Callable[..., SiteFolder], site_url: str | None
) -> None:
    site = site_folder()
    for lang in ("en", "es", "sv"):
        site.write(f"{lang}/index.md", f"# Home {lang}\n")
        site.write(f"{lang}/guide.md", f"# Guide {lang}\n")
    build(site, site_url)
    folders = [path.parent for path in (site.root / "site").rglob("index.html")]
    assert len(folders) == 6
    for folder in folders:
        sitemap = (folder / "sitemap.xml").read_text(encoding="utf-8")
        assert "None" not in sitemap and sitemap.startswith("<?xml")
    # The page folders' empty sitemaps are one file, linked; the root's is its own.
    inner = {(folder / "sitemap.xml").stat().st_ino for folder in folders} - {
        (site.root / "site" / "sitemap.xml").stat().st_ino
    }
    assert len(inner) == 1
    root = (site.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    packed = (site.root / "site" / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == root
    if site_url:
        assert f"<loc>{site_url}es/guide/</loc>" in root
        assert f'hreflang="sv" href="{site_url}sv/guide/"' in root
        page = (site.root / "site" / "es" / "guide" / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{site_url}es/guide/">' in page
    else:
        assert "<loc>" not in root


def test_each_language_searches_only_its_own_pages(
    site_folder: Callable[..., SiteFolder],
) -> None:
    import json

    site = site_folder()
    for lang, word in (("en", "calibration"), ("es", "calibración"), ("sv", "kalibrering")):
        site.write(f"{lang}/index.md", f"# Home {lang}\n")
        site.write(f"{lang}/guide.md", f"# Guide {lang}\n\nAbout {word}.\n")
    build(site, None)
    root = site.root / "site"
    for folder, lang in (("", "en"), ("es/", "es"), ("sv/", "sv")):
        index = json.loads((root / folder / "search/search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [lang]
        locations = [doc["location"] for doc in index["docs"]]
        assert "guide/" in locations and not any(
            location.startswith(("es/", "sv/")) for location in locations
        )
        text = " ".join(doc["text"] for doc in index["docs"])
        others = {"en": "calibration", "es": "calibración", "sv": "kalibrering"}
        assert others[lang] in text
        assert not [word for other, word in others.items() if other != lang and word in text]
    page = (root / "sv" / "guide" / "index.html").read_text(encoding="utf-8")
    assert '"base": ".."' in page  # the Swedish folder, where its index is


def test_hreflang_alternates_pass_lighthouses_audit_when_site_url_is_set(
    site_folder: Callable[..., SiteFolder],
) -> None:
    """Lighthouse's hreflang audit: every alternate has a valid language code and a
    fully qualified address; here also: one per language, the page itself among
    them, each pointing at a page that exists."""
    site_url = "https://example.org/kb/"
    site = site_folder()
    for lang in ("en", "es", "sv"):
        site.write(f"{lang}/index.md", f"# Home {lang}\n")
        site.write(f"{lang}/guide.md", f"# Guide {lang}\n")
    build(site, site_url)
    site_dir = site.root / "site"
    for page in site_dir.rglob("index.html"):
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        alternates = {
            str(link["hreflang"]): str(link["href"])
            for link in document.find_all("link", rel="alternate", hreflang=True)
        }
        where = page.relative_to(site_dir).as_posix()
        assert sorted(alternates) == ["en", "es", "sv"], where
        own = site_url + where.removesuffix("index.html")
        assert alternates[str(document.html["lang"])] == own, where  # type: ignore[index]
        for href in alternates.values():
            assert href.startswith(site_url), (where, href)
            target = site_dir / href.removeprefix(site_url) / "index.html"
            assert target.is_file(), (where, href)
