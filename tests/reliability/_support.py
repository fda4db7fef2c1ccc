"""Helpers shared by the reliability tests: the batch under test, a request-recording transport, frame checks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import httpx

from tests.overlay.batch._batch_support import strategy
from tradepose import BatchResults, Period

STRATEGIES = [strategy("alpha"), strategy("beta", instrument="ETHUSDT"), strategy("gamma", freq="4h")]
MONTHS = [Period.from_month(2023, month) for month in range(1, 13)]


@dataclass(frozen=True, slots=True)
class Attempt:
    """One HTTP attempt as it left the SDK's retry layer."""

    request: httpx.Request
    method: str
    path: str


class RecordingTransport(httpx.AsyncBaseTransport):
    """A real connection pool of `backend`, recording every attempt; a retry re-sends the same `httpx.Request`."""

    def __init__(self, backend: str = "httpx") -> None:
        from tradepose._http._aiohttp import AiohttpTransport

        self.inner: httpx.AsyncBaseTransport = (
            AiohttpTransport() if backend == "aiohttp" else httpx.AsyncHTTPTransport()
        )
        self.attempts: list[Attempt] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts.append(Attempt(request, request.method, request.url.path))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()

    def attempts_per_request(self) -> Counter[int]:
        """How many times each logical request (by object identity) was sent."""
        return Counter(id(a.request) for a in self.attempts)

    def requests_per_path(self, method: str) -> Counter[str]:
        """Logical requests (not attempts) per path for one method."""
        seen: dict[int, str] = {}
        for a in self.attempts:
            if a.method == method:
                seen[id(a.request)] = a.path
        return Counter(seen.values())


def frames(batch: BatchResults) -> dict[str, tuple[Any, Any]]:
    """Every period's (trades, performance) frames by period key."""
    return {r.key: (r.trades, r.performance) for r in batch}
