"""Nothing a reader saved is lost, as a property: Hypothesis plays any sequence of edits,
New, Open, Delete, Undo and imports in two tabs of one browser, with storage that
refuses writes at any moment. Every edit leaves a token of its own in a note; at the
end, every token whose edit the page did not announce as unsaved is in storage, unless
the reader deleted its assessment (and did not undo it)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import BrowserContext, Page

from tests.browser.assessments import answers_file

# Off when the test says so: every localStorage write of this tab fails, as a full one does.
FAILING_STORAGE = """
(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__failWrites && String(key).startsWith("worksheets:")) {
      throw new DOMException("full", "QuotaExceededError");
    }
    return setItem.call(this, key, value);
  };
})();
"""
TOKEN = re.compile(r"\bt\d+\b")
NOTE = "textarea[name='readiness:{}:note']"
CRITERIA = ("programme", "frequency", "feedback")
NOT_SAVED = "are not saved"

actions = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, 1), st.sampled_from(CRITERIA)),
        st.tuples(st.just("new"), st.integers(0, 1), st.just("")),
        st.tuples(st.just("open"), st.integers(0, 1), st.just("")),
        st.tuples(st.just("delete"), st.integers(0, 1), st.just("")),
        st.tuples(st.just("undo"), st.integers(0, 1), st.just("")),
        st.tuples(st.just("import"), st.integers(0, 1), st.just("")),
        st.tuples(st.just("fail"), st.integers(0, 1), st.sampled_from(["on", "off"])),
    ),
    min_size=4,
    max_size=14,
)


def stored_tokens(page: Page) -> set[str]:
    texts: list[str] = page.evaluate(
        "Object.keys(localStorage).filter((key) => key.startsWith('worksheets:'))"
        ".map((key) => localStorage.getItem(key))"
    )
    return {token for text in texts for token in TOKEN.findall(text)}


def unsaved_said(page: Page) -> bool:
    return NOT_SAVED in page.locator(".worksheets-notice").first.inner_text()


class Run:
    """Two tabs, and what the reader was told was saved."""

    def __init__(self, context: BrowserContext, url: str, folder: Path) -> None:
        self.tabs = [context.new_page(), context.new_page()]
        for tab in self.tabs:
            tab.add_init_script(FAILING_STORAGE)
            tab.goto(url)
            tab.wait_for_selector("[data-worksheets-ready]")
        self.folder = folder
        self.count = 0
        self.saved: set[str] = set()
        self.deleted: dict[int, set[str]] = {}

    def token(self) -> str:
        self.count += 1
        return f"t{self.count}"

    def settle(self) -> None:
        for tab in self.tabs:
            tab.wait_for_timeout(60)

    def step(self, action: str, index: int, argument: str) -> None:
        tab = self.tabs[index]
        before = stored_tokens(tab)
        if action == "edit":
            token = self.token()
            tab.evaluate(
                "([selector, token]) => { const note = document.querySelector(selector);"
                " note.value = (note.value + ' ' + token).trim();"
                " note.dispatchEvent(new Event('input', {bubbles: true})); }",
                [NOTE.format(argument), token],
            )
            if not unsaved_said(tab):
                self.saved.add(token)
        elif action == "fail":
            tab.evaluate(f"window.__failWrites = {json.dumps(argument == 'on')}")
        elif action == "new":
            tab.get_by_role("button", name="New assessment").click()
        elif action in ("open", "delete"):
            buttons = tab.locator(f"[data-worksheets-action='{action}']")
            if buttons.count():
                buttons.last.click()
        elif action == "undo":
            undo = tab.get_by_role("button", name="Undo")
            if undo.count() and undo.is_visible():
                undo.click()
        elif action == "import":
            token = self.token()
            path = self.folder / f"{token}.json"
            path.write_text(
                json.dumps(answers_file(f"Import {token}", {}, notes={"feedback": token})),
                encoding="utf-8",
            )
            tab.locator("input[data-worksheets-import]").set_input_files(path)
            tab.wait_for_function(
                "() => /Imported|Nothing was imported/.test("
                "document.querySelector('.worksheets-notice').textContent)"
            )
            if "Imported" in tab.locator(".worksheets-notice").first.inner_text():
                self.saved.add(token)
        self.settle()
        if action == "delete":
            self.deleted[index] = before - stored_tokens(tab)
        restored = action == "undo" and index in self.deleted
        if restored and "Restored" in tab.locator(".worksheets-said").inner_text():
            self.deleted.pop(index)

    def lost(self) -> set[str]:
        for tab in self.tabs:
            tab.evaluate("window.__failWrites = false")
        self.settle()
        gone = set().union(*self.deleted.values()) if self.deleted else set()
        return self.saved - gone - stored_tokens(self.tabs[0])


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=actions)
def test_any_sequence_in_two_tabs_keeps_or_announces_every_answer(
    context_factory: Callable[..., BrowserContext],
    base_url: str,
    tmp_path: Path,
    steps: list[tuple[str, int, str]],
) -> None:
    context = context_factory()
    run = Run(context, base_url + "ready/", tmp_path)
    try:
        for step in steps:
            run.step(*step)
        assert run.lost() == set(), steps
    finally:
        context.close()


def test_the_run_sees_a_lost_token(context_factory: Callable[..., BrowserContext],
                                   base_url: str, tmp_path: Path) -> None:  # fmt: skip
    """The property can fail: a token removed from storage behind the page's back is
    found missing (a check that cannot fail proves nothing)."""
    run = Run(context_factory(), base_url + "ready/", tmp_path)
    run.step("edit", 0, "programme")
    assert run.saved == {"t1"}
    run.tabs[0].evaluate("localStorage.clear()")
    assert run.lost() == {"t1"}
