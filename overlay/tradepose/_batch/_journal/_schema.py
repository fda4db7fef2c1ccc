"""The journal file: its SQLite schema, stamp checks, atomic creation and connections."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from tradepose_api.models import StrategyConfig

from ..._clock import Clock
from ..._errors import JournalError
from ..._version import __version__
from ._files import fsync_directory
from ._model import BatchParams
from ._secrets import check_options, refuse_secret_values

__all__ = [
    "JOURNAL_FILE",
    "LOCK_FILE",
    "RESULTS_DIR",
    "build_journal_file",
    "check_stamp",
    "connect",
    "ensure_indexes",
    "open_checked",
    "params_json",
    "timestamp",
]

JOURNAL_FILE: Final = "journal.sqlite3"
LOCK_FILE: Final = "journal.lock"
RESULTS_DIR: Final = "results"
_APPLICATION_ID: Final = 0x54504A31  # "TPJ1"
_SCHEMA_VERSION: Final = 2
_STATE_CHECK: Final = (
    "CHECK (state IN ('planned', 'submitting', 'submitted', 'done', 'failed', 'timed_out', 'ambiguous'))"
)

# `task_ids()` and `events(period)` look a period's events up by key; without it each is a scan of the log.
_EVENTS_INDEX: Final = "CREATE INDEX IF NOT EXISTS events_by_period ON events (period_key, event)"

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
    state TEXT NOT NULL {_STATE_CHECK},
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
{_EVENTS_INDEX};
"""


def connect(path: Path, *, create: bool, flags: str = "mode=rw") -> sqlite3.Connection:
    """A connection to the journal `path` (created when `create`; otherwise opened with the URI `flags`)."""
    target = str(path) if create else f"{path.as_uri()}?{flags}"
    conn = sqlite3.connect(target, uri=not create, isolation_level=None, check_same_thread=False, timeout=30.0)
    conn.row_factory = sqlite3.Row
    return conn


def open_checked(path: Path, flags: str, check: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection:
    """The existing journal `path` opened with `flags`, after `check(conn)` passed; else a `JournalError`.

    The error says what to do: fix the permissions when the file cannot be opened, start again when it is
    damaged. The connection is closed whenever the check fails.
    """
    try:
        conn = connect(path, create=False, flags=flags)
    except sqlite3.Error as exc:
        raise JournalError(f"cannot open {str(path)!r} ({exc}): check the file's permissions") from None
    try:
        check(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise JournalError(
            f"{str(path)!r} is damaged or unreadable ({exc}): move the workdir aside and start the batch again"
        ) from None
    except BaseException:
        conn.close()
        raise
    return conn


def params_json(params: BatchParams) -> tuple[str, str]:
    """`(strategies_json, options_json)`, refusing empty, duplicate, non-JSON or secret-bearing input."""
    if not params.periods or not params.strategies:
        raise JournalError("a batch needs at least one strategy and one period")
    keys = [p.key for p in params.periods]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise JournalError(f"period(s) {', '.join(duplicates)} given more than once: list each period once")
    options_json = check_options(params.options)
    try:
        strategies = [s.to_dict() if isinstance(s, StrategyConfig) else dict(s) for s in params.strategies]
        strategies_json = json.dumps(strategies, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise JournalError(f"strategies are not JSON ({exc}): pass their wire form") from None
    refuse_secret_values(strategies_json, "strategies")
    return strategies_json, options_json


def build_journal_file(path: Path, params: BatchParams, now: str) -> None:
    """Write a complete journal to a temp file and rename it into place, so creation is atomic."""
    strategies_json, options_json = params_json(params)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        conn = connect(temp, create=True)
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
        fsync_directory(path.parent)
    finally:
        temp.unlink(missing_ok=True)


def check_stamp(conn: sqlite3.Connection, path: Path) -> None:
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
    if version == 1:
        _migrate_v1(conn)
    elif version != _SCHEMA_VERSION:
        raise JournalError(f"{str(path)!r} has unknown journal version {version}: start the batch again")
    check = conn.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise sqlite3.DatabaseError(check)
    if conn.execute("SELECT count(*) FROM batch").fetchone()[0] != 1:
        raise sqlite3.DatabaseError("the batch row is missing")


def _migrate_v1(conn: sqlite3.Connection) -> None:
    """Version 1 → 2: the states `timed_out` and `ambiguous`, which version 1 kept as `failed` + error text."""
    columns = [r["name"] for r in conn.execute("PRAGMA table_info(periods)").fetchall()]
    table = next(line for line in _SCHEMA.split(";") if "CREATE TABLE periods" in line)
    names = ", ".join(columns)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(table.replace("CREATE TABLE periods", "CREATE TABLE periods_v2"))
        conn.execute(f"INSERT INTO periods_v2 ({names}) SELECT {names} FROM periods")
        conn.execute("DROP TABLE periods")
        conn.execute("ALTER TABLE periods_v2 RENAME TO periods")
        conn.execute("UPDATE periods SET state = 'timed_out' WHERE state = 'failed' AND error LIKE 'timed out:%'")
        conn.execute(
            "UPDATE periods SET state = 'ambiguous' WHERE state = 'failed' AND error_stage = 'submit'"
            " AND error LIKE '(the request may have reached the gateway)%'"
        )
        conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def ensure_indexes(conn: sqlite3.Connection) -> None:
    """Add the indexes a journal made before they existed lacks (same schema version: older SDKs ignore them).

    Only a journal missing one is written to. One that cannot take it (a read-only file) still works,
    with slower per-period event lookups.
    """
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'events_by_period'").fetchone():
        return
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute(_EVENTS_INDEX)


def timestamp(clock: Clock) -> str:
    return datetime.fromtimestamp(clock.time(), UTC).isoformat(timespec="milliseconds")
