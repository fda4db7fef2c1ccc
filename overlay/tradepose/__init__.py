"""TradePose SDK: the hand-written overlay over the generated `tradepose_api` client.

Start with `TradePoseClient` (or `AsyncTradePoseClient`); every error it raises is a `TradePoseError`.
"""

from ._async_client import AsyncTradePoseClient
from ._client import TradePoseClient
from ._config import ClientConfig
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConfigError,
    ConflictError,
    FieldError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ResultSchemaError,
    TaskCancelledError,
    TaskError,
    TaskFailedError,
    TaskTimeoutError,
    TradePoseError,
    UnprocessableEntityError,
)
from ._operations import APIResponse
from ._runner import BacktestResult
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "AsyncTradePoseClient",
    "AuthenticationError",
    "BacktestResult",
    "ClientConfig",
    "ConfigError",
    "ConflictError",
    "FieldError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ResultSchemaError",
    "TaskCancelledError",
    "TaskError",
    "TaskFailedError",
    "TaskTimeoutError",
    "TradePoseClient",
    "TradePoseError",
    "UnprocessableEntityError",
    "__version__",
]
