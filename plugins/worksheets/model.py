"""The checklists and scoring worksheets as types (SPEC sections 2 and 3).

This module knows nothing about MkDocs: the same model feeds the HTML, the
PDFs, the check command, the scoring and the JSON Schema.

Each constrained field has a *before* validator that raises the message an
editor reads ("must be a number greater than 0, got 'two'"); the
``Field`` constraints beside it still give the JSON Schema its ranges and
patterns.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)


# Limits of SPEC section 4: no value an editor writes may make a later step slow or wrong.
MAX_TEXT = 4000
MAX_NUMBER = 1_000_000
MAX_ENTRIES = 500
_SHOWN = 60


def _described(value: Any) -> str:
    """A wrong value as an editor wrote it, for "got …" in messages ("nothing", "a list")."""
    if isinstance(value, str):
        shown = repr(value[:_SHOWN])
        return f"{shown[:-1]}…{shown[-1]}" if len(value) > _SHOWN else shown
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and value.bit_length() > 64:
        return "a number too large to show"
    return str(value)[:_SHOWN]


def _slug(value: Any) -> Any:
    if not isinstance(value, str) or not _SLUG_RE.match(value):
        raise PydanticCustomError(
            "slug",
            "must be a slug (lowercase letters and digits, words joined by single hyphens, "
            "like 'vendor-due-diligence'), got {got}",
            {"got": _described(value)},
        )
    return value


def _text(value: Any) -> Any:
    if not isinstance(value, str):
        raise PydanticCustomError(
            "text", "must be text, got {got} (put it in quotes)", {"got": _described(value)}
        )
    if not value.strip():
        raise PydanticCustomError("text_empty", "must not be empty", {})
    if len(value) > MAX_TEXT:
        raise PydanticCustomError(
            "text_long",
            "is {length} characters long; at most {limit}",
            {"length": len(value), "limit": MAX_TEXT},
        )
    return value


def _bounded_number(value: Any, *, zero: bool) -> Any:
    """A finite number above 0 (or from 0, when ``zero``) and at most MAX_NUMBER."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not (value >= 0 if zero else value > 0)
    ):
        raise PydanticCustomError(
            "weight" if zero else "positive_number",
            "must be a number of 0 or more, got {got}"
            if zero
            else "must be a number greater than 0, got {got}",
            {"got": _described(value)},
        )
    # NaN fails both tests above; infinity and 1e308 pass, and would overflow the scoring.
    if not value <= MAX_NUMBER:
        raise PydanticCustomError(
            "number_large",
            "must be at most {limit}, got {got}",
            {"limit": MAX_NUMBER, "got": _described(value)},
        )
    return value


def _positive_number(value: Any) -> Any:
    return _bounded_number(value, zero=False)


def _weight(value: Any) -> Any:
    return _bounded_number(value, zero=True)


def _critical(value: Any) -> Any:
    # true is the rule's defaults (the lowest value fails the form), false no rule.
    if isinstance(value, bool):
        return {} if value else None
    if isinstance(value, dict) or value is None:
        return value
    raise PydanticCustomError(
        "critical",
        "must be true, false or a mapping with 'below' and 'fails' (like "
        "'below: 2, fails: section'), got {got}",
        {"got": _described(value)},
    )


def _fails(value: Any) -> Any:
    if value not in ("all", "section"):
        raise PydanticCustomError(
            "fails",
            "must be 'all' (the whole form fails) or 'section' (its section fails), got {got}",
            {"got": _described(value)},
        )
    return value


def _version(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_NUMBER:
        raise PydanticCustomError(
            "version",
            "must be a whole number from 1 to {limit}, got {got}",
            {"limit": MAX_NUMBER, "got": _described(value)},
        )
    return value


def _integer(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_NUMBER:
        raise PydanticCustomError(
            "integer",
            "must be a whole number from -{limit} to {limit}, got {got}",
            {"limit": MAX_NUMBER, "got": _described(value)},
        )
    return value


def _boolean(value: Any) -> Any:
    if not isinstance(value, bool):
        raise PydanticCustomError(
            "boolean", "must be true or false, got {got}", {"got": _described(value)}
        )
    return value


def _band_min(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise PydanticCustomError(
            "band_min", "must be a number from 0 to 100, got {got}", {"got": _described(value)}
        )
    return value


Slug = Annotated[str, Field(pattern=SLUG_PATTERN), BeforeValidator(_slug)]
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), BeforeValidator(_text)]
PositiveNumber = Annotated[float, Field(gt=0, le=MAX_NUMBER), BeforeValidator(_positive_number)]
Weight = Annotated[float, Field(ge=0, le=MAX_NUMBER), BeforeValidator(_weight)]
Version = Annotated[int, Field(ge=1, le=MAX_NUMBER), BeforeValidator(_version)]
Integer = Annotated[int, Field(ge=-MAX_NUMBER, le=MAX_NUMBER), BeforeValidator(_integer)]
Boolean = Annotated[bool, BeforeValidator(_boolean)]
BandMin = Annotated[float, Field(ge=0, le=100), BeforeValidator(_band_min)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(_Strict):
    """One checklist item."""

    id: Slug = Field(description="Slug, unique in the whole checklist.")
    text: Text = Field(description="What must be true; inline Markdown.")
    help: Text | None = Field(None, description="Optional guidance; inline Markdown.")
    required: Boolean = Field(False, description="The checklist is complete only when checked.")
    weight: PositiveNumber = Field(1.0, description="Weight in the progress figure.")


class ChecklistSection(_Strict):
    """A titled group of checklist items."""

    id: Slug = Field(description="Slug, unique in the checklist.")
    title: Text
    intro: Text | None = None
    items: list[Item] = Field(min_length=1)


class _Block(_Strict):
    id: Slug = Field(description="Slug, unique across all checklists and worksheets of the site.")
    version: Version = Field(1, description="Bump when items change meaning.")
    title: Text | None = Field(None, description="Defaults to the page title.")
    intro: Text | None = Field(None, description="Optional inline Markdown.")
    allow_na: Boolean = Field(True, description="Each item can be marked not applicable.")


class Checklist(_Block):
    """A checklist (SPEC section 2)."""

    kind: ClassVar[str] = "checklist"
    sections: list[ChecklistSection] = Field(min_length=1)

    def entries(self) -> list[Item]:
        """All items, in order."""
        return [item for section in self.sections for item in section.items]


class ScalePoint(_Strict):
    """One point of a worksheet's answer scale."""

    value: Integer
    label: Text
    description: Text | None = None


Scale = list[ScalePoint]


def scale_bounds(scale: Scale) -> tuple[int, int]:
    """The lowest and highest value of a scale."""
    values = [point.value for point in scale]
    return min(values), max(values)


class CriticalRule(_Strict):
    """When a critical criterion fails, and what its failing fails (SPEC section 3)."""

    below: Integer | None = Field(
        None,
        description="Any answer below this value fails (a value of the criterion's scale "
        "other than its lowest); without it, the lowest value fails.",
    )
    fails: Annotated[Literal["all", "section"], BeforeValidator(_fails)] = Field(
        "all",
        description="'all': the result is the lowest band at once; 'section': every "
        "criterion of its section counts 0 and the band follows the score.",
    )


class Criterion(_Strict):
    """One scored criterion of a worksheet."""

    id: Slug = Field(description="Slug, unique in the whole worksheet.")
    text: Text
    guidance: Text | None = None
    weight: Weight = Field(
        1.0, description="Number of 0 or more; 0 only on a critical criterion (a gate)."
    )
    critical: Annotated[
        CriticalRule | None,
        BeforeValidator(_critical),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "boolean"},
                    {
                        "type": "object",
                        "properties": {
                            "below": {
                                "type": "integer",
                                "minimum": -MAX_NUMBER,
                                "maximum": MAX_NUMBER,
                            },
                            "fails": {"enum": ["all", "section"], "default": "all"},
                        },
                        "additionalProperties": False,
                    },
                ],
                "default": False,
                "description": "true: answered with the lowest value of its scale, it fails "
                "the form (the lowest band at once); or {below: N, fails: all|section}: any "
                "value below N fails, the form or only its section.",
            }
        ),
    ] = None

    @property
    def rule(self) -> CriticalRule | None:
        """How it fails, when it is critical."""
        return self.critical

    def fails_at(self, value: int, lowest: int) -> bool:
        """Whether this answer fails it (N/A and unanswered never do)."""
        rule = self.rule
        if rule is None:
            return False
        return value < rule.below if rule.below is not None else value == lowest


class WorksheetSection(_Strict):
    """A titled, optionally weighted group of criteria."""

    id: Slug
    title: Text
    intro: Text | None = None
    weight: Weight | None = Field(
        None,
        description="Given on all sections of the worksheet or on none; 0 only on a section "
        "of gates (criteria of weight 0).",
    )
    scale: Scale | None = Field(
        None,
        min_length=2,
        description="This section's own answer scale (for example yes/no compliance items); "
        "its criteria are scored on it instead of the worksheet's scale.",
    )
    criteria: list[Criterion] = Field(min_length=1)


class Band(_Strict):
    """A result band: the score reaches it from ``min`` percent up."""

    min: BandMin
    label: Text
    description: Text | None = None


class Worksheet(_Block):
    """A scoring worksheet (SPEC section 3)."""

    kind: ClassVar[str] = "worksheet"
    scale: Scale | None = Field(
        None,
        min_length=2,
        description="The answer scale; optional only when every section has its own.",
    )
    sections: list[WorksheetSection] = Field(min_length=1)
    bands: list[Band] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_section_has_a_scale(self) -> Worksheet:
        if self.scale is None:
            without = [f"sections[{i}]" for i, s in enumerate(self.sections) if s.scale is None]
            if without:
                raise PydanticCustomError(
                    "scale_missing",
                    "needs a 'scale:', or one on every section ({missing} {have} none)",
                    {"missing": ", ".join(without), "have": "has" if len(without) == 1 else "have"},
                )
        return self

    def entries(self) -> list[Criterion]:
        """All criteria, in order."""
        return [criterion for section in self.sections for criterion in section.criteria]

    def scale_of(self, section: WorksheetSection) -> Scale:
        """The scale a section's criteria are answered on: its own, else the worksheet's."""
        scale = section.scale or self.scale
        assert scale is not None  # the validator above makes sure of it
        return scale

    def scales(self) -> list[Scale]:
        """Every scale in use, the worksheet's first."""
        found: list[Scale] = [self.scale] if self.scale else []
        for section in self.sections:
            if section.scale and section.scale not in found:
                found.append(section.scale)
        return found

    def scale_by_criterion(self) -> dict[str, Scale]:
        """The scale of each criterion, by id."""
        return {
            criterion.id: self.scale_of(section)
            for section in self.sections
            for criterion in section.criteria
        }

    def bands_descending(self) -> list[Band]:
        """Bands from the highest ``min`` down."""
        return sorted(self.bands, key=lambda band: band.min, reverse=True)


BLOCK_TYPES: dict[str, type[Checklist] | type[Worksheet]] = {
    "checklist": Checklist,
    "worksheet": Worksheet,
}


class FrontMatter(BaseModel):
    """The part of a page's front matter that the plugin reads.

    Other keys (``title``, ``description``, ...) belong to MkDocs and the theme.
    """

    model_config = ConfigDict(
        extra="allow",
        title="Front matter of a BPO Quality Knowledge Base guide",
    )

    checklist: Checklist | None = None
    worksheet: Worksheet | None = None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the front matter, for editors and the YAML language server."""
    schema = FrontMatter.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "worksheets.schema.json"
    return schema
