"""Front matter with line numbers -> typed blocks, or problems.

MkDocs silently ignores front matter it cannot parse and shows it as text,
so this module reads the front matter itself (as Material's blog plugin
does) and keeps the line of every node it reads.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from .formats.problems import BLOCK_KINDS, FieldPath, Loc, Problem
from .frontmatter import FIRST_YAML_LINE, FrontMatter, read_front_matter
from .model import BLOCK_TYPES
from .source import SourceBlock, SourcePage

# The same pattern as ``mkdocs.utils.meta.YAML_RE``, copied so that the core
# does not import MkDocs.
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
MARKER_RE = re.compile(r"^[ \t]*<!--[ \t]*(checklist|worksheet)[ \t]*-->[ \t]*$")
FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
HEADING_RE = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """``(yaml text or None, body)``."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


# What PyYAML takes for a line break besides "\n" (its marks count them as lines).
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def block_entries(yaml_text: str, front: FrontMatter) -> tuple[tuple[int, int], ...]:
    """The lines of ``yaml_text`` (from 0, end excluded) that hold the ``checklist:`` and
    ``worksheet:`` entries, each from its key to the next top-level key (or the end);
    empty unless they can be cut out line by line and leave the other entries as they
    are: a block-style mapping, every top-level key on a line of its own, no other line
    breaks than "\n" (front matter with problems is never cut: it has no aliases)."""
    if not front.block_style or _OTHER_BREAKS.search(yaml_text):
        return ()
    starts = {
        loc[0]: line - FIRST_YAML_LINE for loc, line in front.positions.items() if len(loc) == 1
    }
    lines = sorted(starts.values())
    if len(set(lines)) != len(lines):
        return ()
    end = yaml_text.count("\n")
    cut = []
    for kind in BLOCK_KINDS:
        if kind in starts:
            start = starts[kind]
            cut.append((start, min((line for line in lines if line > start), default=end)))
    return tuple(cut)


def without_blocks(text: str, cut: Sequence[Sequence[int]]) -> str | None:
    """``text`` (a page as MkDocs reads it) with the lines ``cut`` (``block_entries``) of its
    front matter left out, for MkDocs to build ``page.meta`` from the rest; None when they
    are not all inside the front matter."""
    match = FRONT_MATTER_RE.match(text)
    if match is None or not cut:
        return None
    lines = match.group(1).split("\n")  # (the last is empty: the YAML ends with "\n")
    dropped: set[int] = set()
    for start, end in cut:
        if not 0 <= start < end < len(lines):
            return None
        dropped.update(range(start, end))
    kept = [line for number, line in enumerate(lines) if number not in dropped]
    if not any(line.strip() and not line.lstrip().startswith("#") for line in kept):
        # Blank lines and comments are no mapping: MkDocs would show them as text.
        kept.insert(len(kept) - 1, "{}")
    return text[: match.start(1)] + "\n".join(kept) + text[match.end(1) :]


def page_title(meta: dict[str, Any], body: str, rel: str) -> str:
    """The page title as MkDocs shows it: front matter, first heading, then the file name."""
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    heading = HEADING_RE.search(body)
    if heading:
        return heading.group(1).strip()
    stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.replace("-", " ").replace("_", " ").capitalize()


def find_markers(text: str, first_line: int, path: str) -> tuple[dict[str, int], list[Problem]]:
    """Lines of the ``<!-- checklist -->`` / ``<!-- worksheet -->`` markers outside code fences."""
    markers: dict[str, int] = {}
    problems: list[Problem] = []
    fence: str | None = None
    # Only "\n" ends a line, as in Markdown: splitlines() would also split at a form
    # feed or U+2028 and shift the lines of the markers after it.
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        fence_match = FENCE_RE.match(line)
        if fence_match:
            token = fence_match.group(1)
            if fence is None:
                fence = token
            elif token[0] == fence[0] and len(token) >= len(fence):
                fence = None
            continue
        if fence is not None:
            continue
        marker = MARKER_RE.match(line)
        if not marker:
            continue
        kind = marker.group(1)
        if kind in markers:
            problems.append(
                Problem(
                    path,
                    number,
                    FieldPath(kind),
                    f"the <!-- {kind} --> marker appears again (first on line {markers[kind]}); "
                    "a page has one block of each kind, delete this marker",
                )
            )
        else:
            markers[kind] = number
    return markers, problems


def _read_meta(path: str, text: str, yaml_text: str | None, problems: list[Problem]) -> FrontMatter:
    """The front matter as data, with the line of every field; problems are added."""
    if yaml_text is not None:
        return read_front_matter(path, yaml_text, problems)
    if _looks_like_broken_front_matter(text):
        problems.append(
            Problem(
                path,
                1,
                FieldPath("front matter"),
                "starts with '---' but has no closing '---' line, so MkDocs would show it as text",
            )
        )
    return FrontMatter()


def _read_blocks(page: SourcePage, front: FrontMatter, problems: list[Problem]) -> None:
    meta = front.data
    for kind, block_type in BLOCK_TYPES.items():
        if kind not in meta:
            continue
        positions = {
            loc[1:]: line for loc, line in front.positions.items() if loc and loc[0] == kind
        }
        block = SourceBlock(
            kind=kind, line=positions.get((), 1), positions=positions, data=meta[kind]
        )
        page.blocks[kind] = block
        try:
            block.model = block_type.model_validate(meta[kind])
        except ValidationError as error:
            reported = {loc[1:] for loc in front.reported if loc and loc[0] == kind}
            problems.extend(
                problem
                for problem in _validation_problems(page.path, block, block_type, error)
                if problem.where.loc not in reported
            )


def parse_page(path: str, text: str, lang: str, rel: str) -> SourcePage:
    """Read one page's front matter into blocks; every problem is kept on the page."""
    text = text.replace("\r\n", "\n").removeprefix("\ufeff")
    yaml_text, body = split_front_matter(text)
    body_first_line = 1 if yaml_text is None else yaml_text.count("\n") + FIRST_YAML_LINE + 1
    markers, problems = find_markers(body, body_first_line, path)
    front = _read_meta(path, text, yaml_text, problems)
    page = SourcePage(path=path, lang=lang, rel=rel, title=page_title(front.data, body, rel))
    _read_blocks(page, front, problems)
    for kind, line in markers.items():
        if kind not in page.blocks:
            problems.append(
                Problem(
                    path,
                    line,
                    FieldPath(kind),
                    f"the page has a <!-- {kind} --> marker but no '{kind}:' block in its "
                    "front matter; add the block or delete the marker",
                )
            )
    page.markers = markers
    page.problems = problems
    if yaml_text is not None and page.blocks and not problems:
        page.front_cut = block_entries(yaml_text, front)
    return page


def _looks_like_broken_front_matter(text: str) -> bool:
    return text.startswith("---\n") and "\n---" not in text[3:] and "\n..." not in text[3:]


def _validation_problems(
    path: str, block: SourceBlock, block_type: type[BaseModel], error: ValidationError
) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = tuple(part for part in detail["loc"] if isinstance(part, int | str))
        message = _message(detail, block_type, loc)
        problems.append(Problem(path, block.line_of(loc), FieldPath(block.kind, loc), message))
    return problems


def _message(detail: Any, block_type: type[BaseModel], loc: Loc) -> str:
    kind = detail["type"]
    given = detail.get("input")
    context = detail.get("ctx") or {}
    if kind == "extra_forbidden":
        known = sorted(_model_at(block_type, loc[:-1]).model_fields)
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(known)}"
        return f"unknown key '{loc[-1]}'{hint}"
    if kind == "missing":
        return "is required"
    if kind == "too_short":
        count = context.get("min_length", 1)
        return f"needs at least {count} {'entry' if count == 1 else 'entries'}"
    if kind == "list_type":
        return "must be a list (lines starting with '- ')"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"must be a mapping of keys, got {given!r}"
    return str(detail["msg"])


def _model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel]:
    """The model class that validates the value at ``loc`` under ``root``."""
    current: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation
        current = _first_model(annotation)
    return typing.cast(type[BaseModel], current)


def _first_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _first_model(argument)
        if found is not None:
            return found
    return None
