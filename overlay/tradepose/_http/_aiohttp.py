"""The aiohttp backend: httpx requests sent over one `aiohttp.ClientSession`, failures as httpx's own.

httpx's async connection pool costs ~1-3 ms of client CPU per request under concurrency; aiohttp's
costs a fraction of that (bench case 7). This transport sits where `httpx.AsyncHTTPTransport` would,
under `RetryTransport`, so retries, deadlines, credential stripping, body limits and the typed errors
stay exactly as they are: it takes an `httpx.Request` and returns an `httpx.Response`.

What it maps matters for retry safety. Each aiohttp failure becomes the httpx exception httpx's own
pool raises in the same situation, so `classify_failure` keeps its meaning: only a connection that was
never established (`ConnectError`, `ConnectTimeout`) counts as "not sent"; a server that hangs up
after the request went out is a `RemoteProtocolError` ("maybe sent", so a POST is not re-sent). (The
`httpx-aiohttp` package maps such a disconnect to `ConnectTimeout`, which would re-send a POST.)

The session is created on first use, on the running event loop, with no cookie jar (httpx keeps the
cookies), no environment lookups (`RetryTransport` routes proxies), no decompression (`_body` bounds
it) and TLS from `httpx.create_ssl_context`, so `verify=`, `cert=` and `SSL_CERT_FILE` mean what they
mean to httpx. Bodies are handed on as the socket delivers them (`iter_any`, ~64 KiB pieces, like httpx's
reads): httpx-aiohttp re-chunks them into 16 KiB pieces, which cost a 213 MB download ~25% more client
CPU (bench case 7). aiohttp's read buffer stays at its default: 64 KiB, 1 MiB and 4 MiB measured alike.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator

import aiohttp
import httpx
from yarl import URL

from ._transport import CertLike, VerifyLike

__all__ = ["AiohttpTransport", "map_error"]


def map_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """The httpx exception httpx's own pool raises where aiohttp raised `exc`."""
    cls: type[httpx.TransportError]
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        cls = httpx.ConnectTimeout
    elif isinstance(exc, TimeoutError):  # aiohttp.ServerTimeoutError (socket reads) and asyncio timeouts
        cls = httpx.ReadTimeout
    elif isinstance(exc, aiohttp.ClientHttpProxyError):
        cls = httpx.ProxyError  # the proxy answered, with a refusal
    elif isinstance(exc, aiohttp.ClientConnectorError):
        cls = httpx.ConnectError  # no connection (refused, DNS, TLS, an unreachable proxy): nothing was sent
    elif isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError | aiohttp.ClientResponseError):
        cls = httpx.RemoteProtocolError  # hung up, cut a body short, or answered garbage
    elif isinstance(exc, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError):
        cls = httpx.UnsupportedProtocol
    else:
        cls = httpx.ReadError  # connection reset and other OS errors once connected
    return cls(str(exc) or type(exc).__name__, request=request)


class _Body(httpx.AsyncByteStream):
    """An aiohttp response body as an httpx stream; closing it before the end drops the connection."""

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.content.iter_any():
                yield chunk
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise map_error(exc, self._request) from exc

    async def aclose(self) -> None:
        if self._response.content.at_eof():
            self._response.release()  # back to the pool
        else:
            self._response.close()  # unread bytes on the wire: the connection cannot be reused


def _timeout(request: httpx.Request) -> aiohttp.ClientTimeout:
    """httpx's per-request timeouts (already cut to the deadline by `RetryTransport`) in aiohttp's terms."""
    timeout = request.extensions.get("timeout", {})
    # aiohttp's `connect` covers waiting for a pooled connection plus connecting; it has no write timeout.
    return aiohttp.ClientTimeout(total=None, connect=timeout.get("pool"), sock_connect=timeout.get("connect"),
                                 sock_read=timeout.get("read"))  # fmt: skip


def _proxy_headers(proxy: httpx.Proxy) -> list[tuple[str, str]]:
    """The proxy's headers, with Basic credentials from its URL as httpx sends them (aiohttp's BasicAuth is deprecated)."""
    headers = list(proxy.headers.multi_items())
    if proxy.auth:
        token = base64.b64encode(f"{proxy.auth[0]}:{proxy.auth[1]}".encode()).decode("ascii")
        headers.append(("Proxy-Authorization", f"Basic {token}"))
    return headers


class AiohttpTransport(httpx.AsyncBaseTransport):
    """One aiohttp connection pool (direct, or through one HTTP proxy), with httpx's settings."""

    def __init__(
        self,
        *,
        verify: VerifyLike = True,
        cert: CertLike | None = None,
        trust_env: bool = True,
        limits: httpx.Limits | None = None,
        proxy: httpx.Proxy | None = None,
    ) -> None:
        if proxy is not None and proxy.url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(
                f"the aiohttp backend supports http:// and https:// proxies, not {proxy.url.scheme}://; "
                "use http_backend='httpx' for this proxy"
            )
        self.ssl_context = httpx.create_ssl_context(verify=verify, cert=cert, trust_env=trust_env)
        self._limits = limits or httpx.Limits()
        self._proxy = proxy
        self._session: aiohttp.ClientSession | None = None
        self._closed = False

    def _open(self) -> aiohttp.ClientSession:
        limits = self._limits
        connector = aiohttp.TCPConnector(
            ssl=self.ssl_context,
            limit=limits.max_connections or 0,  # None (no limit) is 0 to aiohttp
            limit_per_host=0,
            keepalive_timeout=limits.keepalive_expiry if limits.keepalive_expiry is not None else 15.0,
        )
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=False,
            trust_env=False,
        )
        # aiohttp re-sends an idempotent request once when the server hangs up; `RetryTransport` alone decides
        # retries (so `max_retries` counts every attempt, as with httpx's pool). A listed session attribute.
        session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._closed:  # a request still unwinding after aclose() must not open a pool nobody closes
            raise httpx.ConnectError("the connection pool is closed", request=request)
        if self._session is None or self._session.closed:
            self._session = self._open()
        data: bytes | httpx.AsyncByteStream | None
        try:
            data = request.content or None
        except httpx.RequestNotRead:  # a streamed request body: aiohttp frames it itself
            data = request.stream  # type: ignore[assignment]
            request.headers.pop("transfer-encoding", None)
        headers = list(request.headers.multi_items())
        proxy, proxy_headers = self._proxy, None
        if proxy is not None:
            proxy_headers = _proxy_headers(proxy)  # sent with the CONNECT of an https:// request
            if request.url.scheme == "http":  # forwarded as it is: the proxy reads them from the request
                headers += proxy_headers
        try:
            response = await self._session.request(
                request.method,
                URL(str(request.url), encoded=True),
                headers=headers,
                data=data,
                allow_redirects=False,
                timeout=_timeout(request),
                server_hostname=request.extensions.get("sni_hostname"),
                proxy=URL(str(proxy.url), encoded=True) if proxy is not None else None,
                proxy_headers=proxy_headers,
            )
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise map_error(exc, request) from exc
        extensions: dict[str, object] = {"http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
        return httpx.Response(response.status, headers=list(response.raw_headers), stream=_Body(response, request),
                              request=request, extensions=extensions)  # fmt: skip

    async def aclose(self) -> None:
        self._closed = True
        session, self._session = self._session, None
        if session is not None:
            await session.close()
