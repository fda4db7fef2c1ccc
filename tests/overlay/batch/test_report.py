"""Charts, HTML summaries and the report of a real finished batch (LocalGateway on 127.0.0.1)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import altair as alt
import polars as pl
import pytest

from tests.overlay.batch._report_support import PERIODS, STRATEGIES, Finished, finished_batch
from tradepose import BatchTester, ConfigError
from tradepose._batch._report import build_report, data_of, read_results
from tradepose._errors import InputError

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Finished]:
    with finished_batch(tmp_path_factory.mktemp("report")) as finished:
        yield finished


def _values(chart: alt.TopLevelMixin) -> list[dict[str, object]]:
    spec = chart.to_dict()
    (values,) = spec["datasets"].values()
    return list(values)


def test_plot_equity_panels_are_cumulative_pnl_per_period(done: Finished) -> None:
    """plot_equity(): a facet per period (row), lines of cumulative pnl over exit_time coloured by strategy / blueprint."""
    chart = done.batch.plot_equity()
    assert isinstance(chart, alt.FacetChart)
    spec = chart.to_dict()
    assert spec["facet"]["row"]["field"] == "period"
    encoding = spec["spec"]["encoding"]
    assert spec["spec"]["mark"]["type"] == "line"
    assert (encoding["x"]["field"], encoding["x"]["type"]) == ("exit_time", "temporal")
    assert (encoding["y"]["field"], encoding["color"]["field"]) == ("cumulative_pnl", "series")
    rows = pl.DataFrame(_values(chart))
    assert set(rows["period"]) == set(PERIODS)
    assert set(rows["series"]) == {f"{s} / base" for s in STRATEGIES}
    trades = done.batch.all_trades().filter(~pl.col("status"))
    last = rows.group_by("period", "series").agg(pl.col("cumulative_pnl").last()).sort("period", "series")
    expected = (
        trades.group_by("period", "strategy_name").agg(pl.col("pnl").sum()).sort("period", "strategy_name")["pnl"]
    )
    assert last["cumulative_pnl"].to_list() == pytest.approx(expected.to_list())


def test_plot_equity_overlay_carries_the_sum_across_periods(done: Finished) -> None:
    """layout="overlay": one chart; each series' last point is its pnl summed over every period."""
    chart = done.batch.plot_equity(layout="overlay")
    assert isinstance(chart, alt.Chart)
    rows = pl.DataFrame(_values(chart))
    total = done.batch.all_trades().filter(~pl.col("status"))["pnl"].sum()
    assert rows.group_by("series").agg(pl.col("cumulative_pnl").last())["cumulative_pnl"].sum() == pytest.approx(total)
    with pytest.raises(InputError, match="layout must be one of panels, overlay"):
        done.batch.plot_equity(layout="stacked")  # type: ignore[arg-type]


def test_plot_summary_has_one_bar_per_period_and_strategy(done: Finished) -> None:
    """plot_summary(metric=...): bars of that performance column, x period, offset and colour by series."""
    chart = done.batch.plot_summary(metric="sharpe_ratio")
    spec = chart.to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["y"]["field"] == "sharpe_ratio"
    assert spec["encoding"]["xOffset"]["field"] == "series" and spec["encoding"]["x"]["field"] == "period"
    rows = pl.DataFrame(_values(chart))
    assert rows.height == len(PERIODS) * len(STRATEGIES)
    summary = done.batch.summary().filter(pl.col("metric_type") == "pnl")
    assert sorted(rows["sharpe_ratio"].to_list()) == pytest.approx(sorted(summary["sharpe_ratio"].to_list()))
    with pytest.raises(InputError, match="numeric performance column"):
        done.batch.plot_summary(metric="strategy_name")


def _svg_count(text: str) -> int:
    return text.count("<svg")


def test_report_has_one_svg_per_chart_and_nothing_from_the_network(done: Finished, tmp_path: Path) -> None:
    """batch.report(): one self-contained file, an <svg> per chart requested, no src/href to any URL, no script."""
    both = done.batch.report(tmp_path / "both.html").read_text()
    one = done.batch.report(tmp_path / "one.html", charts=["equity"]).read_text()
    none = done.batch.report(tmp_path / "none.html", charts=[]).read_text()
    assert (_svg_count(both), _svg_count(one), _svg_count(none)) == (2, 1, 0)
    for text in (both, one, none):
        assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//)""", text, re.IGNORECASE)
        assert "<script" not in text.lower() and "@import" not in text
        assert not re.search(r"""url\(\s*["']?(?!#)""", text)  # only the SVGs' own clip paths, url(#clip1)
    assert "3 completed, 0 failed" in both and "2024Q2" in both and "sharpe_ratio" in both


def test_report_reads_a_saved_directory_like_the_live_batch(done: Finished) -> None:
    """read_results() of the save() directory, and of the workdir its open batch holds, match the live batch."""
    live, saved = data_of(done.batch), read_results(done.saved)
    assert (
        saved.counts == live.counts == done.batch.status == {"pending": 0, "processing": 0, "completed": 3, "failed": 0}
    )
    assert saved.trades.height == live.trades.height == done.batch.all_trades().height
    order = ("period", "strategy_name", "metric_type")
    assert saved.performance.sort(order).equals(live.performance.sort(order))
    assert saved.periods["period"].to_list() == list(PERIODS)
    from_workdir = read_results(done.workdir)  # read-only: the open batch keeps its journal's lock
    assert from_workdir.counts == live.counts and from_workdir.trades.equals(live.trades)
    with pytest.raises(ConfigError, match="neither a batch work directory"):
        read_results(done.saved / "trades")


def test_reprs_are_summaries_not_frame_dumps(done: Finished) -> None:
    """Batch, period and view show summary cards; a view's repr is one short line."""
    batch_html = done.batch._repr_html_()
    assert "batch " in batch_html and "3 completed" in batch_html and "key metrics" in batch_html
    assert batch_html.count("<tr>") < 3 + 1 + 2 * len(PERIODS) * len(STRATEGIES)  # periods + pnl rows, no trades
    period_html = done.batch["2024Q1"]._repr_html_()
    assert "period 2024Q1" in period_html and "completed (journal state done)" in period_html
    view = done.batch.for_strategy("alpha")
    assert (
        repr(view)
        == f"ResultView(alpha: {view.trades.height} trades, {view.performance.height} performance rows, 3 periods)"
    )
    assert "result view alpha" in view._repr_html_() and "total pnl" in view._repr_html_()


def test_a_batch_without_results_has_a_clear_error_and_a_report_with_notes(
    gateway_factory: object, tmp_path: Path
) -> None:
    """Every period failed: plot_equity raises a typed error saying why; the report still lists the periods."""
    from tests.overlay.batch._batch_support import strategy
    from tradepose.testing import FaultConfig

    gateway = gateway_factory(faults=FaultConfig(task_failure_rate=1.0))  # type: ignore[operator]
    with BatchTester(api_key=gateway.api_key, server_url=gateway.url) as tester:
        batch = tester.submit([strategy("alpha")], ["2024Q1"], workdir=tmp_path / "work")
        batch.wait(timeout=30, progress=False)
        with pytest.raises(InputError, match="trades to chart"):
            batch.plot_equity()
        with pytest.raises(InputError, match="no performance rows"):
            batch.plot_summary()
        text = batch.report(tmp_path / "r.html").read_text()
        card = batch["2024Q1"]._repr_html_()
        assert "failed (journal state failed)" in card and "error" in card
        batch.close()
    assert _svg_count(text) == 0 and "equity chart left out" in text and "1 failed" in text
    assert "<svg" not in build_report(read_results(tmp_path / "work"), charts=["summary"])
