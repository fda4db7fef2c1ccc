"""Live progress for long batch runs: a rich bar in terminals, an updating HTML card in Jupyter.

The counts are `BatchResults.status`: pending, processing, completed, failed. The notebook display
sends a rich MIME bundle (text/html for the card, text/plain for a readable one-line fallback, the same
line the terminal shows) and re-sends it whenever it changes: at once when a count changes, and at
least every second while the batch runs (the elapsed time and the ETA move).
The terminal bar draws on stderr, where progress bars go so that stdout stays clean for results.
"""

from __future__ import annotations

import html
import importlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .._display._tables import counts_text, status_bar_html

if TYPE_CHECKING:  # rich costs ~60 ms to import; it is loaded when a terminal bar is first shown
    from rich.console import Console

__all__ = ["ProgressDisplay", "ProgressSnapshot", "open_display", "render_html", "render_text"]

_TEXT_BAR = 20


@dataclass(frozen=True)
class ProgressSnapshot:
    """Counts at one moment; `eta` in seconds, None until something has finished."""

    total: int
    completed: int
    failed: int
    elapsed: float
    processing: int = 0

    @property
    def finished(self) -> int:
        return self.completed + self.failed

    @property
    def pending(self) -> int:
        """Periods not yet running on the gateway (planned, submitting, or queued there)."""
        return self.total - self.finished - self.processing

    @property
    def unfinished(self) -> int:
        return self.total - self.finished

    @property
    def counts(self) -> dict[str, int]:
        """The same keys and values as `BatchResults.status`."""
        return {
            "pending": self.pending,
            "processing": self.processing,
            "completed": self.completed,
            "failed": self.failed,
        }

    @property
    def fraction(self) -> float:
        return 1.0 if self.total == 0 else self.finished / self.total

    @property
    def eta(self) -> float | None:
        if self.finished == 0 or self.elapsed <= 0:
            return None
        return self.elapsed / self.finished * self.unfinished

    def describe(self) -> str:
        eta = "?" if self.eta is None else _format_seconds(self.eta)
        return f"{counts_text(self.counts)}; {_format_seconds(self.elapsed)} elapsed, ETA {eta}"


def _format_seconds(seconds: float) -> str:
    seconds = round(seconds)
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def render_text(snapshot: ProgressSnapshot, title: str) -> str:
    """One readable line: `batch 1a2b3c4d  50% [#####>>>>>----------] 2 completed, ...`."""
    total = max(snapshot.total, 1)
    done = round(snapshot.finished / total * _TEXT_BAR)
    running = min(round(snapshot.processing / total * _TEXT_BAR), _TEXT_BAR - done)
    bar = "#" * done + ">" * running + "-" * (_TEXT_BAR - done - running)
    return f"{title} {round(snapshot.fraction * 100):3d}% [{bar}] {snapshot.describe()}"


def render_html(snapshot: ProgressSnapshot, title: str) -> str:
    """A small self-contained HTML card (also the head of `BatchResults._repr_html_`)."""
    pct = round(snapshot.fraction * 100)
    return (
        f'<div style="font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;max-width:42em">'
        f"<b>{html.escape(title)}</b> {pct}%{status_bar_html(snapshot.counts)}"
        f"{html.escape(snapshot.describe())}</div>"
    )


class ProgressDisplay(Protocol):
    def update(self, snapshot: ProgressSnapshot) -> None: ...
    def close(self) -> None: ...


class _RichDisplay:
    def __init__(self, title: str, console: Console | None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn

        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("{task.fields[counts]}"),
            console=console or Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task(title, total=None, counts="")
        self._progress.start()

    def update(self, snapshot: ProgressSnapshot) -> None:
        self._progress.update(self._task, total=snapshot.total, completed=snapshot.finished, counts=snapshot.describe())

    def close(self) -> None:
        self._progress.stop()


class _NotebookDisplay:
    """One output area, updated in place (display_id) with a text/html + text/plain bundle."""

    def __init__(self, title: str) -> None:
        # Only reached inside a Jupyter kernel, where IPython is importable; typed loosely on purpose.
        self._display: Any = importlib.import_module("IPython.display")
        self._title = title
        self._handle: Any = None
        self._last: dict[str, str] = {}

    def update(self, snapshot: ProgressSnapshot) -> None:
        bundle = {"text/plain": render_text(snapshot, self._title), "text/html": render_html(snapshot, self._title)}
        if bundle == self._last:  # nothing moved (not even the elapsed second): no message to the front end
            return
        self._last = bundle
        if self._handle is None:
            self._handle = self._display.display(bundle, raw=True, display_id=True)
        else:
            self._handle.update(bundle, raw=True)

    def close(self) -> None:
        pass


def _in_notebook() -> bool:
    shell: Any = sys.modules.get("IPython")
    if shell is None:
        return False
    ipython = shell.get_ipython()
    return ipython is not None and "IPKernelApp" in getattr(ipython, "config", {})


def open_display(title: str, console: Console | None = None) -> ProgressDisplay:
    """The display that suits where we run: Jupyter kernel, else a rich terminal bar."""
    if console is None and _in_notebook():
        return _NotebookDisplay(title)
    return _RichDisplay(title, console)
