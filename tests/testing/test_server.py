"""LocalGateway lifecycle and the `tradepose gateway serve` command."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tradepose._cli import build_parser, main
from tradepose.testing import GatewayConfig, LocalGateway

pytestmark = pytest.mark.e2e


def test_stop_leaves_no_thread_or_socket() -> None:
    """After the `with` block the server thread is gone and the port refuses connections."""
    before = set(threading.enumerate())
    with LocalGateway(time_scale=0.01) as gateway:
        port = gateway.port
        assert gateway.url == f"http://127.0.0.1:{port}"
        assert httpx.get(f"{gateway.url}/health").status_code == 200
        assert any(t.name == f"LocalGateway:{port}" for t in threading.enumerate())
    assert set(threading.enumerate()) <= before
    with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
        probe.connect(("127.0.0.1", port))
    with pytest.raises(RuntimeError, match="not running"):
        _ = gateway.url


def test_serves_the_checked_in_spec(local_gateway: LocalGateway) -> None:
    """GET /openapi.json returns the checked-in openapi.json byte for byte."""
    spec = (Path(__file__).resolve().parents[2] / "openapi.json").read_bytes()
    response = httpx.get(f"{local_gateway.url}/openapi.json")
    assert response.status_code == 200 and response.content == spec


def test_config_rejects_nonsense() -> None:
    """Invalid options fail at construction, not at request time."""
    with pytest.raises(ValueError, match="plan"):
        GatewayConfig(plan="platinum")
    with pytest.raises(ValueError, match="task_duration"):
        GatewayConfig(task_duration=(3.0, 1.0))
    with pytest.raises(TypeError):
        LocalGateway(GatewayConfig(), plan="free")


def test_cli_parses_gateway_serve_options() -> None:
    """`tradepose gateway serve` takes the port, host and fault options."""
    args = build_parser().parse_args(
        ["gateway", "serve", "--port", "9001", "--error-rate", "0.1", "--retry-after-format", "http-date"]
    )
    assert (args.command, args.action, args.port, args.host) == ("gateway", "serve", 9001, "127.0.0.1")
    assert args.error_rate == 0.1 and args.retry_after_format == "http-date"
    assert main(["gateway", "serve", "--error-rate", "2"]) == 1  # one line on stderr, exit 1


def _free_port() -> int:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port: int = free.getsockname()[1]
    return port


@contextlib.contextmanager
def _cli_gateway(*flags: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`tradepose gateway serve` in a subprocess; yields its URL once /health answers, then SIGINTs it."""
    port = _free_port()
    command = [sys.executable, "-c", "import sys; from tradepose._cli import main; sys.exit(main())"]
    process = subprocess.Popen(
        [*command, "gateway", "serve", "--port", str(port), "--api-key", "tp_test_cli", *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            try:
                httpx.get(f"{url}/health")
                break
            except httpx.ConnectError:
                time.sleep(0.05)
        else:
            raise AssertionError("the CLI gateway did not start")
        yield url, process
    finally:
        os.kill(process.pid, signal.SIGINT)
        process.wait(timeout=20)
        if process.stdout is not None:
            process.stdout.close()


def test_cli_serves_in_the_foreground() -> None:
    """`tradepose gateway serve --port N` answers with the given key and exits 0 on SIGINT."""
    with _cli_gateway() as (url, process):
        response = httpx.get(f"{url}/api/v1/billing/plans", headers={"X-API-Key": "tp_test_cli"})
        assert response.status_code == 200
    assert process.returncode == 0


def test_cli_fault_flags_reach_the_server() -> None:
    """Fault flags of `tradepose gateway serve` are in force (here: every API answer is a 5xx)."""
    with _cli_gateway("--error-rate", "1", "--seed", "3") as (url, _):
        response = httpx.get(f"{url}/api/v1/billing/plans", headers={"X-API-Key": "tp_test_cli"})
    assert response.status_code in (500, 502, 503, 504)
    assert "fault injection" in response.json()["detail"]


def test_public_names_are_exported_sorted() -> None:
    """tradepose.testing's sorted __all__ lists exactly the public objects it defines or re-exports."""
    import tradepose.testing as testing

    ours = {
        name
        for name, value in vars(testing).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("tradepose.testing")
    }
    assert testing.__all__ == sorted(testing.__all__)
    assert ours <= set(testing.__all__)
    assert set(testing.__all__) - ours == {"RetryAfterFormat"}  # a Literal alias has no __module__


def test_client_import_does_not_load_the_server_stack() -> None:
    """Importing tradepose (the client) never imports fastapi, uvicorn or tradepose.testing."""
    probe = "import sys, tradepose, tradepose._client._schemas; print(sorted(m for m in ('fastapi', 'uvicorn', 'tradepose.testing') if m in sys.modules))"
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert output.stdout.strip() == "[]"
