"""Polling a task until it finishes: a pure schedule plus mirrored sync/async loops.

The status is read from the raw JSON, not through the generated enum, so a status value this SDK does not
know (a newer gateway's) is treated as "still running" with one warning instead of crashing the poll.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from tradepose_api.models.task_metadata_response import TaskMetadataResponse
from tradepose_api.models.task_status import TaskStatus

from .. import _constants as C
from .._clock import Clock
from .._errors import (
    APIConnectionError,
    InternalServerError,
    RateLimitError,
    ResponseDecodeError,
    TaskCancelledError,
    TaskFailedError,
    TaskTimeoutError,
)
from .._http._retry import parse_retry_after

__all__ = ["ProgressCallback", "decode_status", "next_interval", "poll_until_complete", "poll_until_complete_async"]

logger = logging.getLogger("tradepose")

ProgressCallback = Callable[[TaskMetadataResponse], None]
# Errors worth riding out while polling: the task keeps running on the gateway regardless.
_TRANSIENT = (APIConnectionError, InternalServerError, RateLimitError)
_KNOWN = frozenset(s.value for s in TaskStatus)


def next_interval(current: float, *, cap: float, factor: float = C.POLL_BACKOFF_FACTOR) -> float:
    """The wait after `current`: grow by `factor` up to `cap`."""
    return min(current * factor, cap)


def decode_status(response: httpx.Response) -> tuple[TaskMetadataResponse, int | None]:
    """Parse a task-status body; return the model and the raw status (None if absent or unreadable).

    An unknown status value is removed before the generated parser sees it (so the model's `status` is
    unset) and returned as-is for the caller to treat as running.
    """
    try:
        body: Any = response.json()
        raw = body.get("status", 0)
        status = int(raw) if isinstance(raw, int | str) and str(raw).lstrip("-").isdigit() else None
        body = {k: v for k, v in body.items() if k != "status"}
        if status in _KNOWN:
            body["status"] = status  # normalised: the gateway's own client accepts "2" as well
        return TaskMetadataResponse.from_dict(body), status
    except Exception as exc:  # malformed JSON, missing fields, bad dates: the generated parser's failures
        raise ResponseDecodeError(
            f"task status response does not match the API schema: {type(exc).__name__}: {exc}", response=response
        ) from exc


class _Poll:
    """State shared by the sync and async loops: the deadline, the schedule, and one-time warnings."""

    def __init__(self, task_id: str, timeout: float, cap: float, on_progress: ProgressCallback | None,
                 clock: Clock) -> None:  # fmt: skip
        self.task_id, self.cap, self.on_progress, self.clock = task_id, cap, on_progress, clock
        self.timeout = timeout
        self.deadline = clock.monotonic() + timeout
        self.interval = min(C.FIRST_POLL_INTERVAL, cap)
        self.warned_unknown = False

    def handle(self, response: httpx.Response) -> tuple[TaskMetadataResponse | None, float | None]:
        """Digest one status response: return the finished metadata (or None) and any Retry-After hint."""
        meta, status = decode_status(response)
        if self.on_progress is not None:
            self.on_progress(meta)
        if status == TaskStatus.COMPLETED:
            return meta, None
        if status == TaskStatus.FAILED:
            reason = meta.error_message if isinstance(meta.error_message, str) else None
            raise TaskFailedError(f"task {self.task_id} failed: {reason or 'no reason given'}",
                                  task_id=self.task_id, error_message=reason)  # fmt: skip
        if status not in _KNOWN and not self.warned_unknown:
            self.warned_unknown = True
            logger.warning("task %s has unknown status %r; treating it as still running", self.task_id, status)
        return None, parse_retry_after(response.headers, now=self.clock.time())

    def remaining(self) -> float:
        """Seconds left before the deadline: the most one status request may take, retries included."""
        return max(self.deadline - self.clock.monotonic(), 0.001)

    def transient(self, exc: Exception) -> float | None:
        logger.warning("polling task %s: %s; will retry", self.task_id, exc)
        return exc.retry_after if isinstance(exc, RateLimitError) else None

    def delay(self, hint: float | None) -> float:
        """Seconds to wait before the next poll; raises TaskTimeoutError once the deadline has passed."""
        remaining = self.deadline - self.clock.monotonic()
        if remaining <= 0:
            raise TaskTimeoutError(
                f"task {self.task_id} still running after {self.timeout:g}s; it keeps running on the gateway, "
                f"poll it again with this task_id",
                task_id=self.task_id,
            )
        wait = min(max(self.interval, hint or 0.0), remaining)
        self.interval = next_interval(self.interval, cap=self.cap)
        return wait

    def cancelled(self) -> TaskCancelledError:
        return TaskCancelledError(f"polling of task {self.task_id} was cancelled", task_id=self.task_id)


def poll_until_complete(
    fetch: Callable[[float], httpx.Response],
    task_id: str,
    *,
    timeout: float,
    interval: float,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    clock: Clock,
) -> TaskMetadataResponse:
    """Poll `fetch(seconds_left)` (one status request, bounded by the time left) until the task completes.

    Returns the final metadata. Each request gets only the time left, so the deadline holds even against
    a server that drips its answer.

    Waits 0.25 s first, then backs off to `interval`; honours Retry-After; rides out connection errors,
    5xx and 429 (logged at warning). Raises TaskFailedError, TaskTimeoutError at the deadline (monotonic),
    or TaskCancelledError within one interval of `cancel` being set.
    """
    poll = _Poll(task_id, timeout, interval, on_progress, clock)
    while True:
        if cancel is not None and cancel.is_set():
            raise poll.cancelled()
        try:
            done, hint = poll.handle(fetch(poll.remaining()))
        except _TRANSIENT as exc:
            done, hint = None, poll.transient(exc)
        if done is not None:
            return done
        wait = poll.delay(hint)
        if cancel is not None:
            if clock.wait(cancel, wait):
                raise poll.cancelled()
        else:
            clock.sleep(wait)


async def poll_until_complete_async(
    fetch: Callable[[float], Awaitable[httpx.Response]],
    task_id: str,
    *,
    timeout: float,  # noqa: ASYNC109 - poll deadline, not a cancel scope
    interval: float,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    clock: Clock,
) -> TaskMetadataResponse:
    """Async mirror of `poll_until_complete`; cancelling the awaiting task also stops it at once.

    Like the sync loop, it wakes as soon as `cancel` is set, not after its current wait.
    """
    poll = _Poll(task_id, timeout, interval, on_progress, clock)
    while True:
        if cancel is not None and cancel.is_set():
            raise poll.cancelled()
        try:
            done, hint = poll.handle(await fetch(poll.remaining()))
        except _TRANSIENT as exc:
            done, hint = None, poll.transient(exc)
        if done is not None:
            return done
        wait = poll.delay(hint)
        if cancel is not None:
            if await clock.await_event(cancel, wait):
                raise poll.cancelled()
        else:
            await clock.asleep(wait)
