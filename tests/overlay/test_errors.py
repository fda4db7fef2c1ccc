"""The exception tree: each status maps to its class with status, request id and parsed body."""

from __future__ import annotations

import httpx
import pytest

from tests.overlay._overlay_support import TASK_ID, Both, task_json
from tradepose import (
    APIStatusError,
    AuthenticationError,
    ConflictError,
    FieldError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    TradePoseError,
    UnprocessableEntityError,
)
from tradepose._errors import status_error_from_response

pytestmark = pytest.mark.anyio

FASTAPI_422 = {
    "detail": [
        {"loc": ["body", "strategy_configs", 0, "name"], "msg": "Field required", "type": "missing"},
        {"loc": ["query", "limit"], "msg": "Input should be a valid integer", "type": "int_parsing"},
    ]
}


def _response(status: int, **kwargs: object) -> httpx.Response:
    request = httpx.Request("GET", "http://gw.test/api/v1/strategies")
    return httpx.Response(status, request=request, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, APIStatusError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (418, APIStatusError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (501, InternalServerError),
        (503, InternalServerError),
    ],
)
async def test_status_codes_raise_their_class(both: Both, status: int, cls: type[APIStatusError]) -> None:
    """Each non-2xx status raises its typed error, with status_code, request_id and parsed body."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json={"detail": "nope"}, headers={"X-Request-ID": "req-42"})

    async with both.open(handler, max_retries=0) as client:
        with pytest.raises(cls) as info:
            await both.run(client.strategies.list_strategies())
    err = info.value
    assert type(err) is cls
    assert isinstance(err, TradePoseError)
    assert err.status_code == status
    assert err.request_id == "req-42"
    assert err.body == {"detail": "nope"}
    assert err.response.status_code == status
    assert f"{status}: nope" in str(err)


def test_cloudflare_520_with_html_keeps_the_raw_text() -> None:
    """A non-standard 5xx with an HTML body is still an APIStatusError whose body is the raw text."""
    html = "<html><head><title>520: Web server is returning an unknown error</title></head><body>x</body></html>"
    err = status_error_from_response(_response(520, text=html, headers={"content-type": "text/html"}))
    assert isinstance(err, InternalServerError)
    assert err.status_code == 520
    assert err.body == html
    assert "520: <html>" in str(err)


def test_422_parses_fastapi_field_errors() -> None:
    """FastAPI's `detail` list becomes FieldError items with a dotted field path."""
    err = status_error_from_response(_response(422, json=FASTAPI_422))
    assert isinstance(err, UnprocessableEntityError)
    assert err.errors == [
        FieldError(loc=("body", "strategy_configs", 0, "name"), msg="Field required", type="missing"),
        FieldError(loc=("query", "limit"), msg="Input should be a valid integer", type="int_parsing"),
    ]
    assert [e.field for e in err.errors] == ["strategy_configs.0.name", "limit"]
    assert "strategy_configs.0.name: Field required" in str(err)


@pytest.mark.parametrize(
    "body", [[1, 2, 3], "plain text", {"error": "x"}, {"message": "m"}, {"detail": None}, "", {"detail": [1]}]
)
def test_odd_error_bodies_never_crash(body: object) -> None:
    """JSON arrays, plain text, empty bodies and odd shapes all give an APIStatusError."""
    kwargs = {"text": body} if isinstance(body, str) else {"json": body}
    err = status_error_from_response(_response(400, **kwargs))
    assert type(err) is APIStatusError
    assert err.status_code == 400


def test_long_bodies_are_truncated_in_the_message() -> None:
    """A huge error page does not flood the exception message."""
    err = status_error_from_response(_response(502, text="x" * 10_000))
    assert len(str(err)) < 400


def test_rate_limit_error_carries_retry_after() -> None:
    """RateLimitError exposes the wait the server asked for."""
    err = status_error_from_response(_response(429, json={"detail": "slow"}), retry_after=3.0, retries_taken=2)
    assert isinstance(err, RateLimitError)
    assert (err.retry_after, err.retries_taken) == (3.0, 2)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, task_json(status=2, export_type=99)),  # unknown enum value
        (200, {"task_id": TASK_ID}),  # missing required fields
        (200, "not json"),
        (201, task_json()),  # a 2xx the spec does not document
    ],
)
async def test_bad_2xx_bodies_raise_response_decode_error(both: Both, status: int, body: object) -> None:
    """An undecodable 2xx raises ResponseDecodeError keeping the raw response, never ValueError/KeyError."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, text=body) if isinstance(body, str) else httpx.Response(status, json=body)

    async with both.open(handler) as client:
        with pytest.raises(ResponseDecodeError) as info:
            await both.run(client.tasks.get_task_status(task_id=TASK_ID))
    assert info.value.response is not None
    assert info.value.response.status_code == status
