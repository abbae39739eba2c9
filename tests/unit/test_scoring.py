"""The reference scoring against the shared test vectors and hand-computed cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from worksheets.model import Checklist, Worksheet
from worksheets.scoring import round_percent, score_checklist, score_worksheet

VECTORS = json.loads(
    (Path(__file__).parent.parent / "vectors" / "scoring.json").read_text(encoding="utf-8")
)["cases"]


def close(actual: float | None, expected: float | None) -> bool:
    if expected is None or actual is None:
        return actual is expected
    return abs(actual - expected) < 1e-9


@pytest.mark.parametrize("case", VECTORS, ids=[case["name"] for case in VECTORS])
def test_vector(case: dict[str, Any]) -> None:
    expected = case["expected"]
    if "worksheet" in case["block"]:
        worksheet = Worksheet.model_validate(case["block"]["worksheet"])
        result = score_worksheet(worksheet, case["answers"])
        assert close(result.score, expected["score"]), result.score
        shown = None if result.score is None else round_percent(result.score)
        assert shown == expected["percent"]
        assert (result.band.label if result.band else None) == expected["band"]
        assert result.answered == expected["answered"]
        assert result.total == expected["total"]
        assert result.failed_critical == expected["failed_critical"]
        assert result.failed_sections == expected.get("failed_sections", {})
        assert result.provisional == expected["provisional"]
        assert result.sections.keys() == expected["sections"].keys()
        for section_id, score in expected["sections"].items():
            assert close(result.sections[section_id], score), section_id
    else:
        checklist = Checklist.model_validate(case["block"]["checklist"])
        outcome = score_checklist(checklist, case["answers"])
        assert close(outcome.progress, expected["progress"]), outcome.progress
        shown = None if outcome.progress is None else round_percent(outcome.progress)
        assert shown == expected["percent"]
        assert outcome.checked == expected["checked"]
        assert outcome.applicable == expected["applicable"]
        assert outcome.total == expected["total"]
        assert outcome.complete == expected["complete"]
        assert outcome.open_required == expected["open_required"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [(62.5, 63), (62.49, 62), (0.5, 1), (0, 0), (99.5, 100), (100, 100), (62.49999999999999, 63)],
)
def test_round_percent_rounds_halves_up(value: float, shown: int) -> None:
    assert round_percent(value) == shown


def test_vectors_cover_the_spec() -> None:
    names = " ".join(case["name"] for case in VECTORS)
    topics = ("section weights", "N/A", "critical", "62.5", "no score", "band's min")
    for topic in (*topics, "provisional", "per-section scale"):
        assert topic in names, topic
