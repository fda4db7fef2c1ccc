"""The journal's SQLite access: one guarded connection, transactions, the audit log and reads."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final

from ..._authoring._period import Period
from ..._clock import Clock
from ..._errors import JournalError
from ._files import safe_component
from ._model import BatchParams, PeriodRow, ResultFile
from ._schema import JOURNAL_FILE, RESULTS_DIR, timestamp
from ._secrets import redact
from ._states import FAILED_STATES

__all__ = ["JournalStore"]

# One pass over `periods` in SQLite; the folding matches `_period_result.status_of` (a test holds them equal).
_STATUS_COUNTS: Final = (
    "SELECT coalesce(sum(state = 'done'), 0),"
    f" coalesce(sum(state IN ({', '.join(repr(s) for s in sorted(FAILED_STATES))})), 0),"
    " coalesce(sum(state = 'submitted' AND gateway_status IS NOT NULL AND gateway_status <> 0), 0),"
    " count(*) FROM periods"
)


class JournalStore:
    """Connection, lock and reads of one open journal; `Journal` adds opening and state changes."""

    def __init__(self, workdir: Path, connection: sqlite3.Connection, lock: IO[bytes], clock: Clock) -> None:
        """Internal: use `Journal.create` or `Journal.open`."""
        self.workdir = workdir
        self._conn = connection
        self._lock_handle = lock
        self._clock = clock
        self._mutex = threading.RLock()
        self._closed = False
        self._grouped = False
        self._periods: dict[str, Period] = {}

    def close(self) -> None:
        """Close the database and release the workdir lock. Safe to call twice."""
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            self._conn.close()
            self._lock_handle.close()

    # -- transactions -----------------------------------------------------------------------

    @contextlib.contextmanager
    def group(self) -> Iterator[None]:
        """Commit every state change made inside as one transaction (one fsync instead of one each).

        Each change still applies or fails on its own (a savepoint each); a change is durable once the
        block exits. Used by the batch engine to coalesce the writes of concurrent submissions and checks.
        """
        with self._mutex:
            self._check_open()
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                self._grouped = True
                try:
                    yield
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                finally:
                    self._grouped = False
                self._commit_or_roll_back()
            except sqlite3.Error as exc:
                raise self._write_failed(exc) from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._mutex:
            self._check_open()
            try:
                if self._grouped:  # inside group(): a savepoint, so a failing change undoes only itself
                    self._conn.execute("SAVEPOINT change")
                    try:
                        yield self._conn
                    except BaseException:
                        self._conn.execute("ROLLBACK TO change")
                        raise
                    finally:
                        self._conn.execute("RELEASE change")
                    return
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._commit_or_roll_back()
            except sqlite3.Error as exc:
                raise self._write_failed(exc) from exc

    def _write_failed(self, exc: sqlite3.Error) -> JournalError:
        return JournalError(
            f"cannot write the batch journal in {str(self.workdir)!r} ({exc}): check free disk space "
            f"and permissions, then resume the batch"
        )

    def _commit_or_roll_back(self) -> None:
        """COMMIT; if that fails (a full disk), roll back so the connection can write again once freed."""
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise

    def _check_open(self) -> None:
        if self._closed:
            raise JournalError("this journal is closed: reopen it with Journal.open(workdir)")

    def _now(self) -> str:
        return timestamp(self._clock)

    def _event(self, conn: sqlite3.Connection, key: str | None, event: str, detail: str | None = None) -> None:
        conn.execute(
            "INSERT INTO events (at, period_key, event, detail) VALUES (?, ?, ?, ?)",
            (self._now(), key, event, None if detail is None else redact(detail)),
        )

    def _current(self, conn: sqlite3.Connection, period: Period | str, allowed: tuple[str, ...], action: str) -> Any:
        key = period.key if isinstance(period, Period) else period
        row = conn.execute("SELECT * FROM periods WHERE period_key = ?", (key,)).fetchone()
        if row is None:
            raise JournalError(f"period {key!r} is not part of this batch: use one of the batch's period keys")
        if row["state"] not in allowed:
            raise JournalError(
                f"period {key!r} is {row['state']}; it cannot be {action} (allowed from: {', '.join(allowed)})"
            )
        return row

    def result_path(self, period: Period | str, filename: str) -> Path:
        """Where a result file of `period` goes: `<workdir>/results/<period key>/<filename>`, sanitised."""
        key = period.key if isinstance(period, Period) else period
        return self._inside(self.workdir / RESULTS_DIR / safe_component(key) / safe_component(filename))

    def _inside(self, path: Path) -> Path:
        resolved = path.resolve()
        if not resolved.is_relative_to(self.workdir) or resolved == self.workdir / JOURNAL_FILE:
            raise JournalError(
                f"path {str(path)!r} is outside the batch workdir {str(self.workdir)!r}: results stay inside it"
            )
        return resolved

    # -- reading ----------------------------------------------------------------------------

    @property
    def batch_id(self) -> str:
        """The batch's random id (hex)."""
        return str(self._read_one("SELECT batch_id FROM batch")[0])

    @property
    def params(self) -> BatchParams:
        """The batch parameters as stored at creation."""
        batch = self._read_one("SELECT export_type, strategies_json, options_json FROM batch")
        keys = [r[0] for r in self._read("SELECT period_key FROM periods ORDER BY position")]
        try:
            return BatchParams(
                strategies=json.loads(batch["strategies_json"]),
                periods=[self._period_of(k) for k in keys],
                export_type=int(batch["export_type"]),
                options=json.loads(batch["options_json"]),
            )
        except (ValueError, TypeError) as exc:  # JSONDecodeError, a bad number: the file was edited or damaged
            raise JournalError(
                f"the journal in {str(self.workdir)!r} is damaged ({type(exc).__name__}: {exc}): move the workdir "
                f"aside and start the batch again"
            ) from None

    def row(self, period: Period | str) -> PeriodRow:
        """The current row of one period (two indexed lookups, whatever the size of the batch)."""
        key = period.key if isinstance(period, Period) else period
        with self._mutex:
            self._check_open()
            try:
                found = self._conn.execute("SELECT * FROM periods WHERE period_key = ?", (key,)).fetchone()
                if found is None:
                    raise JournalError(f"period {key!r} is not part of this batch: use one of the batch's period keys")
                return self._period_row(self._conn, found)
            except sqlite3.Error as exc:
                raise JournalError(f"cannot read the batch journal in {str(self.workdir)!r} ({exc})") from exc

    def summary_rows(self) -> list[PeriodRow]:
        """Every period, in the order given at creation."""
        with self._mutex:
            periods = self._read("SELECT * FROM periods ORDER BY position")
            results = self._read("SELECT period_key, name, path, sha256, size FROM results ORDER BY period_key, name")
        files: dict[str, list[ResultFile]] = {}
        for r in results:
            files.setdefault(r["period_key"], []).append(self._result_file(r))
        return [self._build_row(p, tuple(files.get(p["period_key"], ()))) for p in periods]

    def status_counts(self) -> dict[str, int]:
        """Periods by status, `pending`, `processing`, `completed`, `failed`, counted in one query.

        The same folding as `PeriodResult.status`: done is completed; failed, timed_out and ambiguous are
        failed; submitted with a gateway status other than 0 (PENDING) is processing; the rest is pending.
        """
        completed, failed, processing, total = self._read(_STATUS_COUNTS)[0]
        return {
            "pending": total - completed - failed - processing,
            "processing": processing,
            "completed": completed,
            "failed": failed,
        }

    def task_ids(self, period: Period | str) -> list[str]:
        """Every task id the gateway ever returned for `period`, oldest first (from the audit log)."""
        key = period.key if isinstance(period, Period) else period
        rows = self._read("SELECT detail FROM events WHERE period_key = ? AND event = 'submitted' ORDER BY id", (key,))
        return [r[0] for r in rows]

    def events(self, period: Period | str | None = None) -> list[tuple[str, str | None, str, str | None]]:
        """The audit log `(at, period_key, event, detail)`, oldest first; optionally for one period."""
        if period is None:
            rows = self._read("SELECT at, period_key, event, detail FROM events ORDER BY id", ())
        else:
            key = period.key if isinstance(period, Period) else period
            rows = self._read(
                "SELECT at, period_key, event, detail FROM events WHERE period_key = ? ORDER BY id", (key,)
            )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def _read(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._mutex:
            self._check_open()
            try:
                return self._conn.execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                raise JournalError(f"cannot read the batch journal in {str(self.workdir)!r} ({exc})") from exc

    def _read_one(self, sql: str) -> sqlite3.Row:
        return self._read(sql)[0]

    def _period_row(self, conn: sqlite3.Connection, period: sqlite3.Row) -> PeriodRow:
        """A `PeriodRow` from its `periods` row and that period's results only (an index search)."""
        results = conn.execute(
            "SELECT name, path, sha256, size FROM results WHERE period_key = ? ORDER BY name", (period["period_key"],)
        ).fetchall()
        return self._build_row(period, tuple(self._result_file(r) for r in results))

    def _period_of(self, key: str) -> Period:
        period = self._periods.get(key)
        if period is None:  # parsing a key is the costliest part of building a row: once per period
            period = self._periods[key] = Period.parse(key)
        return period

    def _result_file(self, r: sqlite3.Row) -> ResultFile:
        return ResultFile(name=r["name"], path=self.workdir / r["path"], sha256=r["sha256"], size=r["size"])

    def _build_row(self, p: sqlite3.Row, results: tuple[ResultFile, ...]) -> PeriodRow:
        return PeriodRow(
            period=self._period_of(p["period_key"]),
            state=p["state"],
            task_id=p["task_id"],
            gateway_status=p["gateway_status"],
            attempts=p["attempts"],
            duplicate_risk=bool(p["duplicate_risk"]),
            error=p["error"],
            error_stage=p["error_stage"],
            created_at=p["created_at"],
            updated_at=p["updated_at"],
            submitted_at=p["submitted_at"],
            finished_at=p["finished_at"],
            results=results,
        )
