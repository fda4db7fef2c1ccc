"""What a failed export POST proves: pure decisions of the batch engine's submissions.

The gateway has no idempotency key, so after a POST the engine must know whether a task may exist:

* provably not created – the connection was never established, 429, 503, or a refused credential
  (401/403): re-sending creates no second task;
* arrived – any 2xx: the task exists; its id is recovered from the body if at all possible;
* ambiguous – 500/502/504, a lost answer after the request was sent, or a 2xx without a usable id:
  a task may exist. Re-sending is the user's choice (`BatchTester(resubmit_ambiguous=...)`), flagged.
"""

from __future__ import annotations

import json
import re

import httpx

from .._errors import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    PermissionDeniedError,
    RateLimitError,
    TradePoseError,
)
from .._http._config import ClientConfig
from .._http._retry import RetryPolicy
from ._schedule import check_backoff

__all__ = [
    "AMBIGUOUS",
    "credential_message",
    "may_have_arrived",
    "recover_task_id",
    "resubmit_delay",
    "undecodable_answer",
]

# Prefix of a submission error after which the POST may still have created a task on the gateway.
AMBIGUOUS = "(the request may have reached the gateway) "
# Statuses after which the gateway provably created no task, so the POST is re-sent automatically.
_NOT_CREATED = frozenset({429, 503})
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_MAX_BODY = 2000


def may_have_arrived(exc: TradePoseError) -> bool:
    """Could this failed POST have created a task anyway? Only a failed connect, 429, 503 or 4xx prove not."""
    if isinstance(exc, APIConnectionError):
        return not isinstance(exc.__cause__, httpx.ConnectError)
    if isinstance(exc, APIStatusError):
        return exc.status_code >= 500 and exc.status_code not in _NOT_CREATED
    return True  # a 2xx that did not decode, or anything unexpected after sending


def resubmit_delay(exc: TradePoseError, policy: RetryPolicy, *, failures: int, jitter: float) -> float | None:
    """Seconds before re-sending a POST that provably created no task, or None when it is not worth it.

    Only a failed connect, 429 or 503 qualify; the caller bounds the waiting by the period's deadline,
    not by a count. The delay is the capped, jittered check backoff; Retry-After is honoured up to the
    policy's cap, and a longer one is not waited for (the period is recorded failed, to be retried).
    """
    if may_have_arrived(exc):
        return None
    if isinstance(exc, APIStatusError) and exc.status_code not in _NOT_CREATED:
        return None
    retry_after = exc.retry_after if isinstance(exc, RateLimitError) else None
    if retry_after is not None and retry_after > policy.max_retry_after:
        return None
    return check_backoff(failures, retry_after, jitter=jitter)


def recover_task_id(response: httpx.Response | None) -> str | None:
    """The task id in a 2xx export answer that did not decode as an `ExportResponse`, if one is there."""
    if response is None:
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    if isinstance(body, dict):
        for key in ("task_id", "taskId", "id"):
            value = body.get(key)
            if isinstance(value, str) and _UUID.fullmatch(value.strip()):
                return value.strip()
        for value in body.values():
            if isinstance(value, dict):
                found = recover_task_id(httpx.Response(200, json=value))
                if found is not None:
                    return found
    location = response.headers.get("location", "")
    match = _UUID.search(location)
    return match.group(0) if match else None


def undecodable_answer(response: httpx.Response | None) -> str:
    """The raw status and body of an answer kept with an ambiguous period (body capped)."""
    if response is None:
        return "no response kept"
    text = response.content.decode("utf-8", "replace")
    if len(text) > _MAX_BODY:
        text = text[:_MAX_BODY] + "…"
    return f"HTTP {response.status_code}, body: {text!r}"


def credential_message(exc: AuthenticationError | PermissionDeniedError, config: ClientConfig, workdir: str) -> str:
    """Which credential the gateway refused (never its value), how to fix it, and how to continue."""
    used = (
        "the API key (api_key= / TRADEPOSE_API_KEY)" if config.api_key else "the JWT (jwt_token= / TRADEPOSE_JWT_TOKEN)"
    )
    if isinstance(exc, AuthenticationError):
        problem = f"the gateway rejected {used} with 401: it is wrong, revoked or expired"
        fix = "pass a valid one"
    else:
        problem = f"the gateway answered 403 to {used}: it is valid but not allowed to run this export"
        fix = "use a credential whose plan allows it"
    return (
        f"{problem}. No further periods were submitted; they stay planned. {fix}, then continue with "
        f"BatchTester.resume({workdir!r}) or `tradepose backtest resume {workdir}`."
    )
