"""Problems found in an editor's Markdown, in the SPEC's reporting form."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a page: ``<path>:<line>: <field>: <message>``.

    ``path`` is relative to the docs folder, with forward slashes.
    """

    path: str
    line: int
    field: str
    message: str
    # Which family of rules found it; "parity" marks a translation out of step.
    rule: str = dataclasses.field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


def field_path(kind: str, loc: Loc) -> str:
    """``("sections", 1, "weight")`` in a worksheet -> ``worksheet.sections[1].weight``."""
    text = kind
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems by file and line, without repeats."""
    return sorted(set(problems))
