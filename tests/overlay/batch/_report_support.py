"""A finished batch (LocalGateway on 127.0.0.1) and its saved copy, shared by the report and display tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.overlay.batch._batch_support import strategy
from tradepose import BatchResults, BatchTester
from tradepose.testing import LocalGateway

STRATEGIES = ("alpha", "beta")
PERIODS = ("2024Q1", "2024Q2", "2024Q3")


@dataclass(frozen=True)
class Finished:
    batch: BatchResults
    workdir: Path
    saved: Path


@contextmanager
def finished_batch(root: Path) -> Iterator[Finished]:
    """Two strategies over three quarters, waited for and saved; everything stopped on exit."""
    with (
        LocalGateway(time_scale=0.01, requests_per_minute=100_000) as gateway,
        BatchTester(api_key=gateway.api_key, server_url=gateway.url) as tester,
    ):
        batch = tester.submit([strategy(s) for s in STRATEGIES], list(PERIODS), workdir=root / "work")
        batch.wait(timeout=60, progress=False)
        yield Finished(batch, batch.workdir, batch.save(root / "saved"))
        batch.close()
