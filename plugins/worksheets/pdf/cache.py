"""PDFs rendered through a cache folder keyed by content hash, in parallel processes."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from .jobs import PdfError, PdfJob
from .worker import render_pdf


@dataclass(frozen=True)
class RenderStats:
    rendered: int
    cached: int


class PdfRenderer:
    """Renders PDF jobs through a cache folder, in parallel processes.

    Create one per command and ``close()`` it at the end: the worker
    processes are kept between the builds of a ``mkdocs serve`` session.
    """

    def __init__(self, cache_dir: Path, workers: int | None = None) -> None:
        self.cache_dir = cache_dir
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # "spawn": forking a process that runs a server's threads is unsafe.
            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"))
        return self._pool

    def _render_missing(self, missing: Sequence[PdfJob]) -> list[str | None]:
        if not missing:
            return []
        if len(missing) == 1 or self.workers == 1:
            # A pool's start-up costs more than one render.
            return [render_pdf(job.html, str(self._cached(job)), job.labels) for job in missing]
        pool = self._executor()
        # Longest first (a booklet lays out every block of its language): no worker is
        # left with a long job while the others are idle.
        order = sorted(range(len(missing)), key=lambda index: -len(missing[index].html))
        futures = {
            index: pool.submit(
                render_pdf, missing[index].html, str(self._cached(missing[index])),
                missing[index].labels,
            )
            for index in order
        }  # fmt: skip
        try:
            return [futures[index].result() for index in range(len(missing))]
        except BrokenProcessPool as broken:
            self._pool = None
            raise PdfError(f"a PDF worker process stopped: {broken}") from broken

    def render(self, jobs: Sequence[PdfJob], out_dir: Path, *, prune: bool = False) -> RenderStats:
        """Put every job's PDF into ``out_dir``, rendering only those not in the cache.
        ``prune``: ``jobs`` are all of a site's PDFs, and cache entries none of them uses
        (older versions of changed blocks) are removed."""
        _usable_folder(self.cache_dir, "the PDF cache folder", "set the plugin's cache_dir")
        _usable_folder(out_dir, "the PDF output folder", "check the site folder's permissions")
        _remove_orphans(self.cache_dir)
        cached = [self._cached(job) for job in jobs]
        missing = [job for job, path in zip(jobs, cached, strict=True) if not _complete_pdf(path)]
        errors = self._render_missing(missing)
        failed = [(job, message) for job, message in zip(missing, errors, strict=True) if message]
        if failed:
            raise PdfError(_failure_message(failed))
        for job in missing:  # (the others were found whole above)
            if not _complete_pdf(self._cached(job)):
                raise PdfError(f"{job.identity.describe()}: the rendered PDF is incomplete")
        for job, path in zip(jobs, cached, strict=True):
            _copy_atomically(path, out_dir / job.name)
        if prune:
            _remove_unused(self.cache_dir, {path.name for path in cached})
        return RenderStats(rendered=len(missing), cached=len(jobs) - len(missing))

    def _cached(self, job: PdfJob) -> Path:
        return self.cache_dir / f"{job.key}.pdf"

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _failure_message(failed: Sequence[tuple[PdfJob, str | None]]) -> str:
    """One line per cause: a cause shared by every PDF (WeasyPrint missing, a full disk)
    is said once, with the PDFs it stopped."""
    by_cause: dict[str, list[str]] = {}
    for job, message in failed:
        by_cause.setdefault(str(message), []).append(job.identity.describe())
    parts = []
    for cause, names in by_cause.items():
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        parts.append(f"{shown}: {cause}")
    return "PDF rendering failed for " + "; ".join(parts)


def _usable_folder(folder: Path, what: str, fix: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".probe-{os.getpid()}.part"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise PdfError(f"{what} {folder} cannot be used ({error.strerror}); {fix}") from None


# A render in progress leaves a .part file for seconds; one an hour old was left by
# a build that was killed.
ORPHAN_AGE = 3600


def _remove_orphans(folder: Path) -> None:
    now = time.time()
    for part in folder.glob("*.part"):
        try:
            if now - part.stat().st_mtime > ORPHAN_AGE:
                part.unlink()
        except OSError:
            pass  # another build removed it first


def _remove_unused(folder: Path, used: set[str]) -> None:
    for entry in folder.glob("*.pdf"):
        if entry.name not in used:
            entry.unlink(missing_ok=True)


def _complete_pdf(path: Path) -> bool:
    """A cache entry is used only when it is a whole PDF: a killed copy or a full disk
    can leave an empty or truncated file, which must be rendered again, not published."""
    try:
        # Two small reads of one descriptor, with no buffer to fill: a warm build checks
        # every PDF of the site.
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        if os.pread(descriptor, 5, 0) != b"%PDF-":
            return False
        size = os.fstat(descriptor).st_size
        return b"%%EOF" in os.pread(descriptor, 1024, max(0, size - 1024))
    except OSError:
        return False
    finally:
        os.close(descriptor)


def _copy_atomically(source: Path, target: Path) -> None:
    """``target`` becomes the cached PDF: a hard link where the file system allows (a
    site of a thousand PDFs is half a gigabyte to copy), else a copy. Nothing writes
    into a published PDF: a later build replaces the link, never the cached file."""
    try:
        # A new link appears whole: where nothing is in the way (MkDocs empties the site
        # folder before a build), no temporary name is needed.
        os.link(source, target)
        return
    except OSError:
        pass
    temporary = target.with_name(f".{target.name}.part")
    try:
        temporary.unlink(missing_ok=True)
        try:
            os.link(source, temporary)
        except OSError:
            shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise PdfError(f"{target} could not be written ({error.strerror})") from None
