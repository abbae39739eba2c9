"""Assessments as the browser stores them, for the tests of the comparison and of moving
assessments between people: answers files of the test site's worksheet, written to
storage exactly as the script wrote them before assessments could be compared."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

WORKSHEET_KEY = "worksheets:worksheet:readiness"
ARCHIVE_KEY = WORKSHEET_KEY + ":assessments"

# Scores on the test site's worksheet (training 40 %, monitoring 60 %; frequency weighs 2).
VENDOR_A = {"programme": 2, "frequency": 1, "feedback": 2}  # 80 %, complete
VENDOR_B = {"programme": 2, "frequency": 2, "feedback": 2}  # 100 %, complete
VENDOR_C = {"frequency": 1}  # 50 %, provisional: 1 of 3 answered


def answers_file(
    label: str,
    answers: dict[str, Any],
    *,
    notes: dict[str, str] | None = None,
    updated: str = "2026-03-01T10:00:00.000Z",
    **header: str,
) -> dict[str, Any]:
    """An answers file of the test site's worksheet, keys in the order the script writes
    them; ``header`` is ``assessor`` and ``date``."""
    return {
        "format": "worksheets/answers@1",
        "kind": "worksheet",
        "id": "readiness",
        "version": 1,
        "lang": "en",
        "label": label,
        **header,
        "updated": updated,
        "answers": answers,
        "notes": notes or {},
    }


def stored(data: object) -> str:
    """JSON as JSON.stringify writes it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def seed(page: Page, opened: dict[str, Any], kept: list[dict[str, Any]]) -> None:
    """Stores an open assessment and the kept ones, then loads the page again."""
    page.evaluate(
        "([key, opened, archive, kept]) => { localStorage.setItem(key, opened);"
        " localStorage.setItem(archive, kept); }",
        [WORKSHEET_KEY, stored(opened), ARCHIVE_KEY, stored(kept)],
    )
    page.reload()


def three_vendors(page: Page, url: str) -> None:
    page.goto(url)
    seed(
        page,
        answers_file("Vendor A", VENDOR_A, notes={"programme": "Induction plan seen"}),
        [
            answers_file("Vendor B", VENDOR_B, assessor="Bo Ek", date="2026-02-27"),
            answers_file("Vendor C", VENDOR_C),
        ],
    )


def comparison(page: Page, count: int = 3) -> Locator:
    return page.get_by_role("table", name=f"{count} assessments side by side")


def column_names(table: Locator) -> list[str]:
    # The comparison draws once its modules have loaded (on first use).
    expect(table).to_be_visible()
    return [" ".join(text.split()) for text in table.get_by_role("columnheader").all_inner_texts()]


def import_files(page: Page, *paths: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import (JSON or PDF)…").click()
    assert chooser.value.is_multiple()
    chooser.value.set_files(list(paths))


def all_stored(page: Page) -> list[dict[str, Any]]:
    """The open assessment, then the kept ones, as stored."""
    opened = json.loads(page.evaluate(f"localStorage.getItem('{WORKSHEET_KEY}')"))
    kept = json.loads(page.evaluate(f"localStorage.getItem('{ARCHIVE_KEY}') || '[]'"))
    return [opened, *kept]


def stored_keys(page: Page) -> list[str]:
    """The keys this plugin's script stored (the theme may store its own)."""
    keys: list[str] = page.evaluate(
        "Object.keys(localStorage).filter((key) => key.startsWith('worksheets:')).sort()"
    )
    return keys
