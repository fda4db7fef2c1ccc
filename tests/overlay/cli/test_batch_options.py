"""`tradepose backtest run/resume --poll-timeout` reaches the batch's per-task deadline."""

from __future__ import annotations

import argparse

import pytest

from tradepose._cli._batch import _tester, add_batch_commands


@pytest.mark.parametrize("action", [["run", "s.json", "--period", "2024Q1", "--out", "d"], ["resume", "d"]])
def test_poll_timeout_option_sets_the_testers_deadline(action: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """--poll-timeout on run and resume becomes BatchTester's poll_timeout."""
    monkeypatch.setenv("TRADEPOSE_API_KEY", "tp_test_cli0123456789")
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-url", default=None)
    add_batch_commands(parser.add_subparsers(dest="command"), argparse.ArgumentParser(add_help=False))
    args = parser.parse_args(["backtest", *action, "--poll-timeout", "7200"])
    with _tester(args) as tester:
        assert tester.config.poll_timeout == 7200.0
        assert tester._limits.poll_timeout == 7200.0
