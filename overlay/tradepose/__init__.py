"""TradePose SDK: the hand-written overlay over the generated `tradepose_api` client.

Start with `TradePoseClient` (or `AsyncTradePoseClient`); every error it raises is a `TradePoseError`.
"""

from ._authoring._builder import BlueprintBuilder, IndicatorRef, StrategyBuilder
from ._authoring._period import Period, PeriodError
from ._authoring._strategies import load_strategies
from ._authoring._validation import StrategyError
from ._batch._results import BatchResults, PeriodResult, ResultView
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
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
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
    "NotFoundError",
    "Period",
    "PeriodError",
    "PeriodResult",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
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
