"""Rendered blocks kept between builds: keyed by everything the HTML depends on,
read back as written, pruned when unused, and never in the way of a build."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from worksheets.blockcache import BlockCache, RenderedBlock, _decode, _encode
from worksheets.fingerprint import code_fingerprint
from worksheets.searchview import search_view

HTML = '<section><h2 id="a">T</h2><div data-search-exclude><input></div><p>x</p></section>'


def renderer(calls: list[str], html: str = HTML):  # type: ignore[no-untyped-def]
    def render() -> str:
        calls.append(html)
        return html

    return render


def test_a_block_is_rendered_once_and_read_back(tmp_path: Path) -> None:
    calls: list[str] = []
    first = BlockCache(tmp_path)
    block = first.get(("checklist", "en", "Page", "", "{}"), renderer(calls))
    assert block == RenderedBlock(HTML, search_view(HTML))
    assert first.rendered == 1
    second = BlockCache(tmp_path)
    assert second.get(("checklist", "en", "Page", "", "{}"), renderer(calls)) == block
    assert second.rendered == 0 and len(calls) == 1
    # Any part of the key changes the entry.
    for key in (("worksheet", "en", "Page", "", "{}"), ("checklist", "es", "Page", "", "{}")):
        second.get(key, renderer(calls))
    assert len(calls) == 3


def test_unused_entries_are_pruned(tmp_path: Path) -> None:
    calls: list[str] = []
    BlockCache(tmp_path).get(("a",), renderer(calls))
    BlockCache(tmp_path).get(("b",), renderer(calls))
    cache = BlockCache(tmp_path)
    cache.get(("b",), renderer(calls))
    assert cache.prune() == 1
    assert len(list(tmp_path.glob("*/*"))) == 1
    BlockCache(tmp_path).get(("b",), renderer(calls))
    assert len(calls) == 2


def test_a_damaged_entry_is_rendered_again(tmp_path: Path) -> None:
    calls: list[str] = []
    BlockCache(tmp_path).get(("a",), renderer(calls))
    (entry,) = tmp_path.glob("*/*")
    for damage in (b"", b"garbage", b"{}\n999\nshort", b"[]\n1\nab", b"{\n1\nab", b"\xff\xfe"):
        entry.write_bytes(damage)
        assert BlockCache(tmp_path).get(("a",), renderer(calls)).html == HTML
    assert len(calls) == 7


def test_no_folder_or_an_unwritable_one_still_renders(tmp_path: Path) -> None:
    calls: list[str] = []
    assert BlockCache(None).get(("a",), renderer(calls)).html == HTML
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = BlockCache(blocked)
    assert cache.get(("a",), renderer(calls)).html == HTML
    assert cache.prune() == 0 and len(calls) == 2


def test_the_fingerprint_is_stable() -> None:
    assert code_fingerprint() == code_fingerprint()
    assert len(code_fingerprint()) == 64


@given(
    st.text(),
    st.text(),
    st.dictionaries(st.text(), st.text(), max_size=3),
    st.dictionaries(st.text(), st.lists(st.text(), max_size=3), max_size=3),
)
def test_entries_read_back_as_written(
    html: str, view: str, texts: dict[str, str], folded: dict[str, list[str]]
) -> None:
    block = RenderedBlock(html, view, texts, folded)
    assert _decode(_encode(block)) == block


@given(st.binary(), st.integers(min_value=0, max_value=40))
def test_a_damaged_entry_reads_as_none_or_as_an_entry(data: bytes, cut: int) -> None:
    """Whatever the folder holds (a cut entry, bytes that are not UTF-8, another format),
    reading it never raises."""
    written = _encode(RenderedBlock("<p>é</p>", "<p>é</p>", {"k": "é"}, {"k": ["e"]}))
    for entry in (data, written[:cut], written[:cut] + data, b"{}\n%d 0\n" % cut + data):
        found = _decode(entry)
        assert found is None or isinstance(found, RenderedBlock)
    assert _decode(written) is not None
    # Cut anywhere, or with bytes after its end: not an entry (it is rendered again).
    assert _decode(written[:-1]) is None and _decode(written + (data[:1] or b"x")) is None
    assert _decode(written[:cut]) is None


def test_markers_are_part_of_the_key_and_kept_with_the_entry(tmp_path: Path) -> None:
    calls: list[str] = []
    marked = BlockCache(tmp_path).get(("a",), renderer(calls), markers=True)
    assert marked.texts and "worksheets-search-" in marked.view
    assert marked.folded.keys() == marked.texts.keys()
    assert all(text not in marked.view for text in marked.texts.values())
    plain = BlockCache(tmp_path).get(("a",), renderer(calls))
    assert plain == RenderedBlock(HTML, search_view(HTML)) and len(calls) == 2
    assert BlockCache(tmp_path).get(("a",), renderer(calls), markers=True) == marked
    assert len(calls) == 2
    # A damaged texts line: rendered again.
    for entry in tmp_path.glob("*/*"):
        entry.write_text('{"a": 1}\n3\nabcdef', encoding="utf-8")
    assert BlockCache(tmp_path).get(("a",), renderer(calls), markers=True) == marked
    assert len(calls) == 3


@given(st.text(alphabet=st.sampled_from("a\r\n\t<>é\u2028")))
def test_any_text_survives_the_folder(html: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        BlockCache(Path(folder)).get(("a",), lambda: html)
        again = BlockCache(Path(folder)).get(("a",), lambda: "rendered again")
        assert again.html == html
