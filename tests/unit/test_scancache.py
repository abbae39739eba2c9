"""The scan cache: a page read back from it is the page as parsed, with the same
problems at the same lines; a damaged, planted or stale file is never trusted."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from worksheets import scan
from worksheets.formats.problems import Problem
from worksheets.formats.scancache import (
    FORMAT,
    RACY_NS,
    ScanCache,
    page_from,
    page_key,
    page_record,
)
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
    assert cached.front_cut == parsed.front_cut
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
    block = good["blocks"]["worksheet"]
    damages = [
        {**good, "blocks": {"worksheet": {"line": 1, "packed": "x", "id": 3}}},
        {**good, "blocks": {"worksheet": {**block, "digest": None}}},
        {**good, "blocks": {"table": {}}},
        {**good, "problems": [{"path": 1}]},
        {"title": "x"},
        [],
    ]
    for damage in damages:
        stored = {
            "format": FORMAT, "code": "code", "pages": {key: damage}, "parity": {}, "files": {}
        }  # fmt: skip
        path.write_text(json.dumps(stored), encoding="utf-8")
        assert ScanCache(path, "code").load().get(key, "en/page.md", "en", "page.md") is None
    # (The same file with the good record: what the test above finds damaged is the record.)
    stored = {"format": FORMAT, "code": "code", "pages": {key: good}, "parity": {}, "files": {}}
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert ScanCache(path, "code").load().get(key, "en/page.md", "en", "page.md") is not None


def test_a_damaged_packed_block_is_read_from_the_page_again() -> None:
    parsed = _parse("en/page.md", VALID, "en", "page.md")
    good = page_record(*parsed)
    calls: list[str] = []

    def reparse() -> SourcePage:
        calls.append("again")
        return parsed[0]

    model = parsed[0].blocks["worksheet"].model
    other = page_record(*_parse("en/page.md", VALID.replace("trained", "taught"), "en", "page.md"))
    for packed in ("not base64!", "eJzLSM3JyQcABiwCFQ==", other["blocks"]["worksheet"]["packed"]):
        block = {**good["blocks"]["worksheet"], "packed": packed}
        record = {**good, "blocks": {**good["blocks"], "worksheet": block}}
        page, _ = page_from(record, "en/page.md", "en", "page.md", reparse)
        # Read back as the page is (another page's model fails the digest).
        assert page.blocks["worksheet"].model == model
        assert page.blocks["worksheet"].line_of(("sections", 0)) == 11
    assert len(calls) == 5  # model and lines twice, then the model whose digest differs
    # Damaged, and the page is gone: problems point at the block's own line.
    block = {**good["blocks"]["worksheet"], "packed": "x"}
    record = {**good, "blocks": {**good["blocks"], "worksheet": block}}
    page, _ = page_from(record, "en/page.md", "en", "page.md")
    assert page.blocks["worksheet"].line_of(("sections", 0)) == block["line"]
    assert page.blocks["worksheet"].model is None


def counted_parity(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The translations a scan compares with their default page from now on."""
    from worksheets import checks, scan

    compared: list[str] = []

    def counting(default: SourcePage, translation: SourcePage) -> list[Problem]:
        compared.append(translation.path)
        return checks.translation_parity(default, translation)

    monkeypatch.setattr(scan, "translation_parity", counting)
    return compared


def test_a_rebuild_reads_no_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With every page in the cache, a scan builds no model and compares no pages: the
    blocks' ids, versions and digests and the parity problems come from the file."""
    _PARSED.clear()
    scanned(tmp_path)
    _PARSED.clear()
    compared = counted_parity(monkeypatch)
    site = scan_docs(
        DOCS, "en", ["en", "es", "sv"], ScanCache(tmp_path / "scan.json", "code").load()
    )
    assert compared == []
    blocks = [block for page in site.pages.values() for block in page.blocks.values()]
    assert len(blocks) > 30
    assert all(block._model is None for block in blocks)
    assert all(block.block_id and block.digest and block.version for block in blocks)
    # Read when asked for: the model the digest names.
    from worksheets.source import model_digest

    first = blocks[0]
    assert first.model is not None and model_digest(first.model) == first.digest


def test_cached_pdfs_need_no_model(tmp_path: Path) -> None:
    """Every PDF's cache key comes from the blocks' digests: a build whose PDFs are all
    cached reads no model; the keys are those of the same site parsed afresh."""
    from worksheets.pdf.jobs import site_jobs

    def keys(site: Any) -> dict[str, str]:
        jobs = site_jobs(site, [], dates={}, site_name="KB", languages=site.languages)
        return {job.name: job.key for job in jobs}

    def scan() -> Any:
        _PARSED.clear()
        cache = ScanCache(tmp_path / "scan.json", "code").load()
        return scan_docs(DOCS, "en", ["en", "es", "sv"], cache)

    fresh = keys(scan())
    site = scan()
    assert keys(site) == fresh and len(fresh) > 30
    blocks = [block for page in site.pages.values() for block in page.blocks.values()]
    assert all(block._model is None for block in blocks)


def test_parity_is_checked_again_for_a_changed_page_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    _PARSED.clear()
    scan_docs(docs, "en", ["en", "es", "sv"], ScanCache(tmp_path / "scan.json", "code").load())
    spanish = next(
        path for path in sorted((docs / "es").glob("*.md")) if "\n  id: " in path.read_text()
    )
    text = spanish.read_text(encoding="utf-8")
    # A translation that drifted from the default language: a section's id changed.
    changed = text.replace("\n    - id: ", "\n    - id: drifted-", 1)
    assert changed != text
    spanish.write_text(changed, encoding="utf-8")
    _PARSED.clear()
    compared = counted_parity(monkeypatch)
    cache = ScanCache(tmp_path / "scan.json", "code").load()
    site = scan_docs(docs, "en", ["en", "es", "sv"], cache)
    assert compared == [f"es/{spanish.name}"]
    assert any(problem.parity and problem.path == compared[0] for problem in site.problems)


# A rebuild reads only the pages whose files changed (formats/scancache.py, "files").

OLD_NS = 1_000_000_000 * 1_600_000_000  # 2020: long before any scan here


def small_docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    for lang, title in (("en", "Vendor review"), ("es", "Revisión"), ("sv", "Granskning")):
        (docs / lang).mkdir(parents=True)
        (docs / lang / "page.md").write_text(VALID.replace("Vendor review", title), "utf-8")
        (docs / lang / "other.md").write_text(f"# {title}\n", "utf-8")
    return docs


def age(docs: Path) -> None:
    """Every page as if last changed in 2020 (its change time is now: see RACY_NS)."""
    for page in docs.rglob("*.md"):
        os.utime(page, ns=(OLD_NS, OLD_NS))


def read_pages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from worksheets.files import read_page as original

    read: list[str] = []

    def counting(page_file: Any) -> Any:
        read.append(page_file.shown)
        return original(page_file)

    monkeypatch.setattr(scan, "read_page", counting)
    return read


def scan_small(docs: Path, tmp_path: Path, started_ns: int | None = None) -> Any:
    _PARSED.clear()
    cache = ScanCache(tmp_path / "scan.json", "code").load()
    if started_ns is not None:
        cache.started_ns = started_ns
    return scan_docs(docs, "en", ["en", "es", "sv"], cache)


def titles(site: Any) -> dict[str, str]:
    return {path: page.title for path, page in site.by_path.items()}


def test_a_rebuild_reads_no_unchanged_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = small_docs(tmp_path)
    # Files changed within RACY_NS of the scan's start: read, and their identity not kept.
    scan_small(docs, tmp_path)
    read = read_pages(monkeypatch)
    first = scan_small(docs, tmp_path)
    assert len(read) == 6
    stored = json.loads((tmp_path / "scan.json").read_text(encoding="utf-8"))
    assert stored["files"] == {}
    # Changed long enough ago: read once more (its identity kept), then never again.
    read.clear()
    later = time.time_ns() + 10 * RACY_NS
    scan_small(docs, tmp_path, later)
    assert len(read) == 6 and len(json.loads((tmp_path / "scan.json").read_text())["files"]) == 6
    read.clear()
    again = scan_small(docs, tmp_path, later)
    assert read == []
    assert titles(again) == titles(first)
    assert sorted(map(str, again.problems)) == sorted(map(str, first.problems))


@pytest.mark.parametrize("change", ["same size and times", "renamed over", "another language"])
def test_a_changed_file_is_read_again_whatever_its_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    docs = small_docs(tmp_path)
    page = docs / "en" / "page.md"
    later = time.time_ns() + 10 * RACY_NS
    scan_small(docs, tmp_path, later)
    read = read_pages(monkeypatch)
    if change == "same size and times":
        # Same length, modification time put back: only the change time tells.
        before = page.stat()
        page.write_text(page.read_text("utf-8").replace("Vendor review", "Vendor REVIEW"), "utf-8")
        os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
        expected = "Vendor REVIEW"
    elif change == "renamed over":
        other = docs / "new.md"
        other.write_text(VALID.replace("Vendor review", "Replaced"), "utf-8")
        os.utime(other, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns))
        os.replace(other, page)
        expected = "Replaced"
    else:
        # The same file in another language: its record's key says another language.
        cache = ScanCache(tmp_path / "scan.json", "code").load()
        assert cache.known("en/page.md", page.stat(), "es", "page.md") is None
        assert cache.known("en/page.md", page.stat(), "en", "page.md") is not None
        return
    site = scan_small(docs, tmp_path, later + 10 * RACY_NS)
    assert read == ["en/page.md"]
    assert site.by_path["en/page.md"].title == expected


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=9) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
))  # fmt: skip
def test_planted_identities_are_never_trusted_blindly(planted: Any) -> None:
    """Whatever ``files`` holds, a page is read unless its entry matches its file now, and
    then only a record the cache has (else the page is read and parsed)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        tmp_path = Path(folder)
        docs = small_docs(tmp_path)
        age(docs)
        expected = titles(scan_small(docs, tmp_path / "none"))
        path = tmp_path / "scan.json"
        page = (docs / "en" / "page.md").stat()
        identity = [page.st_dev, page.st_ino, page.st_size, page.st_mtime_ns, page.st_ctime_ns]
        for files in (
            planted,
            {"en/page.md": planted},
            {"en/page.md": [*identity, "en", "page.md", planted]},
            {"en/page.md": [*identity, "en", "page.md", "0" * 64]},
        ):
            stored = {"format": FORMAT, "code": "code", "pages": {}, "parity": {}, "files": files}
            path.write_text(json.dumps(stored), encoding="utf-8")
            assert titles(scan_small(docs, tmp_path)) == expected
