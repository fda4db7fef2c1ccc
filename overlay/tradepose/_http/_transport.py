"""Retries live in one transport that serves both `httpx.Client` and `httpx.AsyncClient`.

The generated client passes the same `httpx_args` to both of its httpx clients, so this one object is
mounted in each; it wraps a sync and an async inner transport and asks `_retry` what to do. Bodies of
ordinary (non-download) responses are read here, so a connection dropped mid-body is retried like any
other failure (for a POST it counts as "maybe sent" and is not). Responses it
retries are closed before the next attempt, so no connection leaks. `retries_taken` is stored in the
response's and the request's `extensions` so results and errors can report it.

Like `httpx.Client`, the transport is built from settings (`TransportSettings`): `proxy=`, else the
environment's `HTTP_PROXY`/`HTTPS_PROXY`/`ALL_PROXY` unless `NO_PROXY` exempts the host (`trust_env`; read
once per origin, as httpx reads it once per client),
`verify=` (with `SSL_CERT_FILE`/`SSL_CERT_DIR`), `cert=` and `limits=`. httpx ignores environment
proxies once a transport is passed, so the routing lives here: one inner transport per proxy (or none),
each created once under a lock, and every one of them behind the same retries and credential stripping.
A prepared `httpx.Client`/`httpx.AsyncClient` (`http_client=`) can serve as the inner transport instead.
The async pools are httpx's own or aiohttp's (`TransportSettings.http_backend`, see `_aiohttp.py`, imported
only when the first such pool is built); the sync ones are always httpx's.
"""

from __future__ import annotations

import logging
import random
import ssl
import threading
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

import httpx

from .. import _constants as C
from .._clock import SYSTEM_CLOCK, Clock
from ._body import DeadlineExceeded, bounded_timeouts, deadline_error, decoded_response, read_body, read_body_async
from ._config import HttpBackend
from ._retry import Failure, RetryPolicy, parse_retry_after, retry_delay, should_retry

__all__ = [
    "CREDENTIAL_HEADERS",
    "DEADLINE_EXTENSION",
    "MAX_RETRIES_EXTENSION",
    "RETRIES_TAKEN_EXTENSION",
    "STREAM_EXTENSION",
    "ClientTransport",
    "RetryTransport",
    "TransportSettings",
    "classify_failure",
    "environment_proxy",
    "same_origin",
]

PoolT = TypeVar("PoolT", httpx.BaseTransport, httpx.AsyncBaseTransport)

logger = logging.getLogger("tradepose")

RETRIES_TAKEN_EXTENSION = "tradepose.retries_taken"
# Set on downloads, whose bodies are streamed to disk by the caller (and re-fetched there if cut short).
STREAM_EXTENSION = "tradepose.stream"
# Per-request override of `RetryPolicy.max_retries` (health checks send 0).
MAX_RETRIES_EXTENSION = "tradepose.max_retries"
# Per-request override of the whole-request deadline in seconds (downloads and polls set it).
DEADLINE_EXTENSION = "tradepose.deadline"

# Credential headers `TradePoseAuth` sets. httpx re-sends custom headers such as X-API-Key on a redirect to
# another host (it only drops Authorization), so the transport removes both from any request leaving for a
# different origin than the configured server.
CREDENTIAL_HEADERS = ("x-api-key", "authorization")


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    port = url.port or {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, port


def same_origin(url: httpx.URL, server: httpx.URL) -> bool:
    """Whether a request to `url` may carry credentials meant for `server` (an http→https upgrade may)."""
    if _origin(url) == _origin(server):
        return True
    return server.scheme == "http" and url.scheme == "https" and url.host == server.host and url.port in (None, 443)


_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_MAYBE_SENT = (httpx.ReadError, httpx.ReadTimeout, httpx.WriteError, httpx.WriteTimeout, httpx.RemoteProtocolError)


def classify_failure(exc: httpx.TransportError) -> Failure | None:
    """Whether the server may have seen the request; None for errors no retry can fix."""
    if isinstance(exc, _NOT_SENT):
        return Failure.NOT_SENT
    if isinstance(exc, _MAYBE_SENT):
        return Failure.MAYBE_SENT
    return None


ProxyLike = str | httpx.URL | httpx.Proxy
VerifyLike = ssl.SSLContext | str | bool
CertLike = str | tuple[str, str] | tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class TransportSettings:
    """How to reach the server, with httpx's meaning and defaults (`trust_env=True` reads the environment)."""

    proxy: ProxyLike | None = None
    verify: VerifyLike = True
    cert: CertLike | None = None
    limits: httpx.Limits = field(default_factory=httpx.Limits)
    trust_env: bool = True
    # The async pools' library; the clients set it from `ClientConfig.http_backend` (default aiohttp).
    http_backend: HttpBackend = "httpx"


def _bypassed(url: httpx.URL, no_proxy: str) -> bool:
    """`NO_PROXY` as curl reads it: `*`, or host names matching exactly or as a domain suffix (`:port` optional)."""
    host = url.host.lower()
    for raw in no_proxy.split(","):
        entry = raw.strip().lower()
        if entry == "*":
            return True
        name, _, port = entry.partition(":") if entry.count(":") == 1 else (entry, "", "")
        name = name.lstrip(".")
        if not name or (port and port != str(url.port or {"http": 80, "https": 443}.get(url.scheme))):
            continue
        if host == name or host.endswith("." + name):
            return True
    return False


def environment_proxy(url: httpx.URL) -> str | None:
    """The proxy the environment names for `url` (`<scheme>_proxy`, else `all_proxy`), None if `no_proxy` exempts it."""
    proxies = urllib.request.getproxies_environment()
    if _bypassed(url, proxies.get("no", "")):
        return None
    chosen = proxies.get(url.scheme) or proxies.get("all")
    if not chosen:
        return None
    return chosen if "://" in chosen else f"http://{chosen}"


def _proxy_key(settings: TransportSettings, url: httpx.URL) -> ProxyLike | None:
    if settings.proxy is not None:
        return settings.proxy
    return environment_proxy(url) if settings.trust_env else None


class ClientTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Sends through a caller's prepared httpx client (its proxies, TLS and pools); the caller closes it."""

    def __init__(self, client: httpx.Client | httpx.AsyncClient) -> None:
        self.client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(self.client, httpx.Client):
            raise TypeError("http_client= must be an httpx.Client for TradePoseClient")
        response = self.client.send(request, stream=True, follow_redirects=False)
        return httpx.Response(response.status_code, headers=response.headers, stream=response.stream,
                              extensions=response.extensions, request=request)  # fmt: skip

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(self.client, httpx.AsyncClient):
            raise TypeError("http_client= must be an httpx.AsyncClient for AsyncTradePoseClient and BatchTester")
        response = await self.client.send(request, stream=True, follow_redirects=False)
        return httpx.Response(response.status_code, headers=response.headers, stream=response.stream,
                              extensions=response.extensions, request=request)  # fmt: skip


def _aiohttp_pool(*, verify: VerifyLike, cert: CertLike | None, trust_env: bool, limits: httpx.Limits,
                  proxy: ProxyLike | None) -> httpx.AsyncBaseTransport:  # fmt: skip
    """An aiohttp pool with httpx's settings (aiohttp is imported here, on first use, not with the client)."""
    from ._aiohttp import AiohttpTransport

    route = httpx.Proxy(proxy) if isinstance(proxy, str | httpx.URL) else proxy
    return AiohttpTransport(verify=verify, cert=cert, trust_env=trust_env, limits=limits, proxy=route)


def _buffer_body(request: httpx.Request, response: httpx.Response) -> bool:
    """Whether to read the body here: not for downloads, nor for bodies already in memory."""
    return not request.extensions.get(STREAM_EXTENSION) and not response.is_stream_consumed


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Retries connection failures and 408/429/5xx with backoff, within `RetryPolicy` limits."""

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        *,
        async_transport: httpx.AsyncBaseTransport | None = None,
        policy: RetryPolicy | None = None,
        clock: Clock = SYSTEM_CLOCK,
        rand: Callable[[], float] = random.random,
        settings: TransportSettings | None = None,
    ) -> None:
        if async_transport is None and isinstance(transport, httpx.AsyncBaseTransport):
            async_transport = transport  # e.g. httpx.MockTransport serves both
        self._sync = transport
        self._async = async_transport
        self.settings = settings or TransportSettings()
        # Inner transports built from `settings`, one per proxy (None: direct), created under the lock.
        self._sync_pools: dict[str | None, httpx.BaseTransport] = {}
        self._async_pools: dict[str | None, httpx.AsyncBaseTransport] = {}
        self._lock = threading.Lock()
        self._routes: dict[tuple[str, str, int | None], tuple[ProxyLike | None, str | None]] = {}
        self.policy = policy or RetryPolicy()
        self._clock = clock
        self._rand = rand
        self.credential_origin: httpx.URL | None = None  # set by the client: the configured server URL
        self.deadline = C.DEFAULT_REQUEST_DEADLINE  # seconds for a whole request, retries included
        self.max_json_body_bytes = C.MAX_JSON_BODY_BYTES

    @property
    def pool_count(self) -> int:
        """How many inner transports (connection pools) this transport has built so far."""
        with self._lock:
            return len(self._sync_pools) + len(self._async_pools)

    def _pool(self, pools: dict[str | None, PoolT], request: httpx.Request, make: Callable[..., PoolT]) -> PoolT:
        """The inner pool for `request`'s route (direct or one per proxy), built once under the lock."""
        url = request.url
        origin = (url.scheme, url.host, url.port)
        # The environment is read once per origin (httpx reads it once per client): scanning it costs ~90 µs,
        # a third of an aiohttp request.
        route = self._routes.get(origin)
        if route is None:
            proxy = _proxy_key(self.settings, url)
            key = str(proxy.url if isinstance(proxy, httpx.Proxy) else proxy) if proxy is not None else None
            route = self._routes[origin] = (proxy, key)
        proxy, key = route
        with self._lock:
            pool = pools.get(key)
            if pool is None:
                s = self.settings
                pool = make(verify=s.verify, cert=s.cert, trust_env=s.trust_env, limits=s.limits, proxy=proxy)
                pools[key] = pool
            return pool

    def _sync_for(self, request: httpx.Request) -> httpx.BaseTransport:
        if self._sync is not None:
            return self._sync
        return self._pool(self._sync_pools, request, httpx.HTTPTransport)

    def _async_for(self, request: httpx.Request) -> httpx.AsyncBaseTransport:
        if self._async is not None:
            return self._async
        return self._pool(self._async_pools, request, _aiohttp_pool if self.settings.http_backend == "aiohttp"
                          else httpx.AsyncHTTPTransport)  # fmt: skip

    def _drop_foreign_credentials(self, request: httpx.Request) -> None:
        server = self.credential_origin
        if server is not None and not same_origin(request.url, server):
            for name in CREDENTIAL_HEADERS:
                if name in request.headers:
                    del request.headers[name]
                    logger.warning("not sending %s to %s: it is not the configured server", name, request.url.host)

    def _policy(self, request: httpx.Request) -> RetryPolicy:
        override = request.extensions.get(MAX_RETRIES_EXTENSION)
        return replace(self.policy, max_retries=int(override)) if override is not None else self.policy

    def _deadline(self, request: httpx.Request) -> tuple[float, float]:
        """The request's deadline: (seconds allowed, the monotonic time they run out)."""
        seconds = float(request.extensions.get(DEADLINE_EXTENSION, self.deadline))
        return seconds, self._clock.monotonic() + seconds

    def _start_attempt(self, request: httpx.Request, seconds: float, deadline_at: float) -> None:
        remaining = deadline_at - self._clock.monotonic()
        if remaining <= 0:
            raise deadline_error(request, seconds)
        bounded_timeouts(request, remaining)

    def _failed(self, request: httpx.Request, exc: httpx.TransportError, seconds: float, deadline_at: float,
                delay: float | None) -> float | None:  # fmt: skip
        """The wait before retrying after `exc`, None to re-raise it; raises the deadline error once it passed."""
        if isinstance(exc, DeadlineExceeded):
            return None
        if self._clock.monotonic() >= deadline_at:  # a read cut short by `bounded_timeouts`
            raise deadline_error(request, seconds) from exc
        return delay

    def _next_delay(self, request: httpx.Request, policy: RetryPolicy, attempt: int, started: float,
                    *, response: httpx.Response | None = None,
                    failure: Failure | None = None) -> float | None:  # fmt: skip
        """Seconds to wait before the next attempt, or None to stop here."""
        headers = response.headers if response is not None else None
        status = response.status_code if response is not None else None
        if not should_retry(method=request.method, attempt=attempt, max_retries=policy.max_retries,
                            status_code=status, failure=failure, headers=headers):  # fmt: skip
            return None
        retry_after = parse_retry_after(headers, now=self._clock.time()) if headers is not None else None
        if retry_after is not None and retry_after > policy.max_retry_after:
            return None  # the caller gets RateLimitError(retry_after=...) instead of a long block
        delay = retry_delay(attempt, retry_after=retry_after, policy=policy, rand=self._rand)
        if self._clock.monotonic() - started + delay > policy.budget:
            return None
        seconds = float(request.extensions.get(DEADLINE_EXTENSION, self.deadline))
        if self._clock.monotonic() - started + delay >= seconds:
            return None  # the next attempt could not finish before the deadline
        logger.info(
            "retrying %s %s in %.2fs (attempt %d of %d): %s",
            request.method, request.url.path, delay, attempt + 1, policy.max_retries,
            status if status is not None else failure.value if failure else "?",
        )  # fmt: skip
        return delay

    @staticmethod
    def _done(request: httpx.Request, attempt: int, response: httpx.Response | None = None) -> None:
        request.extensions[RETRIES_TAKEN_EXTENSION] = attempt
        if response is not None:
            response.extensions[RETRIES_TAKEN_EXTENSION] = attempt
            logger.debug("%s %s -> %d (%d retries)", request.method, request.url, response.status_code, attempt)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._drop_foreign_credentials(request)
        inner = self._sync_for(request)
        policy = self._policy(request)
        started = self._clock.monotonic()
        seconds, deadline_at = self._deadline(request)
        attempt = 0
        while True:
            self._start_attempt(request, seconds, deadline_at)
            try:
                response = inner.handle_request(request)
                if _buffer_body(request, response):
                    try:
                        raw = read_body(request, response, self._clock, deadline_at, seconds, self.max_json_body_bytes)
                    finally:
                        response.close()
                    response = decoded_response(request, response, raw, self.max_json_body_bytes)
            except httpx.TransportError as exc:
                failure = classify_failure(exc)
                delay = (
                    None if failure is None else self._next_delay(request, policy, attempt, started, failure=failure)
                )
                delay = self._failed(request, exc, seconds, deadline_at, delay)
                if delay is None:
                    self._done(request, attempt)
                    raise
                self._clock.sleep(delay)
                attempt += 1
                continue
            delay = self._next_delay(request, policy, attempt, started, response=response)
            if delay is None:
                self._done(request, attempt, response)
                return response
            response.close()
            self._clock.sleep(delay)
            attempt += 1

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._drop_foreign_credentials(request)
        inner = self._async_for(request)
        policy = self._policy(request)
        started = self._clock.monotonic()
        seconds, deadline_at = self._deadline(request)
        attempt = 0
        while True:
            self._start_attempt(request, seconds, deadline_at)
            try:
                response = await inner.handle_async_request(request)
                if _buffer_body(request, response):
                    try:
                        raw = await read_body_async(
                            request, response, self._clock, deadline_at, seconds, self.max_json_body_bytes
                        )
                    finally:
                        await response.aclose()
                    response = decoded_response(request, response, raw, self.max_json_body_bytes)
            except httpx.TransportError as exc:
                failure = classify_failure(exc)
                delay = (
                    None if failure is None else self._next_delay(request, policy, attempt, started, failure=failure)
                )
                delay = self._failed(request, exc, seconds, deadline_at, delay)
                if delay is None:
                    self._done(request, attempt)
                    raise
                await self._clock.asleep(delay)
                attempt += 1
                continue
            delay = self._next_delay(request, policy, attempt, started, response=response)
            if delay is None:
                self._done(request, attempt, response)
                return response
            await response.aclose()
            await self._clock.asleep(delay)
            attempt += 1

    def close(self) -> None:
        if self._sync is not None:
            self._sync.close()
        with self._lock:
            pools, self._sync_pools = list(self._sync_pools.values()), {}
        for pool in pools:
            pool.close()

    async def aclose(self) -> None:
        if self._async is not None:
            await self._async.aclose()
        with self._lock:
            pools, self._async_pools = list(self._async_pools.values()), {}
        for pool in pools:
            await pool.aclose()
