"""Reports from exported files: ``python -m worksheets report FILE…``.

- ``inputs``: answers files, bundles and filled PDFs, read and checked against the
  current block definitions (what no longer fits is reported, never fatal);
- ``compare``: assessments side by side, scored with the reference scoring, with
  each row's best value and spread, and trends of one label over dates;
- ``write``: the comparison as Markdown, CSV, HTML or PDF, in the reader's language.
"""
