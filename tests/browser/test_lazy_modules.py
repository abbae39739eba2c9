"""A page loads the script's core at once, and the comparison, exports, imports and
share links when first used: what `make bench` counts as loaded at once is what the
browser fetches."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from worksheets.publish import BUNDLE, loaded_on_start

from tests.browser.assessments import comparison, three_vendors


def fetched(page: Page) -> list[str]:
    names: list[str] = []
    page.on(
        "request",
        lambda request: (
            names.append(request.url.rsplit("/", 1)[-1].split("?")[0])
            if "/assets/worksheets/" in request.url
            else None
        ),
    )
    return names


def test_the_core_loads_at_once_and_the_rest_on_first_use(page: Page, base_url: str) -> None:
    names = fetched(page)
    page.goto(base_url + "ready/")
    expect(page.locator("section.worksheets[data-worksheets-ready]")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    assert sorted(set(names)) == loaded_on_start(BUNDLE)
    # Two assessments or more: the comparison's modules come, and the table shows.
    three_vendors(page, base_url + "ready/")
    expect(comparison(page)).to_be_visible()
    for module in ("assessments", "compare", "grid", "table"):
        assert loaded(names, module), module
    assert not loaded(names, "transfer") and not loaded(names, "incoming")
    # An export loads the exports' module.
    with page.expect_download():
        page.get_by_role("button", name="Export JSON").first.click()
    assert loaded(names, "transfer")


def loaded(names: list[str], module: str) -> bool:
    """Whether the browser fetched the bundle's file for ``module`` (``compare-<hash>.js``)."""
    return any(name.startswith(module + "-") for name in names)
