"""A report's tables as Markdown, CSV, HTML or PDF."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..render import environment
from ..strings import Strings
from .tables import Table

FORMATS = ("md", "csv", "html", "pdf")


# Characters with a meaning in Markdown inline text, escaped with a backslash (CommonMark
# and Python-Markdown both take these); "<" and "&" become entities, so no text from a file
# is ever markup, HTML or a link wherever the report is rendered. A text that starts
# like a block (a heading, a quote, a list) has its first character escaped too.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_BLOCK_START = re.compile(r"^(\s*[0-9]*)((?<=[0-9])[.)]|(?<![0-9])[#>+=-])")


def _md_cell(text: str) -> str:
    text = " ".join(text.splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_BLOCK_START.sub(lambda match: match[1] + "\\" + match[2], text)


def markdown(tables: Sequence[Table], notes: Sequence[str], strings: Strings, made: str) -> str:
    """GitHub-flavoured Markdown: one table per comparison and trend."""
    lines = [f"_{made}_", ""]
    for table in tables:
        lines += [f"## {_md_cell(table.title)}", ""]
        lines.append("| " + " | ".join(_md_cell(cell) for cell in table.header) + " |")
        lines.append("|" + "---|" * len(table.header))
        for kind, row in zip(table.kinds, table.rows, strict=True):
            cells = [_md_cell(cell) for cell in row]
            if kind == "section":
                cells = [f"**{cell}**" if cell else cell for cell in cells]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    if notes:
        lines += [f"## {strings['report_notes']}", ""]
        lines += [f"- {_md_cell(note)}" for note in notes]
        lines.append("")
    return "\n".join(lines)


# A formula's first character, at the start of the cell or after a separator a
# spreadsheet may split at (a comma, or the semicolon of Spanish and Swedish ones).
_FORMULA = re.compile(r"(^|[,;])( *)([=+\-@\t\r])")


def csv_cell(text: str) -> str:
    """One cell, as the page's ``csvCell`` (``assets/csv.js``) writes it: whatever a
    spreadsheet would take for a formula, at the start or after a comma or semicolon,
    gets an apostrophe before it (so it stays text however the line is split); a cell
    with a quote, a comma, a semicolon or a line end is quoted."""
    text = _FORMULA.sub(r"\1\2'\3", text)
    if any(character in text for character in '",;\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(tables: Sequence[Table]) -> str:
    """One CSV: each table's title on a line of its own, then its header and rows."""
    lines: list[str] = []
    for index, table in enumerate(tables):
        if index:
            lines.append("")
        lines.append(csv_cell(table.title))
        for row in [table.header, *table.rows]:
            lines.append(",".join(csv_cell(cell) for cell in row))
    return "\ufeff" + "".join(line + "\r\n" for line in lines)


# Assessments side by side on one landscape page: more would not be read, and a page's
# layout grows faster than its columns.
COLUMNS_PER_TABLE = 8


def in_parts(table: Table, strings: Strings, per_table: int = COLUMNS_PER_TABLE) -> list[Table]:
    """A comparison of many assessments as several tables of at most ``per_table``
    assessments each, every one with the rows' names (and the spread, when there is one,
    in the last); a table narrow enough already, as it is."""
    spread = table.header[-1] == strings["report_spread"]
    columns = len(table.header) - 1 - int(spread)
    if columns <= per_table:
        return [table]
    parts = []
    for first in range(1, columns + 1, per_table):
        last = min(first + per_table - 1, columns)
        keep = [0, *range(first, last + 1)]
        if spread and last == columns:
            keep.append(len(table.header) - 1)
        part = Table(
            strings.format("report_part", title=table.title, first=first, last=last, count=columns),
            [table.header[index] for index in keep],
        )
        for kind, row in zip(table.kinds, table.rows, strict=True):
            part.add(kind, [row[index] if index < len(row) else "" for index in keep])
        parts.append(part)
    return parts


def html(
    tables: Sequence[Table], notes: Sequence[str], strings: Strings, made: str, *, title: str
) -> str:
    """A standalone HTML page (also the input of the PDF): wide comparisons in parts."""
    from importlib import resources

    css = resources.files("worksheets").joinpath("templates/print.css").read_text("utf-8")
    parts = [part for table in tables for part in in_parts(table, strings)]
    return (
        environment()
        .get_template("report.html")
        .render(tables=parts, notes=notes, s=strings, made=made, title=title, css=css)
    )


def pdf(document: str) -> bytes:
    """The HTML report as a PDF (WeasyPrint, in this process)."""
    from weasyprint import HTML

    return bytes(HTML(string=document).write_pdf(pdf_tags=True))
