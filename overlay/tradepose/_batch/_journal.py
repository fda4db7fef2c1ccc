"""The crash-safe batch journal: what a batch asked for, what reached the gateway, what is on disk.

One SQLite file, `<workdir>/journal.sqlite3`, in WAL mode with `synchronous=FULL`, so every
committed state change survives a crash of the process or the machine. Each state change is
one transaction. The file is stamped with `PRAGMA application_id` and `PRAGMA user_version`;
a file without the stamp (foreign), damaged (corrupt) or from a newer SDK is refused with a
`JournalError` that says what to do.

Per period the journal walks `planned -> submitting -> submitted(task_id) -> done | failed`.
`mark_submitting` is committed *before* the export POST is sent: the gateway has no
idempotency key, so a period found still `submitting` after a crash may or may not have
created a task. Re-submitting it sets `duplicate_risk`, which the batch reports.

Results are written under the workdir with `write_result_atomic` (temp file, fsync,
`os.replace`), then recorded with their sha256; `verify_results` re-hashes them on resume and
forgets any that are missing or altered, putting their period back to `submitted` so the
result is downloaded again. Every path derived from server or user data is sanitised and
checked to stay inside the workdir.

Threads: one connection opened with `check_same_thread=False` and guarded by one lock, so
the batch's background thread and the caller's thread can both use a `Journal`. A second
process cannot open the same workdir while the first holds it (an OS file lock, released
automatically when the holder dies).

No credential is ever stored: options whose names look like secrets are refused.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import sqlite3
import sys
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Final, Literal

from tradepose_api.models import StrategyConfig

from .._authoring._period import Period
from .._clock import SYSTEM_CLOCK, Clock
from .._errors import ConfigError, scrub
from .._version import __version__

__all__ = [
    "JOURNAL_FILE",
    "BatchParams",
    "ErrorStage",
    "Journal",
    "JournalError",
    "PeriodRow",
    "PeriodState",
    "ResultFile",
    "ResultProblem",
    "default_workdir",
    "redact",
    "safe_component",
    "write_atomic",
]


class JournalError(ConfigError):
    """The batch journal or its work directory cannot be used; the message says what to do."""


PeriodState = Literal["planned", "submitting", "submitted", "done", "failed"]
ErrorStage = Literal["submit", "status", "task", "download"]

JOURNAL_FILE: Final = "journal.sqlite3"
_LOCK_FILE: Final = "journal.lock"
_RESULTS_DIR: Final = "results"
_APPLICATION_ID: Final = 0x54504A31  # "TPJ1"
_SCHEMA_VERSION: Final = 1
_STAGES: Final = frozenset({"submit", "status", "task", "download"})
_SECRET_HINTS: Final = (
    "api_key",
    "apikey",
    "private_key",
    "token",
    "secret",
    "password",
    "passwd",
    "authorization",
    "credential",
    "jwt",
    "cookie",
    "bearer",
)
# Error texts come from exceptions; scrub anything that looks like a credential before storing them.
_SECRET_TEXT: Final = re.compile(
    r"(tp_(?:live|test)_)[A-Za-z0-9_\-]+|(bearer\s+)[A-Za-z0-9._~+/=\-]+|(x-api-key[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+",
    re.IGNORECASE,
)
_UNSAFE_CHARS: Final = re.compile(r"[^A-Za-z0-9._+=@ -]")
_WINDOWS_RESERVED: Final = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
_MAX_COMPONENT: Final = 120

_SCHEMA: Final = f"""
PRAGMA application_id = {_APPLICATION_ID};
PRAGMA user_version = {_SCHEMA_VERSION};
CREATE TABLE batch (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    batch_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sdk_version TEXT NOT NULL,
    export_type INTEGER NOT NULL,
    strategies_json TEXT NOT NULL,
    options_json TEXT NOT NULL
);
CREATE TABLE periods (
    period_key TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    start_wire TEXT NOT NULL,
    end_wire TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('planned', 'submitting', 'submitted', 'done', 'failed')),
    task_id TEXT,
    gateway_status INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    duplicate_risk INTEGER NOT NULL DEFAULT 0 CHECK (duplicate_risk IN (0, 1)),
    error TEXT,
    error_stage TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    finished_at TEXT
);
CREATE TABLE results (
    period_key TEXT NOT NULL REFERENCES periods (period_key),
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (period_key, name)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    period_key TEXT,
    event TEXT NOT NULL,
    detail TEXT
);
"""


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


def default_workdir(
    *, clock: Clock = SYSTEM_CLOCK, platform: str = sys.platform, environ: Mapping[str, str] | None = None
) -> Path:
    """A fresh path `<user cache>/tradepose/batches/<UTC timestamp>-<short id>` (not created yet).

    The cache directory is `$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on
    macOS and `%LOCALAPPDATA%` on Windows.
    """
    env = os.environ if environ is None else environ
    home = Path(env.get("HOME") or Path.home())
    if platform == "win32":
        local = env.get("LOCALAPPDATA")
        cache = Path(local) if local else home / "AppData" / "Local"
    elif platform == "darwin":
        cache = home / "Library" / "Caches"
    else:
        xdg = env.get("XDG_CACHE_HOME")
        cache = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache"
    stamp = datetime.fromtimestamp(clock.time(), UTC).strftime("%Y%m%dT%H%M%SZ")
    return cache / "tradepose" / "batches" / f"{stamp}-{uuid.uuid4().hex[:8]}"


def safe_component(name: str) -> str:
    """A single, portable file-name component made from arbitrary text (server or user data).

    Separators, `..`, control and other unsafe characters become `_`; leading dots and
    Windows device names are neutralised; the length is capped.
    """
    cleaned = _UNSAFE_CHARS.sub("_", name).strip(" ")
    cleaned = cleaned.lstrip(".") or "_"
    cleaned = cleaned.replace("..", "_.")
    if _WINDOWS_RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    if len(cleaned) > _MAX_COMPONENT:
        digest = hashlib.sha256(name.encode()).hexdigest()[:12]
        cleaned = f"{cleaned[: _MAX_COMPONENT - 13]}-{digest}"
    return cleaned.rstrip(". ") or "_"


def _fsync_directory(directory: Path) -> None:
    if sys.platform == "win32":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, writer: Callable[[IO[bytes]], object]) -> Path:
    """Write a file so that it is either absent/old or complete, never half-written.

    `writer` gets a binary file object for a temp file in the same directory; the temp file is
    flushed, fsynced and renamed over `path` with `os.replace`. On error the temp file is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            writer(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_directory(path.parent)
    return path


def _sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _prepare_workdir(workdir: Path) -> Path:
    if workdir.exists() and not workdir.is_dir():
        raise JournalError(f"workdir {str(workdir)!r} is a file, not a directory: pass a directory path")
    try:
        workdir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=workdir):
            pass
    except OSError as exc:
        raise JournalError(
            f"workdir {str(workdir)!r} cannot be written ({exc.strerror or exc}): "
            f"pass a directory you can write to, or fix its permissions"
        ) from None
    return workdir.resolve()


def _lock(path: Path) -> IO[bytes]:
    """Hold an exclusive OS lock on `path` for as long as the returned file stays open."""
    handle = path.open("a+b")
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise JournalError(
            f"the batch in {str(path.parent)!r} is already open (in this or another process): "
            f"close that Journal or wait for that process to finish, or use another workdir"
        ) from None
    return handle


def redact(text: str) -> str:
    """`text` without the configured credentials, and with key-, token- and X-API-Key-like values as `***`."""
    return _SECRET_TEXT.sub(lambda m: f"{m.group(1) or m.group(2) or m.group(3)}***", scrub(text))


def _check_options(options: Mapping[str, Any]) -> str:
    for key in options:
        if not isinstance(key, str):
            raise JournalError(f"batch option name {key!r} is not a string")
        if any(hint in key.lower().replace("-", "_") for hint in _SECRET_HINTS):
            raise JournalError(
                f"batch option {key!r} looks like a credential: credentials are never written to the "
                f"journal, so pass them to the client instead"
            )
    try:
        text = json.dumps(dict(options), sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise JournalError(
            f"batch options are not JSON ({exc}): use strings, numbers, booleans, lists and dicts"
        ) from None
    _refuse_secret_values(text, "batch options")
    return text


def _refuse_secret_values(text: str, what: str) -> None:
    if _SECRET_TEXT.search(text):
        raise JournalError(
            f"{what} contain what looks like an API key or token: credentials are never written to the "
            f"journal, so remove it and pass it to the client instead"
        )


@dataclasses.dataclass(frozen=True, slots=True)
class ResultProblem:
    """A recorded result that failed verification and was forgotten (to be downloaded again)."""

    period_key: str
    name: str
    path: Path
    reason: Literal["missing", "changed", "outside workdir"]


def _connect(path: Path, *, create: bool) -> sqlite3.Connection:
    target = str(path) if create else f"{path.as_uri()}?mode=rw"
    conn = sqlite3.connect(target, uri=not create, isolation_level=None, check_same_thread=False, timeout=30.0)
    conn.row_factory = sqlite3.Row
    return conn


def _params_json(params: BatchParams) -> tuple[str, str]:
    """`(strategies_json, options_json)`, refusing empty, duplicate, non-JSON or secret-bearing input."""
    if not params.periods or not params.strategies:
        raise JournalError("a batch needs at least one strategy and one period")
    keys = [p.key for p in params.periods]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise JournalError(f"period(s) {', '.join(duplicates)} given more than once: list each period once")
    options_json = _check_options(params.options)
    try:
        strategies = [s.to_dict() if isinstance(s, StrategyConfig) else dict(s) for s in params.strategies]
        strategies_json = json.dumps(strategies, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise JournalError(f"strategies are not JSON ({exc}): pass their wire form") from None
    _refuse_secret_values(strategies_json, "strategies")
    return strategies_json, options_json


def _build_journal_file(path: Path, params: BatchParams, now: str) -> None:
    """Write a complete journal to a temp file and rename it into place, so creation is atomic."""
    strategies_json, options_json = _params_json(params)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        conn = _connect(temp, create=True)
        try:
            # The temp file only becomes the journal after the fsync and rename below, so building it
            # needs no per-statement durability: one unsynced transaction instead of ~20 fsyncs.
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("PRAGMA journal_mode=MEMORY")
            conn.executescript(f"BEGIN IMMEDIATE;\n{_SCHEMA}")
            conn.execute(
                "INSERT INTO batch VALUES (1, ?, ?, ?, ?, ?, ?)",
                (uuid.uuid4().hex, now, __version__, int(params.export_type), strategies_json, options_json),
            )
            conn.executemany(
                "INSERT INTO periods (period_key, position, start_wire, end_wire, state, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, 'planned', ?, ?)",
                [(p.key, i, *p.to_wire(), now, now) for i, p in enumerate(params.periods)],
            )
            conn.execute(
                "INSERT INTO events (at, period_key, event, detail) VALUES (?, NULL, 'created', ?)",
                (now, f"{len(params.periods)} periods, {len(params.strategies)} strategies"),
            )
            conn.execute("COMMIT")
        finally:
            conn.close()
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, path)
        _fsync_directory(path.parent)
    finally:
        temp.unlink(missing_ok=True)


def _check_stamp(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != _APPLICATION_ID:
        raise JournalError(
            f"{str(path)!r} is not a TradePose batch journal: pass the workdir of a batch started by this SDK, "
            f"or move the file away"
        )
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > _SCHEMA_VERSION:
        raise JournalError(
            f"{str(path)!r} was written by a newer tradepose SDK (journal version {version}, this SDK reads "
            f"{_SCHEMA_VERSION}): upgrade tradepose to resume it"
        )
    if version != _SCHEMA_VERSION:
        raise JournalError(f"{str(path)!r} has unknown journal version {version}: start the batch again")
    check = conn.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise sqlite3.DatabaseError(check)
    if conn.execute("SELECT count(*) FROM batch").fetchone()[0] != 1:
        raise sqlite3.DatabaseError("the batch row is missing")


class Journal:
    """The journal of one batch in one work directory. Create with `create`, reopen with `open`.

    Methods that change state each commit one transaction and raise `JournalError` for a
    period that is not in the batch or a transition that is not allowed. Use as a context
    manager, or call `close()`.
    """

    def __init__(self, workdir: Path, connection: sqlite3.Connection, lock: IO[bytes], clock: Clock) -> None:
        """Internal: use `Journal.create` or `Journal.open`."""
        self.workdir = workdir
        self._conn = connection
        self._lock_handle = lock
        self._clock = clock
        self._mutex = threading.RLock()
        self._closed = False
        self._grouped = False

    # -- opening and closing --------------------------------------------------------------

    @classmethod
    def create(cls, workdir: str | os.PathLike[str], params: BatchParams, *, clock: Clock = SYSTEM_CLOCK) -> Journal:
        """Start a journal in `workdir` (created if missing) with every period `planned`.

        The parameters are checked before anything is written: at least one strategy and one
        period, no duplicate periods, JSON only, and nothing that looks like a credential.
        """
        _params_json(params)
        root = _prepare_workdir(Path(workdir))
        path = root / JOURNAL_FILE
        lock = _lock(root / _LOCK_FILE)
        try:
            if path.exists():
                raise JournalError(
                    f"{str(path)!r} already holds a batch: resume it with Journal.open, or pick a new workdir"
                )
            _build_journal_file(path, params, _timestamp(clock))
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
        root = Path(workdir)
        if not root.is_dir():
            what = "is a file, not a directory" if root.exists() else "does not exist"
            raise JournalError(f"workdir {str(root)!r} {what}: pass the directory of an existing batch")
        root = root.resolve()
        path = root / JOURNAL_FILE
        if not path.is_file():
            raise JournalError(
                f"no batch journal in {str(root)!r} (expected {JOURNAL_FILE}): pass the workdir of an existing "
                f"batch, or start a new batch"
            )
        lock = _lock(root / _LOCK_FILE)
        try:
            journal = cls._attach(root, path, lock, clock)
        except BaseException:
            lock.close()
            raise
        journal._remove_temp_files()
        return journal

    @classmethod
    def _attach(cls, root: Path, path: Path, lock: IO[bytes], clock: Clock) -> Journal:
        try:
            conn = _connect(path, create=False)
        except sqlite3.Error as exc:
            raise JournalError(f"cannot open {str(path)!r} ({exc}): check the file's permissions") from None
        try:
            _check_stamp(conn, path)
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode != "wal":
                raise sqlite3.OperationalError(f"journal_mode is {mode}")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise JournalError(
                f"{str(path)!r} is damaged or unreadable ({exc}): move the workdir aside and start the batch again"
            ) from None
        except BaseException:
            conn.close()
            raise
        return cls(root, conn, lock, clock)

    def close(self) -> None:
        """Close the database and release the workdir lock. Safe to call twice."""
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            self._conn.close()
            self._lock_handle.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _remove_temp_files(self) -> None:
        for temp in self.workdir.glob(f"{_RESULTS_DIR}/**/.*.tmp"):
            temp.unlink(missing_ok=True)
        for temp in self.workdir.glob(f".{JOURNAL_FILE}.*.tmp"):
            temp.unlink(missing_ok=True)

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
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise JournalError(
                    f"cannot write the batch journal in {str(self.workdir)!r} ({exc}): check free disk space "
                    f"and permissions, then resume the batch"
                ) from exc

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
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise JournalError(
                    f"cannot write the batch journal in {str(self.workdir)!r} ({exc}): check free disk space "
                    f"and permissions, then resume the batch"
                ) from exc

    def _check_open(self) -> None:
        if self._closed:
            raise JournalError("this journal is closed: reopen it with Journal.open(workdir)")

    def _now(self) -> str:
        return _timestamp(self._clock)

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

    # -- state changes ----------------------------------------------------------------------

    def mark_submitting(self, period: Period | str, *, duplicate_risk: bool = False) -> PeriodRow:
        """Record that the export POST for `period` is about to be sent. Commit this BEFORE sending.

        Allowed from planned, failed, or submitting (a submission interrupted by a crash). Re-submitting
        a period found `submitting` sets `duplicate_risk`: the first POST may have created a task.
        Pass `duplicate_risk=True` when the caller knows an earlier POST may have arrived.
        """
        with self._write() as conn:
            row = self._current(conn, period, ("planned", "failed", "submitting"), "submitted")
            risk = duplicate_risk or row["state"] == "submitting"
            conn.execute(
                "UPDATE periods SET state = 'submitting', attempts = attempts + 1, task_id = NULL,"
                " gateway_status = NULL, error = NULL, error_stage = NULL, finished_at = NULL,"
                " duplicate_risk = max(duplicate_risk, ?), updated_at = ? WHERE period_key = ?",
                (int(risk), self._now(), row["period_key"]),
            )
            self._event(conn, row["period_key"], "submitting", "duplicate risk" if risk else None)
        return self.row(period)

    def mark_submitted(self, period: Period | str, task_id: str) -> PeriodRow:
        """Record the task id the gateway returned for `period`."""
        if not isinstance(task_id, str) or not task_id:
            raise JournalError(f"task id {task_id!r} must be a non-empty string")
        with self._write() as conn:
            row = self._current(conn, period, ("submitting",), "marked submitted")
            now = self._now()
            conn.execute(
                "UPDATE periods SET state = 'submitted', task_id = ?, submitted_at = ?, updated_at = ?"
                " WHERE period_key = ?",
                (task_id, now, now, row["period_key"]),
            )
            self._event(conn, row["period_key"], "submitted", task_id)
        return self.row(period)

    def mark_status(self, period: Period | str, status: int) -> PeriodRow:
        """Record the latest gateway `TaskStatus` (an int) of a submitted period; no state change."""
        if isinstance(status, bool) or not isinstance(status, int):
            raise JournalError(f"gateway status {status!r} must be an integer TaskStatus")
        with self._write() as conn:
            row = self._current(conn, period, ("submitted",), "given a gateway status")
            conn.execute(
                "UPDATE periods SET gateway_status = ?, updated_at = ? WHERE period_key = ?",
                (int(status), self._now(), row["period_key"]),
            )
            if row["gateway_status"] != int(status):
                self._event(conn, row["period_key"], "status", str(int(status)))
        return self.row(period)

    def mark_failed(self, period: Period | str, error: str, stage: ErrorStage) -> PeriodRow:
        """Record that `period` failed at `stage` (submit, status, task or download) with `error`.

        Anything in `error` that looks like a credential is replaced by `***` before it is stored.
        """
        if stage not in _STAGES:
            raise JournalError(f"error stage {stage!r} is not one of {', '.join(sorted(_STAGES))}")
        with self._write() as conn:
            row = self._current(conn, period, ("planned", "submitting", "submitted", "failed"), "marked failed")
            now = self._now()
            conn.execute(
                "UPDATE periods SET state = 'failed', error = ?, error_stage = ?, finished_at = ?, updated_at = ?"
                " WHERE period_key = ?",
                (redact(str(error)), stage, now, now, row["period_key"]),
            )
            self._event(conn, row["period_key"], "failed", f"{stage}: {error}")
        return self.row(period)

    def mark_done(self, period: Period | str) -> PeriodRow:
        """Record that every result of a submitted period is downloaded and recorded."""
        with self._write() as conn:
            row = self._current(conn, period, ("submitted",), "marked done")
            now = self._now()
            conn.execute(
                "UPDATE periods SET state = 'done', error = NULL, error_stage = NULL, finished_at = ?,"
                " updated_at = ? WHERE period_key = ?",
                (now, now, row["period_key"]),
            )
            self._event(conn, row["period_key"], "done")
        return self.row(period)

    def reopen_for_download(self, period: Period | str) -> PeriodRow:
        """Put a done period, or one that failed after its task was created, back to `submitted`."""
        with self._write() as conn:
            row = self._current(conn, period, ("done", "failed"), "reopened for download")
            if row["task_id"] is None:
                raise JournalError(
                    f"period {row['period_key']!r} never got a task id: submit it again with mark_submitting()"
                )
            self._reopen(conn, row["period_key"], "reopened")
        return self.row(period)

    def _reopen(self, conn: sqlite3.Connection, key: str, why: str) -> None:
        conn.execute(
            "UPDATE periods SET state = 'submitted', error = NULL, error_stage = NULL, finished_at = NULL,"
            " updated_at = ? WHERE period_key = ?",
            (self._now(), key),
        )
        self._event(conn, key, why)

    # -- result files -----------------------------------------------------------------------

    def result_path(self, period: Period | str, filename: str) -> Path:
        """Where a result file of `period` goes: `<workdir>/results/<period key>/<filename>`, sanitised."""
        key = period.key if isinstance(period, Period) else period
        return self._inside(self.workdir / _RESULTS_DIR / safe_component(key) / safe_component(filename))

    def _inside(self, path: Path) -> Path:
        resolved = path.resolve()
        if not resolved.is_relative_to(self.workdir) or resolved == self.workdir / JOURNAL_FILE:
            raise JournalError(
                f"path {str(path)!r} is outside the batch workdir {str(self.workdir)!r}: results stay inside it"
            )
        return resolved

    def write_result_atomic(
        self, period: Period | str, name: str, filename: str, writer: Callable[[IO[bytes]], object]
    ) -> ResultFile:
        """Write a result file atomically under the workdir and record it (see `record_result`)."""
        path = self.result_path(period, filename)
        write_atomic(path, writer)
        return self.record_result(period, name, path)

    def record_result(self, period: Period | str, name: str, path: str | os.PathLike[str]) -> ResultFile:
        """Record a result file already written (atomically) inside the workdir, with its sha256.

        `name` is the logical result (e.g. `trades`); recording the same name again replaces it.
        """
        resolved = self._inside(Path(path))
        if not resolved.is_file():
            raise JournalError(f"result file {str(resolved)!r} does not exist: write it before recording it")
        digest, size = _sha256(resolved)
        relative = resolved.relative_to(self.workdir).as_posix()
        with self._write() as conn:
            row = self._current(conn, period, ("submitted", "done"), "given a result")
            conn.execute(
                "INSERT OR REPLACE INTO results (period_key, name, path, sha256, size, recorded_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (row["period_key"], name, relative, digest, size, self._now()),
            )
            self._event(conn, row["period_key"], "result", f"{name}: {relative}")
        return ResultFile(name=name, path=resolved, sha256=digest, size=size)

    def verify_results(self) -> list[ResultProblem]:
        """Re-hash every recorded result; forget missing or changed ones and reopen their periods.

        Returns what was forgotten. A done period that lost a result goes back to `submitted`, so
        the batch downloads it again.
        """
        with self._mutex:
            self._check_open()
            rows = self._conn.execute("SELECT period_key, name, path, sha256 FROM results").fetchall()
        problems: list[ResultProblem] = []
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
                elif _sha256(path)[0] != row["sha256"]:
                    reason = "changed"
            if reason is not None:
                problems.append(ResultProblem(row["period_key"], row["name"], path, reason))
        if problems:
            with self._write() as conn:
                for problem in problems:
                    conn.execute(
                        "DELETE FROM results WHERE period_key = ? AND name = ?", (problem.period_key, problem.name)
                    )
                    self._event(conn, problem.period_key, "result lost", f"{problem.name}: {problem.reason}")
                    state = conn.execute(
                        "SELECT state FROM periods WHERE period_key = ?", (problem.period_key,)
                    ).fetchone()["state"]
                    if state == "done":
                        self._reopen(conn, problem.period_key, "reopened: result lost")
        return problems

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
        return BatchParams(
            strategies=json.loads(batch["strategies_json"]),
            periods=[Period.parse(k) for k in keys],
            export_type=int(batch["export_type"]),
            options=json.loads(batch["options_json"]),
        )

    def row(self, period: Period | str) -> PeriodRow:
        """The current row of one period."""
        key = period.key if isinstance(period, Period) else period
        rows = self._rows("WHERE period_key = ?", (key,))
        if not rows:
            raise JournalError(f"period {key!r} is not part of this batch: use one of the batch's period keys")
        return rows[0]

    def summary_rows(self) -> list[PeriodRow]:
        """Every period, in the order given at creation."""
        return self._rows("", ())

    def pending_submissions(self) -> list[PeriodRow]:
        """Periods never submitted (`planned`)."""
        return self._rows("WHERE state = 'planned'", ())

    def in_flight_at_crash(self) -> list[PeriodRow]:
        """Periods left `submitting`: their POST may or may not have reached the gateway."""
        return self._rows("WHERE state = 'submitting'", ())

    def awaiting_results(self) -> list[PeriodRow]:
        """Periods with a task id whose results are not all recorded yet (`submitted`)."""
        return self._rows("WHERE state = 'submitted'", ())

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

    def _rows(self, where: str, args: tuple[Any, ...]) -> list[PeriodRow]:
        with self._mutex:
            periods = self._read(f"SELECT * FROM periods {where} ORDER BY position", args)
            results = self._read("SELECT period_key, name, path, sha256, size FROM results ORDER BY period_key, name")
        files: dict[str, list[ResultFile]] = {}
        for r in results:
            files.setdefault(r["period_key"], []).append(
                ResultFile(name=r["name"], path=self.workdir / r["path"], sha256=r["sha256"], size=r["size"])
            )
        return [
            PeriodRow(
                period=Period.parse(p["period_key"]),
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
                results=tuple(files.get(p["period_key"], ())),
            )
            for p in periods
        ]


def _timestamp(clock: Clock) -> str:
    return datetime.fromtimestamp(clock.time(), UTC).isoformat(timespec="milliseconds")
