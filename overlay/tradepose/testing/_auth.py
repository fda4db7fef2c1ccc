"""Credentials of the local gateway: API keys (`X-API-Key`) and HS256 JWTs (`Authorization: Bearer`).

One user owns everything. The API key wins when both headers are sent, like the public client;
operations the spec declares JWT-only (`POST /api/v1/keys`) answer 403 to an API key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

__all__ = ["AuthFailure", "Authenticator", "make_jwt"]

USER_ID: Final = "3f0c2a1e-5b7d-4e8f-9a6b-1c2d3e4f5a6b"
CLERK_USER_ID: Final = "user_local_gateway"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_jwt(secret: bytes, subject: str = CLERK_USER_ID) -> str:
    """An HS256 JWT for `subject` signed with `secret`."""
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = _b64(json.dumps({"sub": subject, "iss": "tradepose-local"}, separators=(",", ":")).encode())
    signature = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


@dataclass(frozen=True, slots=True)
class AuthFailure:
    """Why a request was refused: 401 (no or bad credential) or 403 (wrong kind)."""

    status: int
    detail: str


class Authenticator:
    """Checks credentials; `api_keys` maps live key strings to key ids (revoked keys are removed)."""

    def __init__(self, api_key: str | None = None, jwt_secret: bytes | None = None) -> None:
        self.api_key = api_key or f"tp_test_{secrets.token_urlsafe(24)}"
        self._secret = jwt_secret or secrets.token_bytes(32)
        self.jwt = make_jwt(self._secret)
        self.api_keys: dict[str, str] = {}

    def new_key(self) -> str:
        """A fresh API key string."""
        return f"tp_test_{secrets.token_urlsafe(24)}"

    def _jwt_valid(self, token: str) -> bool:
        parts = token.split(".")
        if len(parts) != 3:
            return False
        expected = hmac.new(self._secret, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
        return hmac.compare_digest(_b64(expected), parts[2])

    def check(self, headers: Mapping[str, str], jwt_only: bool) -> str | AuthFailure:
        """The key id (or `"jwt"`) that authenticated the request, or why it was refused."""
        api_key = headers.get("x-api-key")
        authorization = headers.get("authorization", "")
        scheme, _, token = authorization.strip().partition(" ")
        bearer = token.strip() if scheme.lower() == "bearer" and token.strip() else None
        if jwt_only:
            if bearer is not None:
                return "jwt" if self._jwt_valid(bearer) else AuthFailure(401, "Invalid or expired token")
            if api_key is not None and api_key in self.api_keys:
                return AuthFailure(
                    403,
                    "This operation requires JWT authentication (Authorization: Bearer <token>); "
                    "an API key cannot create API keys",
                )
            return AuthFailure(401, "Not authenticated" if api_key is None else "Invalid API key")
        if api_key is not None:
            key_id = self.api_keys.get(api_key)
            return key_id if key_id is not None else AuthFailure(401, "Invalid API key")
        if bearer is not None:
            return "jwt" if self._jwt_valid(bearer) else AuthFailure(401, "Invalid or expired token")
        return AuthFailure(401, "Not authenticated")
