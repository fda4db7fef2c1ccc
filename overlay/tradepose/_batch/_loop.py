"""A private event loop on a background thread, so blocking APIs work everywhere.

`BatchTester` is synchronous on top and asynchronous underneath. Running its coroutines on a loop of
its own thread means it behaves the same in a script, in Jupyter (whose loop is already running) and
when called from inside any running event loop, with no nest_asyncio: the caller's loop is never
touched. Exceptions raised on the loop travel back through `concurrent.futures.Future`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["BackgroundLoop", "BackgroundRun"]

_CLOSE_TIMEOUT = 10.0


class BackgroundRun(concurrent.futures.Future[T]):
    """A coroutine started on a `BackgroundLoop`: a future that is done only once the coroutine stopped.

    Unlike `asyncio.run_coroutine_threadsafe`'s future, `cancel()` is refused (the future is running
    from the start): `stop()` cancels the task and waits, bounded, for it to have really ended, so
    whoever closes a run knows it no longer touches the journal. A stopped run ends with
    `concurrent.futures.CancelledError` as its exception, which is retrieved, so nothing is printed.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T]) -> None:
        super().__init__()
        self.set_running_or_notify_cancel()
        self._loop = loop
        self._coro: Coroutine[Any, Any, T] | None = coro
        self._task: asyncio.Task[T] | None = None
        self._stop_requested = False
        self._guard = threading.Lock()
        loop.call_soon_threadsafe(self._start)

    def _start(self) -> None:
        with self._guard:
            coro, self._coro = self._coro, None
            if coro is None:
                return
            if self._stop_requested:
                coro.close()
                self.set_exception(concurrent.futures.CancelledError())
                return
            self._task = self._loop.create_task(coro)
        self._task.add_done_callback(self._finish)

    def _finish(self, task: asyncio.Task[T]) -> None:
        if task.cancelled():
            self.set_exception(concurrent.futures.CancelledError())
        elif (error := task.exception()) is not None:
            self.set_exception(error)
        else:
            self.set_result(task.result())

    def discard(self) -> None:
        """The loop will never run it: close the coroutine unstarted (no "never awaited" warning)."""
        with self._guard:
            coro, self._coro = self._coro, None
        if coro is not None:
            coro.close()
            self.set_exception(concurrent.futures.CancelledError())

    def stop(self, timeout: float) -> bool:
        """Cancel the run and wait up to `timeout` s for it to end; True once it has stopped."""
        with self._guard:
            self._stop_requested = True

        def cancel() -> None:
            if self._task is not None:
                self._task.cancel()

        if not self.done():
            with contextlib.suppress(RuntimeError):  # the loop is closed: the run is gone with it
                self._loop.call_soon_threadsafe(cancel)
        try:
            self.exception(timeout)
        except concurrent.futures.TimeoutError:
            return False
        except concurrent.futures.CancelledError:  # pragma: no cover - the future refuses cancel()
            pass
        return True


class BackgroundLoop:
    """One thread, one event loop; coroutines are scheduled onto it from any thread."""

    def __init__(self, name: str = "tradepose-loop") -> None:
        self._name = name
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self._runs: list[BackgroundRun[Any]] = []

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _ensure_started(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._closed:
                raise RuntimeError(f"{self._name} is closed")
            if self._loop is None:
                loop = asyncio.new_event_loop()
                ready = threading.Event()

                def run() -> None:
                    asyncio.set_event_loop(loop)
                    loop.call_soon(ready.set)
                    loop.run_forever()

                # A daemon thread: a forgotten close() must not hang interpreter exit. Work is
                # journalled transactionally, so an abrupt end loses nothing that resume() cannot redo.
                self._thread = threading.Thread(target=run, name=self._name, daemon=True)
                self._thread.start()
                ready.wait()
                self._loop = loop
            return self._loop

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Schedule `coro` on the loop; returns at once with a thread-safe future."""
        try:
            loop = self._ensure_started()
        except RuntimeError:
            coro.close()
            raise
        return asyncio.run_coroutine_threadsafe(coro, loop)

    def start(self, coro: Coroutine[Any, Any, T]) -> BackgroundRun[T]:
        """Start `coro` as a task on the loop; returns at once with a `BackgroundRun` (stoppable)."""
        try:
            loop = self._ensure_started()
        except RuntimeError:
            coro.close()
            raise
        run = BackgroundRun(loop, coro)
        with self._lock:
            self._runs = [r for r in self._runs if not r.done()] + [run]
        return run

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Run `coro` on the loop and block this thread for its result (or exception)."""
        if self._thread is not None and threading.current_thread() is self._thread:
            coro.close()
            raise RuntimeError("BackgroundLoop.run() called from its own thread would deadlock")
        future = self.submit(coro)
        try:
            return future.result(timeout)
        except BaseException:
            future.cancel()
            raise

    def abandon(self) -> None:
        """Interpreter exit: the loop and its daemon thread end with the process.

        What the loop still holds then (a connection pool of a run still stopping, pending tasks) is
        reported through its exception handler when garbage-collected ("Unclosed client session");
        nothing there is actionable (the journal keeps every step for resume), so it reports nothing.
        """
        if self._loop is not None:
            self._loop.set_exception_handler(lambda _loop, _context: None)

    def close(self, timeout: float = _CLOSE_TIMEOUT) -> None:
        """Cancel what is still running, stop the loop and join its threads (bounded by `timeout`). Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        if threading.current_thread() is thread:
            raise RuntimeError("BackgroundLoop.close() called from its own thread")

        async def _shutdown() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await loop.shutdown_asyncgens()
            # Joins the journal and file workers too (loop.close() would only tell them to stop).
            await loop.shutdown_default_executor()

        with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError):
            asyncio.run_coroutine_threadsafe(_shutdown(), loop).result(timeout)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        if not thread.is_alive():
            loop.close()
        with self._lock:
            runs, self._runs = self._runs, []
        for run in runs:
            run.discard()
