"""The request budget of a batch run: a token bucket inside the plan's per-minute rate, with AIMD."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["RequestBudget"]


@dataclass
class RequestBudget:
    """A token bucket keeping all of a batch's requests inside the plan's per-minute rate, with AIMD.

    A 429 halves the rate at most once per `decrease_window` seconds, however many concurrent requests
    saw the same storm; every success adds back `recovery` of the plan's rate (additive increase) up to
    the plan; the rate never drops below `floor_fraction` of the plan (at least one per minute), so a
    throttled batch still finishes.
    """

    per_minute: float
    burst: float = 10.0
    decrease_window: float = 10.0
    recovery: float = 0.02
    floor_fraction: float = 0.1
    _tokens: float = field(init=False)
    _updated: float | None = field(default=None, init=False)
    _plan: float = field(init=False)
    _last_decrease: float | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.per_minute <= 0:
            raise ValueError("requests per minute must be positive")
        self._tokens = self.burst
        self._plan = self.per_minute

    @property
    def floor(self) -> float:
        """The lowest rate a storm can push the budget to."""
        return max(1.0, self._plan * self.floor_fraction)

    def take(self, now: float) -> float:
        """Spend one request; return how long to wait before sending it (0 when within budget)."""
        rate = self.per_minute / 60.0
        if self._updated is not None:
            self._tokens = min(self.burst, self._tokens + (now - self._updated) * rate)
        self._updated = now
        self._tokens -= 1.0
        return 0.0 if self._tokens >= 0 else -self._tokens / rate

    def slow_down(self, now: float, factor: float = 0.5) -> None:
        """After a 429: halve the rate, unless it was already lowered within `decrease_window` seconds."""
        if self._last_decrease is not None and now - self._last_decrease < self.decrease_window:
            return
        self._last_decrease = now
        self.per_minute = max(self.floor, self.per_minute * factor)

    def succeeded(self) -> None:
        """After a request that was not throttled: recover additively toward the plan's rate."""
        self.per_minute = min(self._plan, self.per_minute + self._plan * self.recovery)
