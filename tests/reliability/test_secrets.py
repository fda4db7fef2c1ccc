"""Secrets: a whole debug-logged batch, its errors, reprs, journal and saved dataset never contain the API key
or the JWT; TLS verification is on by default; a redirect to another host never carries a credential."""

from __future__ import annotations

import logging
import ssl
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.reliability._support import STRATEGIES
from tradepose import (
    AsyncTradePoseClient,
    AuthenticationError,
    BatchTester,
    ConfigError,
    NotFoundError,
    TradePoseClient,
    TradePoseError,
    UnprocessableEntityError,
)
from tradepose._http._transport import same_origin
from tradepose.testing import LocalGateway

pytestmark = pytest.mark.anyio


def _provoked_errors(gw: LocalGateway, wrong_key: str) -> list[TradePoseError]:
    """A 401 (wrong key), a 404 (unknown task) and a 422 (a request the gateway refuses)."""
    errors: list[TradePoseError] = []
    with TradePoseClient(api_key=wrong_key, server_url=gw.url, env_file=None, max_retries=0) as bad:
        with pytest.raises(AuthenticationError) as caught:
            bad.usage.get_current_usage()
        errors.append(caught.value)
    with TradePoseClient(api_key=gw.api_key, jwt_token=gw.jwt, server_url=gw.url, env_file=None) as client:
        with pytest.raises(NotFoundError) as missing:
            client.tasks.get_task_status(uuid.uuid4())
        errors.append(missing.value)
        with pytest.raises(UnprocessableEntityError) as refused:
            client.instruments.list_instruments(limit=-5)
        errors.append(refused.value)
    return errors


@pytest.mark.e2e
def test_no_credential_in_logs_reprs_errors_journal_or_dataset(
    gateway_factory: Callable[..., LocalGateway],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """With TRADEPOSE_LOG=debug and every logger at DEBUG, the key and JWT appear nowhere we write or show."""
    gw = gateway_factory()
    secrets = {"api key": gw.api_key, "jwt": gw.jwt, "wrong key": "tp_test_wrongkey0123456789"}
    monkeypatch.setenv("TRADEPOSE_LOG", "debug")
    caplog.set_level(logging.DEBUG)  # the root logger: httpx, httpcore, uvicorn, tradepose
    texts: list[str] = []
    with BatchTester(api_key=gw.api_key, jwt_token=gw.jwt, server_url=gw.url, env_file=None) as tester:
        batch = tester.submit(STRATEGIES, ["2024-01", "2024-02"], workdir=tmp_path / "work")
        batch.wait(timeout=60, progress=False)
        assert batch.status["completed"] == 2
        saved = batch.save(tmp_path / "out")
        texts += [repr(tester), repr(tester.config), str(tester.config), repr(batch), *(repr(r) for r in batch)]
        client = tester._async_client()
        texts += [repr(client), repr(client.config), repr(client._http.auth)]
    errors = _provoked_errors(gw, secrets["wrong key"])
    for error in errors:
        texts += [str(error), repr(error), repr(error.args), str(getattr(error, "body", ""))]
    for record in caplog.records:
        texts += [record.getMessage(), str(record.args), record.exc_text or ""]
    captured = capfd.readouterr()
    texts += [captured.out, captured.err]
    assert any("GET" in t for t in texts), "debug logging produced nothing to scan"
    files = [p for p in (tmp_path / "work").rglob("*") if p.is_file()] + [p for p in saved.rglob("*") if p.is_file()]
    assert any(p.name.startswith("journal.sqlite3") for p in files) and any(p.name == "manifest.json" for p in files)
    blobs = {str(p): p.read_bytes() for p in files}
    for label, secret in secrets.items():
        assert secret and len(secret) > 8
        leaks = [t for t in texts if secret in t]
        assert not leaks, f"the {label} leaked into: {leaks[:3]}"
        for path, blob in blobs.items():
            assert secret.encode() not in blob, f"the {label} leaked into {path}"


@pytest.mark.parametrize("mode", ["sync", "async-aiohttp", "async-httpx"])
async def test_tls_verification_is_on_by_default(mode: str) -> None:
    """The default transport of each backend verifies certificates and host names (nothing turns it off)."""
    kwargs: dict[str, Any] = {"api_key": "tp_test_abcdefgh", "server_url": "https://127.0.0.1:9", "env_file": None,
                              "max_retries": 0}  # fmt: skip
    if mode == "sync":
        with TradePoseClient(**kwargs) as client:
            assert not client.health_check()  # nothing listens; the call creates the default transport
            [inner] = client._http._transport._sync_pools.values()  # type: ignore[attr-defined]
    else:
        async with AsyncTradePoseClient(**kwargs, http_backend=mode.removeprefix("async-")) as aclient:  # type: ignore[arg-type]
            assert not await aclient.health_check()
            [inner] = aclient._http._transport._async_pools.values()  # type: ignore[attr-defined]
    context: ssl.SSLContext = inner.ssl_context if mode == "async-aiohttp" else inner._pool._ssl_context
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("status", [301, 302, 307, 308])
async def test_redirect_to_another_host_drops_the_credentials(mode: str, status: int) -> None:
    """A redirect from the gateway to another host reaches it without X-API-Key or Authorization."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "gw.test":
            return httpx.Response(status, headers={"Location": "http://elsewhere.test/api/v1/usage/current"})
        return httpx.Response(401, json={"detail": "who are you?"})

    kwargs: dict[str, Any] = {"api_key": "tp_test_abcdefgh", "jwt_token": "header.payload.sig",
                              "server_url": "http://gw.test", "env_file": None, "max_retries": 0,
                              "transport": httpx.MockTransport(handler)}  # fmt: skip
    if mode == "sync":
        with TradePoseClient(**kwargs) as client, pytest.raises(AuthenticationError):
            client.usage.get_current_usage()
    else:
        async with AsyncTradePoseClient(**kwargs) as aclient:
            with pytest.raises(AuthenticationError):
                await aclient.usage.get_current_usage()
    first, second = seen
    assert first.headers["x-api-key"] == "tp_test_abcdefgh" and first.headers["authorization"].startswith("Bearer")
    assert second.url.host == "elsewhere.test"
    assert "x-api-key" not in second.headers and "authorization" not in second.headers


async def test_same_host_redirect_keeps_the_credentials() -> None:
    """A redirect within the configured server (a moved path) still authenticates."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/api/v1/usage/current":
            return httpx.Response(307, headers={"Location": "/api/v2/usage/current"})
        return httpx.Response(404, json={"detail": "Not found"})

    with (
        TradePoseClient(api_key="tp_test_abcdefgh", server_url="http://gw.test", env_file=None, max_retries=0,
                        transport=httpx.MockTransport(handler)) as client,
        pytest.raises(NotFoundError),
    ):  # fmt: skip
        client.usage.get_current_usage()
    assert seen[1].headers["x-api-key"] == "tp_test_abcdefgh"


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://gw.test/api/v1/x", True),
        ("http://gw.test:80/other", True),
        ("https://gw.test/api/v1/x", True),  # an upgrade to TLS on the same host
        ("http://gw.test:8080/api", False),
        ("http://evil.test/api/v1/x", False),
        ("http://gw.test.evil.test/", False),
        ("https://gw.test:8443/", False),
    ],
)
def test_credentials_only_go_to_the_configured_origin(url: str, allowed: bool) -> None:
    """Same scheme, host and port (or an http→https upgrade) may carry credentials; anything else may not."""
    assert same_origin(httpx.URL(url), httpx.URL("http://gw.test")) is allowed


URL_PASSWORD = "pw-Sup3rSecret"


@pytest.mark.parametrize(
    "build",
    [
        lambda url: TradePoseClient(api_key="tp_test_abcdefgh", server_url=url, env_file=None),
        lambda url: AsyncTradePoseClient(api_key="tp_test_abcdefgh", server_url=url, env_file=None),
        lambda url: BatchTester(api_key="tp_test_abcdefgh", server_url=url, env_file=None),
    ],
    ids=["sync", "async", "tester"],
)
@pytest.mark.parametrize("url", [f"http://admin:{URL_PASSWORD}@gw.test", f"admin:{URL_PASSWORD}@gw.test/x"])
def test_server_url_with_a_password_is_refused_unechoed(build: Callable[[str], object], url: str) -> None:
    """A server URL with user:password@ raises ConfigError whose text and repr never contain the password."""
    with pytest.raises(ConfigError) as caught:
        build(url)
    assert URL_PASSWORD not in str(caught.value) and URL_PASSWORD not in repr(caught.value)
    assert "user name or password" in str(caught.value)


def test_cli_refuses_a_server_url_with_a_password(capfd: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The CLI prints one error line without the password, and exits 1."""
    from tradepose._cli import main

    code = main(["tasks", "status", str(uuid.uuid4()), "--server-url", f"http://admin:{URL_PASSWORD}@gw.test"])
    captured = capfd.readouterr()
    assert code == 1
    assert URL_PASSWORD not in captured.out + captured.err
    assert captured.err.startswith("tradepose: error: ")


@pytest.mark.parametrize("bad", ["tp_abc\x00defgh", "tp_abc\x07defgh", "tp_abcdéfgh", "abc\x7fdefgh"])
@pytest.mark.parametrize("field", ["api_key", "jwt_token"])
def test_credentials_with_control_characters_are_refused_before_any_request(field: str, bad: str) -> None:
    """A NUL (or other control/non-ASCII) character in a key or token raises ConfigError, unechoed, sending nothing."""
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(200, json={}))
    with pytest.raises(ConfigError) as caught:
        TradePoseClient(**{field: bad}, server_url="http://gw.test", env_file=None, transport=transport)
    assert bad not in str(caught.value) and bad not in repr(caught.value)
    assert "control or non-ASCII" in str(caught.value)
    assert sent == []


@pytest.mark.parametrize("key", ["tp_test_echoed0123456789", "plainkey_echoed0123456789"])
def test_an_echoed_key_is_scrubbed_from_errors_logs_and_the_journal(
    key: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A gateway echoing the key (tp_ or not) in 401/500 bodies leaks it into no error, log record or journal."""
    caplog.set_level(logging.DEBUG)

    def handler(request: httpx.Request) -> httpx.Response:
        echoed = request.headers.get("x-api-key", "")
        if request.method == "POST":
            return httpx.Response(500, json={"detail": f"backend rejected key {echoed}"})
        return httpx.Response(401, json={"detail": f"invalid key {echoed}"})

    transport = httpx.MockTransport(handler)
    texts: list[str] = []
    with TradePoseClient(api_key=key, server_url="http://gw.test", env_file=None, transport=transport,
                         max_retries=0) as client:  # fmt: skip
        with pytest.raises(AuthenticationError) as caught:
            client.usage.get_current_usage()
        error = caught.value
        texts += [str(error), repr(error), repr(error.args)]
        logging.getLogger("tradepose").error("server said %s", error.body)
    with BatchTester(api_key=key, server_url="http://gw.test", env_file=None, transport=transport,
                     max_retries=0) as tester:  # fmt: skip
        batch = tester.submit(STRATEGIES, ["2024-01"], workdir=tmp_path / "work")
        try:
            batch.wait(timeout=5, progress=False)
        except TradePoseError as exc:
            texts += [str(exc), repr(exc)]
        texts += [repr(batch)]
    texts += [record.getMessage() for record in caplog.records]
    assert any("server said" in t for t in texts)
    leaks = [t for t in texts if key in t]
    assert not leaks, leaks[:3]
    for path in (tmp_path / "work").rglob("*"):
        if path.is_file():
            assert key.encode() not in path.read_bytes(), path


@pytest.mark.e2e
def test_one_batch_leaks_no_secret_anywhere(
    gateway_factory: Callable[..., LocalGateway],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """URL password, NUL key, echoed keys (tp_ and not) and the JWT: in no output, log, error, repr or file."""
    from tradepose._cli import main

    gw = gateway_factory()
    nul_key = "tp_nul\x00key0123456789"
    echoed = ["tp_test_echo0123456789", "plain_echo0123456789"]
    secrets = {"url password": URL_PASSWORD, "nul key": nul_key, "nul key tail": "key0123456789",
               "echoed tp_ key": echoed[0], "echoed plain key": echoed[1], "jwt": gw.jwt, "api key": gw.api_key}  # fmt: skip
    monkeypatch.setenv("TRADEPOSE_LOG", "debug")
    monkeypatch.chdir(tmp_path)
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    attempts: list[Callable[[], object]] = [
        lambda: BatchTester(api_key=gw.api_key, server_url=f"http://admin:{URL_PASSWORD}@127.0.0.1:1", env_file=None),
        lambda: BatchTester(api_key=nul_key, server_url=gw.url, env_file=None),
        lambda: TradePoseClient(jwt_token=nul_key, server_url=gw.url, env_file=None),
    ]
    for attempt in attempts:
        with pytest.raises(ConfigError) as refused:
            attempt()
        texts += [str(refused.value), repr(refused.value), repr(refused.value.args)]
    argv = ["backtest", "run", "s.json", "--period", "2024-01", "--out", "cli", "--quiet"]
    assert main([*argv, "--server-url", f"http://admin:{URL_PASSWORD}@h", "--api-key", gw.api_key]) == 1
    assert main([*argv, "--server-url", gw.url, "--api-key", nul_key, "--debug"]) == 1

    # A real batch with key and JWT, saved as a dataset with its manifest.
    with BatchTester(api_key=gw.api_key, jwt_token=gw.jwt, server_url=gw.url, env_file=None) as tester:
        batch = tester.submit(STRATEGIES, ["2024-01"], workdir=tmp_path / "work")
        batch.wait(timeout=60, progress=False)
        assert batch.status["completed"] == 1
        batch.save(tmp_path / "dataset")
        texts += [repr(tester), repr(tester.config), repr(batch), *(repr(r) for r in batch)]

    # A gateway echoing whatever key it is sent, in 401 and 500 bodies.
    def echo(request: httpx.Request) -> httpx.Response:
        key = request.headers.get("x-api-key", "")
        return httpx.Response(500 if request.method == "POST" else 401, json={"detail": f"bad key {key}"})

    for i, key in enumerate(echoed):
        with BatchTester(api_key=key, server_url="http://gw.test", env_file=None, max_retries=0,
                         transport=httpx.MockTransport(echo)) as tester:  # fmt: skip
            batch = tester.submit(STRATEGIES, ["2024-01"], workdir=tmp_path / f"echo{i}")
            try:
                batch.wait(timeout=5, progress=False)
            except TradePoseError as exc:
                texts += [str(exc), repr(exc)]
            texts += [repr(batch), *(repr(r) for r in batch), *(str(r.error) for r in batch)]
        with TradePoseClient(api_key=key, server_url="http://gw.test", env_file=None, max_retries=0,
                             transport=httpx.MockTransport(echo)) as client:  # fmt: skip
            with pytest.raises(AuthenticationError) as caught:
                client.usage.get_current_usage()
            texts += [str(caught.value), repr(caught.value), repr(caught.value.args), str(caught.value.body)]
    for record in caplog.records:
        texts += [record.getMessage(), str(record.args), record.exc_text or ""]
    captured = capfd.readouterr()
    texts += [captured.out, captured.err]
    assert "Traceback" in captured.err  # --debug ran: its traceback is scanned too
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "manifest.json" for p in files) and any(p.suffix == ".parquet" for p in files)
    assert sum(p.name.startswith("journal.sqlite3") for p in files) >= 3
    for label, secret in secrets.items():
        leaks = [t[:200] for t in texts if secret in t]
        assert not leaks, f"the {label} leaked into: {leaks[:3]}"
        for path in files:
            assert secret.encode() not in path.read_bytes(), f"the {label} leaked into {path}"
