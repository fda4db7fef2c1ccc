"""The per-period state machine of a batch, as a transition table the journal enforces."""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["STAGES", "ErrorStage", "PeriodState"]

PeriodState = Literal["planned", "submitting", "submitted", "done", "failed"]
ErrorStage = Literal["submit", "status", "task", "download"]
STAGES: Final = frozenset({"submit", "status", "task", "download"})
