"""An endpoint added to the spec is reachable through the client after regeneration, with no overlay edit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# Runs in a fresh interpreter whose `tradepose_api` is the regenerated one (first on sys.path), so the
# installed generated package is untouched and nothing leaks into this test process.
SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    import httpx, respx
    import tradepose_api
    assert tradepose_api.__file__.startswith(sys.argv[1]), tradepose_api.__file__
    from tradepose import AsyncTradePoseClient, TradePoseClient

    with respx.mock(base_url="http://gw.test") as router:
        route = router.get("/api/v1/ping").mock(return_value=httpx.Response(200, json={"status": "pong"}))
        with TradePoseClient(api_key="k", server_url="http://gw.test", env_file=None) as client:
            print("sync", client.health.ping().status)

        async def main():
            # respx mocks httpx's own connection pool, so this client uses that one.
            async with AsyncTradePoseClient(api_key="k", server_url="http://gw.test", env_file=None,
                                            http_backend="httpx") as client:
                print("async", (await client.health.ping()).status)

        asyncio.run(main())
        print("calls", route.call_count, route.calls[0].request.headers["X-API-Key"])
    """
)


def test_added_endpoint_is_callable_after_regeneration(tmp_path: Path) -> None:
    """`GET /api/v1/ping` (operationId ping, tag health) becomes `client.health.ping()` after regeneration."""
    spec = json.loads((ROOT / "openapi.json").read_text())
    ping = json.loads(json.dumps(spec["paths"]["/health"]))
    ping["get"].update(operationId="ping", summary="Ping", description="Round trip.")
    spec["paths"]["/api/v1/ping"] = ping
    spec_copy = tmp_path / "openapi.json"
    spec_copy.write_text(json.dumps(spec, indent=2))
    out = tmp_path / "gen"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate.py"), "generate", "--spec", str(spec_copy), "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (out / "tradepose_api" / "api" / "health" / "ping.py").is_file()

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(out), str(ROOT / "overlay")])}
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-c", SCRIPT, str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:3] == ["sync pong", "async pong", "calls 2 k"]
