"""PDFs rendered through a cache folder keyed by content hash, in parallel processes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from .jobs import PdfJob
from .worker import render_pdf


class PdfError(Exception):
    """A PDF could not be rendered; the message names the block and language."""


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
        if len(missing) == 1 or self.workers == 1:
            # A pool's start-up costs more than one render.
            return [render_pdf(job.html, str(self._cached(job))) for job in missing]
        pool = self._executor()
        futures = [pool.submit(render_pdf, job.html, str(self._cached(job))) for job in missing]
        try:
            return [future.result() for future in futures]
        except BrokenProcessPool as broken:
            self._pool = None
            raise PdfError(f"a PDF worker process stopped: {broken}") from broken

    def render(self, jobs: Sequence[PdfJob], out_dir: Path) -> RenderStats:
        """Put every job's PDF into ``out_dir``, rendering only those not in the cache."""
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        out_dir.mkdir(parents=True, exist_ok=True)
        missing = [job for job in jobs if not self._cached(job).exists()]
        errors = self._render_missing(missing)
        failures = [
            f"{job.identity.describe()}: {message}"
            for job, message in zip(missing, errors, strict=True)
            if message
        ]
        if failures:
            raise PdfError("PDF rendering failed for " + "; ".join(failures))
        for job in jobs:
            _copy_atomically(self._cached(job), out_dir / job.name)
        return RenderStats(rendered=len(missing), cached=len(jobs) - len(missing))

    def _cached(self, job: PdfJob) -> Path:
        return self.cache_dir / f"{job.key}.pdf"

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _copy_atomically(source: Path, target: Path) -> None:
    temporary = target.with_name(f".{target.name}.part")
    shutil.copyfile(source, temporary)
    os.replace(temporary, target)
