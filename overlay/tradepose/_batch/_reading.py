"""`JournalReader`: how `BatchResults` reads its journal, before and after its run has closed.

While the run's journal is open it is read directly. Once it is closed (`BatchTester.close()`, the end
of `with BatchTester()`, `BatchResults.close()`), each read reopens the journal read-only on demand:
sqlite `mode=ro`, no workdir lock, no credentials. A journal closed between the check and the read is
read again read-only, so a read never sees "this journal is closed".
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import polars as pl

from .._errors import JournalError
from ._journal import Journal, PeriodRow
from ._period_result import PeriodResult

__all__ = ["JournalReader"]

T = TypeVar("T")


class JournalReader:
    """The reading half of `BatchResults`: its journal, work directory, batch id, rows and frame cache."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._workdir = journal.workdir
        self._batch_id = journal.batch_id
        self._cache: dict[tuple[str, str], pl.DataFrame] = {}
        self._lock = threading.Lock()  # guards the frame cache
        self._reader_lock = threading.Lock()
        self._reader: Journal | None = None

    @property
    def workdir(self) -> Path:
        """Where the journal and every downloaded result live; pass it to `BatchTester.resume`."""
        return self._workdir

    @property
    def batch_id(self) -> str:
        return self._batch_id

    def _reading(self) -> Journal:
        """The run's journal while it is open; once closed, a read-only one opened on demand."""
        if not self._journal.closed:
            return self._journal
        with self._reader_lock:
            if self._reader is None or self._reader.closed:
                self._reader = Journal.open_read_only(self._workdir)
            return self._reader

    def _read(self, read: Callable[[Journal], T]) -> T:
        """`read(journal)` on the journal to read now (see the module docstring)."""
        journal = self._reading()
        try:
            return read(journal)
        except JournalError:
            if journal is not self._journal or not journal.closed:
                raise
            return read(self._reading())  # the run's journal closed under us: read it read-only

    def _close_reader(self) -> None:
        with self._reader_lock:
            reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()

    def _rows(self) -> list[PeriodRow]:
        return self._read(lambda journal: journal.summary_rows())

    def _results(self) -> list[PeriodResult]:
        return [PeriodResult(r, self._cache, self._lock, workdir=self._workdir) for r in self._rows()]
