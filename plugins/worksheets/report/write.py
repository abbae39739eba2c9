"""A report's tables as Markdown, CSV, HTML or PDF."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..render import environment
from ..strings import Strings
from .tables import Table

FORMATS = ("md", "csv", "html", "pdf")


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


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


def _csv_cell(text: str) -> str:
    # A cell that starts like a formula is read as text by spreadsheets.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_text(tables: Sequence[Table]) -> str:
    """One CSV: each table's title on a line of its own, then its header and rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for index, table in enumerate(tables):
        if index:
            writer.writerow([])
        writer.writerow([_csv_cell(table.title)])
        writer.writerow([_csv_cell(cell) for cell in table.header])
        writer.writerows([[_csv_cell(cell) for cell in row] for row in table.rows])
    return "\ufeff" + buffer.getvalue()


def html(
    tables: Sequence[Table], notes: Sequence[str], strings: Strings, made: str, *, title: str
) -> str:
    """A standalone HTML page (also the input of the PDF)."""
    from importlib import resources

    css = resources.files("worksheets").joinpath("templates/print.css").read_text("utf-8")
    return (
        environment()
        .get_template("report.html")
        .render(tables=tables, notes=notes, s=strings, made=made, title=title, css=css)
    )


def pdf(document: str) -> bytes:
    """The HTML report as a PDF (WeasyPrint, in this process)."""
    from weasyprint import HTML

    return bytes(HTML(string=document).write_pdf(pdf_tags=True))
