"""`tradepose results report DIR`: a workdir or a save() directory becomes one offline HTML file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.overlay.batch._report_support import finished_batch
from tradepose._cli import main

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    with finished_batch(tmp_path_factory.mktemp("cli-report")) as done:
        return done.workdir, done.saved


def test_report_of_a_workdir_and_of_a_saved_directory(
    dirs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both directory kinds give a report with both charts and the same period table; the path is printed."""
    workdir, saved = dirs
    assert main(["results", "report", str(workdir), "--out", str(tmp_path / "work.html")]) == 0
    assert main(["results", "report", str(saved), "--out", str(tmp_path / "saved.html"), "--layout", "overlay"]) == 0
    out = capsys.readouterr()
    assert f"report written to {tmp_path / 'work.html'}" in out.out and out.err == ""
    for name in ("work.html", "saved.html"):
        text = (tmp_path / name).read_text()
        assert text.count("<svg") == 2 and "3 completed, 0 failed" in text and "2024Q3" in text


def test_report_defaults_to_dir_and_takes_chart_choices(dirs: tuple[Path, Path]) -> None:
    """Without --out the file is DIR/report.html; --chart picks charts, --no-charts writes tables only."""
    _, saved = dirs
    assert main(["results", "report", str(saved), "--chart", "summary", "--metric", "sqn"]) == 0
    text = (saved / "report.html").read_text()
    assert text.count("<svg") == 1 and "sqn per period" in text
    assert main(["results", "report", str(saved), "--no-charts"]) == 0
    assert "<svg" not in (saved / "report.html").read_text()


def test_report_of_a_wrong_directory_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory that is neither kind: exit 1 and one `tradepose: error:` line naming both expected files."""
    assert main(["results", "report", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("tradepose: error:") and "manifest.json" in err[0]
    assert main(["results", "report", str(tmp_path), "--metric", "nope"]) == 1
