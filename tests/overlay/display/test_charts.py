"""Equity and summary charts: Altair objects (via Polars' DataFrame.plot) with the expected encodings and data."""

from __future__ import annotations

import datetime as dt
import sys

import altair as alt
import polars as pl
import pytest

from tradepose import MissingExtraError
from tradepose._display._charts import equity_chart, equity_frame, summary_chart
from tradepose._display._report import chart_svg
from tradepose._errors import InputError


def _trades() -> pl.DataFrame:
    day = dt.datetime(2024, 1, 1)
    return pl.DataFrame({
        "period": ["q1", "q1", "q1", "q2", "q2"],
        "strategy_name": ["a", "a", "a", "a", "a"],
        "blueprint_name": ["base"] * 5,
        "exit_time": [day + dt.timedelta(days=d) for d in (2, 1, 3, 100, 101)],
        "status": [False, False, True, False, False],  # the third trade is still open
        "pnl": [2.0, 1.0, 50.0, -1.0, 4.0],
    })  # fmt: skip


def test_equity_frame_sums_closed_trades_in_exit_order() -> None:
    """panels restart the sum per period; overlay carries it on; open trades are left out."""
    panels = equity_frame(_trades())
    assert panels["cumulative_pnl"].to_list() == [1.0, 3.0, -1.0, 3.0]
    assert panels["period"].to_list() == ["q1", "q1", "q2", "q2"]
    assert set(panels["series"]) == {"a / base"}
    assert equity_frame(_trades(), layout="overlay")["cumulative_pnl"].to_list() == [1.0, 3.0, 2.0, 6.0]


def test_equity_chart_encodings() -> None:
    """Panels: a row facet by period over a line of cumulative_pnl by exit_time, coloured by series."""
    chart = equity_chart(_trades())
    assert isinstance(chart, alt.FacetChart)
    spec = chart.to_dict()
    assert spec["facet"]["row"]["field"] == "period"
    assert spec["resolve"]["scale"]["x"] == "independent"
    enc = spec["spec"]["encoding"]
    assert (enc["x"]["field"], enc["y"]["field"], enc["color"]["field"]) == ("exit_time", "cumulative_pnl", "series")
    overlay = equity_chart(_trades(), layout="overlay")
    assert isinstance(overlay, alt.Chart) and overlay.to_dict()["mark"]["type"] == "line"


def test_summary_chart_encodings() -> None:
    """One bar per period × series of the chosen metric, of the chosen metric_type only."""
    perf = pl.DataFrame({
        "period": ["q1", "q1", "q2", "q2"], "strategy_name": ["a", "a", "a", "a"], "blueprint_name": ["b"] * 4,
        "metric_type": ["pnl", "pnl_pct", "pnl", "pnl_pct"], "total": [1.0, 10.0, 2.0, 20.0],
    })  # fmt: skip
    spec = summary_chart(perf, "total", metric_type="pnl_pct").to_dict()
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["xOffset"]["field"] == "series"
    (values,) = spec["datasets"].values()
    assert [v["total"] for v in values] == [10.0, 20.0]
    with pytest.raises(InputError, match=r"numeric performance column \(total\)"):
        summary_chart(perf, "sharpe")


def test_empty_input_is_a_clear_error() -> None:
    """No trades (or no closed trades) is a typed error saying there is nothing to chart yet."""
    with pytest.raises(InputError, match="no trades to chart"):
        equity_chart(pl.DataFrame())
    with pytest.raises(InputError, match="no closed trades"):
        equity_chart(_trades().filter(pl.col("status")))
    with pytest.raises(InputError, match="no performance rows"):
        summary_chart(pl.DataFrame())


@pytest.mark.parametrize("module", ["altair", "vl_convert"])
def test_without_the_plot_extra_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    """altair or vl-convert missing: MissingExtraError (an ImportError and ConfigError) naming the pip install."""
    chart = equity_chart(_trades())
    monkeypatch.setitem(sys.modules, module, None)  # what an uninstalled module looks like to find_spec
    with pytest.raises(MissingExtraError, match=r"pip install 'tradepose-sdk\[plot\]'") as info:
        equity_chart(_trades()) if module == "altair" else chart_svg(chart)
    assert isinstance(info.value, ImportError) and info.value.extra == "plot"
