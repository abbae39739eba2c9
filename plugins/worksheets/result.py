"""The words of a block's live result, the same on the server and in the browser.

The page is rendered with these lines; ``assets/result.js`` writes the same
lines from the same strings, so that the script leaves the server's text as
it is on load (and screen readers hear only real changes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .markup import plain_text
from .model import Checklist, Worksheet
from .scoring import score_checklist, score_worksheet
from .strings import Strings

# "A.; B." reads badly: a list drops each text's closing full stop.
_CLOSING_STOP = re.compile(r"[.。]\s*$")


def _texts(model: Checklist | Worksheet, ids: list[str], strings: Strings) -> str:
    texts = {entry.id: plain_text(entry.text) for entry in model.entries()}
    return strings["list_separator"].join(_CLOSING_STOP.sub("", texts[i]) for i in ids)


def _figure(strings: Strings, value: float | None, key: str, none_key: str) -> str:
    """The figure ("Score: 63 %"), or the words for no figure yet."""
    if value is None:
        return strings[none_key]
    return strings.format(key, percent=strings.percent(value))


def checklist_lines(model: Checklist, answers: Mapping[str, Any], strings: Strings) -> list[str]:
    """Progress, the count of checked items, and the required items still open."""
    result = score_checklist(model, answers)
    lines = [
        _figure(strings, result.progress, "progress", "progress_none"),
        strings.format("progress_count", checked=result.checked, applicable=result.applicable),
    ]
    if result.open_required:
        lines.append(
            strings.format("open_required", items=_texts(model, result.open_required, strings))
        )
    elif any(item.required for item in model.entries()):
        lines.append(strings["complete"])
    return lines


def worksheet_lines(model: Worksheet, answers: Mapping[str, Any], strings: Strings) -> list[str]:
    """Score; band (none while provisional, unless a critical criterion failed);
    completion, "provisional" while criteria are unanswered; failed critical criteria."""
    result = score_worksheet(model, answers)
    lines = [_figure(strings, result.score, "score", "score_none")]
    if result.band is not None:
        lines.append(strings.format("band", band=plain_text(result.band.label)))
    elif result.score is not None:
        lines.append(strings["band_pending"])
    count = "provisional" if result.provisional and result.score is not None else "completion"
    lines.append(strings.format(count, answered=result.answered, total=result.total))
    if result.failed_critical:
        lines.append(
            strings.format(
                "failed_critical", criteria=_texts(model, result.failed_critical, strings)
            )
        )
    return lines


def result_lines(
    model: Checklist | Worksheet, answers: Mapping[str, Any], strings: Strings
) -> list[str]:
    """The lines of a block's result for ``answers``."""
    if isinstance(model, Checklist):
        return checklist_lines(model, answers, strings)
    return worksheet_lines(model, answers, strings)
