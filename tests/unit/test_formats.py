"""The shared formats: each one written and read back by its one owner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from worksheets.formats.answers import (
    ANSWERS_FORMAT,
    BUNDLE_FORMAT,
    AnswersError,
    AnswersFile,
    fit,
    load_assessments,
)
from worksheets.formats.documents import BlockPdf, BookletPdf, blocks_in_keywords
from worksheets.formats.fields import FieldName, field_name
from worksheets.formats.problems import FieldPath, Problem, sorted_problems
from worksheets.model import Checklist, Worksheet

slugs = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}", fullmatch=True)
languages = st.sampled_from(["en", "es", "sv", "pt-BR", "zh-Hant", "sr-Latn-RS", "fil", "de_CH"])
kinds = st.sampled_from(["checklist", "worksheet"])


def test_a_field_path_prints_as_the_spec_says() -> None:
    path = FieldPath("worksheet", ("sections", 1, "criteria", 0, "weight"))
    assert str(path) == "worksheet.sections[1].criteria[0].weight"
    assert path.block_kind == "worksheet"
    assert FieldPath("front matter").block_kind is None
    assert str(FieldPath("checklist").child("id")) == "checklist.id"


def test_a_problem_in_every_output_format() -> None:
    problem = Problem("es/a.md", 14, FieldPath("worksheet", ("sections", 1)), "50% done, x: y")
    assert str(problem) == "es/a.md:14: worksheet.sections[1]: 50% done, x: y"
    assert problem.as_json() == {
        "path": "es/a.md",
        "line": 14,
        "field": "worksheet.sections[1]",
        "message": "50% done, x: y",
    }
    assert problem.as_github("docs") == (
        "::error file=docs/es/a.md,line=14,title=worksheet.sections[1]::50%25 done, x: y"
    )


def test_problems_sort_by_file_and_line_without_repeats() -> None:
    late = Problem("en/a.md", 9, FieldPath("checklist"), "late")
    early = Problem("en/a.md", 2, FieldPath("checklist", ("id",)), "early")
    other = Problem("en/a.md", 2, FieldPath("checklist", (0,)), "other")
    # a mix of keys and indexes sorts as printed, never by comparing str with int
    assert sorted_problems([late, other, early, late]) == [early, other, late]


@given(kinds, slugs, st.integers(1, 1_000_000), languages)
def test_a_block_pdf_is_found_again_in_its_keywords(
    kind: str, block_id: str, version: int, lang: str
) -> None:
    pdf = BlockPdf(kind, block_id, version, lang)
    other = BlockPdf("checklist", "other", 1, lang)
    assert blocks_in_keywords(f"{pdf.keyword}, {other.keyword}") == [pdf, other]
    assert pdf.file_name == f"{block_id}-{lang}.pdf"


def test_file_names_never_need_splitting() -> None:
    assert BlockPdf("checklist", "site-visit", 1, "pt-BR").file_name == "site-visit-pt-BR.pdf"
    assert BookletPdf("zh-Hant").file_name == "booklet-zh-Hant.pdf"


@pytest.mark.parametrize(
    "keywords",
    [
        "",
        "worksheets:checklist:a:1",
        "worksheets:form:a:1:en",
        "worksheets:checklist:A:1:en",
        "worksheets:checklist:a:0:en",
        "worksheets:checklist:a:99999999:en",
        "worksheets:checklist:a:1:e",
        "other:checklist:a:1:en",
    ],
)
def test_keywords_of_other_tools_are_ignored(keywords: str) -> None:
    assert blocks_in_keywords(keywords) == []


@given(slugs, slugs, st.sampled_from(["answer", "na", "note"]))
def test_an_item_field_name_reads_back(block_id: str, item_id: str, part: str) -> None:
    name = field_name(block_id, item_id, part)
    assert FieldName.parse(name) == FieldName(block_id, item_id, part)  # type: ignore[arg-type]


@given(slugs, st.sampled_from(["label", "assessor", "date"]))
def test_a_header_field_name_reads_back(block_id: str, header: str) -> None:
    name = field_name(block_id, part=header)
    assert name == f"{block_id}:@{header}"
    assert FieldName.parse(name) == FieldName(block_id, None, header)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["", "a", "a:", "a:@x", "a:b:c", "a:b:note:d", "a:@label:x"])
def test_names_this_site_does_not_write_read_as_nothing(name: str) -> None:
    assert FieldName.parse(name) is None


def test_field_name_refuses_parts_that_do_not_exist() -> None:
    with pytest.raises(ValueError, match="not one of"):
        field_name("a", "b", "label")
    with pytest.raises(ValueError, match="not one of"):
        field_name("a", part="note")


def answers_file(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": ANSWERS_FORMAT,
        "kind": "worksheet",
        "id": "copc-readiness",
        "version": 1,
        "lang": "pt-BR",
        "label": "Vendor A",
        "updated": "2026-11-24T10:00:00Z",
        "answers": {"monitoring-frequency": 2, "calibration": "na"},
        "notes": {"monitoring-frequency": "Sampled 10 calls per agent"},
    }
    document.update(changes)
    return document


def test_the_spec_example_is_an_answers_file() -> None:
    (assessment,) = load_assessments(answers_file())
    assert assessment.as_json() == answers_file()
    assert json.loads(json.dumps(assessment.as_json())) == answers_file()


def test_a_bundle_holds_several_assessments() -> None:
    bundle = {
        "format": BUNDLE_FORMAT,
        "assessments": [answers_file(label="A"), answers_file(label="B", date="2026-11-01")],
    }
    assessments = load_assessments(bundle)
    assert [a.label for a in assessments] == ["A", "B"]
    assert assessments[1].date == "2026-11-01"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "not a JSON object"),
        ({"format": "worksheets/answers@2"}, "'worksheets/answers@2'"),
        (answers_file(kind="form"), "kind"),
        (answers_file(version=True), "version"),
        (answers_file(version=0), "version"),
        (answers_file(id="Not A Slug"), "id"),
        (answers_file(answers={"a": True}), "does not fit a worksheet"),
        (answers_file(kind="checklist", answers={"a": 2}), "does not fit a checklist"),
        (answers_file(answers={"a": "yes"}), "answers.a"),
        (answers_file(answers={"a": 1.5}), "answers.a"),
        (answers_file(date="24/11/2026"), "date"),
        (answers_file(label="x" * 4001), "label"),
        ({"format": BUNDLE_FORMAT, "assessments": [answers_file(lang="")]}, "assessments.0.lang"),
    ],
)
def test_what_is_not_an_answers_file_is_said_in_one_line(document: Any, message: str) -> None:
    with pytest.raises(AnswersError, match=message.replace("(", r"\(")) as raised:
        load_assessments(document)
    assert "\n" not in str(raised.value)


WORKSHEET = Worksheet.model_validate(
    {
        "id": "copc-readiness",
        "allow_na": False,
        "scale": [{"value": 0, "label": "No"}, {"value": 2, "label": "Yes"}],
        "sections": [
            {
                "id": "s",
                "title": "S",
                "criteria": [
                    {"id": "monitoring-frequency", "text": "A"},
                    {"id": "calibration", "text": "B"},
                ],
            }
        ],
        "bands": [{"min": 0, "label": "Any"}],
    }
)


def test_an_assessment_fitted_to_its_block_keeps_what_applies() -> None:
    (assessment,) = load_assessments(
        answers_file(
            answers={"monitoring-frequency": 2, "calibration": "na", "gone": 1},
            notes={"calibration": "kept", "old": "dropped"},
        )
    )
    fitted = fit(assessment, WORKSHEET)
    assert fitted.answers == {"monitoring-frequency": 2}
    assert fitted.notes == {"calibration": "kept"}
    assert fitted.dropped == ["calibration", "gone", "old"]


def test_checklist_answers_are_true_false_or_na() -> None:
    checklist = Checklist.model_validate(
        {"id": "c", "sections": [{"id": "s", "title": "S", "items": [{"id": "a", "text": "A"}]}]}
    )
    assessment = AnswersFile(
        format=ANSWERS_FORMAT, kind="checklist", id="c", version=1, lang="en", answers={"a": "na"}
    )
    assert fit(assessment, checklist).answers == {"a": "na"}


def test_the_answers_file_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert ANSWERS_FORMAT in readme and BUNDLE_FORMAT in readme
