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


# ---- the result's links to open required items and failed critical criteria ----

# Where the focused control is, and whether it is clear: inside the window, above the
# sticky result, and the element at its centre is the control or its label (nothing over it).
CONTROL_IN_SIGHT = """([control, result]) => {
  const box = document.getElementById(control), status = document.getElementById(result);
  const at = box.getBoundingClientRect(), over = status.getBoundingClientRect();
  const hit = document.elementFromPoint(at.left + at.width / 2, at.top + at.height / 2);
  return document.activeElement === box && at.top >= 0 && at.bottom <= over.top
    && at.bottom <= window.innerHeight && (hit === box || hit === box.closest("label")
    || (box.labels && Array.from(box.labels).includes(hit)));
}"""
RESULT_LINKS = """(result) => Array.from(document.getElementById(result).querySelectorAll("a"),
  (link) => [link.textContent, link.getAttribute("href"),
             link.getAttribute("data-worksheets-focus")])"""


def served_links(html: str, result: str) -> list[list[str]]:
    """The links in a block's result as the server wrote them: text, href, focus target."""
    from bs4 import BeautifulSoup, Tag

    region = BeautifulSoup(html, "html.parser").find(id=result)
    assert isinstance(region, Tag), result
    return [
        [link.get_text(), str(link["href"]), str(link["data-worksheets-focus"])]
        for link in region.find_all("a")
    ]


def activate_and_check(page: Page, result: str, name: str, control: str) -> None:
    """Goes to the top, activates the result's link `name` with the keyboard, and waits
    for the control `control` to have focus, in sight, clear of the sticky result."""
    from playwright.sync_api import expect

    page.evaluate("window.scrollTo(0, 0)")
    below = page.evaluate(
        "([control, result]) => document.getElementById(control).getBoundingClientRect().top"
        " >= document.getElementById(result).getBoundingClientRect().top",
        [control, result],
    )
    assert below, "the control is in sight already: the test would prove nothing"
    link = page.locator("#" + result).get_by_role("link", name=name, exact=True)
    link.focus()
    box = link.bounding_box()
    assert box is not None and box["height"] >= 44, box  # a touch target
    url = page.url
    page.keyboard.press("Enter")
    page.wait_for_function(CONTROL_IN_SIGHT, arg=[control, result])
    expect(page.locator("#" + control)).to_be_focused()
    assert page.url == url  # focus moved, the address stayed


def test_the_results_links_take_the_keyboard_to_open_required_items(
    phone: Page, base_url: str
) -> None:
    from playwright.sync_api import expect

    from tests.browser.conftest import watch_errors

    errors = watch_errors(phone)
    result = "ws-site-visit-result"
    phone.goto(base_url + "visit/")
    expect(phone.get_by_role("button", name="Export JSON")).to_be_visible()  # script started
    served = served_links(phone.request.get(base_url + "visit/").text(), result)
    assert served == [
        ["We walked the delivery floor", "#ws-site-visit-floor", "ws-site-visit-floor"],
        ["Reports arrive on time", "#ws-site-visit-reports", "ws-site-visit-reports"],
    ]
    assert phone.evaluate(RESULT_LINKS, result) == served  # left as served on load
    # Written by the script: one item checked, then unchecked again.
    floor = phone.get_by_role("checkbox", name="We walked the delivery floor.", exact=True)
    floor.check()
    expect(phone.locator("#" + result).get_by_role("link")).to_have_count(1)
    floor.uncheck()
    expect(phone.locator("#" + result).get_by_role("link")).to_have_count(2)
    assert phone.evaluate(RESULT_LINKS, result) == served

    activate_and_check(phone, result, "Reports arrive on time", "ws-site-visit-reports")
    phone.keyboard.press("Space")  # answers the focused item
    expect(
        phone.get_by_role("checkbox", name="Reports arrive on time.", exact=True)
    ).to_be_checked()
    links = phone.locator("#" + result).get_by_role("link")
    expect(links).to_have_text(["We walked the delivery floor"])
    assert errors == []


def test_the_results_links_take_the_keyboard_to_failed_critical_criteria(
    phone: Page, base_url: str
) -> None:
    import yaml
    from playwright.sync_api import expect
    from worksheets.model import Worksheet
    from worksheets.render import render_block

    from tests.browser.conftest import TEXTS, WORKSHEET, watch_errors

    errors = watch_errors(phone)
    result = "ws-readiness-result"
    phone.goto(base_url + "ready/")
    criterion = phone.get_by_role("group", name="A training programme exists.")
    criterion.get_by_role("radio", name="Not in place").check()
    name = "A training programme exists"
    expect(phone.locator("#" + result).get_by_role("link", name=name)).to_be_visible()
    # What the server renders for the same answer.
    front_matter = yaml.safe_load(WORKSHEET.format(**TEXTS["en"]).split("---")[1])
    model = Worksheet.model_validate(front_matter["worksheet"])
    served = served_links(render_block(model, "en", "Page", {"programme": 0}), result)
    assert served == [[name, "#ws-readiness-programme", "ws-readiness-programme"]]
    assert phone.evaluate(RESULT_LINKS, result) == served

    # The chosen radio button (here the group's first: the lowest value fails).
    activate_and_check(phone, result, name, "ws-readiness-programme")
    expect(criterion.get_by_role("radio", name="Not in place")).to_be_focused()
    phone.keyboard.press("ArrowDown")  # the next scale point: no longer failed
    expect(criterion.get_by_role("radio", name="Partly")).to_be_checked()
    expect(phone.locator("#" + result).get_by_role("link")).to_have_count(0)
    assert errors == []
