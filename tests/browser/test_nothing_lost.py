"""Nothing a reader saved is lost: a full storage, two tabs, Undo across tabs, entries the
page cannot read and files beyond the limits (issue "Nothing a reader saved is lost",
cases 1 to 5), each in Chromium with the browser's real localStorage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.assessments import (
    ARCHIVE_KEY,
    VENDOR_A,
    WORKSHEET_KEY,
    all_stored,
    answers_file,
    import_files,
    seed,
    stored,
    three_vendors,
)
from tests.browser.conftest import watch_errors

# Fills the origin's localStorage to the last character it takes (Chromium's quota is
# about 5 MB): large values first, then smaller ones. Returns how many were written.
FILL_STORAGE = """() => {
  let count = 0;
  for (let size = 1 << 20; size >= 1; size = Math.floor(size / 4)) {
    const value = "x".repeat(size);
    for (;;) {
      try { localStorage.setItem("filler:" + count, value); count += 1; }
      catch { break; }
    }
  }
  return count;
}"""
FREE_STORAGE = """() => Object.keys(localStorage).filter((key) => key.startsWith("filler:"))
  .forEach((key) => localStorage.removeItem(key))"""
STORED_OPEN = f"JSON.parse(localStorage.getItem('{WORKSHEET_KEY}'))"


def without_clock(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored answers files as exported: without the clock that merges tabs' changes."""
    return [
        {key: value for key, value in document.items() if key != "clock"} for document in documents
    ]


def test_a_full_storage_is_said_at_every_edit_until_a_save_succeeds(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    page.goto(base_url + "ready/")
    label = page.get_by_role("textbox", name="Assessment label")
    label.fill("Vendor A")
    assert page.evaluate(FILL_STORAGE) > 0
    small = tmp_path / "small.json"
    small.write_text(json.dumps(answers_file("Vendor B", {"programme": 2})), encoding="utf-8")
    import_files(page, small)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Nothing was imported from small.json")
    expect(label).to_have_value("Vendor A")

    failed = "Your latest changes to “Vendor A” are not saved"
    for name in ("Partly", "In place"):
        page.get_by_role("group", name="A training programme exists.").get_by_role(
            "radio", name=name, exact=True
        ).check()
        # Said again at every edit, and first: no later message hides it.
        expect(alert.locator("p").first).to_contain_text(failed)
    page.get_by_label("Assessor").fill("Ann")
    expect(alert.locator("p").first).to_contain_text(failed)
    expect(alert.get_by_role("button", name="Export this assessment")).to_be_visible()
    with page.expect_download() as download:
        alert.get_by_role("button", name="Export this assessment").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["answers"] == {"programme": 2}
    assert exported["assessor"] == "Ann"

    page.evaluate(FREE_STORAGE)
    page.get_by_label("Assessor").fill("Ann Berg")
    expect(alert).to_contain_text("Your answers to “Vendor A” are saved again.")
    expect(alert).not_to_contain_text(failed)
    page.reload()
    expect(label).to_have_value("Vendor A")
    expect(page.get_by_label("Assessor")).to_have_value("Ann Berg")
    assert page.evaluate(STORED_OPEN)["answers"] == {"programme": 2}


def test_a_file_beyond_the_limits_is_refused_before_anything_is_stored(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    page.goto(base_url + "ready/")
    huge = tmp_path / "huge-note.json"
    huge.write_text(
        json.dumps(answers_file("Big", {"programme": 1}, notes={"programme": "x" * 6_000_000})),
        encoding="utf-8",
    )
    long_label = tmp_path / "long-label.json"
    long_label.write_text(json.dumps(answers_file("L" * 201, {})), encoding="utf-8")
    week = tmp_path / "week.json"
    week.write_text(json.dumps(answers_file("W", {}, date="2026-W01-1")), encoding="utf-8")
    import_files(page, huge, long_label, week)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(
        "huge-note.json is beyond a limit of answers files: an answers file has at most 256 KB."
    )
    expect(alert).to_contain_text("a label or an assessor has at most 200 characters")
    expect(alert).to_contain_text("a date is a calendar date written as YYYY-MM-DD")
    assert page.evaluate(f"localStorage.getItem('{ARCHIVE_KEY}')") in (None, "[]")
    # What a reader types is held to the same limits.
    assert page.get_by_role("textbox", name="Assessment label").get_attribute("maxlength") == "200"
    assert page.locator("textarea").first.get_attribute("maxlength") == "4000"


def test_new_open_and_duplicate_on_a_full_storage_change_nothing(page: Page, base_url: str) -> None:
    """Each of these writes the list of kept assessments larger, then the open one: the
    first write fails, or the second and the first is undone; either way nothing moved."""
    page.goto(base_url + "ready/")
    seed(
        page,
        answers_file("Vendor A", VENDOR_A, notes={"programme": "Seen " * 200}),
        [
            answers_file("Vendor B", {"programme": 1}),
            answers_file("Vendor C", {}, notes={"feedback": "Weekly " * 300}),
        ],
    )
    label = page.get_by_role("textbox", name="Assessment label")
    expect(label).to_have_value("Vendor A")
    before = all_stored(page)
    page.evaluate(FILL_STORAGE)
    alert = page.get_by_role("alert")
    for button in (
        page.get_by_role("button", name="New assessment"),
        page.get_by_role("button", name="Open Vendor B"),
        page.get_by_role("button", name="Duplicate Vendor C"),
    ):
        button.click()
        expect(alert).to_contain_text("Nothing was changed")
        expect(label).to_have_value("Vendor A")
        assert all_stored(page) == before
        page.get_by_role("button", name="Print").focus()  # the next message is new
    # Deleting makes room, so it is done, and can be undone.
    page.get_by_role("button", name="Delete Vendor C").click()
    expect(page.get_by_text("Deleted “Vendor C”.")).to_be_visible()
    assert [document["label"] for document in all_stored(page)] == ["Vendor A", "Vendor B"]
    page.evaluate(FREE_STORAGE)
    page.reload()
    expect(label).to_have_value("Vendor A")
    assert without_clock(all_stored(page)) == without_clock(before[:2])


def two_tabs(context: BrowserContext, url: str) -> tuple[Page, Page]:
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        tab.goto(url)
    return first, second


def test_undo_in_one_tab_keeps_what_another_tab_answered_meanwhile(
    context_factory: Any, base_url: str
) -> None:
    context = context_factory()
    url = base_url + "ready/"
    opener = context.new_page()
    three_vendors(opener, url)
    first, second = two_tabs(context, url)
    errors = watch_errors(first) + watch_errors(second)
    first.get_by_role("button", name="Delete Vendor C").click()
    expect(first.get_by_role("button", name="Undo")).to_be_focused()
    feedback = second.get_by_role("group", name="Agents get constructive feedback.")
    feedback.get_by_role("radio", name="Partly").check()
    second.get_by_role("group", name="A training programme exists.").get_by_role(
        "radio", name="Partly"
    ).check()
    expect(
        first.get_by_role("group", name="Agents get constructive feedback.").get_by_role(
            "radio", name="Partly"
        )
    ).to_be_checked()
    first.get_by_role("button", name="Undo").click()
    expect(first.get_by_text("Restored “Vendor C”.")).to_be_visible()
    wanted = {**VENDOR_A, "programme": 1, "feedback": 1}
    stored_now = all_stored(first)
    assert stored_now[0]["answers"] == wanted
    assert [document["label"] for document in stored_now] == ["Vendor A", "Vendor B", "Vendor C"]
    for tab in (first, second):
        expect(
            tab.get_by_role("group", name="A training programme exists.").get_by_role(
                "radio", name="Partly"
            )
        ).to_be_checked()
    second.reload()
    expect(second.get_by_role("button", name="Open Vendor C")).to_be_visible()
    assert errors == []


def test_two_tabs_answering_at_the_same_instant_keep_both_answers(
    context_factory: Any, base_url: str
) -> None:
    context = context_factory()
    first, second = two_tabs(context, base_url + "ready/")
    click_at = """([name, value, at]) => setTimeout(() => {
      document.querySelector(`input[name="${name}"][value="${value}"]`).click();
    }, at - Date.now())"""
    for turn, (one, other) in enumerate(
        (("programme", "frequency"), ("feedback", "programme"), ("frequency", "feedback"))
    ):
        value = str(turn % 3)
        at = first.evaluate("Date.now()") + 300
        first.evaluate(click_at, [f"readiness:{one}", value, at])
        second.evaluate(click_at, [f"readiness:{other}", value, at])
        first.wait_for_timeout(800)
        for tab in (first, second):
            answers = tab.evaluate(STORED_OPEN)["answers"]
            assert answers.get(one) == int(value) and answers.get(other) == int(value), answers
            for name in (one, other):
                expect(
                    tab.locator(f'input[name="readiness:{name}"][value="{value}"]')
                ).to_be_checked()


def test_kept_entries_the_page_cannot_read_are_set_aside_not_dropped(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "ready/")
    broken = {**answers_file("Broken", {}), "answers": None}
    future = {**answers_file("Future", {"programme": 2}), "format": "worksheets/answers@2"}
    older = {**answers_file("Older", {"programme": 2, "retired": 1}), "version": 0}
    fine = answers_file("Fine", {"frequency": 1})
    seed(page, answers_file("Open", VENDOR_A), [fine, broken, future, older])
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("2 kept assessments of this worksheet could not be read")
    expect(alert).to_contain_text("1 kept assessments were answered on version 0")
    # Set aside as they were, whatever the page writes next.
    page.get_by_role("button", name="Delete Fine").click()
    unreadable = json.loads(page.evaluate(f"localStorage.getItem('{ARCHIVE_KEY}:unreadable')"))
    assert unreadable == [broken, future]
    kept_older = json.loads(page.evaluate(f"localStorage.getItem('{ARCHIVE_KEY}:version-0')"))
    assert kept_older == [older]
    assert [document["label"] for document in all_stored(page)] == ["Open", "Older"]
    assert all_stored(page)[1]["answers"] == {"programme": 2}
    # The open assessment of another version was already kept this way.
    assert stored(broken) not in page.evaluate(f"localStorage.getItem('{ARCHIVE_KEY}')")


def test_a_bundle_of_ten_thousand_is_compared_a_page_at_a_time(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    """The most a bundle may hold: imported, stored, and drawn twelve columns at a time,
    so that the page draws and answers as it does with a dozen (the DOM stays small)."""
    page.goto(base_url + "ready/")
    bundle = {
        "format": "worksheets/bundle@1",
        "assessments": [
            answers_file(f"Call {index:05d}", {"programme": index % 3}) for index in range(10_000)
        ],
    }
    path = tmp_path / "quarter.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    import_files(page, path)
    expect(page.get_by_role("alert")).to_contain_text("Imported 10000 assessments")
    table = page.get_by_role("table", name="10000 assessments side by side")
    expect(table).to_be_visible()
    pages = page.get_by_text("Assessments 1–12 of 10000")
    expect(pages).to_be_visible()
    assert table.get_by_role("columnheader").count() <= 14
    page.get_by_role("button", name="Next assessments").click()
    expect(page.get_by_text("Assessments 13–24 of 10000")).to_be_visible()
    assert page.get_by_role("button", name="Previous assessments").is_enabled()
    # Answering redraws a page of columns, not ten thousand.
    page.get_by_role("group", name="A training programme exists.").get_by_role(
        "radio", name="Partly"
    ).check()
    expect(page.get_by_role("status")).to_contain_text("1 of 3 answered")
    assert page.locator("table td").count() < 14 * 12
    page.reload()
    expect(page.get_by_text("Assessments 1–12 of 10000")).to_be_visible()
    assert len(json.loads(page.evaluate(f"localStorage.getItem('{ARCHIVE_KEY}')"))) == 9_999


def test_two_tabs_that_change_the_list_at_once_settle_and_keep_both(
    context_factory: Any, base_url: str
) -> None:
    """Both tabs start a new assessment at the same instant: both kept ones survive, and
    the tabs then stop writing (neither writes the other's list back only to reorder it)."""
    context = context_factory()
    opener = context.new_page()
    three_vendors(opener, base_url + "ready/")
    first, second = two_tabs(context, base_url + "ready/")
    new_at = """(at) => setTimeout(() => {
      document.querySelector("[data-worksheets-action='new']").click();
    }, at - Date.now())"""
    at = first.evaluate("Date.now()") + 300
    first.evaluate(new_at, at)
    second.evaluate(new_at, at)
    first.wait_for_timeout(1200)
    settled = first.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
    first.wait_for_timeout(800)
    assert first.evaluate("JSON.stringify(Object.entries(localStorage).sort())") == settled
    labels = sorted(document["label"] for document in all_stored(first))
    assert [label for label in labels if label] == ["Vendor A", "Vendor B", "Vendor C"]


def test_the_not_saved_notice_and_the_pages_of_columns_pass_axe(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    """What this issue added to the page (the held "not saved" notice with its Export
    button, the Previous/Next buttons of a long comparison) in every language, by axe."""
    from tests.browser.test_accessibility_and_vectors import serious_violations

    bundle = {
        "format": "worksheets/bundle@1",
        "assessments": [answers_file(f"Call {index:02d}", {"programme": 1}) for index in range(14)],
    }
    path = tmp_path / "calls.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    for lang in ("", "es/", "sv/"):
        page.goto(base_url + lang + "ready/")
        page.evaluate("localStorage.clear()")
        page.reload()
        page.locator("input[data-worksheets-import]").set_input_files(path)
        expect(page.locator(".worksheets-compare-pages")).to_be_visible()
        page.evaluate(FILL_STORAGE)
        page.locator("textarea").first.evaluate(
            "(note) => { note.value = 'x';"
            " note.dispatchEvent(new Event('input', {bubbles: true})); }"
        )
        expect(page.locator(".worksheets-notice button")).to_be_visible()
        assert serious_violations(page, ".worksheets") == [], lang
        assert wcag22_violations(page) == [], lang
        page.evaluate(FREE_STORAGE)


def wcag22_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.2 AA rules (target-size among them) on the blocks, every impact."""
    from axe_playwright_python.sync_playwright import Axe

    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    results = Axe().run(
        page, context=".worksheets", options={"runOnly": {"type": "tag", "values": tags}}
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['nodes'][0]['target'][0]}"
        for violation in results.response["violations"]
    ]
