"""What the sync and async clients share: configuration, the generated client, adapters, temp files.

Both clients are built on the generated `tradepose_api.AuthenticatedClient` (public as `client.api`): our
`RetryTransport` and `TradePoseAuth` travel in its `httpx_args`, and every request goes through its
`get_httpx_client()` / `get_async_httpx_client()` - ours, and those of the generated functions called
with `client=client.api`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import platform
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import httpx
import tradepose_api
from tradepose_api.models.freq import Freq
from tradepose_api.models.indicator_spec import IndicatorSpec
from tradepose_api.models.persist_mode import PersistMode

from .._clock import Clock
from .._errors import ConfigError, InputError
from .._http._auth import TradePoseAuth
from .._http._config import ClientConfig, HttpBackend
from .._http._retry import RetryPolicy
from .._http._transport import ClientTransport, RetryTransport
from .._version import __version__
from ._downloads import ACCEPT, FileKind
from ._operations import build_request
from ._runner import (
    BacktestAdapter,
    DateLike,
    EnhancedOhlcvAdapter,
    LatestTradesAdapter,
    OnDemandOhlcvAdapter,
    StrategyLike,
    to_indicator_specs,
    to_strategy_configs,
    to_wire_date,
)

__all__ = ["USER_AGENT", "ClientBase", "inner_transport", "task_uuid"]

_T = TypeVar("_T", httpx.BaseTransport, httpx.AsyncBaseTransport)

logger = logging.getLogger("tradepose")

USER_AGENT = f"tradepose-sdk/{__version__} (python {platform.python_version()}; httpx {httpx.__version__})"
_LOG_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


def _configure_logging(level: str | None) -> None:
    """`TRADEPOSE_LOG=debug` logs every request (method, URL, status, retries – never headers)."""
    if level is None or level not in _LOG_LEVELS:
        return
    logger.setLevel(_LOG_LEVELS[level])
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)


def inner_transport(
    transport: _T | None, http_client: httpx.Client | httpx.AsyncClient | None
) -> _T | ClientTransport | None:
    """The transport under the retries: an explicit one, else the caller's prepared client, else None (settings)."""
    if transport is not None and http_client is not None:
        raise ConfigError("pass either transport= or http_client=, not both")
    return ClientTransport(http_client) if http_client is not None else transport


def task_uuid(task_id: str | uuid.UUID) -> uuid.UUID:
    if isinstance(task_id, uuid.UUID):
        return task_id
    if not isinstance(task_id, str):
        raise InputError(f"task_id must be a UUID string, got {type(task_id).__name__}")
    try:
        return uuid.UUID(task_id)
    except ValueError:
        raise InputError(f"task_id {task_id[:80]!r} is not a UUID: pass the id an export call returned") from None


class ClientBase:
    """Configuration, the generated client, adapters and temp files: everything sync and async share."""

    def __init__(
        self,
        *,
        api_key: str | None,
        jwt_token: str | None,
        server_url: str | None,
        timeout: float | None,
        max_retries: int | None,
        poll_interval: float | None,
        poll_timeout: float | None,
        http_backend: HttpBackend | None,
        config: ClientConfig | None,
        env_file: str | os.PathLike[str] | None,
        clock: Clock,
        transport: RetryTransport,
    ) -> None:
        explicit = (api_key, jwt_token, server_url, timeout, max_retries, poll_interval, poll_timeout, http_backend)
        if config is not None and any(v is not None for v in explicit):
            raise TypeError("pass either config= or individual settings, not both")
        self.config = config or ClientConfig.resolve(
            api_key=api_key, jwt_token=jwt_token, server_url=server_url, timeout=timeout, max_retries=max_retries,
            poll_interval=poll_interval, poll_timeout=poll_timeout, http_backend=http_backend, env_file=env_file,
        )  # fmt: skip
        _configure_logging(self.config.log)
        self._clock = clock
        # The transport exists before the config is resolved (subclasses pick its sync/async side).
        transport.policy = RetryPolicy(max_retries=self.config.max_retries)
        transport.credential_origin = httpx.URL(self.config.server_url)
        transport.deadline = self.config.request_deadline
        transport.settings = replace(transport.settings, http_backend=self.config.http_backend)
        # The generated client bakes `{auth_header_name: token}` into its httpx clients; we point that at the
        # User-Agent so no credential is baked in (or shown by its repr): TradePoseAuth adds them per request.
        self._api = tradepose_api.AuthenticatedClient(
            base_url=self.config.server_url,
            token=USER_AGENT,
            prefix="",
            auth_header_name="User-Agent",
            timeout=httpx.Timeout(self.config.timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            follow_redirects=True,
            httpx_args={
                "transport": transport,
                "auth": TradePoseAuth(api_key=self.config.api_key, jwt_token=self.config.jwt_token),
            },
        )
        self._tmpdir: tempfile.TemporaryDirectory[str] | None = None
        self._tmp_lock = threading.Lock()

    def __repr__(self) -> str:
        creds = "+".join(n for n, v in (("api_key", self.config.api_key), ("jwt", self.config.jwt_token)) if v)
        return f"{type(self).__name__}(server_url={self.config.server_url!r}, credentials={creds or 'none'})"

    @property
    def api(self) -> tradepose_api.AuthenticatedClient:
        """The configured generated client (auth, retries, timeouts, this client's connections).

        Pass it to any generated function: `tradepose_api.api.tasks.get_task_status.sync(client=client.api,
        task_id=...)`. Those return the generator's results (`None` or an error model on failure) rather than
        raising the `TradePoseError` tree, which the resources (`client.tasks....`) do.
        """
        return self._api

    def _tmp_file(self, suffix: str) -> Path:
        with self._tmp_lock:
            if self._tmpdir is None:
                self._tmpdir = tempfile.TemporaryDirectory(prefix="tradepose-")
            return Path(self._tmpdir.name) / f"{uuid.uuid4().hex}{suffix}"

    def _cleanup_tmp(self) -> None:
        with self._tmp_lock:
            if self._tmpdir is not None:
                self._tmpdir.cleanup()
                self._tmpdir = None

    @staticmethod
    def _request_factory(
        http: httpx.Client | httpx.AsyncClient, kwargs: dict[str, Any], kind: FileKind
    ) -> Callable[[], httpx.Request]:
        """A fresh download request per attempt (a re-download must not reuse a consumed request)."""
        return lambda: build_request(http, kwargs, headers={"Accept": ACCEPT[kind]}, stream=True)

    @staticmethod
    def _result_kwargs(module: ModuleType, task_id: str | uuid.UUID, **extra: Any) -> dict[str, Any]:
        kwargs: dict[str, Any] = module._get_kwargs(task_uuid(task_id), **extra)
        return kwargs

    def _resolve_timeout(self, timeout: float | None) -> float:
        return self.config.poll_timeout if timeout is None else timeout

    # Adapters (pure construction, shared by both clients).
    def _backtest(self, strategies: StrategyLike | Iterable[StrategyLike], start_date: DateLike, end_date: DateLike,
                  strategy_ids: Iterable[str] | None, persist_mode: PersistMode) -> BacktestAdapter:  # fmt: skip
        return BacktestAdapter(
            to_strategy_configs(strategies), to_wire_date(start_date), to_wire_date(end_date),
            list(strategy_ids) if strategy_ids is not None else None, persist_mode,
        )  # fmt: skip

    def _enhanced(self, strategies: StrategyLike | Iterable[StrategyLike], start_date: DateLike, end_date: DateLike,
                  strategy_name: str | None, blueprint_name: str | None,
                  persist_mode: PersistMode) -> EnhancedOhlcvAdapter:  # fmt: skip
        return EnhancedOhlcvAdapter(
            to_strategy_configs(strategies), to_wire_date(start_date), to_wire_date(end_date),
            strategy_name, blueprint_name, persist_mode,
        )  # fmt: skip

    def _on_demand(self, base_instrument: str, base_freq: Freq | str, start_date: DateLike, end_date: DateLike,
                   indicator_specs: Iterable[IndicatorSpec | Mapping[str, Any]],
                   persist_mode: PersistMode) -> OnDemandOhlcvAdapter:  # fmt: skip
        return OnDemandOhlcvAdapter(
            base_instrument, str(base_freq), to_wire_date(start_date), to_wire_date(end_date),
            to_indicator_specs(indicator_specs), persist_mode,
        )  # fmt: skip

    def _latest(self, strategies: StrategyLike | Iterable[StrategyLike], start_date: DateLike | None,
                strategy_ids: Iterable[str] | None, trade_count: int | None,
                persist_mode: PersistMode) -> LatestTradesAdapter:  # fmt: skip
        # Default to today in UTC (the public client used the local date, §8.1 #12).
        start = to_wire_date(start_date) if start_date is not None else _utc_today(self._clock)
        ids = list(strategy_ids) if strategy_ids is not None else None
        return LatestTradesAdapter(to_strategy_configs(strategies), start, ids, trade_count, persist_mode)


def _utc_today(clock: Clock) -> str:
    return dt.datetime.fromtimestamp(clock.time(), dt.UTC).date().isoformat()
