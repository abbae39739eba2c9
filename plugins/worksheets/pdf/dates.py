"""The date a page last changed, for its PDFs' footers: what makes a PDF's content,
so that a rebuild on another day renders nothing.

In order: the date of the page's last commit, when git knows the file and it has
not changed since; else the file's modification time, clamped to
``SOURCE_DATE_EPOCH`` when that is set (as reproducible builds clamp times); else
the build date. Git is asked twice for the whole folder (its log, its status),
never once per file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from ..gitinfo import git
from .jobs import build_date


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).date().isoformat()


def _committed(docs_dir: Path) -> dict[str, str]:
    """The date of each file's last commit, by path relative to ``docs_dir``; files
    changed or new since are left out (their modification time says more)."""
    log = git(
        docs_dir, "log", "--format=%x00%ct", "--name-only", "--relative", "--no-renames", "--", "."
    )
    prefix = git(docs_dir, "rev-parse", "--show-prefix")
    status = git(docs_dir, "status", "--porcelain", "-z", "--untracked-files=all", "--", ".")
    if log is None or prefix is None or status is None:
        return {}
    dates: dict[str, str] = {}
    day = ""
    for line in log.splitlines():
        if line.startswith("\0"):
            day = _day(int(line[1:]))
        elif line and day:
            dates.setdefault(line, day)
    start = prefix.strip()
    for entry in status.split("\0"):
        # "XY path": the path from the repository's root.
        path = entry[3:]
        if path.startswith(start):
            dates.pop(path[len(start) :], None)
    return dates


def _clamp() -> float | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    build_date()  # says what is wrong with a bad value
    return float(epoch) if epoch else None


def last_changed(docs_dir: Path, paths: Iterable[str]) -> dict[str, str]:
    """The date each page (a path relative to ``docs_dir``) last changed."""
    committed = _committed(docs_dir)
    clamp = _clamp()
    today = build_date()
    dates = {}
    for path in paths:
        if path in committed:
            dates[path] = committed[path]
            continue
        try:
            mtime = (docs_dir / path).stat().st_mtime
        except OSError:
            dates[path] = today
            continue
        dates[path] = _day(min(mtime, clamp) if clamp is not None else mtime)
    return dates
