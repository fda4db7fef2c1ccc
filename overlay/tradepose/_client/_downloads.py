"""Result downloads: stream to a file in large chunks, verify, decode with Polars, check the schema.

The hot path is `curl -o file && pl.read_parquet(file)`: the body goes straight from the socket to a file
(no whole-body `.content` copy), is checked for completeness (`Content-Length`, `PAR1` at both ends; a
truncated body is downloaded again, a bounded number of times) and read with `pl.read_parquet`.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal

import httpx
import polars as pl

from .. import _constants as C
from .._clock import Clock
from .._errors import APITimeoutError, ResponseDecodeError, ResultSchemaError
from .._http._transport import DEADLINE_EXTENSION
from ._operations import connection_error, raise_for_status, retries_taken

__all__ = [
    "ACCEPT",
    "Digest",
    "FileKind",
    "check_schema",
    "download_file",
    "download_file_async",
    "read_backtest_zip",
    "read_backtest_zip_async",
    "read_parquet",
    "read_parquet_async",
]

logger = logging.getLogger("tradepose")

FileKind = Literal["parquet", "zip"]
ACCEPT: dict[FileKind, str] = {
    "parquet": "application/vnd.apache.parquet, application/octet-stream;q=0.9",
    "zip": "application/zip, application/octet-stream;q=0.9",
}
_CONTENT_TYPES: dict[FileKind, tuple[str, ...]] = {
    "parquet": ("application/vnd.apache.parquet", "application/x-parquet", "application/parquet",
                "application/octet-stream", "binary/octet-stream"),
    "zip": ("application/zip", "application/x-zip-compressed", "application/octet-stream", "binary/octet-stream"),
}  # fmt: skip
_PARQUET_MAGIC = b"PAR1"
# A transport error after the headers arrived means the body is incomplete: fetch it again.
_BODY_ERRORS = httpx.TransportError


def _check_content_type(response: httpx.Response, kind: FileKind) -> None:
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type and content_type not in _CONTENT_TYPES[kind]:
        raise ResponseDecodeError(
            f"{response.request.url.path}: expected a {kind} file but got Content-Type {content_type!r}",
            response=response,
            retries_taken=retries_taken(response.request),
        )


def _is_encoded(response: httpx.Response) -> bool:
    encoding: str = response.headers.get("content-encoding", "identity")
    return encoding.strip().lower() != "identity"


def _expected_length(response: httpx.Response) -> int | None:
    if _is_encoded(response):
        return None  # the header counts encoded bytes; we count decoded ones
    raw = response.headers.get("content-length")
    return int(raw) if raw is not None and raw.isdigit() else None


def _incomplete(path: Path, kind: FileKind, written: int, expected: int | None) -> str | None:
    """Why the file at `path` is not a complete download, or None."""
    if expected is not None and written != expected:
        return f"got {written} of {expected} bytes"
    if kind == "zip":
        return None if zipfile.is_zipfile(path) else "not a complete ZIP archive"
    if written < 2 * len(_PARQUET_MAGIC) + 4:
        return f"{written} bytes is too short for a Parquet file"
    with path.open("rb") as f:
        head = f.read(4)
        f.seek(-4, os.SEEK_END)
        tail = f.read(4)
    if head != _PARQUET_MAGIC or tail != _PARQUET_MAGIC:
        return "no PAR1 magic at both ends (truncated or not Parquet)"
    return None


class Digest:
    """sha256 and size of a file's bytes, computed as they are written (never by reading the file back)."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self.size = 0

    def reset(self) -> None:
        """Start over (a new download attempt rewrites the file from its first byte)."""
        self._hash = hashlib.sha256()
        self.size = 0

    def update(self, chunk: bytes) -> None:
        self._hash.update(chunk)
        self.size += len(chunk)

    @property
    def value(self) -> tuple[str, int]:
        """`(sha256 hex, size)`, the form `Journal.record_result(digest=...)` takes."""
        return self._hash.hexdigest(), self.size


class _Deadline:
    """One download's whole deadline, across its attempts, on the injected clock."""

    def __init__(self, clock: Clock, seconds: float) -> None:
        self.clock, self.seconds = clock, seconds
        self.at = clock.monotonic() + seconds

    def stamp(self, request: httpx.Request) -> httpx.Request:
        """Give the attempt what is left (the transport bounds connect, headers and retries by it)."""
        self.check(request, 0)
        request.extensions[DEADLINE_EXTENSION] = self.at - self.clock.monotonic()
        return request

    def check(self, request: httpx.Request, written: int) -> None:
        if self.clock.monotonic() >= self.at:
            raise APITimeoutError(
                f"{request.method} {request.url}: download not complete within the {self.seconds:g}s download "
                f"deadline ({written} bytes received); raise download_deadline for very large results",
                request=request,
                retries_taken=retries_taken(request),
            )


def _give_up(url: str, attempts: int, problem: str, response: httpx.Response | None) -> ResponseDecodeError:
    return ResponseDecodeError(
        f"{url}: download incomplete after {attempts} attempt{'s' if attempts != 1 else ''}: {problem}",
        response=response,
        retries_taken=retries_taken(response.request) if response is not None else 0,
    )


def download_file(
    http: httpx.Client,
    make_request: Callable[[], httpx.Request],
    dest: Path,
    kind: FileKind,
    clock: Clock,
    *,
    attempts: int,
    deadline: float = C.DEFAULT_DOWNLOAD_DEADLINE,
    digest: Digest | None = None,
) -> httpx.Response:
    """Stream a file download into `dest`, fetching a truncated body again (at most `attempts` in all).

    Returns the final response; raises ResponseDecodeError if no attempt gave a complete file. A `digest`
    is fed the bytes as they are written (reset per attempt), so it matches the file when this returns.
    """
    problem, response = "", None
    budget = _Deadline(clock, deadline)
    for attempt in range(attempts):
        request = budget.stamp(make_request())
        try:
            response = http.send(request, stream=True)
        except httpx.RequestError as exc:
            raise connection_error(exc, request) from exc
        written, expected = 0, None
        try:
            if not response.is_success:
                response.read()
                raise_for_status(response, clock)
            _check_content_type(response, kind)
            expected = _expected_length(response)
            # Unencoded bodies skip httpx's decoder: the bytes go from the socket to the file untouched.
            decoded = _is_encoded(response) or response.is_stream_consumed  # consumed: already in memory
            chunks = response.iter_bytes if decoded else response.iter_raw
            if digest is not None:
                digest.reset()
            with dest.open("wb") as sink:
                for chunk in chunks(C.DOWNLOAD_CHUNK_SIZE):
                    sink.write(chunk)
                    if digest is not None:
                        digest.update(chunk)
                    written += len(chunk)
                    budget.check(request, written)
        except _BODY_ERRORS as exc:
            logger.warning("download of %s broke off after %d bytes: %s", request.url.path, written, exc)
        except httpx.DecodingError as exc:
            raise ResponseDecodeError(
                f"{request.url.path}: body could not be decoded: {exc}", response=response
            ) from exc
        finally:
            response.close()
        found = _incomplete(dest, kind, written, expected)
        if found is None:
            return response
        problem = found
        logger.warning("download of %s incomplete (%s); attempt %d", request.url.path, problem, attempt + 1)
    raise _give_up(str(response.request.url.path) if response else "", attempts, problem, response)


async def download_file_async(
    http: httpx.AsyncClient,
    make_request: Callable[[], httpx.Request],
    dest: Path,
    kind: FileKind,
    clock: Clock,
    *,
    attempts: int,
    deadline: float = C.DEFAULT_DOWNLOAD_DEADLINE,
    digest: Digest | None = None,
) -> httpx.Response:
    """Async mirror of `download_file` (file writes are local and brief, so they stay synchronous)."""
    problem, response = "", None
    budget = _Deadline(clock, deadline)
    for attempt in range(attempts):
        request = budget.stamp(make_request())
        try:
            response = await http.send(request, stream=True)
        except httpx.RequestError as exc:
            raise connection_error(exc, request) from exc
        written, expected = 0, None
        try:
            if not response.is_success:
                await response.aread()
                raise_for_status(response, clock)
            _check_content_type(response, kind)
            expected = _expected_length(response)
            decoded = _is_encoded(response) or response.is_stream_consumed
            achunks = response.aiter_bytes if decoded else response.aiter_raw
            if digest is not None:
                digest.reset()
            with dest.open("wb") as sink:
                async for chunk in achunks(C.DOWNLOAD_CHUNK_SIZE):
                    sink.write(chunk)
                    if digest is not None:
                        digest.update(chunk)
                    written += len(chunk)
                    budget.check(request, written)
        except _BODY_ERRORS as exc:
            logger.warning("download of %s broke off after %d bytes: %s", request.url.path, written, exc)
        except httpx.DecodingError as exc:
            raise ResponseDecodeError(
                f"{request.url.path}: body could not be decoded: {exc}", response=response
            ) from exc
        finally:
            await response.aclose()
        found = _incomplete(dest, kind, written, expected)
        if found is None:
            return response
        problem = found
        logger.warning("download of %s incomplete (%s); attempt %d", request.url.path, problem, attempt + 1)
    raise _give_up(str(response.request.url.path) if response else "", attempts, problem, response)


def check_schema(actual: Mapping[str, Any], expected: Mapping[str, Any], *, what: str) -> None:
    """Raise ResultSchemaError naming the first expected column that is missing or has another dtype.

    Extra columns are allowed, so a gateway that adds a column does not break older SDKs.
    """
    for name, dtype in expected.items():
        if name not in actual:
            raise ResultSchemaError(f"{what}: column {name!r} is missing", column=name)
        if actual[name] != dtype:
            raise ResultSchemaError(f"{what}: column {name!r} has dtype {actual[name]}, expected {dtype}", column=name)


def read_parquet(
    path: Path,
    *,
    lazy: bool,
    schema: Mapping[str, Any] | None,
    what: str,
    response: httpx.Response | None,
    clock: Clock | None = None,
) -> pl.DataFrame | pl.LazyFrame:
    """Decode a verified Parquet file (eagerly, or as a scan over it) and check it against `schema`.

    It decodes on the calling thread; `clock` is taken for the sync client, which mirrors the async one's
    call of `read_parquet_async`.
    """
    del clock
    try:
        frame: pl.DataFrame | pl.LazyFrame = pl.scan_parquet(path) if lazy else pl.read_parquet(path)
        columns = frame.collect_schema() if isinstance(frame, pl.LazyFrame) else frame.schema
    except Exception as exc:  # polars raises its own ComputeError/OSError family on corrupt files
        raise ResponseDecodeError(f"{what}: not a readable Parquet file: {exc}", response=response) from exc
    if schema is not None:
        check_schema(columns, schema, what=what)
    return frame


async def read_parquet_async(
    path: Path,
    *,
    lazy: bool,
    schema: Mapping[str, Any] | None,
    what: str,
    response: httpx.Response | None,
    clock: Clock,
) -> pl.DataFrame | pl.LazyFrame:
    """`read_parquet` in a worker thread (`clock.offload`): a large decode does not stall the event loop."""
    return await clock.offload(lambda: read_parquet(path, lazy=lazy, schema=schema, what=what, response=response))


async def read_backtest_zip_async(
    path: Path, *, trades_schema: Mapping[str, Any], performance_schema: Mapping[str, Any], clock: Clock
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`read_backtest_zip` in a worker thread (`clock.offload`)."""
    return await clock.offload(
        lambda: read_backtest_zip(path, trades_schema=trades_schema, performance_schema=performance_schema)
    )


def read_backtest_zip(
    path: Path,
    *,
    trades_schema: Mapping[str, Any],
    performance_schema: Mapping[str, Any],
    clock: Clock | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read `trades.parquet` and `performance.parquet` from a backtest ZIP, checking both schemas.

    On the calling thread; `clock` as for `read_parquet`.
    """
    del clock
    frames: list[pl.DataFrame] = []
    try:
        with zipfile.ZipFile(path) as archive:
            for member, schema in (("trades.parquet", trades_schema), ("performance.parquet", performance_schema)):
                try:
                    data = archive.read(member)
                except KeyError:
                    raise ResponseDecodeError(f"backtest ZIP has no {member!r} member") from None
                frame = pl.read_parquet(io.BytesIO(data))
                check_schema(frame.schema, schema, what=member)
                frames.append(frame)
    except (zipfile.BadZipFile, pl.exceptions.PolarsError, OSError) as exc:
        raise ResponseDecodeError(f"backtest ZIP could not be read: {exc}") from exc
    return frames[0], frames[1]
