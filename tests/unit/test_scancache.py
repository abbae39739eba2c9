"""The scan cache: a page read back from it is the page as parsed, with the same
problems at the same lines; a damaged, planted or stale file is never trusted."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from worksheets.formats.scancache import FORMAT, ScanCache, page_from, page_key, page_record
from worksheets.render import render_block
from worksheets.scan import _PARSED, _parse, scan_docs
from worksheets.source import SourcePage

from tests.unit.test_fuzz import VALID, YAML_SYNTAX

DOCS = Path(__file__).parents[2] / "docs"


def same_page(cached: SourcePage, parsed: SourcePage) -> None:
    assert (cached.path, cached.lang, cached.rel, cached.title) == (
        parsed.path,
        parsed.lang,
        parsed.rel,
        parsed.title,
    )
    assert cached.markers == parsed.markers
    assert cached.problems == parsed.problems
    assert cached.blocks.keys() == parsed.blocks.keys()
    for kind, block in parsed.blocks.items():
        again = cached.blocks[kind]
        assert again.model == block.model
        if block.model is not None and again.model is not None:
            # Equal is not enough (1 == 1.0): the page shows the same, byte for byte.
            assert render_block(again.model, "en", "T") == render_block(block.model, "en", "T")
        assert again.line == block.line
        assert dict(again.positions) == dict(block.positions)
        for loc in [*block.positions, ("no", "such", 3)]:
            assert again.line_of(loc) == block.line_of(loc)


def round_trip(text: str) -> None:
    parsed = _parse("en/page.md", text, "en", "page.md")
    record = json.loads(json.dumps(page_record(*parsed)))
    cached = page_from(record, "en/page.md", "en", "page.md")
    same_page(cached[0], parsed[0])
    assert cached[1] == parsed[1]
    assert [problem.parity for problem in cached[1]] == [p.parity for p in parsed[1]]


def test_every_guide_reads_back_as_parsed() -> None:
    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        round_trip(text)


@given(st.data())
def test_any_page_with_problems_reads_back_as_parsed(data: st.DataObject) -> None:
    source = VALID
    for _ in range(data.draw(st.integers(0, 4))):
        position = data.draw(st.integers(0, len(source)))
        text = data.draw(st.text(alphabet=YAML_SYNTAX, min_size=1, max_size=6))
        source = source[:position] + text + source[position + len(text) :]
    round_trip(source)


def scanned(tmp_path: Path, code: str = "code") -> tuple[ScanCache, list[str]]:
    cache = ScanCache(tmp_path / "scan.json", code).load()
    site = scan_docs(DOCS, "en", ["en", "es", "sv"], cache)
    return cache, sorted(str(problem) for problem in site.problems)


def test_a_second_scan_reads_every_page_from_the_file(tmp_path: Path) -> None:
    _PARSED.clear()
    fresh = scan_docs(DOCS, "en", ["en", "es", "sv"])
    _PARSED.clear()
    first, problems = scanned(tmp_path)
    # Pages parsed earlier in this process come from memory: forget them.
    _PARSED.clear()
    second, again = scanned(tmp_path)
    assert first.hits == 0 and second.hits == len(fresh.pages)
    assert again == problems == sorted(str(problem) for problem in fresh.problems)
    stored = json.loads((tmp_path / "scan.json").read_text(encoding="utf-8"))
    assert stored["format"] == FORMAT and len(stored["pages"]) == len(fresh.pages)


def test_a_file_from_other_code_or_damaged_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "scan.json"
    scanned(tmp_path)
    for text in (b"", b"{", b"[]", b'{"format": "other"}', b"\xff"):
        path.write_bytes(text)
        cache = ScanCache(path, "code").load()
        assert cache.get(next(iter([page_key("a", "b", "en", "a")])), "a", "en", "a") is None
    scanned(tmp_path, code="new code")
    assert json.loads(path.read_text(encoding="utf-8"))["code"] == "new code"


def test_a_damaged_record_is_parsed_again(tmp_path: Path) -> None:
    path = tmp_path / "scan.json"
    text = VALID
    key = page_key("en/page.md", text, "en", "page.md")
    parsed = _parse("en/page.md", text, "en", "page.md")
    good = page_record(*parsed)
    damages = [
        {**good, "blocks": {"worksheet": {"line": 1, "positions": "[", "model": {"id": 3}}}},
        {**good, "blocks": {"table": {}}},
        {**good, "problems": [{"path": 1}]},
        {"title": "x"},
        [],
    ]
    for damage in damages:
        stored = {"format": FORMAT, "code": "code", "pages": {key: damage}}
        path.write_text(json.dumps(stored), encoding="utf-8")
        assert ScanCache(path, "code").load().get(key, "en/page.md", "en", "page.md") is None
    # Damaged positions alone: problems point at the block's own line.
    block = {**good["blocks"]["worksheet"], "positions": "[[1, 2, 3"}
    record = {**good, "blocks": {**good["blocks"], "worksheet": block}}
    page, _ = page_from(record, "en/page.md", "en", "page.md")
    assert page.blocks["worksheet"].line_of(("sections", 0)) == block["line"]
