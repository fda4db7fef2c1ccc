"""The sync and async sides cannot drift: same public names and signatures, same behaviour."""

from __future__ import annotations

import inspect
import re
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.overlay._overlay_support import TASK_ID, Both, FakeClock, task_json
from tradepose import AsyncTradePoseClient, TaskCancelledError, TradePoseClient
from tradepose._client import _downloads, _polling, _runner

pytestmark = pytest.mark.anyio

# Name pairs whose only difference is the side they run on.
FUNCTION_PAIRS = [
    (_polling.poll_until_complete, _polling.poll_until_complete_async),
    (_downloads.download_file, _downloads.download_file_async),
    (_runner.run_export, _runner.run_export_async),
]
PROTOCOL_PAIRS = [(_runner.ResultSource, _runner.AsyncResultSource)]
ADAPTERS = [_runner.BacktestAdapter, _runner.EnhancedOhlcvAdapter, _runner.OnDemandOhlcvAdapter,
            _runner.LatestTradesAdapter, _runner.ValidationAdapter]  # fmt: skip
# How an async annotation is spelt on the sync side.
_SYNC_SPELLING = [
    (re.compile(r"Awaitable\[(.*)\]"), r"\1"),
    (re.compile(r"\bAsync(BaseTransport|Client|ResultSource|TradePoseClient)\b"), r"\1"),
]


def _sync_spelling(annotation: str) -> str:
    for pattern, replacement in _SYNC_SPELLING:
        annotation = pattern.sub(replacement, annotation)
    return annotation


def _shape(func: Callable[..., Any]) -> list[tuple[str, Any, Any, str]]:
    params = inspect.signature(func).parameters.values()
    return [(p.name, p.kind, p.default, _sync_spelling(str(p.annotation))) for p in params]


def _public(cls: type) -> dict[str, Any]:
    return {n: v for n, v in vars(cls).items() if not n.startswith("_") and callable(v)}


_CLOSE = {"close": "aclose"}


def test_clients_have_the_same_public_methods() -> None:
    """Every public method of one client exists on the other (close ↔ aclose)."""
    sync = set(_public(TradePoseClient))
    asyn = {({v: k for k, v in _CLOSE.items()}).get(n, n) for n in _public(AsyncTradePoseClient)}
    assert sync == asyn


@pytest.mark.parametrize("name", sorted(_public(TradePoseClient)))
def test_client_method_signatures_match(name: str) -> None:
    """Each public client method takes the same parameters, with the same defaults, on both sides."""
    sync = getattr(TradePoseClient, name)
    asyn = getattr(AsyncTradePoseClient, _CLOSE.get(name, name))
    assert inspect.iscoroutinefunction(asyn)
    assert _shape(sync) == _shape(asyn)


@pytest.mark.parametrize(("sync", "asyn"), FUNCTION_PAIRS, ids=lambda f: f.__name__)
def test_function_pairs_match(sync: Callable[..., Any], asyn: Callable[..., Any]) -> None:
    """Module-level sync/async pairs take the same parameters."""
    assert inspect.iscoroutinefunction(asyn)
    assert _shape(sync) == _shape(asyn)


@pytest.mark.parametrize(("sync", "asyn"), PROTOCOL_PAIRS, ids=lambda c: c.__name__)
def test_protocol_pairs_match(sync: type, asyn: type) -> None:
    """The sync and async result-source protocols declare the same methods."""
    assert _public(sync).keys() == _public(asyn).keys()
    for name in _public(sync):
        assert _shape(getattr(sync, name)) == _shape(getattr(asyn, name))


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda c: c.__name__)
def test_adapter_fetch_pairs_match(adapter: type) -> None:
    """Every export adapter's `fetch` and `afetch` take the same parameters."""
    assert _shape(adapter.fetch) == _shape(adapter.afetch)


def test_the_check_fails_on_a_mismatch() -> None:
    """The comparison above does see a difference in defaults."""

    def a(x: int, *, y: int = 1) -> None: ...

    async def b(x: int, *, y: int = 2) -> None: ...

    assert _shape(a) != _shape(b)


class EventAwareClock(FakeClock):
    """Records whether the poller waited on its cancel event (wake at once) or slept blindly."""

    def __init__(self) -> None:
        super().__init__()
        self.blind_sleeps = 0

    def sleep(self, seconds: float) -> None:
        self.blind_sleeps += 1
        super().sleep(seconds)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        self.now += seconds
        return event.is_set()

    async def await_event(self, event: threading.Event, seconds: float) -> bool:
        return self.wait(event, seconds)


async def test_both_pollers_wake_as_soon_as_cancel_is_set(both: Both) -> None:
    """With a cancel event, sync and async polling wait on the event itself, never a blind sleep."""
    clock = EventAwareClock()
    cancel = threading.Event()
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 3:
            cancel.set()
        return httpx.Response(200, json=task_json(1))

    async with both.open(handler, clock=clock) as client:
        with pytest.raises(TaskCancelledError):
            await both.run(client.poll_until_complete(TASK_ID, cancel=cancel))
    assert clock.blind_sleeps == 0
    assert len(calls) == 3
