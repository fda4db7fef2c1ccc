"""What `BatchTester.submit*` accept as periods, checked before any journal is written."""

from __future__ import annotations

from collections.abc import Iterable

from .._authoring._period import Period, PeriodLike
from .._errors import ConfigError

__all__ = ["batch_periods"]


def batch_periods(periods: Iterable[Period | PeriodLike] | Period | str) -> list[Period]:
    """The periods of one batch, parsed; none, or one given twice, is a `ConfigError` saying what to fix."""
    items = [periods] if isinstance(periods, Period | str) else list(periods)
    if not items:
        raise ConfigError("no periods given: pass at least one, e.g. Period.Q1(2024) or '2024Q1'")
    parsed = [p if isinstance(p, Period) else Period.parse(p) for p in items]
    seen: dict[str, Period] = {}
    for period in parsed:
        if period.key in seen:
            raise ConfigError(f"period {period} is given twice: remove the duplicate (each period is one task)")
        seen[period.key] = period
    return parsed
