"""A spec-conformant, stateful TradePose gateway on loopback, for tests, demos and benchmarks.

    with LocalGateway(time_scale=0.01) as gw:
        client = tradepose_api.AuthenticatedClient(
            base_url=gw.url, token=gw.api_key, prefix="", auth_header_name="X-API-Key"
        )
        ...

It implements every operation of the checked-in openapi.json with in-memory state, runs export
tasks through PENDING → PROCESSING → COMPLETED/FAILED, serves deterministic results in the
gateway-api.md §5 schemas, enforces the plan's rate limit, and injects seeded faults on demand
(`FaultConfig`). `tradepose gateway serve` runs the same server in the foreground.

Needs the `local` extra (fastapi, uvicorn, jsonschema); client code never imports this package.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from tradepose.testing import _server
from tradepose.testing._faults import FaultConfig, RetryAfterFormat
from tradepose.testing._results import ResultOptions
from tradepose.testing._runtime import GatewayConfig

__all__ = [
    "FaultConfig",
    "GatewayConfig",
    "GatewayStats",
    "LocalGateway",
    "ResultOptions",
    "RetryAfterFormat",
    "TaskInfo",
]


@dataclass(frozen=True, slots=True)
class TaskInfo:
    """One export task as submitted: what it asked for and where it got to."""

    task_id: str
    export_type: int
    status: int
    start_date: str | None
    end_date: str | None
    strategy_names: tuple[str, ...]
    error_message: str | None


@dataclass(frozen=True, slots=True)
class GatewayStats:
    """A snapshot of what the gateway saw.

    `requests` maps `"METHOD /path/{template}"` to `{status: count}`; `tasks_created` lists
    every export task in creation order with its request's start/end; `faults` counts injected
    faults by kind (`server_error`, `rate_limit`, `dropped_connection`, `truncated_body`,
    `task_failure`, `unknown_status`).
    """

    requests: dict[str, dict[int, int]] = field(default_factory=dict)
    tasks_created: tuple[TaskInfo, ...] = ()
    faults: dict[str, int] = field(default_factory=dict)

    def count(self, route: str, status: int | None = None) -> int:
        """Requests seen for `route` (e.g. `"GET /api/v1/tasks/{task_id}"`), optionally of one status."""
        by_status = self.requests.get(route, {})
        return sum(by_status.values()) if status is None else by_status.get(status, 0)


class LocalGateway:
    """A TradePose gateway served by uvicorn on 127.0.0.1 in a background thread.

    Keyword options are those of `GatewayConfig` (`plan`, `requests_per_minute`,
    `max_concurrent_tasks`, `task_duration`, `time_scale`, `results`, `faults`, `api_key`,
    `seed`, `zip_route`), or pass a ready `config=`. `port=0` picks a free port. Use it as a context manager,
    or call `start()` and `stop()`; stopping joins the server thread and closes its socket.
    """

    def __init__(self, config: GatewayConfig | None = None, *, port: int = 0, **options: Any) -> None:
        if config is not None and options:
            raise TypeError("pass either config= or keyword options, not both")
        self.config = config or GatewayConfig(**options)
        self._port = port
        self._server: _server.ServerThread | None = None
        self._lock = threading.Lock()

    def start(self) -> LocalGateway:
        """Start the server (idempotent); returns self."""
        with self._lock:
            if self._server is None:
                server = _server.ServerThread(self.config, "127.0.0.1", self._port)
                server.start()
                self._server = server
        return self

    def stop(self) -> None:
        """Stop the server and release its thread, socket and result files (idempotent)."""
        with self._lock:
            server, self._server = self._server, None
        if server is not None:
            server.stop()

    def __enter__(self) -> LocalGateway:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _running(self) -> _server.ServerThread:
        if self._server is None:
            raise RuntimeError("LocalGateway is not running; use `with LocalGateway() as gw:` or start()")
        return self._server

    @property
    def url(self) -> str:
        """The base URL, e.g. `http://127.0.0.1:54321` (no trailing slash)."""
        server = self._running()
        return f"http://{server.host}:{server.port}"

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        return int(self._running().port)

    @property
    def api_key(self) -> str:
        """An API key the gateway accepts (send it as `X-API-Key`)."""
        return self._running().runtime.auth.api_key

    @property
    def jwt(self) -> str:
        """A JWT the gateway accepts (send it as `Authorization: Bearer …`)."""
        return self._running().runtime.auth.jwt

    def set_latency(self, seconds: float) -> None:
        """Add `seconds` of latency to every `/api/` request from now on (0 turns it off)."""
        self._running().runtime.faults.set_latency(seconds)

    def set_faults(self, faults: FaultConfig) -> None:
        """Replace the fault configuration from the next request on (`FaultConfig()` turns faults off).

        Tasks already created keep the failure decided when they were submitted.
        """
        self._running().runtime.faults.reconfigure(faults)

    @property
    def faults(self) -> FaultConfig:
        """The fault configuration in force."""
        return self._running().runtime.faults.config

    @property
    def tasks(self) -> list[TaskInfo]:
        """Every export task so far, in creation order."""
        runtime = self._running().runtime
        with runtime.state.lock:
            records = list(runtime.state.tasks.values())
            return [
                TaskInfo(
                    task_id=r.task_id,
                    export_type=r.export_type,
                    status=r.status,
                    start_date=r.start_date,
                    end_date=r.end_date,
                    strategy_names=tuple(str(c.get("name")) for c in r.request.get("strategy_configs") or []),
                    error_message=r.error_message,
                )
                for r in records
            ]

    @property
    def stats(self) -> GatewayStats:
        """Requests by route and status, tasks created, faults injected (a snapshot)."""
        runtime = self._running().runtime
        tasks = tuple(self.tasks)
        with runtime.state.lock:
            requests: dict[str, dict[int, int]] = {}
            for (route, status), count in runtime.state.requests.items():
                requests.setdefault(route, {})[status] = count
        return GatewayStats(requests=requests, tasks_created=tasks, faults=runtime.faults.counts())
