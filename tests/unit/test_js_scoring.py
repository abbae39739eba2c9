"""The browser's scoring module runs the shared vectors under Node's built-in test runner."""

from __future__ import annotations

import shutil
import subprocess

from tests.conftest import REPO


def test_javascript_scoring_matches_the_vectors() -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for the JavaScript tests (make test installs it)"
    completed = subprocess.run(
        [node, "--test", "tests/js/"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "# fail 0" in completed.stdout
    assert "# pass 0" not in completed.stdout
