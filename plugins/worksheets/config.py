"""The plugin's options in `mkdocs.yml`."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class WorksheetsConfig(Config):
    """Options of the `worksheets` plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from `mkdocs.yml`."""

    default_language = c.Optional(c.Type(str))
    """The language that translations are checked against. Defaults to the
    i18n plugin's default language, else to the theme's language."""

    pdf = c.Type(bool, default=True)
    """Render a fillable PDF of every block in every language, and a booklet per
    language, during `mkdocs build`."""

    pdf_in_serve = c.Type(bool, default=False)
    """Also render the PDFs in `mkdocs serve` (off by default so that editing stays
    fast; the blocks then show no PDF link)."""

    cache_dir = c.Type(str, default=".cache/worksheets")
    """Where rendered PDFs are kept between builds, relative to `mkdocs.yml`.
    A PDF is rendered again only when something that shapes it changed."""

    pdf_workers = c.Optional(c.Type(int))
    """Processes that render PDFs in parallel (default: one per core)."""

    offline = c.Type(bool, default=True)
    """Keep a copy of the site in the reader's browser after one visit (a service
    worker), so that guides and forms work without a network. Never under
    `mkdocs serve`."""
