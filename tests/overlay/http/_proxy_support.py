"""A small HTTP forward proxy on 127.0.0.1 for the proxy tests: one request per connection, bounded.

It connects every absolute-form request to 127.0.0.1 at the URL's port, whatever the host name says, so a
made-up host (`tradepose-gw.invalid`) is reachable only through it. `fail_first` answers that many GET
requests 503 before forwarding any, to show the client's retries work through a proxy.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import urllib.parse
from types import TracebackType

__all__ = ["ForwardProxy"]

_TIMEOUT = 10.0
_MAX_HEAD = 64 * 1024


def _read_head(sock: socket.socket) -> tuple[bytes, bytes]:
    """Bytes up to the blank line after the headers, and whatever arrived after them."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk or len(data) > _MAX_HEAD:
            raise ConnectionError("incomplete request head")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


class ForwardProxy:
    """Plain-HTTP forward proxy; records every absolute URL it was asked for."""

    def __init__(self, *, fail_first: int = 0, max_requests: int = 2000) -> None:
        self.urls: list[str] = []
        self.proxy_auth: list[str | None] = []  # each request's Proxy-Authorization, in order
        self.failed = 0
        self._fail_first = fail_first
        self._max_requests = max_requests
        self._lock = threading.Lock()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._serve(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="forward-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> ForwardProxy:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(_TIMEOUT)
        try:
            head, rest = _read_head(client)
            line, *header_lines = head.decode("latin-1").split("\r\n")
            method, target, _version = line.split(" ", 2)
            headers = [h.split(":", 1) for h in header_lines if ":" in h]
            length = next((int(v) for k, v in headers if k.strip().lower() == "content-length"), 0)
            while len(rest) < length:
                chunk = client.recv(65536)
                if not chunk:
                    return
                rest += chunk
            parts = urllib.parse.urlsplit(target)
            with self._lock:
                if len(self.urls) >= self._max_requests:
                    return
                self.urls.append(target)
                self.proxy_auth.append(next((v.strip() for k, v in headers if k.strip().lower() == "proxy-authorization"),
                                            None))  # fmt: skip
                fail = method == "GET" and self.failed < self._fail_first
                self.failed += fail
            if fail:
                client.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            hop = ("connection", "proxy-connection", "proxy-authorization")
            kept = [(k, v) for k, v in headers if k.strip().lower() not in hop]
            upstream_head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}:{v}\r\n" for k, v in kept)
            upstream_head += "Connection: close\r\n\r\n"
            with socket.create_connection(("127.0.0.1", parts.port or 80), timeout=_TIMEOUT) as upstream:
                upstream.sendall(upstream_head.encode("latin-1") + rest)
                answer_head, answer_rest = _read_head(upstream)
                status, *answer_lines = answer_head.decode("latin-1").split("\r\n")
                answer_lines = [h for h in answer_lines if not h.lower().startswith("connection:")]
                out = "\r\n".join([status, *answer_lines, "Connection: close"]) + "\r\n\r\n"
                client.sendall(out.encode("latin-1") + answer_rest)
                while chunk := upstream.recv(65536):
                    client.sendall(chunk)
        except (OSError, ValueError):
            return
        finally:
            client.close()
