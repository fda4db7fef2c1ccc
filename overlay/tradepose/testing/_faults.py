"""Fault injection for the local gateway: off by default, seeded, counted.

Each decision draws from one `random.Random(seed)` under a lock, so a given sequence of
requests meets the same faults on every run.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from dataclasses import dataclass, replace
from email.utils import formatdate
from typing import Final, Literal

__all__ = ["FaultConfig", "FaultInjector", "RetryAfterFormat"]

RetryAfterFormat = Literal["seconds", "http-date"]
UNKNOWN_TASK_STATUS: Final = 4
"""The status value reported by a gateway that added a state (outside 0–3)."""


@dataclass(frozen=True, slots=True)
class FaultConfig:
    """What goes wrong, and how often. All rates are fractions of requests (or tasks) in [0, 1].

    - `latency`: seconds added before every `/api/` request is handled.
    - `error_rate`: answer with a 5xx drawn from `error_statuses` and a `{"detail": …}` body.
    - `burst_rate`: start a burst of `burst_length` consecutive 429 answers with `Retry-After`
      set to `retry_after` seconds, written as `retry_after_format` (`seconds` or `http-date`).
    - `drop_rate`: send the headers and half of the body, then drop the connection.
    - `truncate_rate`: serve only the first half of a Parquet or ZIP body (with a matching
      `Content-Length`), so the download completes but does not parse.
    - `task_failure_rate`: export tasks end FAILED (3) with an `error_message`.
    - `unknown_status_rate`: a status poll of an unfinished task reports status 4.
    """

    seed: int = 0
    latency: float = 0.0
    error_rate: float = 0.0
    error_statuses: tuple[int, ...] = (500, 502, 503, 504)
    burst_rate: float = 0.0
    burst_length: int = 3
    retry_after: int = 1
    retry_after_format: RetryAfterFormat = "seconds"
    drop_rate: float = 0.0
    truncate_rate: float = 0.0
    task_failure_rate: float = 0.0
    unknown_status_rate: float = 0.0

    def __post_init__(self) -> None:
        rates = (
            self.error_rate,
            self.burst_rate,
            self.drop_rate,
            self.truncate_rate,
            self.task_failure_rate,
            self.unknown_status_rate,
        )
        if any(not 0.0 <= rate <= 1.0 for rate in rates):
            raise ValueError("fault rates must be within [0, 1]")
        if self.latency < 0 or self.burst_length < 1 or self.retry_after < 0:
            raise ValueError("latency and retry_after must be >= 0, burst_length >= 1")
        if self.retry_after_format not in ("seconds", "http-date"):
            raise ValueError("retry_after_format must be 'seconds' or 'http-date'")
        if not self.error_statuses or any(not 500 <= s <= 599 for s in self.error_statuses):
            raise ValueError("error_statuses must be 5xx codes")


class FaultInjector:
    """Draws fault decisions for requests and tasks; thread-safe; counts what it injected."""

    def __init__(self, config: FaultConfig) -> None:
        self.config = config
        self.injected: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._burst_left = 0
        self._random = random.Random(config.seed)

    def reconfigure(self, config: FaultConfig) -> None:
        """Switch to `config` from the next decision on (re-seeded; counts so far are kept)."""
        with self._lock:
            self.config = config
            self._random = random.Random(config.seed)
            self._burst_left = 0

    def set_latency(self, seconds: float) -> None:
        """Change the added per-request latency (seconds)."""
        if seconds < 0:
            raise ValueError("latency must be >= 0")
        with self._lock:
            self.config = replace(self.config, latency=seconds)

    def _hit(self, rate: float, kind: str) -> bool:
        if rate <= 0.0:
            return False
        with self._lock:
            hit = self._random.random() < rate
            if hit:
                self.injected[kind] += 1
        return hit

    def server_error(self) -> int | None:
        """A 5xx status to answer with, or None."""
        if not self._hit(self.config.error_rate, "server_error"):
            return None
        with self._lock:
            return self._random.choice(self.config.error_statuses)

    def rate_limited(self) -> bool:
        """Whether this request falls in a 429 burst."""
        with self._lock:
            if self._burst_left > 0:
                self._burst_left -= 1
                self.injected["rate_limit"] += 1
                return True
        if self._hit(self.config.burst_rate, "rate_limit"):
            with self._lock:
                self._burst_left = self.config.burst_length - 1
            return True
        return False

    def retry_after_value(self, now: float) -> str:
        """The `Retry-After` header value for an injected 429."""
        if self.config.retry_after_format == "http-date":
            return formatdate(now + self.config.retry_after, usegmt=True)
        return str(self.config.retry_after)

    def drop_connection(self) -> bool:
        """Whether to drop this response's connection mid-body."""
        return self._hit(self.config.drop_rate, "dropped_connection")

    def truncate_body(self) -> bool:
        """Whether to truncate this Parquet/ZIP body."""
        return self._hit(self.config.truncate_rate, "truncated_body")

    def task_fails(self) -> bool:
        """Whether a new task will fail."""
        return self._hit(self.config.task_failure_rate, "task_failure")

    def unknown_status(self) -> bool:
        """Whether this status poll reports a status outside 0–3."""
        return self._hit(self.config.unknown_status_rate, "unknown_status")

    def counts(self) -> dict[str, int]:
        """Faults injected so far, by kind."""
        with self._lock:
            return dict(self.injected)
