"""The reference scoring of SPEC sections 2-4.

The browser has its own implementation; both run the test vectors in
``tests/vectors/`` and must give the same numbers. Keep the arithmetic in the
same order as the JavaScript so that both produce the same floats.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import Band, Checklist, Scale, Worksheet, scale_bounds

NA = "na"

# Sums of weighted fractions can land a hair below a half (62.49999999999999
# for 62.5). Scores are first rounded to this many decimals, far below what
# any weight an editor writes can mean, so that halves round up as promised.
_DECIMALS = 9


def normalize(value: float) -> float:
    """The score with floating-point noise removed."""
    return round(value, _DECIMALS)


def round_percent(value: float) -> int:
    """Whole percent, halves rounded up: ``floor(x + 0.5)`` (SPEC section 4)."""
    return math.floor(normalize(value) + 0.5)


@dataclass(frozen=True)
class ChecklistResult:
    """Where a reader stands with a checklist."""

    progress: float | None
    checked: int
    applicable: int
    total: int
    open_required: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.open_required


@dataclass(frozen=True)
class WorksheetResult:
    """A worksheet's score, band and completion."""

    score: float | None
    band: Band | None
    answered: int
    total: int
    sections: dict[str, float | None] = field(default_factory=dict)
    failed_critical: list[str] = field(default_factory=list)
    """Critical criteria failed that fail the form (``fails: all``)."""
    failed_sections: dict[str, list[str]] = field(default_factory=dict)
    """Sections failed by a critical criterion (``fails: section``): its ids, by section."""

    @property
    def provisional(self) -> bool:
        """Criteria are still unanswered: the score may change, and no band is shown
        unless a critical criterion already failed."""
        return self.answered < self.total


def score_checklist(checklist: Checklist, answers: Mapping[str, Any]) -> ChecklistResult:
    """Progress of a checklist; ``answers`` maps item ids to ``True``, ``False`` or ``"na"``."""
    checked_weight = 0.0
    applicable_weight = 0.0
    checked = applicable = 0
    open_required = []
    items = checklist.entries()
    for item in items:
        answer = answers.get(item.id)
        if answer == NA and checklist.allow_na:
            continue
        applicable += 1
        applicable_weight += item.weight
        if answer is True:
            checked += 1
            checked_weight += item.weight
        elif item.required:
            open_required.append(item.id)
    progress = 100 * checked_weight / applicable_weight if applicable_weight else None
    return ChecklistResult(
        progress=progress,
        checked=checked,
        applicable=applicable,
        total=len(items),
        open_required=open_required,
    )


def _answer_value(worksheet: Worksheet, scale: Scale, answer: Any) -> int | str | None:
    """A valid answer (a value of the scale, or ``"na"`` where allowed), else ``None``."""
    if answer == NA:
        return NA if worksheet.allow_na else None
    if isinstance(answer, bool) or not isinstance(answer, int):
        return None
    return answer if any(point.value == answer for point in scale) else None


@dataclass
class _Sums:
    """Running sums of weighted fractions, for one section or the whole worksheet."""

    fractions: float = 0.0
    weights: float = 0.0

    def add(self, weight: float, fraction: float) -> None:
        self.fractions += weight * fraction
        self.weights += weight

    def score(self) -> float | None:
        return 100 * self.fractions / self.weights if self.weights else None


def _band(worksheet: Worksheet, score: float | None, failed: bool, complete: bool) -> Band | None:
    """The band: the lowest at once when a critical criterion failed (it cannot get
    better); otherwise none until every criterion is answered (SPEC section 3)."""
    bands = worksheet.bands_descending()
    if failed:
        return bands[-1]
    if score is None or not complete:
        return None
    return next((band for band in bands if band.min <= normalize(score)), bands[-1])


def score_worksheet(worksheet: Worksheet, answers: Mapping[str, Any]) -> WorksheetResult:
    """Score, band, completion, failed critical criteria and failed sections (SPEC
    section 3). A gate (weight 0) takes no part in the sums; a section failed by a
    ``fails: section`` criterion counts every criterion not marked N/A as 0."""
    answered = 0
    failed_critical: list[str] = []
    failed_sections: dict[str, list[str]] = {}
    overall = _Sums()
    weighted_sum = weighted_total = 0.0
    uses_section_weights = all(section.weight is not None for section in worksheet.sections)
    section_scores: dict[str, float | None] = {}
    for section in worksheet.sections:
        scale = worksheet.scale_of(section)
        low, high = scale_bounds(scale)
        values = {
            criterion.id: _answer_value(worksheet, scale, answers.get(criterion.id))
            for criterion in section.criteria
        }
        failing: list[str] = []
        for criterion in section.criteria:
            value = values[criterion.id]
            if value is None:
                continue
            answered += 1
            if isinstance(value, int) and criterion.fails_at(value, low):
                rule = criterion.rule
                assert rule is not None
                (failing if rule.fails == "section" else failed_critical).append(criterion.id)
        if failing:
            failed_sections[section.id] = failing
        sums = _Sums()
        for criterion in section.criteria:
            value = values[criterion.id]
            if failing and value != NA:
                sums.add(criterion.weight, 0.0)
            elif isinstance(value, int):
                sums.add(criterion.weight, (value - low) / (high - low))
        overall.fractions += sums.fractions
        overall.weights += sums.weights
        section_score = sums.score()
        section_scores[section.id] = section_score
        if section_score is not None and section.weight is not None:
            weighted_sum += section.weight * section_score
            weighted_total += section.weight

    score: float | None
    if uses_section_weights:
        score = weighted_sum / weighted_total if weighted_total else None
    else:
        score = overall.score()
    total = len(worksheet.entries())
    return WorksheetResult(
        score=score,
        band=_band(worksheet, score, bool(failed_critical), answered == total),
        answered=answered,
        total=total,
        sections=section_scores,
        failed_critical=failed_critical,
        failed_sections=failed_sections,
    )
