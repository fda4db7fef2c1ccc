"""Live progress for long batch runs: a rich bar in terminals, an updating HTML card in Jupyter."""

from __future__ import annotations

import html
import importlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # rich costs ~60 ms to import; it is loaded when a terminal bar is first shown
    from rich.console import Console


@dataclass(frozen=True)
class ProgressSnapshot:
    """Counts at one moment; `eta` in seconds, None until something has finished."""

    total: int
    completed: int
    failed: int
    elapsed: float

    @property
    def finished(self) -> int:
        return self.completed + self.failed

    @property
    def pending(self) -> int:
        return self.total - self.finished

    @property
    def fraction(self) -> float:
        return 1.0 if self.total == 0 else self.finished / self.total

    @property
    def eta(self) -> float | None:
        if self.finished == 0 or self.elapsed <= 0:
            return None
        return self.elapsed / self.finished * self.pending

    def describe(self) -> str:
        eta = "?" if self.eta is None else _format_seconds(self.eta)
        return f"{self.completed} done, {self.failed} failed, {self.pending} pending, ETA {eta}"


def _format_seconds(seconds: float) -> str:
    seconds = round(seconds)
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def render_html(snapshot: ProgressSnapshot, title: str) -> str:
    """A small self-contained HTML card (also used by `BatchResults._repr_html_`)."""
    pct = round(snapshot.fraction * 100)
    done = snapshot.completed / snapshot.total * 100 if snapshot.total else 100
    failed = snapshot.failed / snapshot.total * 100 if snapshot.total else 0
    return (
        f'<div style="font-family:monospace;max-width:42em">'
        f"<b>{html.escape(title)}</b> {pct}%"
        f'<div style="display:flex;height:0.8em;background:#ddd;margin:0.3em 0">'
        f'<div style="width:{done:.1f}%;background:#2e9d4f"></div>'
        f'<div style="width:{failed:.1f}%;background:#c9302c"></div></div>'
        f"{html.escape(snapshot.describe())}</div>"
    )


class ProgressDisplay(Protocol):
    def update(self, snapshot: ProgressSnapshot) -> None: ...
    def close(self) -> None: ...


class _RichDisplay:
    def __init__(self, title: str, console: Console | None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
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
    def __init__(self, title: str) -> None:
        # Only reached inside a Jupyter kernel, where IPython is importable; typed loosely on purpose.
        display_module: Any = importlib.import_module("IPython.display")
        self._title = title
        self._html = display_module.HTML
        self._handle: Any = display_module.display(self._html(""), display_id=True)

    def update(self, snapshot: ProgressSnapshot) -> None:
        self._handle.update(self._html(render_html(snapshot, self._title)))

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
