"""Credentials as an `httpx.Auth`, applied per request, so they are never baked into a cached client."""

from __future__ import annotations

from collections.abc import Generator

import httpx

__all__ = ["TradePoseAuth"]


class TradePoseAuth(httpx.Auth):
    """Sends the API key as `X-API-Key` and the JWT as `Authorization: Bearer`, whichever are set.

    Both are sent when both are configured, so JWT-only endpoints (creating API keys) work from a client
    that also has a key (the public client dropped the JWT, gateway-api.md §8.1 #13).
    """

    def __init__(self, *, api_key: str | None = None, jwt_token: str | None = None) -> None:
        self._api_key = api_key
        self._jwt_token = jwt_token

    def __repr__(self) -> str:
        kinds = [n for n, v in (("api_key", self._api_key), ("jwt", self._jwt_token)) if v]
        return f"TradePoseAuth({'+'.join(kinds) or 'none'})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._api_key:
            request.headers["X-API-Key"] = self._api_key
        if self._jwt_token:
            request.headers["Authorization"] = f"Bearer {self._jwt_token}"
        yield request
