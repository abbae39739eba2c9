"""The benchmark's ratios are taken turn by turn, so that a machine whose speed drifts
between turns does not move them (bench/run.py)."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from run import Run, Size


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
