"""A page as read from the docs folder: its blocks, their lines, its markers and problems."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from .formats.problems import Loc, Problem
from .model import Checklist, Worksheet


def model_digest(model: Checklist | Worksheet) -> str:
    """A hash of everything a block's model holds (its JSON): a rendered block is keyed by
    it, and the scan cache keeps it beside the model."""
    return hashlib.sha256(model.model_dump_json().encode("utf-8")).hexdigest()


class Stored(Protocol):
    """A block as the scan cache keeps it (formats/scancache.py): its id, version and
    digest at hand; its model and field lines read when first needed."""

    id: str | None
    version: int | None
    digest: str | None

    def model(self) -> Checklist | Worksheet | None: ...

    def positions(self) -> Mapping[Loc, int]: ...


class SourceBlock:
    """A ``checklist:`` or ``worksheet:`` block as read from one page: from its front
    matter, or from the scan cache (``stored``), whose model and field lines are read
    only when something needs them (a block to render again, a problem's line)."""

    def __init__(
        self,
        kind: str,
        line: int,
        positions: Mapping[Loc, int] | None = None,
        data: Any = None,
        model: Checklist | Worksheet | None = None,
        stored: Stored | None = None,
    ) -> None:
        self.kind = kind
        self.line = line
        # The front matter as read (None from the scan cache: its checks ran already).
        self.data = data
        self._positions = positions
        self._model = model
        self._stored = stored
        self._digest: str | None = None

    def __repr__(self) -> str:
        return f"SourceBlock({self.kind!r}, line={self.line}, id={self.block_id!r})"

    @property
    def positions(self) -> Mapping[Loc, int]:
        """The line of every field."""
        if self._positions is None:
            self._positions = self._stored.positions() if self._stored else {}
        return self._positions

    @property
    def model(self) -> Checklist | Worksheet | None:
        """The block's model; None when its front matter is not valid."""
        if self._model is None and self._stored is not None:
            self._model = self._stored.model()
        return self._model

    @model.setter
    def model(self, model: Checklist | Worksheet | None) -> None:
        self._model, self._stored, self._digest = model, None, None

    @property
    def block_id(self) -> str | None:
        """The block's id, when it is valid (without reading a stored model)."""
        if self._stored is not None:
            return self._stored.id
        return self._model.id if self._model else None

    @property
    def version(self) -> int | None:
        if self._stored is not None:
            return self._stored.version
        return self._model.version if self._model else None

    @property
    def digest(self) -> str | None:
        """``model_digest`` of the model, when the block is valid."""
        if self._stored is not None:
            return self._stored.digest
        if self._digest is None and self._model is not None:
            self._digest = model_digest(self._model)
        return self._digest

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
    # The page's key in the scan cache (``scancache.page_key``), once scanned.
    key: str = ""
    # The lines of its front matter's YAML (from 0, end excluded) that hold its blocks'
    # entries, when they can be cut out for MkDocs (``parse.block_entries``); else empty.
    front_cut: tuple[tuple[int, int], ...] = ()

    def model(self, kind: str) -> Checklist | Worksheet | None:
        block = self.blocks.get(kind)
        return block.model if block else None
