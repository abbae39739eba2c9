"""The scan cache: each page as parsed and checked, kept between builds (one JSON file).

Parsing a page's front matter and checking its blocks is most of what a scan costs.
A page's record is a function of its text, its path, its language and the plugin's
code; the cache keeps one record per page under a hash of those, and a build reads
only the pages whose text changed. The file holds data, never code: a model is read
back through the same models that validate front matter.

A build reads a cached block's model only when it needs it: to render a block that
its own cache lacks, or for PDFs. Each block keeps its id, version and digest at hand
and its model and field lines *packed*; the translations' parity checks are kept per
pair of pages, so that a rebuild with no page changed builds no model at all.

A rebuild does not even read a page whose file is as it was: ``files`` keeps, by the
page's path, what ``os.stat`` said of its file when it was read (device, inode, size,
modification and change times in nanoseconds), its language and path within it, and its
record's key. Like git's index, an identity is kept only for a file last changed more
than ``RACY_NS`` before the scan began: a later change, even within the file system's
clock tick, then gives it a change time the record does not have.

Format ``worksheets/scan-cache@4`` (an object)::

    {"format": "worksheets/scan-cache@4", "code": "<code fingerprint>",
     "pages": {"<key>": {"title": str, "markers": {kind: line},
                         "problems": [problem], "own": int, "blocks": {kind: block},
                         "cut": [[start, end]]}},
     "parity": {"<key of the pair>": [problem]},
     "files": {"<path>": [dev, ino, size, mtime_ns, ctime_ns, "<lang>", "<rel>", "<key>"]}}

    problem: {"path": str, "line": int, "root": str, "loc": [str | int],
              "message": str, "parity": bool}
    block:   {"line": int, "id": str | null, "version": int | null,
              "digest": str | null, "packed": str}

``digest`` is ``source.model_digest`` of the model (null when the block is not valid);
``packed`` is base64 of zlib-compressed JSON ``[model | null, [[*loc, line], ...]]``:
the model as JSON and the line of every field. ``cut``: the lines of the page's front
matter that hold its blocks (``SourcePage.front_cut``). The key of a pair of pages is the
SHA-256 of their keys, default language's first, joined by a newline.

A file in another format, or written by other code, is ignored and replaced; a record
that does not read back is parsed again (a damaged packed model: its page is parsed
again when the model is first needed).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import tempfile
import time
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..model import Checklist, Worksheet
from ..source import SourceBlock, SourcePage, model_digest
from .problems import FieldPath, Loc, Problem

FORMAT = "worksheets/scan-cache@4"
# A file changed this close to the scan's start could change again within one tick of
# the file system's clock, unseen by its times: its identity is not kept (git's "racily
# clean" entries). Generous: some file systems keep times to 2 s.
RACY_NS = 3 * 10**9
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


def _pack(model: Checklist | Worksheet | None, positions: Mapping[Loc, int]) -> str:
    data = [
        model.model_dump(mode="json") if model else None,
        [[*loc, line] for loc, line in positions.items()],
    ]
    return base64.b64encode(zlib.compress(json.dumps(data).encode("ascii"))).decode("ascii")


def _unpack(packed: str) -> list[Any]:
    data = json.loads(zlib.decompress(base64.b64decode(packed, validate=True)))
    if not isinstance(data, list) or len(data) != 2 or not isinstance(data[1], list):
        raise ValueError("not a packed block")
    return data


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
                "id": block.block_id,
                "version": block.version,
                "digest": block.digest,
                "packed": _pack(block.model, block.positions),
            }
            for kind, block in page.blocks.items()
        },
        "cut": [list(lines) for lines in page.front_cut],
    }


class StoredBlock:
    """A block of a cached page: its model and field lines unpacked when first asked for
    (``source.Stored``). A model that does not unpack, or not to its digest, is read
    from the page again (``reparse``)."""

    __slots__ = ("digest", "id", "kind", "packed", "reparse", "version")

    def __init__(
        self,
        kind: str,
        record: dict[str, Any],
        reparse: Callable[[], SourcePage | None] | None,
    ) -> None:
        self.kind = kind
        self.id = None if record["id"] is None else str(record["id"])
        self.version = None if record["version"] is None else int(record["version"])
        self.digest = None if record["digest"] is None else str(record["digest"])
        self.packed = str(record["packed"])
        self.reparse = reparse
        if (self.id is None) != (self.digest is None) or (self.id is None) != (
            self.version is None
        ):
            raise ValueError("a block's id, version and digest go together")

    def _again(self) -> SourceBlock | None:
        page = self.reparse() if self.reparse else None
        return page.blocks.get(self.kind) if page else None

    def model(self) -> Checklist | Worksheet | None:
        if self.digest is None:
            return None
        try:
            model = MODELS[self.kind].model_validate(_unpack(self.packed)[0])
            if model_digest(model) == self.digest:
                return model
        except (ValueError, TypeError, binascii.Error, zlib.error):
            pass
        again = self._again()
        return again.model if again else None

    def positions(self) -> Mapping[Loc, int]:
        try:
            entries = _unpack(self.packed)[1]
            return {_loc(entry[:-1]): int(entry[-1]) for entry in entries}
        except (ValueError, TypeError, IndexError, binascii.Error, zlib.error):
            again = self._again()
            # Damaged, and the page is gone: problems point at the block's first line.
            return dict(again.positions) if again else {}


def page_from(
    record: dict[str, Any],
    shown: str,
    lang: str,
    rel: str,
    reparse: Callable[[], SourcePage | None] | None = None,
) -> Parsed:
    """A page and its problems as ``page_record`` kept them; ``reparse`` reads the page
    again should a packed block be damaged."""
    problems = tuple(problem_from(problem) for problem in record["problems"])
    page = SourcePage(path=shown, lang=lang, rel=rel, title=str(record["title"]))
    page.markers = {str(kind): int(line) for kind, line in record["markers"].items()}
    page.problems = list(problems[: int(record["own"])])
    page.front_cut = tuple((int(start), int(end)) for start, end in record["cut"])
    for kind, block in record["blocks"].items():
        if kind not in MODELS:
            raise ValueError(f"no block kind {kind!r}")
        stored = StoredBlock(kind, block, reparse)
        page.blocks[kind] = SourceBlock(kind=kind, line=int(block["line"]), stored=stored)
    return page, problems


def pair_key(default: SourcePage, translation: SourcePage) -> str:
    """The key of the parity problems of a page and its translation."""
    return hashlib.sha256(f"{default.key}\n{translation.key}".encode()).hexdigest()


def _identity(status: os.stat_result) -> list[int]:
    return [status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns]


class ScanCache:
    """Records of parsed pages in one file; ``save`` keeps those used since ``load``."""

    def __init__(self, path: Path | None, code: str) -> None:
        self.path = path
        self.code = code
        self._stored: dict[str, Any] = {}
        self._stored_parity: dict[str, Any] = {}
        self._used: dict[str, dict[str, Any] | Parsed] = {}
        self._used_parity: dict[str, list[dict[str, Any]]] = {}
        self._stored_files: dict[str, Any] = {}
        self._files: dict[str, list[Any]] = {}
        self.hits = 0
        # (Before any file is read: see RACY_NS.)
        self.started_ns = time.time_ns()

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
            and isinstance(stored.get("parity"), dict)
            and isinstance(stored.get("files"), dict)
        ):
            self._stored = stored["pages"]
            self._stored_parity = stored["parity"]
            self._stored_files = stored["files"]
        return self

    def known(self, shown: str, status: os.stat_result, lang: str, rel: str) -> str | None:
        """The key of the page at ``shown`` if its file is as it was when last read
        (``status``: ``os.stat`` of it now), else None: the page must be read."""
        kept = self._stored_files.get(shown)
        if (
            isinstance(kept, list)
            and len(kept) == 8
            and kept[:7] == [*_identity(status), lang, rel]
            and isinstance(kept[7], str)
        ):
            return kept[7]
        return None

    def saw(self, shown: str, status: os.stat_result, lang: str, rel: str, key: str) -> None:
        """The page at ``shown`` has the record ``key``: its file was ``status`` before it
        was read (kept unless the file changed too recently to be sure; see RACY_NS)."""
        if max(status.st_mtime_ns, status.st_ctime_ns) < self.started_ns - RACY_NS:
            self._files[shown] = [*_identity(status), lang, rel, key]

    def get(
        self,
        key: str,
        shown: str,
        lang: str,
        rel: str,
        reparse: Callable[[], SourcePage | None] | None = None,
    ) -> Parsed | None:
        record = self._stored.get(key)
        if record is None:
            return None
        try:
            parsed = page_from(record, shown, lang, rel, reparse)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            # Damaged or planted: parse the page again.
            return None
        self._used[key] = record
        self.hits += 1
        return parsed

    def put(self, key: str, parsed: Parsed) -> None:
        """Keep ``parsed`` (its record is made when the file is written)."""
        self._used[key] = self._stored.get(key) or parsed

    def parity(
        self,
        default: SourcePage,
        translation: SourcePage,
        check: Callable[[SourcePage, SourcePage], list[Problem]],
    ) -> list[Problem]:
        """``check(default, translation)``, kept for the pair of pages as they are."""
        key = pair_key(default, translation)
        records = self._stored_parity.get(key)
        if isinstance(records, list):
            try:
                problems = [problem_from(record) for record in records]
                self._used_parity[key] = records
                return problems
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                pass
        problems = check(default, translation)
        self._used_parity[key] = [problem_record(problem) for problem in problems]
        return problems

    def save(self) -> None:
        """Write the records used since ``load`` (when they differ from the file's)."""
        if self.path is None or (
            self._used.keys() == self._stored.keys()
            and self._used_parity.keys() == self._stored_parity.keys()
            and self._files == self._stored_files
        ):
            return
        pages = {
            key: kept if isinstance(kept, dict) else page_record(*kept)
            for key, kept in self._used.items()
        }
        text = json.dumps(
            {
                "format": FORMAT,
                "code": self.code,
                "pages": pages,
                "parity": self._used_parity,
                "files": self._files,
            }
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(text.encode("ascii"))
            os.replace(temporary, self.path)
        except OSError:
            return
