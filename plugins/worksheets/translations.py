"""Translation status: every page and block, language by language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .scan import Site

PRESENT = "present"
MISSING = "missing"
OUT_OF_STEP = "out-of-step"


@dataclass
class BlockStatus:
    """One block of a default-language page, in every language."""

    kind: str
    id: str
    languages: dict[str, str] = field(default_factory=dict)


@dataclass
class PageStatus:
    """One page of the default language, in every language."""

    rel: str
    title: str
    languages: dict[str, str] = field(default_factory=dict)
    blocks: list[BlockStatus] = field(default_factory=list)
    problems: dict[str, list[str]] = field(default_factory=dict)


def translation_status(site: Site) -> list[PageStatus]:
    """The status of every default-language page: present, missing (the reader gets
    the default language) or out of step (its structure differs)."""
    statuses = []
    default = site.default_language
    for (lang, rel), page in sorted(site.pages.items(), key=lambda item: item[0][1]):
        if lang != default:
            continue
        status = PageStatus(rel=rel, title=page.title)
        blocks = [
            BlockStatus(kind, block.block_id)
            for kind, block in page.blocks.items()
            if block.block_id is not None
        ]
        for language in site.languages:
            translation = site.page(language, rel)
            if translation is None:
                status.languages[language] = MISSING
                for block in blocks:
                    block.languages[language] = MISSING
                continue
            parity = [p for p in site.problems_of(translation.path) if p.parity]
            status.languages[language] = OUT_OF_STEP if parity else PRESENT
            if parity:
                status.problems[language] = [str(problem) for problem in parity]
            for block in blocks:
                out = any(problem.block_kind == block.kind for problem in parity)
                block.languages[language] = OUT_OF_STEP if out else PRESENT
        status.blocks = blocks
        statuses.append(status)
    return statuses


def status_json(site: Site) -> dict[str, Any]:
    """The report for tools."""
    return {
        "default_language": site.default_language,
        "languages": site.languages,
        "pages": [
            {
                "page": status.rel,
                "title": status.title,
                "languages": status.languages,
                "blocks": [
                    {"kind": block.kind, "id": block.id, "languages": block.languages}
                    for block in status.blocks
                ],
                "problems": status.problems,
            }
            for status in translation_status(site)
        ],
    }


def status_text(site: Site) -> str:
    """The report for people: one line per page and per block, a column per language."""
    statuses = translation_status(site)
    rows = [["", *site.languages]]
    for status in statuses:
        rows.append([status.rel, *(status.languages[lang] for lang in site.languages)])
        for block in status.blocks:
            rows.append(
                [f"  {block.kind} {block.id}", *(block.languages[lang] for lang in site.languages)]
            )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    for status in statuses:
        for problems in status.problems.values():
            lines.extend(problems)
    counts = {
        name: sum(s.languages[lang] == name for s in statuses for lang in site.languages)
        for name in (MISSING, OUT_OF_STEP)
    }
    lines.append(
        f"{len(statuses)} pages in {len(site.languages)} languages: "
        f"{counts[MISSING]} missing, {counts[OUT_OF_STEP]} out of step"
    )
    return "\n".join(lines) + "\n"
