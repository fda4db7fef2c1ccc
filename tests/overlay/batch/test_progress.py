"""Progress snapshots, the HTML card and the terminal display."""

from __future__ import annotations

import io

from rich.console import Console

from tradepose._batch._progress import ProgressSnapshot, open_display, render_html


def test_snapshot_counts_and_eta() -> None:
    """pending, fraction and a linear ETA follow from the counts."""
    snap = ProgressSnapshot(total=10, completed=3, failed=1, elapsed=40.0)
    assert (snap.finished, snap.pending, snap.fraction) == (4, 6, 0.4)
    assert snap.eta == 60.0
    assert snap.describe() == "3 done, 1 failed, 6 pending, ETA 1:00"


def test_eta_is_unknown_before_anything_finishes() -> None:
    """No ETA is invented before the first task finishes; an empty batch is complete."""
    assert ProgressSnapshot(total=5, completed=0, failed=0, elapsed=3.0).eta is None
    assert ProgressSnapshot(total=0, completed=0, failed=0, elapsed=0.0).fraction == 1.0


def test_html_card_escapes_the_title() -> None:
    """The HTML card shows the percentage and escapes user text."""
    out = render_html(ProgressSnapshot(total=4, completed=2, failed=0, elapsed=1.0), "<batch>")
    assert "&lt;batch&gt;" in out
    assert "50%" in out


def test_terminal_display_renders_counts() -> None:
    """The rich display prints the title and the done/failed/pending counts."""
    buffer = io.StringIO()
    display = open_display("backtest", console=Console(file=buffer, force_terminal=False, width=120))
    display.update(ProgressSnapshot(total=4, completed=3, failed=1, elapsed=2.0))
    display.close()
    text = buffer.getvalue()
    assert "backtest" in text
    assert "3 done, 1 failed, 0 pending" in text
