"""The installed distribution's version, read once (never hard-coded: see gateway-api.md §8.1 #10)."""

from __future__ import annotations

import importlib.metadata

__all__ = ["__version__"]

try:
    __version__ = importlib.metadata.version("tradepose-sdk")
except importlib.metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
