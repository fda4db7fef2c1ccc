"""The report opens offline in headless Chromium and shows its charts (a screenshot, read with Pillow).

Chromium comes from the Debian package (`make browser`, part of `make test`, installs it under CI=true).
Without it the test skips, saying why; under CI=true its absence fails the run.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.overlay.batch._report_support import finished_batch

Image = pytest.importorskip("PIL.Image")

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

CHROMIUM = Path("/usr/bin/chromium")
WIDTH, HEIGHT = 1200, 1600
# Vega's default category colours for the first two series (the two strategies' lines and bars).
SERIES_COLOURS = {"blue": (76, 120, 168), "orange": (245, 133, 24)}


def _chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing under CI=true: `make browser` installs it (apt-get install chromium)")
    pytest.skip(
        f"{CHROMIUM} is not installed: apt-get install -y --no-install-recommends chromium (or `make browser` with CI=true)"
    )


def _screenshot(page: Path, png: Path, profile: Path) -> None:
    args = [
        str(_chromium()), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri(),
    ]  # fmt: skip
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = process.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # Chromium's helpers share its new session: stop them all
        process.communicate()
        raise
    assert png.exists(), err.decode(errors="replace")[-2000:]


def _pixels(image: object) -> list[tuple[int, ...]]:
    data: bytes = image.tobytes()  # type: ignore[attr-defined]  # RGB, 3 bytes a pixel
    return [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(pixel[:3], colour, strict=True))


def test_report_renders_offline_with_its_charts(tmp_path: Path) -> None:
    """A screenshot of the report is not blank and shows both series' colours in the chart area below the tables."""
    _chromium()
    with finished_batch(tmp_path) as done:
        report = done.batch.report(tmp_path / "report.html", charts=["equity", "summary"])
    assert report.read_text().count("<svg") == 2
    png = tmp_path / "shot.png"
    _screenshot(report, png, tmp_path / "profile")
    image = Image.open(png).convert("RGB")
    assert image.size == (WIDTH, HEIGHT)
    pixels = _pixels(image)
    non_white = sum(1 for p in pixels if p != (255, 255, 255))
    assert non_white > 0.02 * WIDTH * HEIGHT, f"only {non_white} non-white pixels: the page looks blank"
    charts = image.crop((0, HEIGHT // 4, WIDTH, HEIGHT))  # the tables take the top; charts follow
    chart_pixels = _pixels(charts)
    for name, colour in SERIES_COLOURS.items():
        count = sum(1 for p in chart_pixels if _near(p, colour))
        assert count > 500, f"{name} series ({colour}) drawn in only {count} pixels of the chart area"
    assert len(set(chart_pixels)) > 50  # axes, grid, labels, anti-aliased lines: a chart, not a flat fill
