"""Property-based tests: random and mutated front matter never breaks the check.

Invariants: parsing and checking return a page with located problems (file, a
line inside the file, one printable line each); nothing raises; each example
finishes within Hypothesis' deadline (5 s). The budget is the "ci" profile of
tests/conftest.py; `HYPOTHESIS_PROFILE=long` runs a longer search by hand.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st
from worksheets.checks import block_rules
from worksheets.markup import inline_html
from worksheets.parse import parse_page
from worksheets.render import render_block

VALID = """\
---
title: Vendor review
worksheet:
  id: vendor-review
  version: 2
  scale:
    - {value: 0, label: "No"}
    - {value: 1, label: Partly}
    - {value: 2, label: "Yes", description: With *evidence*}
  sections:
    - id: people
      title: People
      weight: 40
      criteria:
        - id: training
          text: Agents are **trained** before they take calls.
          critical: true
    - id: quality
      title: Quality
      weight: 60
      scale: [{value: 1, label: Low}, {value: 4, label: High}]
      criteria:
        - {id: monitoring, text: "Calls are [monitored](x.md).", weight: 2}
  bands: [{min: 80, label: Good}, {min: 0, label: Poor}]
checklist:
  id: visit
  sections:
    - id: floor
      title: Floor
      items:
        - {id: walked, text: We walked the floor., required: true, help: "`x`"}
---
# Page

<!-- worksheet -->
<!-- checklist -->
"""

YAML_SYNTAX = "&*!|>-:[]{}#,'\"\\\n\t %@`?<=~" + "0123456789.eE+" + "abxyz" + "\u2028\x0c\x85é中"
scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
trees = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=12) | st.sampled_from(["id", "text", "sections"]), children, max_size=4
        )
    ),
    max_leaves=30,
)


def check(source: str) -> None:
    """The invariants of the check on one page's text."""
    page = parse_page("en/page.md", source, "en", "page.md")
    problems = list(page.problems)
    for block in page.blocks.values():
        problems.extend(block_rules("en/page.md", block))
    lines = source.count("\n") + 2
    for problem in problems:
        printed = str(problem)
        assert printed.startswith("en/page.md:"), printed
        assert "\n" not in printed and "\r" not in printed and "\x1b" not in printed
        assert 1 <= problem.line <= lines, printed
        assert len(printed) < 1000
    for block in page.blocks.values():
        if block.model is not None:
            render_block(block.model, "en", page.title)


@given(st.data())
def test_mutated_front_matter_gives_located_problems(data: st.DataObject) -> None:
    source = VALID
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(source)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        text = data.draw(st.text(alphabet=YAML_SYNTAX, min_size=1, max_size=8))
        end = min(len(source), position + len(text))
        if action == "insert":
            source = source[:position] + text + source[position:]
        elif action == "delete":
            source = source[:position] + source[end:]
        else:
            source = source[:position] + text + source[end:]
    check(source)


@given(st.sampled_from(["checklist", "worksheet", "title", "other"]), trees)
def test_any_data_under_any_key_gives_located_problems(key: str, tree: Any) -> None:
    front = yaml.safe_dump({key: tree}, allow_unicode=True)
    check(f"---\n{front}---\n# Page\n")


@given(st.text(max_size=400))
def test_any_text_is_a_page(text: str) -> None:
    check(text)
    check("---\n" + text + "\n---\n")


@given(st.text(alphabet="[]()!*_`<>&#\\:/ \nabc", max_size=4000))
def test_inline_markdown_is_safe_and_quick(text: str) -> None:
    html = inline_html(text)
    assert "<script" not in html.lower() and "javascript:" not in html.lower()
