"""Assessments moved between people: bundles and CSV of all, several files at once,
dropped files, and share links opened in another browser."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.assessments import (
    VENDOR_A,
    all_stored,
    answers_file,
    column_names,
    comparison,
    import_files,
    stored_keys,
    three_vendors,
)
from tests.browser.conftest import watch_errors

SHARE = "#worksheets-share="


def download(page: Page, button: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_a_bundle_moves_every_assessment_to_a_fresh_browser(
    context_factory: Callable[..., BrowserContext], base_url: str, tmp_path: Path
) -> None:
    page = context_factory().new_page()
    three_vendors(page, base_url + "ready/")
    bundle_path = download(page, "Export all (JSON)", tmp_path)
    bundle = json.loads(bundle_path.read_text(encoding="utf-8"))
    assert bundle["format"] == "worksheets/bundle@1"
    labels = [document["label"] for document in bundle["assessments"]]
    assert labels == ["Vendor A", "Vendor B", "Vendor C"]
    assert (bundle["assessments"][1]["assessor"], bundle["assessments"][1]["date"]) == (
        "Bo Ek",
        "2026-02-27",
    )
    rows = csv_rows(download(page, "Export all (CSV)", tmp_path))
    assert rows[0][:3] == ["Assessment label", "Assessor", "Date"]
    assert rows[0][-4:] == ["Training", "Monitoring", "Overall", "Result"]
    assert rows[1][3:] == [
        "2 In place",
        "1 Partly",
        "2 In place",
        "100%",
        "67%",
        "80%",
        "Close the gaps",
    ]
    assert rows[2][:3] == ["Vendor B", "Bo Ek", "2026-02-27"]
    assert rows[3][-3:] == ["50%", "50%", "Provisional: 1 of 3 answered"]
    table = csv_rows(download(page, "Comparison (CSV)", tmp_path))
    assert table[0] == ["", "Vendor A", "Vendor B", "Vendor C"]
    assert ["Overall", "80%", "100% ▲ best", "50%"] in table

    fresh = context_factory().new_page()
    errors = watch_errors(fresh)
    fresh.goto(base_url + "ready/")
    import_files(fresh, bundle_path)
    expect(fresh.get_by_role("alert")).to_contain_text(
        f"Imported 3 assessments from {bundle_path.name}."
    )
    expect(fresh.get_by_role("alert")).to_contain_text("“Vendor A” is open.")
    assert column_names(comparison(fresh)) == ["Vendor A (open)", "Vendor B", "Vendor C"]
    expect(
        fresh.get_by_role("textbox", name="Note on: A training programme exists.")
    ).to_have_value("Induction plan seen")
    fresh.get_by_role("button", name="Open Vendor B").click()
    expect(fresh.get_by_role("textbox", name="Assessor")).to_have_value("Bo Ek")

    import_files(fresh, bundle_path)
    expect(fresh.get_by_role("alert")).to_have_text(
        "Already in this browser, so not added again: Vendor A; Vendor B; Vendor C."
    )
    expect(comparison(fresh)).to_be_visible()
    changed = tmp_path / "vendor-a-again.json"
    changed.write_text(json.dumps(answers_file("Vendor A", {"programme": 0})), encoding="utf-8")
    import_files(fresh, changed, bundle_path)
    expect(fresh.get_by_role("alert")).to_contain_text(
        "Added under a new name, as the name was already taken: Vendor A (2)."
    )
    expect(fresh.get_by_role("textbox", name="Assessment label")).to_have_value("Vendor A (2)")
    assert len(all_stored(fresh)) == 4
    assert errors == []


def test_several_files_at_once_and_dropped_files(page: Page, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "ready/")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    first.write_text(json.dumps(answers_file("Site Lisbon", VENDOR_A)), encoding="utf-8")
    second.write_text(json.dumps(answers_file("Site Porto", {"programme": 1})), encoding="utf-8")
    import_files(page, first, second)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Imported 3 answers from first.json.")
    expect(alert).to_contain_text("Imported 1 answers from second.json.")
    # (The comparison's modules load when it first has two assessments to show.)
    expect(comparison(page, 2)).to_be_visible()
    assert column_names(comparison(page, 2)) == ["Site Lisbon (open)", "Site Porto"]

    block = page.get_by_role("region", name="Site visit", exact=True)
    files = page.evaluate_handle(
        """(text) => { const files = new DataTransfer();
        files.items.add(new File([text], "dropped.json", {type: "application/json"}));
        return files; }""",
        json.dumps(answers_file("Site Braga", {"feedback": 2})),
    )
    block.dispatch_event("dragenter", {"dataTransfer": files})
    hint = page.get_by_text("Drop answers files or bundles here to add them")
    expect(hint).to_be_visible()
    block.dispatch_event("drop", {"dataTransfer": files})
    expect(hint).to_be_hidden()
    expect(alert).to_contain_text("Imported 1 answers from dropped.json.")
    expect(page.get_by_role("textbox", name="Assessment label")).to_have_value("Site Braga")
    expect(comparison(page, 3)).to_be_visible()


def copied_link(page: Page) -> str:
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_text("Link to “Vendor A” copied.")).to_be_visible()
    link: str = page.evaluate("navigator.clipboard.readText()")
    return link


def test_a_share_link_opened_in_another_browser_is_added(
    context_factory: Callable[..., BrowserContext], base_url: str
) -> None:
    sender = context_factory()
    sender.grant_permissions(["clipboard-read", "clipboard-write"])
    page = sender.new_page()
    three_vendors(page, base_url + "ready/")
    link = copied_link(page)
    assert link.startswith(base_url + "ready/" + SHARE + "1z."), link

    receiver = context_factory().new_page()
    errors = watch_errors(receiver)
    receiver.goto(link)
    offer = receiver.get_by_role("alert")
    expect(offer).to_contain_text(
        "This link holds an assessment of “Site visit”: “Vendor A”, with 3 answers."
    )
    expect(receiver.get_by_role("button", name="Add", exact=True)).to_be_focused()
    assert stored_keys(receiver) == []
    receiver.get_by_role("button", name="Add", exact=True).click()
    expect(offer).to_contain_text("Imported 3 answers from this link.")
    expect(receiver.get_by_role("textbox", name="Assessment label")).to_have_value("Vendor A")
    expect(
        receiver.get_by_role("textbox", name="Note on: A training programme exists.")
    ).to_have_value("Induction plan seen")
    assert receiver.evaluate("location.hash") == ""
    assert receiver.url == base_url + "ready/"
    # The same link again: nothing is added twice; Dismiss changes nothing.
    receiver.goto(link)
    receiver.get_by_role("button", name="Add", exact=True).click()
    expect(offer).to_contain_text("Already in this browser, so not added again: Vendor A.")
    receiver.goto(link)
    receiver.get_by_role("button", name="Dismiss").click()
    expect(offer).to_be_hidden()
    assert receiver.evaluate("location.hash") == ""
    assert len(all_stored(receiver)) == 1
    assert errors == []


def test_without_clipboard_or_compression_the_link_is_shown_to_copy(
    context_factory: Callable[..., BrowserContext], base_url: str
) -> None:
    context = context_factory()
    context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
        "delete window.CompressionStream;"
    )
    page = context.new_page()
    three_vendors(page, base_url + "es/ready/")
    page.get_by_role("button", name="Copiar enlace").click()
    field = page.get_by_role("textbox", name="Enlace a esta evaluación, para copiarlo a mano")
    expect(field).to_be_focused()
    link = field.input_value()
    assert link.startswith(base_url + "es/ready/" + SHARE + "1j."), link
    assert field.evaluate("(field) => field.readOnly")

    receiver = context_factory().new_page()
    receiver.goto(link.replace("/es/", "/sv/"))
    expect(receiver.get_by_role("alert")).to_contain_text("”Vendor A”, med 3 svar")
    receiver.get_by_role("button", name="Lägg till").click()
    expect(receiver.get_by_role("textbox", name="Namn på bedömningen")).to_have_value("Vendor A")


def test_damaged_or_foreign_share_links_change_nothing(
    context_factory: Callable[..., BrowserContext], base_url: str
) -> None:
    sender = context_factory()
    sender.grant_permissions(["clipboard-read", "clipboard-write"])
    sender_page = sender.new_page()
    three_vendors(sender_page, base_url + "ready/")
    link = copied_link(sender_page)

    page = context_factory().new_page()
    errors = watch_errors(page)
    page.goto(base_url + "ready/" + SHARE + "1z.AAAAdamaged")
    expect(page.get_by_role("alert")).to_contain_text(
        "This page was opened with a share link that is damaged"
    )
    page.goto(link[: len(link) // 2])
    expect(page.get_by_role("alert")).to_contain_text("damaged")
    page.goto(link.replace("/ready/", "/visit/"))
    expect(page.get_by_role("alert")).to_contain_text(
        "This link holds answers for “readiness”, which is not on this page. Nothing was added."
    )
    expect(page.get_by_role("button", name="Add", exact=True)).to_have_count(0)
    assert stored_keys(page) == []
    # A heading's anchor is not a share link.
    page.goto(base_url + "ready/#site-visit")
    expect(page.get_by_role("status")).to_contain_text("Score: —")
    expect(page.get_by_role("alert")).to_be_hidden()
    assert page.evaluate("location.hash") == "#site-visit"
    assert errors == []
