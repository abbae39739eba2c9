"""A block's search text, read by Material's parser when the block is rendered: the
page's content carries a marker per section of the block, and the index gets the
texts back after the build. Material's own parser must then make exactly the index it
makes of the view: on every block of the guides, in every page context we can think
of, and on random block-like trees."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from worksheets.render import render_block
from worksheets.searchtext import MARKER, marker, with_markers
from worksheets.searchview import search_view

from tests.unit.test_result_links import CHECKLIST, WORKSHEET
from tests.unit.test_searchview import guide_blocks

# Where a block can sit in a page's content. (Never in a <pre>: its place is an HTML
# comment, which Markdown escapes in code.)
CONTEXTS = {
    "after prose": ("<h1 id='t'>T</h1><p>Before.</p>\n", "\n<h2 id='after'>After</h2><p>P.</p>"),
    "prose after it": ("<h1 id='t'>T</h1>\n", "\n<p>Goes back to the page's section.</p>"),
    "no space around": ("<h1 id='t'>T</h1><p>Before.</p>", "<p>After.</p>"),
    "first on the page": ("", "<p>After.</p>"),
    "in an admonition": (
        "<h2 id='s'>S</h2><div class='admonition'><p class='admonition-title'>Note</p>",
        "<p>In it.</p></div><p>Out.</p>",
    ),
    "in a list item": ("<h2 id='s'>S</h2><ul><li>", "</li><li>x</li></ul>"),
    "empty paragraphs": ("<h2 id='s'>S</h2><p></p> ", " <p> </p><p>x</p>"),
}


def material_index(html: str, texts: dict[str, str] | None = None) -> list[Any]:
    """The index entries Material's own parser makes of ``html`` (id, title, text),
    each text that is a marker of ``texts`` replaced as the build replaces it."""
    from material.plugins.search.plugin import Parser  # type: ignore[import-untyped]

    parser = Parser()
    parser.feed(html)
    parser.close()
    found = []
    for section in parser.data:
        if section.is_excluded():
            continue
        text = "".join(section.text).strip()
        if texts is not None:
            text = texts.get(text, text)
        found.append((section.id, "".join(section.title).strip(), text))
    return found


def assert_same_index(view: str, marked: str, texts: dict[str, str]) -> None:
    for name, (before, after) in CONTEXTS.items():
        page, with_markers_page = before + view + after, before + marked + after
        assert material_index(with_markers_page, texts) == material_index(page), name
        # Two blocks in a row, as a page with a checklist and a worksheet has them.
        twice, twice_marked = before + view + view + after, before + marked + marked + after
        assert material_index(twice_marked, texts) == material_index(twice), name


@pytest.mark.parametrize("model", [CHECKLIST, WORKSHEET], ids=["checklist", "worksheet"])
@pytest.mark.parametrize("lang", ["en", "es", "sv"])
def test_a_block_gives_material_the_same_index_through_markers(model: object, lang: str) -> None:
    view = search_view(render_block(model, lang, "Title"))  # type: ignore[arg-type]
    found = with_markers(view)
    assert found is not None
    marked, texts = found
    assert_same_index(view, marked, texts)
    # What Material parses on every build is the headings and the markers.
    assert all(text not in marked for text in texts.values())
    assert set(MARKER.findall(marked)) == set(texts)
    assert all(marker(text) == key for key, text in texts.items())


def test_every_block_of_the_guides_goes_through_markers() -> None:
    for path, html in guide_blocks():
        view = search_view(html)
        found = with_markers(view)
        assert found is not None, path
        assert_same_index(view, *found)


TEXT = st.sampled_from(["a", "b c", " ", "\n", "&amp;", "é", "  x  "])
CONTAINERS = st.sampled_from(["div", "section", "p", "ul", "li", "span", "details"])


@st.composite
def blocks(draw: st.DrawFn, depth: int = 0) -> str:
    """Block-like content: headings with and without ids, nested around them or not,
    kept and dropped elements, empty ones, whitespace and text."""
    parts = []
    for index in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 4 if depth < 3 else 1))
        if kind == 0:
            parts.append(draw(TEXT))
        elif kind == 1:
            level = draw(st.integers(1, 4))
            identity = f' id="d{depth}-{index}"' if draw(st.booleans()) else ""
            parts.append(f"<h{level}{identity}>{draw(TEXT)}</h{level}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(["<br>", "<p></p>", "<li> </li>"])))
        else:
            tag = draw(CONTAINERS)
            parts.append(f'<{tag} class="x">{draw(blocks(depth + 1))}</{tag}>')
    return "".join(parts)


@given(blocks())
def test_markers_never_change_the_index(html: str) -> None:
    view = search_view(f'<section id="b"><h2 id="b-title">B</h2>{html}</section>')
    found = with_markers(view)
    if found is None:
        return
    for before, after in CONTEXTS.values():
        try:  # Material's parser itself fails on some invalid nestings (a <p> in a <p>).
            material_index(before + view + view + after)
        except ValueError:
            assume(False)
    assert_same_index(view, *found)


def test_a_block_material_cannot_parse_keeps_its_view() -> None:
    # Material's own parser raises on a heading in a paragraph.
    view = (
        '<section id="b"><h2 id="b-title">B</h2>a<div><h1 id="d1-0">a</h1>a<h1 id="d1-2">a</h1>'
        '</div><div><p><h1 id="d2-0">a</h1></p></div></section>'
    )
    with pytest.raises(ValueError):
        material_index(view)
    assert with_markers(view) is None


def test_a_block_without_sections_of_its_own_keeps_its_view() -> None:
    assert with_markers("<p>Just text</p>") is None
    assert with_markers("<h2>No id</h2><p>text</p>") is None
