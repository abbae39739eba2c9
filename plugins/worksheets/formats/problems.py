"""Where a problem sits in an editor's page, and how each output prints it (SPEC section 4)."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

BLOCK_KINDS = ("checklist", "worksheet")
# A message names a field and quotes a value; it never needs more than this.
MAX_SHOWN = 300


def printable(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` safe for one line of a terminal or a log: control, format and line-separator
    characters escaped (a key holding a newline or an ANSI escape cannot forge a problem
    line or colour the terminal), cut with an ellipsis after ``limit`` characters."""
    shown = "".join(
        character.encode("unicode_escape").decode("ascii")
        if unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp")
        else character
        for character in text[: limit + 1]
    )
    return shown if len(text) <= limit and len(shown) <= limit else shown[:limit] + "…"


Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldPath:
    """A field of a page's front matter: a top-level key (``worksheet``, ``title``) or a
    name for the whole (``front matter``, ``file``), then the keys and indexes inside it."""

    root: str
    loc: Loc = ()

    def __str__(self) -> str:
        """``worksheet.sections[1].weight``."""
        text = self.root
        for part in self.loc:
            text += f"[{part}]" if isinstance(part, int) else f".{part}"
        return text

    @property
    def block_kind(self) -> str | None:
        """The block the field belongs to, or None for the rest of the page."""
        return self.root if self.root in BLOCK_KINDS else None

    def child(self, *parts: str | int) -> FieldPath:
        """The path of a field inside this one."""
        return FieldPath(self.root, (*self.loc, *parts))


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a page: ``<path>:<line>: <field>: <message>``.

    ``path`` is relative to the docs folder, with forward slashes.
    """

    path: str
    line: int
    where: FieldPath
    message: str
    # Found by the parity rules: a translation out of step with the default language.
    parity: bool = dataclasses.field(default=False, compare=False)

    @property
    def field(self) -> str:
        """The field path as printed."""
        return printable(str(self.where), 120)

    @property
    def text(self) -> str:
        """The message as printed."""
        return printable(self.message)

    @property
    def block_kind(self) -> str | None:
        return self.where.block_kind

    def __str__(self) -> str:
        return f"{printable(self.path, 200)}:{self.line}: {self.field}: {self.text}"

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line, self.field, self.message)

    def as_json(self) -> dict[str, Any]:
        """The problem for tools (``check --format json``)."""
        return {
            "path": printable(self.path, 200),
            "line": self.line,
            "field": self.field,
            "message": self.text,
        }

    def as_github(self, docs_dir: PurePosixPath | str) -> str:
        """A GitHub Actions workflow command that marks the problem's line in a pull request."""
        file = printable((PurePosixPath(docs_dir) / self.path).as_posix(), 200)
        return github_command("error", file, self.text, line=self.line, title=self.field)


def github_command(
    level: str, file: str, message: str, *, title: str, line: int | None = None
) -> str:
    """``::error file=…,line=…,title=…::message`` with GitHub's escaping of each part."""
    properties = f"file={_escape_property(file)}"
    if line is not None:
        properties += f",line={line}"
    properties += f",title={_escape_property(title)}"
    return f"::{level} {properties}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems by file and line, without repeats."""
    return sorted(set(problems), key=Problem.sort_key)
