"""Comparisons and trends as tables of words in the reader's language, for every output."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formats.answers import NA, Answer
from ..markup import plain_text
from ..model import Checklist, Worksheet
from ..scoring import ChecklistResult, WorksheetResult
from ..strings import Strings
from .compare import Cell, Comparison, Trend, figure


@dataclass
class Table:
    """A titled table; ``kinds`` says what each row is (``head``, ``section``, ``row``)."""

    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    def add(self, kind: str, cells: list[str]) -> None:
        self.rows.append(cells)
        self.kinds.append(kind)


def _percent(value: float | None, strings: Strings) -> str:
    return "—" if value is None else strings.percent(value)


def _band(result: ChecklistResult | WorksheetResult, strings: Strings) -> str:
    if isinstance(result, ChecklistResult):
        return strings["complete"] if result.complete else "—"
    if result.band is not None:
        return plain_text(result.band.label)
    return strings.format("provisional", answered=result.answered, total=result.total)


def _completion(result: ChecklistResult | WorksheetResult, strings: Strings) -> str:
    if isinstance(result, ChecklistResult):
        return strings.format(
            "progress_count", checked=result.checked, applicable=result.applicable
        )
    return strings.format("completion", answered=result.answered, total=result.total)


def _answer(model: Checklist | Worksheet, item_id: str, answer: Answer | None, s: Strings) -> str:
    if answer is None:
        return "—"
    if answer == NA:
        return s["not_applicable"]
    if isinstance(model, Checklist):
        return "✓ " + s["answer_yes"] if answer is True else "✗ " + s["answer_no"]
    labels = {point.value: point.label for point in model.scale_by_criterion()[item_id]}
    return f"{answer} {plain_text(labels.get(int(answer), ''))}".strip()


def _cell(comparison: Comparison, item_id: str, cell: Cell, strings: Strings) -> str:
    text = _answer(comparison.model, item_id, cell.answer, strings)
    marks = [strings["report_failed"]] if cell.failed_critical else []
    if cell.best:
        marks.append(strings["report_best"])
    return " ".join([text, *marks])


def _spread(value: float | None, beyond: bool, strings: Strings) -> str:
    if value is None:
        return ""
    shown = strings.number(value)
    return f"{shown} ⚠ {strings['report_beyond']}" if beyond else shown


def comparison_table(comparison: Comparison, strings: Strings) -> Table:
    """Rows per section and item, a column per assessment (best first), the spread last."""
    model = comparison.model
    documents = [assessment.document for assessment in comparison.assessments]
    table = Table(
        strings.format("report_title", title=plain_text(model.title or model.id)),
        [
            "",
            *(document.label or strings["unnamed"] for document in documents),
            strings["report_spread"],
        ],
    )
    table.add("head", [strings["pdf_assessor"], *(d.assessor or "" for d in documents), ""])
    table.add("head", [strings["pdf_date"], *(a.day for a in comparison.assessments), ""])
    figures = [figure(result) for result in comparison.results]
    table.add(
        "head",
        [strings["report_overall"], *(_percent(f, strings) for f in figures), ""],
    )
    table.add(
        "head",
        [strings["report_result"], *(_band(r, strings) for r in comparison.results), ""],
    )
    table.add("head", ["", *(_completion(r, strings) for r in comparison.results), ""])
    sections = {section.title: section for section in comparison.sections}
    current = None
    for row in comparison.rows:
        if row.section != current:
            current = row.section
            section = sections.get(row.section)
            scores = [] if section is None else section.scores
            cells = [_percent(value, strings) for value in scores]
            if section is not None:
                cells = [
                    f"{text} {strings['report_best']}" if best else text
                    for text, best in zip(cells, section.best, strict=True)
                ]
                spread = "" if section.spread is None else strings.percent(section.spread)
            else:
                cells, spread = [""] * len(documents), ""
            table.add("section", [plain_text(row.section), *cells, spread])
        label = plain_text(row.text) + (f" ({strings['critical']})" if row.critical else "")
        cells = [_cell(comparison, row.id, cell, strings) for cell in row.cells]
        table.add("row", [label, *cells, _spread(row.spread, row.beyond_tolerance, strings)])
    return table


def trend_table(trend: Trend, strings: Strings) -> Table:
    """One row per date: the score, the band, and each section's score."""
    model = trend.model
    section_titles = (
        [plain_text(section.title) for section in model.sections]
        if isinstance(model, Worksheet)
        else []
    )
    table = Table(
        strings.format("report_trend_title", label=trend.label)
        + f" — {plain_text(model.title or model.id)}",
        [strings["pdf_date"], strings["report_overall"], strings["report_result"], *section_titles],
    )
    for point in trend.points:
        result = point.result
        sections = (
            [_percent(result.sections.get(s.id), strings) for s in model.sections]
            if isinstance(result, WorksheetResult) and isinstance(model, Worksheet)
            else []
        )
        table.add(
            "row",
            [point.day, _percent(figure(result), strings), _band(result, strings), *sections],
        )
    return table
