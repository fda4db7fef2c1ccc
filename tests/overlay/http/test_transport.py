"""RetryTransport through the clients: retry sequences, the POST rule, budgets, and no leaked responses."""

from __future__ import annotations

import gzip
import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import respx

from tests.overlay._overlay_support import BASE_URL, TASK_ID, Both, FakeClock, TrackingStream, strategy_dict, task_json
from tradepose import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    RateLimitError,
    TradePoseClient,
)
from tradepose._http._retry import RetryPolicy
from tradepose._http._transport import RETRIES_TAKEN_EXTENSION, RetryTransport

pytestmark = pytest.mark.anyio

DATE = "Tue, 14 Nov 2023 22:13:20 GMT"
EXPORT_BODY = {"strategy_configs": [strategy_dict()], "export_type": 0}
EXPORT_OK = {"task_id": TASK_ID, "message": "queued", "operation_type": "backtest-results"}


def scripted(*steps: httpx.Response | Exception) -> tuple[list[httpx.Request], httpx.MockTransport]:
    """A transport that plays `steps` in order (an exception is raised), recording every request."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        step = steps[len(seen)]
        seen.append(request)
        if isinstance(step, Exception):
            raise step
        return step

    return seen, httpx.MockTransport(handler)


async def test_mixed_failures_then_success_count_three_retries(both: Both, clock: FakeClock) -> None:
    """503 → 429 (HTTP-date) → connection reset → 200 gives one result with retries_taken == 3."""
    seen, transport = scripted(
        httpx.Response(503, json={"detail": "busy"}),
        httpx.Response(429, json={"detail": "slow down"},
                       headers={"Retry-After": "Tue, 14 Nov 2023 22:13:30 GMT", "Date": DATE}),
        httpx.ReadError("Connection reset by peer"),
        httpx.Response(200, json=task_json()),
    )  # fmt: skip
    async with both.open(clock=clock, transport=transport) as client:
        result = await both.run(client.tasks.with_response.get_task_status(task_id=TASK_ID))
    assert result.retries_taken == 3
    assert result.parsed.status == 2
    assert len(seen) == 4
    assert len(clock.sleeps) == 3
    assert 0.375 <= clock.sleeps[0] <= 0.5
    assert clock.sleeps[1] == 10.0  # measured against the Date header, not the fake local clock
    assert 1.5 <= clock.sleeps[2] <= 2.0


async def test_post_that_timed_out_after_reaching_the_server_is_not_resent(both: Both, clock: FakeClock) -> None:
    """A read timeout on POST /api/v1/export is raised at once: the backtest is never submitted twice."""
    seen, transport = scripted(httpx.ReadTimeout("read timed out"), httpx.Response(200, json=EXPORT_OK))
    async with both.open(clock=clock, transport=transport) as client:
        with pytest.raises(APITimeoutError) as info:
            await both.run(client.export.create_export(body=EXPORT_BODY))
    assert len(seen) == 1
    assert info.value.retries_taken == 0
    assert clock.sleeps == []


async def test_post_is_retried_when_it_never_reached_the_server(both: Both, clock: FakeClock) -> None:
    """A connect error on POST is retried (the server provably never saw it)."""
    seen, transport = scripted(httpx.ConnectError("refused"), httpx.Response(200, json=EXPORT_OK))
    async with both.open(clock=clock, transport=transport) as client:
        result = await both.run(client.export.with_response.create_export(body=EXPORT_BODY))
    assert str(result.parsed.task_id) == TASK_ID
    assert result.retries_taken == 1
    assert len(seen) == 2


@pytest.mark.parametrize(
    ("status", "headers", "resent"),
    [(503, {}, False), (502, {}, False), (503, {"Retry-After": "1"}, True), (429, {}, True)],
)
async def test_post_is_retried_only_when_the_server_refused_it(
    both: Both, clock: FakeClock, status: int, headers: dict[str, str], resent: bool
) -> None:
    """A POST is re-sent after 429 or 503+Retry-After, never after another 5xx."""
    first = httpx.Response(status, json={"detail": "no"}, headers=headers)
    seen, transport = scripted(first, httpx.Response(200, json=EXPORT_OK))
    async with both.open(clock=clock, transport=transport) as client:
        if resent:
            await both.run(client.export.create_export(body=EXPORT_BODY))
        else:
            with pytest.raises(InternalServerError):
                await both.run(client.export.create_export(body=EXPORT_BODY))
    assert len(seen) == (2 if resent else 1)


async def test_exhausted_retries_close_every_response(both: Both, clock: FakeClock) -> None:
    """After max_retries 503s the error carries retries_taken and no response body is left open."""
    streams: list[TrackingStream] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, stream=TrackingStream(b'{"detail": "down"}', streams))

    async with both.open(handler, clock=clock, max_retries=3) as client:
        with pytest.raises(InternalServerError) as info:
            await both.run(client.tasks.get_task_status(task_id=TASK_ID))
    assert info.value.retries_taken == 3
    assert info.value.status_code == 503
    assert len(streams) == 4
    assert all(s.closed for s in streams)


async def test_exhausted_connection_errors_raise_api_connection_error(both: Both, clock: FakeClock) -> None:
    """Connection failures on every attempt surface as APIConnectionError with retries_taken."""
    seen, transport = scripted(*[httpx.ConnectError("refused")] * 3)
    async with both.open(clock=clock, transport=transport, max_retries=2) as client:
        with pytest.raises(APIConnectionError) as info:
            await both.run(client.tasks.get_task_status(task_id=TASK_ID))
    assert not isinstance(info.value, APITimeoutError)
    assert info.value.retries_taken == 2
    assert len(seen) == 3


async def test_retry_after_above_the_cap_raises_rate_limit_error_at_once(both: Both, clock: FakeClock) -> None:
    """A Retry-After longer than MAX_RETRY_AFTER is not slept on: RateLimitError carries it."""
    seen, transport = scripted(httpx.Response(429, json={"detail": "quota"}, headers={"Retry-After": "120"}))
    async with both.open(clock=clock, transport=transport) as client:
        with pytest.raises(RateLimitError) as info:
            await both.run(client.strategies.list_strategies())
    assert info.value.retry_after == 120.0
    assert info.value.retries_taken == 0
    assert clock.sleeps == []
    assert len(seen) == 1


async def test_retries_stop_at_the_total_time_budget(both: Both, clock: FakeClock) -> None:
    """Waits that would exceed the retry budget (120 s) are not started."""
    refusals = [httpx.Response(429, json={"detail": "slow"}, headers={"Retry-After": "50"}) for _ in range(4)]
    seen, transport = scripted(*refusals)
    async with both.open(clock=clock, transport=transport, max_retries=10) as client:
        with pytest.raises(RateLimitError) as info:
            await both.run(client.strategies.list_strategies())
    assert clock.sleeps == [50.0, 50.0]
    assert info.value.retries_taken == 2
    assert len(seen) == 3


def test_one_transport_instance_serves_sync_and_async_clients(clock: FakeClock) -> None:
    """The same RetryTransport retries for httpx.Client and httpx.AsyncClient (shared httpx_args)."""
    import asyncio

    seen, inner = scripted(httpx.Response(502), httpx.Response(200), httpx.Response(502), httpx.Response(200))
    transport = RetryTransport(inner, policy=RetryPolicy(max_retries=1), clock=clock)
    with httpx.Client(transport=transport, base_url=BASE_URL) as sync_client:
        response = sync_client.get("/x")
    assert response.extensions[RETRIES_TAKEN_EXTENSION] == 1

    async def main() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as async_client:
            return await async_client.get("/x")

    assert asyncio.run(main()).extensions[RETRIES_TAKEN_EXTENSION] == 1
    assert len(seen) == 4


def test_retries_with_respx_over_the_real_http_transport(clock: FakeClock) -> None:
    """Under respx (mocking the real HTTP transport) a 503 then 200 is one call with one retry."""
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as router:
        route = router.get(f"/api/v1/tasks/{TASK_ID}").mock(
            side_effect=[httpx.Response(503, json={"detail": "x"}), httpx.Response(200, json=task_json(1))]
        )
        with TradePoseClient(api_key="k", server_url=BASE_URL, env_file=None, clock=clock) as client:
            result = client.tasks.with_response.get_task_status(task_id=TASK_ID)
    assert route.call_count == 2
    assert result.retries_taken == 1
    assert route.calls[0].request.headers["X-API-Key"] == "k"


class _DroppedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Headers arrived, then the connection dropped halfway through the body."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"task_id": '
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"task_id": '
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


@pytest.mark.parametrize(("method", "sends"), [("GET", 2), ("POST", 1)])
async def test_body_dropped_mid_response(both: Both, clock: FakeClock, method: str, sends: int) -> None:
    """A body cut short is retried for a GET, but for a POST (the server acted on it) it is raised."""
    ok = task_json() if method == "GET" else EXPORT_OK
    seen, transport = scripted(httpx.Response(200, stream=_DroppedBody()), httpx.Response(200, json=ok))
    async with both.open(clock=clock, transport=transport) as client:
        if method == "GET":
            result = await both.run(client.tasks.with_response.get_task_status(task_id=TASK_ID))
            assert result.retries_taken == 1
        else:
            with pytest.raises(APIConnectionError, match="peer closed connection"):
                await both.run(client.export.create_export(body=EXPORT_BODY))
    assert len(seen) == sends


async def test_buffered_bodies_stay_encoded_for_httpx_to_decode(both: Both) -> None:
    """A gzip JSON body read by the transport is decoded once by httpx; the response keeps `elapsed`."""
    body = gzip.compress(json.dumps(task_json()).encode())

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-encoding": "gzip", "content-type": "application/json"}
        return httpx.Response(200, headers=headers, stream=httpx.ByteStream(body))

    async with both.open(handler) as client:
        result = await both.run(client.tasks.with_response.get_task_status(task_id=TASK_ID))
    assert str(result.parsed.task_id) == TASK_ID
    assert result.http_response.elapsed.total_seconds() >= 0
