"""Front matter -> model, with the line of every field."""

from __future__ import annotations

from worksheets.model import Checklist, Worksheet, scale_bounds
from worksheets.parse import page_title, parse_page

SOURCE = """\
---
title: Choosing a vendor
checklist:
  id: due-diligence
  intro: >-
    Folded
    text.
  sections:
    - id: basics
      title: Basics
      items:
        - id: visited
          text: We visited.
          weight: 2
---
# Heading

<!-- checklist -->
"""


def test_blocks_are_typed_with_defaults() -> None:
    page = parse_page("en/choose.md", SOURCE, "en", "choose.md")
    assert page.problems == []
    checklist = page.model("checklist")
    assert isinstance(checklist, Checklist)
    assert checklist.version == 1
    assert checklist.allow_na is True
    assert checklist.intro == "Folded text."
    item = checklist.sections[0].items[0]
    assert (item.id, item.weight, item.required, item.help) == ("visited", 2, False, None)


def test_every_field_has_its_line() -> None:
    block = parse_page("en/choose.md", SOURCE, "en", "choose.md").blocks["checklist"]
    assert block.line == 3
    assert block.line_of(("id",)) == 4
    assert block.line_of(("intro",)) == 5
    assert block.line_of(("sections", 0)) == 9
    assert block.line_of(("sections", 0, "items", 0, "weight")) == 14
    # a missing field points at its parent
    assert block.line_of(("sections", 0, "items", 0, "help")) == 12


def test_markers_are_found_with_their_lines() -> None:
    page = parse_page("en/choose.md", SOURCE, "en", "choose.md")
    assert page.markers == {"checklist": 18}


def test_title_comes_from_front_matter_then_heading_then_file_name() -> None:
    assert parse_page("en/a.md", SOURCE, "en", "a.md").title == "Choosing a vendor"
    assert page_title({}, "Intro\n\n# The heading\n", "a.md") == "The heading"
    assert page_title({}, "No heading", "guides/engagement-health.md") == "Engagement health"


def test_windows_line_endings_and_byte_order_mark() -> None:
    source = "\ufeff" + SOURCE.replace("\n", "\r\n")
    page = parse_page("en/a.md", source, "en", "a.md")
    assert page.problems == []
    assert page.blocks["checklist"].line_of(("id",)) == 4


def test_page_without_front_matter() -> None:
    page = parse_page("en/a.md", "# Just text\n", "en", "a.md")
    assert page.blocks == {} and page.problems == [] and page.title == "Just text"


def test_worksheet_scale_helpers() -> None:
    worksheet = Worksheet.model_validate(
        {
            "id": "w",
            "scale": [{"value": 1, "label": "Low"}, {"value": 4, "label": "High"}],
            "bands": [{"min": 0, "label": "Low"}, {"min": 70, "label": "High"}],
            "sections": [
                {"id": "s", "title": "S", "criteria": [{"id": "c", "text": "C"}]},
                {
                    "id": "yes-no",
                    "title": "Compliance",
                    "scale": [{"value": 0, "label": "No"}, {"value": 1, "label": "Yes"}],
                    "criteria": [{"id": "d", "text": "D"}],
                },
            ],
        }
    )
    assert worksheet.scale is not None
    assert scale_bounds(worksheet.scale) == (1, 4)
    assert [band.min for band in worksheet.bands_descending()] == [70, 0]
    assert [criterion.id for criterion in worksheet.entries()] == ["c", "d"]
    by_criterion = worksheet.scale_by_criterion()
    assert scale_bounds(by_criterion["c"]) == (1, 4)
    assert [point.label for point in by_criterion["d"]] == ["No", "Yes"]
    assert len(worksheet.scales()) == 2
