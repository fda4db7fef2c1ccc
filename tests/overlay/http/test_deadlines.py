"""Whole-request deadlines against dripping bodies, bounded JSON decoding, mislabelled encodings (virtual time)."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from tests.overlay._overlay_support import TASK_ID, Both, FakeClock, task_json
from tradepose import APITimeoutError, ResponseDecodeError, TaskTimeoutError
from tradepose import _constants as C
from tradepose._http._config import ClientConfig

pytestmark = pytest.mark.anyio

# One virtual second per chunk: the "read timeout" of these fake servers.
STEP = 1.0


class Drip(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body sent `size` bytes per chunk, each chunk costing STEP seconds of the fake clock."""

    def __init__(self, clock: FakeClock, body: bytes, size: int = 2) -> None:
        self.clock, self.body, self.size = clock, body, size
        self.sent = 0

    def _chunks(self) -> Iterator[bytes]:
        for start in range(0, len(self.body), self.size):
            self.clock.now += STEP
            self.sent += self.size
            yield self.body[start : start + self.size]

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks():
            yield chunk


# Both.open passes these by default; a test giving config= takes them out.
NO_ARGS: dict[str, None] = {"api_key": None, "server_url": None}


def config(**overrides: float) -> ClientConfig:
    return ClientConfig.resolve(api_key="tp_test_secretkey123", server_url="http://gw.test", env_file=None, env={},
                                **overrides)  # type: ignore[arg-type]  # fmt: skip


async def test_dripping_status_body_ends_at_the_request_deadline(both: Both, clock: FakeClock) -> None:
    """A status answer dripping 2 bytes a second ends with APITimeoutError at the deadline (± one read)."""
    body = b'{"status": 1, "padding": "' + b"x" * 100_000 + b'"}'
    drip = Drip(clock, body)
    start = clock.now

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "application/json"}, stream=drip)

    async with both.open(handler, clock=clock, config=config(request_deadline=10.0), **NO_ARGS) as client:
        with pytest.raises(APITimeoutError, match="10s request deadline"):
            await both.run(client.get_task_status_response(TASK_ID))
    assert 10.0 <= clock.now - start <= 10.0 + STEP
    assert drip.sent < len(body)


async def test_dripping_download_ends_at_the_download_deadline(both: Both, clock: FakeClock) -> None:
    """A Parquet download dripping 2 bytes a second ends with APITimeoutError at its (longer) deadline."""
    body = b"PAR1" + b"\0" * 100_000 + b"PAR1"
    drips: list[Drip] = []
    start = clock.now

    def handler(request: httpx.Request) -> httpx.Response:
        drips.append(Drip(clock, body))
        return httpx.Response(200, headers={"content-type": "application/vnd.apache.parquet"}, stream=drips[-1])

    cfg = config(request_deadline=5.0, download_deadline=30.0)
    async with both.open(handler, clock=clock, config=cfg, **NO_ARGS) as client:
        with pytest.raises(APITimeoutError, match="30s download deadline"):
            await both.run(client.download_trades(TASK_ID))
    assert 30.0 <= clock.now - start <= 30.0 + STEP
    assert len(drips) == 1


def test_download_deadline_defaults_longer_than_the_request_deadline() -> None:
    """Downloads get the larger default; both are configurable through ClientConfig."""
    assert C.DEFAULT_DOWNLOAD_DEADLINE > C.DEFAULT_REQUEST_DEADLINE
    assert config().download_deadline == C.DEFAULT_DOWNLOAD_DEADLINE
    assert (
        ClientConfig.resolve(api_key="tp_x", env_file=None, env={"TRADEPOSE_REQUEST_DEADLINE": "7"}).request_deadline
        == 7.0
    )


async def test_poll_timeout_holds_against_a_dripping_status(both: Both, clock: FakeClock) -> None:
    """poll_until_complete(timeout=3) ends by its deadline (± one read) although each status drips forever."""
    start = clock.now

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Drip(clock, b'{"status": 1' + b" " * 100_000 + b"}"))

    async with both.open(handler, clock=clock) as client:
        with pytest.raises(TaskTimeoutError):
            await both.run(client.poll_until_complete(TASK_ID, timeout=3.0))
    assert clock.now - start <= 3.0 + STEP


async def test_gzip_bomb_is_refused_naming_the_limit(both: Both) -> None:
    """A small gzip body that would decode past the JSON size limit is a ResponseDecodeError naming it."""
    squeezer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1 << 20)
    parts = [squeezer.compress(block) for _ in range(C.MAX_JSON_BODY_BYTES // len(block) + 2)]
    bomb = b"".join(parts) + squeezer.flush()
    assert len(bomb) < C.MAX_JSON_BODY_BYTES // 100

    def handler(request: httpx.Request) -> httpx.Response:
        stream = Drip(FakeClock(), bomb, size=64 * 1024)
        return httpx.Response(200, headers={"content-encoding": "gzip", "content-type": "application/json"},
                              stream=stream)  # fmt: skip

    async with both.open(handler) as client:
        with pytest.raises(ResponseDecodeError, match=f"{C.MAX_JSON_BODY_BYTES} byte limit"):
            await both.run(client.get_task_status_response(TASK_ID))


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_body_labelled_gzip_that_is_not_is_a_decode_error(both: Both, encoding: str) -> None:
    """A body whose Content-Encoding lies is ResponseDecodeError (not APIConnectionError)."""

    def handler(request: httpx.Request) -> httpx.Response:
        stream = Drip(FakeClock(), b'{"status": 2}', size=64)
        return httpx.Response(200, headers={"content-encoding": encoding}, stream=stream)

    async with both.open(handler) as client:
        with pytest.raises(ResponseDecodeError, match=f"labelled '{encoding}'"):
            await both.run(client.get_task_status_response(TASK_ID))


async def test_gzip_answer_is_decoded(both: Both) -> None:
    """An honest gzip answer still decodes (decoding moved into the transport)."""
    body = gzip.compress(httpx.Response(200, json=task_json(2)).content)

    def handler(request: httpx.Request) -> httpx.Response:
        stream = Drip(FakeClock(), body, size=7)
        return httpx.Response(200, headers={"content-encoding": "gzip", "content-type": "application/json"},
                              stream=stream)  # fmt: skip

    async with both.open(handler) as client:
        meta = await both.run(client.poll_until_complete(TASK_ID))
    assert meta.status == 2
