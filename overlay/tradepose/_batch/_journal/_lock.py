"""The OS lock that keeps a second process out of a batch's workdir."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from ..._errors import JournalError

__all__ = ["lock_workdir"]


def lock_workdir(path: Path) -> IO[bytes]:
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
