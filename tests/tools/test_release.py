"""Versioning and the changelog: the bump rule, pyproject edits, and Keep a Changelog release sections."""

from __future__ import annotations

import pytest
from _release import changelog_sections, current_version, insert_release, next_version, set_version
from _report import Report
from _spec_diff import Change

PYPROJECT = """[build-system]
requires = ["hatchling>=1.25"]

[project]
name = "tradepose-sdk"
version = "0.4.2"
dependencies = ["httpx>=0.27,<1"]

[tool.other]
version = "9.9.9"
"""
REMOVED = Change("operation get_health", "removed", "GET /health", True)
ADDED = Change("operation ping", "added", "GET /api/v1/ping", False)
WIDENED = Change("model ResultType", "changed", 'enum widened: added "signals"', False)


@pytest.mark.parametrize(
    ("current", "breaking", "expected"),
    [("0.4.2", True, "1.0.0"), ("0.4.2", False, "0.5.0"), ("1.9.0", False, "1.10.0"), ("2.0.7", True, "3.0.0")],
)
def test_next_version(current: str, breaking: bool, expected: str) -> None:
    """A breaking change bumps the major version, anything else the minor version; the patch resets."""
    assert next_version(current, breaking=breaking) == expected


@pytest.mark.parametrize("bad", ["1.0", "1.0.0rc1", "v1.0.0", ""])
def test_next_version_refuses_a_non_release_version(bad: str) -> None:
    """Only MAJOR.MINOR.PATCH can be bumped."""
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        next_version(bad, breaking=False)


def test_set_version_edits_only_the_project_version() -> None:
    """`[project] version` changes; every other byte, another table's `version` included, stays."""
    edited = set_version(PYPROJECT, "1.0.0")
    assert current_version(edited) == "1.0.0"
    assert edited == PYPROJECT.replace('version = "0.4.2"', 'version = "1.0.0"')


def test_set_version_needs_a_project_version() -> None:
    """A pyproject without `[project] version` is refused rather than edited elsewhere."""
    with pytest.raises(ValueError, match="no version line"):
        set_version('[project]\nname = "x"\n\n[tool.x]\nversion = "1.0.0"\n', "2.0.0")


def _sections() -> dict[str, list[str]]:
    report = Report("main", [REMOVED, ADDED, WIDENED], {"tradepose": ["tradepose: `f(b)`: *Parameter was removed*"]})
    return changelog_sections(report)


def test_changelog_sections_sort_changes_into_categories() -> None:
    """Removed, added and changed things land in their Keep a Changelog categories; breaking ones say so."""
    assert _sections() == {
        "Removed": ["- **Breaking:** `operation get_health`: GET /health"],
        "Added": ["- `operation ping`: GET /api/v1/ping"],
        "Changed": [
            '- `model ResultType`: enum widened: added "signals"',
            "- **Breaking:** Python API of `tradepose`: tradepose: `f(b)`: *Parameter was removed*",
        ],
    }


def test_new_changelog_is_created_with_an_unreleased_section() -> None:
    """No CHANGELOG.md yet: a Keep a Changelog header, an empty Unreleased section, then the release."""
    text = insert_release(None, "1.0.0", "2026-01-31", _sections())
    assert text.startswith("# Changelog\n")
    assert "## [Unreleased]\n\n## [1.0.0] - 2026-01-31\n\n### Added\n\n- `operation ping`" in text
    assert text.index("### Added") < text.index("### Changed") < text.index("### Removed")


def test_release_takes_over_what_unreleased_held() -> None:
    """Hand-written Unreleased entries move into the release, merged by category; older releases stay below."""
    existing = (
        "# Changelog\n\nNotes.\n\n## [Unreleased]\n\n### Added\n\n- `make bench`.\n\n### Fixed\n\n- A retry bug.\n\n"
        "## [0.4.2] - 2025-12-01\n\n### Fixed\n\n- Old fix.\n"
    )
    text = insert_release(existing, "1.0.0", "2026-01-31", _sections())
    release = text[text.index("## [1.0.0]") : text.index("## [0.4.2]")]
    assert text.index("## [Unreleased]") < text.index("## [1.0.0]") < text.index("## [0.4.2]")
    assert "- `make bench`." in release and "- `operation ping`" in release and "- A retry bug." in release
    assert release.index("- `make bench`.") < release.index("- `operation ping`")
    assert text[text.index("## [Unreleased]") :].split("\n", 2)[2].startswith("## [1.0.0]")
    assert text.endswith("## [0.4.2] - 2025-12-01\n\n### Fixed\n\n- Old fix.\n")


def test_changelog_without_unreleased_gets_one_above_the_releases() -> None:
    """A changelog whose releases have no Unreleased section above them gets one, with the release below it."""
    existing = "# Changelog\n\n## [0.4.2] - 2025-12-01\n\n- Old.\n"
    text = insert_release(existing, "0.5.0", "2026-01-31", {"Added": ["- New."]})
    assert text == (
        "# Changelog\n\n## [Unreleased]\n\n## [0.5.0] - 2026-01-31\n\n### Added\n\n- New.\n\n"
        "## [0.4.2] - 2025-12-01\n\n- Old.\n"
    )


def test_a_version_is_released_once() -> None:
    """A second section for the same version is refused."""
    text = insert_release(None, "1.0.0", "2026-01-31", {"Added": ["- X."]})
    with pytest.raises(ValueError, match="already has a section"):
        insert_release(text, "1.0.0", "2026-02-01", {"Added": ["- Y."]})
