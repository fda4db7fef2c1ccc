"""The backtest ZIP's extraction for the batch engine: verified, bounded, hashed while written."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from tests.overlay._overlay_support import parquet_bytes
from tests.overlay.batch._virtual import PERFORMANCE, TRADES, zip_of
from tradepose._client._result_files import MAX_ZIP_RATIO, extract_backtest_zip, zip_route_answer
from tradepose._errors import NotFoundError, ResponseDecodeError, ResultSchemaError, TradePoseError

GOOD = {"trades.parquet": parquet_bytes(TRADES), "performance.parquet": parquet_bytes(PERFORMANCE)}


def _dests(tmp_path: Path) -> dict[str, Path]:
    return {"trades": tmp_path / "trades.part", "performance": tmp_path / "performance.part"}


def test_members_are_extracted_with_the_digest_of_the_bytes_written(tmp_path: Path) -> None:
    """Each member lands in its file; the digest returned is that file's sha256 and size."""
    archive = tmp_path / "r.zip"
    archive.write_bytes(zip_of(GOOD, zipfile.ZIP_DEFLATED))
    digests = extract_backtest_zip(archive, _dests(tmp_path))
    for name, dest in _dests(tmp_path).items():
        data = dest.read_bytes()
        assert data == GOOD[f"{name}.parquet"]
        assert digests[name] == (hashlib.sha256(data).hexdigest(), len(data))


def _truncated() -> bytes:
    data = zip_of(GOOD)
    return data[: len(data) // 2]


def _damaged_member() -> bytes:
    data = bytearray(zip_of(GOOD))
    at = data.index(b"PAR1") + 100  # inside the trades member's bytes: the CRC no longer matches
    data[at] ^= 0xFF
    return bytes(data)


BAD_ARCHIVES = {
    "truncated": (_truncated, ResponseDecodeError, "could not be read"),
    "damaged member": (_damaged_member, ResponseDecodeError, "could not be read"),
    "missing member": (lambda: zip_of({"trades.parquet": GOOD["trades.parquet"]}), ResponseDecodeError,
                       "missing \\['performance.parquet'\\]"),
    "extra member": (lambda: zip_of({**GOOD, "notes.txt": b"hi"}), ResponseDecodeError, "unexpected \\['notes.txt'\\]"),
    "member not parquet": (lambda: zip_of({**GOOD, "trades.parquet": b"PAR1 but not really"}), ResponseDecodeError,
                           "not a Parquet file"),
    "frames swapped": (lambda: zip_of({"trades.parquet": GOOD["performance.parquet"],
                                       "performance.parquet": GOOD["trades.parquet"]}), ResultSchemaError, "missing"),
    "zip bomb": (lambda: zip_of({**GOOD, "trades.parquet": b"\0" * (MAX_ZIP_RATIO * 40_000)}, zipfile.ZIP_DEFLATED),
                 ResponseDecodeError, "zip bomb"),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_ARCHIVES)
def test_a_bad_archive_is_a_typed_error(case: str, tmp_path: Path) -> None:
    """Truncated, damaged, missing/extra member, not Parquet, wrong schema, zip bomb: each a typed error."""
    make, error, message = BAD_ARCHIVES[case]
    archive = tmp_path / "r.zip"
    archive.write_bytes(make())
    with pytest.raises(error, match=message):
        extract_backtest_zip(archive, _dests(tmp_path))


def test_a_bomb_is_refused_before_it_is_written(tmp_path: Path) -> None:
    """A member claiming far more than MAX_ZIP_RATIO times its compressed size writes nothing big to disk."""
    archive = tmp_path / "r.zip"
    archive.write_bytes(zip_of({**GOOD, "trades.parquet": b"\0" * (MAX_ZIP_RATIO * 200_000)}, zipfile.ZIP_DEFLATED))
    dests = _dests(tmp_path)
    with pytest.raises(ResponseDecodeError, match="zip bomb"):
        extract_backtest_zip(archive, dests)
    assert not dests["trades"].exists() or dests["trades"].stat().st_size == 0


def _status_error(status: int) -> TradePoseError:
    import httpx

    from tradepose._errors import APIStatusError

    response = httpx.Response(status, request=httpx.Request("GET", "http://x/api/v1/tasks/t/result"))
    cls = NotFoundError if status == 404 else APIStatusError
    return cls("no", response=response, body=None)


@pytest.mark.parametrize(
    ("status", "answer"), [(405, "not served"), (501, "not served"), (404, "maybe not served"), (500, "other")]
)
def test_which_answers_mean_the_zip_route_is_not_served(status: int, answer: str) -> None:
    """405/501 prove the ZIP route missing; 404 may also be an unknown task; the rest is about the task."""
    assert zip_route_answer(_status_error(status)) == answer
    assert zip_route_answer(ResponseDecodeError("truncated")) == "other"


def test_a_2xx_that_is_not_a_zip_may_mean_the_route_is_not_served() -> None:
    """JSON from a catch-all route is "maybe not served" (the Parquet routes decide); a ZIP type is not."""
    import httpx

    request = httpx.Request("GET", "http://x/api/v1/tasks/t/result")
    as_json = httpx.Response(200, json={"status": 2}, request=request)
    as_zip = httpx.Response(200, content=b"PK", headers={"content-type": "application/zip"}, request=request)
    assert zip_route_answer(ResponseDecodeError("not a zip", response=as_json)) == "maybe not served"
    assert zip_route_answer(ResponseDecodeError("damaged", response=as_zip)) == "other"
