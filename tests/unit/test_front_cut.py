"""MkDocs is handed each page without its blocks' front matter entries (the plugin has
read them; building them into ``page.meta`` was 5 % of a build): whatever else the
front matter holds, MkDocs reads the same ``page.meta`` (less the blocks) and the same
Markdown from the cut page as from the whole one, and a page that changed since the
scan is left whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data
from worksheets.parse import parse_page, without_blocks
from worksheets.plugin import WorksheetsPlugin
from worksheets.scan import scan_docs

from tests.unit.test_fuzz import VALID, trees

BODY = "# Page\n\n<!-- worksheet -->\n<!-- checklist -->\n"
# VALID's two block entries, as an editor writes them.
_FRONT = VALID.split("---\n")[1]
WORKSHEET = _FRONT[_FRONT.index("worksheet:") : _FRONT.index("checklist:")]
CHECKLIST = _FRONT[_FRONT.index("checklist:") :]
BLOCKS = ("checklist", "worksheet")


def cut_meta(text: str) -> tuple[str, dict[str, Any]]:
    """What MkDocs reads from the page the plugin hands it."""
    page = parse_page("en/a.md", text, "en", "a.md")
    assert page.front_cut, page.problems
    cut = without_blocks(text, page.front_cut)
    assert cut is not None
    return get_data(cut)


def whole_meta(text: str) -> tuple[str, dict[str, Any]]:
    body, meta = get_data(text)
    assert set(BLOCKS) <= set(meta), "MkDocs read the whole front matter"
    return body, {key: value for key, value in meta.items() if key not in BLOCKS}


def test_the_blocks_are_cut_and_the_rest_kept() -> None:
    assert cut_meta(VALID) == whole_meta(VALID) == (BODY, {"title": "Vendor review"})


def test_front_matter_of_blocks_only_stays_front_matter() -> None:
    # Blank lines and comments alone are no mapping: MkDocs would show them as text.
    text = f"---\n# the blocks\n{WORKSHEET}\n{CHECKLIST}---\n{BODY}"
    assert cut_meta(text) == whole_meta(text) == (BODY, {})


def test_entries_around_and_between_the_blocks() -> None:
    text = (
        "---\n# about this page\ndescription: |\n  Two lines\n  # not a comment\n"
        f"{CHECKLIST}hide:\n  - toc\n{WORKSHEET}title: 'Last: one'\n---\n{BODY}"
    )
    assert cut_meta(text) == whole_meta(text)
    assert cut_meta(text)[1] == {
        "description": "Two lines\n# not a comment\n",
        "hide": ["toc"],
        "title": "Last: one",
    }


def test_what_cannot_be_cut_line_by_line_is_left_whole() -> None:
    flow = (
        "---\n{title: T,\n checklist: {id: visit, sections: [{id: floor, title: Floor, "
        "items: [{id: a, text: A}]}]},\n description: D}\n---\n# T\n"
    )
    assert parse_page("en/a.md", flow, "en", "a.md").front_cut == ()
    # PyYAML counts U+2028 as a line break, MkDocs' lines do not.
    odd = VALID.replace("title: Vendor review", 'title: "Vendor\u2028review"')
    assert parse_page("en/a.md", odd, "en", "a.md").front_cut == ()
    # A page with problems is not cut (it does not build).
    broken = VALID.replace("id: visit", "id: Visit Here")
    page = parse_page("en/a.md", broken, "en", "a.md")
    assert page.problems and page.front_cut == ()


def test_a_cut_outside_the_front_matter_is_refused() -> None:
    assert without_blocks("# no front matter\n", ((0, 1),)) is None
    assert without_blocks(VALID, ((0, 999),)) is None
    assert without_blocks(VALID, ((3, 3),)) is None
    assert without_blocks(VALID, ()) is None


keys = st.text(min_size=1, max_size=12).filter(lambda key: key not in BLOCKS)
entries = st.dictionaries(keys, trees, max_size=5)
comments = st.sampled_from(["", "\n", "# note\n", "#\n\n", "   \n"])


@settings(max_examples=150, deadline=None)
@given(
    before=entries,
    between=entries,
    after=entries,
    flow=st.booleans(),
    first=st.sampled_from(BLOCKS),
    gaps=st.lists(comments, min_size=5, max_size=5),
)
def test_any_other_front_matter_reads_the_same(
    before: dict[str, Any],
    between: dict[str, Any],
    after: dict[str, Any],
    flow: bool,
    first: str,
    gaps: list[str],
) -> None:
    """Arbitrary entries (any key, any value YAML can write, nested or flow-style) before,
    between and after the blocks, with comments and blank lines: MkDocs reads the same."""
    between = {key: value for key, value in between.items() if key not in before}
    after = {key: value for key, value in after.items() if key not in before | between}

    def dump(data: dict[str, Any]) -> str:
        if not data:
            return ""
        return yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True, sort_keys=False)

    blocks = (WORKSHEET, CHECKLIST) if first == "worksheet" else (CHECKLIST, WORKSHEET)
    pieces = (dump(before), blocks[0], dump(between), blocks[1], dump(after))
    front = "".join(gap + piece for gap, piece in zip(gaps, pieces, strict=True))
    text = f"---\n{front}---\n{BODY}"
    page = parse_page("en/a.md", text, "en", "a.md")
    if not page.front_cut:
        # Only for what the cut cannot be sure of: problems, or other line breaks.
        assert page.problems or any(c in front for c in "\r\x85\u2028\u2029")
        return
    cut = without_blocks(text, page.front_cut)
    assert cut is not None
    assert get_data(cut) == whole_meta(text)


def test_the_plugin_hands_mkdocs_the_cut_page_while_the_file_is_unchanged(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    page_file = docs / "en" / "a.md"
    page_file.write_text(VALID, encoding="utf-8")
    (docs / "en" / "b.md").write_text("---\ntitle: B\n---\n# B\n", encoding="utf-8")
    plugin = WorksheetsPlugin()
    plugin.load_config({})
    plugin.site = scan_docs(docs, "en")

    class Page:
        def __init__(self, name: str) -> None:
            self.file = File(f"en/{name}", str(docs), str(tmp_path / "site"), True)

    source = plugin.on_page_read_source(Page("a.md"), config=None)  # type: ignore[arg-type]
    assert source is not None and get_data(source) == whole_meta(VALID)
    # A page without blocks is read by MkDocs itself.
    assert plugin.on_page_read_source(Page("b.md"), config=None) is None  # type: ignore[arg-type]
    # Changed since the scan (mkdocs serve): MkDocs reads the whole file.
    page_file.write_text(VALID.replace("Vendor review", "Vendor visit"), encoding="utf-8")
    assert plugin.on_page_read_source(Page("a.md"), config=None) is None  # type: ignore[arg-type]
    # Off: nothing.
    plugin.load_config({"enabled": False})
    page_file.write_text(VALID, encoding="utf-8")
    assert plugin.on_page_read_source(Page("a.md"), config=None) is None  # type: ignore[arg-type]
