"""Every generated operation, reached generically: no per-endpoint code.

`discover_operations()` walks `tradepose_api.api` (one subpackage per OpenAPI tag, one module per
operation). A call builds the request with the module's `_get_kwargs(...)`, sends it through our httpx
client (auth, retries), turns a non-2xx into a typed error from the raw response, and parses a 2xx with the
module's `_parse_response`, wrapping any decode failure. An endpoint added by `make generate` is therefore
reachable as `client.<tag>.<operation_id>(...)` with no change here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Generic, TypeVar

import httpx

from .._clock import Clock
from .._errors import (
    APIConnectionError,
    APITimeoutError,
    ResponseDecodeError,
    status_error_from_response,
)
from .._http._retry import parse_retry_after
from .._http._transport import MAX_RETRIES_EXTENSION, RETRIES_TAKEN_EXTENSION, STREAM_EXTENSION

__all__ = [
    "APIResponse",
    "AsyncOperation",
    "AsyncOperationGroup",
    "Operation",
    "OperationGroup",
    "build_request",
    "decode",
    "discover_operations",
    "raise_for_status",
    "retries_taken",
]

T = TypeVar("T")

API_PACKAGE = "tradepose_api.api"


def discover_operations(package: str = API_PACKAGE) -> dict[str, dict[str, ModuleType]]:
    """Map tag -> operation name -> generated module, for every module with `_get_kwargs`/`_parse_response`."""
    root = importlib.import_module(package)
    found: dict[str, dict[str, ModuleType]] = {}
    for tag in pkgutil.iter_modules(root.__path__):
        if not tag.ispkg:
            continue
        tag_pkg = importlib.import_module(f"{package}.{tag.name}")
        for op in pkgutil.iter_modules(tag_pkg.__path__):
            module = importlib.import_module(f"{package}.{tag.name}.{op.name}")
            if hasattr(module, "_get_kwargs") and hasattr(module, "_parse_response"):
                found.setdefault(tag.name, {})[op.name] = module
    return found


@dataclass(frozen=True, slots=True)
class APIResponse(Generic[T]):
    """A parsed result together with the HTTP facts around it."""

    parsed: T
    status_code: int
    headers: httpx.Headers
    request_id: str | None
    retries_taken: int
    http_response: httpx.Response


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
) -> httpx.Request:
    """Turn a generated `_get_kwargs(...)` dict into an `httpx.Request` on our client.

    `stream=True` marks a download whose body the caller streams (the transport leaves it unread).
    """
    kw = dict(kwargs)
    method, url = kw.pop("method"), kw.pop("url")
    if headers:
        kw["headers"] = {**kw.get("headers", {}), **headers}
    extensions: dict[str, object] = {STREAM_EXTENSION: True} if stream else {}
    if max_retries is not None:
        extensions[MAX_RETRIES_EXTENSION] = max_retries
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


def decode(module: ModuleType, api: Any, response: httpx.Response) -> Any:
    """Parse a 2xx body with the generated module; any failure becomes ResponseDecodeError."""
    try:
        parsed = module._parse_response(client=api, response=response)
    except Exception as exc:  # the generated parsers raise KeyError/ValueError/TypeError on bad bodies
        raise ResponseDecodeError(
            f"{response.request.method} {response.request.url.path} returned {response.status_code} with a body "
            f"that does not match the API schema: {type(exc).__name__}: {exc}",
            response=response,
            retries_taken=retries_taken(response.request),
        ) from exc
    if parsed is None and response.status_code != 204:
        raise ResponseDecodeError(
            f"{response.request.method} {response.request.url.path} returned undocumented status "
            f"{response.status_code}",
            response=response,
            retries_taken=retries_taken(response.request),
        )
    return parsed


def _coerce_body(module: ModuleType, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Let users pass a request body as a wire-format dict as well as the generated model."""
    body = kwargs.get("body")
    if not isinstance(body, Mapping):
        return kwargs
    annotation = inspect.signature(module._get_kwargs).parameters["body"].annotation
    from_dict = getattr(annotation, "from_dict", None)
    if from_dict is None:
        return kwargs
    try:
        return {**kwargs, "body": from_dict(dict(body))}
    except (KeyError, ValueError, TypeError) as exc:
        raise ValueError(f"body is not a valid {annotation.__name__}: {type(exc).__name__}: {exc}") from None


def _response(parsed: Any, response: httpx.Response) -> APIResponse[Any]:
    return APIResponse(
        parsed=parsed,
        status_code=response.status_code,
        headers=response.headers,
        request_id=response.headers.get("x-request-id"),
        retries_taken=retries_taken(response.request),
        http_response=response,
    )


class Operation:
    """One generated operation, bound to a sync client: call it for the parsed model."""

    def __init__(self, module: ModuleType, api: Any, clock: Clock) -> None:
        self._module, self._api, self._clock = module, api, clock
        self.__doc__ = getattr(module, "sync_detailed", module._get_kwargs).__doc__

    def __repr__(self) -> str:
        return f"<operation {self._module.__name__.rsplit('.', 1)[-1]}>"

    def with_response(self, *args: Any, **kwargs: Any) -> APIResponse[Any]:
        """Like calling the operation, but also returns status, headers, request id and retries taken."""
        http: httpx.Client = self._api.get_httpx_client()
        request = build_request(http, self._module._get_kwargs(*args, **_coerce_body(self._module, kwargs)))
        try:
            response = http.send(request)
        except httpx.RequestError as exc:
            raise connection_error(exc, request) from exc
        raise_for_status(response, self._clock)
        return _response(decode(self._module, self._api, response), response)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.with_response(*args, **kwargs).parsed


class AsyncOperation:
    """One generated operation, bound to an async client: await it for the parsed model."""

    def __init__(self, module: ModuleType, api: Any, clock: Clock) -> None:
        self._module, self._api, self._clock = module, api, clock
        self.__doc__ = getattr(module, "asyncio_detailed", module._get_kwargs).__doc__

    def __repr__(self) -> str:
        return f"<async operation {self._module.__name__.rsplit('.', 1)[-1]}>"

    async def with_response(self, *args: Any, **kwargs: Any) -> APIResponse[Any]:
        """Like awaiting the operation, but also returns status, headers, request id and retries taken."""
        http: httpx.AsyncClient = self._api.get_async_httpx_client()
        request = build_request(http, self._module._get_kwargs(*args, **_coerce_body(self._module, kwargs)))
        try:
            response = await http.send(request)
        except httpx.RequestError as exc:
            raise connection_error(exc, request) from exc
        raise_for_status(response, self._clock)
        return _response(decode(self._module, self._api, response), response)

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return (await self.with_response(*args, **kwargs)).parsed


class _GroupBase:
    def __init__(self, tag: str, modules: Mapping[str, ModuleType], api: Any, clock: Clock) -> None:
        self._tag, self._modules, self._api, self._clock = tag, modules, api, clock

    def __dir__(self) -> list[str]:
        return sorted(self._modules)

    def __repr__(self) -> str:
        return f"<{self._tag}: {', '.join(sorted(self._modules))}>"

    def _module(self, name: str) -> ModuleType:
        try:
            return self._modules[name]
        except KeyError:
            raise AttributeError(
                f"the {self._tag!r} API has no operation {name!r}; it has {sorted(self._modules)}"
            ) from None


class OperationGroup(_GroupBase):
    """The operations of one OpenAPI tag, e.g. `client.tasks`."""

    def __getattr__(self, name: str) -> Operation:
        if name.startswith("_"):
            raise AttributeError(name)
        return Operation(self._module(name), self._api, self._clock)


class AsyncOperationGroup(_GroupBase):
    """The operations of one OpenAPI tag on the async client."""

    def __getattr__(self, name: str) -> AsyncOperation:
        if name.startswith("_"):
            raise AttributeError(name)
        return AsyncOperation(self._module(name), self._api, self._clock)
