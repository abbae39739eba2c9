"""The code is ruff-clean and passes mypy in strict mode (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True, check=False
    )


def test_ruff() -> None:
    result = run("ruff", "check", "plugins", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run("ruff", "format", "--check", "plugins", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_typescript() -> None:
    """The browser script's JSDoc types hold (tsconfig.json; `make lint` installs tsc)."""
    tsc = REPO / "node_modules" / ".bin" / "tsc"
    assert tsc.exists(), "TypeScript is not installed: run `npm ci` (or `make lint`)"
    # The page's modules, then the service worker in a worker's global scope.
    for project in (".", "tsconfig.worker.json"):
        result = subprocess.run(
            [str(tsc), "-p", project], cwd=REPO, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
