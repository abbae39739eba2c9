"""Readers on a phone: the result stays in view while answering the middle of a long
form, and every control of the plugin is a target of at least 44 x 44 CSS px."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import Build

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def real_site(repository_build: Build, serve: Callable[[Path], str]) -> str:
    assert repository_build.returncode == 0, repository_build.output
    return serve(repository_build.site_dir)


@pytest.fixture
def phone(browser: Browser) -> Page:
    context = browser.new_context(**PHONE)  # type: ignore[arg-type]
    return context.new_page()


def test_the_result_stays_in_view_while_answering_a_long_form(phone: Page, real_site: str) -> None:
    phone.goto(real_site + "choosing-a-vendor/")
    groups = phone.get_by_role("group").filter(has=phone.get_by_role("radio"))
    middle = groups.nth(groups.count() // 2)
    middle.get_by_role("radio").first.check()
    status = phone.locator("#ws-vendor-selection-scorecard-result")
    box = status.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844 + 1, box
    assert box["height"] <= 844 * 0.4 + 1  # it never covers most of the screen
    assert "Provisional: 1 of" in status.inner_text()


def test_touch_targets_are_at_least_44_css_pixels(phone: Page, real_site: str) -> None:
    phone.goto(real_site + "choosing-a-vendor/")
    small = phone.evaluate(
        """() => {
          const found = [];
          let checked = 0;
          const size = (el) => el.getBoundingClientRect();
          for (const el of document.querySelectorAll(
              ".worksheets button, .worksheets summary, .worksheets input[type=checkbox], "
              + ".worksheets input[type=radio]")) {
            if (el.closest("[hidden]") || el.closest(".worksheets-sr-only")) continue;
            checked += 1;
            let box = size(el);
            const label = el.labels && el.labels[0] || el.closest("label");
            if (label) {
              const l = size(label);
              box = {width: Math.max(box.width, l.width), height: Math.max(box.height, l.height)};
            }
            if (box.width < 44 || box.height < 44) found.push(
              `${el.tagName} ${el.getAttribute("name") || el.textContent.trim().slice(0, 30)}`
              + ` ${Math.round(box.width)}x${Math.round(box.height)}`);
          }
          return {found, checked};
        }"""
    )
    assert small["checked"] > 50  # every checkbox, radio, note and button of both blocks
    assert small["found"] == []


def test_the_blocks_print_gives_the_form_alone_on_few_pages(
    browser: Browser, real_site: str, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(
        "window.print = () => { window.__printed = document.documentElement"
        ".hasAttribute('data-worksheets-printing') && document.querySelectorAll("
        "'[data-worksheets-printing].worksheets').length; };"
    )
    page.goto(real_site + "choosing-a-vendor/")
    scorecard = page.locator("#ws-vendor-selection-scorecard")
    for group in scorecard.get_by_role("group").filter(has=page.get_by_role("radio")).all()[:5]:
        group.get_by_role("radio").nth(2).check()
    scorecard.get_by_role("button", name="Print").click()
    assert page.evaluate("window.__printed") == 1  # only this block marked while printing
    # What the print dialog would print, with the block marked as the button marks it.
    page.evaluate(
        "document.documentElement.setAttribute('data-worksheets-printing', '');"
        "document.querySelector('#ws-vendor-selection-scorecard')"
        ".setAttribute('data-worksheets-printing', '')"
    )
    path = tmp_path / "printed.pdf"
    page.pdf(path=str(path), format="A4")
    reader = PdfReader(path)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert len(reader.pages) <= 4, len(reader.pages)
    assert "Vendor selection scorecard" in text
    assert "Start with your own business" not in text  # the guide is left out
    assert "Due-diligence checklist" not in text  # and so is the other block
    assert "● Good" in text or "●Good" in text  # the chosen answer, in words, marked
    context.close()


def test_no_console_error_or_failed_request_on_any_page(
    browser: Browser, real_site: str, repository_build: Build
) -> None:
    pages = sorted(
        path.relative_to(repository_build.site_dir).as_posix()
        for path in repository_build.site_dir.rglob("index.html")
    )
    assert len(pages) >= 40
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(f"{page.url}: {message.text}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    for path in pages:
        page.goto(real_site + path.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
    context.close()
    assert problems == []
