"""The benchmark runs (CI's smoke test at a tiny size): it must finish and write its
table and its JSON. It asserts what the PDF cache must do, never a time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.pdf


def test_the_benchmark_finishes_and_writes_its_results(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "1", "--pdf-sizes", "1",
         "--warm-pdf-sizes", "2", "--repeat", "1", "--target-repeat", "2",
         "--throughput-repeat", "2", "--throughput-sizes", "1",
         "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    results = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert "| 1 |" in results and "| 2 |" in results and "gzipped" in results
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    # Each timed build came after an untimed one of its own, and the report says so.
    assert data["machine"]["warmup"] == 1 and "after 1 untimed one(s)" in results
    size, warm = data["sizes"]
    assert set(size["runs"]) == {
        "disabled", "plugin", "fresh", "check", "cold", "warm", "edited", "next-day"
    }  # fmt: skip
    # A rebuild reads every block from the build cache; with empty caches all 6 render.
    blocks = {variant: [run["blocks"] for run in runs] for variant, runs in size["runs"].items()}
    assert blocks["fresh"] == [6] and blocks["plugin"] == [0] and blocks["warm"] == [0]
    assert blocks["disabled"] == [None]
    rendered = {
        variant: [run["rendered"] for run in runs] for variant, runs in size["runs"].items()
    }
    # 1 guide x 2 blocks x 3 languages, and 3 booklets; a warm cache renders nothing, the
    # next day nothing, an edited checklist its own PDF and its language's booklet.
    assert rendered["cold"] == [9]
    assert rendered["warm"] == [0] and rendered["next-day"] == [0]
    assert rendered["edited"] == [2]
    # --throughput-repeat runs with one worker and as many with every core, reported as
    # the ratio of their medians.
    cores = str(os.cpu_count() or 1)
    assert list(size["throughput"]) == ["1", cores]
    assert all(len(runs) == 2 and min(runs) > 0 for runs in size["throughput"].values())
    assert data["machine"]["throughput_repeat"] == 2
    assert data["machine"]["throughput_sizes"] == [1]
    assert "PDF throughput is measured at N = 1:" in results
    assert "2 runs of `worksheets pdf` with one worker" in results
    # Where the cold build runs once (not a --throughput-sizes size): (3) once, no
    # throughput; and the targets are read there, so every other variant runs
    # --target-repeat turns, but (5) --repeat.
    assert {variant: len(runs) for variant, runs in warm["runs"].items()} == {
        "disabled": 2, "plugin": 2, "fresh": 2, "check": 2,
        "cold": 1, "warm": 2, "edited": 1, "next-day": 2,
    }  # fmt: skip
    assert data["machine"]["repeat"] == 1 and data["machine"]["target_repeat"] == 2
    assert "Turns: 1 at each size; 2 at the warm PDF sizes" in results
    warm_rendered = {
        variant: [run["rendered"] for run in runs] for variant, runs in warm["runs"].items()
    }
    assert warm_rendered["cold"] == [15] and warm_rendered["edited"] == [2]
    assert warm_rendered["warm"] == [0, 0] and warm_rendered["next-day"] == [0, 0]
    assert warm["throughput"] == {}
