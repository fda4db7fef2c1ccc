"""Proxies and network settings: environment proxies, proxy=, http_client=, NO_PROXY, one pool per route."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.overlay._overlay_support import strategy_dict
from tests.overlay.http._proxy_support import ForwardProxy
from tradepose import APIConnectionError, BatchTester, TradePoseClient
from tradepose._clock import Clock
from tradepose._http._transport import RetryTransport, environment_proxy

HIDDEN_HOST = "tradepose-gw.invalid"  # resolvable only through the proxy


class QuickClock(Clock):
    """Real time, but retry and poll waits shortened 50x."""

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds / 50)

    async def asleep(self, seconds: float) -> None:
        await super().asleep(seconds / 50)


@pytest.fixture
def proxy_env(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Clears proxy variables; returns a setter for them."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch.setenv


def _hidden_url(gateway: Any) -> str:
    return f"http://{HIDDEN_HOST}:{gateway.port}"


def test_client_backtest_through_the_environment_proxy(proxy_env: Any, local_gateway: Any) -> None:
    """HTTP_PROXY carries a whole backtest to a host only the proxy can resolve, retrying its 503s."""
    with ForwardProxy(fail_first=2) as proxy:
        proxy_env("HTTP_PROXY", proxy.url)
        with TradePoseClient(api_key=local_gateway.api_key, server_url=_hidden_url(local_gateway), env_file=None,
                             clock=QuickClock()) as client:  # fmt: skip
            result = client.export_backtest_results([strategy_dict("via_proxy")], "2024-01-01", "2024-01-31")
    assert result.trades.height > 0
    assert proxy.failed == 2
    assert proxy.urls and all(u.startswith(f"http://{HIDDEN_HOST}:") for u in proxy.urls)


def test_batch_tester_through_the_environment_proxy(proxy_env: Any, local_gateway: Any, tmp_path: Path) -> None:
    """BatchTester honours HTTP_PROXY too, its GETs retried through the proxy."""
    with ForwardProxy(fail_first=2) as proxy:
        proxy_env("HTTP_PROXY", proxy.url)
        with BatchTester(api_key=local_gateway.api_key, server_url=_hidden_url(local_gateway), env_file=None,
                         clock=QuickClock()) as tester:  # fmt: skip
            batch = tester.submit([strategy_dict("via_proxy")], [("2024-01-01", "2024-01-31")],
                                  workdir=tmp_path / "b").wait(timeout=60, progress=False)  # fmt: skip
            assert batch.status["completed"] == 1
            assert all(r.trades.height > 0 for r in batch)
    assert proxy.failed == 2
    assert all(u.startswith(f"http://{HIDDEN_HOST}:") for u in proxy.urls)


def test_no_proxy_exempts_the_host(proxy_env: Any, local_gateway: Any) -> None:
    """With NO_PROXY naming the host, requests go direct: the proxy sees none, the hidden host is unreachable."""
    with ForwardProxy() as proxy:
        proxy_env("HTTP_PROXY", proxy.url)
        proxy_env("NO_PROXY", "localhost,127.0.0.1,.invalid")
        with TradePoseClient(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None) as client:
            assert client.health_check()
        hidden = TradePoseClient(api_key=local_gateway.api_key, server_url=_hidden_url(local_gateway),
                                 env_file=None, max_retries=0)  # fmt: skip
        with hidden as client, pytest.raises(APIConnectionError):
            client.tasks.get_task_status(task_id="6f1c2a3e-0000-4000-8000-000000000001")
    assert proxy.urls == []


def test_trust_env_false_ignores_the_environment(proxy_env: Any, local_gateway: Any) -> None:
    """trust_env=False connects directly even with HTTP_PROXY set."""
    with ForwardProxy() as proxy:
        proxy_env("HTTP_PROXY", proxy.url)
        with TradePoseClient(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None,
                             trust_env=False) as client:  # fmt: skip
            assert client.health_check()
    assert proxy.urls == []


def test_explicit_proxy_and_http_client(proxy_env: Any, local_gateway: Any) -> None:
    """proxy= and a prepared http_client= both route through the proxy to a host only it can resolve."""
    with ForwardProxy(fail_first=1) as proxy:
        with TradePoseClient(api_key=local_gateway.api_key, server_url=_hidden_url(local_gateway), env_file=None,
                             proxy=proxy.url, clock=QuickClock()) as client:  # fmt: skip
            assert not client.health_check()  # health checks never retry: the 503 is spent here
            assert client.health_check()
        with (
            httpx.Client(proxy=proxy.url) as prepared,
            TradePoseClient(
                api_key=local_gateway.api_key,
                server_url=_hidden_url(local_gateway),
                env_file=None,
                http_client=prepared,
            ) as client,
        ):
            assert client.health_check()
    assert proxy.failed == 1
    assert len(proxy.urls) == 3


def test_eight_threads_share_one_pool(proxy_env: Any, local_gateway: Any) -> None:
    """8 threads making their first call at once create a single connection pool."""
    client = TradePoseClient(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None)
    barrier = threading.Barrier(8)
    results: list[bool] = []

    def first_call() -> None:
        barrier.wait(timeout=10)
        results.append(client.health_check())

    threads = [threading.Thread(target=first_call) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    transport = client._http._transport  # type: ignore[attr-defined]
    assert isinstance(transport, RetryTransport)
    assert transport.pool_count == 1
    client.close()
    assert results == [True] * 8
    assert transport.pool_count == 0


@pytest.mark.parametrize(
    ("env", "url", "expected"),
    [
        ({"HTTP_PROXY": "http://p:3128"}, "http://h.example/x", "http://p:3128"),
        ({"HTTP_PROXY": "p:3128"}, "http://h.example/x", "http://p:3128"),
        ({"HTTPS_PROXY": "http://s:1"}, "http://h.example/x", None),
        ({"HTTPS_PROXY": "http://s:1"}, "https://h.example/x", "http://s:1"),
        ({"ALL_PROXY": "http://a:1"}, "https://h.example/x", "http://a:1"),
        ({"HTTP_PROXY": "http://p:1", "NO_PROXY": "example"}, "http://h.example/x", None),
        ({"HTTP_PROXY": "http://p:1", "NO_PROXY": ".example"}, "http://example/x", None),
        ({"HTTP_PROXY": "http://p:1", "NO_PROXY": "*"}, "http://h.example/x", None),
        ({"HTTP_PROXY": "http://p:1", "NO_PROXY": "h.example:81"}, "http://h.example/x", "http://p:1"),
        ({"HTTP_PROXY": "http://p:1", "NO_PROXY": "h.example:80"}, "http://h.example/x", None),
        ({"HTTP_PROXY": "http://p:1", "NO_PROXY": "ample"}, "http://h.example/x", "http://p:1"),
    ],
)
def test_environment_proxy_table(proxy_env: Any, env: dict[str, str], url: str, expected: str | None) -> None:
    """Which proxy the environment names for a URL, NO_PROXY matching hosts, domain suffixes, ports and `*`."""
    for name, value in env.items():
        proxy_env(name, value)
    assert environment_proxy(httpx.URL(url)) == expected


def test_the_environment_is_read_once_per_origin(proxy_env: Any, local_gateway: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Routing reads the proxy variables at a host's first request only (httpx reads them once per client)."""
    import urllib.request

    reads: list[int] = []
    real = urllib.request.getproxies_environment

    def counted() -> dict[str, str]:
        reads.append(1)
        return real()

    monkeypatch.setattr(urllib.request, "getproxies_environment", counted)
    with TradePoseClient(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None) as client:
        assert all(client.health_check() for _ in range(5))
    assert len(reads) == 1
