"""The sync client is generated from the async one, and any drift between them is caught."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import sync_twin  # noqa: E402


def test_the_checked_in_twin_is_current() -> None:
    """`_sync_client.py` is exactly what `make unasync` writes from `_async_client.py`."""
    assert sync_twin.check() == []


def test_an_edit_to_either_side_is_drift(tmp_path: Path) -> None:
    """Changing a signature in the async source, or hand-editing the twin, fails the check."""
    client_dir = tmp_path / "_client"
    client_dir.mkdir()
    for name in (sync_twin.SOURCE, sync_twin.TARGET):
        shutil.copyfile(sync_twin.CLIENT_DIR / name, client_dir / name)
    assert sync_twin.check(client_dir) == []
    source = client_dir / sync_twin.SOURCE
    original = source.read_text()
    source.write_text(original.replace("timeout: float | None = None,", "timeout: float | None = 5.0,", 1))
    assert sync_twin.check(client_dir)
    source.write_text(original)
    twin = client_dir / sync_twin.TARGET
    twin.write_text(twin.read_text().replace("def health_check(", "def health_check2(", 1))
    assert sync_twin.check(client_dir)
