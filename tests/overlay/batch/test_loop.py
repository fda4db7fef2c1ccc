"""BackgroundLoop: blocking calls from scripts, from inside running loops, and clean shutdown."""

from __future__ import annotations

import asyncio
import threading

import pytest

from tradepose._batch._loop import BackgroundLoop


async def _add(a: int, b: int) -> int:
    await asyncio.sleep(0)
    return a + b


async def _boom() -> None:
    raise ValueError("from the loop")


def test_run_returns_the_result_and_close_joins_the_thread() -> None:
    """run() blocks for the coroutine's value; close() leaves no thread behind."""
    loop = BackgroundLoop(name="test-loop-a")
    assert loop.run(_add(1, 2)) == 3
    assert loop.running
    loop.close()
    assert not loop.running
    assert "test-loop-a" not in {t.name for t in threading.enumerate()}


def test_exceptions_reach_the_caller() -> None:
    """An exception raised on the loop is re-raised in the calling thread."""
    loop = BackgroundLoop()
    try:
        with pytest.raises(ValueError, match="from the loop"):
            loop.run(_boom())
    finally:
        loop.close()


def test_works_when_called_from_inside_a_running_event_loop() -> None:
    """A blocking run() inside a running loop (as in Jupyter) needs no nest_asyncio."""
    loop = BackgroundLoop()

    async def notebook_cell() -> int:
        return loop.run(_add(20, 22))

    try:
        assert asyncio.run(notebook_cell()) == 42
    finally:
        loop.close()


def test_close_cancels_pending_work_and_refuses_more() -> None:
    """close() cancels what still runs; submitting afterwards raises and closes the coroutine."""
    loop = BackgroundLoop()
    started = threading.Event()

    async def forever() -> None:
        started.set()
        await asyncio.Event().wait()

    future = loop.submit(forever())
    assert started.wait(5)
    loop.close()
    assert future.cancelled()
    coro = _add(1, 1)
    with pytest.raises(RuntimeError, match="closed"):
        loop.submit(coro)
    assert coro.cr_frame is None  # closed, so no "never awaited" warning
    loop.close()  # idempotent


def test_run_from_the_loop_thread_is_refused() -> None:
    """Blocking on the loop from its own thread would deadlock, so it raises instead."""
    loop = BackgroundLoop()

    async def reenter() -> None:
        loop.run(_add(1, 1))

    try:
        with pytest.raises(RuntimeError, match="deadlock"):
            loop.run(reenter())
    finally:
        loop.close()
