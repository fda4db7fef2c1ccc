"""Versioning and the changelog: the next version from an API diff, and a Keep a Changelog entry for it.

The distribution's version (`[project] version` in pyproject.toml) gets a major bump when the API
diff holds a breaking change and a minor bump otherwise; no change, no new version. CHANGELOG.md
follows https://keepachangelog.com/en/1.1.0/: releasing moves what `## [Unreleased]` holds into the
new release's section, merged category by category with the entries the diff produced.
"""

from __future__ import annotations

import re
import tomllib

from _report import Report

__all__ = [
    "CATEGORIES",
    "changelog_sections",
    "current_version",
    "insert_release",
    "next_version",
    "release_entry",
    "set_version",
]

# Keep a Changelog's categories, in its order.
CATEGORIES = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")
CHANGELOG_HEADER = """# Changelog

All notable changes to this project are documented in this file. The format follows
[Keep a Changelog](https://keepachangelog.com/en/1.1.0/) and the project uses
[Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]
"""
_VERSION_LINE = re.compile(r'^(version\s*=\s*)"([^"]*)"', re.MULTILINE)
_RELEASE = re.compile(r"^\d+\.\d+\.\d+$")


def current_version(pyproject: str) -> str:
    """`[project] version` of a pyproject.toml text."""
    return str(tomllib.loads(pyproject)["project"]["version"])


def next_version(current: str, *, breaking: bool) -> str:
    """Major bump (`1.4.2` -> `2.0.0`) on a breaking change, minor bump (`1.4.2` -> `1.5.0`) otherwise."""
    if not _RELEASE.match(current):
        raise ValueError(f"version {current!r} is not MAJOR.MINOR.PATCH")
    major, minor, _ = (int(part) for part in current.split("."))
    return f"{major + 1}.0.0" if breaking else f"{major}.{minor + 1}.0"


def set_version(pyproject: str, version: str) -> str:
    """The pyproject.toml text with `[project] version` set to `version` (the rest byte for byte)."""
    project = re.search(r"^\[project\]\s*$", pyproject, re.MULTILINE)
    if project is None:
        raise ValueError("pyproject.toml has no [project] table")
    match = _VERSION_LINE.search(pyproject, project.end())
    following_table = re.search(r"^\[", pyproject[project.end() :], re.MULTILINE)
    if match is None or (following_table is not None and match.start() > project.end() + following_table.start()):
        raise ValueError("[project] has no version line")
    return pyproject[: match.start(2)] + version + pyproject[match.end(2) :]


def changelog_sections(report: Report) -> dict[str, list[str]]:
    """Keep a Changelog category -> entries for the report's changes; breaking ones say so first."""
    sections: dict[str, list[str]] = {}
    category = {"added": "Added", "removed": "Removed", "changed": "Changed"}
    for change in report.spec_changes:
        text = f"`{change.subject}`" + (f": {change.detail}" if change.detail else "")
        entry = f"**Breaking:** {text}" if change.breaking else text
        sections.setdefault(category[change.action], []).append(f"- {entry}")
    for package, lines in report.python_breakages.items():
        for line in lines:
            sections.setdefault("Changed", []).append(f"- **Breaking:** Python API of `{package}`: {line}")
    return sections


def release_entry(version: str, date: str, sections: dict[str, list[str]]) -> str:
    """`## [version] - date` with its categories in Keep a Changelog's order (others after them)."""
    order = [c for c in CATEGORIES if c in sections] + sorted(c for c in sections if c not in CATEGORIES)
    parts = [f"## [{version}] - {date}"]
    for name in order:
        parts.append(f"### {name}\n\n" + "\n".join(sections[name]))
    return "\n\n".join(parts) + "\n"


def insert_release(changelog: str | None, version: str, date: str, sections: dict[str, list[str]]) -> str:
    """The changelog with a release section for `version` right below an emptied `## [Unreleased]`.

    What Unreleased held (hand-written entries) moves into the release, merged by category. A
    changelog without an Unreleased section gets one; `None` (no file yet) starts a new changelog.
    """
    text = CHANGELOG_HEADER if changelog is None else changelog
    if f"## [{version}]" in text:
        raise ValueError(f"CHANGELOG.md already has a section for {version}")
    unreleased = re.search(r"^## \[Unreleased\][^\n]*\n", text, re.MULTILINE | re.IGNORECASE)
    if unreleased is None:
        first = re.search(r"^## ", text, re.MULTILINE)
        at = first.start() if first else len(text)
        head = text[:at].rstrip("\n") + "\n\n## [Unreleased]\n"
        text = head + ("\n" + text[at:] if first else "")
        unreleased = re.search(r"^## \[Unreleased\][^\n]*\n", text, re.MULTILINE | re.IGNORECASE)
        assert unreleased is not None
    following = re.search(r"^## ", text[unreleased.end() :], re.MULTILINE)
    body_end = unreleased.end() + following.start() if following else len(text)
    merged = _merge(_parse_categories(text[unreleased.end() : body_end]), sections)
    rest = text[body_end:]
    entry = release_entry(version, date, merged)
    return text[: unreleased.end()] + "\n" + entry + ("\n" + rest if rest else "")


def _parse_categories(body: str) -> dict[str, list[str]]:
    """`### Name` -> its non-blank lines; lines before any heading go to "Changed"."""
    out: dict[str, list[str]] = {}
    current = "Changed"
    for line in body.splitlines():
        heading = re.match(r"^### (.+?)\s*$", line)
        if heading:
            current = heading.group(1)
            continue
        if line.strip():
            out.setdefault(current, []).append(line)
    return out


def _merge(first: dict[str, list[str]], second: dict[str, list[str]]) -> dict[str, list[str]]:
    out = {name: list(lines) for name, lines in first.items()}
    for name, lines in second.items():
        out.setdefault(name, []).extend(lines)
    return out
