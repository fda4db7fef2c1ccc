"""The outermost ASGI layer of the local gateway: injected faults and request statistics."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fastapi import FastAPI
from starlette.routing import Match, Route
from starlette.types import Message, Receive, Scope, Send

from tradepose.testing._faults import FaultInjector
from tradepose.testing._handlers import PARQUET, error_response
from tradepose.testing._runtime import GatewayRuntime

__all__ = ["GatewayMiddleware"]


class GatewayMiddleware:
    """Outermost ASGI layer: injects faults into `/api/` requests and counts every answer."""

    def __init__(self, app: FastAPI, runtime: GatewayRuntime) -> None:
        self.app = app
        self.runtime = runtime
        self._routes = [route for route in app.router.routes if isinstance(route, Route)]

    def _template(self, scope: Scope) -> str:
        partial = "(unmatched)"
        for route in self._routes:
            match, _ = route.matches(scope)
            if match == Match.FULL:
                return route.path
            if match == Match.PARTIAL and partial == "(unmatched)":
                partial = route.path
        return partial

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        recorded = False

        def record(status: int) -> None:
            nonlocal recorded
            recorded = True
            template = self._template(scope)
            label = f"{scope['method']} {template.replace('{name:path}', '{name}')}"
            with self.runtime.state.lock:
                self.runtime.state.requests[(label, status)] += 1

        async def counted(message: Message) -> None:
            # Counted before the answer leaves: a client that has its answer finds it in `stats`.
            if message["type"] == "http.response.start" and not recorded:
                record(int(message["status"]))
            await send(message)

        try:
            if scope["path"].startswith("/api/"):
                await self._faulty(scope, receive, counted)
            else:
                await self.app(scope, receive, counted)
        finally:
            if not recorded:  # no answer started (a dropped connection): status 0
                record(0)

    async def _faulty(self, scope: Scope, receive: Receive, send: Send) -> None:
        faults = self.runtime.faults
        latency = faults.config.latency
        if latency > 0:
            await asyncio.sleep(latency)
        code = faults.server_error()
        if code is not None:
            await error_response(code, "Injected server error (LocalGateway fault injection)")(scope, receive, send)
            return
        if faults.rate_limited():
            headers = {"Retry-After": faults.retry_after_value(time.time())}
            response = error_response(429, "Too many requests (LocalGateway fault injection)", headers)
            await response(scope, receive, send)
            return
        if faults.drop_connection():
            await self.app(scope, receive, _dropping(send))
            return
        await self.app(scope, receive, _truncating(send, faults))


def _dropping(send: Send) -> Send:
    """A `send` that forwards the headers and half of the first body chunk, then nothing more.

    The app returns without completing the response, so the server closes the connection.
    """
    done = [False]

    async def wrapped(message: Message) -> None:
        if done[0]:
            return
        if message["type"] == "http.response.body":
            body: bytes = message.get("body", b"")
            done[0] = True
            await send({"type": "http.response.body", "body": body[: max(1, len(body) // 2)], "more_body": True})
            return
        await send(message)

    return wrapped


def _truncating(send: Send, faults: FaultInjector) -> Send:
    """A `send` that may cut a Parquet/ZIP body to its first half (with a matching Content-Length)."""
    state: dict[str, Any] = {"limit": None, "sent": 0, "finished": False}

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
            length = next((int(v) for k, v in headers if k.lower() == b"content-length"), None)
            is_file = content_type.startswith((PARQUET.encode(), b"application/zip"))
            if is_file and length and message["status"] == 200 and faults.truncate_body():
                state["limit"] = length // 2
                headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
                headers.append((b"content-length", str(length // 2).encode()))
                message = {**message, "headers": headers}
            await send(message)
            return
        limit = state["limit"]
        if limit is None or message["type"] != "http.response.body":
            await send(message)
            return
        if state["finished"]:
            return
        body: bytes = message.get("body", b"")
        room = limit - state["sent"]
        piece = body[:room]
        state["sent"] += len(piece)
        last = state["sent"] >= limit or not message.get("more_body", False)
        state["finished"] = last
        await send({"type": "http.response.body", "body": piece, "more_body": not last})

    return wrapped
