"""TradePose SDK: the hand-written overlay over the generated `tradepose_api` client.

Start with `TradePoseClient` (or `AsyncTradePoseClient`); every error it raises is a `TradePoseError`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Names resolve on first access (PEP 562): `import tradepose` loads none of httpx, polars, the generated
# client, nor importlib.metadata (for `__version__`). Type checkers and editors read this block.
if TYPE_CHECKING:
    from ._authoring._builder import BlueprintBuilder, IndicatorRef, StrategyBuilder
    from ._authoring._period import Period, PeriodError
    from ._authoring._strategies import load_strategies
    from ._authoring._validation import StrategyError
    from ._batch._period_result import PeriodResult, ResultView
    from ._batch._results import BatchResults
    from ._batch._tester import BatchTester
    from ._client._async_client import AsyncTradePoseClient
    from ._client._operations import APIResponse
    from ._client._runner import BacktestResult
    from ._client._sync_client import TradePoseClient
    from ._errors import (
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BatchError,
        BatchFailedError,
        BatchTimeoutError,
        ConfigError,
        ConflictError,
        FieldError,
        InternalServerError,
        JournalError,
        MissingExtraError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ResponseDecodeError,
        ResultIntegrityError,
        ResultSchemaError,
        ResultWriteError,
        TaskCancelledError,
        TaskError,
        TaskFailedError,
        TaskTimeoutError,
        TradePoseError,
        UnprocessableEntityError,
    )
    from ._http._config import ClientConfig
    from ._version import __version__

# Public name -> the private module that defines it (the same pairs as the block above).
_LAZY: dict[str, str] = {
    "BlueprintBuilder": "._authoring._builder",
    "IndicatorRef": "._authoring._builder",
    "StrategyBuilder": "._authoring._builder",
    "Period": "._authoring._period",
    "PeriodError": "._authoring._period",
    "load_strategies": "._authoring._strategies",
    "StrategyError": "._authoring._validation",
    "JournalError": "._errors",
    "MissingExtraError": "._errors",
    "BatchResults": "._batch._results",
    "PeriodResult": "._batch._period_result",
    "ResultView": "._batch._period_result",
    "BatchTester": "._batch._tester",
    "AsyncTradePoseClient": "._client._async_client",
    "APIResponse": "._client._operations",
    "BacktestResult": "._client._runner",
    "TradePoseClient": "._client._sync_client",
    "APIConnectionError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AuthenticationError": "._errors",
    "BatchError": "._errors",
    "BatchFailedError": "._errors",
    "BatchTimeoutError": "._errors",
    "ConfigError": "._errors",
    "ConflictError": "._errors",
    "FieldError": "._errors",
    "InternalServerError": "._errors",
    "NotFoundError": "._errors",
    "PermissionDeniedError": "._errors",
    "RateLimitError": "._errors",
    "ResponseDecodeError": "._errors",
    "ResultIntegrityError": "._errors",
    "ResultSchemaError": "._errors",
    "ResultWriteError": "._errors",
    "TaskCancelledError": "._errors",
    "TaskError": "._errors",
    "TaskFailedError": "._errors",
    "TaskTimeoutError": "._errors",
    "TradePoseError": "._errors",
    "UnprocessableEntityError": "._errors",
    "ClientConfig": "._http._config",
    "__version__": "._version",
}

__all__ = [
    "APIConnectionError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "AsyncTradePoseClient",
    "AuthenticationError",
    "BacktestResult",
    "BatchError",
    "BatchFailedError",
    "BatchResults",
    "BatchTester",
    "BatchTimeoutError",
    "BlueprintBuilder",
    "ClientConfig",
    "ConfigError",
    "ConflictError",
    "FieldError",
    "IndicatorRef",
    "InternalServerError",
    "JournalError",
    "MissingExtraError",
    "NotFoundError",
    "Period",
    "PeriodError",
    "PeriodResult",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ResultIntegrityError",
    "ResultSchemaError",
    "ResultView",
    "ResultWriteError",
    "StrategyBuilder",
    "StrategyError",
    "TaskCancelledError",
    "TaskError",
    "TaskFailedError",
    "TaskTimeoutError",
    "TradePoseClient",
    "TradePoseError",
    "UnprocessableEntityError",
    "__version__",
    "load_strategies",
]


# Outside TYPE_CHECKING so that mypy still reports a misspelt `tradepose.<name>`.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """Import a public name's module on first access and keep the name in the package namespace."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        """The public names as well as those already loaded, as for an eager package."""
        return sorted(set(globals()) | set(__all__))
