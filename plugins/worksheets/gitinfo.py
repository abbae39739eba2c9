"""What git says about a folder: asked in one place, with a timeout, never fatal.

Used for the date a page last changed (``pdf/dates.py``) and to make sure a cache
folder holds nothing that a commit brought (``trusted_cache``).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

_GIT_TIMEOUT = 60


class UntrustedCache(Exception):
    """The cache folder holds files from the repository: they would go into the site."""


def git(folder: Path, *args: str) -> str | None:
    """The output of ``git -C folder <args>``; None when git, or a repository, is missing."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            timeout=_GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def trusted_cache(folder: Path) -> None:
    """Raise ``UntrustedCache`` when git tracks a file in ``folder``.

    Cached blocks and PDFs go into the site as they are. A pull request that commits
    files into the cache folder (``git add -f`` passes ``.gitignore``) would put its own
    HTML into every page; so a build refuses such a folder, with the way out."""
    if not folder.is_dir():
        return
    listed = git(folder, "ls-files", "-z", "--", ".")
    tracked = [name for name in (listed or "").split("\0") if name]
    if tracked:
        raise UntrustedCache(
            f"the cache folder {folder} holds {len(tracked)} file(s) from the repository "
            f"(for example {tracked[0][:120]!r}); a cache must be written by the build "
            f"itself: run `git rm -r --cached {folder}` and keep the folder in .gitignore"
        )
