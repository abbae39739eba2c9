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
