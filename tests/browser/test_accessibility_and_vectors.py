"""axe-core on every form page, the scoring vectors in the browser, instant navigation."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect
from worksheets.formats.client import client_data
from worksheets.model import Checklist, Worksheet

from tests.browser.assessments import three_vendors
from tests.conftest import Build, SiteFolder

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "scoring.json").read_text(encoding="utf-8")
)["cases"]


def open_and_answer(page: Page, url: str) -> None:
    """Answer something and open a note, so that the live result and notes are checked too."""
    page.goto(url)
    main = page.get_by_role("main")
    main.get_by_role("checkbox").or_(main.get_by_role("radio")).first.check()
    page.locator("summary").first.click()


@pytest.mark.parametrize("lang", ["", "es/", "sv/"])
@pytest.mark.parametrize("path", ["visit/", "ready/"])
def test_axe_finds_no_serious_violation(page: Page, base_url: str, lang: str, path: str) -> None:
    open_and_answer(page, base_url + lang + path)
    # The whole page is checked on the real site below; here, the plugin's blocks.
    assert serious_violations(page, ".worksheets") == []


@pytest.mark.parametrize(
    ("lang", "spread", "rename", "delete"),
    [
        ("", "Show the spread", "Rename Vendor B", "Delete Vendor C"),
        ("es/", "Mostrar la dispersión", "Cambiar nombre Vendor B", "Eliminar Vendor C"),
        ("sv/", "Visa spridningen", "Byt namn Vendor B", "Ta bort Vendor C"),
    ],
)
def test_axe_on_a_comparison_being_managed(
    page: Page, base_url: str, lang: str, spread: str, rename: str, delete: str
) -> None:
    """Three assessments compared with the spread shown, one being renamed, one deleted."""
    three_vendors(page, base_url + lang + "ready/")
    page.get_by_role("button", name=spread).click()
    page.get_by_role("button", name=rename).click()
    expect(page.get_by_role("spinbutton")).to_be_visible()
    assert serious_violations(page, ".worksheets") == []
    page.keyboard.press("Escape")
    page.get_by_role("button", name=delete).press("Enter")
    expect(page.get_by_role("table")).to_be_visible()
    assert serious_violations(page, ".worksheets") == []


def test_browser_scoring_equals_the_python_reference(page: Page, base_url: str) -> None:
    page.goto(base_url + "visit/")
    for case in VECTORS:
        kind = "checklist" if "checklist" in case["block"] else "worksheet"
        model_type = Checklist if kind == "checklist" else Worksheet
        model = model_type.model_validate(case["block"][kind])
        block = client_data(model, "en", "Title")
        function, figure = (
            ("scoreChecklist", "progress") if kind == "checklist" else ("scoreWorksheet", "score")
        )
        result: dict[str, Any] = page.evaluate(
            f"([block, answers]) => {{ const r = Worksheets.{function}(block, answers);"
            f" r.percent = r.{figure} === null ? null : Worksheets.roundPercent(r.{figure});"
            " return r; }",
            [block, case["answers"]],
        )
        expected = case["expected"]
        assert result["percent"] == expected["percent"], case["name"]
        if kind == "worksheet":
            assert (result["band"] or {}).get("label") == expected["band"], case["name"]
            assert result["failedCritical"] == expected["failed_critical"], case["name"]
            assert result["answered"] == expected["answered"], case["name"]
        else:
            assert result["openRequired"] == expected["open_required"], case["name"]
            assert result["complete"] == expected["complete"], case["name"]


INSTANT_YML = """\
site_name: Instant
site_url: http://127.0.0.1/
theme:
  name: material
  font: false
  features:
    - navigation.instant
plugins:
  - worksheets
"""


def test_instant_navigation_initializes_each_page(
    tmp_path: Path,
    serve: Callable[[Path], str],
    context_factory: Callable[..., BrowserContext],
) -> None:
    root = tmp_path / "instant"
    root.mkdir()
    (root / "mkdocs.yml").write_text(INSTANT_YML, encoding="utf-8")
    site = SiteFolder(root)
    site.write("index.md", "# Home\n\n[The checklist](list.md)\n")
    site.write(
        "list.md",
        "---\nchecklist:\n  id: instant\n  sections:\n    - id: s\n      title: S\n"
        "      items:\n        - {id: a, text: First item}\n        - {id: b, text: Second}\n"
        "---\n# List\n",
    )
    build = site.build()
    assert build.returncode == 0, build.output
    base = serve(build.site_dir)
    page = context_factory().new_page()
    page.goto(base)
    page.get_by_role("link", name="The checklist").click()
    page.wait_for_url("**/list/")
    page.get_by_role("checkbox", name="First item", exact=True).check()
    expect(page.get_by_role("status")).to_contain_text("Progress: 50%")
    # Back and forth without a page load: the form still works and shows the answer.
    page.go_back()
    page.wait_for_url(base)
    page.get_by_role("link", name="The checklist").click()
    expect(page.get_by_role("checkbox", name="First item", exact=True)).to_be_checked()
    page.get_by_role("checkbox", name="Second", exact=True).check()
    expect(page.get_by_role("status")).to_contain_text("Progress: 100%")


def serious_violations(page: Page, context: str | None = None) -> list[str]:
    """axe-core's serious and critical violations, once the page's transitions have ended.

    Material's buttons change colour in a 125 ms transition on focus and hover. A click
    moves focus, and a layout change can put another button under the mouse: axe-core
    then reads a colour halfway between two states, which no reader sees for longer
    than a blink (CI once failed so on the Swedish comparison). The check reads the
    state the transition ends in, as a reader sees it."""
    page.wait_for_function("document.getAnimations().length === 0")
    results = Axe().run(page, context=context)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(str(node["target"][0]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.fixture(scope="module")
def repository_site(repository_build: Build, serve: Callable[[Path], str]) -> str:
    assert repository_build.returncode == 0, repository_build.output
    return serve(repository_build.site_dir)


@pytest.mark.parametrize("lang", ["", "es/", "sv/"])
@pytest.mark.parametrize("path", ["choosing-a-vendor/", "copc-readiness/"])
def test_axe_on_the_real_site(page: Page, repository_site: str, lang: str, path: str) -> None:
    open_and_answer(page, repository_site + lang + path)
    assert serious_violations(page) == []


@pytest.mark.parametrize("path", ["choosing-a-vendor/", "es/copc-readiness/"])
def test_axe_on_the_real_site_in_the_dark_palette(
    context_factory: Callable[..., BrowserContext], repository_site: str, path: str
) -> None:
    page = context_factory(color_scheme="dark").new_page()
    open_and_answer(page, repository_site + path)
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == "slate"
    assert serious_violations(page) == []
