"""PDF writing in a hostile environment: one clear message with the cause and the fix,
a non-zero exit, and nothing partial left in the output or published from the cache."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from worksheets.formats.documents import BlockPdf
from worksheets.pdf.cache import PdfRenderer
from worksheets.pdf.jobs import PdfError, PdfJob, build_date

from tests.browser.conftest import write_test_site

pytestmark = pytest.mark.pdf
HTML = "<html><body><p>x</p></body></html>"


def job(block_id: str = "a") -> PdfJob:
    return PdfJob(BlockPdf("checklist", block_id, 1, "en"), HTML + block_id)


def test_a_cache_folder_that_is_a_file_is_named_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    with pytest.raises(PdfError, match=r"PDF cache folder .*cache cannot be used .*cache_dir"):
        PdfRenderer(tmp_path / "cache", workers=1).render([job()], tmp_path / "out")


def test_an_unwritable_output_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(PdfError, match="PDF output folder"):
        PdfRenderer(tmp_path / "cache", workers=1).render([job()], tmp_path / "out")


def test_a_full_disk_while_copying_leaves_no_part_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renderer = PdfRenderer(tmp_path / "cache", workers=1)
    renderer.render([job()], tmp_path / "out")

    def full(source: object, target: object) -> None:
        Path(str(target)).write_bytes(b"%PDF-1.7 trunc")
        raise OSError(28, "No space left on device")

    def other_device(source: object, target: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    # The site on another file system than the cache: copied, and the disk fills up.
    monkeypatch.setattr("os.link", other_device)
    monkeypatch.setattr("shutil.copyfile", full)
    with pytest.raises(PdfError, match="could not be written \\(No space left on device\\)"):
        renderer.render([job()], tmp_path / "out2")
    assert [path.name for path in (tmp_path / "out2").iterdir()] == []


def test_published_pdfs_are_links_to_the_cache_and_never_written_into(tmp_path: Path) -> None:
    renderer = PdfRenderer(tmp_path / "cache", workers=1)
    renderer.render([job()], tmp_path / "out")
    (entry,) = (tmp_path / "cache").glob("*.pdf")
    published = tmp_path / "out" / "a-en.pdf"
    assert published.stat().st_ino == entry.stat().st_ino
    cached = entry.read_bytes()
    # A later build replaces the published file; the cache entry is left as it was.
    renderer.render([job()], tmp_path / "out")
    assert entry.read_bytes() == cached and published.read_bytes() == cached


def test_a_truncated_cache_entry_is_rendered_again_not_published(tmp_path: Path) -> None:
    renderer = PdfRenderer(tmp_path / "cache", workers=1)
    assert renderer.render([job()], tmp_path / "out").rendered == 1
    (entry,) = (tmp_path / "cache").glob("*.pdf")
    entry.write_bytes(entry.read_bytes()[:200])
    assert renderer.render([job()], tmp_path / "out").rendered == 1
    assert (tmp_path / "out" / "a-en.pdf").read_bytes().rstrip().endswith(b"%%EOF")


def test_orphaned_part_files_are_cleaned(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    old, fresh = cache / "old.part", cache / "fresh.part"
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    hours_ago = time.time() - 7200
    os.utime(old, (hours_ago, hours_ago))
    PdfRenderer(cache, workers=1).render([job()], tmp_path / "out")
    assert not old.exists() and fresh.exists()


def test_one_cause_of_many_failures_is_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weasyprint

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("cannot load library 'pango'")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", broken)
    jobs = [job(f"b{index}") for index in range(21)]
    with pytest.raises(PdfError) as raised:
        PdfRenderer(tmp_path / "cache", workers=1).render(jobs, tmp_path / "out")
    message = str(raised.value)
    assert message.count("cannot load library") == 1
    assert "and 18 more" in message and len(message) < 400


@pytest.mark.parametrize("epoch", ["yesterday", "1e9", "9" * 30])
def test_an_unreadable_source_date_epoch_is_explained(
    epoch: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(PdfError, match="SOURCE_DATE_EPOCH must be whole seconds"):
        build_date()


def test_the_build_fails_cleanly_on_a_bad_source_date_epoch(tmp_path: Path) -> None:
    from tests.conftest import MKDOCS_YML_WITH_PDFS

    site = write_test_site(tmp_path / "project", extra_pages=False, config=MKDOCS_YML_WITH_PDFS)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site.root,
        env={**os.environ, "SOURCE_DATE_EPOCH": "soon", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode != 0
    assert "SOURCE_DATE_EPOCH must be whole seconds" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_render_tunes_the_garbage_collector_for_itself_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A render may run in the build's own process: its thresholds are put back, also
    when the render fails."""
    import gc

    from worksheets.pdf import worker

    seen: list[tuple[int, int, int]] = []
    monkeypatch.setattr(worker, "finish", lambda path, labels: seen.append(gc.get_threshold()))
    before = gc.get_threshold()
    assert worker.render_pdf(HTML, str(tmp_path / "a.pdf")) is None
    assert seen == [worker.RENDER_GC_THRESHOLDS] and gc.get_threshold() == before
    message = worker.render_pdf(HTML, str(tmp_path / "missing" / "a.pdf"))
    assert message is not None and gc.get_threshold() == before
