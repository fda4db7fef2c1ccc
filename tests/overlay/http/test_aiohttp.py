"""The aiohttp backend: failures mapped for retry safety, deadlines, TLS, proxies, one pool, clean close."""

from __future__ import annotations

import asyncio
import base64
import shutil
import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import pytest

from tests.overlay._overlay_support import FakeClock, strategy_dict
from tests.overlay.http._proxy_support import ForwardProxy
from tradepose import APIConnectionError, APITimeoutError, AsyncTradePoseClient, BatchTester, ConfigError
from tradepose._http._aiohttp import AiohttpTransport, map_error
from tradepose._http._config import ClientConfig
from tradepose._http._retry import Failure
from tradepose._http._transport import RetryTransport, classify_failure

pytestmark = pytest.mark.anyio

KEY = "tp_test_aiohttpkey1"
TASK = "6f1c2a3e-0000-4000-8000-000000000001"
_REQUEST = httpx.Request("GET", "http://gw.test/x")


@pytest.mark.parametrize(
    ("error", "mapped", "failure"),
    [
        (aiohttp.ConnectionTimeoutError("connect"), httpx.ConnectTimeout, Failure.NOT_SENT),
        (aiohttp.SocketTimeoutError("read"), httpx.ReadTimeout, Failure.MAYBE_SENT),
        (TimeoutError(), httpx.ReadTimeout, Failure.MAYBE_SENT),
        (aiohttp.ServerDisconnectedError(), httpx.RemoteProtocolError, Failure.MAYBE_SENT),
        (aiohttp.ClientPayloadError("cut short"), httpx.RemoteProtocolError, Failure.MAYBE_SENT),
        (aiohttp.ClientOSError(104, "reset"), httpx.ReadError, Failure.MAYBE_SENT),
        (aiohttp.NonHttpUrlClientError("ftp://x"), httpx.UnsupportedProtocol, None),
    ],
)
def test_aiohttp_errors_map_to_what_httpx_raises(error: BaseException, mapped: type, failure: Failure | None) -> None:
    """Each aiohttp failure becomes httpx's exception for the same case; only no-connection counts as not sent."""
    exc = map_error(error, _REQUEST)
    assert type(exc) is mapped
    assert classify_failure(exc) is failure


def test_connector_errors_are_not_sent() -> None:
    """A refused connection (aiohttp's ClientConnectorError) is a ConnectError: the request never left."""
    from aiohttp.client_reqrep import ConnectionKey

    key = ConnectionKey("127.0.0.1", 9, False, True, None, None, None, None)
    exc = map_error(aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "refused")), _REQUEST)
    assert type(exc) is httpx.ConnectError
    assert classify_failure(exc) is Failure.NOT_SENT


class Scripted:
    """A raw HTTP/1.1 server on 127.0.0.1: `answer(conn, n)` handles the n-th request; bounded, stopped on exit."""

    def __init__(self, answer: Callable[[socket.socket, int], None], *, tls: ssl.SSLContext | None = None) -> None:
        self.answer, self.tls, self.requests = answer, tls, 0
        self.head = b""
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self._sock.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set() and self.requests < 50:
            try:
                conn, _ = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            conn.settimeout(5)
            try:
                if self.tls is not None:
                    conn = self.tls.wrap_socket(conn, server_side=True)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        raise ConnectionError
                    data += chunk
                self.requests += 1
                self.head = data  # the request head and whatever of the body came with it
                self.answer(conn, self.requests)
            except (OSError, ConnectionError, ssl.SSLError):
                pass
            finally:
                conn.close()

    def __enter__(self) -> Scripted:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(10)
        self._sock.close()


def _hang_up(conn: socket.socket, n: int) -> None:
    """Read the request, answer nothing."""


def _client(url: str, **kwargs: Any) -> AsyncTradePoseClient:
    kwargs.setdefault("clock", FakeClock())
    kwargs.setdefault("max_retries", 2)
    kwargs.setdefault("api_key", KEY)
    return AsyncTradePoseClient(server_url=url, env_file=None, **kwargs)


async def test_a_post_the_server_hung_up_on_is_not_sent_again() -> None:
    """The server reads the export POST and hangs up: one attempt, APIConnectionError (it may have been seen)."""
    body = {"export_type": 0, "strategy_configs": [strategy_dict("x")], "start_date": "2024-01-01T00:00:00",
            "end_date": "2024-01-31T23:59:59"}  # fmt: skip
    with Scripted(_hang_up) as server:
        async with _client(server.url) as client:
            with pytest.raises(APIConnectionError) as caught:
                await client.export.create_export(body=body)
    assert server.requests == 1
    assert caught.value.retries_taken == 0
    assert not isinstance(caught.value, APITimeoutError)


async def test_a_get_the_server_hung_up_on_is_retried() -> None:
    """The same hang-up on a GET is retried up to max_retries, then raised as APIConnectionError."""
    with Scripted(_hang_up) as server:
        async with _client(server.url) as client:
            with pytest.raises(APIConnectionError) as caught:
                await client.tasks.get_task_status(task_id=TASK)
    assert server.requests == 3
    assert caught.value.retries_taken == 2


async def test_a_body_cut_short_is_retried_then_typed() -> None:
    """A JSON answer shorter than its Content-Length is a connection failure, retried (GET), never parsed."""

    def short(conn: socket.socket, n: int) -> None:
        conn.sendall(b'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"status"')

    with Scripted(short) as server:
        async with _client(server.url) as client:
            with pytest.raises(APIConnectionError):
                await client.tasks.get_task_status(task_id=TASK)
    assert server.requests == 3


async def test_a_dripping_body_ends_at_the_request_deadline() -> None:
    """Headers, then a byte every 0.2 s: the 1 s whole-request deadline ends it as APITimeoutError."""
    stop = threading.Event()

    def drip(conn: socket.socket, n: int) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n")
        for _ in range(100):
            if stop.wait(0.2):
                return
            conn.sendall(b" ")

    with Scripted(drip) as server:
        config = ClientConfig.resolve(api_key=KEY, server_url=server.url, env_file=None, env={},
                                      request_deadline=1.0, max_retries=0)  # fmt: skip
        async with AsyncTradePoseClient(config=config) as client:
            with pytest.raises(APITimeoutError, match="request deadline"):
                await client.tasks.get_task_status(task_id=TASK)
        stop.set()
    assert server.requests == 1


async def test_a_streamed_request_body_is_sent_chunked() -> None:
    """An httpx request with a streamed body reaches the server whole, framed by aiohttp (chunked)."""
    received: list[bytes] = []
    servers: list[Scripted] = []

    def echo(conn: socket.socket, n: int) -> None:
        data = servers[0].head
        while not data.endswith(b"0\r\n\r\n"):
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
        received.append(data)
        _ok(conn, n)

    async def body() -> Any:
        for part in (b"first,", b"second"):
            yield part

    with Scripted(echo) as server:
        servers.append(server)
        async with httpx.AsyncClient(transport=RetryTransport(async_transport=AiohttpTransport())) as http:
            response = await http.post(f"{server.url}/upload", content=body())
    assert response.status_code == 200
    head, _, sent = received[0].partition(b"\r\n\r\n")
    assert b"transfer-encoding: chunked" in head.lower()
    assert sent == b"6\r\nfirst,\r\n6\r\nsecond\r\n0\r\n\r\n"


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key (openssl on PATH)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-days", "2", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)  # fmt: skip
    return cert, key


def _ok(conn: socket.socket, n: int) -> None:
    conn.sendall(b'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 15\r\n\r\n{"status":"ok"}')


@pytest.fixture
def tls_server(tls_files: tuple[Path, Path]) -> Iterator[Scripted]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*tls_files)
    with Scripted(_ok, tls=context) as server:
        yield server


@pytest.mark.parametrize("backend", ["aiohttp", "httpx"])
async def test_tls_verify_means_what_it_means_to_httpx(backend: str, tls_server: Scripted,
                                                       tls_files: tuple[Path, Path]) -> None:  # fmt: skip
    """A self-signed server: refused by default, accepted with verify=<a context trusting it> or verify=False."""
    async with _client(tls_server.url, http_backend=backend, max_retries=0) as client:
        assert not await client.health_check()
    for verify in (ssl.create_default_context(cafile=str(tls_files[0])), False):
        async with _client(tls_server.url, http_backend=backend, verify=verify) as client:
            assert await client.health_check()


async def test_the_default_aiohttp_pool_verifies_certificates() -> None:
    """The aiohttp pool's TLS context requires a certificate and checks the host name."""
    context = AiohttpTransport().ssl_context
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True


@pytest.mark.parametrize("backend", ["aiohttp", "httpx"])
async def test_async_client_through_environment_and_explicit_proxies(
    backend: str, local_gateway: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTTP_PROXY and proxy= both carry the async client to a host only the proxy resolves, 503s retried."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "no_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    hidden = f"http://tradepose-gw.invalid:{local_gateway.port}"
    with ForwardProxy(fail_first=1) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        async with _client(hidden, http_backend=backend, api_key=local_gateway.api_key) as client:
            status = await client.strategies.with_response.list_strategies()
            assert status.retries_taken == 1
        monkeypatch.delenv("HTTP_PROXY")
        async with _client(
            hidden, http_backend=backend, api_key=local_gateway.api_key, proxy=proxy.url.replace("://", "://user:pw@")
        ) as client:
            assert await client.health_check()
    assert proxy.failed == 1
    assert len(proxy.urls) == 3 and all(u.startswith("http://tradepose-gw.invalid:") for u in proxy.urls)
    assert proxy.proxy_auth == [None, None, "Basic " + base64.b64encode(b"user:pw").decode()]


async def test_a_socks_proxy_on_the_aiohttp_backend_says_what_to_do() -> None:
    """aiohttp speaks to HTTP proxies only: a socks5:// proxy is an APIConnectionError naming the other backend."""
    async with _client("http://127.0.0.1:9", proxy="socks5://127.0.0.1:1080") as client:
        with pytest.raises(APIConnectionError, match="http_backend='httpx'"):
            await client.tasks.get_task_status(task_id=TASK)


async def test_one_pool_for_concurrent_first_calls_closed_with_the_client(local_gateway: Any) -> None:
    """16 concurrent first calls build one aiohttp pool; aclose() closes its session and drops the pool."""
    client = _client(local_gateway.url, clock=FakeClock())
    results = await asyncio.gather(*(client.health_check() for _ in range(16)))
    transport = client._http._transport  # type: ignore[attr-defined]
    assert isinstance(transport, RetryTransport)
    [pool] = transport._async_pools.values()
    assert isinstance(pool, AiohttpTransport)
    session = pool._session
    await client.aclose()
    assert results == [True] * 16
    assert transport.pool_count == 0
    assert session is not None and session.closed


async def test_a_prepared_http_client_wins_over_the_backend(local_gateway: Any) -> None:
    """http_client= sends through the caller's httpx client: no aiohttp pool is built."""
    async with httpx.AsyncClient() as prepared, _client(local_gateway.url, http_client=prepared) as client:
        assert await client.health_check()
        assert client._http._transport.pool_count == 0  # type: ignore[attr-defined]


def test_backend_from_argument_environment_and_default() -> None:
    """http_backend= beats TRADEPOSE_HTTP_BACKEND, which beats the default (aiohttp); case and spaces are forgiven."""
    resolve = ClientConfig.resolve
    assert resolve(api_key=KEY, env_file=None, env={}).http_backend == "aiohttp"
    assert resolve(api_key=KEY, env_file=None, env={"TRADEPOSE_HTTP_BACKEND": " HTTPX "}).http_backend == "httpx"
    assert resolve(api_key=KEY, env_file=None, env={"TRADEPOSE_HTTP_BACKEND": ""}).http_backend == "aiohttp"
    env = {"TRADEPOSE_HTTP_BACKEND": "httpx"}
    assert resolve(api_key=KEY, env_file=None, env=env, http_backend="aiohttp").http_backend == "aiohttp"


@pytest.mark.parametrize("value", ["requests", "", "aio http"])
def test_unknown_backend_is_a_config_error(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A backend that is not aiohttp or httpx is a ConfigError naming both, from the argument or the variable."""
    with pytest.raises(ConfigError, match="'aiohttp' or 'httpx'"):
        AsyncTradePoseClient(api_key=KEY, env_file=None, http_backend=value)  # type: ignore[arg-type]
    if value:
        monkeypatch.setenv("TRADEPOSE_HTTP_BACKEND", value)
        with pytest.raises(ConfigError, match="TRADEPOSE_HTTP_BACKEND"):
            BatchTester(api_key=KEY, env_file=None)


def test_backend_and_config_together_is_a_type_error() -> None:
    """http_backend= with config= is ambiguous, like every other setting."""
    config = ClientConfig.resolve(api_key=KEY, env_file=None, env={})
    with pytest.raises(TypeError, match="config="):
        AsyncTradePoseClient(config=config, http_backend="httpx")


@pytest.mark.parametrize("backend", ["aiohttp", "httpx"])
def test_batch_tester_passes_the_backend_to_its_client(backend: str) -> None:
    """BatchTester(http_backend=...) reaches the async client it drives on its loop."""
    with BatchTester(api_key=KEY, env_file=None, http_backend=backend) as tester:  # type: ignore[arg-type]
        assert tester.config.http_backend == backend
        transport = tester._async_client()._http._transport  # type: ignore[attr-defined]
        assert transport.settings.http_backend == backend


def test_aiohttp_is_imported_with_the_first_pool_only() -> None:
    """Importing and building the async client loads no aiohttp; its first request's pool does."""
    code = (
        "import sys, asyncio; from tradepose import AsyncTradePoseClient; "
        "c = AsyncTradePoseClient(api_key='tp_test_lazy1234', server_url='http://127.0.0.1:9', env_file=None, "
        "max_retries=0); print('aiohttp' in sys.modules); "
        "asyncio.run(c.health_check()); print('aiohttp' in sys.modules); asyncio.run(c.aclose())"
    )
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, timeout=60,
                          check=True)  # fmt: skip
    assert done.stdout.split() == ["False", "True"]
