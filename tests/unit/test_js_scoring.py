"""The browser's script under Node's built-in test runner (tests/js/*.test.mjs).

The Node tests never build the plugin's data themselves: this test writes, with
the plugin's own code, the client data of every shared scoring vector (in three
languages), the result lines the server renders for it (as text, and as segments
with their links), and how the Python reads a few answers files, and hands that
file to ``node --test`` in the environment variable ``WORKSHEETS_JS_FIXTURES``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from worksheets.formats.answers import AnswersFile, fit
from worksheets.formats.client import client_data, client_strings
from worksheets.model import Checklist, Worksheet
from worksheets.report.compare import compare
from worksheets.report.inputs import Assessment
from worksheets.report.write import csv_cell
from worksheets.result import result_lines, result_segments
from worksheets.scoring import score_worksheet
from worksheets.strings import Strings

from tests.conftest import REPO

VECTORS = json.loads((REPO / "tests/vectors/scoring.json").read_text(encoding="utf-8"))["cases"]
LANGUAGES = ("en", "es", "sv")
TITLE = "Title"

# Blocks for the CSV, answers-file and scoring tests, as front matter: N/A allowed, a
# required item, a scale with a gap, and a worksheet whose sections have scales of their own.
EXAMPLES: dict[str, dict[str, Any]] = {
    "checklist": {
        "checklist": {
            "id": "site-visit",
            "version": 2,
            "sections": [
                {
                    "id": "visit",
                    "title": "On site",
                    "items": [
                        {"id": "floor", "text": "We walked the floor.", "required": True},
                        {"id": "people", "text": "=We met the leads; all of them"},
                    ],
                }
            ],
        }
    },
    "worksheet": {
        "worksheet": {
            "id": "readiness",
            "scale": [
                {"value": 0, "label": "Not in place"},
                {"value": 1, "label": "Partly"},
                {"value": 3, "label": "In place"},
            ],
            "bands": [{"min": 50, "label": "Close"}, {"min": 0, "label": "Not ready"}],
            "sections": [
                {
                    "id": "training",
                    "title": 'Training, "basic"',
                    "criteria": [
                        {"id": "programme", "text": "A programme exists.", "critical": True},
                        {"id": "records", "text": "Records are kept."},
                    ],
                }
            ],
        }
    },
    "sectionScales": {
        "worksheet": {
            "id": "contact-evaluation",
            "sections": [
                {
                    "id": "compliance",
                    "title": "Compliance",
                    "scale": [{"value": 0, "label": "No"}, {"value": 1, "label": "Yes"}],
                    "criteria": [
                        {"id": "identity", "text": "The identity was verified.", "critical": True}
                    ],
                },
                {
                    "id": "skills",
                    "title": "Skills",
                    "scale": [
                        {"value": 1, "label": "Poor"},
                        {"value": 2, "label": "Fair"},
                        {"value": 3, "label": "Good"},
                        {"value": 4, "label": "Excellent"},
                    ],
                    "criteria": [
                        {"id": "empathy", "text": "The agent acknowledged the problem."},
                        {"id": "clarity", "text": "The agent explained clearly.", "weight": 2},
                    ],
                },
            ],
            "bands": [{"min": 80, "label": "Pass"}, {"min": 0, "label": "Coach"}],
        }
    },
}

# Answers files as a reader might import them, for the example blocks.
ANSWERS_FILES: list[tuple[str, dict[str, Any]]] = [
    (
        "checklist",
        {"answers": {"floor": True, "people": "na", "gone": False}, "notes": {"old": "x"}},
    ),
    ("checklist", {"answers": {"floor": False}, "notes": {"floor": "Seen", "gone": "y"}}),
    ("worksheet", {"answers": {"programme": 3, "records": 2, "other": 1}, "label": "Vendor A"}),
    ("worksheet", {"answers": {"programme": "na", "records": 0}, "updated": "2026-11-24T10:00Z"}),
    ("sectionScales", {"answers": {"identity": 1, "empathy": 0, "clarity": 4}}),
    ("sectionScales", {"answers": {"identity": 4, "empathy": 1, "clarity": "na"}}),
]

# Answers to score with each scale of the worksheet: all answered, or a critical
# criterion failed (0 is not on the skills scale: "empathy" stays unanswered).
SCORED: list[tuple[str, dict[str, Any]]] = [
    ("sectionScales", {"identity": 1, "empathy": 4, "clarity": 3}),
    ("sectionScales", {"identity": 1, "empathy": "na", "clarity": 1}),
    ("sectionScales", {"identity": 0, "empathy": 0, "clarity": 4}),
    ("worksheet", {"programme": 1, "records": 3}),
]


# Assessments of one example block compared (label, assessor, date, answers), and the
# tolerance: vendors side by side, evaluators of one contact, a checklist, equal answers.
COMPARED: list[tuple[str, float, list[tuple[str, str, str, dict[str, Any]]]]] = [
    (
        # A critical criterion failed by one evaluator and passed by the other disagrees
        # within any tolerance (SPEC section 5).
        "worksheet",
        3.0,
        [
            ("Call 9", "Ana", "2026-05-01", {"programme": 0, "records": 1}),
            ("Call 9", "Bo", "2026-05-01", {"programme": 1, "records": 3}),
        ],
    ),
    (
        "worksheet",
        1.0,
        [
            ("Vendor B", "", "2026-03-01", {"programme": 0, "records": 3}),
            ("Vendor A", "", "2026-03-02", {"programme": 3, "records": 1}),
            ("Vendor C", "", "2026-03-03", {"programme": 1, "records": "na"}),
            ("Vendor D", "", "2026-03-04", {}),
        ],
    ),
    (
        "sectionScales",
        1.0,
        [
            ("Call 118", "Ana", "2026-04-01", {"identity": 1, "empathy": 4, "clarity": 2}),
            ("Call 118", "Bo", "2026-04-01", {"identity": 0, "empathy": 2, "clarity": 2}),
            ("Call 118", "Cy", "2026-04-02", {"identity": 1, "empathy": 3, "clarity": "na"}),
        ],
    ),
    (
        "sectionScales",
        2.0,
        [
            ("Call 7", "Ana", "2026-04-01", {"identity": 1, "empathy": 1, "clarity": 4}),
            ("Call 7", "Bo", "2026-04-02", {"identity": 1, "empathy": 4, "clarity": 2}),
        ],
    ),
    (
        "checklist",
        1.0,
        [
            ("Lisbon", "", "2026-01-10", {"floor": True, "people": "na"}),
            ("Porto", "", "2026-01-11", {"floor": False, "people": True}),
            ("Braga", "", "2026-01-12", {"people": False}),
        ],
    ),
    (
        "worksheet",
        1.0,
        [
            ("Same 1", "", "2026-05-01", {"programme": 1, "records": 1}),
            ("Same 2", "", "2026-05-01", {"programme": 1, "records": 1}),
        ],
    ),
]


# Results that list several entries (the shared vectors list one at most): required items
# open and critical criteria failed, with and without a closing stop, Markdown in a text.
LISTED: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    (
        "three required items open",
        {
            "checklist": {
                "id": "open-items",
                "sections": [
                    {
                        "id": "a",
                        "title": "A",
                        "items": [
                            {"id": "first", "text": "The **first** one.", "required": True},
                            {"id": "second", "text": "The second one", "required": True},
                            {"id": "other", "text": "Not required."},
                        ],
                    },
                    {
                        "id": "b",
                        "title": "B",
                        "items": [{"id": "third", "text": "A third; one.", "required": True}],
                    },
                ],
            }
        },
        {"second": False, "other": True},
    ),
    (
        "two critical criteria failed",
        {
            "worksheet": {
                "id": "failing",
                "scale": [{"value": 1, "label": "No"}, {"value": 2, "label": "Yes"}],
                "bands": [{"min": 0, "label": "Any"}],
                "sections": [
                    {
                        "id": "s",
                        "title": "S",
                        "criteria": [
                            {"id": "one", "text": "One *critical*.", "critical": True},
                            {"id": "kept", "text": "Passed.", "critical": True},
                            {"id": "two", "text": "Two critical", "critical": True},
                        ],
                    }
                ],
            }
        },
        {"one": 1, "kept": 2, "two": 1},
    ),
]


def model_of(front_matter: dict[str, Any]) -> Checklist | Worksheet:
    """The block of some front matter (``{"checklist": ...}`` or ``{"worksheet": ...}``)."""
    if "checklist" in front_matter:
        return Checklist.model_validate(front_matter["checklist"])
    return Worksheet.model_validate(front_matter["worksheet"])


def script_block(model: Checklist | Worksheet, lang: str) -> dict[str, Any]:
    """A block's data as the script holds it: the block's JSON with the page's strings
    added (assets/block.js)."""
    return {**client_data(model, lang, TITLE), "strings": client_strings(lang)}


def result_fixture(
    name: str, front_matter: dict[str, Any], answers: dict[str, Any]
) -> dict[str, Any]:
    """A block's data and the result the server renders for ``answers``, as lines of text
    and as segments, in every language."""
    model = model_of(front_matter)
    return {
        "name": name,
        "kind": model.kind,
        "answers": answers,
        "blocks": {lang: script_block(model, lang) for lang in LANGUAGES},
        "lines": {lang: result_lines(model, answers, Strings(lang)) for lang in LANGUAGES},
        "segments": {
            lang: [
                [asdict(segment) for segment in line]
                for line in result_segments(model, answers, Strings(lang))
            ]
            for lang in LANGUAGES
        },
    }


def vector_fixture(case: dict[str, Any]) -> dict[str, Any]:
    return {
        **result_fixture(case["name"], case["block"], case["answers"]),
        "expected": case["expected"],
    }


def answers_fixture(example: str, body: dict[str, Any]) -> dict[str, Any]:
    """An answers file for an example block, and what the Python makes of it."""
    model = model_of(EXAMPLES[example])
    document = {
        "format": "worksheets/answers@1",
        "kind": model.kind,
        "id": model.id,
        "version": model.version,
        "lang": "en",
        **body,
    }
    try:
        fitted = fit(AnswersFile.model_validate(document), model)
    except ValidationError as error:
        raise AssertionError(f"the Python refuses an example answers file: {error}") from None
    return {
        "example": example,
        "document": document,
        "fitted": {"answers": fitted.answers, "notes": fitted.notes, "dropped": fitted.dropped},
    }


def scored_fixture(example: str, answers: dict[str, Any]) -> dict[str, Any]:
    """The Python's score of an example worksheet."""
    model = model_of(EXAMPLES[example])
    assert isinstance(model, Worksheet), example
    result = score_worksheet(model, answers)
    assert result.answered == result.total or result.failed_critical, (example, answers)
    return {
        "example": example,
        "answers": answers,
        "result": {
            "score": result.score,
            "band": result.band.label if result.band else None,
            "answered": result.answered,
            "total": result.total,
            "sections": result.sections,
            "failedCritical": result.failed_critical,
        },
    }


def compared_fixture(
    example: str, tolerance: float, assessed: list[tuple[str, str, str, dict[str, Any]]]
) -> dict[str, Any]:
    """Answers files of one block, and how report/compare.py compares them."""
    model = model_of(EXAMPLES[example])
    documents = [
        {
            "format": "worksheets/answers@1",
            "kind": model.kind,
            "id": model.id,
            "version": model.version,
            "lang": "en",
            "label": label,
            **({"assessor": assessor} if assessor else {}),
            "date": day,
            "answers": answers,
        }
        for label, assessor, day, answers in assessed
    ]
    assessments = []
    for index, document in enumerate(documents):
        parsed = AnswersFile.model_validate(document)
        assessments.append(Assessment(str(index), parsed, model, fit(parsed, model)))
    comparison = compare(assessments, tolerance)
    return {
        "example": example,
        "tolerance": tolerance,
        "documents": documents,
        # Python's columns, best first, as indexes into documents.
        "order": [int(assessment.source) for assessment in comparison.assessments],
        "rows": [
            {
                "id": row.id,
                "cells": [
                    {"best": cell.best, "failedCritical": cell.failed_critical}
                    for cell in row.cells
                ],
                "spread": row.spread,
                "beyond": row.beyond_tolerance,
            }
            for row in comparison.rows
        ],
        "sections": [
            {"id": section.id, "scores": section.scores, "best": section.best,
             "spread": section.spread}
            for section in comparison.sections
        ],
    }  # fmt: skip


# Cells the page's CSV and the report's CSV must write alike (report/write.py's csv_cell
# and assets/csv.js's csvCell): formulas at the start or after any separator, quotes.
CSV_CELLS = [
    "Vendor A", "", "=1+1", "x;=1+1;", "a,=SUM(A1)", '"q";@x', "a; -3", "a;  +b", "\t=x",
    "-", "a - b", "two\nlines", "say \"hi\"", "€;é,ö", "@@", "a,,=b;;+c",
]  # fmt: skip


def write_fixtures(path: Path) -> Path:
    fixtures = {
        "vectors": [vector_fixture(case) for case in VECTORS],
        "listed": [result_fixture(*case) for case in LISTED],
        "examples": {name: script_block(model_of(block), "en") for name, block in EXAMPLES.items()},
        "answersFiles": [answers_fixture(name, body) for name, body in ANSWERS_FILES],
        "scored": [scored_fixture(name, answers) for name, answers in SCORED],
        "compared": [compared_fixture(*case) for case in COMPARED],
        "csvCells": [[cell, csv_cell(cell)] for cell in CSV_CELLS],
    }
    path.write_text(json.dumps(fixtures, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def test_javascript_matches_the_python(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for the JavaScript tests (make test installs it)"
    fixtures = write_fixtures(tmp_path / "fixtures.json")
    completed = subprocess.run(
        [node, "--test", "tests/js/"],
        cwd=REPO,
        env={**os.environ, "WORKSHEETS_JS_FIXTURES": str(fixtures)},
        capture_output=True,
        text=True,
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output
    assert "# fail 0" in completed.stdout, output
    passed = re.search(r"^# pass (\d+)$", completed.stdout, re.MULTILINE)
    assert passed and int(passed.group(1)) > 0, output


def test_rows_disagree_as_the_spec_says() -> None:
    """Beyond the tolerance on scales of three points or more; any difference on yes/no;
    a critical pass/fail flip within any tolerance (SPEC section 5)."""
    flip = compared_fixture(*COMPARED[0])
    beyond = {row["id"]: row["beyond"] for row in flip["rows"]}
    assert beyond == {"programme": True, "records": False}
    calibration = compared_fixture(*COMPARED[2])
    beyond = {row["id"]: row["beyond"] for row in calibration["rows"]}
    assert beyond["identity"] is True  # "Yes" against "No": 1 point, and a critical flip
    assert calibration["tolerance"] == 1.0
