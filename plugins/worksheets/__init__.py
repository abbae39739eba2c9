"""The `worksheets` MkDocs plugin: checklists and scoring worksheets from front matter."""

__version__ = "0.1.0"
