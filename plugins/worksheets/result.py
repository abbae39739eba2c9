"""The words of a block's live result, the same on the server and in the browser.

The page is rendered with these lines; ``assets/result.js`` writes the same
lines from the same strings, so that the script leaves the server's text as
it is on load (and screen readers hear only real changes).

A line is a list of segments: plain text, or the text of an item or criterion
that links to its control (the required items still open, the critical
criteria failed), so that a reader can go straight to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .markup import plain_text
from .model import Checklist, Worksheet
from .scoring import score_checklist, score_worksheet
from .strings import Strings

# "A.; B." reads badly: a list drops each text's closing full stop.
_CLOSING_STOP = re.compile(r"[.。]\s*$")
# Stands for the list in a formatted sentence, which is then cut around it: a control
# character, which no sentence of ours holds.
_LIST_MARK = "\x00"


@dataclass(frozen=True)
class Segment:
    """A piece of a result line: plain text, or (``entry`` set) the text of that
    item or criterion, shown as a link to its control."""

    text: str
    entry: str | None = None


Line = list[Segment]


def line_text(line: Line) -> str:
    """A line's words, as a screen reader hears them."""
    return "".join(segment.text for segment in line)


def _listing(
    model: Checklist | Worksheet,
    strings: Strings,
    key: str,
    name: str,
    ids: list[str],
    **others: str,
) -> Line:
    """The sentence ``key`` with its placeholder ``name`` replaced by the entries ``ids``,
    one link each, separated as the language separates a list (``others`` fill the
    sentence's other placeholders)."""
    texts = {entry.id: plain_text(entry.text) for entry in model.entries()}
    items: Line = []
    for index, entry_id in enumerate(ids):
        if index:
            items.append(Segment(strings["list_separator"]))
        items.append(Segment(_CLOSING_STOP.sub("", texts[entry_id]), entry_id))
    line: Line = []
    sentence = strings.format(key, **others, **{name: _LIST_MARK})
    for index, part in enumerate(sentence.split(_LIST_MARK)):
        if index:
            line.extend(items)
        if part:
            line.append(Segment(part))
    return line


def _figure(strings: Strings, value: float | None, key: str, none_key: str) -> Line:
    """The figure ("Score: 63 %"), or the words for no figure yet."""
    if value is None:
        return [Segment(strings[none_key])]
    return [Segment(strings.format(key, percent=strings.percent(value)))]


def checklist_segments(
    model: Checklist, answers: Mapping[str, Any], strings: Strings
) -> list[Line]:
    """Progress, the count of checked items, and the required items still open."""
    result = score_checklist(model, answers)
    lines = [
        _figure(strings, result.progress, "progress", "progress_none"),
        [
            Segment(
                strings.format(
                    "progress_count", checked=result.checked, applicable=result.applicable
                )
            )
        ],
    ]
    if result.open_required:
        lines.append(_listing(model, strings, "open_required", "items", result.open_required))
    elif any(item.required for item in model.entries()):
        lines.append([Segment(strings["complete"])])
    return lines


def worksheet_segments(
    model: Worksheet, answers: Mapping[str, Any], strings: Strings
) -> list[Line]:
    """Score; band (none while provisional, unless a critical criterion failed);
    completion, "provisional" while criteria are unanswered; failed critical criteria."""
    result = score_worksheet(model, answers)
    lines = [_figure(strings, result.score, "score", "score_none")]
    if result.band is not None:
        lines.append([Segment(strings.format("band", band=plain_text(result.band.label)))])
    elif result.score is not None:
        lines.append([Segment(strings["band_pending"])])
    count = "provisional" if result.provisional and result.score is not None else "completion"
    lines.append([Segment(strings.format(count, answered=result.answered, total=result.total))])
    if result.failed_critical:
        lines.append(
            _listing(model, strings, "failed_critical", "criteria", result.failed_critical)
        )
    titles = {section.id: plain_text(section.title) for section in model.sections}
    for section_id, failing in result.failed_sections.items():
        lines.append(
            _listing(
                model, strings, "failed_section", "criteria", failing, section=titles[section_id]
            )
        )
    return lines


def result_segments(
    model: Checklist | Worksheet, answers: Mapping[str, Any], strings: Strings
) -> list[Line]:
    """The lines of a block's result for ``answers``, as segments."""
    if isinstance(model, Checklist):
        return checklist_segments(model, answers, strings)
    return worksheet_segments(model, answers, strings)


def result_lines(
    model: Checklist | Worksheet, answers: Mapping[str, Any], strings: Strings
) -> list[str]:
    """The lines of a block's result for ``answers``, as plain text."""
    return [line_text(line) for line in result_segments(model, answers, strings)]
