"""The pure retry decisions: which failures are retried, how long to wait, how Retry-After is read."""

from __future__ import annotations

import pytest

from tradepose._http._retry import Failure, RetryPolicy, is_idempotent, parse_retry_after, retry_delay, should_retry

NOW = 1_700_000_000.0  # 2023-11-14T22:13:20Z
DATE = "Tue, 14 Nov 2023 22:13:20 GMT"  # == NOW


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "5"}, 5.0),
        ({"Retry-After": "1.5"}, 1.5),
        ({"Retry-After": " 7 "}, 7.0),
        ({"retry-after": "0"}, 0.0),
        ({"Retry-After": "-3"}, None),
        ({"Retry-After": "abc"}, None),
        ({"Retry-After": ""}, None),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "inf"}, None),
        ({"Retry-After": "1e400"}, None),
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "garbage", "Retry-After": "2"}, 2.0),
        ({"retry-after-ms": "-5"}, None),
        ({"Retry-After": "Tue, 14 Nov 2023 22:13:30 GMT", "Date": DATE}, 10.0),
        ({"Retry-After": "Tue, 14 Nov 2023 22:13:00 GMT", "Date": DATE}, 0.0),
        ({"Retry-After": "Wed, 15 Nov 2023 22:13:20 GMT", "Date": DATE}, 86_400.0),
        ({"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT", "Date": DATE}, 253_402_300_799.0 - NOW),
        ({"Retry-After": "Tue, 14 Nov 2023 22:13:30 GMT", "Date": "not a date"}, 10.0),
        ({"Retry-After": "Tue, 14 Nov 2023 22:13:30 -0000", "Date": DATE}, None),
        ({"Retry-After": "Tue, 99 Nov 2023 99:13:30 GMT"}, None),
        ({}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    """Seconds, milliseconds and HTTP-dates parse; garbage, negative and non-finite values give None."""
    assert parse_retry_after(headers, now=NOW) == expected


def test_http_date_is_measured_against_the_date_header_not_the_local_clock() -> None:
    """A skewed local clock does not change the wait when the response carries a Date header."""
    headers = {"Retry-After": "Tue, 14 Nov 2023 22:13:30 GMT", "Date": DATE}
    assert parse_retry_after(headers, now=NOW + 3_600) == 10.0
    assert parse_retry_after({"Retry-After": headers["Retry-After"]}, now=NOW + 5) == 5.0
    assert parse_retry_after({"Retry-After": headers["Retry-After"]}) is None


@pytest.mark.parametrize(
    ("method", "status", "failure", "headers", "expected"),
    [
        ("GET", 408, None, {}, True),
        ("GET", 429, None, {}, True),
        ("GET", 500, None, {}, True),
        ("GET", 502, None, {}, True),
        ("GET", 503, None, {}, True),
        ("GET", 504, None, {}, True),
        ("GET", 400, None, {}, False),
        ("GET", 401, None, {}, False),
        ("GET", 404, None, {}, False),
        ("GET", 501, None, {}, True),
        ("GET", 520, None, {}, True),
        ("GET", 521, None, {}, True),
        ("GET", 522, None, {}, True),
        ("GET", 523, None, {}, True),
        ("GET", 524, None, {}, True),
        ("GET", 599, None, {}, True),
        ("GET", 418, None, {}, False),
        ("POST", 520, None, {}, False),
        ("GET", None, Failure.NOT_SENT, None, True),
        ("GET", None, Failure.MAYBE_SENT, None, True),
        ("PUT", 502, None, {}, True),
        ("DELETE", None, Failure.MAYBE_SENT, None, True),
        ("POST", None, Failure.NOT_SENT, None, True),
        ("POST", None, Failure.MAYBE_SENT, None, False),
        ("POST", 429, None, {}, True),
        ("POST", 503, None, {"Retry-After": "1"}, True),
        ("POST", 503, None, {"retry-after": "garbage"}, True),
        ("POST", 503, None, {}, False),
        ("POST", 500, None, {"Retry-After": "1"}, False),
        ("POST", 502, None, {}, False),
        ("POST", 504, None, {}, False),
        ("POST", 408, None, {}, False),
    ],
)
def test_should_retry(
    method: str, status: int | None, failure: Failure | None, headers: dict[str, str] | None, expected: bool
) -> None:
    """GETs retry on every transient failure; a POST only if it never arrived or the server refused it."""
    decision = should_retry(
        method=method, attempt=0, max_retries=3, status_code=status, failure=failure, headers=headers
    )
    assert decision is expected


@pytest.mark.parametrize(("attempt", "max_retries", "expected"), [(0, 0, False), (2, 3, True), (3, 3, False)])
def test_should_retry_stops_after_max_retries(attempt: int, max_retries: int, expected: bool) -> None:
    """No retry once `max_retries` retries were made."""
    assert should_retry(method="GET", attempt=attempt, max_retries=max_retries, status_code=503) is expected


@pytest.mark.parametrize(
    ("attempt", "rand", "retry_after", "expected"),
    [
        (0, 0.0, None, 0.5),
        (1, 0.0, None, 1.0),
        (2, 0.0, None, 2.0),
        (10, 0.0, None, 8.0),
        (-1, 0.0, None, 0.5),
        (0, 1.0, None, 0.375),
        (3, 1.0, None, 3.0),
        (0, 0.5, 4.0, 4.0),
        (5, 0.5, 0.0, 0.0),
        (0, 0.0, -1.0, 0.5),
    ],
)
def test_retry_delay(attempt: int, rand: float, retry_after: float | None, expected: float) -> None:
    """Exponential backoff capped at MAX_RETRY_DELAY, minus up to 25 % jitter; the server's hint wins."""
    assert retry_delay(attempt, retry_after=retry_after, rand=lambda: rand) == pytest.approx(expected)


def test_retry_delay_uses_the_policy() -> None:
    """Backoff base and cap come from the policy."""
    policy = RetryPolicy(initial_delay=1.0, max_delay=3.0, jitter=0.0)
    assert [retry_delay(n, policy=policy) for n in range(4)] == [1.0, 2.0, 3.0, 3.0]


@pytest.mark.parametrize(("method", "expected"), [("GET", True), ("get", True), ("PUT", True),
                                                  ("DELETE", True), ("POST", False), ("PATCH", False)])  # fmt: skip
def test_is_idempotent(method: str, expected: bool) -> None:
    """POST and PATCH are the methods that are not safe to repeat."""
    assert is_idempotent(method) is expected
