"""Running the gateway app under uvicorn: in a background thread, or in the foreground for the CLI."""

from __future__ import annotations

import contextlib
import socket
import tempfile
import threading
import time
from pathlib import Path
from typing import Final

import uvicorn

from tradepose.testing._app import build_app
from tradepose.testing._runtime import GatewayConfig, GatewayRuntime
from tradepose.testing._spec import Spec

__all__ = ["ServerThread", "serve_forever"]

_START_TIMEOUT: Final = 10.0


def _bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit this: no Nagle delay between a response's header and body writes.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _uvicorn_config(runtime: GatewayRuntime, log_level: str) -> uvicorn.Config:
    return uvicorn.Config(
        build_app(runtime),
        log_level=log_level,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=2,
        timeout_keep_alive=5,
    )


class ServerThread:
    """A uvicorn server on a pre-bound loopback socket, run in a daemon thread."""

    def __init__(self, config: GatewayConfig, host: str = "127.0.0.1", port: int = 0) -> None:
        self.config = config
        self._workdir = tempfile.TemporaryDirectory(prefix="tradepose-gateway-")
        try:
            self.runtime = GatewayRuntime(config, Path(self._workdir.name), Spec.load())
            self._socket = _bind(host, port)
        except BaseException:
            self._workdir.cleanup()
            raise
        self.host, self.port = self._socket.getsockname()[:2]
        self._server = uvicorn.Server(_uvicorn_config(self.runtime, "warning"))
        self._thread = threading.Thread(target=self._run, name=f"LocalGateway:{self.port}", daemon=True)
        self._error: BaseException | None = None

    def _run(self) -> None:
        try:
            self._server.run(sockets=[self._socket])
        except BaseException as error:  # noqa: BLE001 - the server thread's end, re-raised by start()
            self._error = error

    def start(self) -> None:
        """Start serving; returns once the server accepts connections."""
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._server.started:
            if self._error is not None or not self._thread.is_alive():
                self.stop()
                raise RuntimeError(f"LocalGateway failed to start: {self._error!r}")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError("LocalGateway did not start in time")
            time.sleep(0.005)

    def stop(self) -> None:
        """Stop the server, join its thread, close the socket, delete result files."""
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout=15)
        self._socket.close()
        with contextlib.suppress(OSError):
            self._workdir.cleanup()


def serve_forever(config: GatewayConfig, host: str, port: int) -> None:
    """Run the gateway in the foreground until interrupted (Ctrl-C)."""
    with tempfile.TemporaryDirectory(prefix="tradepose-gateway-") as workdir:
        runtime = GatewayRuntime(config, Path(workdir), Spec.load())
        sock = _bind(host, port)
        try:
            print(f"TradePose local gateway on http://{host}:{sock.getsockname()[1]}", flush=True)
            print(f"API key: {runtime.auth.api_key}", flush=True)
            print(f"JWT:     {runtime.auth.jwt}", flush=True)
            uvicorn.Server(_uvicorn_config(runtime, "info")).run(sockets=[sock])
        finally:
            sock.close()
