"""Generate the sync client from the async one, or check that the checked-in twin is current.

    python tools/sync_twin.py generate     # write overlay/tradepose/_client/_sync_client.py
    python tools/sync_twin.py check        # fail if the checked-in twin differs from a fresh one

`_async_client.py` is the only hand-written side: a mirror kept by hand drifts, so the sync twin is
derived from it token by token (the `unasync` library, as httpcore does) and `make check-generated`
fails on any difference.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import unasync

ROOT = Path(__file__).resolve().parent.parent
CLIENT_DIR = ROOT / "overlay" / "tradepose" / "_client"
SOURCE = "_async_client.py"
TARGET = "_sync_client.py"

# Names that differ between the two sides beyond what unasync knows (`async`/`await`, `__aenter__`...).
REPLACEMENTS = {
    "AsyncTradePoseClient": "TradePoseClient",
    "AsyncBaseTransport": "BaseTransport",
    "AsyncClient": "Client",
    "AsyncResources": "Resources",
    "send_async": "send",
    "AsyncExportClient": "ExportClient",
    "async_transport": "transport",
    "get_async_httpx_client": "get_httpx_client",
    "aclose": "close",
    "afetch": "fetch",
    "poll_until_complete_async": "poll_until_complete",
    "download_file_async": "download_file",
    "read_parquet_async": "read_parquet",
    "read_backtest_zip_async": "read_backtest_zip",
    "run_export_async": "run_export",
    "_async_client": "_sync_client",
}
# Comments that only make sense on the async side (ruff would call them unused in the sync twin).
ASYNC_ONLY_COMMENTS = ("  # noqa: ASYNC109 - poll deadline, not a cancel scope",)
BANNER = f'"""Generated from `{SOURCE}` by `make unasync`: do not edit; change the async source instead."""\n\n'


def _strip_docstring(text: str) -> str:
    """Drop the source's module docstring: the twin gets the banner instead."""
    if text.startswith('"""'):
        end = text.index('"""', 3) + 3
        text = text[end:].lstrip("\n")
    return text


def render(client_dir: Path, out_dir: Path) -> Path:
    """Write the sync twin of `client_dir/SOURCE` into `out_dir/TARGET`; return its path."""
    with tempfile.TemporaryDirectory(prefix="tradepose-unasync-") as tmp:
        staged = Path(tmp) / SOURCE
        shutil.copyfile(client_dir / SOURCE, staged)
        rule = unasync.Rule(fromdir=f"/{SOURCE}", todir=f"/{TARGET}", additional_replacements=REPLACEMENTS)
        unasync.unasync_files([str(staged)], [rule])
        text = (Path(tmp) / TARGET).read_text()
    for comment in ASYNC_ONLY_COMMENTS:
        text = text.replace(comment, "")
    out = out_dir / TARGET
    out.write_text(BANNER + _strip_docstring(text))
    ruff = Path(sys.executable).parent / "ruff"
    config = ["--config", str(ROOT / "pyproject.toml")]
    for args in (["check", "--fix-only", "--quiet", *config, str(out)], ["format", "--quiet", *config, str(out)]):
        subprocess.run([str(ruff), *args], check=True, cwd=ROOT)
    return out


def check(client_dir: Path = CLIENT_DIR) -> list[str]:
    """Problems with the checked-in twin (empty when it is exactly what `render` writes)."""
    with tempfile.TemporaryDirectory(prefix="tradepose-unasync-check-") as tmp:
        fresh = render(client_dir, Path(tmp)).read_text()
    current = client_dir / TARGET
    if not current.exists() or current.read_text() != fresh:
        return [f"{current.name} is not what `make unasync` generates from {SOURCE}"]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("generate", "check"))
    args = parser.parse_args(argv)
    if args.command == "generate":
        render(CLIENT_DIR, CLIENT_DIR)
        return 0
    problems = check()
    for problem in problems:
        print(f"drift: {problem} (run `make unasync`)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
