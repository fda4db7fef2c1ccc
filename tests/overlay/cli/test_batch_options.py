"""`tradepose backtest run/resume --poll-timeout` reaches the batch's per-task deadline."""

from __future__ import annotations

import pytest

from tradepose._cli import build_parser
from tradepose._cli._batch import _tester


@pytest.mark.parametrize("action", [["run", "s.json", "--period", "2024Q1", "--out", "d"], ["resume", "d"]])
def test_poll_timeout_option_sets_the_testers_deadline(action: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """--poll-timeout on run and resume becomes BatchTester's poll_timeout."""
    monkeypatch.setenv("TRADEPOSE_API_KEY", "tp_test_cli0123456789")
    args = build_parser().parse_args(["backtest", *action, "--poll-timeout", "7200"])
    with _tester(args) as tester:
        assert tester.config.poll_timeout == 7200.0
        assert tester._limits.poll_timeout == 7200.0
