"""Reading an ordinary (JSON) answer's body within a deadline and a size bound.

httpx's `timeout` applies to each read, so a server sending two bytes a second never trips it; the deadline
here is checked on the injected `Clock` after every chunk (and each read's own timeout is cut to what is
left, so real time holds too). Content encodings are decoded here, incrementally and bounded, so a small
gzip body cannot expand into gigabytes; a body that claims an encoding it does not have is a
`ResponseDecodeError`, not a connection error.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Iterable

import httpx

from .._clock import Clock
from .._errors import ResponseDecodeError

__all__ = ["DeadlineExceeded", "bounded_timeouts", "deadline_error", "decoded_response", "read_body", "read_body_async"]

# Encodings decoded here; `identity` (and anything httpx would not decode either) is passed through.
_ZLIB_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class DeadlineExceeded(httpx.TimeoutException):
    """The whole-request deadline passed (the client reports it as APITimeoutError; it is not retried)."""


def deadline_error(request: httpx.Request, seconds: float) -> DeadlineExceeded:
    return DeadlineExceeded(
        f"no complete answer within the {seconds:g}s request deadline (connect, headers and body)", request=request
    )


def bounded_timeouts(request: httpx.Request, remaining: float) -> None:
    """Cut each of the request's connect/read/write/pool timeouts to the time left before the deadline."""
    current = request.extensions.get("timeout", {})
    left = max(remaining, 0.001)
    request.extensions["timeout"] = {
        key: left if current.get(key) is None else min(float(current[key]), left)
        for key in ("connect", "read", "write", "pool")
    }


def _too_large(request: httpx.Request, limit: int) -> ResponseDecodeError:
    return ResponseDecodeError(
        f"{request.method} {request.url.path}: the answer is larger than the {limit} byte limit for JSON bodies "
        f"(max_json_body_bytes)"
    )


class _Reader:
    """Accumulates raw chunks, failing at the deadline or past the size limit."""

    def __init__(self, request: httpx.Request, clock: Clock, deadline_at: float, seconds: float, limit: int) -> None:
        self.request, self.clock, self.deadline_at, self.seconds, self.limit = (
            request,
            clock,
            deadline_at,
            seconds,
            limit,
        )
        self.parts: list[bytes] = []
        self.size = 0

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise _too_large(self.request, self.limit)
        self.parts.append(chunk)
        if self.clock.monotonic() >= self.deadline_at:
            raise deadline_error(self.request, self.seconds)

    def body(self) -> bytes:
        return b"".join(self.parts)


def read_body(
    request: httpx.Request, response: httpx.Response, clock: Clock, deadline_at: float, seconds: float, limit: int
) -> bytes:
    """The raw (still encoded) body of `response`, read within the deadline and the size limit."""
    reader = _Reader(request, clock, deadline_at, seconds, limit)
    chunks: Iterable[bytes] = response.iter_raw()
    for chunk in chunks:
        reader.add(chunk)
    return reader.body()


async def read_body_async(
    request: httpx.Request, response: httpx.Response, clock: Clock, deadline_at: float, seconds: float, limit: int
) -> bytes:
    """The async `read_body`."""
    reader = _Reader(request, clock, deadline_at, seconds, limit)
    chunks: AsyncIterator[bytes] = response.aiter_raw()
    async for chunk in chunks:
        reader.add(chunk)
    return reader.body()


def _decode(request: httpx.Request, raw: bytes, encoding: str, limit: int) -> bytes:
    try:
        return _inflate(request, raw, _ZLIB_WBITS[encoding], limit)
    except zlib.error as exc:
        if encoding == "deflate":  # some servers send raw deflate without the zlib header
            try:
                return _inflate(request, raw, -zlib.MAX_WBITS, limit)
            except zlib.error:
                pass
        raise ResponseDecodeError(
            f"{request.method} {request.url.path}: the body is labelled {encoding!r} but is not: {exc}"
        ) from None


def _inflate(request: httpx.Request, raw: bytes, wbits: int, limit: int) -> bytes:
    """`raw` decompressed (zlib `wbits`), at most `limit` bytes; `zlib.error` for a damaged or cut stream."""
    decoder = zlib.decompressobj(wbits)
    out = decoder.decompress(raw, limit + 1)
    if len(out) > limit or decoder.unconsumed_tail:
        raise _too_large(request, limit)
    out += decoder.flush()
    if not decoder.eof:
        raise zlib.error("the compressed stream is incomplete")
    if len(out) > limit:
        raise _too_large(request, limit)
    return out


def decoded_response(req: httpx.Request, response: httpx.Response, raw: bytes, limit: int) -> httpx.Response:
    """A response serving `raw` decoded (bounded) when its encoding is one decoded here, else as it came."""
    encodings = [e.strip().lower() for e in response.headers.get("content-encoding", "").split(",") if e.strip()]
    headers = response.headers
    if encodings and all(e in _ZLIB_WBITS or e == "identity" for e in encodings):
        for encoding in reversed(encodings):
            if encoding != "identity":
                raw = _decode(req, raw, encoding, limit)
        headers = httpx.Headers([(k, v) for k, v in response.headers.multi_items()
                                 if k.lower() not in ("content-encoding", "content-length")])  # fmt: skip
    return httpx.Response(response.status_code, headers=headers, stream=httpx.ByteStream(raw),
                          extensions=response.extensions, request=req)  # fmt: skip
