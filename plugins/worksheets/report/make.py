"""A whole report: files in, one document out."""

from __future__ import annotations

from pathlib import Path

from ..scan import Site
from ..strings import Strings
from . import write
from .compare import DEFAULT_TOLERANCE, compare, trends
from .inputs import InputError, read_inputs
from .tables import Table, comparison_table, trend_table

# Assessments of one block an HTML or PDF report lays out: a few seconds of WeasyPrint
# (bench/), where 10,000 took minutes; Markdown and CSV take any number.
MAX_LAID_OUT = 200


def make_report(
    paths: list[Path],
    site: Site,
    *,
    lang: str,
    output_format: str,
    date: str,
    tolerance: float = DEFAULT_TOLERANCE,
) -> tuple[bytes, list[str]]:
    """The report's bytes and the notes on what did not fit (also in the report)."""
    inputs = read_inputs(paths, site, lang)
    if not inputs.assessments:
        raise InputError("no assessment in the files fits a block of the docs")
    if output_format in ("html", "pdf"):
        for block_id, assessments in inputs.assessments.items():
            if len(assessments) > MAX_LAID_OUT:
                raise InputError(
                    f"'{block_id}' has {len(assessments)} assessments; --format {output_format} "
                    f"lays out at most {MAX_LAID_OUT} of one block (about "
                    f"{MAX_LAID_OUT // write.COLUMNS_PER_TABLE} pages): use --format csv or md "
                    "for all of them, or give fewer files"
                )
    strings = Strings(lang)
    tables: list[Table] = []
    for _block_id, assessments in sorted(inputs.assessments.items()):
        tables.append(comparison_table(compare(assessments, tolerance), strings))
        tables.extend(trend_table(trend, strings) for trend in trends(assessments))
    made = strings.format("report_made", date=date, files=len(paths))
    notes = [*inputs.notes, strings.format("report_tolerance", tolerance=strings.number(tolerance))]
    if output_format == "md":
        return write.markdown(tables, notes, strings, made).encode("utf-8"), inputs.notes
    if output_format == "csv":
        return write.csv_text(tables).encode("utf-8"), inputs.notes
    document = write.html(tables, notes, strings, made, title=tables[0].title)
    if output_format == "html":
        return document.encode("utf-8"), inputs.notes
    return write.pdf(document), inputs.notes
