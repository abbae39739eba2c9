"""The scan cache: each page as parsed and checked, kept between builds (one JSON file).

Parsing a page's front matter and checking its blocks is most of what a scan costs.
A page's record is a function of its text, its path, its language and the plugin's
code; the cache keeps one record per page under a hash of those, and a build reads
only the pages whose text changed. The file holds data, never code: a record is read
back through the same models that validate front matter.

Format ``worksheets/scan-cache@1`` (an object)::

    {"format": "worksheets/scan-cache@1", "code": "<code fingerprint>",
     "pages": {"<key>": {"title": str, "markers": {kind: line},
                         "problems": [problem], "blocks": {kind: block}}}}

    problem: {"path": str, "line": int, "root": str, "loc": [str | int],
              "message": str, "parity": bool}
    block:   {"line": int, "positions": str, "model": object | null}

``positions`` is the JSON text of ``[[*loc, line], ...]``, the line of every field: a
string, read only when a problem needs a line (rarely), not with the rest of the file.

A file in another format, or written by other code, is ignored and replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..model import Checklist, Worksheet
from ..source import SourceBlock, SourcePage
from .problems import FieldPath, Loc, Problem

FORMAT = "worksheets/scan-cache@1"
MODELS: dict[str, type[Checklist] | type[Worksheet]] = {
    "checklist": Checklist,
    "worksheet": Worksheet,
}
Parsed = tuple[SourcePage, tuple[Problem, ...]]


def page_key(shown: str, text: str, lang: str, rel: str) -> str:
    """The key of a page's record (the code is checked once, for the whole file)."""
    digest = hashlib.sha256(json.dumps([shown, lang, rel]).encode())
    digest.update(text.encode("utf-8", "surrogatepass"))  # (a page's text is never cut)
    return digest.hexdigest()


def _loc(parts: list[Any]) -> Loc:
    return tuple(part for part in parts if isinstance(part, str | int))


def problem_record(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "root": problem.where.root,
        "loc": list(problem.where.loc),
        "message": problem.message,
        "parity": problem.parity,
    }


def problem_from(record: dict[str, Any]) -> Problem:
    return Problem(
        str(record["path"]),
        int(record["line"]),
        FieldPath(str(record["root"]), _loc(record["loc"])),
        str(record["message"]),
        parity=bool(record["parity"]),
    )


def page_record(page: SourcePage, problems: tuple[Problem, ...]) -> dict[str, Any]:
    """What is kept of a parsed page (its raw front matter data is not: the checks that
    read it ran, and their problems are kept)."""
    return {
        "title": page.title,
        "markers": page.markers,
        "problems": [problem_record(problem) for problem in problems],
        "own": len(page.problems),
        "blocks": {
            kind: {
                "line": block.line,
                "positions": json.dumps([[*loc, line] for loc, line in block.positions.items()]),
                "model": block.model.model_dump(mode="json") if block.model else None,
            }
            for kind, block in page.blocks.items()
        },
    }


class LazyPositions(Mapping[Loc, int]):
    """A block's field lines, read from their JSON text when first asked for."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._positions: dict[Loc, int] | None = None

    def _read(self) -> dict[Loc, int]:
        if self._positions is None:
            try:
                entries = json.loads(self._text)
                self._positions = {_loc(entry[:-1]): int(entry[-1]) for entry in entries}
            except (ValueError, TypeError, IndexError):
                # Damaged: problems then point at the block's first line.
                self._positions = {}
        return self._positions

    def __getitem__(self, loc: Loc) -> int:
        return self._read()[loc]

    def __iter__(self) -> Iterator[Loc]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())


def page_from(record: dict[str, Any], shown: str, lang: str, rel: str) -> Parsed:
    """A page and its problems as ``page_record`` kept them."""
    problems = tuple(problem_from(problem) for problem in record["problems"])
    page = SourcePage(path=shown, lang=lang, rel=rel, title=str(record["title"]))
    page.markers = {str(kind): int(line) for kind, line in record["markers"].items()}
    page.problems = list(problems[: int(record["own"])])
    for kind, block in record["blocks"].items():
        model_type = MODELS[kind]
        model = block["model"]
        page.blocks[kind] = SourceBlock(
            kind=kind,
            line=int(block["line"]),
            positions=LazyPositions(str(block["positions"])),
            data=None,
            model=None if model is None else model_type.model_validate(model),
        )
    return page, problems


class ScanCache:
    """Records of parsed pages in one file; ``save`` keeps those used since ``load``."""

    def __init__(self, path: Path | None, code: str) -> None:
        self.path = path
        self.code = code
        self._stored: dict[str, Any] = {}
        self._used: dict[str, dict[str, Any] | Parsed] = {}
        self.hits = 0

    def load(self) -> ScanCache:
        if self.path is None:
            return self
        try:
            stored = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return self
        if (
            isinstance(stored, dict)
            and stored.get("format") == FORMAT
            and stored.get("code") == self.code
            and isinstance(stored.get("pages"), dict)
        ):
            self._stored = stored["pages"]
        return self

    def get(self, key: str, shown: str, lang: str, rel: str) -> Parsed | None:
        record = self._stored.get(key)
        if record is None:
            return None
        try:
            parsed = page_from(record, shown, lang, rel)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            # Damaged or planted: parse the page again.
            return None
        self._used[key] = record
        self.hits += 1
        return parsed

    def put(self, key: str, parsed: Parsed) -> None:
        """Keep ``parsed`` (its record is made when the file is written)."""
        self._used[key] = self._stored.get(key) or parsed

    def save(self) -> None:
        """Write the records used since ``load`` (when they differ from the file's)."""
        if self.path is None or self._used.keys() == self._stored.keys():
            return
        pages = {
            key: kept if isinstance(kept, dict) else page_record(*kept)
            for key, kept in self._used.items()
        }
        text = json.dumps({"format": FORMAT, "code": self.code, "pages": pages})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(text.encode("ascii"))
            os.replace(temporary, self.path)
        except OSError:
            return
