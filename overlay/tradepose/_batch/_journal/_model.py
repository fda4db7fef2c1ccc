"""What the journal stores and returns: batch parameters, period rows, result files."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from tradepose_api.models import StrategyConfig

from ..._authoring._period import Period
from ._states import ErrorStage, PeriodState

__all__ = ["BatchParams", "PeriodRow", "ResultFile", "ResultProblem"]


@dataclasses.dataclass(frozen=True, slots=True)
class BatchParams:
    """What a batch asked for, stored once: strategies' wire JSON, periods, export type, options.

    `strategies` may be generated `StrategyConfig` models or their wire dicts; `params` read back
    from a journal always holds wire dicts.

    `options` is any JSON object of non-secret settings (persist mode, poll interval, ...);
    keys that look like credentials are refused.
    """

    strategies: Sequence[StrategyConfig | Mapping[str, Any]]
    periods: Sequence[Period]
    export_type: int
    options: Mapping[str, Any] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True, slots=True)
class ResultFile:
    """One recorded result file of a period: logical name, absolute path, sha256 and size."""

    name: str
    path: Path
    sha256: str
    size: int


@dataclasses.dataclass(frozen=True, slots=True)
class PeriodRow:
    """The journal's view of one period (one gateway task)."""

    period: Period
    state: PeriodState
    task_id: str | None
    gateway_status: int | None
    attempts: int
    duplicate_risk: bool
    error: str | None
    error_stage: ErrorStage | None
    created_at: str
    updated_at: str
    submitted_at: str | None
    finished_at: str | None
    results: tuple[ResultFile, ...]

    @property
    def key(self) -> str:
        """The period's key, which also names its results directory."""
        return self.period.key


@dataclasses.dataclass(frozen=True, slots=True)
class ResultProblem:
    """A recorded result that failed verification and was forgotten (to be downloaded again)."""

    period_key: str
    name: str
    path: Path
    reason: Literal["missing", "changed", "outside workdir"]
