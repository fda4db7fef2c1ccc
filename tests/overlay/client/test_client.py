"""The clients: every generated operation reachable, headers, secrecy, health check, configuration use."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
import pytest

from tests.overlay._overlay_support import API_KEY, BASE_URL, TASK_ID, Both, generated_operations, strategy_dict
from tradepose import (
    AsyncTradePoseClient,
    AuthenticationError,
    ClientConfig,
    ConfigError,
    TradePoseClient,
    __version__,
)
from tradepose._http._retry import RetryPolicy
from tradepose._http._transport import RetryTransport

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[3]
HTTP_METHODS = {"get", "put", "post", "delete", "patch"}


def _spec_operations() -> set[tuple[str, str]]:
    spec = json.loads((ROOT / "openapi.json").read_text())
    return {
        (op["tags"][0], op["operationId"])
        for item in spec["paths"].values()
        for method, op in item.items()
        if method in HTTP_METHODS
    }


async def test_every_spec_operation_is_reachable(both: Both) -> None:
    """Each operation in openapi.json is an attribute `client.<tag>.<operation_id>`."""
    expected = _spec_operations()
    assert len(expected) == 43
    async with both.open(lambda r: httpx.Response(500)) as client:
        for tag, op in expected:
            assert callable(getattr(getattr(client, tag), op)), (tag, op)
        # A regenerated client may have more (tools/check_regeneration.py adds one); never fewer.
        assert {(t, o) for t, ops in generated_operations().items() for o in ops} >= expected
        assert "tasks" in dir(client)


async def test_operation_returns_the_generated_model_and_sends_credentials(both: Both) -> None:
    """A call returns the parsed attrs model; the request carries X-API-Key and our User-Agent."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"strategies": [], "count": 0})

    async with both.open(handler) as client:
        result = await both.run(client.strategies.list_strategies(archived=True))
    assert result.count == 0
    request = seen[0]
    assert request.url == f"{BASE_URL}/api/v1/strategies?archived=true"
    assert request.headers["X-API-Key"] == API_KEY
    assert request.headers["User-Agent"].startswith(f"tradepose-sdk/{__version__} ")
    assert __version__ != "0.1.0" or request.headers["User-Agent"] != "tradepose-client-python/0.1.0"
    assert request.extensions["timeout"] == {"connect": 30.0, "read": 30.0, "write": 30.0, "pool": 30.0}


async def test_bodies_may_be_models_or_wire_dicts(both: Both) -> None:
    """A request body can be a wire-format dict; it is validated into the generated model first."""
    seen: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.content)
        return httpx.Response(200, json={**strategy_dict(), "id": TASK_ID})

    async with both.open(handler) as client:
        created = await both.run(client.strategies.create_strategy(body=strategy_dict("mine")))
        with pytest.raises(ValueError, match="not a valid StrategyConfig"):
            await both.run(client.strategies.create_strategy(body={"name": "incomplete"}))
    assert str(created.id) == TASK_ID
    assert json.loads(seen[0])["name"] == "mine"
    assert len(seen) == 1


async def test_204_returns_none(both: Both) -> None:
    """A documented 204 (revoking a key) returns None."""
    async with both.open(lambda r: httpx.Response(204)) as client:
        assert await both.run(client.keys.revoke_api_key(key_id=TASK_ID)) is None


async def test_unknown_tag_or_operation_is_an_attribute_error(both: Both) -> None:
    """Typos fail loudly (and mypy reports them first: tests/typing/test_mistakes.py)."""
    async with both.open(lambda r: httpx.Response(200)) as client:
        with pytest.raises(AttributeError, match="has no attribute 'taskz'"):
            _ = client.taskz
        with pytest.raises(AttributeError, match="has no attribute 'get_status'"):
            _ = client.tasks.get_status


async def test_api_is_the_configured_generated_client(both: Both) -> None:
    """`client.api` runs the generated functions through our transport and auth, with no credential in its repr."""
    from tradepose_api.api.strategies import list_strategies
    from tradepose_api.models import StrategyListResponse

    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"strategies": [], "count": 0})

    async with both.open(handler) as client:
        if isinstance(client, TradePoseClient):
            result = list_strategies.sync(client=client.api)
        else:
            result = await list_strategies.asyncio(client=client.api)
        assert API_KEY not in repr(client.api)
    assert isinstance(result, StrategyListResponse)
    assert seen[0].headers["X-API-Key"] == API_KEY
    assert seen[0].headers["User-Agent"].startswith("tradepose-sdk/")


async def test_jwt_is_sent_as_bearer(both: Both) -> None:
    """With only a JWT configured, requests carry `Authorization: Bearer`."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"keys": [], "total": 0})

    async with both.open(handler, api_key=None, jwt_token="a.b.c") as client:
        await both.run(client.keys.list_api_keys())
    assert seen[0].headers["Authorization"] == "Bearer a.b.c"
    assert "X-API-Key" not in seen[0].headers


async def test_credentials_never_appear_in_repr_logs_or_errors(
    both: Both, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With TRADEPOSE_LOG=debug requests are logged, but no credential shows in repr, logs or errors."""
    monkeypatch.setenv("TRADEPOSE_LOG", "debug")
    caplog.set_level(logging.DEBUG, logger="tradepose")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"detail": "Invalid API key"})

    async with both.open(handler, jwt_token="jwt.secret.sig") as client:
        with pytest.raises(AuthenticationError) as info:
            await both.run(client.tasks.get_task_status(task_id=TASK_ID))
        text = " ".join([repr(client), repr(client.config), str(info.value), caplog.text])
    assert f"GET {BASE_URL}/api/v1/tasks/{TASK_ID} -> 401" in caplog.text
    assert API_KEY not in text
    assert "jwt.secret" not in text


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (httpx.Response(200, json={"status": "ok"}), True),
        (httpx.Response(503), False),
        (httpx.ConnectError("x"), False),
    ],
)
async def test_health_check_returns_bool_without_retrying(
    both: Both, response: httpx.Response | Exception, expected: bool
) -> None:
    """health_check() is True only for a 2xx; it never raises and never retries; it uses a short timeout."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if isinstance(response, Exception):
            raise response
        return httpx.Response(response.status_code, content=response.content)

    async with both.open(handler) as client:
        assert await both.run(client.health_check()) is expected
    assert len(seen) == 1
    assert seen[0].url.path == "/health"
    assert seen[0].extensions["timeout"]["read"] == 5.0


async def test_health_check_survives_a_closed_client(both: Both) -> None:
    """Even misuse (a closed client) gives False, not an exception."""
    async with both.open(lambda r: httpx.Response(200)) as client:
        pass
    assert await both.run(client.health_check()) is False


async def test_settings_reach_the_http_client_and_transport(both: Both) -> None:
    """timeout and max_retries from the config are what the httpx client and the transport use."""
    config = ClientConfig(server_url=BASE_URL, api_key="k", timeout=7.0, max_retries=5)
    async with both.open(lambda r: httpx.Response(200), config=config, api_key=None, server_url=None) as client:
        assert client._http.timeout == httpx.Timeout(7.0)
        transport = client._http._transport
        assert isinstance(transport, RetryTransport)
        assert transport.policy == RetryPolicy(max_retries=5)
        assert client.config is config


def test_config_and_settings_are_exclusive() -> None:
    """Passing config= together with individual settings is an error."""
    with pytest.raises(TypeError, match="either config= or individual settings"):
        TradePoseClient(config=ClientConfig(api_key="k"), timeout=3.0)


def test_missing_credential_is_a_config_error(tmp_path: Path) -> None:
    """A client with no credential anywhere raises ConfigError before any request."""
    with pytest.raises(ConfigError, match="no credential"):
        TradePoseClient(env_file=tmp_path / "none.env")
    with pytest.raises(ConfigError, match="no credential"):
        AsyncTradePoseClient(env_file=None)


def test_client_reads_env_and_env_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment and a .env file configure a client built with no arguments."""
    env_file = tmp_path / ".env"
    env_file.write_text("TRADEPOSE_API_KEY=from-file\nTRADEPOSE_SERVER_URL=http://file.test\n")
    monkeypatch.setenv("TRADEPOSE_SERVER_URL", "http://env.test/")
    with TradePoseClient(env_file=env_file) as client:
        assert client.config.api_key == "from-file"
        assert client.config.server_url == "http://env.test"
        assert str(client._http.base_url) == "http://env.test"
