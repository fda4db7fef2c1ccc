"""Smoke test: every benchmark case runs once at its smallest size, so bench/ cannot rot (no timings checked)."""

from __future__ import annotations

import sys

import pytest
from bench import backends, imports, large_result, overhead, polling, scale, submission
from bench._common import Row, table

pytestmark = pytest.mark.e2e


def _check(rows: list[Row]) -> None:
    assert rows
    assert table(rows).count("\n") == len(rows) + 1


def test_large_result_case_runs() -> None:
    """Case 1 measures all three download paths against both servers."""
    _check(large_result.bench(trades=5_000, runs=1))


@pytest.mark.reference
@pytest.mark.usefixtures("reference_python")
def test_polling_case_runs() -> None:
    """Case 2 runs BatchTester, the fixed poller and the reference client on a tiny workload."""
    _check(polling.bench(tasks=4, scale=0.05, runs=1))


def test_overhead_case_runs() -> None:
    """Case 3 times overlay and raw calls, sync and async."""
    _check(overhead.bench(calls=64, runs=1))


def test_submission_case_runs() -> None:
    """Case 4 submits through BatchTester and through the generated client."""
    _check(submission.bench(submissions=8, runs=1))


def test_import_case_runs() -> None:
    """Case 5 imports tradepose and polars in fresh interpreters (here in the test environment)."""
    _check(imports.bench(runs=1, python=sys.executable))


@pytest.mark.reference
@pytest.mark.usefixtures("reference_python")
def test_scale_case_runs() -> None:
    """Case 6 runs BatchTester at two batch sizes and the reference client at one."""
    rows = scale.bench(sizes=(2, 4), reference_size=2, runs=1)
    _check(rows)
    assert any(r.base_label == "tradepose-client 1.5.0" for r in rows)


def test_backends_case_runs() -> None:
    """Case 7 checks status and streams a small and a large download through all three HTTP backends."""
    rows = backends.bench(calls=16, trades=(2_000, 5_000), runs=1)
    _check(rows)
    assert {r.base_label for r in rows} == {"httpx native", "httpx-aiohttp 0.2 transport"}
    assert sum("streamed trades download" in r.case for r in rows) == 8
