"""Fixtures for the reliability tests."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest

from tests.overlay._overlay_support import FakeClock


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
