"""Random garbage at every public entry point: only documented exception types escape (bounded, fast)."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.overlay._overlay_support import FakeClock
from tradepose import BatchTester, Period, TradePoseClient, TradePoseError, load_strategies
from tradepose._cli import main

# Anything a confused caller might pass: huge and odd numbers, control characters, bytes, nesting.
atoms = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.just(10**400),
    st.floats(),
    st.text(max_size=20),
    st.binary(max_size=10),
    st.sampled_from(["2024Q1", "2024-13", "", "http://h:99999", "http://a:b@h", "tp_\x00", "../..", "\ufeff"]),
)
garbage = st.recursive(atoms, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                          max_size=3), max_leaves=6)  # fmt: skip
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _refused(call: Callable[[], Any]) -> None:
    """Run `call`; a TradePoseError is a documented refusal, any other exception fails the test."""
    with contextlib.suppress(TradePoseError):
        result = call()
        close = getattr(result, "close", None)
        if callable(close):
            close()


def _no_network(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"garbage input reached the network: {request.url}")


@FAST
@given(key=garbage, url=garbage, timeout=garbage, retries=garbage)
def test_client_constructor_refuses_garbage_with_config_errors(key: Any, url: Any, timeout: Any, retries: Any) -> None:
    """TradePoseClient(...) with garbage settings raises only TradePoseError subclasses."""
    _refused(lambda: TradePoseClient(api_key=key, server_url=url, timeout=timeout, max_retries=retries,
                                     env_file=None, transport=httpx.MockTransport(_no_network)))  # fmt: skip


@FAST
@given(key=garbage, rpm=garbage, conc=garbage, poll=garbage)
def test_batch_tester_constructor_refuses_garbage(key: Any, rpm: Any, conc: Any, poll: Any) -> None:
    """BatchTester(...) with garbage settings raises only TradePoseError subclasses."""
    _refused(lambda: BatchTester(api_key=key, requests_per_minute=rpm, max_concurrent_polls=conc, poll_timeout=poll,
                                 env_file=None, transport=httpx.MockTransport(_no_network)))  # fmt: skip


@FAST
@given(strategies=garbage, periods=garbage, method=st.sampled_from(["submit", "submit_enhanced_ohlcv", "validate"]))
def test_submit_refuses_garbage_before_any_request(strategies: Any, periods: Any, method: str) -> None:
    """submit*(garbage) raises a TradePoseError, sends nothing and leaves no journal behind."""
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp, "batch")
        tester = BatchTester(api_key="tp_test_key", server_url="http://gw.test", env_file=None, clock=FakeClock(),
                             transport=httpx.MockTransport(_no_network))  # fmt: skip
        with tester:
            call = getattr(tester, method)
            args = (strategies,) if method == "validate" else (strategies, periods)
            kwargs = {} if method == "validate" else {"workdir": workdir}
            with pytest.raises(TradePoseError):
                call(*args, **kwargs)
        assert not workdir.exists()


@FAST
@given(start=garbage, end=garbage)
def test_period_refuses_garbage(start: Any, end: Any) -> None:
    """Period(...) and Period.parse(...) raise only PeriodError (a TradePoseError) on garbage."""
    _refused(lambda: Period(start, end))
    _refused(lambda: Period.parse(start))
    _refused(lambda: Period.from_year(start, end))


@FAST
@given(items=garbage)
def test_load_strategies_refuses_garbage(items: Any) -> None:
    """load_strategies(garbage) raises only StrategyError."""
    _refused(lambda: load_strategies(items))


_WORDS = ["backtest", "run", "resume", "tasks", "status", "results", "show", "--period", "--out", "--json",
          "--quiet", "--debug", "--server-url", "--api-key", "--poll-timeout", "--retry-failed", "2024Q1", "x.json",
          "-1", "nan", "6f1c2a3e-0000-4000-8000-000000000001", "http://h:99999", "--", "-"]  # fmt: skip


@FAST
@given(argv=st.lists(st.sampled_from(_WORDS) | st.text(max_size=8), max_size=7))
def test_cli_argument_parsing_fails_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Any command line ends with exit 0/1 (never a traceback) and a failure says `tradepose: error:` once."""
    if "gateway" in argv:
        return
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        try:
            code = main(argv)
        except SystemExit as exit_:  # --help
            code = exit_.code if isinstance(exit_.code, int) else 1
    err = capsys.readouterr().err
    assert code in (0, 1, 130)
    if code == 1 and "--debug" not in argv:
        assert err.count("tradepose: error:") == 1
        assert "Traceback" not in err
