"""Saved batches: the hive-partitioned Parquet dataset `BatchResults.save` writes, and reading it back.

Layout: `<root>/<result name>/period=<label>/part-0.parquet` plus `<root>/manifest.json`, whose
`format` (`tradepose-batch/2`) marks the directory as ours. A save is written into a fresh sibling
temp directory and swapped in, so `root` holds exactly what its manifest lists: never a half-written
dataset, never partitions left from an earlier save. A crash mid-swap leaves the previous dataset
beside it as `.<name>.<id>.old` (removed by the next save).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import polars as pl

from .._authoring._period import Period
from .._errors import ConfigError, scrub
from ._integrity import check_saved, copy_checked
from ._journal import safe_component, write_atomic
from ._journal._files import fsync_directory
from ._period_result import PeriodResult, empty_frame, with_period

__all__ = ["FORMAT", "MANIFEST", "is_saved", "partition", "read_manifest", "read_saved", "save_dataset", "scan_saved"]

MANIFEST: Final = "manifest.json"
FORMAT: Final = "tradepose-batch/2"
_FORMAT_PREFIX: Final = "tradepose-batch/"
# What `Period.label` produces: letters, digits, `-`, `+`, `.` – a valid name on every OS.
_LABEL: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]*[0-9A-Za-z]")


def partition(period: Period) -> str:
    """The hive directory name of a period, `period=<label>` (the label is used as it is, never rewritten)."""
    label = period.label
    if not _LABEL.fullmatch(label):  # pragma: no cover - a guard: Period.label only makes such names
        raise ConfigError(f"period label {label!r} is not a portable file name")
    return f"period={label}"


def read_manifest(root: Path) -> dict[str, Any] | None:
    """The manifest of a saved batch in `root`, or None when `root` holds none of ours."""
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(manifest, dict) and str(manifest.get("format", "")).startswith(_FORMAT_PREFIX):
        return manifest
    return None


def is_saved(root: Path) -> bool:
    return read_manifest(root) is not None


def _check_target(root: Path, workdir: Path) -> None:
    if root.exists() and not root.is_dir():
        raise ConfigError(f"cannot save into {str(root)!r}: it is a file; pass a directory path")
    if workdir == root or workdir.is_relative_to(root):
        raise ConfigError(
            f"cannot save into {str(root)!r}: it holds the batch's workdir {str(workdir)!r}; pass another directory"
        )
    if root.is_dir() and any(root.iterdir()) and not is_saved(root):
        raise ConfigError(
            f"refusing to replace {str(root)!r}: it is a non-empty directory that is not a saved batch "
            f"(no {MANIFEST} of format {FORMAT}); pass a new or empty directory"
        )


def _swap(temp: Path, root: Path) -> None:
    """Put the complete dataset `temp` at `root`, the previous one (if any) set aside and then removed."""
    old: Path | None = None
    if root.exists():
        old = root.with_name(f".{root.name}.{uuid.uuid4().hex[:8]}.old")
        os.replace(root, old)
    try:
        os.replace(temp, root)
    except BaseException:
        if old is not None:
            os.replace(old, root)
        raise
    fsync_directory(root.parent)
    for leftover in root.parent.glob(f".{root.name}.*.old"):
        if leftover.is_dir() and is_saved(leftover):
            shutil.rmtree(leftover, ignore_errors=True)


def save_dataset(root: Path, results: Sequence[PeriodResult], head: Mapping[str, Any], *, workdir: Path) -> Path:
    """Write `results` as a dataset at `root` (see the module docstring); `head` starts the manifest."""
    _check_target(root, workdir)
    root.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(dir=root.parent, prefix=f".{root.name}.", suffix=".tmp"))
    try:
        periods: list[dict[str, Any]] = []
        for result in results:
            start, end = result.period.to_wire()
            entry: dict[str, Any] = {
                "period": result.label, "start": start, "end": end, "status": result.status,
                "task_id": result.task_id, "error": result.error, "duplicate_risk": result.duplicate_risk, "files": {},
            }  # fmt: skip
            if result.status == "completed":
                for recorded in sorted(result.recorded(), key=lambda f: f.name):
                    relative = Path(safe_component(recorded.name)) / partition(result.period) / "part-0.parquet"
                    (temp / relative).parent.mkdir(parents=True, exist_ok=True)
                    copy_checked(recorded, temp / relative, label=f"{result.label} {recorded.name}", workdir=workdir)
                    entry["files"][recorded.name] = {
                        "path": relative.as_posix(), "sha256": recorded.sha256, "size": recorded.size,
                    }  # fmt: skip
            periods.append(entry)
        manifest = {"format": FORMAT, **head, "periods": periods}
        write_atomic(temp / MANIFEST, lambda f: f.write(scrub(json.dumps(manifest, indent=2)).encode()))
        for directory in sorted({p.parent for p in temp.rglob("*.parquet")}):
            fsync_directory(directory)
        _swap(temp, root)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return root


def scan_saved(root: Path, name: str = "trades") -> pl.LazyFrame:
    """A lazy frame over result `name` of a saved dataset, with the columns `period`, `period_start`, `period_end`.

    It scans exactly the files the manifest lists, each checked against its sha256 first (like `read_saved`):
    a file added, removed or changed since `save()` is never read.
    """
    scans = [with_period(pl.scan_parquet(path), period) for period, path in _saved(root, name)]
    if not scans:
        raise ConfigError(f"{str(root)!r} holds no saved {name}: call save({str(root)!r}) first")
    return pl.concat(scans, how="vertical")


def read_saved(root: Path, name: str) -> pl.DataFrame:
    """Result `name` of every saved period, each file checked against the sha256 its manifest lists."""
    frames = [with_period(pl.read_parquet(path), period) for period, path in _saved(root, name)]
    return pl.concat(frames, how="vertical") if frames else empty_frame(name)


def _saved(root: Path, name: str) -> list[tuple[Period, Path]]:
    """Each saved period with its file of result `name`, checked against the manifest's sha256."""
    manifest = read_manifest(root)
    if manifest is None:
        raise ConfigError(f"{str(root)!r} is not a saved batch (no {MANIFEST} of format {FORMAT})")
    files = []
    for entry in manifest.get("periods", []):
        stored = entry.get("files", {}).get(name)
        if isinstance(stored, dict):
            path = (root / str(stored.get("path"))).resolve()
            if not path.is_relative_to(root.resolve()):
                raise ConfigError(
                    f"the manifest in {str(root)!r} lists {str(path)!r}, outside it: save the batch again"
                )
            files.append((Period.parse(entry["period"]), check_saved(path, str(stored.get("sha256")), root=root)))
    return files
