"""The report document: self-contained (no script, no network reference), one inline SVG per chart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.overlay.display.test_charts import _trades
from tradepose import ConfigError
from tradepose._display._charts import equity_chart
from tradepose._display._report import chart_svg, report_html, write_report
from tradepose._display._tables import card_html


def test_report_inlines_one_svg_per_chart_and_forbids_fetches() -> None:
    """Two charts give two <svg> elements; a CSP forbids loading anything; no src/href to a URL."""
    chart = equity_chart(_trades())
    doc = report_html("batch <x>", cards=[card_html("card")], charts=[("one", chart), ("two", chart)], notes=["n"])
    assert doc.startswith("<!DOCTYPE html>") and doc.count("<svg") == 2 and "<?xml" not in doc
    assert "default-src 'none'" in doc and "<title>batch &lt;x&gt;</title>" in doc
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", doc) and "<script" not in doc
    assert chart_svg(chart).startswith("<svg")


def test_write_report_refuses_a_directory(tmp_path: Path) -> None:
    """The target must be a file path; its folders are created."""
    with pytest.raises(ConfigError, match="it is a directory"):
        write_report(tmp_path, "x")
    assert write_report(tmp_path / "a" / "r.html", "x").read_text() == "x"
