"""The live result's links: open required items and failed critical criteria are
segments that name their entry, the words stay the sentence they were, and the
rendered links point at each entry's answer control."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from worksheets.formats.fields import field_name
from worksheets.markup import plain_text
from worksheets.model import Checklist, Worksheet
from worksheets.render import render_block
from worksheets.result import Segment, line_text, result_lines, result_segments
from worksheets.strings import Strings

LANGUAGES = ("en", "es", "sv")

CHECKLIST = Checklist.model_validate(
    {
        "id": "visit",
        "allow_na": True,
        "sections": [
            {
                "id": "floor",
                "title": "Floor",
                "items": [
                    {"id": "walked", "text": "We walked the **floor**.", "required": True},
                    {"id": "met", "text": "We met the leads."},
                    {"id": "seen", "text": "Reports seen", "required": True},
                ],
            },
            {
                "id": "people",
                "title": "People",
                "items": [{"id": "asked", "text": "We asked; they answered.", "required": True}],
            },
        ],
    }
)
WORKSHEET = Worksheet.model_validate(
    {
        "id": "readiness",
        "allow_na": True,
        "scale": [{"value": 1, "label": "No"}, {"value": 2, "label": "Partly"},
                  {"value": 3, "label": "Yes"}],
        "bands": [{"min": 50, "label": "Close"}, {"min": 0, "label": "Not ready"}],
        "sections": [
            {
                "id": "training",
                "title": "Training",
                "criteria": [
                    {"id": "programme", "text": "A *programme* exists.", "critical": True},
                    {"id": "records", "text": "Records are kept.", "critical": True},
                ],
            },
            {
                "id": "monitoring",
                "title": "Monitoring",
                "criteria": [{"id": "calls", "text": "Calls are sampled", "critical": True}],
            },
        ],
    }
)  # fmt: skip


def listed(model: Checklist | Worksheet, key: str, name: str, ids: list[str], lang: str) -> str:
    """The list line as it was written before it had links: texts joined into the sentence."""
    strings = Strings(lang)
    texts = {entry.id: plain_text(entry.text).rstrip(".") for entry in model.entries()}
    return strings.format(key, **{name: strings["list_separator"].join(texts[i] for i in ids)})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_required_items_are_linked_in_order(lang: str) -> None:
    lines = result_segments(CHECKLIST, {"met": True, "seen": "na"}, Strings(lang))
    last = lines[-1]
    assert [segment.entry for segment in last if segment.entry] == ["walked", "asked"]
    assert [segment.text for segment in last if segment.entry] == [
        "We walked the floor",
        "We asked; they answered",
    ]
    separator = Strings(lang)["list_separator"]
    assert last[2] == Segment(separator)  # between the links, not in them
    assert line_text(last) == listed(CHECKLIST, "open_required", "items", ["walked", "asked"], lang)
    # Every other line is one piece of text, without a link.
    assert all(len(line) == 1 and line[0].entry is None for line in lines[:-1])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_failed_critical_criteria_are_linked(lang: str) -> None:
    answers = {"programme": 1, "records": 3, "calls": 1}
    lines = result_segments(WORKSHEET, answers, Strings(lang))
    last = lines[-1]
    assert [segment.entry for segment in last if segment.entry] == ["programme", "calls"]
    assert last[0].entry is None and last[0].text.strip()  # the sentence's start
    assert line_text(last) == listed(
        WORKSHEET, "failed_critical", "criteria", ["programme", "calls"], lang
    )


@pytest.mark.parametrize(
    ("model", "answers"),
    [
        (CHECKLIST, {}),
        (CHECKLIST, {"walked": True, "seen": True, "asked": "na"}),
        (WORKSHEET, {}),
        (WORKSHEET, {"programme": 2, "records": 3}),
        (WORKSHEET, {"programme": 1, "records": "na", "calls": 3}),
    ],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_plain_lines_are_the_segments_words(
    model: Checklist | Worksheet, answers: dict[str, Any], lang: str
) -> None:
    segments = result_segments(model, answers, Strings(lang))
    assert result_lines(model, answers, Strings(lang)) == [line_text(line) for line in segments]
    assert all(segment.text for line in segments for segment in line)  # no empty piece


def result_paragraphs(html: str) -> list[Tag]:
    status = BeautifulSoup(html, "html.parser").find(name=None, attrs={"role": "status"})
    assert isinstance(status, Tag)
    return status.find_all("p")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_rendered_result_has_the_words_and_links_to_the_controls(lang: str) -> None:
    for model, answers, kind in (
        (CHECKLIST, {"met": True}, "checkbox"),
        (WORKSHEET, {"programme": 1, "records": 1, "calls": 2}, "radio"),
    ):
        html = render_block(model, lang, "Page", answers)
        document = BeautifulSoup(html, "html.parser")
        paragraphs = result_paragraphs(html)
        segments = result_segments(model, answers, Strings(lang))
        # Letter for letter what the script writes: no space added around the links.
        assert [p.get_text() for p in paragraphs] == [line_text(line) for line in segments]
        links = paragraphs[-1].find_all("a")
        entries = [segment.entry for segment in segments[-1] if segment.entry]
        assert [link.get_text() for link in links] == [
            segment.text for segment in segments[-1] if segment.entry
        ]
        for link, entry in zip(links, entries, strict=True):
            target = str(link["data-worksheets-focus"])
            assert link["href"] == "#" + target
            control = document.find(id=target)
            assert isinstance(control, Tag) and control.name == "input", target
            assert control["type"] == kind
            assert control["name"] == field_name(model.id, entry)
            # The checkbox, or the first radio button of the criterion's group.
            assert control == document.find("input", attrs={"name": field_name(model.id, entry)})


def test_ids_stay_unique_with_the_radio_buttons_ids() -> None:
    document = BeautifulSoup(render_block(WORKSHEET, "en", "Page"), "html.parser")
    ids = [element["id"] for element in document.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert len(document.select("input[type=radio][id]")) == 3  # one per criterion
