"""`tradepose results show` (workdir or save() directory) and `tradepose batches list | clean`, offline."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.overlay._overlay_support import FakeClock
from tests.overlay.batch._batch_support import strategy
from tradepose import BatchTester, Period
from tradepose._batch._housekeeping import batches_root, parse_age
from tradepose._batch._journal import BatchParams, Journal
from tradepose._cli import main
from tradepose.testing import LocalGateway

STRATEGIES = [strategy("alpha"), strategy("beta", instrument="ETHUSDT")]


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own cache directory (XDG_CACHE_HOME) and a wide console."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "250")


@pytest.fixture
def finished(local_gateway: LocalGateway, tmp_path: Path) -> Path:
    """A finished two-period batch in tmp_path/work, its tester closed."""
    with BatchTester(api_key=local_gateway.api_key, server_url=local_gateway.url, env_file=None) as tester:
        batch = tester.submit(STRATEGIES, ["2024Q1", "2024-05"], workdir=tmp_path / "work").wait(progress=False)
        assert batch.status["completed"] == 2
        batch.save(tmp_path / "saved")
    return tmp_path / "work"


def _planned(workdir: Path, *, old: bool) -> Path:
    """A batch workdir of ours with one planned period; `old` stamps it in 2023 (a fake clock)."""
    params = BatchParams([strategy("alpha")], [Period.Q1(2024)], 0, {})
    kwargs = {"clock": FakeClock()} if old else {}
    Journal.create(workdir, params, **kwargs).close()
    return workdir


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("tradepose: error: ")
    return err[0]


def test_show_reads_a_workdir_and_a_saved_directory(finished: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Both forms print the period labels, states and pnl totals, with no credential in the environment."""
    assert not any(k.startswith("TRADEPOSE_") for k in os.environ)
    assert main(["results", "show", str(finished)]) == 0
    workdir_out = capsys.readouterr().out
    assert main(["results", "show", str(finished.parent / "saved")]) == 0
    saved_out = capsys.readouterr().out
    for out in (workdir_out, saved_out):
        assert "2024Q1" in out and "2024-05" in out and "2024-01-01_" not in out
        assert "totals over completed periods" in out and "alpha" in out and "beta" in out
    assert workdir_out.count("done") == 2 and saved_out.count("│ completed") == 2
    assert "saved batch" in saved_out


@pytest.mark.parametrize("where", ["work", "saved"])
def test_show_refuses_a_tampered_result(finished: Path, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    """An altered performance file is one error line naming it, exit 1, in a workdir and in a saved directory."""
    root = finished.parent / where
    target = next(p for p in root.rglob("*") if p.is_file() and "performance" in p.as_posix())
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    assert main(["results", "show", str(root)]) == 1
    line = _error_line(capsys)
    assert target.name in line and "sha256" in line


def test_show_refuses_a_manifest_pointing_outside(finished: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A saved manifest whose file path leaves the directory is refused in one line, nothing read outside."""
    manifest_path = finished.parent / "saved" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["periods"][0]["files"]["performance"]["path"] = "../work/journal.sqlite3"
    manifest_path.write_text(json.dumps(manifest))
    assert main(["results", "show", str(finished.parent / "saved")]) == 1
    assert "outside it" in _error_line(capsys)


def test_show_refuses_a_directory_that_is_neither(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory with neither a journal nor a manifest is one line saying what to pass, exit 1."""
    (tmp_path / "other").mkdir()
    assert main(["results", "show", str(tmp_path / "other")]) == 1
    assert "neither a batch workdir" in _error_line(capsys)


def test_batches_list_shows_only_our_workdirs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`batches list` shows each batch workdir with periods and size, and ignores foreign directories."""
    root = batches_root()
    assert root == tmp_path / "cache" / "tradepose" / "batches"
    assert main(["batches", "list"]) == 0
    assert "no batches in" in capsys.readouterr().out
    _planned(root / "a-old", old=True)
    _planned(root / "b-new", old=False)
    (root / "not-ours").mkdir()
    (root / "not-ours" / "journal.sqlite3").write_text("not a journal")
    assert main(["batches", "list"]) == 0
    out = capsys.readouterr().out
    assert "a-old" in out and "b-new" in out and "not-ours" not in out
    assert "2023-11-14" in out  # the old one's creation date (FakeClock's epoch)
    assert out.count("0/1") == 2 and "KiB" in out


def test_batches_clean_removes_only_idle_batches_of_ours(capsys: pytest.CaptureFixture[str]) -> None:
    """clean --older-than removes old batch workdirs; new ones, running ones and foreign ones stay."""
    root = batches_root()
    old, running = _planned(root / "old", old=True), _planned(root / "running", old=True)
    new = _planned(root / "new", old=False)
    foreign = root / "foreign"
    foreign.mkdir()
    (foreign / "data.txt").write_text("keep")
    assert main(["batches", "clean", "--older-than", "30d", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would remove" in out and old.is_dir() and running.is_dir()
    with Journal.open(running):  # its lock is held, as by a running batch
        assert main(["batches", "clean", "--older-than", "30d"]) == 0
    out = capsys.readouterr().out
    assert not old.exists()
    assert running.is_dir() and "lock is held" in out
    assert new.is_dir() and (foreign / "data.txt").read_text() == "keep"
    assert "removed 1 batch(es)" in out
    assert main(["batches", "clean", "--older-than", "30d"]) == 0
    assert not running.exists() and new.is_dir()


@pytest.mark.parametrize("age", ["30", "0d", "-3d", "1y", "soon"])
def test_batches_clean_refuses_a_bad_age(age: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad --older-than is one error line saying the accepted forms, exit 1, and deletes nothing."""
    old = _planned(batches_root() / "old", old=True)
    assert main(["batches", "clean", f"--older-than={age}"]) == 1
    assert "30d, 12h, 2w" in _error_line(capsys)
    assert old.is_dir()


def test_parse_age_reads_every_unit() -> None:
    """s, m, h, d and w are seconds, minutes, hours, days and weeks."""
    assert [parse_age(t).total_seconds() for t in ("45s", "90m", "12h", "30d", "2w")] == [
        45,
        5400,
        43200,
        2592000,
        1209600,
    ]
