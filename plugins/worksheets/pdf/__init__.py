"""Blocks -> fillable PDFs (SPEC section 6).

- ``document``: the print HTML of one block or of a booklet;
- ``jobs``: which PDFs a site has (every block in every language, a booklet per language);
- ``worker``: one render with WeasyPrint, in a worker process (imports nothing else);
- ``cache``: renders only what the cache lacks, in parallel;
- ``read``: a filled PDF back into answers files.

This file imports nothing, so that a worker process loads only ``worker``.
"""
