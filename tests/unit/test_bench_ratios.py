"""The benchmark's ratios are taken turn by turn, so that a machine whose speed drifts
between turns does not move them (bench/run.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from run import Results, Run, Size, main, report, table


def runs(*seconds: float) -> list[Run]:
    return [Run(value, 100.0) for value in seconds]


def test_ratios_are_paired_by_turn() -> None:
    # The machine was fast in the first turn, slow in the last: in every turn but the
    # second the plugin build took 1.05 x that turn's baseline.
    size = Size(200, {"disabled": runs(10, 12, 30), "plugin": runs(10.5, 30, 31.5)})
    assert size.ratio("plugin", "disabled") == pytest.approx(1.05)
    # The ratio of the medians is thrown off by the one slow plugin build.
    assert size.median("plugin") / size.median("disabled") == pytest.approx(2.5)


def test_a_variant_run_once_is_compared_with_the_median() -> None:
    size = Size(200, {"cold": runs(100), "plugin": runs(10, 20, 30)})
    assert size.ratio("cold", "plugin") == pytest.approx(5.0)
    assert Size(1, {"cold": runs(1), "plugin": runs(0, 0)}).ratio("cold", "plugin") is None


def test_throughput_is_reported_at_a_size_without_the_pdf_variants() -> None:
    # N = 50 is a throughput size but not a PDF size: no (3)-(6), and still its PDF/s.
    size = Size(50, {v: runs(1, 2) for v in ("disabled", "plugin", "fresh", "check")})
    size.throughput = {"1": [1.5, 1.6, 1.7], "2": [3.0, 3.1, 3.3]}
    row = table([size])[-1]
    assert row.endswith("|  |  |  | 1.60 → 3.10 (×1.94) |")
    assert table([Size(50, size.runs)])[-1].endswith("|  |  |  |  |")


def test_the_report_is_written_again_from_results_json(tmp_path: Path) -> None:
    sizes = [
        Size(50, {v: runs(1, 2) for v in ("disabled", "plugin", "fresh", "check")},
             {"1": [1.5], "2": [3.0]}),
        Size(200, {v: [Run(2.0, 90.0, 0, 0), Run(3.0, 91.0, 2, 1)]
                   for v in ("disabled", "plugin", "fresh", "check", "warm", "edited",
                             "next-day")} | {"cold": [Run(60.0, 900.0, 1203, 600)]}),
    ]  # fmt: skip
    about = {"cpu": "CPU", "cores": 2, "python": "3.11", "system": "Linux", "commit": "abc",
             "date": "2026-11-29", "warmup": 1, "repeat": 5, "target_repeat": 21,
             "throughput_repeat": 3, "throughput_sizes": [10, 20, 50]}  # fmt: skip
    assets = {"source_bytes": 3, "bytes": 2, "gzipped_bytes": 1, "on_start_gzipped_bytes": 1}
    recorded = tmp_path / "results.json"
    data = Results(sizes, about, assets).to_json()
    recorded.write_text(json.dumps(data, indent=2), encoding="utf-8")
    main(["--from-json", str(recorded), "--out", str(tmp_path / "out")])
    written = (tmp_path / "out" / "RESULTS.md").read_text(encoding="utf-8")
    assert written == report(sizes, about, assets)
    # results.json comes back as it was recorded.
    assert (tmp_path / "out" / "results.json").read_text(encoding="utf-8") == (
        recorded.read_text(encoding="utf-8")
    )
    assert "| 50 |" in written and "(×2.00) |" in written and "1203" not in written
    assert "0,2 / 0,2 / 0,2" in written
