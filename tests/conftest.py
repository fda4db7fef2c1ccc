"""Shared fixtures."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from tests.overlay._overlay_support import FakeClock

REFERENCE_PYTHON = Path(__file__).resolve().parents[1] / ".venv-ref" / "bin" / "python"


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio (the SDK's async client is asyncio-based)."""
    return "asyncio"


@pytest.fixture
def clock() -> FakeClock:
    """A clock that never really sleeps."""
    return FakeClock()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No TRADEPOSE_* variable leaks into a test, and no logging set-up (TRADEPOSE_LOG) leaks out of one."""
    for key in list(os.environ):
        if key.startswith("TRADEPOSE_"):
            monkeypatch.delenv(key)
    sdk_logger = logging.getLogger("tradepose")
    level, handlers = sdk_logger.level, list(sdk_logger.handlers)
    yield
    sdk_logger.setLevel(level)
    sdk_logger.handlers[:] = handlers


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


@pytest.fixture
def reference_python() -> Path:
    """The public tradepose-client's interpreter (.venv-ref); missing, the test skips, or fails under CI=true."""
    if not REFERENCE_PYTHON.exists():
        reason = f"{REFERENCE_PYTHON} is missing: `pyenv install 3.13`, then `make reference-client`"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (the reference-client checks are required under CI=true)")
        pytest.skip(reason)
    return REFERENCE_PYTHON
