"""The answers file and the bundle (SPEC section 5): export, import, storage and read-back.

```json
{"format": "worksheets/answers@1", "kind": "worksheet", "id": "copc-readiness",
 "version": 1, "lang": "en", "label": "Vendor A", "updated": "2026-11-24T10:00:00Z",
 "answers": {"monitoring-frequency": 2, "calibration": "na"},
 "notes": {"monitoring-frequency": "Sampled 10 calls per agent"}}
```

A bundle is ``{"format": "worksheets/bundle@1", "assessments": [answers files]}``.
The page's script validates the same shapes (``assets/answers.js``); the shared
vectors in ``tests/vectors/answers.json`` keep both in step.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from ..model import Checklist, Worksheet

ANSWERS_FORMAT: Literal["worksheets/answers@1"] = "worksheets/answers@1"
BUNDLE_FORMAT: Literal["worksheets/bundle@1"] = "worksheets/bundle@1"
NA: Literal["na"] = "na"

_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_LANGUAGE = r"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$"
# Generous bounds for what a person writes; they keep a hostile file small.
MAX_TEXT = 4000
MAX_ENTRIES = 500

Answer = StrictBool | StrictInt | Literal["na"]
ShortText = Annotated[str, Field(max_length=MAX_TEXT)]


class AnswersFile(BaseModel):
    """One assessment of one block: answers and notes by item or criterion id."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    format: Literal["worksheets/answers@1"] = "worksheets/answers@1"
    kind: Literal["checklist", "worksheet"]
    id: Annotated[str, Field(pattern=_SLUG, max_length=200)]
    version: Annotated[StrictInt, Field(ge=1, le=1_000_000)]
    lang: Annotated[str, Field(pattern=_LANGUAGE, max_length=35)]
    label: ShortText = ""
    assessor: ShortText | None = None
    date: str | None = Field(default=None, description="ISO date (YYYY-MM-DD) of the assessment.")
    updated: Annotated[str, Field(max_length=64)] | None = None
    answers: Annotated[dict[str, Answer], Field(max_length=MAX_ENTRIES)] = {}
    notes: Annotated[dict[str, ShortText], Field(max_length=MAX_ENTRIES)] = {}

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None:
            datetime.date.fromisoformat(value)
            if len(value) != len("2026-11-24"):
                raise ValueError("must be a date as YYYY-MM-DD")
        return value

    @model_validator(mode="after")
    def _answers_of_kind(self) -> AnswersFile:
        for item_id, answer in self.answers.items():
            if answer == NA:
                continue
            wanted = bool if self.kind == "checklist" else int
            if not isinstance(answer, wanted) or (wanted is int and isinstance(answer, bool)):
                raise ValueError(f"answer to '{item_id}' does not fit a {self.kind}")
        return self

    def as_json(self) -> dict[str, Any]:
        """The file as written: optional fields only when they have a value."""
        return self.model_dump(exclude_none=True)


class Bundle(BaseModel):
    """Several assessments of blocks, moved together."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    format: Literal["worksheets/bundle@1"] = "worksheets/bundle@1"
    assessments: Annotated[list[AnswersFile], Field(max_length=10_000)]

    def as_json(self) -> dict[str, Any]:
        return {"format": self.format, "assessments": [a.as_json() for a in self.assessments]}


class AnswersError(ValueError):
    """The data is not an answers file or bundle; the message says why, in one line."""


def load_assessments(data: Any) -> list[AnswersFile]:
    """The assessments in parsed JSON: an answers file or a bundle."""
    if not isinstance(data, Mapping):
        raise AnswersError("is not an answers file or bundle (not a JSON object)")
    expected: type[AnswersFile] | type[Bundle]
    if data.get("format") == ANSWERS_FORMAT:
        expected = AnswersFile
    elif data.get("format") == BUNDLE_FORMAT:
        expected = Bundle
    else:
        raise AnswersError(
            f"is not an answers file or bundle (its format is {str(data.get('format'))[:60]!r}, "
            f"expected {ANSWERS_FORMAT!r} or {BUNDLE_FORMAT!r})"
        )
    try:
        document = expected.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        raise AnswersError(f"{where}: {first['msg']}") from None
    return document.assessments if isinstance(document, Bundle) else [document]


@dataclass(frozen=True)
class Fitted:
    """An assessment checked against the block it is for: what applies, and what was left out."""

    answers: dict[str, Answer]
    notes: dict[str, str]
    dropped: list[str] = field(default_factory=list)


def valid_answers(model: Checklist | Worksheet) -> dict[str, set[Answer]]:
    """What each item or criterion accepts: true/false (checklist), the values of its
    scale (worksheet), and ``"na"`` where allowed."""
    allowed: dict[str, set[Answer]] = {}
    na: set[Answer] = {NA} if model.allow_na else set()
    if isinstance(model, Checklist):
        for item in model.entries():
            allowed[item.id] = {True, False, *na}
        return allowed
    for item_id, scale in model.scale_by_criterion().items():
        allowed[item_id] = {*(point.value for point in scale), *na}
    return allowed


def _accepts(allowed: set[Answer], answer: Answer) -> bool:
    # True == 1 in Python: a checklist's true is not a worksheet's 1, nor the reverse.
    return any(answer == value and type(answer) is type(value) for value in allowed)


def fit(assessment: AnswersFile, model: Checklist | Worksheet) -> Fitted:
    """The answers and notes of ``assessment`` that ``model`` has room for."""
    allowed = valid_answers(model)
    known = allowed.keys()
    answers = {
        item_id: answer
        for item_id, answer in assessment.answers.items()
        if item_id in allowed and _accepts(allowed[item_id], answer)
    }
    notes = {item_id: note for item_id, note in assessment.notes.items() if item_id in known}
    dropped = [item_id for item_id in assessment.answers if item_id not in answers]
    dropped += [
        item_id
        for item_id in assessment.notes
        if item_id not in known and item_id not in assessment.answers
    ]
    return Fitted(answers, notes, dropped)
