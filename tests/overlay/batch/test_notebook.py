"""A real Jupyter kernel runs a batch: live progress updates and HTML reprs for the batch and a result view.

The notebook is executed headless by nbclient in an ipykernel subprocess; the gateway is a LocalGateway
on 127.0.0.1 inside that kernel, stopped by the notebook's last cell (and by the kernel's exit).
An updating display replaces its output in place (display_id), so the saved notebook keeps the last
frame of the progress card; the intermediate frames are the `update_display_data` messages the kernel
sent, which this client records as a browser would receive them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

SUPPORT = Path(__file__).resolve().parent

CELLS = [
    f"""import sys
sys.path.insert(0, {str(SUPPORT)!r})
from _batch_support import strategy
from tradepose import BatchTester
from tradepose.testing import LocalGateway
gateway = LocalGateway(task_duration=(0.8, 3.5), seed=7, requests_per_minute=100_000).start()
tester = BatchTester(api_key=gateway.api_key, server_url=gateway.url)""",
    """batch = tester.submit([strategy("alpha"), strategy("beta")], ["2024Q1", "2024Q2", "2024Q3", "2024Q4"])
batch.wait(timeout=60)""",
    "batch",
    'batch.for_strategy("alpha")',
    "tester.close()\ngateway.stop()",
]


class _RecordingClient(nbclient.NotebookClient):  # type: ignore[misc]
    """Keeps every display message of the kernel, in arrival order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.displays: list[dict[str, Any]] = []

    def process_message(self, msg: dict[str, Any], cell: Any, cell_index: int) -> Any:
        if msg["msg_type"] in ("display_data", "update_display_data"):
            self.displays.append(msg["content"]["data"])
        return super().process_message(msg, cell, cell_index)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, list[dict[str, Any]]]:
    workdir = tmp_path_factory.mktemp("notebook")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    client = _RecordingClient(
        notebook, timeout=90, startup_timeout=60, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
    )
    client.execute()
    nbformat.write(notebook, workdir / "batch.ipynb")
    return nbformat.read(workdir / "batch.ipynb", as_version=4), client.displays


def _percentages(displays: list[dict[str, Any]]) -> list[int]:
    lines = [d["text/plain"] for d in displays if d.get("text/plain", "").startswith("batch ")]
    return [int(m.group(1)) for line in lines if (m := re.match(r"batch \S+ +(\d+)% ", line))]


def test_progress_updates_arrive_while_the_batch_runs(executed: tuple[Any, list[dict[str, Any]]]) -> None:
    """The progress card is updated several times, with percentages between 0 % and 100 %, ending at 100 %."""
    _, displays = executed
    percentages = _percentages(displays)
    assert len(percentages) >= 4, percentages
    assert any(0 < p < 100 for p in percentages), percentages
    assert percentages[-1] == 100
    assert percentages == sorted(percentages)


def test_progress_shows_processing_and_a_readable_text_fallback(executed: tuple[Any, list[dict[str, Any]]]) -> None:
    """Every update carries HTML and a one-line text/plain (never `<IPython.core.display.HTML object>`),
    and some update counts periods as processing."""
    _, displays = executed
    progress = [d for d in displays if d.get("text/plain", "").startswith("batch ")]
    assert progress and all("text/html" in d and "object>" not in d["text/plain"] for d in progress)
    assert all("\n" not in d["text/plain"] for d in progress)
    assert any(re.search(r"[1-9]\d* processing", d["text/plain"]) for d in progress)


def test_saved_notebook_has_html_reprs_for_the_batch_and_a_view(executed: tuple[Any, list[dict[str, Any]]]) -> None:
    """The saved notebook holds the batch's summary card and the result view's card, as text/html."""
    notebook, _ = executed
    batch_out = [o for o in notebook.cells[2].outputs if o.output_type == "execute_result"]
    view_out = [o for o in notebook.cells[3].outputs if o.output_type == "execute_result"]
    batch_html = batch_out[0].data["text/html"]
    assert "batch " in batch_html and "4 completed" in batch_html and "key metrics" in batch_html
    assert "2024Q3" in batch_html and "<table" in batch_html
    view_html = view_out[0].data["text/html"]
    assert "result view alpha" in view_html and "sharpe_ratio" in view_html
    assert view_out[0].data["text/plain"].startswith("ResultView(alpha: ")


def test_workdir_line_is_not_on_stderr(executed: tuple[Any, list[dict[str, Any]]]) -> None:
    """The informational workdir line goes to stdout (stderr shows red in Jupyter); no cell wrote stderr."""
    notebook, _ = executed
    streams = [o for cell in notebook.cells for o in cell.outputs if o.output_type == "stream"]
    assert any(o.name == "stdout" and "batch journal and results in" in o.text for o in streams)
    assert not [o for o in streams if o.name == "stderr"]
