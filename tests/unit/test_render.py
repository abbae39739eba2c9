"""The HTML of a block: native controls, labels, groups, a status region, escaping."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from worksheets.formats.problems import FieldPath, Problem
from worksheets.model import Checklist, Worksheet
from worksheets.render import render_block, render_problems

CHECKLIST = Checklist.model_validate(
    {
        "id": "due-diligence",
        "intro": "Use it *once* per vendor.",
        "sections": [
            {
                "id": "basics",
                "title": "Basics",
                "items": [
                    {
                        "id": "visited",
                        "text": "We visited the **delivery** site.",
                        "required": True,
                        "help": "Not only headquarters.",
                    },
                    {
                        "id": "met",
                        "text": "We met <script>alert('x')</script> the team.",
                        "weight": 1.5,
                    },
                ],
            }
        ],
    }
)
WORKSHEET = Worksheet.model_validate(
    {
        "id": "copc-readiness",
        "scale": [
            {"value": 0, "label": "Not in place"},
            {"value": 1, "label": "Partly"},
            {"value": 2, "label": "In place", "description": "Working and documented."},
        ],
        "bands": [{"min": 0, "label": "Not ready"}, {"min": 85, "label": "Ready for audit"}],
        "sections": [
            {
                "id": "monitoring",
                "title": "Monitoring",
                "weight": 30,
                "criteria": [
                    {
                        "id": "frequency",
                        "text": "Agents are monitored 7 to 14 times a month.",
                        "critical": True,
                        "guidance": "Count side-by-side and remote sessions.",
                    },
                ],
            },
            {
                "id": "training",
                "title": "Training",
                "weight": 70,
                "criteria": [
                    {"id": "programme", "text": "A training programme exists."},
                ],
            },
        ],
    }
)


def soup(model: Any, lang: str = "en") -> BeautifulSoup:
    return BeautifulSoup(render_block(model, lang, "Page title"), "html.parser")


def tag(found: object) -> Tag:
    """What a lookup found, checked to be an element."""
    assert isinstance(found, Tag), found
    return found


def label_text(document: BeautifulSoup, control: Tag) -> str:
    label = document.find("label", attrs={"for": control["id"]})
    assert isinstance(label, Tag), f"no label for {control['id']}"
    return " ".join(label.get_text(" ").split())


def test_checklist_items_are_labelled_checkboxes() -> None:
    document = soup(CHECKLIST)
    answers = document.select('input[type=checkbox][value="yes"]')
    assert [label_text(document, box) for box in answers] == [
        "We visited the delivery site.",
        "We met <script>alert('x')</script> the team.",
    ]
    assert [box["name"] for box in answers] == ["due-diligence:visited", "due-diligence:met"]


def test_not_applicable_box_is_named_by_the_item() -> None:
    document = soup(CHECKLIST, "es")
    boxes = document.select('input[type=checkbox][value="na"]')
    assert label_text(document, boxes[0]) == "No aplicable We visited the delivery site."
    assert boxes[0]["name"] == "due-diligence:visited:na"


def test_without_allow_na_there_is_no_na_box() -> None:
    checklist = CHECKLIST.model_copy(update={"allow_na": False})
    assert soup(checklist).select('input[value="na"]') == []


def test_help_and_required_describe_the_checkbox() -> None:
    document = soup(CHECKLIST)
    box = document.select_one("#ws-due-diligence-visited")
    assert box is not None
    described = str(box["aria-describedby"]).split()
    texts = [" ".join(tag(document.find(id=ref)).get_text(" ").split()) for ref in described]
    assert texts == ["Required", "Not only headquarters."]


def test_script_in_text_is_escaped() -> None:
    html = render_block(CHECKLIST, "en", "Page")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_worksheet_criteria_are_fieldsets_of_radios() -> None:
    document = soup(WORKSHEET, "sv")
    groups = document.find_all("fieldset")
    assert [tag(group.legend).get_text(" ").strip() for group in groups] == [
        "Agents are monitored 7 to 14 times a month.",
        "A training programme exists.",
    ]
    radios = groups[0].find_all("input", attrs={"type": "radio"})
    assert [radio["value"] for radio in radios] == ["0", "1", "2", "na"]
    assert {radio["name"] for radio in radios} == {"copc-readiness:frequency"}
    names = [" ".join(tag(radio.parent).get_text(" ").split()) for radio in radios]
    assert names == ["Not in place", "Partly", "In place", "Ej tillämplig"]


def test_scale_bands_and_weights_are_visible() -> None:
    text = " ".join(soup(WORKSHEET, "es").get_text(" ").split())
    assert "Escala de respuesta" in text
    assert "2 In place: Working and documented." in text
    assert "85 % o más: Ready for audit" in text
    assert "0 % o más: Not ready" in text
    assert "Peso 30" in text and "Peso 70" in text
    assert "Crítico" in text


def test_result_region_is_a_status() -> None:
    status = soup(WORKSHEET).find(name=None, attrs={"role": "status"})
    assert isinstance(status, Tag)
    assert status.get_text(" ").split() == ["Score:", "—", "0", "of", "2", "answered"]
    checklist_status = soup(CHECKLIST, "sv").find(name=None, attrs={"role": "status"})
    assert isinstance(checklist_status, Tag)
    assert " ".join(checklist_status.get_text(" ").split()) == (
        "Framsteg: 0 % 0 av 2 tillämpliga punkter avbockade "
        "Obligatoriska punkter som återstår: We visited the delivery site"
    )


def test_answers_given_to_the_renderer_are_scored() -> None:
    html = render_block(WORKSHEET, "en", "Page", {"frequency": 2, "programme": 1})
    status = BeautifulSoup(html, "html.parser").find(name=None, attrs={"role": "status"})
    assert isinstance(status, Tag)
    # (30 * 100 + 70 * 50) / 100 = 65
    assert "Score: 65%" in status.get_text(" ")


def test_title_defaults_to_page_title_and_ids_are_unique() -> None:
    document = soup(WORKSHEET)
    heading = document.find("h2")
    assert heading is not None and heading.get_text() == "Page title"
    ids = [element["id"] for element in document.find_all(id=True)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", ["en", "es", "sv"])
def test_problem_box_lists_problems(lang: str) -> None:
    html = render_problems(
        [Problem("en/a.md", 3, FieldPath("checklist", ("id",)), "is <required>")], lang
    )
    document = BeautifulSoup(html, "html.parser")
    assert document.find(name=None, attrs={"role": "alert"}) is not None
    assert "en/a.md:3: checklist.id: is <required>" in document.get_text()
    assert "<required>" not in html
