"""The date a page last changed (its PDFs' footer date): git, else its modification
time clamped to SOURCE_DATE_EPOCH, never the build date while either is known."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from worksheets.pdf.dates import last_changed


def stamp(day: str) -> float:
    return datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp() + 12 * 3600


def touch(path: Path, text: str, day: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (stamp(day), stamp(day)))


def git(repo: Path, *args: str, day: str = "2025-01-02") -> None:
    when = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """docs/ in a git repository: a.md committed, b.md committed then changed, c.md new."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    git(tmp_path, "init", "-q")
    docs = tmp_path / "docs"
    touch(docs / "en" / "a.md", "a", "2026-06-01")
    touch(docs / "en" / "b.md", "b", "2026-06-01")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first", day="2025-01-02")
    touch(docs / "en" / "b.md", "b, changed", "2026-03-04")
    touch(docs / "en" / "c.md", "c", "2026-05-06")
    return docs


PATHS = ["en/a.md", "en/b.md", "en/c.md"]


def test_committed_pages_have_their_commit_date_the_others_their_mtime(repo: Path) -> None:
    assert last_changed(repo, PATHS) == {
        "en/a.md": "2025-01-02",
        "en/b.md": "2026-03-04",
        "en/c.md": "2026-05-06",
    }


def test_source_date_epoch_clamps_modification_times_not_commits(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(stamp("2026-04-01"))))
    assert last_changed(repo, PATHS) == {
        "en/a.md": "2025-01-02",
        "en/b.md": "2026-03-04",
        "en/c.md": "2026-04-01",
    }


def test_the_next_day_changes_nothing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(stamp("2026-11-27"))))
    today = last_changed(repo, PATHS)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(stamp("2026-11-28"))))
    assert last_changed(repo, PATHS) == today


def test_without_git_the_modification_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    touch(tmp_path / "en" / "a.md", "a", "2026-02-03")
    assert last_changed(tmp_path, ["en/a.md"]) == {"en/a.md": "2026-02-03"}
