"""The tools' modules (`tools/_spec_diff.py`, ...) import as top-level names, as the scripts import them."""

from __future__ import annotations

import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[2] / "tools"
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))
