"""The plugin's user-visible strings, one YAML file per language in ``strings/``.

A fourth language is one more file; a key missing from it falls back to English.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .scoring import round_percent

FALLBACK = "en"


@cache
def _load(lang: str) -> dict[str, str]:
    resource = resources.files(__package__).joinpath(f"strings/{lang}.yml")
    if not resource.is_file():
        return {}
    # libyaml where PyYAML has it: the pure-Python parser took 30 ms a file.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(resource.read_text(encoding="utf-8"), Loader=loader) or {}
    return {str(key): str(value) for key, value in data.items()}


def base_language(lang: str) -> str:
    """The language of a tag without its region or script: ``es`` for ``es-MX``, ``es_MX``."""
    return lang.replace("-", "_").split("_")[0]


@cache
def _table(lang: str) -> dict[str, str]:
    return {**_load(FALLBACK), **_load(base_language(lang)), **_load(lang)}


def available() -> list[str]:
    """Languages that have a strings file."""
    folder = resources.files(__package__).joinpath("strings")
    return sorted(
        entry.name.removesuffix(".yml") for entry in folder.iterdir() if entry.name.endswith(".yml")
    )


@dataclass(frozen=True)
class Strings:
    """The strings of one language, with number and percent formatting."""

    lang: str

    @property
    def table(self) -> dict[str, str]:
        return _table(self.lang)

    def __getitem__(self, key: str) -> str:
        return self.table[key]

    def format(self, key: str, **values: Any) -> str:
        return self.table[key].format(**values)

    def number(self, value: float) -> str:
        """``1.5`` -> ``1,5`` in Spanish and Swedish; whole numbers without decimals."""
        text = f"{value:g}" if isinstance(value, float) else str(value)
        return text.replace(".", self.table["decimal_separator"])

    def percent(self, value: float) -> str:
        """A whole percent, halves rounded up, in this language's format (``63 %``)."""
        return self.format("percent", value=round_percent(value))
