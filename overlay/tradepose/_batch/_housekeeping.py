"""Housekeeping of the batch workdirs under the user's cache directory (`tradepose batches list | clean`).

Every batch started without `workdir=` gets a directory under `<cache>/tradepose/batches/` (see
`_journal._files.default_workdir`). `list_batches` describes the ones that are ours: a directory
counts only when it holds a journal this SDK can open (stamp checked), read read-only.
`clean_batches` removes those idle for longer than a given age, never one whose workdir lock is
held (a running batch, in this or another process): it takes that lock itself before deleting.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from .._errors import ConfigError, JournalError
from ._journal import FAILED_STATES, Journal, default_workdir
from ._journal._lock import lock_workdir
from ._journal._schema import LOCK_FILE

__all__ = ["BatchInfo", "CleanOutcome", "batches_root", "clean_batches", "list_batches", "parse_age"]

_AGE: Final = re.compile(r"(\d+)\s*([smhdw])")
_UNITS: Final = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """One batch workdir: when it was created and last changed, its periods, its size on disk."""

    workdir: Path
    created: dt.datetime
    last_activity: dt.datetime
    periods: int
    done: int
    failed: int
    size: int
    in_use: bool


@dataclass(frozen=True, slots=True)
class CleanOutcome:
    """What `clean_batches` did (or, on a dry run, would do) with one batch."""

    batch: BatchInfo
    action: Literal["removed", "would remove", "in use", "kept"]


def batches_root(environ: Mapping[str, str] | None = None) -> Path:
    """`<user cache>/tradepose/batches`, where batches started without `workdir=` live."""
    return default_workdir(environ=environ).parent


def parse_age(text: str) -> dt.timedelta:
    """`30d`, `12h`, `2w`, `90m` or `45s` as a timedelta; `ConfigError` saying the form otherwise."""
    match = _AGE.fullmatch(text.strip().lower())
    if match is None or int(match[1]) == 0:
        raise ConfigError(f"age {text!r} is not a positive duration: write it as 30d, 12h, 2w, 90m or 45s")
    return dt.timedelta(**{_UNITS[match[2]]: int(match[1])})


def _lock_held(workdir: Path) -> bool:
    try:
        lock_workdir(workdir / LOCK_FILE).close()
    except JournalError:
        return True
    return False


def _size(workdir: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(workdir):
        for name in files:
            path = Path(folder) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def describe(workdir: Path) -> BatchInfo | None:
    """`BatchInfo` of a batch workdir of ours, or None for anything else (no or a foreign journal)."""
    if not workdir.is_dir() or workdir.is_symlink():
        return None
    try:
        with Journal.open_read_only(workdir) as journal:
            rows = journal.summary_rows()
            events = journal.events()
    except JournalError:
        return None
    stamps = [dt.datetime.fromisoformat(at) for at, _key, _event, _detail in events]
    created = stamps[0] if stamps else dt.datetime.fromtimestamp((workdir / "journal.sqlite3").stat().st_mtime, dt.UTC)
    return BatchInfo(
        workdir=workdir.resolve(), created=created, last_activity=max(stamps, default=created),
        periods=len(rows), done=sum(r.state == "done" for r in rows),
        failed=sum(r.state in FAILED_STATES for r in rows), size=_size(workdir), in_use=_lock_held(workdir),
    )  # fmt: skip


def list_batches(root: Path) -> list[BatchInfo]:
    """Every batch workdir of ours directly under `root`, oldest first; other entries are ignored."""
    if not root.is_dir():
        return []
    found = [info for child in root.iterdir() if (info := describe(child)) is not None]
    return sorted(found, key=lambda info: (info.created, info.workdir.name))


def _remove(workdir: Path) -> bool:
    """Delete a batch workdir while holding its lock; False (nothing deleted) when the lock is held."""
    try:
        lock = lock_workdir(workdir / LOCK_FILE)
    except JournalError:
        return False
    try:
        for child in workdir.iterdir():
            if child.name == LOCK_FILE:
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    finally:
        lock.close()
    (workdir / LOCK_FILE).unlink(missing_ok=True)
    workdir.rmdir()
    return True


def clean_batches(root: Path, older_than: dt.timedelta, *, now: dt.datetime, dry_run: bool) -> list[CleanOutcome]:
    """Remove the batches under `root` idle (no journal change) for at least `older_than`; report each batch."""
    outcomes: list[CleanOutcome] = []
    for info in list_batches(root):
        if now - info.last_activity < older_than:
            outcomes.append(CleanOutcome(info, "kept"))
        elif info.in_use:
            outcomes.append(CleanOutcome(info, "in use"))
        elif dry_run:
            outcomes.append(CleanOutcome(info, "would remove"))
        else:
            outcomes.append(CleanOutcome(info, "removed" if _remove(info.workdir) else "in use"))
    return outcomes
