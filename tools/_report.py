"""The API diff report: what changed between two refs, rendered as plain text or Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field

from _spec_diff import Change

__all__ = ["NO_CHANGES", "Report", "render_markdown", "render_text"]

NO_CHANGES = "no changes"


@dataclass(frozen=True)
class Report:
    """Spec changes (classified), the Python API break lists, and the versions before and after."""

    base: str
    spec_changes: list[Change]
    python_breakages: dict[str, list[str]] = field(default_factory=dict)
    current_version: str = ""
    proposed_version: str = ""

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.spec_changes if c.breaking]

    @property
    def compatible(self) -> list[Change]:
        return [c for c in self.spec_changes if not c.breaking]

    @property
    def python_breaking_count(self) -> int:
        return sum(len(lines) for lines in self.python_breakages.values())

    @property
    def has_breaking(self) -> bool:
        return bool(self.breaking) or self.python_breaking_count > 0

    @property
    def empty(self) -> bool:
        return not self.spec_changes and self.python_breaking_count == 0

    def verdict(self) -> str:
        if self.empty:
            return NO_CHANGES
        kind = "BREAKING" if self.has_breaking else "compatible"
        return (
            f"{kind}: {len(self.breaking)} breaking and {len(self.compatible)} compatible spec changes, "
            f"{self.python_breaking_count} Python API breakages"
        )

    def version_line(self) -> str:
        if self.empty:
            return f"version: {self.current_version} (unchanged)"
        bump = "major" if self.has_breaking else "minor"
        return f"proposed version: {self.current_version} -> {self.proposed_version} ({bump} bump)"


def render_text(report: Report) -> str:
    lines = [f"API diff against {report.base}: {report.verdict()}"]
    if report.breaking:
        lines += ["", "breaking:"] + [f"  {c.line()}" for c in report.breaking]
    if report.compatible:
        lines += ["", "compatible:"] + [f"  {c.line()}" for c in report.compatible]
    for package, breakages in report.python_breakages.items():
        if breakages:
            lines += ["", f"Python API breakages in {package}:"] + [f"  {b}" for b in breakages]
    lines += ["", report.version_line()]
    return "\n".join(lines) + "\n"


def render_markdown(report: Report) -> str:
    """A pull-request body: verdict, tables of breaking and compatible changes, the Python break list."""
    parts = [f"## API diff against `{report.base}`", f"**{report.verdict()}**"]
    if report.breaking:
        parts.append("### Breaking changes\n\n" + _table(report.breaking))
    if report.compatible:
        parts.append("### Compatible changes\n\n" + _table(report.compatible))
    for package, breakages in report.python_breakages.items():
        if breakages:
            parts.append(f"### Python API breakages in `{package}`\n\n" + "\n".join(f"- {b}" for b in breakages))
    if report.empty:
        parts.append(report.version_line())
    else:
        parts.append(
            report.version_line().replace(f"-> {report.proposed_version}", f"-> **{report.proposed_version}**")
        )
    return "\n\n".join(parts) + "\n"


def _table(changes: list[Change]) -> str:
    rows = ["| | what | change |", "|---|---|---|"]
    for change in changes:
        detail = change.detail.replace("|", "\\|") or "–"
        rows.append(f"| {change.action} | `{change.subject}` | {detail} |")
    return "\n".join(rows)
