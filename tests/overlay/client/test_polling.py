"""Polling: fast first checks backing off to a cap, Retry-After, transient errors, deadlines, cancellation."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable

import httpx
import pytest

from tests.overlay._overlay_support import TASK_ID, Both, FakeClock, task_json
from tradepose import (
    AsyncTradePoseClient,
    AuthenticationError,
    ResponseDecodeError,
    TaskCancelledError,
    TaskFailedError,
    TaskTimeoutError,
)
from tradepose._client._polling import decode_status, next_interval

pytestmark = pytest.mark.anyio

Step = httpx.Response | Exception


def statuses(*steps: int | Step) -> tuple[list[httpx.Request], Callable[[httpx.Request], httpx.Response]]:
    """A status endpoint answering with the given task statuses (or raw responses/exceptions), then 2."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        step = steps[len(seen)] if len(seen) < len(steps) else 2
        seen.append(request)
        if isinstance(step, Exception):
            raise step
        if isinstance(step, httpx.Response):
            return step
        return httpx.Response(200, json=task_json(step))

    return seen, handler


async def test_fast_first_then_backing_off_to_the_cap(both: Both, clock: FakeClock) -> None:
    """The first wait is 0.25 s, then each grows 1.5× up to poll_interval; progress sees every status."""
    seen, handler = statuses(0, 1, 1, 1, 1, 1, 2)
    progress: list[int] = []
    async with both.open(handler, clock=clock, poll_interval=1.0) as client:
        meta = await both.run(client.poll_until_complete(TASK_ID, on_progress=lambda m: progress.append(m.status)))
    assert meta.status == 2
    assert progress == [0, 1, 1, 1, 1, 1, 2]
    assert clock.sleeps == [0.25, 0.375, 0.5625, 0.84375, 1.0, 1.0]
    assert seen[0].url.path == f"/api/v1/tasks/{TASK_ID}"


async def test_retry_after_on_a_status_response_is_honoured(both: Both, clock: FakeClock) -> None:
    """A Retry-After on a running task's status slows polling down to it."""
    slow = httpx.Response(200, json=task_json(1), headers={"Retry-After": "3"})
    _, handler = statuses(slow, 2)
    async with both.open(handler, clock=clock) as client:
        await both.run(client.poll_until_complete(TASK_ID))
    assert clock.sleeps == [3.0]


async def test_transient_errors_are_logged_and_polling_goes_on(
    both: Both, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    """Connection errors, 5xx and 429 are ridden out (429's Retry-After honoured), each logged at warning."""
    _, handler = statuses(
        httpx.ConnectError("refused"),
        httpx.Response(502, json={"detail": "bad gateway"}),
        httpx.Response(429, json={"detail": "slow"}, headers={"Retry-After": "4"}),
        1,
        2,
    )
    caplog.set_level(logging.WARNING, logger="tradepose")
    async with both.open(handler, clock=clock, max_retries=0) as client:
        meta = await both.run(client.poll_until_complete(TASK_ID))
    assert meta.status == 2
    assert clock.sleeps == [0.25, 0.375, 4.0, 0.84375]
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 3
    assert "will retry" in warnings[0].getMessage()


async def test_failed_task_raises_with_the_gateway_message(both: Both, clock: FakeClock) -> None:
    """Status 3 raises TaskFailedError carrying the gateway's error_message."""
    failed = httpx.Response(200, json=task_json(3, error_message="strategy s1: unknown column 'foo'"))
    _, handler = statuses(0, failed)
    async with both.open(handler, clock=clock) as client:
        with pytest.raises(TaskFailedError) as info:
            await both.run(client.poll_until_complete(TASK_ID))
    assert info.value.error_message == "strategy s1: unknown column 'foo'"
    assert info.value.task_id == TASK_ID
    assert "unknown column 'foo'" in str(info.value)


async def test_deadline_raises_task_timeout(both: Both, clock: FakeClock) -> None:
    """A task still running at the deadline raises TaskTimeoutError; the last wait is clipped to the deadline."""
    _, handler = statuses(*[1] * 100)
    async with both.open(handler, clock=clock, poll_interval=2.0) as client:
        with pytest.raises(TaskTimeoutError) as info:
            await both.run(client.poll_until_complete(TASK_ID, timeout=5.0))
    assert sum(clock.sleeps) == pytest.approx(5.0)
    assert info.value.task_id == TASK_ID


async def test_configured_poll_timeout_is_the_default(both: Both, clock: FakeClock) -> None:
    """Without timeout=, TRADEPOSE_POLL_TIMEOUT / poll_timeout= sets the deadline."""
    _, handler = statuses(*[0] * 100)
    async with both.open(handler, clock=clock, poll_timeout=3.0) as client:
        with pytest.raises(TaskTimeoutError, match="after 3s"):
            await both.run(client.poll_until_complete(TASK_ID))
    assert sum(clock.sleeps) == pytest.approx(3.0)


async def test_cancel_event_stops_within_one_interval(both: Both, clock: FakeClock) -> None:
    """Setting the cancel event stops polling at the next wake-up with TaskCancelledError."""
    seen, handler = statuses(*[1] * 100)
    cancel = threading.Event()

    def on_progress(meta: object) -> None:
        if len(seen) == 2:
            cancel.set()

    async with both.open(handler, clock=clock) as client:
        with pytest.raises(TaskCancelledError):
            await both.run(client.poll_until_complete(TASK_ID, on_progress=on_progress, cancel=cancel))
    assert len(seen) == 2


async def test_unknown_status_is_treated_as_running_with_one_warning(
    both: Both, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    """A status value the SDK does not know (7) keeps polling and warns once, instead of crashing."""
    progress: list[object] = []
    _, handler = statuses(7, 7, "7", 2)
    caplog.set_level(logging.WARNING, logger="tradepose")
    async with both.open(handler, clock=clock) as client:
        meta = await both.run(client.poll_until_complete(TASK_ID, on_progress=lambda m: progress.append(m.status)))
    assert meta.status == 2
    assert len(progress) == 4
    assert [r.getMessage() for r in caplog.records] == [
        f"task {TASK_ID} has unknown status 7; treating it as still running"
    ]


async def test_non_transient_errors_stop_polling(both: Both, clock: FakeClock) -> None:
    """A 401 is not ridden out: it raises at once."""
    _, handler = statuses(httpx.Response(401, json={"detail": "expired"}))
    async with both.open(handler, clock=clock) as client:
        with pytest.raises(AuthenticationError):
            await both.run(client.poll_until_complete(TASK_ID))
    assert clock.sleeps == []


async def test_async_task_cancellation_stops_polling(clock: FakeClock) -> None:
    """Cancelling the task that awaits poll_until_complete stops it (CancelledError propagates)."""
    seen, status_handler = statuses(*[1] * 10_000)
    polled_three_times = asyncio.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        response = status_handler(request)
        if len(seen) == 3:
            polled_three_times.set()
        return response

    async with AsyncTradePoseClient(api_key="k", server_url="http://gw.test", env_file=None, clock=clock,
                                    transport=httpx.MockTransport(handler)) as client:  # fmt: skip
        task = asyncio.create_task(client.poll_until_complete(TASK_ID, timeout=10_000))
        await polled_three_times.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert len(seen) < 10


def test_next_interval_grows_to_the_cap() -> None:
    """The schedule multiplies by 1.5 and never exceeds the cap."""
    assert next_interval(0.25, cap=2.0) == 0.375
    assert next_interval(1.9, cap=2.0) == 2.0


@pytest.mark.parametrize(("raw", "expected"), [(2, 2), ("2", 2), (7, 7), ("done", None), (None, None)])
def test_decode_status_reads_the_raw_value(raw: object, expected: int | None) -> None:
    """The status is read from the raw JSON: known ints, numeric strings, unknown values, garbage."""
    request = httpx.Request("GET", "http://gw.test/x")
    _, status = decode_status(httpx.Response(200, json=task_json(raw), request=request))  # type: ignore[arg-type]
    assert status == expected


def test_decode_status_wraps_malformed_bodies() -> None:
    """A status body missing required fields is a ResponseDecodeError, not a KeyError."""
    request = httpx.Request("GET", "http://gw.test/x")
    with pytest.raises(ResponseDecodeError):
        decode_status(httpx.Response(200, json={"status": 2}, request=request))
