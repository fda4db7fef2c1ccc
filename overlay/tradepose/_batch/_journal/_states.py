"""The per-period state machine of a batch, as a transition table the journal enforces.

    planned ──▶ submitting ──▶ submitted ──▶ done
       ▲            │  │           │  ▲ ▲
       │ not sent   │  │           │  │ └── reopened (a result lost, re-downloaded)
       └────────────┘  │           ├──▶ failed     (task FAILED on the gateway; download: ResultWriteError)
                       │           └──▶ timed_out  (deadline passed; task id kept) ──▶ reopened ──▶ submitted
                       ├──▶ failed      (refused: provably no task)
                       └──▶ ambiguous   (5xx / lost answer / 2xx without id: a task may exist)

`failed` (stage submit), `ambiguous` and a `failed` whose task the gateway reported FAILED go back to
`submitting` only through `retry_failed()` (ambiguous ones only when allowed); a period whose task may
still run or be done (`submitted`, `timed_out`, `failed` at stage status/download) is never submitted
again, only reopened and polled under its task id.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["FAILED_STATES", "STAGES", "TRANSITIONS", "ErrorStage", "PeriodState"]

PeriodState = Literal["planned", "submitting", "submitted", "done", "failed", "timed_out", "ambiguous"]
ErrorStage = Literal["submit", "status", "task", "download"]
STAGES: Final = frozenset({"submit", "status", "task", "download"})
# Finished without a result: what `BatchResults.failed` lists and the status counts call "failed".
FAILED_STATES: Final = frozenset({"failed", "timed_out", "ambiguous"})

# The journal's state-changing methods, each with the states it may start from.
TRANSITIONS: Final[dict[str, tuple[PeriodState, ...]]] = {
    "mark_submitting": ("planned", "failed", "ambiguous", "submitting"),
    "mark_not_sent": ("submitting",),
    "mark_submitted": ("submitting",),
    "mark_status": ("submitted",),
    "mark_failed": ("planned", "submitting", "submitted", "failed", "ambiguous", "timed_out"),
    "mark_ambiguous": ("submitting",),
    "mark_timed_out": ("submitted",),
    "mark_done": ("submitted",),
    "reopen_for_download": ("done", "failed", "timed_out"),
    "record_result": ("submitted", "done"),
}
