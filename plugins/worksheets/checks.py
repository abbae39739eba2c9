"""Rules beyond the types: inside one block, across pages and across languages.

The in-block rules read the raw data, not the model, so that a block with a
type error elsewhere still gets all its problems reported in one run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .formats.problems import FieldPath, Loc, Problem
from .model import MAX_ENTRIES, Checklist, CriticalRule, Worksheet
from .source import SourceBlock, SourcePage

_ENTRIES = {"checklist": "items", "worksheet": "criteria"}


def _mappings(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, entry) for index, entry in enumerate(value) if isinstance(entry, dict)]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# A rule's finding: the field it is about, and what is wrong with it.
Finding = tuple[Loc, str]


def _unique_ids(kind: str, data: Any) -> Iterator[Finding]:
    entries_key = _ENTRIES[kind]
    section_ids: dict[str, int] = {}
    entry_ids: dict[str, Loc] = {}
    for index, section in _mappings(data, "sections"):
        section_id = section.get("id")
        if isinstance(section_id, str) and section_id in section_ids:
            yield (
                ("sections", index, "id"),
                f"duplicate section id '{section_id}' (also sections[{section_ids[section_id]}])",
            )
        elif isinstance(section_id, str):
            section_ids[section_id] = index
        for entry_index, entry in _mappings(section, entries_key):
            entry_id = entry.get("id")
            loc: Loc = ("sections", index, entries_key, entry_index, "id")
            if isinstance(entry_id, str) and entry_id in entry_ids:
                first = FieldPath(kind, entry_ids[entry_id][:-1])
                yield loc, f"duplicate id '{entry_id}' (also {first}); ids are unique in a {kind}"
            elif isinstance(entry_id, str):
                entry_ids[entry_id] = loc


def _section_weights(sections: list[tuple[int, dict[str, Any]]]) -> Iterator[Finding]:
    weighted = [index for index, section in sections if "weight" in section]
    if not weighted or len(weighted) == len(sections):
        return
    for index, section in sections:
        if "weight" not in section:
            yield (
                ("sections", index),
                "has no weight but other sections do; give a weight to every section or to none",
            )


def _scale_order(points: list[tuple[int, dict[str, Any]]], at: Loc) -> Iterator[Finding]:
    previous: Any = None
    for index, point in points:
        value = point.get("value")
        if not _number(value):
            continue
        if previous is not None and value <= previous:
            yield (
                (*at, index, "value"),
                f"must be greater than the value before it ({previous}); "
                "scale values are unique and ascending",
            )
        previous = value


def _band_mins(bands: list[tuple[int, dict[str, Any]]]) -> Iterator[Finding]:
    mins: dict[Any, int] = {}
    for index, band in bands:
        band_min = band.get("min")
        if not _number(band_min):
            continue
        if band_min in mins:
            yield (
                ("bands", index, "min"),
                f"duplicate band min {band_min} (also bands[{mins[band_min]}])",
            )
        else:
            mins[band_min] = index
    if bands and mins and 0 not in mins:
        yield ("bands",), "one band must have 'min: 0' so that every score falls in a band"


def _scale_values(scale: Any) -> list[Any]:
    points = scale if isinstance(scale, list) else []
    return [point.get("value") for point in points if isinstance(point, dict)]


def _gates_and_thresholds(data: Any) -> Iterator[Finding]:
    """Weight 0 only on a gate (a critical criterion) and on a section of gates; a
    threshold is a value of the criterion's scale above its lowest (SPEC section 3)."""
    for index, section in _mappings(data, "sections"):
        values = [value for value in _scale_values(section.get("scale") or data.get("scale"))]
        numbers = sorted(value for value in values if _number(value))
        criteria = _mappings(section, "criteria")
        for entry_index, criterion in criteria:
            loc: Loc = ("sections", index, "criteria", entry_index)
            critical = criterion.get("critical", False)
            if criterion.get("weight") == 0 and critical in (False, None):
                yield (
                    (*loc, "weight"),
                    "is 0, which only a gate may be: make the criterion critical (it then "
                    "passes or fails and adds no points) or give it a weight above 0",
                )
            below = critical.get("below") if isinstance(critical, dict) else None
            if not _number(below) or not numbers:
                continue
            if below not in numbers:
                shown = ", ".join(f"{value:g}" for value in numbers)
                yield (
                    (*loc, "critical", "below"),
                    f"must be a value of this criterion's scale ({shown}), got {below:g}",
                )
            elif below == numbers[0]:
                yield (
                    (*loc, "critical", "below"),
                    f"is the scale's lowest value ({below:g}), so nothing is below it; write "
                    "'critical: true' for the lowest value to fail, or a higher value",
                )
        weights = [criterion.get("weight", 1) for _entry, criterion in criteria]
        if section.get("weight") == 0 and any(weight != 0 for weight in weights):
            yield (
                ("sections", index, "weight"),
                "is 0, which only a section of gates may be (every criterion of weight 0); "
                "give it a weight above 0",
            )


def _section_and_entry_ids(kind: str, data: Any) -> Iterator[Finding]:
    """A section and an entry may not share an id: their ids on the page would collide."""
    sections = {
        section.get("id"): index
        for index, section in _mappings(data, "sections")
        if isinstance(section.get("id"), str)
    }
    entries_key = _ENTRIES[kind]
    for index, section in _mappings(data, "sections"):
        for entry_index, entry in _mappings(section, entries_key):
            entry_id = entry.get("id")
            if isinstance(entry_id, str) and entry_id in sections:
                yield (
                    ("sections", index, entries_key, entry_index, "id"),
                    f"'{entry_id}' is also the id of sections[{sections[entry_id]}]; a section "
                    f"and {'an item' if kind == 'checklist' else 'a criterion'} need ids of "
                    "their own",
                )


def _entry_count(kind: str, data: Any) -> Iterator[Finding]:
    entries_key = _ENTRIES[kind]
    count = sum(
        len(section.get(entries_key) or [])
        for _index, section in _mappings(data, "sections")
        if isinstance(section.get(entries_key), list)
    )
    if count > MAX_ENTRIES:
        yield ("sections",), f"has {count} {entries_key}; a block has at most {MAX_ENTRIES}"


def block_rules(path: str, block: SourceBlock) -> list[Problem]:
    """Uniqueness, ordering, size and all-or-none rules of SPEC section 4 inside one block."""
    findings = list(_entry_count(block.kind, block.data))
    findings += _unique_ids(block.kind, block.data)
    findings += _section_and_entry_ids(block.kind, block.data)
    if block.kind == "worksheet":
        findings += _gates_and_thresholds(block.data)
        findings += _section_weights(_mappings(block.data, "sections"))
        findings += _scale_order(_mappings(block.data, "scale"), ("scale",))
        for index, section in _mappings(block.data, "sections"):
            findings += _scale_order(_mappings(section, "scale"), ("sections", index, "scale"))
        findings += _band_mins(_mappings(block.data, "bands"))
    return [
        Problem(path, block.line_of(loc), FieldPath(block.kind, loc), message)
        for loc, message in findings
    ]


def duplicate_ids(pages: Iterable[SourcePage]) -> list[Problem]:
    """Block ids are unique across checklists and worksheets of one language."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str], tuple[SourcePage, str]] = {}
    for page in sorted(pages, key=lambda page: page.path):
        for kind, block in page.blocks.items():
            block_id = block.block_id
            if block_id is None:
                continue
            key = (page.lang, block_id)
            if key in seen:
                other, other_kind = seen[key]
                where = f"{other.path}:{other.blocks[other_kind].line_of(('id',))}"
                problems.append(
                    Problem(
                        page.path,
                        block.line_of(("id",)),
                        FieldPath(kind, ("id",)),
                        f"'{block_id}' is already the id of the {other_kind} in {where}; "
                        "block ids are unique across the site",
                    )
                )
            else:
                seen[key] = (page, kind)
    return problems


def _critical_shape(rule: CriticalRule | None) -> Any:
    """A criterion's ``critical`` as translations must share it, written as an editor would."""
    if rule is None or rule == CriticalRule.model_validate({}):
        return rule is not None
    below = f"below: {rule.below}, " if rule.below is not None else ""
    return "{" + below + f"fails: {rule.fails}" + "}"


def _structure(model: Checklist | Worksheet) -> dict[Loc, Any]:
    """What translations must share: ids, order, version, weights, flags, scale, bands."""
    shape: dict[Loc, Any] = {
        ("version",): model.version,
        ("allow_na",): model.allow_na,
        ("sections",): [section.id for section in model.sections],
    }
    if isinstance(model, Worksheet):
        shape[("scale",)] = [point.value for point in model.scale or []]
        shape[("bands",)] = [band.min for band in model.bands]
        for index, worksheet_section in enumerate(model.sections):
            shape[("sections", index, "weight")] = worksheet_section.weight
            shape[("sections", index, "scale")] = [
                point.value for point in worksheet_section.scale or []
            ]
            shape[("sections", index, "criteria")] = [
                entry.id for entry in worksheet_section.criteria
            ]
            for entry_index, criterion in enumerate(worksheet_section.criteria):
                loc: Loc = ("sections", index, "criteria", entry_index)
                shape[(*loc, "weight")] = criterion.weight
                shape[(*loc, "critical")] = _critical_shape(criterion.rule)
    else:
        for index, checklist_section in enumerate(model.sections):
            shape[("sections", index, "items")] = [item.id for item in checklist_section.items]
            for entry_index, item in enumerate(checklist_section.items):
                loc = ("sections", index, "items", entry_index)
                shape[(*loc, "weight")] = item.weight
                shape[(*loc, "required")] = item.required
    return shape


def _printed(value: Any) -> str:
    """A value that translations must share, as the parity message prints it ("[a, b]")."""
    if isinstance(value, list):
        return "[" + ", ".join(_printed(part) for part in value) + "]"
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    return f"{value:g}" if isinstance(value, float) else str(value)


_LIST_WORDS = {
    "sections": "section ids",
    "items": "item ids",
    "criteria": "criterion ids",
    "scale": "scale values",
    "bands": "band mins",
}


def _parent_differs(loc: Loc, differing: set[Loc]) -> bool:
    return any(loc[: len(parent)] == parent and len(loc) > len(parent) for parent in differing)


def translation_parity(default: SourcePage, translation: SourcePage) -> list[Problem]:
    """A translation has the default page's structure; only texts differ."""
    problems: list[Problem] = []
    for kind in ("checklist", "worksheet"):
        source = default.blocks.get(kind)
        target = translation.blocks.get(kind)
        if source is None and target is None:
            continue
        if source is None or target is None:
            has, lacks = (default, translation) if target is None else (translation, default)
            block = has.blocks[kind]
            problems.append(
                Problem(
                    translation.path,
                    (target.line if target else 1),
                    FieldPath(kind),
                    f"{has.path}:{block.line} has a {kind} but {lacks.path} has none; "
                    "translations have the same blocks as the default language",
                    parity=True,
                )
            )
            continue
        if source.model is None or target.model is None:
            continue  # its own problems are reported already
        expected, actual = _structure(source.model), _structure(target.model)
        differing: set[Loc] = set()
        for loc, value in expected.items():
            if _parent_differs(loc, differing) or actual.get(loc) == value:
                continue
            word = _LIST_WORDS.get(str(loc[-1]), "")
            if word:
                differing.add(loc)
            problems.append(
                Problem(
                    translation.path,
                    target.line_of(loc),
                    FieldPath(kind, loc),
                    f"{word + ' ' if word else ''}{_printed(actual.get(loc))} here but "
                    f"{_printed(value)} in {default.path}:{source.line_of(loc)}; translations keep "
                    "the ids, order, version, weights and flags of the default language and "
                    "change only texts",
                    parity=True,
                )
            )
    return problems


@dataclass(frozen=True)
class MissingTranslation:
    """A page of the default language that a language lacks (not an error)."""

    rel: str
    lang: str
    default_path: str


def cross_language(
    pages: dict[tuple[str, str], SourcePage],
    default_language: str,
    languages: list[str],
    parity: Callable[[SourcePage, SourcePage], list[Problem]] = translation_parity,
) -> tuple[list[Problem], list[MissingTranslation]]:
    """Parity problems (by ``parity``) and missing translations, for every page of the
    default language."""
    problems: list[Problem] = []
    missing: list[MissingTranslation] = []
    for (lang, rel), page in sorted(pages.items()):
        if lang != default_language:
            continue
        for other in languages:
            if other == default_language:
                continue
            translation = pages.get((other, rel))
            if translation is None:
                missing.append(MissingTranslation(rel, other, page.path))
            else:
                problems.extend(parity(page, translation))
    return problems, missing
