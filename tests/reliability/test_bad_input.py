"""Bad input, clear errors: each mistake raises a typed `TradePoseError` naming the problem and the fix, from
the Python API and from the CLI (exit 1, one line on stderr, a traceback only with --debug); and no name the
server returns makes `save()` or the journal write outside their directory."""

from __future__ import annotations

import copy
import json
import os
import re
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import polars as pl
import pytest

from tests.overlay._overlay_support import API_KEY, frame_for, parquet_response, task_json
from tests.reliability._support import STRATEGIES
from tradepose import BatchTester, Period, TradePoseClient, TradePoseError
from tradepose._batch._journal import safe_component
from tradepose._cli import main
from tradepose._client._schemas import PERFORMANCE_SCHEMA, TRADES_SCHEMA

DEAD_URL = "http://127.0.0.1:9"  # nothing listens; no case may get as far as a request
STRATEGY = STRATEGIES[0]


def _strategy(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(STRATEGY)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _corrupt_journal(tmp: Path) -> Path:
    workdir = tmp / "corrupt"
    workdir.mkdir()
    (workdir / "journal.sqlite3").write_bytes(b"not a database at all " * 64)
    return workdir


def _foreign_journal(tmp: Path) -> Path:
    workdir = tmp / "foreign"
    workdir.mkdir()
    with sqlite3.connect(workdir / "journal.sqlite3") as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    return workdir


def _a_file(tmp: Path) -> Path:
    path = tmp / "a-file"
    path.write_text("x")
    return path


# (case id, call on (tester, tmp), error type name, pattern naming the problem, pattern naming the fix)
PYTHON_CASES: list[tuple[str, Callable[[BatchTester, Path], object], str, str, str]] = [
    ("reversed period", lambda t, p: Period("2024-05-01", "2024-03-01"), "PeriodError", "after its end", "swap"),
    ("reversed period in submit", lambda t, p: t.submit(STRATEGIES, [("2024-05-01", "2024-03-01")], workdir=p / "b"),
     "PeriodError", "after its end", "swap"),
    ("unknown strategy frequency", lambda t, p: t.submit([_strategy(base_freq="2h")], "2024Q1", workdir=p / "b"),
     "StrategyError", "'2h' is not allowed", "use one of"),
    ("unknown ohlcv frequency",
     lambda t, p: t.submit_ohlcv("BTCUSDT", "2h", [{"freq": "1h", "indicator": {"type": "RSI", "period": 14}}],
                                 "2024Q1", workdir=p / "b"),
     "StrategyError", "'2h' is not allowed", "use one of"),
    ("empty strategy list", lambda t, p: t.submit([], "2024Q1", workdir=p / "b"), "StrategyError",
     "no strategies", "pass at least one"),
    ("same period twice", lambda t, p: t.submit(STRATEGIES, ["2024Q1", Period.Q1(2024)], workdir=p / "b"),
     "ConfigError", "given twice", "remove the duplicate"),
    ("slash in strategy name", lambda t, p: t.submit([_strategy(name="a/b")], "2024Q1", workdir=p / "b"),
     "StrategyError", "contains '/'", "use letters"),
    ("dot-dot strategy name", lambda t, p: t.submit([_strategy(name="../x")], "2024Q1", workdir=p / "b"),
     "StrategyError", r"'\.\.'", "use letters"),
    ("workdir is a file", lambda t, p: t.submit(STRATEGIES, "2024Q1", workdir=_a_file(p)), "JournalError",
     "is a file", "pass a directory"),
    ("workdir not writable", lambda t, p: t.submit(STRATEGIES, "2024Q1", workdir=_a_file(p) / "sub"),
     "JournalError", "cannot be written", "pass a directory you can write to"),
    ("corrupt journal", lambda t, p: t.resume(_corrupt_journal(p)), "JournalError", "damaged",
     "start the batch again"),
    ("foreign journal", lambda t, p: t.resume(_foreign_journal(p)), "JournalError",
     "not a TradePose batch journal", "pass the workdir"),
    ("damaged journal JSON", lambda t, p: t.resume(_damaged_json_journal(p)), "JournalError", "damaged",
     "start the batch again"),
    ("UTF-16 strategy file", lambda t, p: t.submit(_utf16_file(p), "2024Q1", workdir=p / "b"), "StrategyError",
     "not UTF-8 text", "save it as UTF-8"),
    ("bad task id", lambda t, p: TradePoseClient(api_key=API_KEY, server_url=DEAD_URL, env_file=None)
     .download_trades("nope"), "InputError", "is not a UUID", "pass the id an export call returned"),
    ("missing base_blueprint", lambda t, p: t.submit([_strategy(base_blueprint=None)], "2024Q1", workdir=p / "b"),
     "StrategyError", "missing required field 'base_blueprint'", "add it"),
    ("server URL without scheme", lambda t, p: TradePoseClient(api_key=API_KEY, server_url="127.0.0.1:8000",
                                                                env_file=None),
     "ConfigError", "no http:// or https:// scheme", "use e.g. 'https://127.0.0.1:8000'"),
    ("tester URL without scheme", lambda t, p: BatchTester(api_key=API_KEY, server_url="gw.example", env_file=None),
     "ConfigError", "no http:// or https:// scheme", "use e.g."),
    ("API key with whitespace", lambda t, p: TradePoseClient(api_key="tp_test_ab\n", server_url=DEAD_URL,
                                                              env_file=None),
     "ConfigError", "contains whitespace", "remove it"),
]  # fmt: skip


@pytest.fixture
def tester() -> Any:
    with BatchTester(api_key=API_KEY, server_url=DEAD_URL, env_file=None) as t:
        yield t


@pytest.mark.parametrize(("call", "error", "problem", "fix"), [c[1:] for c in PYTHON_CASES],
                         ids=[c[0] for c in PYTHON_CASES])  # fmt: skip
def test_python_api_refuses_bad_input_with_a_typed_error(
    tester: BatchTester, tmp_path: Path, call: Callable[[BatchTester, Path], object], error: str, problem: str,
    fix: str,
) -> None:  # fmt: skip
    """The mistake raises the named TradePoseError subclass; the message says what is wrong and how to fix it."""
    with pytest.raises(TradePoseError) as caught:
        call(tester, tmp_path)
    assert type(caught.value).__name__ == error
    assert caught.value.__class__.__module__.startswith("tradepose")
    message = str(caught.value)
    assert re.search(problem, message), message
    assert re.search(fix, message), message
    assert API_KEY not in message
    assert not (tmp_path / "b").exists()  # refused before anything was written


# -- the CLI ------------------------------------------------------------------------------------------------


def _json_file(tmp: Path, name: str, data: Any) -> str:
    path = tmp / name
    path.write_text(json.dumps(data))
    return str(path)


# (case id, argv builder on tmp, env overrides, pattern in the one-line message)
CLI_CASES: list[tuple[str, Callable[[Path], list[str]], dict[str, str], str]] = [
    ("reversed period", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--period",
                                   "2024-05-01/2024-03-01", "--out", str(p / "b")], {}, "after its end"),
    ("unknown frequency", lambda p: ["backtest", "run", _json_file(p, "s.json", [_strategy(base_freq="2h")]),
                                     "--period", "2024Q1", "--out", str(p / "b")], {}, "'2h' is not allowed"),
    ("empty strategy list", lambda p: ["backtest", "run", _json_file(p, "s.json", []), "--period", "2024Q1",
                                       "--out", str(p / "b")], {}, "no strategies"),
    ("same period twice", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--period", "2024Q1",
                                     "--period", "2024Q1", "--out", str(p / "b")], {}, "given twice"),
    ("slash in strategy name", lambda p: ["backtest", "run", _json_file(p, "s.json", [_strategy(name="a/b")]),
                                          "--period", "2024Q1", "--out", str(p / "b")], {}, "contains '/'"),
    ("dot-dot strategy name", lambda p: ["backtest", "run", _json_file(p, "s.json", [_strategy(name="..")]),
                                         "--period", "2024Q1", "--out", str(p / "b")], {}, r"contains '\.\.'"),
    ("server URL without scheme", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--period",
                                             "2024Q1", "--out", str(p / "b"), "--server-url", "127.0.0.1:8000"],
     {}, "no http:// or https:// scheme"),
    ("workdir is a file", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--period", "2024Q1",
                                     "--out", str(_a_file(p))], {}, "is a file"),
    ("corrupt journal", lambda p: ["backtest", "resume", str(_corrupt_journal(p))], {}, "damaged"),
    ("foreign journal", lambda p: ["backtest", "resume", str(_foreign_journal(p))], {},
     "not a TradePose batch journal"),
    ("API key with whitespace", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--period",
                                           "2024Q1", "--out", str(p / "b")], {"TRADEPOSE_API_KEY": "tp_test_a b"},
     "contains whitespace"),
    ("missing base_blueprint", lambda p: ["backtest", "run",
                                          _json_file(p, "s.json", [_strategy(base_blueprint=None)]),
                                          "--period", "2024Q1", "--out", str(p / "b")], {},
     "missing required field 'base_blueprint'"),
    ("existing batch in --out", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--period",
                                           "2024Q1", "--out", str(_existing_batch(p))], {},
     r"resume it with `tradepose backtest resume .*existing`"),
    ("workdir not writable", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--period",
                                        "2024Q1", "--out", str(_a_file(p) / "sub")], {}, "cannot be written|is a file"),
    ("API key with a NUL byte", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--period",
                                           "2024Q1", "--out", str(p / "b"), "--api-key", "tp_test_a\x00b"], {},
     "control or non-ASCII"),
    ("damaged journal JSON", lambda p: ["backtest", "resume", str(_damaged_json_journal(p))], {},
     "damaged .JSONDecodeError"),
    ("UTF-16 strategy file", lambda p: ["backtest", "run", _utf16_file(p), "--period", "2024Q1", "--out",
                                        str(p / "b")], {}, "not UTF-8 text"),
    ("server URL port :abc", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--period",
                                        "2024Q1", "--out", str(p / "b"), "--server-url", "http://h:abc"], {},
     "use a number from 1 to 65535"),
    ("server URL with a password", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--period",
                                              "2024Q1", "--out", str(p / "b"), "--server-url",
                                              "http://admin:pw@h"], {}, "user name or password"),
    ("task id not a UUID", lambda p: ["tasks", "status", "not-a-uuid"], {}, "is not a UUID"),
    ("results show on a missing directory", lambda p: ["results", "show", str(p / "nowhere")], {}, "does not exist"),
    ("unknown option", lambda p: ["backtest", "run", "--frobnicate"], {}, "unrecognized arguments|required"),
    ("missing --period", lambda p: ["backtest", "run", _json_file(p, "s.json", STRATEGIES), "--out", "x"], {},
     "--period"),
    ("no command", lambda p: [], {}, "required"),
    ("--quiet where it does nothing", lambda p: ["results", "show", str(p), "--quiet"], {}, "unrecognized"),
    ("--server-url where it does nothing", lambda p: ["results", "show", str(p), "--server-url", "http://h"], {},
     "unrecognized"),
    ("--quiet on tasks status", lambda p: ["tasks", "status", "x", "--quiet"], {}, "unrecognized"),
    ("unexpected failure (connection refused)", lambda p: ["tasks", "status",
                                                           "6f1c2a3e-0000-4000-8000-000000000001"],
     {"TRADEPOSE_MAX_RETRIES": "0"}, "Connection refused|connect"),
]  # fmt: skip


def _existing_batch(tmp: Path) -> Path:
    from tradepose._batch._journal import BatchParams, Journal
    from tradepose._client._runner import to_strategy_configs

    workdir = tmp / "existing"
    with Journal.create(workdir, BatchParams(strategies=to_strategy_configs(STRATEGIES), periods=[Period.Q1(2024)],
                                             export_type=0, options={"persist_mode": 0})):  # fmt: skip
        pass
    return workdir


def _damaged_json_journal(tmp: Path) -> Path:
    workdir = _existing_batch(tmp)
    with sqlite3.connect(workdir / "journal.sqlite3") as conn:
        conn.execute("UPDATE batch SET strategies_json = '[{\"name\": '")
    conn.close()
    return workdir


def _utf16_file(tmp: Path) -> str:
    path = tmp / "utf16.json"
    path.write_text(json.dumps(STRATEGIES), encoding="utf-16")
    return str(path)


@pytest.mark.parametrize(("argv", "env", "problem"), [c[1:] for c in CLI_CASES], ids=[c[0] for c in CLI_CASES])
def test_cli_refuses_bad_input_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str],
    argv: Callable[[Path], list[str]], env: dict[str, str], problem: str,
) -> None:  # fmt: skip
    """`tradepose ...` exits 1 with one `tradepose: error:` line on stderr naming the problem, no traceback."""
    monkeypatch.setenv("TRADEPOSE_API_KEY", API_KEY)
    monkeypatch.setenv("TRADEPOSE_SERVER_URL", DEAD_URL)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    args = argv(tmp_path)
    assert main([*args, "--quiet"] if args[1:2] == ["run"] else args) == 1
    err = capfd.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    if "--api-key" in args:  # the flag's own warning comes first
        assert lines.pop(0).startswith("tradepose: warning: --api-key"), err
    assert len(lines) == 1 and lines[0].startswith("tradepose: error: "), err
    assert re.search(problem, lines[0]), lines[0]
    assert "Traceback" not in err and "tp_test_a" not in err


@pytest.mark.parametrize("debug", ["", "before", "after"])
def test_cli_subprocess_exit_status_and_debug_traceback(tmp_path: Path, debug: str) -> None:
    """In a real process: exit 1 and one stderr line; `--debug` (before or after the subcommand) adds the traceback."""
    strategies = _json_file(tmp_path, "s.json", [_strategy(name="a/b")])
    argv = [sys.executable, "-m", "tradepose", *(["--debug"] if debug == "before" else []), "backtest", "run",
            strategies, "--period", "2024Q1", "--out", str(tmp_path / "b"), "--quiet",
            *(["--debug"] if debug == "after" else [])]  # fmt: skip
    env = {**os.environ, "TRADEPOSE_API_KEY": API_KEY, "TRADEPOSE_SERVER_URL": DEAD_URL}
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("tradepose: error: ")
    assert ("Traceback" in done.stderr) is bool(debug)
    if not debug:
        assert len(done.stderr.strip().splitlines()) == 1


def test_cli_api_key_flag_warns_and_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capfd: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    """`--api-key` works (a bad one is refused like the variable) and warns that the environment is safer."""
    monkeypatch.chdir(tmp_path)
    argv = ["backtest", "run", _json_file(tmp_path, "s.json", STRATEGIES), "--period", "2024Q1", "--out",
            str(tmp_path / "b"), "--server-url", DEAD_URL, "--api-key", "tp_test_a b", "--quiet"]  # fmt: skip
    assert main(argv) == 1
    err = capfd.readouterr().err.splitlines()
    assert err[0].startswith("tradepose: warning: --api-key") and "TRADEPOSE_API_KEY" in err[0]
    assert err[1].startswith("tradepose: error: ") and "contains whitespace" in err[1]
    assert "tp_test_a" not in "\n".join(err)


# -- server-supplied names never escape the directory ---------------------------------------------------------

HOSTILE = ["../../x", "a/b", "..", "/etc/passwd", "c:\\windows", "con", "\x00nul", ".hidden/../../y"]


def _hostile_gateway(task_ids: list[str]) -> httpx.MockTransport:
    """A gateway whose result frames name strategies and blueprints like paths."""

    def frame(schema: Any) -> pl.DataFrame:
        base = frame_for(schema, rows=len(HOSTILE))
        return base.with_columns(pl.Series("strategy_name", HOSTILE), pl.Series("blueprint_name", HOSTILE[::-1]))

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/api/v1/export":
            task_ids.append(str(uuid.uuid4()))
            return httpx.Response(200, json={"task_id": task_ids[-1], "message": "ok", "operation_type": "../x"})
        if path.endswith("/results/trades"):
            return parquet_response(frame(TRADES_SCHEMA))
        if path.endswith("/results/performance"):
            return parquet_response(frame(PERFORMANCE_SCHEMA))
        if path.startswith("/api/v1/tasks/"):
            return httpx.Response(200, json=task_json(2, task_id=path.rsplit("/", 1)[-1], worker_id="../../w"))
        return httpx.Response(404, json={"detail": "Not found"})

    return httpx.MockTransport(handler)


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


def test_server_names_never_escape_the_workdir_or_save_dir(tmp_path: Path) -> None:
    """Strategy/blueprint names like `../../x` in the frames stay data: every file lands inside its directory."""
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    workdir, out = sandbox / "work", sandbox / "out"
    task_ids: list[str] = []
    with BatchTester(api_key=API_KEY, server_url="http://gw.test", env_file=None,
                     transport=_hostile_gateway(task_ids)) as tester:  # fmt: skip
        batch = tester.submit(STRATEGIES[:1], ["2024-01", "2024-02"], workdir=workdir).wait(timeout=30, progress=False)
        assert batch.status["completed"] == 2, batch.failed
        assert set(batch.all_trades()["strategy_name"]) == set(HOSTILE)
        batch.save(out)
    outside = {p for p in _files(tmp_path) if not (p.resolve().is_relative_to(workdir) or
                                                  p.resolve().is_relative_to(out))} - {sandbox, workdir, out}  # fmt: skip
    assert outside == set(), outside
    assert not any(p.is_symlink() for p in _files(sandbox))


@pytest.mark.parametrize("name", [*HOSTILE, "../" * 50 + "etc", "a" * 500])
def test_result_names_with_separators_stay_inside_the_journal_dir(name: str, tmp_path: Path) -> None:
    """A period or result name with separators or `..` maps to one safe component under the workdir."""
    component = safe_component(name)
    assert "/" not in component and "\\" not in component and component not in ("", ".", "..")
    assert (tmp_path / component).resolve().parent == tmp_path.resolve()
