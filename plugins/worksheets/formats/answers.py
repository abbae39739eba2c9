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
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
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
_CALENDAR_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Limits:
    """The limits of reader data (SPEC section 5), the same in the page, ``report`` and
    ``read-pdf``: generous for what a person writes, small for a hostile file. The page
    gets them in its data (``formats/client.py``), so no second copy exists."""

    label: int = 200
    """Characters of a label or an assessor."""
    note: int = 4000
    """Characters of a note."""
    action: int = 1000
    """Characters of an action's texts."""
    entries: int = 500
    """Answers or notes in one assessment (a block has at most 500 entries)."""
    file_bytes: int = 256 * 1024
    """Bytes of one answers file, as UTF-8 (a share link carries no more)."""
    bundle_assessments: int = 10_000
    """Assessments in one bundle."""
    bundle_bytes: int = 20 * 1024 * 1024
    """Bytes of one bundle."""


LIMITS = Limits()
MAX_TEXT = LIMITS.note
MAX_ENTRIES = LIMITS.entries


def _exact_number(value: Any) -> Any:
    # JSON has one kind of number: 2.0 is the scale value 2, as it is for the page's
    # JSON.parse; 2.5, inf and nan are no scale value and fail as they are.
    if type(value) is float and value.is_integer():
        return int(value)
    return value


def _calendar_date(value: str | None) -> str | None:
    # Only YYYY-MM-DD: Python 3.11 also takes "2026-W01-1" and "20260101", which the
    # page refuses and which would sort as text among the trends' dates.
    if value is None:
        return None
    if not _CALENDAR_DATE.fullmatch(value):
        raise ValueError("must be a calendar date as YYYY-MM-DD")
    datetime.date.fromisoformat(value)
    return value


Answer = StrictBool | StrictInt | Literal["na"]
ExactAnswer = Annotated[Answer, BeforeValidator(_exact_number)]
ShortText = Annotated[str, Field(max_length=LIMITS.label)]
NoteText = Annotated[str, Field(max_length=LIMITS.note)]


class AnswersFile(BaseModel):
    """One assessment of one block: answers and notes by item or criterion id."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    # Required, in a bundle too: the page takes no entry without it (assets/answers.js).
    format: Literal["worksheets/answers@1"]
    kind: Literal["checklist", "worksheet"]
    id: Annotated[str, Field(pattern=_SLUG, max_length=200)]
    version: Annotated[StrictInt, Field(ge=1, le=1_000_000), BeforeValidator(_exact_number)]
    lang: Annotated[str, Field(pattern=_LANGUAGE, max_length=35)]
    label: ShortText = ""
    assessor: ShortText | None = None
    date: str | None = Field(
        default=None, description="Calendar date (YYYY-MM-DD) of the assessment."
    )
    updated: Annotated[str, Field(max_length=64)] | None = None
    answers: Annotated[dict[str, ExactAnswer], Field(max_length=MAX_ENTRIES)] = {}
    notes: Annotated[dict[str, NoteText], Field(max_length=MAX_ENTRIES)] = {}

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        return _calendar_date(value)

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
    assessments: Annotated[list[AnswersFile], Field(max_length=LIMITS.bundle_assessments)]

    def as_json(self) -> dict[str, Any]:
        return {"format": self.format, "assessments": [a.as_json() for a in self.assessments]}


class AnswersError(ValueError):
    """The data is not an answers file or bundle; the message says why, in one line."""


# JSON's numbers as the page's JSON.parse holds them: a double. Beyond it the page has
# Infinity; both refuse such a file, and NaN and Infinity, which are no JSON.
def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number beyond a double")
    return value


def _double_int(text: str) -> int:
    if len(text) > 400 or not math.isfinite(float(text)):
        raise ValueError("a number beyond a double")
    return int(text)


def _no_constant(text: str) -> float:
    raise ValueError(f"{text} is no JSON number")


def parse_assessments(raw: bytes) -> list[AnswersFile]:
    """The assessments in the bytes of a file: an answers file of at most
    ``LIMITS.file_bytes`` or a bundle of at most ``LIMITS.bundle_bytes``, as UTF-8 JSON
    whose every text is text (no lone surrogate); anything else is an ``AnswersError``."""
    if len(raw) > LIMITS.bundle_bytes:
        raise AnswersError(f"is larger than a bundle may be ({LIMITS.bundle_bytes // 2**20} MiB)")
    try:
        parsed = json.loads(
            raw.decode("utf-8-sig"),
            parse_float=_finite_float,
            parse_int=_double_int,
            parse_constant=_no_constant,
        )
        # A lone surrogate ("\ud800") is valid JSON but no text: it cannot be written out.
        json.dumps(parsed, ensure_ascii=False).encode("utf-8")
    except UnicodeError:
        raise AnswersError("is not UTF-8 text") from None
    except RecursionError:
        raise AnswersError("is not JSON (nested too deeply)") from None
    except ValueError as error:
        # JSONDecodeError, and an integer of more than 4,300 digits.
        raise AnswersError(f"is not JSON ({str(error).splitlines()[0][:80]})") from None
    documents = load_assessments(parsed)
    if parsed.get("format") == ANSWERS_FORMAT and len(raw) > LIMITS.file_bytes:
        raise AnswersError(
            f"is larger than an answers file may be ({LIMITS.file_bytes // 1024} KiB)"
        )
    return documents


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
