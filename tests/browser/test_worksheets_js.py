"""Readers' journeys through checklists and worksheets in a real browser."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

from playwright.sync_api import BrowserContext, Dialog, Page, expect

from tests.browser.conftest import watch_errors

CHECKLIST_KEY = "worksheets:checklist:site-visit"
WORKSHEET_KEY = "worksheets:worksheet:readiness"
# Where the plugin publishes its script's modules (their URLs are in error stacks).
SCRIPT_FOLDER = "/assets/worksheets/"

# Watches every result region from the end of parsing, which is before module
# scripts run: readystatechange to "interactive" fires, then deferred and module
# scripts execute, then DOMContentLoaded. ``hiddenToolbar`` proves the watch
# began before the plugin's script started (the script shows the toolbar).
WATCH_RESULTS = """
window.__results = [];
document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive") return;
  document.querySelectorAll('section.worksheets [role="status"]').forEach((region) => {
    const block = region.closest("section.worksheets");
    const toolbar = block && block.querySelector(".worksheets-toolbar");
    const watch = {
      region,
      hiddenToolbar: Boolean(toolbar && toolbar.hidden),
      server: Array.from(region.children, (line) => line.textContent),
      mutations: [],
    };
    watch.observer = new MutationObserver((records) => {
      records.forEach((record) => watch.mutations.push(record.type));
    });
    watch.observer.observe(region, {
      childList: true, subtree: true, characterData: true, attributes: true,
    });
    window.__results.push(watch);
  });
});
"""
READ_RESULTS = """() => window.__results.map((watch) => ({
  hiddenToolbar: watch.hiddenToolbar,
  server: watch.server,
  now: Array.from(watch.region.children, (line) => line.textContent),
  mutations: watch.mutations.concat(watch.observer.takeRecords().map((r) => r.type)),
}))"""


def status(page: Page, index: int = 0) -> str:
    return " ".join(page.get_by_role("status").nth(index).inner_text().split())


def accept_dialogs(page: Page) -> list[str]:
    messages: list[str] = []

    def handle(dialog: Dialog) -> None:
        messages.append(dialog.message)
        dialog.accept()

    page.on("dialog", handle)
    return messages


def test_checklist_scores_live_and_lists_open_required_items(page: Page, base_url: str) -> None:
    page.goto(base_url + "visit/")
    expect(page.get_by_role("status")).to_contain_text("Progress: 0%")
    page.get_by_role("checkbox", name="We walked the delivery floor.", exact=True).check()
    # weights 2 + 1 + 1: 2 of 4
    expect(page.get_by_role("status")).to_contain_text("Progress: 50%")
    expect(page.get_by_role("status")).to_contain_text("1 of 3 applicable items checked")
    expect(page.get_by_role("status")).to_contain_text(
        "Required items still open: Reports arrive on time"
    )
    page.get_by_role("checkbox", name="Reports arrive on time.", exact=True).check()
    expect(page.get_by_role("status")).to_contain_text("Progress: 75%")
    expect(page.get_by_role("status")).to_contain_text("All required items are checked.")


def test_the_script_leaves_the_servers_result_as_it_is(
    context_factory: Callable[..., BrowserContext], base_url: str
) -> None:
    """With nothing saved, the script's result text is the server's: the region is
    not rewritten, so screen readers announce nothing on load."""
    context = context_factory()
    context.add_init_script(WATCH_RESULTS)
    page = context.new_page()
    errors = watch_errors(page)
    for path, first_line in (("visit/", "Progress: 0%"), ("ready/", "Score: —")):
        page.goto(base_url + path)
        expect(page.locator(".worksheets-toolbar").first).to_be_visible()
        html = page.request.get(base_url + path).text()
        served = re.search(r'class="worksheets-result"[^>]*>(.*?)</div>', html, re.DOTALL)
        assert served, f"{path}: no result region in the page"
        # The words of each line, without the tags of its links.
        server_lines = [
            unescape(re.sub(r"<[^>]*>", "", line))
            for line in re.findall(r'<p class="worksheets-result-line">(.*?)</p>', served[1])
        ]
        watched = page.evaluate(READ_RESULTS)
        assert len(watched) == 1, f"{path}: {watched}"
        (result,) = watched
        assert result["hiddenToolbar"], f"{path}: the watch began after the script started"
        assert result["server"] == server_lines and server_lines[0] == first_line, path
        assert result["mutations"] == [], f"{path}: the script rewrote the result"
        assert result["now"] == server_lines, path
    assert errors == []


def test_not_applicable_leaves_the_item_out(page: Page, base_url: str) -> None:
    page.goto(base_url + "visit/")
    page.get_by_role("checkbox", name="We met the team leads.", exact=True).check()
    na = page.get_by_role("checkbox", name="Not applicable We walked the delivery floor.")
    na.check()
    expect(
        page.get_by_role("checkbox", name="We walked the delivery floor.", exact=True)
    ).to_be_disabled()
    # applicable: people (1) + reports (1); checked: people
    expect(page.get_by_role("status")).to_contain_text("Progress: 50%")
    expect(page.get_by_role("status")).to_contain_text("1 of 2 applicable items checked")
    na.uncheck()
    expect(
        page.get_by_role("checkbox", name="We walked the delivery floor.", exact=True)
    ).to_be_enabled()
    expect(page.get_by_role("status")).to_contain_text("Progress: 25%")


def test_answers_survive_a_reload_and_a_change_of_language(page: Page, base_url: str) -> None:
    page.goto(base_url + "visit/")
    page.get_by_role("checkbox", name="We walked the delivery floor.", exact=True).check()
    page.get_by_role("checkbox", name="Not applicable We met the team leads.").check()
    page.get_by_role("textbox", name="Assessment label").fill("Vendor A")
    page.reload()
    expect(
        page.get_by_role("checkbox", name="We walked the delivery floor.", exact=True)
    ).to_be_checked()
    expect(page.get_by_role("textbox", name="Assessment label")).to_have_value("Vendor A")
    # applicable: floor (2) + reports (1), checked: floor -> 66.67 -> 67
    expect(page.get_by_role("status")).to_contain_text("Progress: 67%")

    href = page.locator('a[hreflang="es"]').first.get_attribute("href")
    assert href
    page.goto(
        page.url.rstrip("/") + "/" + href if href.startswith(".") else base_url + href.lstrip("/")
    )
    expect(page.get_by_role("checkbox", name="Recorrimos la planta.", exact=True)).to_be_checked()
    expect(
        page.get_by_role("checkbox", name="No aplicable Conocimos a los jefes de equipo.")
    ).to_be_checked()
    expect(page.get_by_role("status")).to_contain_text("Progreso: 67 %")
    expect(page.get_by_role("textbox", name="Nombre de la evaluación")).to_have_value("Vendor A")


def test_worksheet_score_band_completion_and_sections(page: Page, base_url: str) -> None:
    page.goto(base_url + "ready/")
    expect(page.get_by_role("status")).to_contain_text("Score: —")
    page.get_by_role("group", name="A training programme exists.").get_by_role(
        "radio", name="In place", exact=True
    ).check()
    expect(page.get_by_role("status")).to_contain_text("Score: 100%")
    # One good answer of three is not "Ready for audit": the result is provisional.
    expect(page.get_by_role("status")).to_contain_text(
        "Band: shown once every criterion is answered"
    )
    expect(page.get_by_role("status")).to_contain_text("Provisional: 1 of 3 answered")
    expect(page.get_by_role("status")).not_to_contain_text("Ready for audit")
    monitoring = page.get_by_role("group", name="Agents are monitored 7 to 14 times a month.")
    monitoring.get_by_role("radio", name="Partly", exact=True).check()
    page.get_by_role("group", name="Agents get constructive feedback.").get_by_role(
        "radio", name="Not applicable", exact=True
    ).check()
    # training 100 (W 40); monitoring 50 (W 60): (4000 + 3000) / 100 = 70
    expect(page.get_by_role("status")).to_contain_text("Score: 70%")
    expect(page.get_by_role("status")).to_contain_text("Band: Close the gaps")
    expect(page.get_by_role("status")).to_contain_text("3 of 3 answered")
    scores = page.get_by_role("list").filter(has_text="Training:")
    expect(scores).to_contain_text("Training: 100%")
    expect(scores).to_contain_text("Monitoring: 50%")


def test_critical_failure_forces_the_lowest_band(page: Page, base_url: str) -> None:
    page.goto(base_url + "sv/ready/")
    page.get_by_role("group", name="Det finns ett utbildningsprogram.").get_by_role(
        "radio", name="Saknas", exact=True
    ).check()
    page.get_by_role("group", name="Agenterna följs upp 7 till 14 gånger i månaden.").get_by_role(
        "radio", name="På plats", exact=True
    ).check()
    page.get_by_role("group", name="Agenterna får återkoppling.").get_by_role(
        "radio", name="På plats", exact=True
    ).check()
    # training 0 (W 40), monitoring 100 (W 60): 60 % would be "Täpp till luckorna"
    expect(page.get_by_role("status")).to_contain_text("Poäng: 60 %")
    expect(page.get_by_role("status")).to_contain_text("Nivå: Inte redo")
    expect(page.get_by_role("status")).to_contain_text(
        "Kritiska kriterier som inte uppfylls: Det finns ett utbildningsprogram"
    )


def test_keyboard_alone_answers(page: Page, base_url: str) -> None:
    page.goto(base_url + "ready/")
    first = page.get_by_role("group", name="A training programme exists.").get_by_role(
        "radio", name="Not in place", exact=True
    )
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    expect(
        page.get_by_role("group", name="A training programme exists.").get_by_role(
            "radio", name="Partly", exact=True
        )
    ).to_be_checked()
    expect(page.get_by_role("status")).to_contain_text("Score: 50%")
    page.goto(base_url + "visit/")
    page.get_by_role("checkbox", name="We met the team leads.", exact=True).focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("status")).to_contain_text("Progress: 25%")


def test_notes_are_saved_with_the_answers(page: Page, base_url: str) -> None:
    page.goto(base_url + "ready/")
    page.get_by_text("Note: A training programme exists.").click()
    note = page.get_by_role("textbox", name="Note on: A training programme exists.")
    note.fill("Saw the induction plan; no refresher yet.")
    page.reload()
    expect(page.get_by_role("textbox", name="Note on: A training programme exists.")).to_have_value(
        "Saw the induction plan; no refresher yet."
    )
    stored = json.loads(page.evaluate(f"localStorage.getItem('{WORKSHEET_KEY}')"))
    assert stored["notes"] == {"programme": "Saw the induction plan; no refresher yet."}


def test_export_json_and_csv_then_reset_and_import(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    dialogs = accept_dialogs(page)
    page.goto(base_url + "ready/")
    page.get_by_role("textbox", name="Assessment label").fill("Vendor Ä/1")
    page.get_by_role("group", name="A training programme exists.").get_by_role(
        "radio", name="Partly", exact=True
    ).check()
    page.get_by_role("group", name="Agents get constructive feedback.").get_by_role(
        "radio", name="Not applicable", exact=True
    ).check()
    page.get_by_text("Note: A training programme exists.").click()
    page.get_by_role("textbox", name="Note on: A training programme exists.").fill('=1+1, "quoted"')

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export JSON").click()
    download = download_info.value
    assert download.suggested_filename.startswith("readiness-vendor-a-1-")
    exported = tmp_path / download.suggested_filename
    download.save_as(exported)
    answers = json.loads(exported.read_text(encoding="utf-8"))
    assert answers["format"] == "worksheets/answers@1"
    assert (answers["kind"], answers["id"], answers["version"], answers["lang"]) == (
        "worksheet",
        "readiness",
        1,
        "en",
    )
    assert answers["label"] == "Vendor Ä/1"
    assert answers["answers"] == {"programme": 1, "feedback": "na"}
    assert answers["notes"] == {"programme": '=1+1, "quoted"'}
    assert answers["updated"].endswith("Z")

    with page.expect_download() as csv_info:
        page.get_by_role("button", name="Export CSV").click()
    csv_path = tmp_path / "answers.csv"
    csv_info.value.save_as(csv_path)
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["Section", "Item", "Answer", "Score (0–1)", "Note"]
    assert rows[1] == [
        "Training",
        "A training programme exists.",
        "1 Partly",
        "0.5",
        '\'=1+1, "quoted"',
    ]
    assert rows[2] == ["Monitoring", "Agents are monitored 7 to 14 times a month.", "", "", ""]
    assert rows[3] == ["Monitoring", "Agents get constructive feedback.", "Not applicable", "", ""]

    page.get_by_role("button", name="Reset").click()
    assert dialogs and "Clear all answers" in dialogs[-1]
    expect(page.get_by_role("status")).to_contain_text("0 of 3 answered")
    cleared = json.loads(page.evaluate(f"localStorage.getItem('{WORKSHEET_KEY}')"))
    assert (cleared["label"], cleared["answers"], cleared["notes"]) == ("", {}, {})

    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import (JSON or PDF)…").click()
    chooser.value.set_files(exported)
    expect(page.get_by_role("alert")).to_contain_text(f"Imported 2 answers from {exported.name}.")
    expect(page.get_by_role("status")).to_contain_text("2 of 3 answered")
    expect(page.get_by_role("textbox", name="Assessment label")).to_have_value("Vendor Ä/1")
    expect(page.get_by_role("textbox", name="Note on: A training programme exists.")).to_have_value(
        '=1+1, "quoted"'
    )


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_import_refuses_other_blocks_and_reports_dropped_ids(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    page.goto(base_url + "ready/")

    def import_file(path: Path) -> None:
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Import (JSON or PDF)…").click()
        chooser.value.set_files(path)

    other = write_json(
        tmp_path / "other.json",
        {
            "format": "worksheets/answers@1",
            "kind": "checklist",
            "id": "site-visit",
            "version": 2,
            "lang": "en",
            "answers": {"floor": True},
        },
    )
    import_file(other)
    expect(page.get_by_role("alert")).to_contain_text(
        "other.json holds answers for “site-visit”, not for this worksheet (“readiness”). "
        "Nothing was imported."
    )
    expect(page.get_by_role("status")).to_contain_text("0 of 3 answered")

    not_json = tmp_path / "notes.json"
    not_json.write_text("{oops", encoding="utf-8")
    import_file(not_json)
    expect(page.get_by_role("alert")).to_contain_text("notes.json is not an answers file")

    mixed = write_json(
        tmp_path / "mixed.json",
        {
            "format": "worksheets/answers@1",
            "kind": "worksheet",
            "id": "readiness",
            "version": 1,
            "lang": "en",
            "answers": {"programme": 2, "retired-criterion": 1, "frequency": 9},
        },
    )
    import_file(mixed)
    expect(page.get_by_role("alert")).to_contain_text("Imported 1 answers from mixed.json.")
    expect(page.get_by_role("alert")).to_contain_text(
        "2 answers in the file are not part of this worksheet and were left out: "
        "retired-criterion, frequency."
    )
    expect(page.get_by_role("status")).to_contain_text("1 of 3 answered")


def test_corrupt_or_foreign_storage_is_set_aside(page: Page, base_url: str) -> None:
    page.goto(base_url + "visit/")
    page.evaluate(f"localStorage.setItem('{CHECKLIST_KEY}', '{{not json')")
    page.evaluate(f"""localStorage.setItem('{WORKSHEET_KEY}',
        JSON.stringify({{format: 'something-else', answers: [1, 2]}}))""")
    page.reload()
    expect(page.get_by_role("alert")).to_contain_text(
        "The answers saved for this checklist in this browser could not be read."
    )
    page.get_by_role("checkbox", name="We met the team leads.", exact=True).check()
    expect(page.get_by_role("status")).to_contain_text("Progress: 25%")
    kept = page.evaluate(
        "Object.keys(localStorage).filter(k => k.includes(':unreadable:'))"
        ".map(k => localStorage.getItem(k))"
    )
    assert kept == ["{not json"]
    page.goto(base_url + "ready/")
    expect(page.get_by_role("alert")).to_contain_text("could not be read")
    page.get_by_role("group", name="A training programme exists.").get_by_role(
        "radio", name="In place", exact=True
    ).check()
    expect(page.get_by_role("status")).to_contain_text("Score: 100%")


def test_version_change_keeps_answers_whose_ids_remain(page: Page, base_url: str) -> None:
    page.goto(base_url + "visit/")
    old = {
        "format": "worksheets/answers@1",
        "kind": "checklist",
        "id": "site-visit",
        "version": 1,
        "lang": "en",
        "label": "Vendor B",
        "answers": {"floor": True, "retired": True},
        "notes": {"retired": "gone"},
    }
    page.evaluate(f"localStorage.setItem('{CHECKLIST_KEY}', {json.dumps(json.dumps(old))})")
    page.reload()
    expect(page.get_by_role("alert")).to_contain_text(
        "This checklist has changed since you last answered it (version 1 → 2). 1 answers "
        "were kept; 1 no longer apply and were left out."
    )
    expect(
        page.get_by_role("checkbox", name="We walked the delivery floor.", exact=True)
    ).to_be_checked()
    saved = json.loads(page.evaluate(f"localStorage.getItem('{CHECKLIST_KEY}')"))
    assert saved["version"] == 2 and saved["answers"] == {"floor": True}
    backup = json.loads(page.evaluate(f"localStorage.getItem('{CHECKLIST_KEY}:version-1')"))
    assert backup == old


def test_disabled_storage_shows_a_notice_and_the_page_works(
    context_factory: Callable[..., BrowserContext], base_url: str
) -> None:
    context = context_factory()
    context.add_init_script("""
        Object.defineProperty(window, 'localStorage', {
          get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
        });""")
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(base_url + "visit/")
    expect(page.get_by_role("alert")).to_contain_text("does not let the page save your answers")
    page.get_by_role("checkbox", name="We met the team leads.", exact=True).check()
    expect(page.get_by_role("status")).to_contain_text("Progress: 25%")
    # Material's own palette code reads localStorage and throws; ours must not.
    assert [error for error in errors if SCRIPT_FOLDER in error] == []


def test_full_storage_shows_a_notice_and_the_page_works(
    context_factory: Callable[..., BrowserContext], base_url: str
) -> None:
    context = context_factory()
    context.add_init_script("""
        const realSetItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key.startsWith('worksheets:') && key !== 'worksheets:probe') {
            throw new DOMException('Quota exceeded', 'QuotaExceededError');
          }
          return realSetItem.call(this, key, value);
        };""")
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(base_url + "visit/")
    page.get_by_role("checkbox", name="We met the team leads.", exact=True).check()
    expect(page.get_by_role("alert")).to_contain_text("the browser's storage is full")
    expect(page.get_by_role("status")).to_contain_text("Progress: 25%")
    assert errors == []


def test_without_javascript_the_controls_still_show(
    context_factory: Callable[..., BrowserContext], base_url: str
) -> None:
    page = context_factory(java_script_enabled=False).new_page()
    page.goto(base_url + "ready/")
    expect(
        page.get_by_role("group", name="A training programme exists.").get_by_role(
            "radio", name="In place", exact=True
        )
    ).to_be_visible()
    expect(page.get_by_text("Turn on JavaScript to see the result")).to_be_visible()
    expect(page.get_by_role("button", name="Export JSON")).to_be_hidden()


def test_text_from_front_matter_never_runs(page: Page, base_url: str) -> None:
    dialogs = accept_dialogs(page)
    for prefix in ("", "es/", "sv/"):
        page.goto(base_url + prefix + "xss/")
        expect(page.get_by_role("status").first).to_be_visible()
        page.get_by_role("checkbox").first.check()
        page.get_by_role("radio").first.check()
        page.get_by_text("click me").first.click()
        page.get_by_role("textbox").first.fill("<img src=x onerror=window.__xss=1>")
        page.reload()
        assert page.evaluate("window.__xss") is None
        assert page.locator("img[src=x]").count() == 0
        assert page.locator(".worksheets a[href^=javascript]").count() == 0
    assert dialogs == []


def test_print_shows_answers_notes_and_result_without_site_chrome(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "visit/")
    page.get_by_role("checkbox", name="We walked the delivery floor.", exact=True).check()
    page.get_by_role("textbox", name="Assessment label").fill("Vendor A")
    page.get_by_text("Note: We walked the delivery floor.").click()
    page.get_by_role("textbox", name="Note on: We walked the delivery floor.").fill(
        "Clean, quiet floor."
    )
    page.emulate_media(media="print")
    expect(page.locator("header.md-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Export JSON")).to_be_hidden()
    expect(page.get_by_text("Clean, quiet floor.")).to_be_visible()
    expect(page.get_by_text("Assessment label: Vendor A")).to_be_visible()
    expect(page.get_by_role("status")).to_be_visible()
    expect(
        page.get_by_role("checkbox", name="We walked the delivery floor.", exact=True)
    ).to_be_checked()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_phone_screen_has_no_sideways_scrolling(
    context_factory: Callable[..., BrowserContext], base_url: str
) -> None:
    page = context_factory(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    ).new_page()
    for path in ("ready/", "visit/", "sv/ready/"):
        page.goto(base_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    page.get_by_role("group", name="Det finns ett utbildningsprogram.").get_by_role(
        "radio", name="Delvis", exact=True
    ).tap()
    expect(page.get_by_role("status")).to_contain_text("Poäng: 50 %")


def test_one_assessment_per_vendor(page: Page, base_url: str) -> None:
    page.goto(base_url + "ready/")
    page.get_by_role("textbox", name="Assessment label").fill("Vendor A")
    page.get_by_role("group", name="A training programme exists.").get_by_role(
        "radio", name="In place", exact=True
    ).check()
    page.get_by_role("button", name="New assessment").click()
    expect(page.get_by_role("textbox", name="Assessment label")).to_have_value("")
    expect(page.get_by_role("textbox", name="Assessment label")).to_be_focused()
    expect(page.get_by_role("status")).to_contain_text("0 of 3 answered")
    # The other assessments are compared with the open one, beside the result.
    compared = page.get_by_role("table", name="2 assessments side by side")
    expect(compared.get_by_role("row", name="Result")).to_contain_text(
        "Provisional: 1 of 3 answered"
    )
    expect(compared.get_by_role("row", name="Overall")).to_contain_text("100%")

    page.get_by_role("textbox", name="Assessment label").fill("Vendor B")
    page.get_by_role("group", name="A training programme exists.").get_by_role(
        "radio", name="Partly", exact=True
    ).check()
    page.reload()
    expect(page.get_by_role("textbox", name="Assessment label")).to_have_value("Vendor B")
    page.get_by_role("button", name="Open Vendor A").click()
    expect(page.get_by_role("textbox", name="Assessment label")).to_have_value("Vendor A")
    expect(page.get_by_role("status")).to_contain_text("Score: 100%")
    expect(compared.get_by_role("columnheader", name="Vendor B")).to_be_visible()
    expect(compared.get_by_role("row", name="Overall")).to_contain_text("50%")
    # The Spanish page shares the same assessments; deleting asks nothing, it can be undone.
    page.goto(base_url + "es/ready/")
    expect(page.get_by_role("textbox", name="Nombre de la evaluación")).to_have_value("Vendor A")
    page.get_by_role("button", name="Eliminar Vendor B").click()
    expect(page.get_by_role("table", name="evaluaciones comparadas")).to_be_hidden()
    expect(page.get_by_role("button", name="Deshacer")).to_be_focused()


def test_another_tab_sees_the_answers_at_once(
    context_factory: Callable[..., BrowserContext], base_url: str
) -> None:
    context = context_factory()
    first, second = context.new_page(), context.new_page()
    first.goto(base_url + "visit/")
    second.goto(base_url + "sv/visit/")
    first.get_by_role("checkbox", name="We met the team leads.", exact=True).check()
    expect(
        second.get_by_role("checkbox", name="Vi träffade teamledarna.", exact=True)
    ).to_be_checked()
    expect(second.get_by_role("status")).to_contain_text("Framsteg: 25 %")


def test_importing_keeps_the_answers_on_screen_as_another_assessment(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    page.goto(base_url + "visit/")
    page.get_by_role("textbox", name="Assessment label").fill("Site Lisbon")
    page.get_by_role("checkbox", name="We met the team leads.", exact=True).check()
    other = write_json(
        tmp_path / "porto.json",
        {
            "format": "worksheets/answers@1",
            "kind": "checklist",
            "id": "site-visit",
            "version": 2,
            "lang": "en",
            "label": "Site Porto",
            "answers": {"reports": True},
        },
    )
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import (JSON or PDF)…").click()
    chooser.value.set_files(other)
    expect(page.get_by_role("textbox", name="Assessment label")).to_have_value("Site Porto")
    expect(page.get_by_role("status")).to_contain_text("Progress: 25%")
    compared = page.get_by_role("table", name="2 assessments side by side")
    expect(compared.get_by_role("columnheader", name="Site Lisbon")).to_be_visible()
    expect(compared.get_by_role("row", name="Overall")).to_contain_text("25%")
