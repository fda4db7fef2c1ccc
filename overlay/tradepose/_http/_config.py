"""Configuration, resolved in one place: arguments, else the environment, else `.env`, else defaults.

`ClientConfig.resolve(...)` is what both clients (and a later BatchTester) call. Every `TRADEPOSE_*`
variable it reads is used. Credentials never appear in `repr()` or in error messages.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar, get_args

from .. import _constants as C
from .._errors import ConfigError, register_secret

__all__ = ["DEFAULT_HTTP_BACKEND", "ClientConfig", "HttpBackend", "read_env_file"]

_N = TypeVar("_N", int, float)

# How the async client and BatchTester reach the server (`TradePoseClient` always uses httpx's own pool):
# aiohttp's pool under httpx (`_aiohttp.py`; a fraction of the CPU per request, bench case 7), or httpx's.
HttpBackend = Literal["aiohttp", "httpx"]
HTTP_BACKENDS: tuple[HttpBackend, ...] = get_args(HttpBackend)
DEFAULT_HTTP_BACKEND: HttpBackend = "aiohttp"


def read_env_file(path: str | os.PathLike[str]) -> dict[str, str]:
    """Parse a `.env` file (`KEY=VALUE`, optional `export `, `#` comments, optional quotes)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"cannot read env file {os.fspath(path)!r}: {exc.strerror}") from None
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        out[key.strip()] = value
    return out


def _number(name: str, raw: str | int | float, kind: type[_N], bounds: tuple[_N, _N]) -> _N:
    try:
        value = kind(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"{name}={raw!r} is not a valid {kind.__name__}") from None
    lo, hi = bounds
    if not lo <= value <= hi:
        raise ConfigError(f"{name}={value} is out of range: use a value between {lo} and {hi}")
    return value


def _http_backend(raw: object) -> HttpBackend:
    value = raw.strip().lower() if isinstance(raw, str) else raw
    for backend in HTTP_BACKENDS:
        if value == backend:
            return backend
    choices = " or ".join(repr(b) for b in HTTP_BACKENDS)
    raise ConfigError(f"http_backend={raw!r} (TRADEPOSE_HTTP_BACKEND) is not a known backend: use {choices}")


def _server_url(raw: str) -> str:
    url = raw.strip()
    authority = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if "@" in authority:
        # Never echo it: the part before '@' is usually a password.
        raise ConfigError(
            "the server URL contains a user name or password ('user:pass@host'): remove it; "
            "TradePose authenticates with api_key= or jwt_token=, sent as headers"
        )
    if any(not ch.isprintable() or ch.isspace() for ch in url):
        raise ConfigError("the server URL contains spaces or control characters: remove them")
    if not url.startswith(("http://", "https://")):
        hint = f"https://{url}" if url else C.DEFAULT_SERVER_URL
        raise ConfigError(f"server URL {raw!r} has no http:// or https:// scheme: use e.g. {hint!r}")
    if not authority:
        raise ConfigError(f"server URL {raw!r} has no host: use e.g. {C.DEFAULT_SERVER_URL!r}")
    host, colon, port = authority.rpartition(":") if not authority.endswith("]") else (authority, "", "")
    if colon and not host:
        raise ConfigError(f"server URL {raw!r} has no host: use e.g. {C.DEFAULT_SERVER_URL!r}")
    if colon and (not port.isascii() or not port.isdigit() or not 0 < int(port) < 65536):
        raise ConfigError(f"server URL {raw!r} has port {port!r}: use a number from 1 to 65535, or none")
    return url.rstrip("/")


def _control_free(raw: str, what: str) -> None:
    """Header values must be printable ASCII; say so without echoing the credential."""
    if not raw.isascii() or any(not ch.isprintable() for ch in raw):
        raise ConfigError(f"the {what} contains control or non-ASCII characters (a NUL byte?): use the bare value")


def _api_key(raw: object) -> str:
    if not isinstance(raw, str):
        raise ConfigError(f"the API key must be a string, got {type(raw).__name__}")
    if not raw:
        raise ConfigError("the API key is empty: pass api_key= or set TRADEPOSE_API_KEY")
    if any(ch.isspace() for ch in raw):
        # Usually a newline pasted along with the key; say where, never echo the key.
        raise ConfigError("the API key contains whitespace (a stray space or newline?): remove it")
    _control_free(raw, "API key")
    return raw


def _jwt(raw: object) -> str:
    if not isinstance(raw, str):
        raise ConfigError(f"the JWT must be a string, got {type(raw).__name__}")
    token = raw.strip()
    if token.lower().startswith("bearer "):
        raise ConfigError("the JWT starts with 'Bearer ': pass the token alone, the SDK adds the scheme")
    if not token or any(ch.isspace() for ch in token):
        raise ConfigError("the JWT is empty or contains whitespace: pass the bare token")
    _control_free(token, "JWT")
    return token


@dataclass(frozen=True, slots=True)
class ClientConfig:
    """Resolved, validated settings. Build it with `ClientConfig.resolve(...)`."""

    server_url: str = C.DEFAULT_SERVER_URL
    api_key: str | None = field(default=None, repr=False)
    jwt_token: str | None = field(default=None, repr=False)
    timeout: float = C.DEFAULT_TIMEOUT
    max_retries: int = C.DEFAULT_MAX_RETRIES
    poll_interval: float = C.DEFAULT_POLL_INTERVAL
    poll_timeout: float = C.DEFAULT_POLL_TIMEOUT
    log: str | None = None
    # Whole-request deadlines (connect + headers + body, retries included): JSON answers, then downloads.
    request_deadline: float = C.DEFAULT_REQUEST_DEADLINE
    download_deadline: float = C.DEFAULT_DOWNLOAD_DEADLINE
    http_backend: HttpBackend = DEFAULT_HTTP_BACKEND

    def __post_init__(self) -> None:
        register_secret(self.api_key)
        register_secret(self.jwt_token)

    def __repr__(self) -> str:
        creds = [n for n, v in (("api_key", self.api_key), ("jwt_token", self.jwt_token)) if v]
        return (
            f"ClientConfig(server_url={self.server_url!r}, credentials={'+'.join(creds) or 'none'}, "
            f"timeout={self.timeout}, max_retries={self.max_retries}, poll_interval={self.poll_interval}, "
            f"poll_timeout={self.poll_timeout})"
        )

    @classmethod
    def resolve(
        cls,
        *,
        api_key: str | None = None,
        jwt_token: str | None = None,
        server_url: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        poll_interval: float | None = None,
        poll_timeout: float | None = None,
        request_deadline: float | None = None,
        download_deadline: float | None = None,
        http_backend: str | None = None,
        env: Mapping[str, str] | None = None,
        env_file: str | os.PathLike[str] | None = ".env",
        require_credential: bool = True,
    ) -> ClientConfig:
        """Resolve each setting from its argument, else `env` (default `os.environ`), else `env_file`.

        Variables: TRADEPOSE_API_KEY, TRADEPOSE_JWT_TOKEN, TRADEPOSE_SERVER_URL, TRADEPOSE_TIMEOUT,
        TRADEPOSE_MAX_RETRIES, TRADEPOSE_POLL_INTERVAL, TRADEPOSE_POLL_TIMEOUT, TRADEPOSE_REQUEST_DEADLINE,
        TRADEPOSE_DOWNLOAD_DEADLINE, TRADEPOSE_HTTP_BACKEND (`aiohttp`, the default, or `httpx`) and
        TRADEPOSE_LOG (`debug` logs every request). Raises ConfigError naming the setting and how to fix it.
        """
        environ = os.environ if env is None else env
        file_values = read_env_file(env_file) if env_file is not None else {}

        def pick(arg: object, name: str) -> str | None:
            if arg is not None:
                return str(arg)
            key = C.ENV_PREFIX + name
            return environ.get(key, file_values.get(key))

        key_raw = api_key if api_key is not None else pick(None, "API_KEY")
        jwt_raw = jwt_token if jwt_token is not None else pick(None, "JWT_TOKEN")
        resolved_key = _api_key(key_raw) if key_raw is not None else None
        resolved_jwt = _jwt(jwt_raw) if jwt_raw is not None else None
        register_secret(resolved_key)
        register_secret(resolved_jwt)
        if require_credential and resolved_key is None and resolved_jwt is None:
            raise ConfigError(
                "no credential: pass api_key= or jwt_token=, or set TRADEPOSE_API_KEY or TRADEPOSE_JWT_TOKEN "
                "(in the environment or a .env file)"
            )

        def num(arg: _N | None, name: str, kind: type[_N], default: _N, bounds: tuple[_N, _N]) -> _N:
            raw = pick(arg, name)
            return default if raw is None or raw == "" else _number(C.ENV_PREFIX + name, raw, kind, bounds)

        log = pick(None, "LOG")
        # An argument is always checked; an empty variable means the default, as for the numbers.
        backend: object = http_backend if http_backend is not None else pick(None, "HTTP_BACKEND") or None
        return cls(
            server_url=_server_url(pick(server_url, "SERVER_URL") or C.DEFAULT_SERVER_URL),
            api_key=resolved_key,
            jwt_token=resolved_jwt,
            timeout=num(timeout, "TIMEOUT", float, C.DEFAULT_TIMEOUT, C.TIMEOUT_RANGE),
            max_retries=num(max_retries, "MAX_RETRIES", int, C.DEFAULT_MAX_RETRIES, C.MAX_RETRIES_RANGE),
            poll_interval=num(poll_interval, "POLL_INTERVAL", float, C.DEFAULT_POLL_INTERVAL, C.POLL_INTERVAL_RANGE),
            poll_timeout=num(poll_timeout, "POLL_TIMEOUT", float, C.DEFAULT_POLL_TIMEOUT, C.POLL_TIMEOUT_RANGE),
            log=log.strip().lower() if log else None,
            request_deadline=num(request_deadline, "REQUEST_DEADLINE", float, C.DEFAULT_REQUEST_DEADLINE,
                                 C.REQUEST_DEADLINE_RANGE),
            download_deadline=num(download_deadline, "DOWNLOAD_DEADLINE", float, C.DEFAULT_DOWNLOAD_DEADLINE,
                                  C.REQUEST_DEADLINE_RANGE),
            http_backend=_http_backend(backend) if backend is not None else DEFAULT_HTTP_BACKEND,
        )  # fmt: skip
