"""The built site against the W3C Nu HTML checker (vnu.jar, from the npm package vnu-jar).

One run of the checker (Java starts once) reads every page of the repository's site in
every language, together with the plugin's markup of each page cut out into a small
document of its own (so that an error which only shows at the end of a page, such as an
element left open, is still the plugin's). A message counts where it points:

- in the plugin's markup (every outermost element with a ``worksheets…`` class, and the
  stylesheet and module script the plugin puts into a page): it fails the test;
- in the page's own content (Material's ``<article>``, made from docs/): it fails too;
- elsewhere, in the theme (Material's templates, overrides/): it is listed, not failed on.

Errors count, and warnings too except the checker's outdated browser-support notes. The
print HTML of every PDF (the plugin's print.html) is checked the same way, all of it ours.
``VNU_JAR=path/to/vnu.jar`` runs another version of the checker by hand.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from worksheets.pdf.jobs import site_jobs
from worksheets.scan import scan_docs

from tests.conftest import REPO, Build

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
# Only in the print HTML, which WeasyPrint reads: CSS for paged media (running footers,
# PDF bookmarks) that the checker's CSS profile does not know, and a note about `h1`
# inside `section`/`nav`: the booklet's cover title and contents heading are top-level
# headings (level-1 bookmarks) like each block's title, none stands for a lower level.
PRINT_ONLY = (
    "“bookmark-level”",
    "running(footer)",
    "element(footer)",
    "Consider using the “h1” element as a top-level heading only",
)
SHOWN = 40  # findings written out in a failure message; the rest are counted


def vnu_jar() -> Path:
    """The checker: ``VNU_JAR``, or the vnu.jar of the npm package `vnu-jar`, whose
    version package-lock.json pins (`make test` installs it)."""
    if os.environ.get("VNU_JAR"):
        return Path(os.environ["VNU_JAR"])
    jar = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert jar.is_file(), f"{jar} is missing: run `make test` (npm ci installs it)"
    return jar


def run_vnu(files: Sequence[Path]) -> list[dict[str, Any]]:
    """The checker's messages (JSON) about the files, in one run."""
    java = shutil.which("java")
    assert java, "a Java runtime is needed for the Nu HTML checker (make test installs it)"
    completed = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = completed.stderr
    start = output.find('{"')  # after any line Java prints first
    assert completed.returncode == 0 and start >= 0, completed.stdout + output
    report, _ = json.JSONDecoder().raw_decode(output[start:])
    messages: list[dict[str, Any]] = report["messages"]
    broken = [m for m in messages if m.get("type") == "non-document-error"]
    assert not broken, f"the checker could not read some files: {broken}"
    return messages


def severity(message: Mapping[str, Any]) -> str | None:
    """``error`` or ``warning`` for a message that counts, None for the others."""
    if message.get("type") == "error":
        return "error"
    if message.get("subType") == "warning":
        return "warning"
    return None


def line_starts(text: str) -> list[int]:
    """The offset of each line's first character."""
    starts = [0]
    starts.extend(index + 1 for index, char in enumerate(text) if char == "\n")
    return starts


@dataclass(frozen=True)
class Finding:
    """A message of the checker, placed in the page (or print HTML) it is about."""

    where: str
    line: int
    column: int
    severity: str
    message: str
    extract: str

    def __str__(self) -> str:
        extract = " ".join(self.extract.split())
        return f"{self.where}:{self.line}:{self.column}: {self.severity}: {self.message}\n" + (
            f"    {extract[:240]}"
        )


def failure(what: str, findings: Sequence[Finding]) -> str:
    listed = "\n".join(str(finding) for finding in findings[:SHOWN])
    more = f"\n… and {len(findings) - SHOWN} more" if len(findings) > SHOWN else ""
    return (
        f"{len(findings)} Nu HTML checker message(s) in {what} "
        f"(path:line:column: message, then the markup):\n{listed}{more}"
    )


@dataclass
class _Open:
    kind: str
    tag: str
    start: int
    depth: int = 1


class Regions(HTMLParser):
    """Where a page's source has the plugin's markup and the page's own content, as
    ``(start, end)`` offsets: from an element's ``<`` to just past its end tag."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.starts = line_starts(source)
        self.spans: dict[str, list[tuple[int, int]]] = {"plugin": [], "content": []}
        self.lang = ""
        self._open: list[_Open] = []
        self.feed(source)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    @staticmethod
    def _kind(tag: str, attrs: Mapping[str, str | None]) -> str | None:
        classes = (attrs.get("class") or "").split()
        if any(name.startswith("worksheets") for name in classes):
            return "plugin"
        url = attrs.get("href") if tag == "link" else attrs.get("src") if tag == "script" else ""
        if url and "assets/worksheets/" in url:
            return "plugin"
        if tag == "article" and "md-content__inner" in classes:
            return "content"
        return None

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], void: bool) -> None:
        start = self._offset()
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        for element in self._open:
            if element.tag == tag and not void:
                element.depth += 1
        kind = self._kind(tag, values)
        if kind is None or any(element.kind == kind for element in self._open):
            return
        if void:
            end = start + len(self.get_starttag_text() or "")
            self.spans[kind].append((start, end))
        else:
            self._open.append(_Open(kind, tag, start))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, tag in VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, True)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        end = self.source.find(">", start) + 1 or len(self.source)
        for element in list(self._open):
            if element.tag == tag:
                element.depth -= 1
                if element.depth == 0:
                    self._open.remove(element)
                    self.spans[element.kind].append((element.start, end))

    def close(self) -> None:
        super().close()
        for element in self._open:  # never closed: to the end of the page
            self.spans[element.kind].append((element.start, len(self.source)))
        self._open = []
        for spans in self.spans.values():
            spans.sort()

    def kind_at(self, offset: int) -> str:
        for kind in ("plugin", "content"):
            if any(start <= offset < end for start, end in self.spans[kind]):
                return kind
        return "theme"


@dataclass(frozen=True)
class _Piece:
    """One element of the plugin's markup in its own document: where it starts there
    and in the page."""

    first_line: int
    lines: int
    page_line: int
    page_column: int
    page_end: tuple[int, int]


def position(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """``(line, column)``, both from 1, of an offset."""
    line = bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def cut_out(page: str, source: str, regions: Regions) -> tuple[str, list[_Piece]]:
    """The plugin's markup of a page alone in a valid HTML document (under an ``h1``, as
    on the page), and where each element of it is in the page."""
    lang = html.escape(regions.lang or "en")
    text = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(page)}</title>\n</head>\n<body>\n<h1>{html.escape(page)}</h1>\n"
    )
    pieces: list[_Piece] = []
    for start, end in regions.spans["plugin"]:
        markup = source[start:end]
        line, column = position(regions.starts, start)
        first = text.count("\n") + 1
        lines = markup.count("\n") + 1
        end_line, end_column = position(regions.starts, max(start, end - 1))
        pieces.append(_Piece(first, lines, line, column, (end_line, end_column)))
        text += markup + "\n"
    return text + "</body>\n</html>\n", pieces


def in_page(pieces: Sequence[_Piece], line: int, column: int) -> tuple[int, int]:
    """A position in a cut-out document, in its page (past the last element: its end)."""
    before = [piece for piece in pieces if piece.first_line <= line]
    if not before:
        return pieces[0].page_line, pieces[0].page_column
    piece = before[-1]
    if line >= piece.first_line + piece.lines:
        return piece.page_end
    if line == piece.first_line:
        return piece.page_line, piece.page_column + column - 1
    return piece.page_line + line - piece.first_line, column


def message_position(message: Mapping[str, Any]) -> tuple[int, int]:
    line = int(message.get("firstLine") or message.get("lastLine") or 1)
    column = int(message.get("firstColumn") or message.get("lastColumn") or 1)
    return line, column


def message_path(message: Mapping[str, Any]) -> Path:
    return Path(unquote(urlparse(str(message.get("url", ""))).path))


def finding(message: Mapping[str, Any], where: str, line: int, column: int) -> Finding:
    return Finding(
        where,
        line,
        column,
        severity(message) or "info",
        str(message.get("message", "")),
        str(message.get("extract", "")),
    )


@dataclass
class Report:
    """What the checker said about a site, by whose markup it is in."""

    plugin: list[Finding] = field(default_factory=list)
    content: list[Finding] = field(default_factory=list)
    theme: list[Finding] = field(default_factory=list)
    pages: int = 0
    # Elements of the plugin's markup found, by the pages' language.
    pieces: Counter[str] = field(default_factory=Counter)


def unique(findings: Iterable[Finding]) -> list[Finding]:
    """Once each (the page and its cut-out markup may both report an error)."""
    seen: dict[tuple[str, int, int, str], Finding] = {}
    for item in findings:
        seen.setdefault((item.where, item.line, item.column, item.message), item)
    return sorted(seen.values(), key=lambda item: (item.where, item.line, item.column))


def check_site(site_dir: Path, work: Path) -> Report:
    """Every page of a built site and its plugin's markup cut out, in one run."""
    report = Report()
    regions: dict[Path, Regions] = {}
    cut: dict[Path, tuple[Path, list[_Piece]]] = {}
    pages = sorted(site_dir.rglob("*.html"))
    for path in pages:
        source = path.read_text(encoding="utf-8")
        found = regions[path.resolve()] = Regions(source)
        report.pages += 1
        report.pieces[found.lang] += len(found.spans["plugin"])
        if found.spans["plugin"]:
            page = path.relative_to(site_dir).as_posix()
            document, pieces = cut_out(page, source, found)
            target = work / "plugin" / page
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(document, encoding="utf-8")
            cut[target.resolve()] = (path, pieces)
    plugin: list[Finding] = []
    for message in run_vnu(pages + list(cut)):
        if severity(message) is None:
            continue
        path = message_path(message).resolve()
        line, column = message_position(message)
        if path in cut:
            page_path, pieces = cut[path]
            where = page_path.relative_to(site_dir).as_posix()
            plugin.append(finding(message, where, *in_page(pieces, line, column)))
            continue
        where = path.relative_to(site_dir.resolve()).as_posix()
        page_regions = regions[path]
        starts = page_regions.starts
        kind = page_regions.kind_at(starts[min(line, len(starts)) - 1] + column - 1)
        if str(message.get("message", "")).startswith("This document appears to be written in"):
            kind = "content"  # the language of the page's text: docs/
        found_in = {"plugin": plugin, "content": report.content, "theme": report.theme}[kind]
        found_in.append(finding(message, where, line, column))
    report.plugin = unique(plugin)
    report.content = unique(report.content)
    report.theme = unique(report.theme)
    return report


def check_documents(
    documents: Mapping[str, str], work: Path, ignored: Sequence[str] = ()
) -> list[Finding]:
    """Whole documents of our own (``name: HTML``), in one run: every message counts but
    those that contain one of ``ignored``."""
    files: dict[Path, str] = {}
    for index, (name, text) in enumerate(documents.items()):
        path = work / f"{index:03d}.html"
        path.write_text(text, encoding="utf-8")
        files[path.resolve()] = name
    return unique(
        finding(message, files[message_path(message).resolve()], *message_position(message))
        for message in run_vnu(list(files))
        if severity(message) is not None
        and not any(text in str(message.get("message", "")) for text in ignored)
    )


def theme_summary(findings: Sequence[Finding]) -> str:
    """One line per distinct message, with how often and one place."""
    by_message: dict[tuple[str, str], list[Finding]] = {}
    for item in findings:
        by_message.setdefault((item.severity, item.message), []).append(item)
    lines = [
        f"{len(items):4} × {kind}: {text[:150]} (e.g. {items[0].where}:{items[0].line}:"
        f"{items[0].column})"
        for (kind, text), items in sorted(by_message.items(), key=lambda entry: -len(entry[1]))
    ]
    return (
        f"\nNu HTML checker: {len(findings)} message(s) in the theme's markup "
        "(Material's templates, overrides/), listed, not failed on:\n" + "\n".join(lines)
    )


# The repository's site, checked once. Its build renders the PDFs, so these tests are
# marked `pdf` like the other tests of that build: `make test` runs them.


@pytest.fixture(scope="module")
def site_report(repository_build: Build, tmp_path_factory: pytest.TempPathFactory) -> Report:
    assert repository_build.returncode == 0, repository_build.output
    return check_site(repository_build.site_dir, tmp_path_factory.mktemp("nu"))


@pytest.mark.pdf
def test_every_page_is_read_and_the_themes_messages_listed(
    site_report: Report, capsys: pytest.CaptureFixture[str]
) -> None:
    assert site_report.pages >= 40
    # The plugin's markup is found on pages of every language: the filter sees it.
    for lang in ("en", "es", "sv"):
        assert site_report.pieces[lang] >= 10, (lang, site_report.pieces)
    if site_report.theme:
        with capsys.disabled():
            print(theme_summary(site_report.theme))


@pytest.mark.pdf
def test_the_plugins_markup_passes_the_nu_checker(site_report: Report) -> None:
    assert not site_report.plugin, failure("the plugin's markup", site_report.plugin)


@pytest.mark.pdf
def test_the_pages_content_passes_the_nu_checker(site_report: Report) -> None:
    assert not site_report.content, failure("the pages' content (docs/)", site_report.content)


def test_the_print_html_of_every_pdf_passes_the_nu_checker(tmp_path: Path) -> None:
    site = scan_docs(REPO / "docs")
    assert not site.problems, site.problems
    jobs = site_jobs(site, [], dates={}, site_name="BPO Quality KB", languages=site.languages)
    assert len(jobs) >= 12
    documents = {f"print HTML of {job.name}": job.html for job in jobs}
    findings = check_documents(documents, tmp_path, ignored=PRINT_ONLY)
    assert not findings, failure("the print HTML", findings)


# The filter must not swallow the plugin's errors: a page with known errors in each part.
BROKEN_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Broken</title></head>
<body>
<input type="checkbox" id="toggle" autocomplete="off">
<article class="md-content__inner md-typeset">
<h1 id="broken">Broken</h1>
<img src="photo.png">
<link rel="stylesheet" href="../assets/worksheets/worksheets.css">
<p>Before.</p> <section class="worksheets worksheets-checklist" id="ws-a" lang="en">
<h2 id="ws-a-title">A</h2>
<p>Fine.</p><span class="worksheets-hint"><div>A div in a span.</div></span>
<p id="ws-a-title">An id twice.</p>
</section>
<p class="worksheets-booklet"><a href="b.pdf">B</a></p><section class="worksheets"><h2>B</h2><div>
</section>
</article>
</body>
</html>
"""


def test_errors_in_the_plugins_markup_are_found_and_placed(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    (site_dir / "broken").mkdir(parents=True)
    (site_dir / "broken" / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    report = check_site(site_dir, tmp_path / "work")
    assert report.pieces == Counter({"en": 4}), report.pieces

    places = {(item.line, item.column): item.message for item in report.plugin}
    # At the page's line and column, whether the page or the cut-out markup reported it
    # (so once each), also for an element that starts in the middle of a line.
    assert "“div” not allowed as child of element “span”" in places[(12, 43)], places
    assert "Duplicate ID “ws-a-title”" in places[(13, 1)], places
    assert "Unclosed element “div”" in places[(15, 94)], places
    assert "open elements" in places[(16, 1)], places
    assert len({item.message for item in report.plugin}) == len(report.plugin), places
    assert all(item.where == "broken/index.html" for item in report.plugin)

    assert [(item.line, "alt" in item.message) for item in report.content] == [(8, True)]
    assert [item.line for item in report.theme] == [5]
    text = failure("the plugin's markup", report.plugin)
    assert "broken/index.html:12:43: error: Element “div” not allowed" in text
    assert 'hint"><div>A div' in text  # the checker's extract of the markup
