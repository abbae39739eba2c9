"""A cache folder belongs to the machine that builds: files a commit put into it (a
pull request can `git add -f` past .gitignore) would go into every page, so the build
and `worksheets pdf` refuse such a folder, and say how to mend it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.browser.conftest import write_test_site

GIT = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.invalid"]


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


def test_a_committed_cache_entry_stops_the_build(tmp_path: Path) -> None:
    root = tmp_path / "project"
    site = write_test_site(root, extra_pages=False)
    assert site.build().returncode == 0
    (root / ".gitignore").write_text(".cache/\nsite/\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "guides")
    # Untracked entries, written by the build: used.
    again = site.build()
    assert again.returncode == 0 and "Blocks: 0 rendered, 6 from the cache" in again.output
    # A planted entry for a key anyone can compute, forced past .gitignore.
    (entry,) = list((root / ".cache" / "worksheets" / "blocks").glob("*/*"))[:1]
    entry.write_text("5\n<p/>x<script>alert(1)</script>", encoding="utf-8")
    git(root, "add", "-f", str(entry.relative_to(root)))
    git(root, "commit", "-qm", "planted")
    refused = site.build()
    assert refused.returncode != 0
    assert "holds 1 file(s) from the repository" in refused.output
    assert "git rm -r --cached" in refused.output
    assert "Traceback" not in refused.output
    pages = [path.read_text(encoding="utf-8") for path in (root / "site").rglob("*.html")]
    assert pages and not any("alert(1)" in page for page in pages)
    command = [sys.executable, "-m", "worksheets", "pdf", "--docs", "docs", "--lang", "en"]
    done = subprocess.run(
        [*command, "--cache-dir", ".cache/worksheets"], cwd=root, capture_output=True, text=True
    )
    assert done.returncode == 1 and "from the repository" in done.stderr
    # Mended as the message says: the build goes on.
    git(root, "rm", "-r", "-q", "--cached", ".cache/worksheets")
    assert site.build().returncode == 0
