"""Assessments of one block side by side, and one label's results over time."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formats.answers import NA, Answer
from ..model import Checklist, Worksheet, scale_bounds
from ..scoring import ChecklistResult, WorksheetResult, score_checklist, score_worksheet
from .inputs import Assessment

# Evaluators of one contact may differ by this many scale points before a row is flagged.
DEFAULT_TOLERANCE = 1.0


@dataclass(frozen=True)
class Cell:
    """One assessment's answer to one item or criterion."""

    answer: Answer | None
    # For a worksheet, the value on its scale; for a checklist, 1 checked and 0 not.
    number: float | None = None
    failed_critical: bool = False
    best: bool = False


@dataclass(frozen=True)
class Row:
    """An item or criterion across the assessments."""

    id: str
    text: str
    section: str
    cells: list[Cell]
    critical: bool = False
    spread: float | None = None
    beyond_tolerance: bool = False


@dataclass(frozen=True)
class SectionRow:
    """A worksheet section's score across the assessments."""

    id: str
    title: str
    scores: list[float | None]
    best: list[bool]
    spread: float | None


@dataclass
class Comparison:
    """Every assessment of one block, best first."""

    model: Checklist | Worksheet
    assessments: list[Assessment]
    results: list[ChecklistResult | WorksheetResult]
    rows: list[Row] = field(default_factory=list)
    sections: list[SectionRow] = field(default_factory=list)
    tolerance: float = DEFAULT_TOLERANCE


def score(assessment: Assessment) -> ChecklistResult | WorksheetResult:
    """The reference scoring of an assessment's fitted answers."""
    if isinstance(assessment.model, Checklist):
        return score_checklist(assessment.model, assessment.fitted.answers)
    return score_worksheet(assessment.model, assessment.fitted.answers)


def figure(result: ChecklistResult | WorksheetResult) -> float | None:
    """The score of a worksheet, the progress of a checklist."""
    return result.score if isinstance(result, WorksheetResult) else result.progress


def _spread(numbers: list[float | None]) -> float | None:
    present = [number for number in numbers if number is not None]
    return max(present) - min(present) if len(present) > 1 else None


def _marked_best(cells: list[Cell]) -> list[Cell]:
    numbers = [cell.number for cell in cells if cell.number is not None]
    top = max(numbers) if len(numbers) > 1 and min(numbers) != max(numbers) else None
    return [
        Cell(cell.answer, cell.number, cell.failed_critical, cell.number == top and top is not None)
        for cell in cells
    ]


def _disagree(cells: list[Cell], spread: float | None, points: int, tolerance: float) -> bool:
    """Whether a row's answers disagree (SPEC section 5): they differ by more than the
    tolerance on a scale of three points or more, by anything on a yes/no scale, or one
    fails a critical criterion that another passes (``assets/compare.js``, the same)."""
    flips = any(cell.failed_critical for cell in cells) and any(
        cell.number is not None and not cell.failed_critical for cell in cells
    )
    if spread is None:
        return flips
    return flips or spread > (tolerance if points >= 3 else 0)


def _worksheet_rows(comparison: Comparison, model: Worksheet) -> None:
    for section in model.sections:
        scale = model.scale_of(section)
        low, _high = scale_bounds(scale)
        for criterion in section.criteria:
            cells = []
            for assessment in comparison.assessments:
                answer = assessment.fitted.answers.get(criterion.id)
                number = float(answer) if isinstance(answer, int) else None
                failed = isinstance(answer, int) and criterion.fails_at(answer, low)
                cells.append(Cell(answer, number, failed))
            spread = _spread([cell.number for cell in cells])
            comparison.rows.append(
                Row(
                    criterion.id,
                    criterion.text,
                    section.title,
                    _marked_best(cells),
                    criterion.rule is not None,
                    spread,
                    _disagree(cells, spread, len(scale), comparison.tolerance),
                )
            )
        scores = [
            result.sections.get(section.id) if isinstance(result, WorksheetResult) else None
            for result in comparison.results
        ]
        present = [value for value in scores if value is not None]
        top = max(present) if len(present) > 1 and min(present) != max(present) else None
        comparison.sections.append(
            SectionRow(
                section.id,
                section.title,
                scores,
                [value is not None and value == top for value in scores],
                _spread(scores),
            )
        )


def _checklist_rows(comparison: Comparison, model: Checklist) -> None:
    for section in model.sections:
        for item in section.items:
            cells = []
            for assessment in comparison.assessments:
                answer = assessment.fitted.answers.get(item.id)
                number = None if answer in (None, NA) else float(answer is True)
                cells.append(Cell(answer, number))
            spread = _spread([cell.number for cell in cells])
            comparison.rows.append(Row(item.id, item.text, section.title, cells, spread=spread))


def _rank(value: float | None) -> tuple[bool, float]:
    """Best score first; no score (nothing answered) after every score, 0 % included."""
    return (value is None, -(value or 0.0))


def compare(assessments: list[Assessment], tolerance: float = DEFAULT_TOLERANCE) -> Comparison:
    """The assessments of one block side by side, the best score first."""
    scored = sorted(
        ((assessment, score(assessment)) for assessment in assessments),
        key=lambda pair: (*_rank(figure(pair[1])), pair[0].document.label, pair[0].day),
    )
    model = assessments[0].model
    comparison = Comparison(
        model, [pair[0] for pair in scored], [pair[1] for pair in scored], tolerance=tolerance
    )
    if isinstance(model, Worksheet):
        _worksheet_rows(comparison, model)
    else:
        _checklist_rows(comparison, model)
    return comparison


@dataclass(frozen=True)
class TrendPoint:
    day: str
    result: ChecklistResult | WorksheetResult


@dataclass(frozen=True)
class Trend:
    """One label's results (a vendor, a site) on several dates, oldest first."""

    label: str
    model: Checklist | Worksheet
    points: list[TrendPoint]


def trends(assessments: list[Assessment]) -> list[Trend]:
    """A trend for every label assessed on two or more dates."""
    by_label: dict[str, list[Assessment]] = {}
    for assessment in assessments:
        if assessment.document.label:
            by_label.setdefault(assessment.document.label, []).append(assessment)
    found = []
    for label, group in sorted(by_label.items()):
        if len({assessment.day for assessment in group}) < 2:
            continue
        ordered = sorted(group, key=lambda assessment: assessment.day)
        points = [TrendPoint(assessment.day, score(assessment)) for assessment in ordered]
        found.append(Trend(label, group[0].model, points))
    return found
