"""The local gateway's ASGI application: one route per path of openapi.json, dispatched by method.

Order of work for an `/api/` request: injected faults (latency, 5xx, 429 bursts) → credential
(401/403) → the plan's requests-per-minute (429 + `Retry-After`) → validation against the
spec (422) → the operation's handler. Responses that carry a body may then be cut short by the
drop and truncate faults.
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
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
_UUID: Final = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


@dataclass(frozen=True, slots=True)
class _Shape:
    """The operations sharing one URL shape, e.g. `GET /strategies/{strategy_id}` and
    `DELETE /strategies/{name}` (openapi.json declares both templates)."""

    route_path: str
    operations: dict[str, tuple[Operation, dict[str, str]]]

    @property
    def ambiguous(self) -> bool:
        """Whether two templates of the spec share this shape."""
        return len({op.path for op, _ in self.operations.values()}) > 1

    def applies(self, method: str, values: Mapping[str, str]) -> bool:
        """Whether `method`'s operation can apply to these path values.

        On an ambiguous shape, an operation that takes a UUID applies only to UUID-shaped values
        (`GET /strategies/{strategy_id}`); the others apply to anything (`DELETE /strategies/{name}`).
        """
        op, _ = self.operations[method]
        wants_uuid = any(p.schema.get("format") == "uuid" for p in op.parameters if p.location == "path")
        return not (self.ambiguous and wants_uuid) or all(_UUID.fullmatch(v) for v in values.values())

    def allowed(self, values: Mapping[str, str]) -> list[str]:
        """Methods to advertise in `Allow` for this URL.

        On an ambiguous shape a UUID-shaped value is taken as an id (only the UUID operations),
        anything else as a name (only the others).
        """
        uuid_shaped = all(_UUID.fullmatch(v) for v in values.values())
        methods = [
            method
            for method, (op, _) in self.operations.items()
            if not self.ambiguous
            or uuid_shaped == any(p.schema.get("format") == "uuid" for p in op.parameters if p.location == "path")
        ]
        if "GET" in methods:
            methods.insert(methods.index("GET") + 1, "HEAD")
        return methods


def _shapes(spec: Spec) -> list[_Shape]:
    grouped: dict[str, list[Operation]] = {}
    for op in spec.operations:
        grouped.setdefault(_PARAM.sub("{}", op.path), []).append(op)
    shapes = []
    for ops in grouped.values():
        first = ops[0].path
        route_path = _PARAM.sub(lambda m: "{" + m.group(1) + ":path}" if m.group(1) == "name" else m.group(0), first)
        if any(_PARAM.findall(op.path) != _PARAM.findall(first) for op in ops):
            route_path = first.replace("{strategy_id}", "{name:path}")
        route_names = [n.split(":")[0] for n in _PARAM.findall(route_path)]
        operations = {op.method: (op, dict(zip(route_names, _PARAM.findall(op.path), strict=True))) for op in ops}
        shapes.append(_Shape(route_path, operations))
    return shapes


def _endpoint(runtime: GatewayRuntime, shape: _Shape) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        found = shape.operations.get(method)
        if found is None:
            allow = ", ".join(shape.allowed(request.path_params))
            return error_response(405, "Method Not Allowed", {"Allow": allow})
        op, renames = found
        if not shape.applies(method, request.path_params):
            # GET /strategies/{x} with a non-UUID x: the spec's two templates overlap here, and
            # no strategy has such an id.
            return error_response(404, f"No resource at {request.url.path}")
        path_params = {renames[name]: value for name, value in request.path_params.items()}
        try:
            return await _handle(runtime, op, request, path_params)
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
