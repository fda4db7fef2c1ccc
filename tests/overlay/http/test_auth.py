"""TradePoseAuth: the credential headers, added per request, never shown."""

from __future__ import annotations

import httpx

from tradepose._http._auth import TradePoseAuth


def _headers(auth: TradePoseAuth) -> httpx.Headers:
    request = httpx.Request("GET", "http://gw.test/x")
    return next(auth.sync_auth_flow(request)).headers


def test_api_key_goes_in_x_api_key() -> None:
    """An API key is sent raw in X-API-Key, with no Authorization header."""
    headers = _headers(TradePoseAuth(api_key="tp_test_1"))
    assert headers["X-API-Key"] == "tp_test_1"
    assert "Authorization" not in headers


def test_jwt_goes_in_bearer_authorization() -> None:
    """A JWT is sent as `Authorization: Bearer <jwt>`."""
    headers = _headers(TradePoseAuth(jwt_token="a.b.c"))
    assert headers["Authorization"] == "Bearer a.b.c"
    assert "X-API-Key" not in headers


def test_both_credentials_are_sent() -> None:
    """With both configured, both headers go out (so JWT-only endpoints keep working)."""
    headers = _headers(TradePoseAuth(api_key="k", jwt_token="a.b.c"))
    assert (headers["X-API-Key"], headers["Authorization"]) == ("k", "Bearer a.b.c")


def test_repr_hides_the_secret() -> None:
    """repr() shows the kind of credential only."""
    assert repr(TradePoseAuth(api_key="tp_live_secret")) == "TradePoseAuth(api_key)"
