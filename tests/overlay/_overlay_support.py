"""Shared helpers for the overlay tests: a fake clock, wire-format fixtures, sync/async harness."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import io
import pkgutil
import threading
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import asynccontextmanager
from types import ModuleType
from typing import Any

import httpx
import polars as pl

from tradepose import AsyncTradePoseClient, TradePoseClient
from tradepose._clock import Clock

TASK_ID = "6f1c2a3e-0000-4000-8000-000000000001"
USER_ID = "6f1c2a3e-0000-4000-8000-0000000000aa"
BASE_URL = "http://gw.test"
API_KEY = "tp_test_secretkey123"


class FakeClock(Clock):
    """Advances instantly; records every sleep."""

    def __init__(self, start: float = 1_000.0, epoch: float = 1_700_000_000.0) -> None:
        self.now = start
        self.epoch = epoch
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.epoch + self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)  # still a checkpoint, so task cancellation is delivered

    def wait(self, event: threading.Event, seconds: float) -> bool:
        self.sleep(seconds)
        return event.is_set()

    async def await_event(self, event: threading.Event, seconds: float) -> bool:
        self.sleep(seconds)
        await asyncio.sleep(0)
        return event.is_set()


def strategy_dict(name: str = "s1") -> dict[str, Any]:
    """A minimal wire-format StrategyConfig."""
    blueprint = {"name": "base", "direction": "Long", "trend_type": "Trend", "entry_first": True,
                 "entry_triggers": [], "exit_triggers": []}  # fmt: skip
    return {"name": name, "base_instrument": "BTCUSDT", "base_freq": "1h", "base_blueprint": blueprint}


def task_json(status: int | str = 2, **extra: Any) -> dict[str, Any]:
    """A TaskMetadataResponse body."""
    return {"task_id": TASK_ID, "user_id": USER_ID, "export_type": 0, "created_at": "2024-01-01T00:00:00",
            "status": status, **extra}  # fmt: skip


def frame_for(schema: Mapping[str, Any], rows: int = 2) -> pl.DataFrame:
    """A frame with exactly `schema`, filled with nulls."""
    return pl.DataFrame([pl.Series(name, [None] * rows, dtype=dtype) for name, dtype in schema.items()])


def parquet_bytes(frame: pl.DataFrame) -> bytes:
    buf = io.BytesIO()
    frame.write_parquet(buf)
    return buf.getvalue()


def parquet_response(frame: pl.DataFrame, **headers: str) -> httpx.Response:
    return httpx.Response(
        200, content=parquet_bytes(frame), headers={"content-type": "application/vnd.apache.parquet", **headers}
    )


class TrackingStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that records whether it was closed (to prove no connection is leaked)."""

    def __init__(self, body: bytes, registry: list[TrackingStream]) -> None:
        self.body, self.closed = body, False
        registry.append(self)

    def __iter__(self) -> Iterator[bytes]:
        yield self.body

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.body

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


Handler = Callable[[httpx.Request], httpx.Response]


class Both:
    """Runs one test body against the sync or the async client."""

    def __init__(self, mode: str) -> None:
        self.mode = mode

    @asynccontextmanager
    async def open(
        self, handler: Handler | None = None, *, clock: Clock | None = None, **kwargs: Any
    ) -> AsyncIterator[TradePoseClient | AsyncTradePoseClient]:
        settings: dict[str, Any] = {"api_key": API_KEY, "server_url": BASE_URL, "env_file": None, **kwargs}
        if handler is not None:
            settings["transport"] = httpx.MockTransport(handler)
        if clock is not None:
            settings["clock"] = clock
        if self.mode == "sync":
            with TradePoseClient(**settings) as client:
                yield client
        else:
            async with AsyncTradePoseClient(**settings) as aclient:
                yield aclient

    @staticmethod
    async def run(value: Any) -> Any:
        """Await the value if the async client returned a coroutine."""
        return await value if inspect.isawaitable(value) else value


def new_task_id() -> str:
    return str(uuid.uuid4())


def generated_operations(package: str = "tradepose_api.api") -> dict[str, dict[str, ModuleType]]:
    """Tag -> operation name -> generated module, for every module of the generated client with `_get_kwargs`."""
    root = importlib.import_module(package)
    found: dict[str, dict[str, ModuleType]] = {}
    for tag in pkgutil.iter_modules(root.__path__):
        if tag.ispkg:
            for op in pkgutil.iter_modules(importlib.import_module(f"{package}.{tag.name}").__path__):
                module = importlib.import_module(f"{package}.{tag.name}.{op.name}")
                if hasattr(module, "_get_kwargs"):
                    found.setdefault(tag.name, {})[op.name] = module
    return found
