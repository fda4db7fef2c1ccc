"""Result downloads: streamed to a file, verified, re-downloaded when truncated, schema checked."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
import polars as pl
import pytest

from tests.overlay._overlay_support import TASK_ID, Both, frame_for, parquet_bytes, parquet_response
from tradepose import NotFoundError, ResponseDecodeError, ResultSchemaError
from tradepose._client._schemas import ENHANCED_OHLCV_SCHEMA, PERFORMANCE_SCHEMA, TRADES_SCHEMA

pytestmark = pytest.mark.anyio

TRADES = frame_for(TRADES_SCHEMA)
PERFORMANCE = frame_for(PERFORMANCE_SCHEMA, rows=3)


def serve(
    routes: dict[str, list[httpx.Response]], seen: list[httpx.Request] | None = None
) -> Callable[[httpx.Request], httpx.Response]:
    """A handler that pops the next response for each path suffix."""

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        for suffix, queue in routes.items():
            if request.url.path.endswith(suffix):
                return queue.pop(0)
        return httpx.Response(404, json={"detail": f"no route {request.url.path}"})

    return handler


async def test_trades_and_performance_have_the_exact_schema(both: Both) -> None:
    """download_trades/download_performance return frames with the §5 dtypes from the per-type routes."""
    seen: list[httpx.Request] = []
    routes = {"/results/trades": [parquet_response(TRADES)], "/results/performance": [parquet_response(PERFORMANCE)]}
    async with both.open(serve(routes, seen)) as client:
        trades = await both.run(client.download_trades(TASK_ID))
        performance = await both.run(client.download_performance(TASK_ID))
    assert trades.schema == TRADES_SCHEMA
    assert performance.schema == PERFORMANCE_SCHEMA
    assert (trades.height, performance.height) == (2, 3)
    assert seen[0].url.path == f"/api/v1/tasks/{TASK_ID}/results/trades"
    assert seen[0].headers["Accept"].startswith("application/vnd.apache.parquet")


def _listing(directory: str) -> list[str]:
    return sorted(os.listdir(directory)) if os.path.isdir(directory) else []


async def test_lazy_frame_lives_until_the_client_closes(both: Both) -> None:
    """lazy=True gives a LazyFrame over a temporary file, removed when the client closes."""
    async with both.open(serve({"/results/trades": [parquet_response(TRADES)]})) as client:
        lazy = await both.run(client.download_trades(TASK_ID, lazy=True))
        assert isinstance(lazy, pl.LazyFrame)
        assert lazy.collect().schema == TRADES_SCHEMA
        tmpdir = client._tmpdir.name
        assert len(_listing(tmpdir)) == 1
    assert _listing(tmpdir) == []


async def test_path_keeps_the_parquet_file(both: Both, tmp_path: Path) -> None:
    """path= writes the downloaded Parquet there (for large results) and reads the frame from it."""
    target = tmp_path / "trades.parquet"
    async with both.open(serve({"/results/trades": [parquet_response(TRADES)]})) as client:
        frame = await both.run(client.download_trades(TASK_ID, path=target))
    assert target.read_bytes() == parquet_bytes(TRADES)
    assert frame.schema == TRADES_SCHEMA


@pytest.mark.parametrize(
    ("frame", "column", "fragment"),
    [
        (TRADES.with_columns(pl.col("entry_idx").cast(pl.Int64)), "entry_idx", "has dtype Int64, expected UInt32"),
        (TRADES.drop("pnl_pct"), "pnl_pct", "'pnl_pct' is missing"),
        (TRADES.with_columns(pl.col("entry_time").cast(pl.Datetime("us"))), "entry_time", "expected Datetime"),
    ],
)
async def test_schema_mismatch_names_the_column(both: Both, frame: pl.DataFrame, column: str, fragment: str) -> None:
    """A frame that differs from §5 raises ResultSchemaError naming the offending column."""
    async with both.open(serve({"/results/trades": [parquet_response(frame)]})) as client:
        with pytest.raises(ResultSchemaError) as info:
            await both.run(client.download_trades(TASK_ID))
    assert info.value.column == column
    assert fragment in str(info.value)


async def test_extra_columns_are_allowed(both: Both) -> None:
    """A gateway adding a column does not break the download."""
    frame = TRADES.with_columns(pl.lit(1).alias("new_metric"))
    async with both.open(serve({"/results/trades": [parquet_response(frame)]})) as client:
        assert "new_metric" in (await both.run(client.download_trades(TASK_ID))).columns


async def test_wrong_content_type_is_rejected_before_decoding(both: Both) -> None:
    """A JSON body on a Parquet route raises ResponseDecodeError naming the Content-Type."""
    response = httpx.Response(200, json={"detail": "not ready"})
    async with both.open(serve({"/results/trades": [response]})) as client:
        with pytest.raises(ResponseDecodeError, match="got Content-Type 'application/json'"):
            await both.run(client.download_trades(TASK_ID))


async def test_truncated_body_is_downloaded_again(both: Both) -> None:
    """A body shorter than its Content-Length is fetched again; the second, complete one is used."""
    full = parquet_bytes(TRADES)
    short = httpx.Response(200, content=full[:-50], headers={"content-length": str(len(full)),
                                                             "content-type": "application/octet-stream"})  # fmt: skip
    seen: list[httpx.Request] = []
    async with both.open(serve({"/results/trades": [short, parquet_response(TRADES)]}, seen)) as client:
        frame = await both.run(client.download_trades(TASK_ID))
    assert frame.schema == TRADES_SCHEMA
    assert len(seen) == 2


class _BreakingStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Yields part of a body, then fails like a dropped connection."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def __iter__(self) -> Iterator[bytes]:
        yield self.body[:100]
        raise httpx.ReadError("connection reset")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.body[:100]
        raise httpx.ReadError("connection reset")


async def test_connection_dropped_mid_body_is_downloaded_again(both: Both) -> None:
    """A read error after the headers arrived counts as truncation and triggers a re-download."""
    full = parquet_bytes(TRADES)
    broken = httpx.Response(200, stream=_BreakingStream(full), headers={"content-length": str(len(full))})
    async with both.open(serve({"/results/trades": [broken, parquet_response(TRADES)]})) as client:
        assert (await both.run(client.download_trades(TASK_ID))).height == 2


async def test_body_without_parquet_magic_gives_up_after_bounded_attempts(both: Both) -> None:
    """A body that is never valid Parquet is fetched max_retries + 1 times, then ResponseDecodeError."""
    junk = [httpx.Response(200, content=b"x" * 64, headers={"content-type": "application/octet-stream"})
            for _ in range(3)]  # fmt: skip
    seen: list[httpx.Request] = []
    async with both.open(serve({"/results/trades": junk}, seen), max_retries=2) as client:
        with pytest.raises(ResponseDecodeError, match="incomplete after 3 attempts: no PAR1 magic"):
            await both.run(client.download_trades(TASK_ID))
    assert len(seen) == 3


async def test_not_ready_result_is_not_found(both: Both) -> None:
    """A 404 on a result route raises NotFoundError with the server's message."""
    async with both.open(serve({})) as client:
        with pytest.raises(NotFoundError, match="no route"):
            await both.run(client.download_performance(TASK_ID))


def _zip(**members: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


async def test_backtest_zip_route(both: Both) -> None:
    """download_backtest_zip returns (trades, performance) from the single-ZIP route."""
    body = _zip(**{"trades.parquet": parquet_bytes(TRADES), "performance.parquet": parquet_bytes(PERFORMANCE)})
    response = httpx.Response(200, content=body, headers={"content-type": "application/zip"})
    async with both.open(serve({f"{TASK_ID}/result": [response]})) as client:
        trades, performance = await both.run(client.download_backtest_zip(TASK_ID))
    assert (trades.schema, performance.schema) == (TRADES_SCHEMA, PERFORMANCE_SCHEMA)


async def test_backtest_zip_without_a_member_is_a_decode_error(both: Both) -> None:
    """A ZIP lacking performance.parquet raises ResponseDecodeError naming the member."""
    response = httpx.Response(200, content=_zip(**{"trades.parquet": parquet_bytes(TRADES)}))
    async with both.open(serve({f"{TASK_ID}/result": [response]})) as client:
        with pytest.raises(ResponseDecodeError, match=r"performance\.parquet"):
            await both.run(client.download_backtest_zip(TASK_ID))


async def test_ohlcv_downloads(both: Both) -> None:
    """Enhanced OHLCV is checked against §5.3 (indicator columns extra); on-demand has no fixed schema."""
    enhanced = frame_for(ENHANCED_OHLCV_SCHEMA).with_columns(pl.lit(1.0).alias("BTCUSDT_1h_ATR|14"))
    on_demand = pl.DataFrame({"ts": [1, 2], "close": [1.0, 2.0]})
    routes = {"/enhanced_ohlcv": [parquet_response(enhanced)], "/on_demand_ohlcv": [parquet_response(on_demand)]}
    async with both.open(serve(routes)) as client:
        got_enhanced = await both.run(client.download_enhanced_ohlcv(TASK_ID))
        got_on_demand = await both.run(client.download_on_demand_ohlcv(TASK_ID))
    assert got_enhanced.columns[-1] == "BTCUSDT_1h_ATR|14"
    assert got_on_demand.equals(on_demand)


async def test_json_results_are_typed(both: Both) -> None:
    """Latest trades and validation results come back as the generated models."""
    latest = {"trades": [{"strategy_name": "s", "blueprint_name": "b", "direction": 1, "status": True,
                          "entry_time": "2024-01-01T00:00:00", "entry_price": 1.5}]}  # fmt: skip
    validation = {"valid": False, "validated_strategies": [],
                  "errors": [{"strategy_name": "s", "field_path": "base_freq", "message": "bad"}]}  # fmt: skip
    routes = {"/latest_trades": [httpx.Response(200, json=latest)],
              "/validation_result": [httpx.Response(200, json=validation)]}  # fmt: skip
    async with both.open(serve(routes)) as client:
        trades = await both.run(client.download_latest_trades(TASK_ID))
        result = await both.run(client.download_validation_result(TASK_ID))
    assert trades.trades[0].entry_price == 1.5
    assert result.valid is False
    assert result.errors[0].field_path == "base_freq"


async def test_task_id_must_be_a_uuid(both: Both) -> None:
    """A malformed task id fails before any request is sent."""
    async with both.open(serve({})) as client:
        with pytest.raises(ValueError, match="is not a UUID"):
            await both.run(client.download_trades("not-a-uuid"))


async def test_failed_download_leaves_no_file_at_path(both: Both, tmp_path: Path) -> None:
    """When a download fails, neither the target nor a partial file is left behind."""
    target = tmp_path / "trades.parquet"
    async with both.open(serve({})) as client:
        with pytest.raises(NotFoundError):
            await both.run(client.download_trades(TASK_ID, path=target))
    assert _listing(str(tmp_path)) == []
