"""The local gateway's ASGI application: one route per path of openapi.json, dispatched by method.

Order of work for an `/api/` request: injected faults (latency, 5xx, 429 bursts) → credential
(401/403) → the plan's requests-per-minute (429 + `Retry-After`) → validation against the
spec (422) → the operation's handler. Responses that carry a body may then be cut short by the
drop and truncate faults.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Final

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp

from tradepose.testing._auth import AuthFailure
from tradepose.testing._handlers import HANDLERS, Ctx, error_response, json_response
from tradepose.testing._middleware import GatewayMiddleware
from tradepose.testing._runtime import GatewayRuntime
from tradepose.testing._spec import Operation, RequestInvalid, Spec
from tradepose.testing._state import ApiError, now

__all__ = ["build_app"]


_ALL_METHODS: Final = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
_PARAM: Final = re.compile(r"\{([^}]+)\}")


# Path segments that carry user-chosen names: a percent-encoded `/` in them must reach the handler.
_NAME_PARAMS: Final = frozenset({"name", "strategy"})


@dataclass(frozen=True, slots=True)
class _Shape:
    """The operations (one per method) of one path item of the spec."""

    route_path: str
    operations: dict[str, Operation]

    def allowed(self) -> list[str]:
        """Methods to advertise in `Allow` for this URL."""
        methods = list(self.operations)
        if "GET" in methods:
            methods.insert(methods.index("GET") + 1, "HEAD")
        return methods


def _shapes(spec: Spec) -> list[_Shape]:
    grouped: dict[str, dict[str, Operation]] = {}
    for op in spec.operations:
        grouped.setdefault(op.path, {})[op.method] = op
    return [
        _Shape(_PARAM.sub(lambda m: "{" + m.group(1) + (":path}" if m.group(1) in _NAME_PARAMS else "}"), path), ops)
        for path, ops in grouped.items()
    ]


def _endpoint(runtime: GatewayRuntime, shape: _Shape) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        op = shape.operations.get(method)
        if op is None:
            return error_response(405, "Method Not Allowed", {"Allow": ", ".join(shape.allowed())})
        try:
            return await _handle(runtime, op, request, dict(request.path_params))
        except ApiError as error:
            return error_response(error.status, error.detail, error.headers)

    return endpoint


async def _handle(runtime: GatewayRuntime, op: Operation, request: Request, path_params: dict[str, str]) -> Response:
    if not op.public:
        who = runtime.auth.check(request.headers, op.jwt_only)
        if isinstance(who, AuthFailure):
            return error_response(who.status, who.detail)
        clock = time.monotonic()
        with runtime.state.lock:
            wait = runtime.state.rate_limiter.check(who, clock)
            if wait is None:
                runtime.state.count_request(clock)
                key = runtime.state.keys.get(who)
                if key is not None:
                    key["last_used"] = now()
        if wait is not None:
            detail = f"Rate limit exceeded: {runtime.state.requests_per_minute} requests per minute"
            return error_response(429, detail, {"Retry-After": str(wait)})
    body = await request.body()
    try:
        params, payload = runtime.spec.validate(op, path_params, request.query_params, body)
    except RequestInvalid as invalid:
        return json_response({"detail": invalid.errors}, 422)
    return await HANDLERS[op.operation_id](Ctx(params, payload, runtime))


def build_app(runtime: GatewayRuntime) -> ASGIApp:
    """The gateway's ASGI app for `runtime`: spec routes, `/openapi.json`, faults and stats."""
    for op in runtime.spec.operations:
        if op.operation_id not in HANDLERS:
            raise RuntimeError(f"no handler for operation {op.operation_id}")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Named, so a test can tell the gateway's worker threads from the client's (whose are `asyncio_N`).
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(thread_name_prefix="LocalGateway-worker"))
        yield
        await runtime.shutdown()

    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None, redirect_slashes=False, lifespan=lifespan)

    async def openapi(request: Request) -> Response:
        return Response(runtime.spec.raw, media_type="application/json")

    app.router.routes.append(Route("/openapi.json", openapi, methods=["GET"]))
    for shape in _shapes(runtime.spec):
        # Every method reaches the endpoint, which answers 405 with an `Allow` of its own.
        app.router.routes.append(Route(shape.route_path, _endpoint(runtime, shape), methods=_ALL_METHODS))
    return GatewayMiddleware(app, runtime)
