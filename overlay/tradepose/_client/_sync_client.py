"""Generated from `_async_client.py` by `make unasync`: do not edit; change the async source instead."""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self, TypeVar, overload

import httpx
import polars as pl
from tradepose_api.api import APIResponse, Resources

# The generated endpoint modules (`tradepose_api.api.<tag>.<operation>`) are imported inside the methods
# that use them: importing the client loads none (tests/test_lazy_import.py).
from tradepose_api.models.export_request import ExportRequest
from tradepose_api.models.freq import Freq
from tradepose_api.models.indicator_spec import IndicatorSpec
from tradepose_api.models.latest_trades_result import LatestTradesResult
from tradepose_api.models.persist_mode import PersistMode
from tradepose_api.models.result_type import ResultType
from tradepose_api.models.task_metadata_response import TaskMetadataResponse
from tradepose_api.models.validation_result import ValidationResult

from .. import _constants as C
from .._clock import SYSTEM_CLOCK, Clock
from .._http._config import ClientConfig, HttpBackend
from .._http._transport import CertLike, ProxyLike, RetryTransport, TransportSettings, VerifyLike
from ._base import ClientBase, inner_transport, task_uuid
from ._downloads import Digest, FileKind, download_file, read_backtest_zip, read_parquet
from ._operations import (
    build_request,
    connection_error,
    raise_for_status,
    send,
)
from ._polling import ProgressCallback, poll_until_complete
from ._runner import (
    BacktestResult,
    DateLike,
    ExportAdapter,
    StrategyLike,
    ValidationAdapter,
    run_export,
    to_strategy_configs,
)
from ._schemas import ENHANCED_OHLCV_SCHEMA, PERFORMANCE_SCHEMA, TRADES_SCHEMA

__all__ = ["TradePoseClient"]

T = TypeVar("T")

logger = logging.getLogger("tradepose")


class TradePoseClient(ClientBase, Resources):
    """TradePose client; the async one awaits every call. Use it as a context manager, or close it.

    Settings come from the arguments, else `TRADEPOSE_*` environment variables, else `.env`, else
    defaults (see `ClientConfig.resolve`). The network settings mean what they mean to httpx: `proxy=`,
    else `HTTP_PROXY`/`HTTPS_PROXY`/`ALL_PROXY` minus `NO_PROXY` (with `trust_env=True`); `verify=`
    (bool, CA bundle path or `ssl.SSLContext`; `SSL_CERT_FILE`/`SSL_CERT_DIR`), `cert=`, `limits=`;
    `http_client=` sends through a prepared httpx client (which the caller closes). Retries and
    credential stripping apply on every route. `http_backend=` (`TRADEPOSE_HTTP_BACKEND`) picks the
    connection pool of `AsyncTradePoseClient` and `BatchTester`: `"aiohttp"` (the default: aiohttp's
    pool under httpx, a fraction of httpx's CPU per request) or `"httpx"`; `TradePoseClient` always sends
    with httpx's own pool (there it only concerns the async functions of `client.api`). Every API operation is a typed method
    `client.<tag>.<operation>(...)`, e.g. `client.tasks.get_task_status(task_id=...)`; it returns the
    generated model or raises a `TradePoseError` subclass, and `client.<tag>.with_response.<operation>(...)`
    returns the `APIResponse`. `client.api` is the configured generated client, for the generated
    functions themselves.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        jwt_token: str | None = None,
        server_url: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        poll_interval: float | None = None,
        poll_timeout: float | None = None,
        config: ClientConfig | None = None,
        transport: httpx.BaseTransport | None = None,
        env_file: str | os.PathLike[str] | None = ".env",
        clock: Clock = SYSTEM_CLOCK,
        proxy: ProxyLike | None = None,
        verify: VerifyLike = True,
        cert: CertLike | None = None,
        limits: httpx.Limits | None = None,
        trust_env: bool = True,
        http_client: httpx.Client | None = None,
        http_backend: HttpBackend | None = None,
    ) -> None:
        inner = inner_transport(transport, http_client)
        settings = TransportSettings(proxy=proxy, verify=verify, cert=cert, limits=limits or httpx.Limits(),
                                     trust_env=trust_env)  # fmt: skip
        super().__init__(
            api_key=api_key, jwt_token=jwt_token, server_url=server_url, timeout=timeout, max_retries=max_retries,
            poll_interval=poll_interval, poll_timeout=poll_timeout, http_backend=http_backend, config=config,
            env_file=env_file, clock=clock,
            transport=RetryTransport(transport=inner, clock=clock, settings=settings),
        )  # fmt: skip
        self._http = self._api.get_httpx_client()
        Resources.__init__(self, self._send_operation)

    def _send_operation(self, kwargs: dict[str, Any], parse: Callable[[httpx.Response], T], /) -> APIResponse[T]:
        """The sender behind every `client.<tag>.<operation>(...)`: auth, retries, typed errors, decoding."""
        return send(self._http, self._clock, kwargs, parse)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:  # fmt: skip
        self.close()

    def close(self) -> None:
        """Close connections and delete temporary files (including those behind lazy frames)."""
        self._http.close()
        self._cleanup_tmp()

    def health_check(self) -> bool:
        """True if `GET /health` answers 2xx within a few seconds. Never raises; never retries."""
        from tradepose_api.api.health import get_health

        try:
            request = build_request(self._http, get_health._get_kwargs(), timeout=C.HEALTH_CHECK_TIMEOUT,
                                    max_retries=0)  # fmt: skip
            return (self._http.send(request)).is_success
        except Exception:  # by contract: any failure is simply "not healthy"
            logger.debug("health check failed", exc_info=True)
            return False

    # Polling.
    def get_task_status_response(self, task_id: str | uuid.UUID) -> httpx.Response:
        """The raw task-status answer, auth, retries and typed errors applied, body left undecoded.

        For callers that must tolerate status values the spec does not know yet (see `decode_status`).
        """
        return self._status_response(task_id, None)

    def _status_response(self, task_id: str | uuid.UUID, deadline: float | None) -> httpx.Response:
        from tradepose_api.api.tasks import get_task_status

        request = build_request(self._http, self._result_kwargs(get_task_status, task_id), deadline=deadline)
        try:
            response = self._http.send(request)
        except httpx.RequestError as exc:
            raise connection_error(exc, request) from exc
        raise_for_status(response, self._clock)
        return response

    def poll_until_complete(
        self,
        task_id: str | uuid.UUID,
        *,
        timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> TaskMetadataResponse:
        """Wait for a task to complete and return its final metadata (see `_polling.poll_until_complete`).

        `timeout` defaults to the configured poll timeout. Raises TaskFailedError, TaskTimeoutError,
        TaskCancelledError (when `cancel` is set, or the awaiting task is cancelled); transient errors
        are logged and polling goes on.
        """
        return poll_until_complete(
            lambda left: self._status_response(task_id, left), str(task_id), timeout=self._resolve_timeout(timeout),
            interval=self.config.poll_interval, on_progress=on_progress, cancel=cancel, clock=self._clock,
        )  # fmt: skip

    # Downloads.
    def _fetch_file(
        self, kwargs: dict[str, Any], kind: FileKind, dest: Path, digest: Digest | None = None
    ) -> httpx.Response:
        """Stream one route's answer to `dest` (retried, within the download deadline); hashed into `digest`."""
        factory = self._request_factory(self._http, kwargs, kind)
        return download_file(
            self._http,
            factory,
            dest,
            kind,
            self._clock,
            attempts=self.config.max_retries + 1,
            deadline=self.config.download_deadline,
            digest=digest,
        )

    def _frame(self, kwargs: dict[str, Any], schema: Mapping[str, Any] | None, what: str,
                     path: str | os.PathLike[str] | None, lazy: bool) -> pl.DataFrame | pl.LazyFrame:  # fmt: skip
        dest = Path(path) if path is not None else self._tmp_file(".parquet")
        # A kept file is written beside its target and renamed once verified: never a half file at `path`.
        part = dest.with_name(dest.name + ".part") if path is not None else dest
        try:
            response = self._fetch_file(kwargs, "parquet", part)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        part.replace(dest)
        try:
            return read_parquet(dest, lazy=lazy, schema=schema, what=what, response=response, clock=self._clock)
        finally:
            if path is None and not lazy:
                dest.unlink(missing_ok=True)

    @overload
    def download_trades(self, task_id: str | uuid.UUID, *, path: str | os.PathLike[str] | None = ...,
                              lazy: Literal[False] = ...) -> pl.DataFrame: ...  # fmt: skip
    @overload
    def download_trades(self, task_id: str | uuid.UUID, *, path: str | os.PathLike[str] | None = ...,
                              lazy: Literal[True]) -> pl.LazyFrame: ...  # fmt: skip
    def download_trades(self, task_id: str | uuid.UUID, *, path: str | os.PathLike[str] | None = None,
                              lazy: bool = False) -> pl.DataFrame | pl.LazyFrame:  # fmt: skip
        """A backtest's trades (§5.1 schema checked). `path=` keeps the Parquet file there; `lazy=True`
        returns a LazyFrame over the file (a temporary one lives until the client is closed)."""
        from tradepose_api.api.tasks import download_task_result

        kwargs = self._result_kwargs(download_task_result, task_id, result_type=ResultType.TRADES)
        return self._frame(kwargs, TRADES_SCHEMA, "trades", path, lazy)

    @overload
    def download_performance(self, task_id: str | uuid.UUID, *, path: str | os.PathLike[str] | None = ...,
                                   lazy: Literal[False] = ...) -> pl.DataFrame: ...  # fmt: skip
    @overload
    def download_performance(self, task_id: str | uuid.UUID, *, path: str | os.PathLike[str] | None = ...,
                                   lazy: Literal[True]) -> pl.LazyFrame: ...  # fmt: skip
    def download_performance(self, task_id: str | uuid.UUID, *, path: str | os.PathLike[str] | None = None,
                                   lazy: bool = False) -> pl.DataFrame | pl.LazyFrame:  # fmt: skip
        """A backtest's performance metrics (§5.2 schema checked); options as for `download_trades`."""
        from tradepose_api.api.tasks import download_task_result

        kwargs = self._result_kwargs(download_task_result, task_id, result_type=ResultType.PERFORMANCE)
        return self._frame(kwargs, PERFORMANCE_SCHEMA, "performance", path, lazy)

    def download_backtest_zip(self, task_id: str | uuid.UUID) -> tuple[pl.DataFrame, pl.DataFrame]:
        """(trades, performance) from the single-ZIP route, both schema checked."""
        from tradepose_api.api.tasks import download_backtest_result

        dest = self._tmp_file(".zip")
        try:
            self._fetch_file(self._result_kwargs(download_backtest_result, task_id), "zip", dest)
            return read_backtest_zip(
                dest, trades_schema=TRADES_SCHEMA, performance_schema=PERFORMANCE_SCHEMA, clock=self._clock
            )
        finally:
            dest.unlink(missing_ok=True)

    def download_enhanced_ohlcv(self, task_id: str | uuid.UUID, *,
                                      path: str | os.PathLike[str] | None = None) -> pl.DataFrame:  # fmt: skip
        """Enhanced OHLCV (§5.3 columns checked; indicator columns extra)."""
        from tradepose_api.api.tasks import download_enhanced_ohlcv as endpoint

        frame = self._frame(self._result_kwargs(endpoint, task_id), ENHANCED_OHLCV_SCHEMA,
                                  "enhanced_ohlcv", path, False)  # fmt: skip
        assert isinstance(frame, pl.DataFrame)
        return frame

    def download_on_demand_ohlcv(self, task_id: str | uuid.UUID, *,
                                       path: str | os.PathLike[str] | None = None) -> pl.DataFrame:  # fmt: skip
        """On-demand OHLCV with the requested indicator columns (no fixed schema)."""
        from tradepose_api.api.tasks import download_on_demand_ohlcv as endpoint

        frame = self._frame(self._result_kwargs(endpoint, task_id), None,
                                  "on_demand_ohlcv", path, False)  # fmt: skip
        assert isinstance(frame, pl.DataFrame)
        return frame

    def download_latest_trades(self, task_id: str | uuid.UUID) -> LatestTradesResult:
        """The latest-trades result as the generated model."""
        result: LatestTradesResult = self.tasks.get_latest_trades(task_id=task_uuid(task_id))
        return result

    def download_validation_result(self, task_id: str | uuid.UUID) -> ValidationResult:
        """The validation result as the generated model."""
        result: ValidationResult = self.tasks.get_validation_result(task_id=task_uuid(task_id))
        return result

    # One-call workflows: submit once, poll, download.
    def _run(self, adapter: ExportAdapter[T], timeout: float | None,
                   on_progress: ProgressCallback | None,
                   cancel: threading.Event | None) -> T:  # fmt: skip
        def submit(request: ExportRequest) -> str:
            return str((self.export.create_export(body=request)).task_id)

        def poll(task_id: str) -> TaskMetadataResponse:
            return self.poll_until_complete(task_id, timeout=timeout, on_progress=on_progress, cancel=cancel)

        return run_export(adapter, self, submit=submit, poll=poll)

    def export_backtest_results(
        self, strategies: StrategyLike | Iterable[StrategyLike], start_date: DateLike, end_date: DateLike, *,
        strategy_ids: Iterable[str] | None = None, persist_mode: PersistMode = PersistMode.REDIS,
        timeout: float | None = None, on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> BacktestResult:  # fmt: skip
        """Run a backtest and return its trades and performance frames."""
        adapter = self._backtest(strategies, start_date, end_date, strategy_ids, persist_mode)
        return self._run(adapter, timeout, on_progress, cancel)

    def export_enhanced_ohlcv(
        self, strategies: StrategyLike | Iterable[StrategyLike], start_date: DateLike, end_date: DateLike, *,
        strategy_name: str | None = None, blueprint_name: str | None = None,
        persist_mode: PersistMode = PersistMode.REDIS, timeout: float | None = None,
        on_progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
    ) -> pl.DataFrame:  # fmt: skip
        """Run an enhanced-OHLCV export and return the frame."""
        adapter = self._enhanced(strategies, start_date, end_date, strategy_name, blueprint_name, persist_mode)
        return self._run(adapter, timeout, on_progress, cancel)

    def export_on_demand_ohlcv(
        self, base_instrument: str, base_freq: Freq | str, start_date: DateLike, end_date: DateLike,
        indicator_specs: Iterable[IndicatorSpec | Mapping[str, Any]], *,
        persist_mode: PersistMode = PersistMode.REDIS, timeout: float | None = None,
        on_progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
    ) -> pl.DataFrame:  # fmt: skip
        """Compute indicators on an instrument's OHLCV and return the frame."""
        adapter = self._on_demand(base_instrument, base_freq, start_date, end_date, indicator_specs, persist_mode)
        return self._run(adapter, timeout, on_progress, cancel)

    def export_latest_trades(
        self, strategies: StrategyLike | Iterable[StrategyLike], *, start_date: DateLike | None = None,
        strategy_ids: Iterable[str] | None = None, trade_count: int | None = None,
        persist_mode: PersistMode = PersistMode.REDIS, timeout: float | None = None,
        on_progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
    ) -> LatestTradesResult:  # fmt: skip
        """The latest trades per (strategy, blueprint); `start_date` defaults to today (UTC)."""
        adapter = self._latest(strategies, start_date, strategy_ids, trade_count, persist_mode)
        return self._run(adapter, timeout, on_progress, cancel)

    def validate_strategies(
        self, strategies: StrategyLike | Iterable[StrategyLike], *, timeout: float | None = None,
        on_progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
    ) -> ValidationResult:  # fmt: skip
        """Validate strategies on the gateway without running them."""
        adapter = ValidationAdapter(to_strategy_configs(strategies))
        return self._run(adapter, timeout, on_progress, cancel)
