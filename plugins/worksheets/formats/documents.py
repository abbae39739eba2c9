"""What identifies a PDF: one block in one language, or a language's booklet.

The identity gives the file name and the keywords written into the PDF's
metadata; the keywords are read back from a filled PDF (``read-pdf``). A
language is any BCP 47 tag (``pt-BR``, ``zh-Hant``): file names are never
split to recover it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import BLOCK_KINDS

_KEYWORD_PREFIX = "worksheets"
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_LANGUAGE = r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*"
_KEYWORD_RE = re.compile(
    rf"{_KEYWORD_PREFIX}:(?P<kind>{'|'.join(BLOCK_KINDS)}):(?P<id>{_SLUG}):"
    rf"(?P<version>[1-9][0-9]{{0,6}}):(?P<lang>{_LANGUAGE})"
)


@dataclass(frozen=True)
class BlockPdf:
    """The PDF of one block (checklist or worksheet) in one language."""

    kind: str
    block_id: str
    version: int
    lang: str

    @property
    def file_name(self) -> str:
        return f"{self.block_id}-{self.lang}.pdf"

    @property
    def keyword(self) -> str:
        """``worksheets:<kind>:<id>:<version>:<lang>``, in the PDF's keywords."""
        return f"{self.keyword_prefix(self.kind, self.block_id)}{self.version}:{self.lang}"

    @staticmethod
    def keyword_prefix(kind: str, block_id: str) -> str:
        """What every keyword of a block's PDFs starts with, whatever the version and
        language: the page's script finds its block in a PDF by it."""
        return f"{_KEYWORD_PREFIX}:{kind}:{block_id}:"

    def describe(self) -> str:
        """For messages: ``worksheet 'copc-readiness' (en)``."""
        return f"{self.kind} '{self.block_id}' ({self.lang})"


@dataclass(frozen=True)
class BookletPdf:
    """One language's booklet of every block."""

    lang: str

    @property
    def file_name(self) -> str:
        return f"booklet-{self.lang}.pdf"

    def describe(self) -> str:
        return f"booklet ({self.lang})"


PdfIdentity = BlockPdf | BookletPdf


def blocks_in_keywords(keywords: str) -> list[BlockPdf]:
    """The blocks named in a PDF's keywords; anything else there is ignored."""
    found = []
    for keyword in re.split(r"[,\s]+", keywords):
        match = _KEYWORD_RE.fullmatch(keyword)
        if match:
            found.append(
                BlockPdf(
                    kind=match["kind"],
                    block_id=match["id"],
                    version=int(match["version"]),
                    lang=match["lang"],
                )
            )
    return found
