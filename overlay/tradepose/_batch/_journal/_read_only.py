"""Finding a batch's journal file, and opening it read-only (sqlite `mode=ro`, no workdir lock)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..._errors import JournalError
from ._schema import _APPLICATION_ID, JOURNAL_FILE, check_stamp, open_checked

__all__ = ["connect_read_only", "existing_journal"]


def existing_journal(workdir: str | os.PathLike[str]) -> tuple[Path, Path]:
    """`(workdir, journal file)` of an existing batch, resolved; a `JournalError` saying what to pass if not."""
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
    return root, path


def connect_read_only(root: Path, path: Path) -> sqlite3.Connection:
    """A checked `mode=ro` connection to the journal `path` in `root`; `JournalError` saying what to do if not.

    `immutable=1` is added only for a directory this user cannot write: SQLite could not create the WAL
    index there, and nobody who could change the journal under us can write there either.
    """
    flags = "mode=ro" if os.access(root, os.W_OK) else "mode=ro&immutable=1"

    def check(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA query_only=ON")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id == _APPLICATION_ID and conn.execute("PRAGMA user_version").fetchone()[0] == 1:
            raise JournalError(
                f"{str(path)!r} was written by an older tradepose SDK: upgrade it by resuming it once "
                f"(BatchTester.resume({str(root)!r})), then read it"
            )
        check_stamp(conn, path)

    return open_checked(path, flags, check)
