"""The report: verdicts, text and Markdown rendering, the proposed version."""

from __future__ import annotations

from _report import NO_CHANGES, Report, render_markdown, render_text
from _spec_diff import Change

REMOVED = Change("operation get_health", "removed", "GET /health", True)
ADDED = Change("operation ping", "added", "GET /api/v1/ping", False)
PIPE = Change("model Freq", "changed", "field 'x' retyped anyOf[a | b] -> string", True)


def test_empty_report_says_no_changes() -> None:
    """Nothing changed: the verdict is "no changes" and the version stays."""
    report = Report("HEAD~0", [], {"tradepose": []}, "0.1.0", "0.1.0")
    assert report.verdict() == NO_CHANGES and not report.has_breaking
    assert render_text(report) == "API diff against HEAD~0: no changes\n\nversion: 0.1.0 (unchanged)\n"
    assert "no changes" in render_markdown(report) and "**0.1.0**" not in render_markdown(report)


def test_python_breakages_alone_make_the_report_breaking() -> None:
    """A Python API break with an unchanged spec still counts as breaking."""
    report = Report("main", [], {"tradepose": ["tradepose: `f(b)`: *Parameter was removed*"]}, "0.1.0", "1.0.0")
    assert report.has_breaking and not report.empty
    assert "Python API breakages in tradepose:\n  tradepose: `f(b)`" in render_text(report)


def test_text_report_groups_breaking_before_compatible() -> None:
    """Breaking changes first, then compatible ones, then the proposed version with the kind of bump."""
    text = render_text(Report("main", [REMOVED, ADDED], {}, "0.1.0", "1.0.0"))
    assert text == (
        "API diff against main: BREAKING: 1 breaking and 1 compatible spec changes, 0 Python API breakages\n\n"
        "breaking:\n  - operation get_health: GET /health\n\n"
        "compatible:\n  + operation ping: GET /api/v1/ping\n\n"
        "proposed version: 0.1.0 -> 1.0.0 (major bump)\n"
    )


def test_markdown_report_is_a_pull_request_body() -> None:
    """Markdown: a heading, the verdict in bold, one table per verdict, pipes escaped, the version in bold."""
    md = render_markdown(Report("abc123", [REMOVED, PIPE, ADDED], {"tradepose_api": ["x: `f`: *Y*"]}, "0.1.0", "1.0.0"))
    assert md.startswith("## API diff against `abc123`\n\n**BREAKING: 2 breaking and 1 compatible")
    assert "### Breaking changes\n\n| | what | change |\n|---|---|---|\n| removed | `operation get_health` |" in md
    assert "| changed | `model Freq` | field 'x' retyped anyOf[a \\| b] -> string |" in md
    assert "### Compatible changes\n\n| | what | change |\n|---|---|---|\n| added | `operation ping` |" in md
    assert "### Python API breakages in `tradepose_api`\n\n- x: `f`: *Y*" in md
    assert md.endswith("proposed version: 0.1.0 -> **1.0.0** (major bump)\n")


def test_compatible_report_proposes_a_minor_bump() -> None:
    """Only compatible changes: a minor bump."""
    report = Report("main", [ADDED], {}, "0.1.0", "0.2.0")
    assert not report.has_breaking
    assert render_text(report).endswith("proposed version: 0.1.0 -> 0.2.0 (minor bump)\n")
