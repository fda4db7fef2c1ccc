"""Fixtures for the overlay tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.overlay._overlay_support import Both


@pytest.fixture(params=["sync", "async"])
def both(request: pytest.FixtureRequest) -> Both:
    """Parametrises a test over TradePoseClient and AsyncTradePoseClient."""
    return Both(request.param)
