"""The Makefile's reference-client logic, run by make with a fake pyenv root (no real venv is built)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

MAKEFILE = Path(__file__).resolve().parents[1] / "Makefile"

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")


def _script(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)


def _machine(tmp_path: Path, versions: tuple[str, ...]) -> Path:
    """A checkout directory, and on PATH a `pyenv` whose root holds only `versions`; returns the checkout."""
    root = tmp_path / "pyenv-root"
    for version in versions:
        minor = ".".join(version.split(".")[:2])
        # A Python that "creates" a venv holding a python which logs its arguments instead of installing.
        _script(
            root / "versions" / version / "bin" / f"python{minor}",
            'if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin"; '
            'printf \'#!/bin/sh\\necho "$0 $*" >> "%s"\\n\' "$PWD/installs.log" > "$3/bin/python"; '
            'chmod +x "$3/bin/python"; fi\n',
        )
    _script(tmp_path / "bin" / "pyenv", f'[ "$1" = root ] && echo "{root}"\n')
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    return checkout


def _make(checkout: Path, target: str, *, ci: bool, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    # A make running this test (make test) must not leak its flags or level into the one under test.
    env = {k: v for k, v in os.environ.items() if k not in {"CI", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PYTEST_ADDOPTS"}}
    env["PATH"] = f"{checkout.parent / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        ["make", "--no-print-directory", "-f", str(MAKEFILE), target, *extra],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_python_313_skips_in_one_line(tmp_path: Path) -> None:
    """No 3.13 under the pyenv root and CI unset: one line saying how to enable the checks, exit 0."""
    checkout = _machine(tmp_path, ("3.11.7", "3.12.1"))
    done = _make(checkout, "reference-client", ci=False)
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    assert "skipped" in line and "pyenv install 3.13" in line
    assert done.stderr == ""
    assert not (checkout / ".venv-ref").exists()


def test_without_python_313_fails_under_ci(tmp_path: Path) -> None:
    """The same machine under CI=true: make fails and says Python 3.13 is needed."""
    checkout = _machine(tmp_path, ("3.11.7", "3.12.1"))
    done = _make(checkout, "reference-client", ci=True)
    assert done.returncode != 0
    assert "no Python 3.13 found" in done.stderr and "pyenv install 3.13" in done.stderr
    assert "skipped" not in done.stdout
    assert not (checkout / ".venv-ref").exists()


@pytest.mark.parametrize("ci", [False, True])
def test_with_python_313_builds_the_reference_venv(tmp_path: Path, ci: bool) -> None:
    """With a 3.13 under the pyenv root, .venv-ref is made from the newest one and the pinned client installed."""
    checkout = _machine(tmp_path, ("3.12.1", "3.13.0", "3.13.9"))
    done = _make(checkout, "reference-client", ci=ci)
    assert done.returncode == 0, done.stderr
    assert "skipped" not in done.stdout
    assert (checkout / ".venv-ref" / ".installed").exists()
    (install,) = (checkout / "installs.log").read_text().splitlines()
    assert install.endswith("-m pip install --quiet tradepose-client==1.5.0 tradepose-models==1.4.0")


@pytest.mark.parametrize(
    ("versions", "ci", "deselected"),
    [(("3.12.1",), False, True), (("3.12.1",), True, False), (("3.13.0",), False, False)],
)
def test_pytest_leaves_out_reference_tests_only_when_skipped(
    tmp_path: Path, versions: tuple[str, ...], ci: bool, deselected: bool
) -> None:
    """`make pytest` deselects the `reference` tests exactly when reference-client was skipped."""
    checkout = _machine(tmp_path, versions)
    (checkout / "pyproject.toml").write_text("")
    (checkout / ".venv").mkdir()
    (checkout / ".venv" / ".installed").write_text("")  # newer than pyproject.toml: no venv is built
    fake_python = tmp_path / "bin" / "fake-python"
    _script(fake_python, 'echo "argv=$* addopts=$PYTEST_ADDOPTS"\n')
    done = _make(checkout, "pytest", ci=ci, extra=(f"PY={fake_python}",))
    assert done.returncode == 0, done.stderr
    # make echoes the command, then the fake python prints what it got.
    (line,) = (out for out in done.stdout.splitlines() if out.startswith("argv="))
    argv, addopts = line.split(" addopts=")
    assert argv.startswith("argv=-m pytest --cov") and "reference" not in argv
    assert ("-m 'not reference'" in addopts) is deselected
