"""Hostile front matter and files: every one a located problem, never a traceback or a hang.

Each case is a reproducer of a class of failure found by an adversarial pass
(and by the fuzzers in test_fuzz.py); they stay here as regression tests.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from worksheets.checks import block_rules
from worksheets.formats.problems import Problem
from worksheets.markup import inline_html
from worksheets.parse import parse_page
from worksheets.scan import scan_docs

WORKSHEET = """\
---
title: {title}
worksheet:
  id: w
  version: {version}
  scale: [{{value: 0, label: No}}, {{value: 1, label: Yes}}]
  bands: [{{min: 0, label: Any}}]
  sections:
    - id: s
      title: S
      criteria:
        - {{id: c, text: {text}, weight: {weight}}}
---
# Page
"""


def page(title: str = "T", version: str = "1", text: str = "C", weight: str = "1") -> str:
    return WORKSHEET.format(title=title, version=version, text=text, weight=weight)


def problems_in(source: str) -> list[Problem]:
    parsed = parse_page("en/page.md", source, "en", "page.md")
    found = list(parsed.problems)
    for block in parsed.blocks.values():
        found.extend(block_rules("en/page.md", block))
    return found


def only(source: str) -> Problem:
    found = problems_in(source)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


@pytest.mark.parametrize(
    ("source", "line", "field", "words"),
    [
        (page(title="2024-13-45"), 2, "title", "cannot be read as timestamp"),
        (page(title="!!bool maybe"), 2, "title", "cannot be read as bool"),
        (page(title="!!timestamp 12"), 2, "title", "cannot be read as timestamp"),
        (page(title="!!int x"), 2, "title", "cannot be read as int"),
        (page(title="!!float x"), 2, "title", "cannot be read as float"),
        (page(version="9" * 5000), 5, "worksheet.version", "cannot be read as int"),
        (page(version="0x" + "f" * 5000), 5, "worksheet.version", "too large to show"),
        (page(weight=".inf"), 12, "worksheet.sections[0].criteria[0].weight", "at most 1000000"),
        (page(weight="1.0e+308"), 12, "worksheet.sections[0].criteria[0].weight", "at most"),
        (
            page(weight=".nan"),
            12,
            "worksheet.sections[0].criteria[0].weight",
            "a number of 0 or more",
        ),
        (page(text="x" * 5000), 12, "worksheet.sections[0].criteria[0].text", "at most 4000"),
    ],
)
def test_values_that_cannot_be_built_or_used_are_located(
    source: str, line: int, field: str, words: str
) -> None:
    problem = only(source)
    assert (problem.line, problem.field) == (line, field), str(problem)
    assert words in problem.message
    assert len(str(problem)) < 500  # a huge value is described, not echoed


def test_aliases_are_refused_before_they_expand() -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghijklmnop":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}]\n"
    bomb += "---\n# Page\n"
    problem = only(bomb)
    assert problem.line == 3 and problem.field == "front matter"
    assert "aliases" in problem.message


@pytest.mark.parametrize(
    "front",
    ["a: &a [*a]", "a: &x {b: 1}\nc: *x", "title: &t T\nother: *t"],
)
def test_any_alias_anywhere_is_refused(front: str) -> None:
    assert "aliases" in only(f"---\n{front}\n---\n").message


def test_merge_keys_are_refused_not_reported_as_duplicates() -> None:
    problem = only("---\nbase: {a: 1}\nx:\n  <<: {a: 1}\n  a: 2\n---\n")
    assert problem.line == 4 and "merge keys" in problem.message


def test_deep_nesting_is_refused() -> None:
    problem = only("---\na: " + "[" * 5000 + "]" * 5000 + "\n---\n")
    assert "nest" in problem.message and problem.field == "front matter"


def test_front_matter_size_is_bounded() -> None:
    problem = only("---\n" + "a: b\n" * 60000 + "---\n")
    assert "at most 256 KiB" in problem.message


def test_control_characters_are_located_on_their_line() -> None:
    problem = only("---\ntitle: ok\nother: \x07bell\n---\n")
    assert problem.line == 3 and "not allowed" in problem.message


@pytest.mark.parametrize("separator", ["\x0c", "\u2028", "\x1c", "\x85"])
def test_odd_line_breaks_in_the_body_do_not_shift_markers(separator: str) -> None:
    source = page() + f"text{separator}more\n\n<!-- worksheet -->\n<!-- worksheet -->\n"
    problem = only(source)
    assert problem.line == 18, str(problem)


def test_non_text_keys_are_located_and_named() -> None:
    problem = only("---\n1: x\ntitle: T\n---\n")
    assert (problem.line, problem.field) == (2, "front matter")
    assert "must be text" in problem.message


def test_keys_cannot_forge_problem_lines_or_colour_the_terminal() -> None:
    source = '---\nworksheet:\n  id: w\n  "x\\nen/other.md:1: y\\u001b[31m": 1\n---\n'
    printed = "\n".join(str(problem) for problem in problems_in(source))
    assert "\x1b" not in printed
    assert all(line.startswith("en/page.md:") for line in printed.splitlines())


def test_brackets_cannot_make_rendering_quadratic() -> None:
    html = inline_html("[" * 4000)
    assert html.count("[") == 4000


def test_the_file_system_cannot_crash_or_hang_the_check(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "en" / "index.md").write_text(page(), encoding="utf-8")
    (docs / "en" / "folder.md").mkdir()
    (docs / "en" / "broken.md").symlink_to(tmp_path / "nowhere.md")
    (docs / "en" / "loop.md").symlink_to(docs / "en" / "loop.md")
    (docs / "en" / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(docs / "en" / "fifo.md")
    (docs / "en" / "latin1.md").write_bytes(b"caf\xe9")
    (docs / "en" / "other.mkd").write_text("---\nchecklist: [\n---\n", encoding="utf-8")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(docs / "en" / "socket.md"))
    try:
        site = scan_docs(docs, "en", ["en"])
    finally:
        sock.close()
    printed = {problem.path: problem.message for problem in site.problems}
    assert "broken or looping link" in printed["en/broken.md"]
    assert "broken or looping link" in printed["en/loop.md"]
    assert "not a regular file" in printed["en/fifo.md"]
    assert "not a regular file" in printed["en/zero.md"]
    assert "not a regular file" in printed["en/socket.md"]
    assert "not UTF-8" in printed["en/latin1.md"]
    assert "YAML syntax error" in printed["en/other.mkd"]  # every extension MkDocs builds
    assert "en/folder.md" not in printed
    assert site.page("en", "index.md") is not None


def test_unreadable_files_and_folders_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root (CI) every file is readable, so the refusals are made by the OS calls."""
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "sv").mkdir()
    (docs / "en" / "secret.md").write_text("x", encoding="utf-8")
    real_open, real_scandir = open, os.scandir

    def refusing_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    def refusing_scandir(path: object) -> object:
        if str(path).endswith("/sv"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refusing_open)
    monkeypatch.setattr(os, "scandir", refusing_scandir)
    site = scan_docs(docs, "en", ["en", "sv"])
    printed = {problem.path: problem.message for problem in site.problems}
    assert printed["en/secret.md"] == "cannot be read (Permission denied)"
    assert printed["sv"] == "folder cannot be read (Permission denied)"


def test_strict_build_and_serve_like_build_report_hostile_pages(tmp_path: Path) -> None:
    """The strict build fails with the located problems, without a traceback or a hang;
    a non-strict build (as `mkdocs serve`) shows the error box and keeps the page."""
    import subprocess
    import sys

    from tests.browser.conftest import write_test_site

    site = write_test_site(tmp_path / "project", extra_pages=False)
    site.write("en/dates.md", "---\ntitle: 2024-13-45\nchecklist: {id: x, sections: 1}\n---\n")
    site.write("en/bomb.md", "---\na: &a [x, x]\nb: [*a, *a]\n---\n# Bomb\n")
    os.mkfifo(site.docs / "en" / "fifo.md")
    (site.docs / "en" / "broken.md").symlink_to(tmp_path / "nowhere.md")
    for strict in (True, False):
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])],
            cwd=site.root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert "Traceback" not in done.stderr
        assert "en/dates.md:2: title: cannot be read as timestamp" in done.stderr
        assert "en/bomb.md:3: front matter: YAML aliases" in done.stderr
        assert "en/fifo.md:1: file: is not a regular file" in done.stderr
        assert (done.returncode != 0) is strict, done.stderr[-2000:]
    page = (site.root / "site" / "dates" / "index.html").read_text(encoding="utf-8")
    assert "cannot be read as timestamp" in page and 'role="alert"' in page
