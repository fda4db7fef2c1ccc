"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest


@pytest.fixture(scope="session")
def local_gateway() -> Iterator[Any]:
    """A LocalGateway on 127.0.0.1 for the whole session: fast tasks, a generous rate limit."""
    from tradepose.testing import LocalGateway

    with LocalGateway(time_scale=0.01, requests_per_minute=100_000) as gateway:
        yield gateway


@pytest.fixture
def gateway_factory() -> Iterator[Callable[..., Any]]:
    """Start LocalGateways with custom options; all are stopped when the test ends."""
    from tradepose.testing import LocalGateway

    with ExitStack() as stack:

        def start(**options: Any) -> Any:
            options.setdefault("time_scale", 0.01)
            return stack.enter_context(LocalGateway(**options))

        yield start
