"""The one send function behind every generated resource: auth, retries, typed errors, decoding.

The generated `tradepose_api.api.<tag>` resources (`TasksResource`, `AsyncTasksResource`, ...) build each
request with the operation module's `_get_kwargs(...)` and hand it here with a typed parser for the 2xx
body. `send` / `send_async` put it on our httpx client (whose transport retries and whose auth adds the
credentials), turn a non-2xx into a typed error from the raw response, and parse a 2xx, wrapping any decode
failure. An endpoint added by `make generate` is therefore typed as `client.<tag>.<operation_id>(...)` with
no change here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import httpx
from tradepose_api.api import APIResponse
from tradepose_api.errors import UnexpectedStatus

from .._clock import Clock
from .._errors import (
    APIConnectionError,
    APITimeoutError,
    ResponseDecodeError,
    status_error_from_response,
)
from .._http._retry import parse_retry_after
from .._http._transport import DEADLINE_EXTENSION, MAX_RETRIES_EXTENSION, RETRIES_TAKEN_EXTENSION, STREAM_EXTENSION

__all__ = [
    "APIResponse",
    "build_request",
    "connection_error",
    "decode",
    "raise_for_status",
    "retries_taken",
    "send",
    "send_async",
]

T = TypeVar("T")


def retries_taken(request: httpx.Request) -> int:
    """How many retries the transport made for `request`."""
    return int(request.extensions.get(RETRIES_TAKEN_EXTENSION, 0))


def build_request(
    http: httpx.Client | httpx.AsyncClient,
    kwargs: Mapping[str, Any],
    *,
    timeout: float | None = None,
    max_retries: int | None = None,
    headers: Mapping[str, str] | None = None,
    stream: bool = False,
    deadline: float | None = None,
) -> httpx.Request:
    """Turn a generated `_get_kwargs(...)` dict into an `httpx.Request` on our client.

    `stream=True` marks a download whose body the caller streams (the transport leaves it unread);
    `deadline` overrides the whole-request deadline (seconds).
    """
    kw = dict(kwargs)
    method, url = kw.pop("method"), kw.pop("url")
    if headers:
        kw["headers"] = {**kw.get("headers", {}), **headers}
    extensions: dict[str, object] = {STREAM_EXTENSION: True} if stream else {}
    if max_retries is not None:
        extensions[MAX_RETRIES_EXTENSION] = max_retries
    if deadline is not None:
        extensions[DEADLINE_EXTENSION] = deadline
    return http.build_request(
        method,
        url,
        timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
        extensions=extensions,
        **kw,
    )


def connection_error(exc: httpx.RequestError, request: httpx.Request) -> APIConnectionError:
    """Map an httpx failure with no response to our tree (the message names no credential)."""
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    reason = str(exc) or type(exc).__name__
    return cls(f"{request.method} {request.url}: {reason}", request=request, retries_taken=retries_taken(request))


def raise_for_status(response: httpx.Response, clock: Clock) -> None:
    """Raise the typed error for a non-2xx response (its body must have been read)."""
    if response.is_success:
        return
    raise status_error_from_response(
        response,
        retries_taken=retries_taken(response.request),
        retry_after=parse_retry_after(response.headers, now=clock.time()),
    )


def decode(parse: Callable[[httpx.Response], T], response: httpx.Response) -> T:
    """Parse a 2xx body with the generated parser; any failure becomes ResponseDecodeError."""
    try:
        return parse(response)
    except UnexpectedStatus:
        raise ResponseDecodeError(
            f"{response.request.method} {response.request.url.path} returned undocumented status "
            f"{response.status_code}",
            response=response,
            retries_taken=retries_taken(response.request),
        ) from None
    except Exception as exc:  # the generated parsers raise KeyError/ValueError/TypeError on bad bodies
        raise ResponseDecodeError(
            f"{response.request.method} {response.request.url.path} returned {response.status_code} with a body "
            f"that does not match the API schema: {type(exc).__name__}: {exc}",
            response=response,
            retries_taken=retries_taken(response.request),
        ) from exc


def _api_response(parsed: T, response: httpx.Response) -> APIResponse[T]:
    return APIResponse(
        parsed=parsed,
        status_code=response.status_code,
        headers=response.headers,
        request_id=response.headers.get("x-request-id"),
        retries_taken=retries_taken(response.request),
        http_response=response,
    )


def send(
    http: httpx.Client, clock: Clock, kwargs: Mapping[str, Any], parse: Callable[[httpx.Response], T]
) -> APIResponse[T]:
    """Send one generated operation's request: the parsed 2xx body with its HTTP facts, or a typed error."""
    request = build_request(http, kwargs)
    try:
        response = http.send(request)
    except httpx.RequestError as exc:
        raise connection_error(exc, request) from exc
    raise_for_status(response, clock)
    return _api_response(decode(parse, response), response)


async def send_async(
    http: httpx.AsyncClient, clock: Clock, kwargs: Mapping[str, Any], parse: Callable[[httpx.Response], T]
) -> APIResponse[T]:
    """The async `send`."""
    request = build_request(http, kwargs)
    try:
        response = await http.send(request)
    except httpx.RequestError as exc:
        raise connection_error(exc, request) from exc
    raise_for_status(response, clock)
    return _api_response(decode(parse, response), response)
