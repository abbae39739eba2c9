"""A hash of the plugin's own code: part of every cache key of what the code makes
(rendered blocks, parsed pages, PDFs), so that a new version never reads an old entry."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

# Libraries whose output is part of what the plugin writes.
_LIBRARIES = ("markdown", "jinja2", "markupsafe", "pydantic")
_SUFFIXES = frozenset({".py", ".html", ".css", ".yml", ".yaml", ".json"})


@cache
def code_fingerprint() -> str:
    """A hash of everything besides the key's parts that a block's HTML depends on: the
    plugin's code, templates and translations, and the versions of its libraries."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in _SUFFIXES and "assets" not in path.relative_to(package).parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none".encode())
    return digest.hexdigest()
