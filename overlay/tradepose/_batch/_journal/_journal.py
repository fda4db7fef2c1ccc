"""The crash-safe batch journal: what a batch asked for, what reached the gateway, what is on disk.

One SQLite file, `<workdir>/journal.sqlite3`, in WAL mode with `synchronous=FULL`, so every
committed state change survives a crash of the process or the machine. Each state change is
one transaction. The file is stamped with `PRAGMA application_id` and `PRAGMA user_version`;
a file without the stamp (foreign), damaged (corrupt) or from a newer SDK is refused with a
`JournalError` that says what to do.

Per period the journal walks `planned -> submitting -> submitted(task_id) -> done | failed | timed_out`,
or `submitting -> ambiguous`; `_states.TRANSITIONS` is the table every change is checked against.
`mark_submitting` is committed *before* the export POST is sent: the gateway has no
idempotency key, so a period found still `submitting` after a crash may or may not have
created a task. Re-submitting it sets `duplicate_risk`, which the batch reports.

Results are written under the workdir atomically (temp file, fsync, `os.replace`: see
`_files.publish_file`), then recorded with their sha256; `verify_results` re-hashes them on resume and
forgets any that are missing or altered, putting their period back to `submitted` so the
result is downloaded again. Every path derived from server or user data is sanitised and
checked to stay inside the workdir.

Threads: one connection opened with `check_same_thread=False` and guarded by one lock, so
the batch's background thread and the caller's thread can both use a `Journal`. A second
process cannot open the same workdir while the first holds it (an OS file lock, released
automatically when the holder dies). `open_read_only` needs no lock: it reads a batch that has
finished, or that another process is still running, through a `mode=ro` connection.

No credential is ever stored: options whose names look like secrets are refused.
"""

from __future__ import annotations

import io
import os
import sqlite3
from pathlib import Path
from typing import IO, Any, Literal

from ..._authoring._period import Period
from ..._clock import SYSTEM_CLOCK, Clock
from ..._errors import JournalError
from ._files import prepare_workdir, sha256_file
from ._lock import lock_workdir
from ._model import BatchParams, PeriodRow, ResultFile, ResultProblem
from ._read_only import connect_read_only, existing_journal
from ._schema import (
    JOURNAL_FILE,
    LOCK_FILE,
    RESULTS_DIR,
    build_journal_file,
    check_stamp,
    ensure_indexes,
    open_checked,
    params_json,
    timestamp,
)
from ._secrets import redact
from ._states import STAGES, TRANSITIONS, ErrorStage
from ._store import JournalStore

_TASK_FAILED = 3  # TaskStatus.FAILED: the task produced nothing, so the period may be submitted again

__all__ = ["JOURNAL_FILE", "Journal"]


class Journal(JournalStore):
    """The journal of one batch in one work directory. Create with `create`, reopen with `open`.

    Methods that change state each commit one transaction and raise `JournalError` for a
    period that is not in the batch or a transition that is not allowed. Use as a context
    manager, or call `close()`.
    """

    # -- opening and closing --------------------------------------------------------------

    @classmethod
    def create(cls, workdir: str | os.PathLike[str], params: BatchParams, *, clock: Clock = SYSTEM_CLOCK) -> Journal:
        """Start a journal in `workdir` (created if missing) with every period `planned`.

        The parameters are checked before anything is written: at least one strategy and one
        period, no duplicate periods, JSON only, and nothing that looks like a credential.
        """
        params_json(params)
        root = prepare_workdir(Path(workdir))
        path = root / JOURNAL_FILE
        lock = lock_workdir(root / LOCK_FILE)
        try:
            if path.exists():
                raise JournalError(
                    f"{str(path)!r} already holds a batch: resume it with `tradepose backtest resume {root}` "
                    f"(BatchTester.resume in Python), or pick a new directory"
                )
            build_journal_file(path, params, timestamp(clock))
            return cls._attach(root, path, lock, clock)
        except BaseException:
            lock.close()
            raise

    @classmethod
    def open(cls, workdir: str | os.PathLike[str], *, clock: Clock = SYSTEM_CLOCK) -> Journal:
        """Reopen the journal in `workdir` to resume its batch.

        Refuses a missing workdir or journal, a file that is not a TradePose journal, a damaged
        one, and one from a newer SDK, each with a `JournalError` saying what to do. Leftover
        temp files from an interrupted write are removed.
        """
        root, path = existing_journal(workdir)
        lock = lock_workdir(root / LOCK_FILE)
        try:
            journal = cls._attach(root, path, lock, clock)
        except BaseException:
            lock.close()
            raise
        journal._remove_temp_files()
        return journal

    @classmethod
    def open_read_only(cls, workdir: str | os.PathLike[str], *, clock: Clock = SYSTEM_CLOCK) -> Journal:
        """Open the journal in `workdir` for reading only: no workdir lock taken, nothing written.

        Works while another process runs the batch (WAL readers never block the writer). Refuses what
        `open` refuses; a journal of an older SDK must be resumed once (which upgrades it) first. Every
        state change on the returned journal raises `JournalError`.
        """
        root, path = existing_journal(workdir)
        journal = cls(root, connect_read_only(root, path), io.BytesIO(), clock)
        journal._read_only = True
        return journal

    @property
    def read_only(self) -> bool:
        """True for a journal from `open_read_only` (its state cannot change)."""
        return self._read_only

    @property
    def closed(self) -> bool:
        """True once `close()` was called (every read or write then raises `JournalError`)."""
        return self._closed

    @classmethod
    def _attach(cls, root: Path, path: Path, lock: IO[bytes], clock: Clock) -> Journal:
        def check(conn: sqlite3.Connection) -> None:
            check_stamp(conn, path)
            ensure_indexes(conn)
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode != "wal":
                raise sqlite3.OperationalError(f"journal_mode is {mode}")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")

        conn = open_checked(path, "mode=rw", check)
        return cls(root, conn, lock, clock)

    _read_only: bool = False

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _remove_temp_files(self) -> None:
        for temp in self.workdir.glob(f"{RESULTS_DIR}/**/.*.tmp"):
            temp.unlink(missing_ok=True)
        for temp in self.workdir.glob(f".{JOURNAL_FILE}.*.tmp"):
            temp.unlink(missing_ok=True)

    # -- state changes ----------------------------------------------------------------------

    def mark_submitting(self, period: Period | str, *, duplicate_risk: bool = False) -> PeriodRow:
        """Record that the export POST for `period` is about to be sent. Commit this BEFORE sending.

        Allowed from planned, failed, ambiguous, or submitting (a submission interrupted by a crash), and only while
        the period has no task id – or its task ended FAILED on the gateway (stage `task`), which produced
        nothing: the new task id then replaces it, and `task_ids()` keeps every id the period had. An id is
        never cleared, and a period whose task may still run or be done is never submitted. Re-submitting
        a period found `submitting` sets `duplicate_risk`: the first POST may have created a task.
        Pass `duplicate_risk=True` when the caller knows an earlier POST may have arrived.
        """
        with self._write() as conn:
            row = self._current(conn, period, TRANSITIONS["mark_submitting"], "submitted")
            task_failed = row["gateway_status"] == _TASK_FAILED or (
                row["state"] == "failed" and row["error_stage"] == "task"
            )
            if row["task_id"] is not None and not task_failed:
                raise JournalError(
                    f"period {row['period_key']!r} already has task {row['task_id']}: it is never submitted "
                    f"again; poll that task with reopen_for_download()"
                )
            risk = duplicate_risk or row["state"] == "submitting"
            self._event(conn, row["period_key"], "submitting", "duplicate risk" if risk else None)
            return self._update(
                conn,
                row["period_key"],
                "state = 'submitting', attempts = attempts + 1,"
                # The FAILED status of a replaced task is kept until the new task id arrives (see the gate above).
                f" gateway_status = CASE WHEN ? THEN {_TASK_FAILED} END, error = NULL, error_stage = NULL,"
                " finished_at = NULL, duplicate_risk = max(duplicate_risk, ?), updated_at = ?",
                (int(task_failed), int(risk), self._now()),
            )

    def mark_not_sent(self, period: Period | str, why: str) -> PeriodRow:
        """Put a `submitting` period back to `planned`: its POST provably created no task (e.g. a 401)."""
        with self._write() as conn:
            row = self._current(conn, period, TRANSITIONS["mark_not_sent"], "marked not sent")
            self._event(conn, row["period_key"], "not sent", why)
            return self._update(conn, row["period_key"], "state = 'planned', updated_at = ?", (self._now(),))

    def mark_submitted(self, period: Period | str, task_id: str) -> PeriodRow:
        """Record the task id the gateway returned for `period`."""
        if not isinstance(task_id, str) or not task_id:
            raise JournalError(f"task id {task_id!r} must be a non-empty string")
        with self._write() as conn:
            row = self._current(conn, period, TRANSITIONS["mark_submitted"], "marked submitted")
            now = self._now()
            self._event(conn, row["period_key"], "submitted", task_id)
            return self._update(
                conn,
                row["period_key"],
                "state = 'submitted', gateway_status = NULL, task_id = ?, submitted_at = ?, updated_at = ?",
                (task_id, now, now),
            )

    def mark_status(self, period: Period | str, status: int) -> PeriodRow:
        """Record the latest gateway `TaskStatus` (an int) of a submitted period; no state change."""
        if isinstance(status, bool) or not isinstance(status, int):
            raise JournalError(f"gateway status {status!r} must be an integer TaskStatus")
        with self._write() as conn:
            row = self._current(conn, period, TRANSITIONS["mark_status"], "given a gateway status")
            if row["gateway_status"] != int(status):
                self._event(conn, row["period_key"], "status", str(int(status)))
            return self._update(
                conn, row["period_key"], "gateway_status = ?, updated_at = ?", (int(status), self._now())
            )

    def mark_failed(self, period: Period | str, error: str, stage: ErrorStage) -> PeriodRow:
        """Record that `period` failed at `stage` (submit, status, task or download) with `error`.

        Anything in `error` that looks like a credential is replaced by `***` before it is stored.
        """
        if stage not in STAGES:
            raise JournalError(f"error stage {stage!r} is not one of {', '.join(sorted(STAGES))}")
        return self._finish_without_result(period, "failed", error, stage)

    def mark_ambiguous(self, period: Period | str, error: str) -> PeriodRow:
        """Record that the POST of a `submitting` period may have created a task (5xx, lost answer, 2xx, no id).

        `error` keeps the raw status and body. Only `retry_failed(ambiguous=True)` (or
        `resubmit_ambiguous=True`) submits it again, flagged as a duplicate risk.
        """
        return self._finish_without_result(period, "ambiguous", error, "submit")

    def mark_timed_out(self, period: Period | str, error: str) -> PeriodRow:
        """Record that a submitted period passed its deadline; its task id is kept and polled on resume."""
        return self._finish_without_result(period, "timed_out", error, "status")

    def _finish_without_result(
        self, period: Period | str, state: Literal["failed", "ambiguous", "timed_out"], error: str, stage: ErrorStage
    ) -> PeriodRow:
        with self._write() as conn:
            row = self._current(conn, period, TRANSITIONS[f"mark_{state}"], f"marked {state}")
            now = self._now()
            self._event(conn, row["period_key"], state, f"{stage}: {error}")
            return self._update(
                conn,
                row["period_key"],
                "state = ?, error = ?, error_stage = ?, finished_at = ?, updated_at = ?",
                (state, redact(str(error)), stage, now, now),
            )

    def mark_done(self, period: Period | str) -> PeriodRow:
        """Record that every result of a submitted period is downloaded and recorded."""
        with self._write() as conn:
            row = self._current(conn, period, TRANSITIONS["mark_done"], "marked done")
            now = self._now()
            self._event(conn, row["period_key"], "done")
            return self._update(
                conn,
                row["period_key"],
                "state = 'done', error = NULL, error_stage = NULL, finished_at = ?, updated_at = ?",
                (now, now),
            )

    def reopen_for_download(self, period: Period | str) -> PeriodRow:
        """Put a done period, or one that failed after its task was created, back to `submitted`."""
        with self._write() as conn:
            row = self._current(conn, period, TRANSITIONS["reopen_for_download"], "reopened for download")
            if row["task_id"] is None:
                raise JournalError(
                    f"period {row['period_key']!r} never got a task id: submit it again with mark_submitting()"
                )
            return self._reopen(conn, row["period_key"], "reopened")

    def _reopen(self, conn: sqlite3.Connection, key: str, why: str) -> PeriodRow:
        self._event(conn, key, why)
        return self._update(
            conn,
            key,
            "state = 'submitted', error = NULL, error_stage = NULL, finished_at = NULL, updated_at = ?",
            (self._now(),),
        )

    def _update(self, conn: sqlite3.Connection, key: str, assignments: str, args: tuple[Any, ...]) -> PeriodRow:
        """Apply `assignments` to one period's row and return its new `PeriodRow`, read in the same transaction."""
        (changed,) = conn.execute(
            f"UPDATE periods SET {assignments} WHERE period_key = ? RETURNING *", (*args, key)
        ).fetchall()
        return self._period_row(conn, changed)

    # -- result files -----------------------------------------------------------------------

    def record_result(
        self,
        period: Period | str,
        name: str,
        path: str | os.PathLike[str],
        *,
        digest: tuple[str, int] | None = None,
    ) -> ResultFile:
        """Record a result file already written (atomically) inside the workdir, with its sha256.

        `name` is the logical result (e.g. `trades`); recording the same name again replaces it.
        `digest` is `(sha256 hex, size)` when the writer hashed the bytes as it wrote them, so the
        file is not read again; without it the file is hashed here, before the journal lock is taken.
        """
        resolved = self._inside(Path(path))
        if not resolved.is_file():
            raise JournalError(f"result file {str(resolved)!r} does not exist: write it before recording it")
        sha, size = digest if digest is not None else sha256_file(resolved)
        relative = resolved.relative_to(self.workdir).as_posix()
        with self._write() as conn:
            row = self._current(conn, period, TRANSITIONS["record_result"], "given a result")
            conn.execute(
                "INSERT OR REPLACE INTO results (period_key, name, path, sha256, size, recorded_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (row["period_key"], name, relative, sha, size, self._now()),
            )
            self._event(conn, row["period_key"], "result", f"{name}: {relative}")
        return ResultFile(name=name, path=resolved, sha256=sha, size=size)

    def verify_results(self) -> list[ResultProblem]:
        """Re-hash every recorded result; forget missing or changed ones and reopen their periods.

        Returns what was forgotten. A done period that lost a result goes back to `submitted`, so
        the batch downloads it again. The files are hashed without the journal lock held (readers and
        writers go on meanwhile); a result recorded again while it was being hashed is kept.
        """
        rows = self._read("SELECT period_key, name, path, sha256 FROM results")
        found: list[tuple[ResultProblem, str]] = []
        for row in rows:
            path = self.workdir / row["path"]
            reason: Literal["missing", "changed", "outside workdir"] | None = None
            try:
                path = self._inside(path)
            except JournalError:
                reason = "outside workdir"
            else:
                if not path.is_file():
                    reason = "missing"
                elif sha256_file(path)[0] != row["sha256"]:
                    reason = "changed"
            if reason is not None:
                found.append((ResultProblem(row["period_key"], row["name"], path, reason), row["sha256"]))
        problems: list[ResultProblem] = []
        if found:
            with self._write() as conn:
                for problem, sha in found:
                    forgotten = conn.execute(
                        "DELETE FROM results WHERE period_key = ? AND name = ? AND sha256 = ?",
                        (problem.period_key, problem.name, sha),
                    ).rowcount
                    if not forgotten:  # recorded again (a new file) after it was read above
                        continue
                    problems.append(problem)
                    self._event(conn, problem.period_key, "result lost", f"{problem.name}: {problem.reason}")
                    state = conn.execute(
                        "SELECT state FROM periods WHERE period_key = ?", (problem.period_key,)
                    ).fetchone()["state"]
                    if state == "done":
                        self._reopen(conn, problem.period_key, "reopened: result lost")
        return problems
