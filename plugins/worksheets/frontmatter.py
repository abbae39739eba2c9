"""A page's front matter: YAML text -> data with the line of every field, or problems.

MkDocs silently ignores front matter it cannot parse and shows it as text, so
the plugin reads it itself (as Material's blog plugin does). Whatever a file
holds, reading it is bounded (SPEC section 4): at most ``MAX_BYTES``, no YAML
aliases (a few hundred bytes of nested aliases can expand to gigabytes), no
merge keys, at most ``MAX_DEPTH`` levels of nesting, and every value that
cannot be built (an impossible date, a 5,000-digit integer, a tag that does not
fit its value) becomes a problem at its line instead of an exception.

libyaml's parser is used when PyYAML has it (``yaml.CSafeLoader``), the pure
Python one otherwise; both keep line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .formats.problems import FieldPath, Loc, Problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32
# The front matter's YAML starts on the file's second line; YAML marks count from 0.
FIRST_YAML_LINE = 2
FRONT = FieldPath("front matter")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def _yaml12_booleans(loader: type[yaml.SafeLoader] | type[Any]) -> None:
    """Only ``true``/``false`` are booleans: editors write ``label: No`` and mean the word,
    and YAML 1.2 agrees with them."""
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(_BOOL_TAG, _YAML12_BOOL, list("tTfF"))


class PythonLoader(yaml.SafeLoader):
    """PyYAML's own parser (and the constructor used for every scalar)."""


_yaml12_booleans(PythonLoader)
Loader: type[Any] = PythonLoader
if hasattr(yaml, "CSafeLoader"):

    class CLoader(yaml.CSafeLoader):
        """libyaml's parser, several times faster."""

    _yaml12_booleans(CLoader)
    Loader = CLoader


@dataclass
class FrontMatter:
    """The front matter's data and the line of every field in it."""

    data: dict[str, Any] = field(default_factory=dict)
    positions: dict[Loc, int] = field(default_factory=dict)
    # Fields already reported (a value that could not be built): checked no further.
    reported: set[Loc] = field(default_factory=set)
    # A block-style mapping (one key per line), not a flow one (``{title: ..., ...}``).
    block_style: bool = False


def _line(mark: Any) -> int:
    return int(mark.line) + FIRST_YAML_LINE if mark is not None else 1


def _syntax_problem(path: str, error: yaml.YAMLError, text: str) -> Problem:
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    # An unclosed bracket or quote is found only at the end of the text: point
    # at where it was opened instead.
    at_end = mark is not None and mark.index >= len(text.rstrip())
    if context_mark is not None and (mark is None or "stream end" in problem or at_end):
        mark = context_mark
    line = _line(mark)
    position = getattr(error, "position", None)
    if mark is None and isinstance(position, int):  # a reader error: a character not allowed
        line = text.count("\n", 0, position) + FIRST_YAML_LINE
        problem = f"character {getattr(error, 'character', '?')!r} is not allowed in YAML"
    context = getattr(error, "context", None)
    detail = f"{context}, {problem}" if context else problem
    message = f"YAML syntax error: {detail}; MkDocs would ignore the whole front matter"
    return Problem(path, line, FRONT, message)


def _bounded(path: str, text: str) -> Problem | None:
    """A problem if the YAML uses aliases or nests too deeply (checked on the event
    stream, before anything is built)."""
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            return Problem(
                path,
                _line(event.start_mark),
                FRONT,
                "YAML aliases (*name) are not allowed in front matter; write the value out",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(
                    path,
                    _line(event.start_mark),
                    FRONT,
                    f"nested more than {MAX_DEPTH} levels deep",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def compose(path: str, text: str, problems: list[Problem]) -> yaml.Node | None:
    """The YAML node tree of the front matter, or None with the problem added."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        problems.append(
            Problem(path, 1, FRONT, f"is {size // 1024} KiB; at most {MAX_BYTES // 1024} KiB")
        )
        return None
    try:
        refused = _bounded(path, text)
        if refused is not None:
            problems.append(refused)
            return None
        node: yaml.Node | None = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as error:
        problems.append(_syntax_problem(path, error, text))
        return None
    return node


class _Builder:
    """Builds Python data from a YAML node tree, noting the line of every node."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.constructor = PythonLoader("")
        self.path = path
        self.problems = problems
        self.positions: dict[Loc, int] = {}
        self.reported: set[Loc] = set()

    def problem(self, line: int, loc: Loc, message: str) -> None:
        self.reported.add(loc)
        where = FieldPath(str(loc[0]), loc[1:]) if loc else FRONT
        self.problems.append(Problem(self.path, line, where, message))

    def key(self, key_node: yaml.Node, loc: Loc) -> str | None:
        line = _line(key_node.start_mark)
        if key_node.tag == _MERGE_TAG:
            self.problem(line, loc, "merge keys (<<) are not supported; write the keys out")
            return None
        if not isinstance(key_node, yaml.ScalarNode):
            self.problem(line, loc, "a key must be a word, not a list or a mapping")
            return None
        key = self.scalar(key_node, loc)
        if not isinstance(key, str):
            shown = key_node.value[:40]
            self.problem(line, loc, f"the key {shown!r} must be text (put it in quotes)")
            return None
        return key

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, loc)
            if key is None:
                continue
            key_line = _line(key_node.start_mark)
            if key in result:
                self.problem(
                    key_line,
                    (*loc, key),
                    "this key appears twice; the last one wins, delete the other",
                )
            result[key] = self.build(value_node, (*loc, key), key_line)
        return result

    def scalar(self, node: yaml.Node, loc: Loc) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except Exception as error:  # any value PyYAML cannot build is the editor's to fix
            detail = str(error).splitlines()[0][:80] if str(error) else type(error).__name__
            self.problem(
                _line(node.start_mark),
                loc,
                f"cannot be read as {node.tag.rsplit(':', 1)[-1]} ({detail}); "
                "put it in quotes if it is text",
            )
            return None

    def build(self, node: yaml.Node, loc: Loc, line: int | None = None) -> Any:
        """Data of ``node``; ``line`` is its key's line when it is a mapping's value."""
        self.positions.setdefault(loc, _line(node.start_mark) if line is None else line)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*loc, index)) for index, child in enumerate(node.value)]
        return self.scalar(node, loc)


def read_front_matter(path: str, text: str, problems: list[Problem]) -> FrontMatter:
    """The front matter's data and lines; every problem is added to ``problems``."""
    root = compose(path, text, problems)
    if root is None:
        return FrontMatter()
    if not isinstance(root, yaml.MappingNode):
        problems.append(Problem(path, FIRST_YAML_LINE, FRONT, "must be a mapping of keys"))
        return FrontMatter()
    builder = _Builder(path, problems)
    data = builder.mapping(root, ())
    builder.positions.setdefault((), _line(root.start_mark))
    return FrontMatter(data, builder.positions, builder.reported, not root.flow_style)
