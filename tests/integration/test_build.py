"""Real `mkdocs build` runs of small sites and of the repository's own site."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup, Tag
from worksheets.scan import scan_docs

from tests.conftest import MKDOCS_YML, REPO, Build, SiteFolder

CHECKLIST_EN = """
---
title: Vendor visit
checklist:
  id: site-visit
  sections:
    - id: visit
      title: On site
      items:
        - id: floor
          text: We walked the **delivery** floor.
          required: true
        - id: people
          text: We met the team leads.
---
# Vendor visit

Before the list.

<!-- checklist -->

After the list.
"""

CHECKLIST_ES = """
---
title: Visita al proveedor
checklist:
  id: site-visit
  sections:
    - id: visit
      title: En el centro
      items:
        - id: floor
          text: Recorrimos la planta **de servicio**.
          required: true
        - id: people
          text: Conocimos a los jefes de equipo.
---
# Visita al proveedor

<!-- checklist -->
"""

CHECKLIST_SV = """
---
title: Leverantörsbesök
checklist:
  id: site-visit
  sections:
    - id: visit
      title: På plats
      items:
        - id: floor
          text: Vi gick runt på **leveransgolvet**.
          required: true
        - id: people
          text: Vi träffade teamledarna.
---
# Leverantörsbesök
"""

HOME = "# Home\n"


def soup_of(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(path), "html.parser")


def labels(document: BeautifulSoup) -> list[str]:
    result = []
    for box in document.select(".worksheets input[type=checkbox]"):
        label = document.find("label", attrs={"for": box["id"]})
        assert isinstance(label, Tag)
        result.append(" ".join(label.get_text().split()))
    return result


def three_languages(site_folder: Callable[..., SiteFolder]) -> SiteFolder:
    site = site_folder()
    for lang, text in (("en", CHECKLIST_EN), ("es", CHECKLIST_ES), ("sv", CHECKLIST_SV)):
        site.write(f"{lang}/index.md", HOME)
        site.write(f"{lang}/visit.md", text)
    return site


def test_blocks_render_in_every_language(site_folder: Callable[..., SiteFolder]) -> None:
    build = three_languages(site_folder).build()
    assert build.returncode == 0, build.output
    expected = {
        "visit/index.html": [
            "We walked the delivery floor.",
            "Not applicable We walked the delivery floor.",
            "We met the team leads.",
            "Not applicable We met the team leads.",
        ],
        "es/visit/index.html": [
            "Recorrimos la planta de servicio.",
            "No aplicable Recorrimos la planta de servicio.",
            "Conocimos a los jefes de equipo.",
            "No aplicable Conocimos a los jefes de equipo.",
        ],
        "sv/visit/index.html": [
            "Vi gick runt på leveransgolvet.",
            "Ej tillämplig Vi gick runt på leveransgolvet.",
            "Vi träffade teamledarna.",
            "Ej tillämplig Vi träffade teamledarna.",
        ],
    }
    status_text = {
        "visit/index.html": "Progress: 0%",
        "es/visit/index.html": "Progreso: 0 %",
        "sv/visit/index.html": "Framsteg: 0 %",
    }
    for path, names in expected.items():
        document = soup_of(build, path)
        assert labels(document) == names, path
        status = document.find(class_="worksheets-result")
        assert isinstance(status, Tag) and status.get("role") == "status"
        assert isinstance(status, Tag) and status_text[path] in status.get_text(), path
        stylesheets = [str(link["href"]) for link in document.find_all("link", rel="stylesheet")]
        assert sum(href.endswith("assets/worksheets/worksheets.css") for href in stylesheets) == 1
        href = next(h for h in stylesheets if h.endswith("worksheets.css"))
        assert (build.site_dir / path).parent.joinpath(href).resolve().is_file()
        scripts = [str(tag["src"]) for tag in document.find_all("script", src=True)]
        ours = [src for src in scripts if "assets/worksheets/" in src]
        assert sorted(src.rsplit("/", 1)[-1] for src in ours) == ["index.js", "offline.js"]
        for src in ours:
            assert (build.site_dir / path).parent.joinpath(src).resolve().is_file()
    # A page without a block loads only the offline copy's small script, nothing else.
    home = soup_of(build, "index.html")
    scripts = [str(tag["src"]) for tag in home.find_all("script", src=True)]
    assert [src for src in scripts if "worksheets" in src] == ["assets/worksheets/offline.js"]
    assert "worksheets.css" not in str(home) and "index.js" not in str(home)


def test_block_goes_at_its_marker_or_at_the_end(site_folder: Callable[..., SiteFolder]) -> None:
    build = three_languages(site_folder).build()
    english = build.html("visit/index.html")
    assert english.index("Before the list.") < english.index("worksheets-checklist")
    assert english.index("worksheets-checklist") < english.index("After the list.")
    assert "<!-- checklist -->" not in english
    swedish = soup_of(build, "sv/visit/index.html")
    article = swedish.find("article")
    assert isinstance(article, Tag)
    sections = article.find_all("section", class_="worksheets", recursive=True)
    assert len(sections) == 1
    heading = article.find("h1")
    assert heading is not None and heading.find_next("section") is sections[0]


def test_missing_translation_falls_back_to_the_default_page(
    site_folder: Callable[..., SiteFolder],
) -> None:
    site = site_folder()
    site.write("en/index.md", HOME)
    site.write("en/visit.md", CHECKLIST_EN)
    site.write("sv/index.md", HOME)
    build = site.build()
    assert build.returncode == 0, build.output
    assert "page(s) have no 'sv' translation" in build.output
    document = soup_of(build, "sv/visit/index.html")
    assert "We walked the delivery floor." in labels(document)


BROKEN = """
---
title: Broken
checklist:
  id: Site Visit
  sections:
    - id: visit
      title: Visit
      items:
        - id: floor
          text: Floor.
          weight: two
          requried: true
---
# Broken

<!-- worksheet -->
"""


def test_broken_page_fails_the_strict_build_with_every_problem(
    site_folder: Callable[..., SiteFolder],
) -> None:
    site = site_folder()
    site.write("en/index.md", HOME)
    site.write("en/broken.md", BROKEN)
    build = site.build()
    assert build.returncode != 0
    for line in [
        "en/broken.md:4: checklist.id: must be a slug",
        "en/broken.md:11: checklist.sections[0].items[0].weight: must be a number greater "
        "than 0, got 'two'",
        "en/broken.md:12: checklist.sections[0].items[0].requried: unknown key 'requried'; "
        "did you mean 'required'?",
        "en/broken.md:16: worksheet: the page has a <!-- worksheet --> marker",
    ]:
        assert f"WARNING -  worksheets: {line}" in build.output, build.output
    assert "Aborted with" in build.output
    assert "Traceback" not in build.output
    # reported once, not once per language build
    assert build.output.count("en/broken.md:11:") == 1


def test_yaml_syntax_error_is_caught(site_folder: Callable[..., SiteFolder]) -> None:
    site = site_folder()
    site.write("en/index.md", HOME)
    site.write("en/bad.md", "---\ntitle: Bad\nchecklist: {id: x\n---\n# Bad\n")
    build = site.build()
    assert build.returncode != 0
    assert re.search(r"worksheets: en/bad\.md:3: front matter: YAML syntax error", build.output)
    assert "Traceback" not in build.output


def test_without_strict_a_broken_block_shows_an_error_box(
    site_folder: Callable[..., SiteFolder],
) -> None:
    site = site_folder(MKDOCS_YML)
    site.write("en/index.md", HOME)
    site.write("en/broken.md", BROKEN)
    build = site.build(strict=False)
    assert build.returncode == 0, build.output
    document = soup_of(build, "broken/index.html")
    alerts = document.find_all(name=None, attrs={"role": "alert"})
    text = " ".join(alert.get_text(" ") for alert in alerts)
    assert "en/broken.md:11: checklist.sections[0].items[0].weight" in text
    assert "en/broken.md:16: worksheet: the page has a <!-- worksheet --> marker" in text
    assert document.select(".worksheets input") == []


def test_translation_out_of_step_fails(site_folder: Callable[..., SiteFolder]) -> None:
    site = three_languages(site_folder)
    site.write("es/visit.md", CHECKLIST_ES.replace("required: true", "required: false"))
    build = site.build()
    assert build.returncode != 0
    assert (
        "es/visit.md:11: checklist.sections[0].items[0].required: false here but true in "
        "en/visit.md:11"
    ) in build.output


def test_disabled_plugin_renders_and_checks_nothing(site_folder: Callable[..., SiteFolder]) -> None:
    site = site_folder(MKDOCS_YML.replace("      pdf: false\n", "      enabled: false\n"))
    site.write("en/index.md", HOME)
    site.write("en/broken.md", BROKEN)
    build = site.build()
    assert build.returncode == 0, build.output
    assert "worksheets-checklist" not in build.html("broken/index.html")


@pytest.mark.pdf
def test_repository_site_builds_strictly_without_third_party_requests(
    repository_build: Build,
) -> None:
    build = repository_build
    site_dir = build.site_dir
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) >= 9
    for page in pages:
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in document.find_all(["script", "img", "iframe", "link", "source"]):
            if element.name == "link" and not set(element.get_attribute_list("rel")) & {
                "stylesheet",
                "preload",
                "prefetch",
                "preconnect",
                "icon",
                "manifest",
                "modulepreload",
                "dns-prefetch",
            }:
                continue
            url = str(element.get("src") or element.get("href") or "")
            host = urlparse(url).netloc
            assert not host, f"{page.relative_to(site_dir)} requests {url}"
    toggles = {"": "Switch to dark mode", "es/": "Cambiar al modo oscuro",
               "sv/": "Byt till mörkt läge"}  # fmt: skip
    for prefix, toggle in toggles.items():
        home = (site_dir / prefix / "index.html").read_text(encoding="utf-8")
        assert f'aria-label="{toggle}"' in home, prefix
        # No block: no stylesheet or form script, only the offline copy's small script.
        assert "worksheets.css" not in home and "assets/worksheets/index.js" not in home
        assert "assets/worksheets/offline.js" in home
    for lang, prefix in (("en", ""), ("es", "es/"), ("sv", "sv/")):
        document = BeautifulSoup(
            (site_dir / prefix / "copc-readiness/index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        html = document.find("html")
        assert html is not None and html["lang"] == lang
        source = scan_docs(REPO / "docs").page(lang, "copc-readiness.md")
        assert source is not None
        worksheet = source.model("worksheet")
        assert worksheet is not None
        assert len(document.find_all("fieldset")) == len(worksheet.entries())
        assert document.select_one('.worksheets-result[role="status"]') is not None
        # "Last updated" from git history, in the page's language
        updated = document.find(class_="git-revision-date-localized-plugin-date")
        assert updated is not None
        pattern = {
            "en": r"[A-Z][a-z]+ \d{1,2}, \d{4}",
            "es": r"\d{1,2} de [a-z]+ de \d{4}",
            "sv": r"\d{1,2} [a-zåäö]+ \d{4}",
        }[lang]
        assert re.fullmatch(pattern, updated.get_text().strip()), updated.get_text()


def test_a_build_publishes_the_bundle(site_folder: Callable[..., SiteFolder]) -> None:
    from worksheets.publish import BUNDLE

    build = three_languages(site_folder).build()
    assert build.returncode == 0, build.output
    folder = build.site_dir / "assets" / "worksheets"
    for path in BUNDLE.iterdir():
        assert (folder / path.name).read_bytes() == path.read_bytes(), path.name
    # The sources' modules are not published: their code is in the bundle.
    assert not (folder / "block.js").exists() and not (folder / "types.js").exists()
    assert (folder / "vendor" / "pdfjs" / "pdf.min.mjs").is_file()


def test_search_reads_the_searchable_content_and_the_page_keeps_the_form(
    site_folder: Callable[..., SiteFolder],
) -> None:
    """Material's search parses the content without what it must not index (the forms'
    controls, notes, results); the page gets its whole form back."""
    build = three_languages(site_folder).build()
    assert build.returncode == 0, build.output
    page = build.html("visit/index.html")
    assert "worksheets-content" not in page
    assert 'class="worksheets-toolbar"' in page and 'class="worksheets-result"' in page
    index = json.loads((build.site_dir / "search" / "search_index.json").read_text("utf-8"))
    texts = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("visit/"))
    assert texts.count("We walked the delivery floor.") == 1
    assert "Not applicable" not in texts and "Export" not in texts
    # The blocks' texts went through markers (searchtext.py): every one got its text back.
    for index_file in ("search", "es/search", "sv/search"):
        written = (build.site_dir / index_file / "search_index.json").read_text("utf-8")
        assert "worksheets-search-" not in written, index_file
    swedish = json.loads((build.site_dir / "sv/search/search_index.json").read_text("utf-8"))
    by_location = {doc["location"]: doc["text"] for doc in swedish["docs"]}
    assert "leveransgolvet" in by_location["visit/#ws-site-visit-visit"]
