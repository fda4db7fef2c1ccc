"""Progress snapshots, the HTML card, the text line and the terminal and notebook displays."""

from __future__ import annotations

import io
import types
from typing import Any

import pytest
from rich.console import Console

from tradepose._batch._progress import ProgressSnapshot, _NotebookDisplay, open_display, render_html, render_text


def test_snapshot_counts_and_eta() -> None:
    """pending excludes processing; fraction and a linear ETA follow from the finished counts."""
    snap = ProgressSnapshot(total=10, completed=3, failed=1, elapsed=40.0, processing=2)
    assert (snap.finished, snap.pending, snap.unfinished, snap.fraction) == (4, 4, 6, 0.4)
    assert snap.counts == {"pending": 4, "processing": 2, "completed": 3, "failed": 1}
    assert snap.eta == 60.0
    assert snap.describe() == "3 completed, 1 failed, 2 processing, 4 pending; 0:40 elapsed, ETA 1:00"


def test_eta_is_unknown_before_anything_finishes() -> None:
    """No ETA is invented before the first task finishes; an empty batch is complete."""
    assert ProgressSnapshot(total=5, completed=0, failed=0, elapsed=3.0).eta is None
    assert ProgressSnapshot(total=0, completed=0, failed=0, elapsed=0.0).fraction == 1.0


def test_html_card_escapes_the_title_and_shows_processing() -> None:
    """The HTML card shows the percentage, a processing segment, and escapes user text."""
    out = render_html(ProgressSnapshot(total=4, completed=2, failed=0, elapsed=1.0, processing=1), "<batch>")
    assert "&lt;batch&gt;" in out
    assert "50%" in out
    assert 'title="processing: 1"' in out and 'title="completed: 2"' in out


def test_text_line_is_one_readable_line() -> None:
    """The text fallback is one line with the percentage, a bar (done #, processing >) and the counts."""
    line = render_text(ProgressSnapshot(total=4, completed=1, failed=1, elapsed=65.0, processing=1), "batch ab12")
    assert line.startswith("batch ab12  50% [##########>>>>>-----] 1 completed, 1 failed, 1 processing, 1 pending")
    assert "1:05 elapsed" in line and "\n" not in line


def test_terminal_display_renders_counts() -> None:
    """The rich display prints the title and the completed/failed/processing/pending counts."""
    buffer = io.StringIO()
    display = open_display("backtest", console=Console(file=buffer, force_terminal=False, width=160))
    display.update(ProgressSnapshot(total=4, completed=3, failed=1, elapsed=2.0))
    display.close()
    text = buffer.getvalue()
    assert "backtest" in text
    assert "3 completed, 1 failed, 0 processing, 0 pending" in text


class _FakeIPythonDisplay:
    """Records `display(...)` and handle updates as IPython.display would send them."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, str]]] = []

    def display(self, bundle: dict[str, str], *, raw: bool, display_id: bool) -> Any:
        assert raw and display_id
        self.sent.append(("display", bundle))
        return types.SimpleNamespace(update=lambda b, raw: self.sent.append(("update", b)))


def test_notebook_display_sends_a_bundle_only_when_it_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    """One output area: first a display, then updates carrying text/plain and text/html; repeats are not sent."""
    fake = _FakeIPythonDisplay()
    monkeypatch.setitem(__import__("sys").modules, "IPython.display", fake)
    display = _NotebookDisplay("batch ab12")
    display.update(ProgressSnapshot(total=2, completed=0, failed=0, elapsed=0.2))
    display.update(ProgressSnapshot(total=2, completed=0, failed=0, elapsed=0.4))  # same second, same counts
    display.update(ProgressSnapshot(total=2, completed=0, failed=0, elapsed=0.4, processing=2))
    display.update(ProgressSnapshot(total=2, completed=0, failed=0, elapsed=1.6, processing=2))  # a second later
    display.close()
    assert [kind for kind, _ in fake.sent] == ["display", "update", "update"]
    assert all(set(bundle) == {"text/plain", "text/html"} for _, bundle in fake.sent)
    assert fake.sent[1][1]["text/plain"].startswith("batch ab12   0% [>>>>>>>>>>>>>>>>>>>>] 0 completed")
    assert "0:02 elapsed" in fake.sent[2][1]["text/plain"]
