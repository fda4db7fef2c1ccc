"""Files of a batch: the workdir, portable names, atomic writes and hashing."""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Final

from ..._clock import SYSTEM_CLOCK, Clock
from ..._errors import JournalError

__all__ = [
    "default_workdir",
    "fsync_directory",
    "prepare_workdir",
    "publish_file",
    "safe_component",
    "sha256_file",
    "write_atomic",
]

_UNSAFE_CHARS: Final = re.compile(r"[^A-Za-z0-9._+=@ -]")
_WINDOWS_RESERVED: Final = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
_MAX_COMPONENT: Final = 120


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


def fsync_directory(directory: Path) -> None:
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
    fsync_directory(path.parent)
    return path


def publish_file(temp: Path, final: Path) -> Path:
    """Make a finished temp file `final`: fsync its bytes, `os.replace` it, fsync the directory.

    A crash leaves either the old file or the complete new one, never a renamed file whose data
    is still only in the page cache.
    """
    with temp.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, final)
    fsync_directory(final.parent)
    return final


def sha256_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def prepare_workdir(workdir: Path) -> Path:
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
