"""What Material's search reads: the content without the elements marked
``data-search-exclude``, and the full content put back after the theme."""

from __future__ import annotations

from random import Random

import pytest
from bs4 import BeautifulSoup
from hypothesis import assume, given
from hypothesis import strategies as st
from worksheets.render import render_block
from worksheets.searchview import SearchViewError, SearchViews, compact, search_view, searchable

from tests.unit.test_result_links import CHECKLIST, WORKSHEET


def reference(html: str) -> str:
    """The same cut, by a real HTML parser: the text left."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select("[data-search-exclude]"):
        element.decompose()
    return " ".join(soup.get_text().split())


def text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


@pytest.mark.parametrize("model", [CHECKLIST, WORKSHEET], ids=["checklist", "worksheet"])
@pytest.mark.parametrize("lang", ["en", "es", "sv"])
def test_a_rendered_block_keeps_what_search_indexes(model: object, lang: str) -> None:
    html = render_block(model, lang, "Title")  # type: ignore[arg-type]
    view = searchable(html)
    assert "data-search-exclude" not in view
    assert text(view) == reference(html)
    assert len(view) < len(html)


TAGS = st.sampled_from(["div", "p", "span", "details", "ul", "li", "label"])


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Nested elements, some marked, with text, void elements and a script."""
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.integers(0, 4 if depth < 3 else 1))
        if kind == 0:
            parts.append(draw(st.sampled_from(["a", "b c", "&amp;", "é"])))
        elif kind == 1:
            marked = " data-search-exclude" if draw(st.booleans()) else ""
            parts.append(f'<input type="checkbox"{marked}>')
        elif kind == 2:
            parts.append('<script type="application/json">{"a": "<div>"}</script>')
        else:
            tag = draw(TAGS)
            marked = " data-search-exclude" if draw(st.booleans()) else ""
            attribute = draw(st.sampled_from(["", ' class="x"', " title='a>b'"]))
            inner = draw(trees(depth + 1))
            parts.append(f"<{tag}{attribute}{marked}>{inner}</{tag}>")
    return "".join(parts)


@given(trees())
def test_any_nesting_is_cut_as_a_parser_would(html: str) -> None:
    assert text(searchable(html)) == reference(html)


def test_the_full_content_comes_back_after_the_theme() -> None:
    views = SearchViews()
    html = '<h2>T</h2><div data-search-exclude><input type="text"></div><p>kept</p>'
    handed = views.hand_out("a/index.html", html, search_view(html))
    assert "<input" not in handed and "kept" in handed
    page = f"<html><body><article>{handed}</article></body></html>"
    restored = views.restore("a/index.html", page)
    assert restored == f"<html><body><article>{html}</article></body></html>"
    # Nothing to cut: the content goes through as it is, nothing kept.
    assert views.hand_out("b/index.html", "<p>x</p>", "<p>x</p>") == "<p>x</p>"
    assert views.restore("b/index.html", "<p>x</p>") == "<p>x</p>"


@given(
    st.lists(
        st.tuples(st.sampled_from(["a/index.html", "b/index.html", "c/x.html"]), st.text()),
        min_size=1,
        max_size=8,
    ),
    st.randoms(use_true_random=False),
)
def test_kept_contents_come_back_whole_in_any_order(
    pages: list[tuple[str, str]], random: Random
) -> None:
    # A page handed out again (mkdocs serve) gives its latest content back; any text,
    # any order of rendering.
    views = SearchViews()
    latest: dict[str, str] = {}
    handed: dict[str, str] = {}
    for page, body in pages:
        html = f"<div data-search-exclude>{body}</div><p>kept</p>"
        handed[page] = views.hand_out(page, html, "<p>kept</p>")
        latest[page] = html
    order = list(latest)
    random.shuffle(order)
    for page in order:
        assert views.restore(page, f"<main>{handed[page]}</main>") == f"<main>{latest[page]}</main>"
    # All back: what was kept is gone, and the views go on working.
    assert views.restore("a/index.html", "<p>as is</p>") == "<p>as is</p>"
    again = views.hand_out("a/index.html", "<div data-search-exclude>é</div>", "")
    assert views.restore("a/index.html", again) == "<div data-search-exclude>é</div>"


def test_lost_markers_are_a_clear_error() -> None:
    views = SearchViews()
    views.hand_out("a/index.html", "<div data-search-exclude>x</div><p>y</p>", "<p>y</p>")
    with pytest.raises(SearchViewError, match=r"a/index\.html"):
        views.restore("a/index.html", "<p>y</p>")


def material_index(html: str) -> list[tuple[str | None, str, str]]:
    """The sections Material's own search parser makes of ``html``: id, title, text."""
    from material.plugins.search.plugin import Parser  # type: ignore[import-untyped]

    parser = Parser()
    parser.feed(html)
    parser.close()
    return [
        (section.id, "".join(section.title).strip(), "".join(section.text).strip())
        for section in parser.data
    ]


@pytest.mark.parametrize("model", [CHECKLIST, WORKSHEET], ids=["checklist", "worksheet"])
@pytest.mark.parametrize("lang", ["en", "es", "sv"])
def test_the_compact_view_gives_material_the_same_index(model: object, lang: str) -> None:
    html = render_block(model, lang, "Title")  # type: ignore[arg-type]
    # Material's own skipping of marked elements is by tag name, and lets text through
    # when marked elements nest: the cut view (what search reads today) is the reference.
    head, tail = "<h1 id='t'>Page</h1><p>Before.</p>", "<h2 id='after'>After</h2><p>Prose.</p>"
    page = f"{head}{searchable(html)}{tail}"
    view = f"{head}{search_view(html)}{tail}"
    assert material_index(view) == material_index(page)
    assert len(search_view(html)) < len(html) / 4
    assert "<script" not in search_view(html) and "class=" not in search_view(html)


@given(trees())
def test_any_nesting_compacts_to_the_same_index(html: str) -> None:
    page = f"<h1 id='t'>T</h1><div><h2 id='a'>A</h2>{searchable(html)}</div><p>tail</p>"
    view = f"<h1 id='t'>T</h1><div><h2 id='a'>A</h2>{search_view(html)}</div><p>tail</p>"
    # Material's parser itself fails on some invalid nestings (a <p> in a <p>).
    assume("<p><p" not in page.replace(" data-search-exclude", ""))
    assert material_index(view) == material_index(page)


def guide_blocks() -> list[tuple[str, str]]:
    """Every block of the guides, rendered: (its page's path, its HTML)."""
    from pathlib import Path

    from worksheets.scan import scan_docs

    site = scan_docs(Path(__file__).parents[2] / "docs")
    rendered = []
    for page in site.pages.values():
        for block in page.blocks.values():
            assert block.model is not None
            html = render_block(block.model, page.lang, page.title, pdf_url="x.pdf")
            rendered.append((page.path, html))
    assert len(rendered) >= 30
    return rendered


def test_every_block_of_the_guides_compacts_to_the_same_index() -> None:
    for path, html in guide_blocks():
        page_html = f"<h1 id='t'>T</h1>{searchable(html)}<p>tail</p>"
        view = f"<h1 id='t'>T</h1>{search_view(html)}<p>tail</p>"
        assert material_index(view) == material_index(page_html), path


def test_compact_keeps_tags_and_ids_only() -> None:
    html = (
        '<div class="a" data-id="x">\n  <h3 class="t" id="s-1">T</h3>\n'
        '<script type="module">let a = "<p>";</script><style>p{}</style>'
        "<p title='t'>a  b</p></div>"
    )
    assert compact(html) == '<div> <h3 id="s-1">T</h3> <p>a  b</p></div>'
