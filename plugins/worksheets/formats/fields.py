"""The names of form fields (SPEC section 6), in the HTML form, the PDFs and the script.

``<block id>:<item id>`` is an answer (a checkbox, or a radio group whose
values are the scale values and ``na``), ``<block id>:<item id>:na`` a
checklist item's N/A box, ``<block id>:<item id>:note`` its note and
``<block id>:@label`` / ``@assessor`` / ``@date`` the header fields; the PDFs' result
box adds ``@score``, ``@band``, ``@signed-by`` and ``@signed-on``. Ids are
slugs, so these names never collide, in a booklet either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

ItemPart = Literal["answer", "na", "note"]
# The header (what is assessed, by whom, when) and, in the PDFs, the result box that
# a person fills in by hand (score or progress, band or open items, signature, date).
HeaderField = Literal["label", "assessor", "date", "score", "band", "signed-by", "signed-on"]
HEADER_FIELDS: tuple[HeaderField, ...] = (
    "label",
    "assessor",
    "date",
    "score",
    "band",
    "signed-by",
    "signed-on",
)
ITEM_PARTS: tuple[ItemPart, ...] = ("answer", "na", "note")
_ITEM_SUFFIXES: dict[str, ItemPart] = {"na": "na", "note": "note"}


@dataclass(frozen=True)
class FieldName:
    """One form field: of an item (its answer, N/A box or note) or of the header."""

    block_id: str
    item_id: str | None = None
    part: ItemPart | HeaderField = "answer"

    def __str__(self) -> str:
        if self.item_id is None:
            return f"{self.block_id}:@{self.part}"
        if self.part == "answer":
            return f"{self.block_id}:{self.item_id}"
        return f"{self.block_id}:{self.item_id}:{self.part}"

    @classmethod
    def parse(cls, name: str) -> FieldName | None:
        """The field a name stands for, or None for a name this site does not write."""
        parts = name.split(":")
        if len(parts) == 2 and parts[1].startswith("@"):
            header = parts[1][1:]
            for known in HEADER_FIELDS:
                if header == known:
                    return cls(parts[0], None, known)
            return None
        if len(parts) == 2 and parts[1]:
            return cls(parts[0], parts[1], "answer")
        if len(parts) == 3 and parts[1] and parts[2] in _ITEM_SUFFIXES:
            return cls(parts[0], parts[1], _ITEM_SUFFIXES[parts[2]])
        return None


def field_name(block_id: str, item_id: str | None = None, part: str = "answer") -> str:
    """The name of a field, for templates: ``field_name(block.id, item.id, "note")``,
    ``field_name(block.id, part="label")``."""
    allowed: tuple[str, ...] = HEADER_FIELDS if item_id is None else ITEM_PARTS
    if part not in allowed:
        raise ValueError(f"{part!r} is not one of {', '.join(allowed)}")
    return str(FieldName(block_id, item_id, cast(ItemPart | HeaderField, part)))
