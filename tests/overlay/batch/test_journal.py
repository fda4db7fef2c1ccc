"""The batch journal: state machine, crash safety, result verification, safe paths and refusals."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from tests.overlay._overlay_support import FakeClock
from tradepose._authoring._period import Period
from tradepose._batch._journal import (
    JOURNAL_FILE,
    BatchParams,
    Journal,
    JournalError,
    default_workdir,
    redact,
    safe_component,
    write_atomic,
)
from tradepose._errors import ConfigError

API_KEY = "tp_live_SAMPLEKEY0123456789abcdef"
Q1, Q2, Q3 = Period.Q1(2024), Period.Q2(2024), Period.Q3(2024)
STRATEGY = {"name": "ma_cross", "base_instrument": "BTCUSDT", "base_freq": "1h", "base_blueprint": {"name": "base"}}


def params(*periods: Period, **options: Any) -> BatchParams:
    """Batch parameters for one strategy over `periods` (Q1-Q3 2024 by default)."""
    return BatchParams(
        strategies=[STRATEGY],
        periods=list(periods or (Q1, Q2, Q3)),
        export_type=0,
        options=options or {"persist_mode": 0},
    )


@pytest.fixture
def journal(tmp_path: Path, clock: FakeClock) -> Iterator[Journal]:
    """A fresh journal over Q1-Q3 2024 in a temporary workdir."""
    with Journal.create(tmp_path / "batch", params(), clock=clock) as j:
        yield j


def write_bytes(data: bytes) -> Any:
    """A writer for write_atomic that writes `data`."""
    return lambda fh: fh.write(data)


def store_result(journal: Journal, period: Period | str, name: str, filename: str, writer: Any) -> Any:
    """Write a result atomically where the journal wants it, then record it (what the engine does)."""
    return journal.record_result(period, name, write_atomic(journal.result_path(period, filename), writer))


def in_state(journal: Journal, *states: str) -> list[Any]:
    """The journal's rows in any of `states`, in batch order."""
    return [r for r in journal.summary_rows() if r.state in states]


def test_create_stores_params_and_plans_every_period(tmp_path: Path, clock: FakeClock) -> None:
    """create() stores the parameters once and every period starts planned; open() reads them back."""
    with Journal.create(tmp_path / "b", params(), clock=clock) as journal:
        batch_id = journal.batch_id
        assert [r.state for r in journal.summary_rows()] == ["planned"] * 3
        assert [r.period for r in in_state(journal, "planned")] == [Q1, Q2, Q3]
    with Journal.open(tmp_path / "b") as reopened:
        stored = reopened.params
        assert reopened.batch_id == batch_id
        assert list(stored.periods) == [Q1, Q2, Q3]
        assert list(stored.strategies) == [STRATEGY]
        assert (stored.export_type, dict(stored.options)) == (0, {"persist_mode": 0})
        assert reopened.summary_rows()[0].created_at == "2023-11-14T22:30:00.000+00:00"


def test_strategy_models_are_stored_as_wire_json(tmp_path: Path) -> None:
    """Generated StrategyConfig models are stored as their wire dicts."""
    from tradepose._authoring._builder import BlueprintBuilder, StrategyBuilder

    config = StrategyBuilder("s1", "BTCUSDT", "1h").set_base_blueprint(BlueprintBuilder("b", "Long", "Trend")).build()
    with Journal.create(tmp_path / "b", BatchParams(strategies=[config], periods=[Q1], export_type=0)) as journal:
        assert list(journal.params.strategies) == [config.to_dict()]


def test_stamped_wal_database(journal: Journal) -> None:
    """The file carries the application id and schema version and runs in WAL mode."""
    conn = sqlite3.connect(journal.workdir / JOURNAL_FILE)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x54504A31
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_happy_path_walks_the_state_machine(journal: Journal) -> None:
    """planned -> submitting -> submitted(task) -> done, with status, attempts, results and timestamps."""
    assert journal.mark_submitting(Q1).state == "submitting"
    row = journal.mark_submitted(Q1, "task-1")
    assert (row.state, row.task_id, row.attempts, row.duplicate_risk) == ("submitted", "task-1", 1, False)
    assert journal.mark_status(Q1, 1).gateway_status == 1
    assert [r.key for r in in_state(journal, "submitted")] == [Q1.key]
    result = store_result(journal, Q1, "trades", "trades.parquet", write_bytes(b"PAR1 data"))
    assert result.path == journal.workdir / "results" / Q1.key / "trades.parquet"
    assert result.path.read_bytes() == b"PAR1 data"
    done = journal.mark_done(Q1)
    assert (done.state, done.error, done.finished_at is not None) == ("done", None, True)
    assert [(f.name, f.size) for f in done.results] == [("trades", 9)]
    assert [e[2] for e in journal.events(Q1)] == ["submitting", "submitted", "status", "result", "done"]


def test_group_commits_changes_together_and_a_refused_one_alone_is_undone(journal: Journal) -> None:
    """Inside group() each change applies or fails on its own; the survivors commit together."""
    with journal.group():
        journal.mark_submitting(Q1)
        with pytest.raises(JournalError, match="cannot be"):
            journal.mark_done(Q2)  # planned -> done is refused; only this change is rolled back
        journal.mark_submitted(Q1, "task-1")
    reopened = sqlite3.connect(journal.workdir / JOURNAL_FILE)
    try:
        states = dict(reopened.execute("SELECT period_key, state FROM periods").fetchall())
    finally:
        reopened.close()
    assert (states[Q1.key], states[Q2.key]) == ("submitted", "planned")


@pytest.mark.parametrize(
    ("steps", "action", "message"),
    [
        ([], lambda j: j.mark_submitted(Q1, "t"), "is planned; it cannot be marked submitted"),
        ([], lambda j: j.mark_status(Q1, 2), "cannot be given a gateway status"),
        ([], lambda j: j.mark_done(Q1), "cannot be marked done"),
        ([], lambda j: j.record_result(Q1, "trades", j.workdir / JOURNAL_FILE), "outside the batch workdir"),
        (["submit", "task"], lambda j: j.mark_submitting(Q1), "is submitted; it cannot be submitted"),
        (
            ["submit", "task", "done"],
            lambda j: j.mark_failed(Q1, "x", "download"),
            "is done; it cannot be marked failed",
        ),
        ([], lambda j: j.reopen_for_download(Q1), "is planned; it cannot be reopened"),
        (["fail"], lambda j: j.reopen_for_download(Q1), "never got a task id"),
        ([], lambda j: j.mark_submitting(Period.Q4(2030)), "is not part of this batch"),
        ([], lambda j: j.mark_failed(Q1, "x", "later"), "error stage 'later' is not one of"),
        (["submit"], lambda j: j.mark_submitted(Q1, ""), "task id '' must be a non-empty string"),
        (["submit", "task"], lambda j: j.mark_status(Q1, "COMPLETED"), "must be an integer TaskStatus"),
    ],
)
def test_invalid_transitions_are_refused(journal: Journal, steps: list[str], action: Any, message: str) -> None:
    """Transitions outside the state machine raise JournalError and leave the row unchanged."""
    for step in steps:
        {
            "submit": lambda: journal.mark_submitting(Q1),
            "task": lambda: journal.mark_submitted(Q1, "task-1"),
            "done": lambda: journal.mark_done(Q1),
            "fail": lambda: journal.mark_failed(Q1, "boom", "submit"),
        }[step]()
    before = journal.row(Q1)
    with pytest.raises(JournalError) as info:
        action(journal)
    assert message in str(info.value)
    assert journal.row(Q1) == before


def test_in_flight_submission_is_flagged_on_resume(tmp_path: Path) -> None:
    """A period left submitting by a crash is listed, and re-submitting it sets duplicate_risk."""
    journal = Journal.create(tmp_path / "b", params())
    journal.mark_submitting(Q2)
    journal.close()  # the process "dies" before the POST's answer is recorded
    with Journal.open(tmp_path / "b") as resumed:
        assert [r.period for r in in_state(resumed, "submitting")] == [Q2]
        row = resumed.mark_submitting(Q2)
        assert (row.attempts, row.duplicate_risk) == (2, True)
        assert resumed.mark_submitted(Q2, "task-2").duplicate_risk is True
        assert resumed.events(Q2)[-2][3] == "duplicate risk"


def test_failures_keep_error_stage_and_allow_retry(journal: Journal) -> None:
    """mark_failed keeps the error and stage; a retry starts a new attempt without duplicate risk."""
    journal.mark_submitting(Q1)
    failed = journal.mark_failed(Q1, "502 Bad Gateway", "submit")
    assert (failed.state, failed.error, failed.error_stage) == ("failed", "502 Bad Gateway", "submit")
    retried = journal.mark_submitting(Q1)
    assert (retried.attempts, retried.error, retried.duplicate_risk) == (2, None, False)
    assert journal.mark_submitting(Q3, duplicate_risk=True).duplicate_risk is True


def test_download_failure_can_be_reopened(journal: Journal) -> None:
    """A period that failed after its task existed goes back to submitted to download again."""
    journal.mark_submitting(Q1)
    journal.mark_submitted(Q1, "task-1")
    journal.mark_failed(Q1, "connection reset", "download")
    row = journal.reopen_for_download(Q1)
    assert (row.state, row.task_id, row.error) == ("submitted", "task-1", None)


def _done_with_result(journal: Journal, period: Period, data: bytes = b"trades") -> Path:
    journal.mark_submitting(period)
    journal.mark_submitted(period, f"task-{period.key}")
    path = store_result(journal, period, "trades", "trades.parquet", write_bytes(data)).path
    journal.mark_done(period)
    return path


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda p: p.unlink(), "missing"),
        (lambda p: p.write_bytes(b"tampered"), "changed"),
        (lambda p: p.write_bytes(b"trades"[:-1]), "changed"),
    ],
)
def test_verify_results_forgets_bad_files_and_reopens(journal: Journal, damage: Any, reason: str) -> None:
    """A missing or altered result is forgotten and its period goes back to submitted."""
    bad = _done_with_result(journal, Q1)
    _done_with_result(journal, Q2)
    damage(bad)
    problems = journal.verify_results()
    assert [(p.period_key, p.name, p.reason) for p in problems] == [(Q1.key, "trades", reason)]
    assert (journal.row(Q1).state, journal.row(Q1).results) == ("submitted", ())
    assert journal.row(Q2).state == "done"
    assert journal.verify_results() == []


def test_record_result_replaces_and_hashes(journal: Journal) -> None:
    """Recording the same result name again replaces it with the new file's hash."""
    import hashlib

    path = _done_with_result(journal, Q1, b"one")
    store_result(journal, Q1, "trades", "trades.parquet", write_bytes(b"two"))
    (result,) = journal.row(Q1).results
    assert result.path == path
    assert result.sha256 == hashlib.sha256(b"two").hexdigest()


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("trades.parquet", "trades.parquet"),
        ("../../etc/passwd", "__._etc_passwd"),
        ("..", "_"),
        (".hidden", "hidden"),
        ("a/b\\c", "a_b_c"),
        ("C:evil", "C_evil"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("BTCUSDT_1D_ATR|14", "BTCUSDT_1D_ATR_14"),
        ("tab\tnew\nline\x00", "tab_new_line_"),
        ("name. ", "name"),
        ("", "_"),
        ("2024-01-01T093000+0800_2024-02-01T000000+0800", "2024-01-01T093000+0800_2024-02-01T000000+0800"),
    ],
)
def test_safe_component(name: str, safe: str) -> None:
    """Names from server or user data become one portable path component."""
    assert safe_component(name) == safe
    assert "/" not in safe_component(name) and "\\" not in safe_component(name)


def test_long_names_are_capped_but_unique() -> None:
    """Very long names are shortened with a hash so they stay distinct."""
    a, b = safe_component("x" * 300 + "a"), safe_component("x" * 300 + "b")
    assert len(a) <= 120 and len(b) <= 120 and a != b


@pytest.mark.parametrize("filename", ["../../escape.parquet", "/etc/passwd", "..", "sub/dir/x"])
def test_result_paths_stay_inside_the_workdir(journal: Journal, filename: str) -> None:
    """Whatever the file name, results land directly inside the period's directory."""
    path = journal.result_path(Q1, filename)
    assert path.parent == journal.workdir / "results" / Q1.key


def test_paths_outside_the_workdir_are_refused(journal: Journal, tmp_path: Path) -> None:
    """record_result refuses files outside the workdir, including through a symlink."""
    journal.mark_submitting(Q1)
    journal.mark_submitted(Q1, "t")
    outside = tmp_path / "outside.parquet"
    outside.write_bytes(b"x")
    with pytest.raises(JournalError, match="outside the batch workdir"):
        journal.record_result(Q1, "trades", outside)
    link = journal.workdir / "results" / "link"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(tmp_path)
    with pytest.raises(JournalError, match="outside the batch workdir"):
        journal.record_result(Q1, "trades", link / "outside.parquet")
    with pytest.raises(JournalError, match="does not exist"):
        journal.record_result(Q1, "trades", journal.workdir / "nothing.parquet")


def test_write_atomic_leaves_nothing_on_error(tmp_path: Path) -> None:
    """A writer that fails leaves neither the target nor a temp file; the old file survives."""
    target = tmp_path / "out" / "file.bin"
    write_atomic(target, write_bytes(b"old"))

    def broken(fh: IO[bytes]) -> None:
        fh.write(b"half")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_atomic(target, broken)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.bin"]


def test_refuses_a_workdir_that_is_a_file(tmp_path: Path) -> None:
    """A workdir that is a file is refused with the path and the fix, for create and open."""
    not_dir = tmp_path / "file"
    not_dir.write_text("x")
    with pytest.raises(JournalError, match="is a file, not a directory: pass a directory path"):
        Journal.create(not_dir, params())
    with pytest.raises(JournalError, match="is a file, not a directory"):
        Journal.open(not_dir)
    with pytest.raises(JournalError, match="cannot be written"):
        Journal.create(not_dir / "sub", params())


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_refuses_an_unwritable_workdir(tmp_path: Path) -> None:
    """A workdir without write permission is refused naming the path and the fix."""
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(JournalError, match=r"cannot be written .*fix its permissions"):
            Journal.create(locked, params())
    finally:
        locked.chmod(0o700)


def test_open_refuses_missing_foreign_corrupt_and_newer_journals(tmp_path: Path) -> None:
    """Missing, foreign, corrupt and newer journals are refused, each saying what to do."""
    with pytest.raises(JournalError, match="does not exist: pass the directory of an existing batch"):
        Journal.open(tmp_path / "nowhere")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(JournalError, match=r"no batch journal in .*or start a new batch"):
        Journal.open(empty)

    foreign = tmp_path / "foreign"
    foreign.mkdir()
    conn = sqlite3.connect(foreign / JOURNAL_FILE)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(JournalError, match="is not a TradePose batch journal"):
        Journal.open(foreign)

    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / JOURNAL_FILE).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(JournalError, match=r"damaged or unreadable .*start the batch again"):
        Journal.open(corrupt)

    Journal.create(tmp_path / "newer", params()).close()
    conn = sqlite3.connect(tmp_path / "newer" / JOURNAL_FILE)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(JournalError, match=r"newer tradepose SDK .*upgrade tradepose"):
        Journal.open(tmp_path / "newer")


def test_truncated_journal_is_refused(tmp_path: Path) -> None:
    """A journal cut short (e.g. a partial copy) is refused as damaged."""
    Journal.create(tmp_path / "b", params()).close()
    path = tmp_path / "b" / JOURNAL_FILE
    path.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(JournalError, match="damaged or unreadable"):
        Journal.open(tmp_path / "b")


def test_create_refuses_an_existing_batch_and_bad_params(tmp_path: Path) -> None:
    """create() never overwrites a journal and refuses empty or duplicate periods."""
    Journal.create(tmp_path / "b", params()).close()
    with pytest.raises(JournalError, match=r"already holds a batch: resume it with `tradepose backtest resume "):
        Journal.create(tmp_path / "b", params())
    with pytest.raises(JournalError, match="given more than once"):
        Journal.create(tmp_path / "c", params(Q1, Period("2024-01-01", "2024-03-31")))
    with pytest.raises(JournalError, match="at least one strategy and one period"):
        Journal.create(tmp_path / "d", BatchParams(strategies=[], periods=[Q1], export_type=0))
    with pytest.raises(JournalError, match="not JSON"):
        Journal.create(tmp_path / "e", params(Q1, when=object()))


def test_one_owner_at_a_time(tmp_path: Path) -> None:
    """A second open of the same workdir is refused until the first journal is closed."""
    first = Journal.create(tmp_path / "b", params())
    with pytest.raises(JournalError, match="already open"):
        Journal.open(tmp_path / "b")
    first.close()
    first.close()
    Journal.open(tmp_path / "b").close()


def test_closed_journal_refuses_use(journal: Journal) -> None:
    """Using a closed journal raises JournalError telling how to reopen it."""
    journal.close()
    with pytest.raises(JournalError, match=r"closed: reopen it with Journal.open"):
        journal.summary_rows()


@pytest.mark.parametrize(
    "option", ["api_key", "API-KEY", "jwt", "access_token", "Authorization", "client_secret", "password"]
)
def test_credential_options_are_refused(tmp_path: Path, option: str) -> None:
    """Options that look like credentials are never stored."""
    with pytest.raises(JournalError, match="looks like a credential"):
        Journal.create(tmp_path / "b", params(Q1, **{option: API_KEY}))


def test_secret_values_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    """A key hidden in an option value or a strategy is refused and no workdir is created."""
    with pytest.raises(JournalError, match="batch options contain what looks like an API key"):
        Journal.create(tmp_path / "a", params(Q1, headers={"X-API-Key": "abc"}))
    leaky = BatchParams(strategies=[{**STRATEGY, "note": API_KEY}], periods=[Q1], export_type=0)
    with pytest.raises(JournalError, match="strategies contain what looks like an API key"):
        Journal.create(tmp_path / "b", leaky)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_api_key_never_reaches_the_database_files(tmp_path: Path) -> None:
    """After a full run whose errors quote the key, its bytes appear in no journal file."""
    workdir = tmp_path / "b"
    with Journal.create(workdir, params(persist_mode=0, poll_interval=2.0)) as journal:
        journal.mark_submitting(Q1)
        journal.mark_failed(Q1, f"401 Unauthorized (X-API-Key: {API_KEY})", "submit")
        journal.mark_submitting(Q2)
        journal.mark_submitted(Q2, "task-2")
        journal.mark_failed(Q2, f"request failed with Authorization: Bearer {API_KEY}", "status")
        journal.mark_submitting(Q3)
        journal.mark_failed(Q3, f"leaked {API_KEY} in a message", "submit")
        assert API_KEY not in (journal.row(Q1).error or "")
        for file in workdir.iterdir():  # include the WAL while it is live
            assert API_KEY.encode() not in file.read_bytes()
    for file in workdir.rglob("*"):
        if file.is_file():
            assert API_KEY.encode() not in file.read_bytes()
            assert b"SAMPLEKEY" not in file.read_bytes()


def test_redact() -> None:
    """API keys, bearer tokens and X-API-Key header values are masked."""
    assert redact(f"key {API_KEY}.") == "key tp_live_***."
    assert redact("Authorization: Bearer abc.def-ghi") == "Authorization: Bearer ***"
    assert redact("{'x-api-key': 'secret'}") == "{'x-api-key': '***'}"
    assert redact("nothing to hide") == "nothing to hide"


def test_background_writer_and_foreground_reader(tmp_path: Path) -> None:
    """One thread writing while another reads never errors and sees consistent rows."""
    periods = [Period.from_month(2020 + i // 12, i % 12 + 1) for i in range(48)]
    journal = Journal.create(tmp_path / "b", params(*periods))
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for period in periods:
                journal.mark_submitting(period)
                journal.mark_submitted(period, f"task-{period.key}")
                store_result(journal, period, "trades", "t.parquet", write_bytes(period.key.encode()))
                journal.mark_done(period)
        except BaseException as exc:  # noqa: BLE001 - the writer thread's failure, asserted below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    while thread.is_alive():
        for row in journal.summary_rows():
            assert row.state != "done" or len(row.results) == 1
    thread.join()
    assert errors == []
    assert {r.state for r in journal.summary_rows()} == {"done"}
    journal.close()


@pytest.mark.parametrize(
    ("platform", "environ", "root"),
    [
        ("linux", {"HOME": "/home/u"}, "/home/u/.cache"),
        ("linux", {"HOME": "/home/u", "XDG_CACHE_HOME": "/xdg"}, "/xdg"),
        ("linux", {"HOME": "/home/u", "XDG_CACHE_HOME": "relative"}, "/home/u/.cache"),
        ("darwin", {"HOME": "/Users/u"}, "/Users/u/Library/Caches"),
        ("win32", {"HOME": "/home/u", "LOCALAPPDATA": "/appdata"}, "/appdata"),
        ("win32", {"HOME": "/home/u"}, "/home/u/AppData/Local"),
    ],
)
def test_default_workdir(platform: str, environ: dict[str, str], root: str, clock: FakeClock) -> None:
    """A fresh timestamped directory under the platform's cache directory."""
    path = default_workdir(clock=clock, platform=platform, environ=environ)
    assert path.parent == Path(root) / "tradepose" / "batches"
    assert path.name.startswith("20231114T223000Z-")
    assert len(path.name) == len("20231114T223000Z-") + 8
    assert default_workdir(clock=clock, platform=platform, environ=environ) != path


def test_journal_error_is_a_config_error() -> None:
    """JournalError belongs to the SDK's exception tree."""
    assert issubclass(JournalError, ConfigError)


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from tradepose._batch._journal import BatchParams, Journal, write_atomic
    from tradepose._authoring._period import Period

    workdir = Path(sys.argv[1])
    periods = [Period.from_month(2000 + i // 12, i % 12 + 1) for i in range(int(sys.argv[2]))]
    if (workdir / "journal.sqlite3").exists():
        journal = Journal.open(workdir)
    else:
        journal = Journal.create(workdir, BatchParams(strategies=[{"name": "s"}], periods=periods, export_type=0))
    print("ready", flush=True)
    blob = bytes(range(256)) * 2048  # 512 KiB per result widens the window for a kill mid-write
    for row in journal.summary_rows():
        if row.state in ("submitting", "planned"):
            journal.mark_submitting(row.period)
            journal.mark_submitted(row.period, "task-" + row.key)
    for row in journal.summary_rows():
        if row.state != "submitted":
            continue
        journal.mark_status(row.period, 2)
        path = write_atomic(journal.result_path(row.period, "trades.parquet"), lambda fh: fh.write(row.key.encode() + blob))
        journal.record_result(row.period, "trades", path)
        journal.mark_done(row.period)
    journal.close()
    print("finished", flush=True)
    """
)


def _check_invariants(workdir: Path) -> int:
    with Journal.open(workdir) as journal:
        assert journal.verify_results() == []
        rows = journal.summary_rows()
        for row in rows:
            assert row.state in ("planned", "submitting", "submitted", "done")
            assert (row.task_id is not None) == (row.state in ("submitted", "done"))
            assert (len(row.results) == 1) == (row.state == "done") or row.state == "submitted"
            assert row.duplicate_risk == (row.attempts > 1)
            for result in row.results:
                assert result.path.read_bytes().startswith(row.key.encode())
        assert not list(workdir.rglob("*.tmp"))
        return sum(row.state == "done" for row in rows)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX-only")
def test_survives_sigkill_mid_write(tmp_path: Path) -> None:
    """Killing the writer at random points never corrupts the journal or records a partial file."""
    workdir = tmp_path / "batch"
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    n_periods = 40
    done_counts: list[int] = []
    for delay in (0.05, 0.15, 0.3, 0.1, 0.25):
        with subprocess.Popen(
            [sys.executable, str(script), str(workdir), str(n_periods)], stdout=subprocess.PIPE, text=True
        ) as child:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        done_counts.append(_check_invariants(workdir))
    finished = subprocess.run(
        [sys.executable, str(script), str(workdir), str(n_periods)], capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr
    assert _check_invariants(workdir) == n_periods
    assert done_counts == sorted(done_counts), done_counts


def test_timed_out_and_ambiguous_are_states_of_their_own(journal: Journal) -> None:
    """timed_out keeps its task (reopened, never re-submitted); ambiguous may be submitted again, flagged."""
    journal.mark_submitting(Q1)
    journal.mark_submitted(Q1, "task-1")
    row = journal.mark_timed_out(Q1, "timed out: task task-1 still PENDING")
    assert (row.state, row.task_id, row.error_stage) == ("timed_out", "task-1", "status")
    with pytest.raises(JournalError, match="is timed_out; it cannot be submitted"):
        journal.mark_submitting(Q1)
    assert journal.reopen_for_download(Q1).state == "submitted"
    journal.mark_submitting(Q2)
    row = journal.mark_ambiguous(Q2, "HTTP 502, body: ''")
    assert (row.state, row.task_id, row.error_stage) == ("ambiguous", None, "submit")
    with pytest.raises(JournalError, match="is ambiguous; it cannot be reopened"):
        journal.reopen_for_download(Q2)
    assert journal.mark_submitting(Q2, duplicate_risk=True).duplicate_risk
    with pytest.raises(JournalError, match="is planned; it cannot be marked timed_out"):
        journal.mark_timed_out(Q3, "no task")


def test_a_task_failed_on_the_gateway_may_be_replaced_even_after_a_failed_resubmission(journal: Journal) -> None:
    """A FAILED task's period stays submittable through a refused re-POST; the new id replaces the old."""
    journal.mark_submitting(Q1)
    journal.mark_submitted(Q1, "task-1")
    journal.mark_status(Q1, 3)
    journal.mark_failed(Q1, "boom", "task")
    journal.mark_submitting(Q1)
    journal.mark_failed(Q1, "429", "submit")
    journal.mark_submitting(Q1)
    row = journal.mark_submitted(Q1, "task-2")
    assert (row.task_id, row.gateway_status) == ("task-2", None)


def test_version_1_journals_are_migrated(tmp_path: Path, clock: FakeClock) -> None:
    """A version-1 journal opens as version 2: failed + "timed out"/ambiguous text become their own states."""
    with Journal.create(tmp_path / "b", params(), clock=clock) as journal:
        journal.mark_submitting(Q1)
        journal.mark_submitted(Q1, "task-1")
        journal.mark_failed(Q1, "timed out: task task-1 still PENDING", "status")
        journal.mark_submitting(Q2)
        journal.mark_failed(Q2, "(the request may have reached the gateway) APIStatusError: 502", "submit")
    conn = sqlite3.connect(tmp_path / "b" / JOURNAL_FILE, isolation_level=None)
    try:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'periods'").fetchone()[0]
        old = sql.replace(", 'timed_out', 'ambiguous'", "").replace("CREATE TABLE periods", "CREATE TABLE v1")
        conn.executescript(
            f"BEGIN; {old}; INSERT INTO v1 SELECT * FROM periods; DROP TABLE periods;"
            " ALTER TABLE v1 RENAME TO periods; PRAGMA user_version = 1; COMMIT;"
        )
    finally:
        conn.close()
    with Journal.open(tmp_path / "b", clock=clock) as journal:
        assert [(r.state, r.task_id) for r in journal.summary_rows()] == [
            ("timed_out", "task-1"),
            ("ambiguous", None),
            ("planned", None),
        ]
        journal.mark_submitting(Q3)
        journal.mark_ambiguous(Q3, "lost answer")
    conn = sqlite3.connect(tmp_path / "b" / JOURNAL_FILE)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    finally:
        conn.close()
