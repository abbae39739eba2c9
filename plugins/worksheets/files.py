"""The Markdown pages of a docs folder, read without trusting the file system.

Any file or folder a pull request can add is handled: folders named like
pages, unreadable files and folders, broken links and link loops, FIFOs and
devices (never opened: reading one could block for ever), files too large to
be a page, and every extension MkDocs builds as Markdown. Each ends as a
located problem or is left out on purpose, never as an exception or a hang.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .formats.problems import FieldPath, Problem

# mkdocs.utils.markdown_extensions: the files MkDocs builds as pages.
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
MAX_PAGE_BYTES = 16 * 1024 * 1024
FILE = FieldPath("file")


@dataclass(frozen=True)
class PageFile:
    """A page's file: its path relative to the docs folder (forward slashes) and on disk."""

    shown: str
    path: Path


def page_files(docs_dir: Path, problems: list[Problem]) -> Iterator[PageFile]:
    """Every Markdown file under ``docs_dir``, hidden ones left out, in a stable order;
    folders that cannot be read are reported. Folder links are not followed (a loop
    would never end); file links are, to regular files only."""

    def unreadable(error: OSError) -> None:
        where = Path(error.filename or docs_dir)
        shown = where.relative_to(docs_dir).as_posix() if where != docs_dir else "."
        problems.append(Problem(shown, 1, FILE, f"folder cannot be read ({error.strerror})"))

    found = []
    for folder, folders, names in os.walk(docs_dir, onerror=unreadable):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in names:
            if name.startswith(".") or not name.lower().endswith(MARKDOWN_EXTENSIONS):
                continue
            path = Path(folder, name)
            found.append(PageFile(path.relative_to(docs_dir).as_posix(), path))
    yield from sorted(found, key=lambda page: page.shown)


def readable_file(path: str) -> bool:
    """True for a regular file this process can read: anything else (a FIFO, a device,
    a broken or looping link) would crash or block the build that opens it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode) and os.access(path, os.R_OK)
    except OSError:
        return False


def read_page(page: PageFile) -> str | Problem:
    """The page's text, or the problem that keeps it from being read."""

    def problem(message: str) -> Problem:
        return Problem(page.shown, 1, FILE, message)

    try:
        status = os.stat(page.path)  # follows a link; a loop or a broken link raises
    except OSError as error:
        return problem(f"cannot be read ({error.strerror}); a broken or looping link?")
    if not stat.S_ISREG(status.st_mode):
        return problem(
            "is not a regular file (a FIFO, a device or a folder); MkDocs cannot build it"
        )
    if status.st_size > MAX_PAGE_BYTES:
        return problem(f"is {status.st_size // 2**20} MiB; a page has at most 16 MiB")
    try:
        with open(page.path, "rb") as stream:
            data = stream.read(MAX_PAGE_BYTES + 1)
    except OSError as error:
        return problem(f"cannot be read ({error.strerror})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return problem(f"is not UTF-8 text ({error.reason} at byte {error.start})")
    # As Python's text files read it: universal newlines.
    return text.replace("\r\n", "\n").replace("\r", "\n")
