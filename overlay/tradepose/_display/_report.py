"""The results report: ONE self-contained HTML file that opens offline.

Summary cards (`_tables.card_html`) and each requested chart rendered to inline SVG by vl-convert
(no JavaScript, no font, stylesheet or image from the network). A Content-Security-Policy meta tag
forbids any fetch the browser might still try, so "opens offline" is enforced, not just hoped for.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .._errors import ConfigError
from ._charts import require_plotting

if TYPE_CHECKING:
    import altair as alt

__all__ = ["chart_svg", "report_html", "write_report"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_STYLE = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#222;background:#fff}"
    "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}figure{margin:1em 0}"
    "figcaption{color:#555;margin-bottom:0.4em}.note{color:#666}"
)


def chart_svg(chart: alt.TopLevelMixin) -> str:
    """The chart rendered to an SVG element by vl-convert (offline; no XML prolog)."""
    require_plotting("altair", "vl_convert")
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(chart.to_dict())
    return svg[svg.index("<svg") :]


def report_html(
    title: str,
    *,
    cards: Sequence[str],
    charts: Sequence[tuple[str, alt.TopLevelMixin]] = (),
    notes: Sequence[str] = (),
    generated_by: str = "",
) -> str:
    """The whole report document: title, the summary cards, one `<figure>` with an inline SVG per chart."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    figures = "".join(
        f"<figure><figcaption>{html.escape(caption)}</figcaption>{chart_svg(chart)}</figure>"
        for caption, chart in charts
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>"
        f'<p class="note">{html.escape(" · ".join(p for p in (generated_by, stamp) if p))}</p>'
        + "".join(cards)
        + (f"<h2>Charts</h2>{figures}" if figures else "")
        + "".join(f'<p class="note">{html.escape(n)}</p>' for n in notes)
        + "</body></html>\n"
    )


def write_report(path: str | Path, document: str) -> Path:
    """Write the report to `path` (a file; its folder is created) and return the absolute path."""
    target = Path(path).resolve()
    if target.is_dir():
        raise ConfigError(
            f"cannot write the report to {str(target)!r}: it is a directory; pass a file path such as report.html"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(document, encoding="utf-8")
    return target
