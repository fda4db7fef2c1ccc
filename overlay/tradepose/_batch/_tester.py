"""`BatchTester`: many backtests at once, resumable, with progress.

One task per period, each carrying every strategy (what the gateway expects). The tester owns one
background thread with its own event loop (`_loop.BackgroundLoop`) and one async client on it, so it
works the same in scripts, in Jupyter and inside a running event loop. `submit()` writes the batch
journal and returns at once; the run continues in the background and fills in the `BatchResults`.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import dataclasses
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from tradepose_api.models.export_type import ExportType
from tradepose_api.models.freq import Freq
from tradepose_api.models.indicator_spec import IndicatorSpec
from tradepose_api.models.latest_trades_result import LatestTradesResult
from tradepose_api.models.persist_mode import PersistMode
from tradepose_api.models.validation_result import ValidationResult

from .._authoring._period import Period, PeriodLike
from .._authoring._strategies import StrategyInput, load_strategies
from .._authoring._validation import coerce_enum
from .._client._async_client import AsyncTradePoseClient
from .._client._runner import DateLike, OnDemandOhlcvAdapter, to_indicator_specs
from .._clock import SYSTEM_CLOCK, Clock
from .._errors import ConfigError
from .._http._config import ClientConfig, HttpBackend
from .._http._transport import CertLike, ProxyLike, VerifyLike
from ._engine import BatchRun, RunLimits
from ._inputs import batch_periods
from ._journal import BatchParams, Journal, JournalError, default_workdir
from ._loop import BackgroundLoop, BackgroundRun
from ._results import BatchResults
from ._schedule import ScheduleSettings

__all__ = ["BatchTester"]

logger = logging.getLogger("tradepose")
_CLOSE_TIMEOUT = 10.0
# At interpreter exit every tester still open is closed, each run given this long to stop (then dropped:
# its journal has every step, and resume() redoes the rest). Nothing is printed on that path.
_EXIT_BUDGET = 1.2
# Strong references: a tester the script dropped still runs on its thread, so exit must still close it
# (a weak set lost it to the garbage collector, leaving its connection pool for exit to complain about).
_OPEN: set[BatchTester] = set()


def _close_open_testers() -> None:
    testers = list(_OPEN)
    deadline = SYSTEM_CLOCK.monotonic() + _EXIT_BUDGET
    for tester in testers:
        tester._shutdown(timeout=max(0.1, deadline - SYSTEM_CLOCK.monotonic()), quiet=True)


# Before the interpreter shuts down thread pools (threading's own exit hooks run before `atexit`'s, the
# later-registered first): the runs' journal writes need theirs until they have stopped.
_register = getattr(threading, "_register_atexit", atexit.register)
_register(_close_open_testers)


# The largest request budget accepted (far above any plan; keeps the budget's arithmetic finite).
_MAX_RPM = 1e9


class _HybridResume:
    """`BatchTester.resume(workdir)` on the class (a tester from the environment) or on an instance."""

    def __get__(self, instance: BatchTester | None, owner: type[BatchTester]) -> Callable[..., BatchResults]:
        def resume(workdir: str | os.PathLike[str], **options: Any) -> BatchResults:
            if instance is None:
                tester = owner(**options)
                return tester._resume(workdir, owns_tester=True)
            if options:
                raise TypeError("pass client options to BatchTester(...), not to resume() on an instance")
            return instance._resume(workdir, owns_tester=False)

        resume.__doc__ = BatchTester._resume.__doc__
        return resume


@dataclass(frozen=True, slots=True)
class _Runs:
    """The tester as its results see it (`RunOwner`): start, release, close – nothing else."""

    tester: BatchTester

    def start_run(self, journal: Journal, *, resubmit_failed: bool, ambiguous: bool = False) -> BackgroundRun[None]:
        return self.tester._start_run(journal, resubmit_failed=resubmit_failed, ambiguous=ambiguous)

    def release(self, journal: Journal) -> None:
        self.tester._release(journal)

    def close(self) -> None:
        self.tester.close()


class BatchTester:
    """Submit strategies × periods as gateway tasks and collect the results as Polars frames.

    Configuration comes from the arguments, else the environment (`TRADEPOSE_API_KEY`,
    `TRADEPOSE_SERVER_URL`, ...) or a `.env` file – the same as `TradePoseClient`, and so do the
    network settings (`proxy=`, `verify=`, `cert=`, `limits=`, `trust_env=`, `http_client=`) and
    `http_backend=` (`TRADEPOSE_HTTP_BACKEND`: `"aiohttp"`, the default, or `"httpx"`).
    Use it as a context manager, or call `close()`; it leaves no thread or connection behind.

    `poll_timeout` (`TRADEPOSE_POLL_TIMEOUT`, default 300 s) is each task's deadline, counted from its
    submission, so time queued behind the plan's concurrency limit counts; a period past it is recorded
    `timed_out` (counted as failed in `status`) with its task id kept, and `resume()` / `retry_failed()` poll that task again
    instead of submitting it again. Status-check failures and 404s within the deadline are waited out
    with backoff. `poll_interval` (`TRADEPOSE_POLL_INTERVAL`, default 2 s) is the longest interval
    between checks of a running task.

    Submissions: a period with a journalled task id is never POSTed again. A POST is re-sent
    automatically only when it provably created no task (no connection, 429, 503). After an answer
    that leaves it open (500/502/504, a lost answer, a 2xx without a task id) the period is
    `ambiguous` (its own journal state, counted as failed). `resubmit_ambiguous=True` (the default) re-submits it (within `max_retries`) and
    flags it in `BatchResults.duplicates` and the manifest: an unattended overnight batch then
    finishes, at the cost of a few extra, flagged tasks for such periods, which is cheaper than a hole
    in the results. With `False` such periods stay `ambiguous`, left for
    `retry_failed(ambiguous=True)`. A 401/403 stops all further submissions at once; `wait()` raises
    it, the unsent periods stay planned, and `resume()` with a corrected credential continues. A
    result that cannot be written fails its period only (`ResultWriteError`); a journal that cannot
    be written ends the run with one `JournalError` saying what to do.
    """

    def __init__(
        self,
        api_key: str | None = None,
        server_url: str | None = None,
        *,
        jwt_token: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        max_concurrent_submissions: int = 8,
        max_concurrent_polls: int = 16,
        max_concurrent_downloads: int = 4,
        requests_per_minute: float | None = None,
        poll_timeout: float | None = None,
        poll_interval: float | None = None,
        resubmit_ambiguous: bool = True,
        env_file: str | os.PathLike[str] | None = ".env",
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock = SYSTEM_CLOCK,
        proxy: ProxyLike | None = None,
        verify: VerifyLike = True,
        cert: CertLike | None = None,
        limits: httpx.Limits | None = None,
        trust_env: bool = True,
        http_client: httpx.AsyncClient | None = None,
        http_backend: HttpBackend | None = None,
    ) -> None:
        for name, value in (("max_concurrent_submissions", max_concurrent_submissions),
                            ("max_concurrent_polls", max_concurrent_polls),
                            ("max_concurrent_downloads", max_concurrent_downloads)):  # fmt: skip
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name}={value!r}: use a whole number, 1 or more")
        if requests_per_minute is not None and not (
            isinstance(requests_per_minute, int | float)
            and not isinstance(requests_per_minute, bool)
            and 0 < requests_per_minute <= _MAX_RPM  # compared, not float()ed: 10**400 would overflow it
        ):
            raise ConfigError(
                f"requests_per_minute={requests_per_minute!r}: use a positive number up to {_MAX_RPM:g}, or None"
            )
        self.config = ClientConfig.resolve(
            api_key=api_key, jwt_token=jwt_token, server_url=server_url, timeout=timeout,
            max_retries=max_retries, poll_timeout=poll_timeout, poll_interval=poll_interval, env_file=env_file,
            http_backend=http_backend,
        )  # fmt: skip
        settings = ScheduleSettings()
        settings = dataclasses.replace(
            settings, processing_cap=max(self.config.poll_interval, settings.processing_interval)
        )
        self._limits = RunLimits(
            submissions=max_concurrent_submissions, polls=max_concurrent_polls,
            downloads=max_concurrent_downloads, requests_per_minute=requests_per_minute,
            poll_timeout=self.config.poll_timeout, schedule=settings, resubmit_ambiguous=resubmit_ambiguous,
        )  # fmt: skip
        self._transport = transport
        # Network settings, as for AsyncTradePoseClient (proxies from the environment unless trust_env=False).
        self._network: dict[str, Any] = {"proxy": proxy, "verify": verify, "cert": cert, "limits": limits,
                                         "trust_env": trust_env, "http_client": http_client}  # fmt: skip
        self._clock = clock
        self._loop = BackgroundLoop(name="tradepose-batch")
        self._client: AsyncTradePoseClient | None = None
        self._journals: dict[Path, Journal] = {}
        self._lock = threading.Lock()
        self._closed = False
        _OPEN.add(self)

    def __repr__(self) -> str:
        return f"BatchTester(server_url={self.config.server_url!r})"

    def __enter__(self) -> BatchTester:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- batches -----------------------------------------------------------------------------------

    def submit(
        self,
        strategies: StrategyInput | Iterable[StrategyInput],
        periods: Iterable[Period | PeriodLike] | Period | str,
        *,
        workdir: str | os.PathLike[str] | None = None,
        persist_mode: PersistMode | int = PersistMode.REDIS,
        strategy_ids: Sequence[str] | None = None,
    ) -> BatchResults:
        """Backtest every strategy over every period; returns at once with a `BatchResults`.

        Strategies: generated `StrategyConfig` models, wire-format dicts or JSON file paths. Periods:
        `Period` objects or text such as `"2024Q1"`, `"2024-03"`, `"2024"`, or `(start, end)`. The
        end date's whole last day is included. `workdir` defaults to a new directory under the user's
        cache directory (printed); pass it to `BatchTester.resume` after a crash.
        """
        options: dict[str, Any] = {"persist_mode": int(persist_mode)}
        if strategy_ids is not None:
            options["strategy_ids"] = list(strategy_ids)
        return self._start(ExportType.BACKTEST_RESULTS, load_strategies(strategies), periods, workdir, options)

    def submit_enhanced_ohlcv(
        self,
        strategy: StrategyInput,
        periods: Iterable[Period | PeriodLike] | Period | str,
        *,
        strategy_name: str | None = None,
        blueprint_name: str | None = None,
        workdir: str | os.PathLike[str] | None = None,
        persist_mode: PersistMode | int = PersistMode.REDIS,
    ) -> BatchResults:
        """Enhanced OHLCV (bars, signals, positions, indicators) of one strategy per period; see `submit`."""
        configs = load_strategies(strategy)
        options = {
            "persist_mode": int(persist_mode),
            "strategy_name": strategy_name or configs[0].name,
            "blueprint_name": blueprint_name,
        }
        return self._start(ExportType.ENHANCED_OHLCV, configs, periods, workdir, options)

    def submit_ohlcv(
        self,
        base_instrument: str,
        base_freq: Freq | str,
        indicator_specs: Iterable[IndicatorSpec | Mapping[str, Any]],
        periods: Iterable[Period | PeriodLike] | Period | str,
        *,
        workdir: str | os.PathLike[str] | None = None,
        persist_mode: PersistMode | int = PersistMode.REDIS,
    ) -> BatchResults:
        """On-demand OHLCV plus indicator columns for an instrument, per period; no strategy needed."""
        specs = to_indicator_specs(indicator_specs)
        if not specs:
            raise ConfigError("no indicator specs given: pass at least one, e.g. {'freq': '1h', 'indicator': ...}")
        freq = str(coerce_enum(Freq, base_freq, "base_freq"))
        options = {"persist_mode": int(persist_mode), "base_instrument": base_instrument, "base_freq": freq,
                   "indicator_specs": [s.to_dict() for s in specs]}  # fmt: skip
        # The request carries a generated placeholder strategy (the gateway requires one); journal it too.
        placeholder = OnDemandOhlcvAdapter(base_instrument, freq, "", "", specs)
        return self._start(ExportType.ON_DEMAND_OHLCV, [placeholder.placeholder_strategy()], periods, workdir, options)

    def validate(
        self, strategies: StrategyInput | Iterable[StrategyInput], *, timeout: float = 60.0
    ) -> ValidationResult:
        """Validate strategies on the gateway (blocking); the result lists each broken field."""
        configs = load_strategies(strategies)
        client = self._async_client()
        return self._loop.run(client.validate_strategies(configs, timeout=timeout))

    def submit_latest_trades(
        self,
        strategies: StrategyInput | Iterable[StrategyInput],
        *,
        start_date: DateLike | None = None,
        trade_count: int | None = None,
        persist_mode: PersistMode | int = PersistMode.PSQL,
        timeout: float = 120.0,
    ) -> LatestTradesResult:
        """The latest trades per (strategy, blueprint) since `start_date` (default today, UTC); blocking."""
        configs = load_strategies(strategies)
        client = self._async_client()
        return self._loop.run(
            client.export_latest_trades(configs, start_date=start_date, trade_count=trade_count,
                                        persist_mode=PersistMode(int(persist_mode)), timeout=timeout)
        )  # fmt: skip

    resume = _HybridResume()

    @staticmethod
    def open(workdir: str | os.PathLike[str]) -> BatchResults:
        """`BatchResults.open(workdir)`: a batch's results, read-only, with no credentials and no gateway."""
        return BatchResults.open(workdir)

    def _resume(self, workdir: str | os.PathLike[str], *, owns_tester: bool = False) -> BatchResults:
        """Continue a batch from its work directory after a crash, kill or Ctrl+C; returns at once.

        Periods with a journalled task id are never submitted again: they are polled and their missing
        results downloaded. Periods whose submission was in flight are re-submitted and flagged in
        `BatchResults.duplicates`. Recorded results are re-checked against their sha256.
        """
        journal = Journal.open(workdir, clock=self._clock)
        self._register(journal)
        return BatchResults(journal, _Runs(self), owns_owner=owns_tester, monotonic=self._clock.monotonic)

    def _start(
        self,
        export_type: ExportType,
        strategies: Sequence[Any],
        periods: Iterable[Period | PeriodLike] | Period | str,
        workdir: str | os.PathLike[str] | None,
        options: Mapping[str, Any],
    ) -> BatchResults:
        self._check_open()
        parsed = batch_periods(periods)
        chosen = Path(workdir) if workdir is not None else default_workdir(clock=self._clock)
        journal = Journal.create(chosen, BatchParams(strategies, parsed, int(export_type), options), clock=self._clock)
        if workdir is None:
            # Information, not an error: stdout (stderr shows red in Jupyter); errors stay on stderr.
            print(f"tradepose: batch journal and results in {journal.workdir}", file=sys.stdout)
        self._register(journal)
        return BatchResults(journal, _Runs(self), monotonic=self._clock.monotonic)

    # -- internals ---------------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise ConfigError("this BatchTester is closed: create a new one")

    def _register(self, journal: Journal) -> None:
        with self._lock:
            self._journals[journal.workdir] = journal

    def _release(self, journal: Journal) -> None:
        with self._lock:
            self._journals.pop(journal.workdir, None)
        journal.close()

    def _async_client(self) -> AsyncTradePoseClient:
        self._check_open()
        with self._lock:
            if self._client is None:
                self._client = AsyncTradePoseClient(
                    config=self.config, transport=self._transport, clock=self._clock, **self._network
                )
            return self._client

    def _start_run(self, journal: Journal, *, resubmit_failed: bool, ambiguous: bool = False) -> BackgroundRun[None]:
        client = self._async_client()
        run = BatchRun(client, journal, limits=self._limits, clock=self._clock)
        return self._loop.start(run.run(resubmit_failed=resubmit_failed, ambiguous=ambiguous))

    def close(self) -> None:
        """Stop every run, close connections and journals, join the thread; returns once all stopped.

        The wait is bounded (10 s); past it a warning is logged and the thread is left to die with the
        process (the journal keeps every step for `resume`). Idempotent. Testers still open at
        interpreter exit are closed the same way, with a shorter bound and silently.
        """
        self._shutdown(timeout=_CLOSE_TIMEOUT, quiet=False)

    def _shutdown(self, *, timeout: float, quiet: bool) -> None:
        if self._closed:
            return
        self._closed = True
        _OPEN.discard(self)
        client = self._client
        warn = logger.debug if quiet else logger.warning

        async def shutdown() -> None:
            # Cancel the runs (their state is journalled) and close the connections while they unwind, so
            # even a run slow to stop (a commit in flight) cannot leave a connection pool open at exit.
            runs = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in runs:
                task.cancel()
            closing = [] if client is None else [client.aclose()]
            await asyncio.gather(*runs, *closing, return_exceptions=True)

        if quiet:
            self._loop.abandon()  # interpreter exit: what the loop still holds dies with the process, silently
        if self._loop.running:
            try:
                self._loop.run(shutdown(), timeout=timeout)
            except (RuntimeError, concurrent.futures.TimeoutError):
                warn(
                    "stopping the batch thread timed out after %g s; the journal keeps its state for resume()", timeout
                )
                if quiet:
                    # Interpreter exit: stopping the loop now would destroy its pending tasks noisily. The
                    # daemon thread ends with the process; the OS releases the journal's file and lock.
                    return
        self._loop.close(timeout=timeout)
        with self._lock:
            journals = list(self._journals.values())
            self._journals.clear()
        for journal in journals:
            try:
                journal.close()
            except JournalError:
                warn("closing the journal in %s failed", journal.workdir, exc_info=True)
