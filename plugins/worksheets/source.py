"""A page as read from the docs folder: its blocks, their lines, its markers and problems."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .formats.problems import Loc, Problem
from .model import Checklist, Worksheet


@dataclass
class SourceBlock:
    """A ``checklist:`` or ``worksheet:`` block as read from one page."""

    kind: str
    line: int
    # The line of every field (a mapping read lazily when it comes from the scan cache).
    positions: Mapping[Loc, int]
    data: Any
    model: Checklist | Worksheet | None = None

    def line_of(self, loc: Loc) -> int:
        """The line of a field, or of its nearest enclosing field when it is missing."""
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.line


@dataclass
class SourcePage:
    """One Markdown page of one language: its blocks, markers and problems."""

    path: str
    lang: str
    rel: str
    title: str
    blocks: dict[str, SourceBlock] = field(default_factory=dict)
    markers: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def model(self, kind: str) -> Checklist | Worksheet | None:
        block = self.blocks.get(kind)
        return block.model if block else None
