"""Result files for the batch engine: each verified, schema-checked and hashed while it is written.

Two ways to a backtest's two frames:

* the Parquet routes, one request per frame (`GET /tasks/{id}/results/{trades,performance}`);
* the ZIP route, one request for both (`GET /tasks/{id}/result`): streamed to a part file, then each
  member is extracted, in bounded chunks and bounded in size (no zip bomb), to its own part file.

Both give the same typed errors for a bad answer: a truncated or damaged file, a missing or extra ZIP
member, a member that is not Parquet -> `ResponseDecodeError`; a frame with another schema ->
`ResultSchemaError`. The caller publishes the part files and records them with the digests returned.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .._errors import APIStatusError, ResponseDecodeError, TradePoseError
from ._downloads import _CONTENT_TYPES, Digest, _incomplete, read_parquet
from ._schemas import ENHANCED_OHLCV_SCHEMA, PERFORMANCE_SCHEMA, TRADES_SCHEMA

if TYPE_CHECKING:
    from ._async_client import AsyncTradePoseClient

__all__ = [
    "BACKTEST_MEMBERS",
    "MAX_ZIP_RATIO",
    "extract_backtest_zip",
    "fetch_backtest_zip",
    "fetch_result_file",
    "zip_route_answer",
]

# The members of the backtest ZIP, exactly these: logical result name -> member name.
BACKTEST_MEMBERS: Final[Mapping[str, str]] = {"trades": "trades.parquet", "performance": "performance.parquet"}
# A member may inflate to at most this many times its compressed size (plus one chunk): Parquet is already
# compressed, so a legitimate archive is far below it; a zip bomb is refused before it fills the disk.
MAX_ZIP_RATIO: Final = 100
_SCHEMAS: Final[Mapping[str, Mapping[str, Any] | None]] = {
    "trades": TRADES_SCHEMA,
    "performance": PERFORMANCE_SCHEMA,
    "enhanced_ohlcv": ENHANCED_OHLCV_SCHEMA,
    "on_demand_ohlcv": None,
}
# Answers to the ZIP route that say the gateway does not serve it at all (no such method / not built).
_NOT_SERVED: Final = frozenset({405, 501})
_CHUNK: Final = 1 << 20  # bytes per read while extracting: memory stays bounded by this


def zip_route_answer(exc: TradePoseError) -> str:
    """What a failed ZIP download says about the route: "not served", "maybe not served" or "other".

    405 and 501 mean the gateway has no such route. A 404 is "maybe": it is also the answer for a task
    the gateway does not know, so only a Parquet download of the same task that then succeeds proves the
    route missing. So is a 2xx that is not a ZIP at all (say, JSON from a catch-all route). Anything else
    (5xx after retries, a truncated or damaged archive, a schema mismatch) is about this task.
    """
    if isinstance(exc, APIStatusError):
        if exc.status_code in _NOT_SERVED:
            return "not served"
        if exc.status_code == 404:
            return "maybe not served"
    if isinstance(exc, ResponseDecodeError) and exc.response is not None and exc.response.is_success:
        content_type = exc.response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if content_type and content_type not in _CONTENT_TYPES["zip"]:
            return "maybe not served"
    return "other"


async def fetch_result_file(client: AsyncTradePoseClient, task_id: str, name: str, dest: Path) -> tuple[str, int]:
    """Download result `name` of a task to `dest` via its Parquet route; verified; `(sha256, size)`."""
    from tradepose_api.api.tasks import download_enhanced_ohlcv, download_on_demand_ohlcv, download_task_result
    from tradepose_api.models.result_type import ResultType

    if name in ("trades", "performance"):
        kwargs = client._result_kwargs(download_task_result, task_id, result_type=ResultType(name))
    else:
        endpoint = download_enhanced_ohlcv if name == "enhanced_ohlcv" else download_on_demand_ohlcv
        kwargs = client._result_kwargs(endpoint, task_id)
    digest = Digest()
    response = await client._fetch_file(kwargs, "parquet", dest, digest)
    schema = _SCHEMAS[name]
    await client._clock.offload(lambda: read_parquet(dest, lazy=True, schema=schema, what=name, response=response))
    return digest.value


async def fetch_backtest_zip(
    client: AsyncTradePoseClient, task_id: str, archive: Path, dests: Mapping[str, Path]
) -> dict[str, tuple[str, int]]:
    """Download a backtest's ZIP to `archive`, extract `dests` (name -> file) from it; their digests.

    The archive is removed afterwards; the extracted files are verified Parquet with the right schema.
    """
    from tradepose_api.api.tasks import download_backtest_result

    kwargs = client._result_kwargs(download_backtest_result, task_id)

    def extract() -> dict[str, tuple[str, int]]:
        try:
            return extract_backtest_zip(archive, dests)
        finally:
            archive.unlink(missing_ok=True)

    try:
        await client._fetch_file(kwargs, "zip", archive)
    except BaseException:
        await client._clock.offload(partial(archive.unlink, missing_ok=True))
        raise
    return await client._clock.offload(extract)


def extract_backtest_zip(archive: Path, dests: Mapping[str, Path]) -> dict[str, tuple[str, int]]:
    """Extract the backtest members named in `dests` (e.g. "trades") from `archive`, verified and hashed.

    The archive must hold exactly `trades.parquet` and `performance.parquet`. Each member is copied in
    chunks (bounded memory) and may not inflate past `MAX_ZIP_RATIO` times its compressed size; its
    CRC is checked by `zipfile` as the last chunk is read. Raises ResponseDecodeError (ResultSchemaError
    for a schema mismatch); on error the files in `dests` may be partly written (the caller removes them).
    """
    digests: dict[str, tuple[str, int]] = {}
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = {info.filename: info for info in zf.infolist()}
            expected = set(BACKTEST_MEMBERS.values())
            missing, extra = sorted(expected - infos.keys()), sorted(infos.keys() - expected)
            if missing or extra or len(zf.infolist()) != len(expected):
                raise ResponseDecodeError(
                    f"backtest ZIP must hold exactly {sorted(expected)}: "
                    f"missing {missing or 'none'}, unexpected {extra or 'none (a duplicated member)'}"
                )
            for name, dest in dests.items():
                info = infos[BACKTEST_MEMBERS[name]]
                digests[name] = _extract_member(zf, info, dest)
                read_parquet(dest, lazy=True, schema=_SCHEMAS[name], what=f"{info.filename} in the backtest ZIP",
                             response=None)  # fmt: skip
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError) as exc:
        raise ResponseDecodeError(f"backtest ZIP could not be read: {type(exc).__name__}: {exc}") from exc
    return digests


def _extract_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path) -> tuple[str, int]:
    limit = MAX_ZIP_RATIO * max(info.compress_size, 1) + _CHUNK
    if info.file_size > limit:
        raise ResponseDecodeError(
            f"backtest ZIP member {info.filename!r} claims {info.file_size} bytes from {info.compress_size} "
            f"compressed: more than {MAX_ZIP_RATIO}x, refused as a zip bomb"
        )
    digest = Digest()
    with zf.open(info) as source, dest.open("wb") as sink:
        while chunk := source.read(_CHUNK):
            if digest.size + len(chunk) > limit:
                raise ResponseDecodeError(f"backtest ZIP member {info.filename!r} inflates past its bound")
            sink.write(chunk)
            digest.update(chunk)
    if digest.size != info.file_size:
        raise ResponseDecodeError(
            f"backtest ZIP member {info.filename!r} has {digest.size} bytes, its header says {info.file_size}"
        )
    problem = _incomplete(dest, "parquet", digest.size, None)
    if problem is not None:
        raise ResponseDecodeError(f"backtest ZIP member {info.filename!r} is not a Parquet file: {problem}")
    return digest.value
