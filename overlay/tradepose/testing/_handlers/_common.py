"""What every handler module shares: the handler's input (`Ctx`), its responses, and registration.

A handler gets validated parameters and body (`Ctx`) and returns a response; it raises
`ApiError` for `{"detail": …}` answers (404, 409, 403).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Final

from starlette.responses import Response

from tradepose.testing._runtime import GatewayRuntime

__all__ = ["PARQUET", "Ctx", "Handler", "error_response", "json_response", "operations"]

PARQUET: Final = "application/vnd.apache.parquet"


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def json_response(payload: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """A JSON response (ASCII-escaped, so any input string round-trips)."""
    body = json.dumps(payload, default=_default, allow_nan=False)
    return Response(body, status_code=status, headers=dict(headers or {}), media_type="application/json")


def error_response(status: int, detail: str, headers: Mapping[str, str] | None = None) -> Response:
    """A `{"detail": …}` error response."""
    return json_response({"detail": detail}, status, headers)


@dataclass(slots=True)
class Ctx:
    """What a handler gets: validated params and body, and the runtime."""

    params: dict[str, Any]
    body: Any
    runtime: GatewayRuntime


Handler = Callable[[Ctx], Awaitable[Response]]


def operations(*handlers: Handler) -> dict[str, Handler]:
    """`handlers` keyed by operationId, which is each handler's function name."""
    return {handler.__name__: handler for handler in handlers}
