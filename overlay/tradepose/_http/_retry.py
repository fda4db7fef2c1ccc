"""Pure retry decisions: no I/O, no clock, no randomness of their own (all are parameters).

The transport (`_transport.py`) asks these functions what to do; the tables in `tests/overlay/test_retry.py`
pin them down. Modelled on openai-python's `_should_retry` / `_calculate_retry_timeout` /
`_parse_retry_after_header`, with two differences: a non-idempotent POST is only retried when it provably
never reached the server or the server refused it, and an HTTP-date is measured against the response's
own `Date` header rather than the local clock.
"""

from __future__ import annotations

import email.utils
import enum
import math
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .. import _constants as C

__all__ = [
    "Failure",
    "RetryPolicy",
    "is_idempotent",
    "parse_retry_after",
    "retry_delay",
    "should_retry",
]

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})


class Failure(enum.Enum):
    """How a request failed without a response."""

    NOT_SENT = "not_sent"  # connect error/timeout, pool timeout: the server never saw the request
    MAYBE_SENT = "maybe_sent"  # write/read error or timeout: the server may have acted on it


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Retry tunables; defaults come from `_constants`."""

    max_retries: int = C.DEFAULT_MAX_RETRIES
    initial_delay: float = C.INITIAL_RETRY_DELAY
    max_delay: float = C.MAX_RETRY_DELAY
    jitter: float = C.RETRY_JITTER
    max_retry_after: float = C.MAX_RETRY_AFTER
    budget: float = C.DEFAULT_RETRY_BUDGET


def is_idempotent(method: str) -> bool:
    """True for methods that HTTP defines as safe to repeat; every POST (e.g. `/api/v1/export`) is not."""
    return method.upper() in _IDEMPOTENT_METHODS


def should_retry(
    *,
    method: str,
    attempt: int,
    max_retries: int,
    status_code: int | None = None,
    failure: Failure | None = None,
    headers: Mapping[str, str] | None = None,
) -> bool:
    """Decide whether attempt number `attempt` (0-based) may be followed by another.

    Exactly one of `status_code` (a response came back) and `failure` (none did) is given.
    """
    if attempt >= max_retries:
        return False
    idempotent = is_idempotent(method)
    if failure is not None:
        return failure is Failure.NOT_SENT or idempotent
    if status_code is None or status_code not in C.RETRYABLE_STATUS_CODES:
        return False
    if idempotent:
        return True
    # A POST that got a response was processed unless the server says it refused it.
    lowered = {k.lower() for k in headers} if headers else set()
    return status_code == 429 or (status_code == 503 and "retry-after" in lowered)


def retry_delay(
    attempt: int,
    *,
    retry_after: float | None = None,
    policy: RetryPolicy = RetryPolicy(),
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait before retry number `attempt + 1`: the server's hint, else jittered backoff."""
    if retry_after is not None and retry_after >= 0:
        return retry_after
    backoff = min(policy.initial_delay * (2.0 ** max(attempt, 0)), policy.max_delay)
    return backoff * (1.0 - policy.jitter * rand())


def _finite_non_negative(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def _http_date(text: str) -> float | None:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:  # pragma: no cover - older Pythons returned None instead of raising
        return None
    return parsed.timestamp() if parsed.tzinfo is not None else None


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds the server asks us to wait, or None when it gives no usable hint.

    Reads `retry-after-ms`, then `Retry-After` as seconds or as an HTTP-date. A date is measured against
    the response's `Date` header (so a skewed local clock does not matter), falling back to `now`
    (epoch seconds). Dates in the past give 0; garbage, negative and non-finite values give None.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    ms = lowered.get("retry-after-ms")
    if ms is not None:
        value = _finite_non_negative(ms.strip())
        if value is not None:
            return value / 1000.0
    raw = lowered.get("retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    seconds = _finite_non_negative(raw)
    if seconds is not None:
        return seconds
    target = _http_date(raw)
    if target is None:
        return None
    date_header = lowered.get("date")
    reference = _http_date(date_header) if date_header else None
    if reference is None:
        reference = now
    if reference is None:
        return None
    return max(0.0, target - reference)
