"""Checking stored results against the sha256 the journal recorded, cheaply, before they are read.

The first read of a file in a process hashes it in full; later reads compare only its size and
modification time with that check and hash again only when they changed. A missing or altered file
raises `ResultIntegrityError` naming the file and the fix, so nothing altered is ever served.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Final

from .._errors import ResultIntegrityError
from ._journal import ResultFile
from ._journal._files import sha256_file

__all__ = ["check_file", "check_saved", "copy_checked", "forget_checks"]

# path -> (size, mtime_ns, sha256) of the last check that passed in this process.
_CHECKED: Final[dict[Path, tuple[int, int, str]]] = {}
_GUARD: Final = threading.Lock()


def _fail(path: Path, label: str, workdir: Path, what: str) -> ResultIntegrityError:
    return ResultIntegrityError(
        f"the {label} result file {str(path)!r} {what}: it is not served; download it again with "
        f"BatchTester.resume({str(workdir)!r})",
        path=str(path),
    )


def check_file(recorded: ResultFile, *, label: str, workdir: Path) -> Path:
    """The path of `recorded` once its bytes match the journalled sha256; `ResultIntegrityError` if not.

    `label` names the result in the message (e.g. `2024Q1 trades`); `workdir` is the batch to resume.
    """
    path = recorded.path
    try:
        stat = path.stat()
    except OSError:
        raise _fail(path, label, workdir, "is missing") from None
    with _GUARD:
        seen = _CHECKED.get(path)
    if seen == (stat.st_size, stat.st_mtime_ns, recorded.sha256):
        return path
    if stat.st_size != recorded.size:
        raise _fail(path, label, workdir, f"has {stat.st_size} bytes where the journal recorded {recorded.size}")
    if sha256_file(path)[0] != recorded.sha256:
        raise _fail(path, label, workdir, "no longer matches the sha256 the journal recorded")
    with _GUARD:
        _CHECKED[path] = (stat.st_size, stat.st_mtime_ns, recorded.sha256)
    return path


def forget_checks() -> None:
    """Forget every passed check, so the next read of each file hashes it again (tests, long sessions)."""
    with _GUARD:
        _CHECKED.clear()


def copy_checked(recorded: ResultFile, target: Path, *, label: str, workdir: Path) -> None:
    """Copy `recorded` to `target`, hashing the bytes as they are copied; `ResultIntegrityError` if they differ.

    The copy and the check read the same bytes, so no change between a check and the copy slips through.
    """
    try:
        source = recorded.path.open("rb")
    except OSError:
        raise _fail(recorded.path, label, workdir, "is missing") from None
    digest = hashlib.sha256()
    with source, target.open("wb") as out:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != recorded.sha256:
        target.unlink(missing_ok=True)
        raise _fail(recorded.path, label, workdir, "no longer matches the sha256 the journal recorded")


def check_saved(path: Path, sha256: str, *, root: Path) -> Path:
    """A file of a saved dataset once it matches the sha256 its manifest lists; `ResultIntegrityError` if not."""
    if not path.is_file() or sha256_file(path)[0] != sha256:
        what = "is missing" if not path.is_file() else "no longer matches the sha256 its manifest lists"
        raise ResultIntegrityError(
            f"the saved result file {str(path)!r} {what}: save the batch into {str(root)!r} again "
            f"(BatchResults.open(workdir).save(path))",
            path=str(path),
        )
    return path
