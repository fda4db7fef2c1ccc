"""The one exception tree. Users catch these, never httpx or attrs types.

    TradePoseError
    ├── ConfigError                     bad or missing configuration (says what to fix)
    │   └── MissingExtraError           an optional extra is not installed (says which pip install)
    ├── APIConnectionError              no response came back (connect/read failure)
    │   └── APITimeoutError             ... because a timeout expired
    ├── APIStatusError                  a bad status came back: status_code, request_id, body, response
    │   ├── AuthenticationError         401
    │   ├── PermissionDeniedError       403
    │   ├── NotFoundError               404
    │   ├── ConflictError               409
    │   ├── UnprocessableEntityError    422 (errors: FastAPI's `detail` list as FieldError)
    │   ├── RateLimitError              429 (retry_after, seconds)
    │   └── InternalServerError         5xx
    ├── ResponseDecodeError             a 2xx came back but its body could not be decoded (keeps response)
    │   └── ResultSchemaError           a downloaded frame does not match the gateway schema (names the column)
    ├── ResultIntegrityError            a stored result no longer matches its journalled sha256 (path)
    ├── TaskError                       a task did not produce a result (task_id)
    │   ├── TaskFailedError             the gateway reported FAILED (error_message)
    │   ├── TaskTimeoutError            the polling deadline passed
    │   └── TaskCancelledError          the caller cancelled polling
    └── BatchError                      a batch did not finish as asked
        ├── BatchFailedError            raise_for_failures(): some periods failed (failed)
        └── BatchTimeoutError           wait(timeout=...) ran out; the batch keeps running

Every 5xx, including non-standard ones such as Cloudflare's 520–524 (HTML bodies) and 599, is an
InternalServerError carrying the raw text; idempotent requests that meet one are retried first, like
408 and 429. Any other unlisted status (e.g. 418) is a plain APIStatusError.
Every error raised after a request carries `retries_taken`.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BatchError",
    "BatchFailedError",
    "BatchTimeoutError",
    "ConfigError",
    "ConflictError",
    "FieldError",
    "InputError",
    "InternalServerError",
    "JournalError",
    "MissingExtraError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ResultIntegrityError",
    "ResultSchemaError",
    "ResultWriteError",
    "StrategyError",
    "TaskCancelledError",
    "TaskError",
    "TaskFailedError",
    "TaskTimeoutError",
    "TradePoseError",
    "UnprocessableEntityError",
    "register_secret",
    "scrub",
    "status_error_from_response",
]

_MAX_MESSAGE_BODY = 300


# The credentials the SDK was configured with. Whatever a server echoes, they are replaced verbatim in
# every exception message (`TradePoseError.__init__`/`__str__`), every record of the "tradepose" logger
# (`SecretFilter`) and everything the journal writes (its error fields pass through `scrub`).
REDACTED = "[redacted]"
_MIN_SECRET = 6  # shorter strings would redact ordinary words
_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(secret: str | None) -> None:
    """Remember a configured credential so `scrub` removes it from everything the SDK shows or writes."""
    if secret and len(secret) >= _MIN_SECRET:
        with _secrets_lock:
            _secrets.add(secret)


def scrub(text: str) -> str:
    """`text` with every registered credential replaced by `[redacted]`."""
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def scrub_value(value: Any) -> Any:
    """`scrub` applied to every string inside a decoded JSON value (an error body a server echoed a key into)."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {scrub_value(k): scrub_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_value(v) for v in value]
    return value


class SecretFilter(logging.Filter):
    """Scrubs registered credentials from a record's message and traceback before any handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = scrub(message)
        if clean != message or record.args:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


_logger = logging.getLogger("tradepose")
if not any(isinstance(f, SecretFilter) for f in _logger.filters):
    _logger.addFilter(SecretFilter())


class TradePoseError(Exception):
    """Root of every error the SDK raises; its message never contains a configured credential."""

    retries_taken: int = 0

    def __init__(self, *args: object) -> None:
        super().__init__(*(scrub(a) if isinstance(a, str) else a for a in args))

    def __str__(self) -> str:
        return scrub(super().__str__())

    def __repr__(self) -> str:
        return scrub(super().__repr__())


class ConfigError(TradePoseError):
    """The configuration is missing or invalid; the message says what to fix."""


class StrategyError(ConfigError, ValueError):
    """A strategy config that is malformed or that the gateway would refuse; the message says where."""


class InputError(ConfigError, ValueError, TypeError):
    """An argument of the wrong type or form (a date, a task id); a `ConfigError` saying what to pass."""


class JournalError(ConfigError):
    """The batch journal or its work directory cannot be used; the message says what to do."""


class MissingExtraError(ConfigError, ImportError):
    """A feature needs an optional extra that is not installed; the message names the `pip install`."""

    def __init__(self, message: str, *, extra: str) -> None:
        super().__init__(message)
        self.extra = extra


class APIConnectionError(TradePoseError):
    """No response came back: the connection failed or broke."""

    def __init__(self, message: str, *, request: httpx.Request | None = None, retries_taken: int = 0) -> None:
        super().__init__(message)
        self.request = request
        self.retries_taken = retries_taken


class APITimeoutError(APIConnectionError):
    """No response came back before the timeout."""


class APIStatusError(TradePoseError):
    """The gateway answered with a non-2xx status."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any, retries_taken: int = 0) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.request_id: str | None = response.headers.get("x-request-id")
        self.body = scrub_value(body)  # a gateway may echo the key into its error body
        self.retries_taken = retries_taken


class AuthenticationError(APIStatusError):
    """401: the API key or JWT is missing, wrong or expired."""


class PermissionDeniedError(APIStatusError):
    """403: the credential is valid but not allowed to do this."""


class NotFoundError(APIStatusError):
    """404: the task, strategy or other resource does not exist (or its result is not ready)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's current state."""


@dataclass(frozen=True, slots=True)
class FieldError:
    """One item of FastAPI's 422 `detail` list."""

    loc: tuple[str | int, ...]
    msg: str
    type: str

    @property
    def field(self) -> str:
        """The location as a dotted path, without the leading `body`/`query`/`path` part."""
        parts = self.loc[1:] if self.loc and self.loc[0] in ("body", "query", "path", "header") else self.loc
        return ".".join(str(p) for p in parts)


class UnprocessableEntityError(APIStatusError):
    """422: the request failed validation; `errors` lists the offending fields."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any, retries_taken: int = 0) -> None:
        super().__init__(message, response=response, body=body, retries_taken=retries_taken)
        self.errors: list[FieldError] = _field_errors(body)


class RateLimitError(APIStatusError):
    """429: too many requests or quota exhausted; `retry_after` is the server's wait hint in seconds."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: Any,
        retries_taken: int = 0,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, response=response, body=body, retries_taken=retries_taken)
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """5xx: the gateway or a proxy in front of it failed."""


class ResponseDecodeError(TradePoseError):
    """A 2xx response whose body could not be decoded (bad JSON, unknown enum value, truncated file)."""

    def __init__(self, message: str, *, response: httpx.Response | None = None, retries_taken: int = 0) -> None:
        super().__init__(message)
        self.response = response
        self.retries_taken = retries_taken


class ResultSchemaError(ResponseDecodeError):
    """A downloaded frame does not match the gateway's schema; `column` names the first mismatch."""

    def __init__(self, message: str, *, column: str, response: httpx.Response | None = None) -> None:
        super().__init__(message, response=response)
        self.column = column


class ResultWriteError(TradePoseError):
    """A result could not be written to disk (disk full, unwritable path); `path` says where.

    The batch records the period failed at stage "download" and goes on; free space or fix the path,
    then `resume()` downloads it again under the same task id.
    """

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class ResultIntegrityError(TradePoseError):
    """A result file of a batch is missing or its bytes no longer match the sha256 the journal recorded.

    Raised by every read of a stored result (`summary()`, `all_trades()`, `save()`, `tradepose results
    show`) instead of serving altered data; `path` names the file. `BatchTester.resume(workdir)`
    downloads it again under the same task id.
    """

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class TaskError(TradePoseError):
    """A task did not produce a result."""

    def __init__(self, message: str, *, task_id: str) -> None:
        super().__init__(message)
        self.task_id = task_id


class TaskFailedError(TaskError):
    """The gateway reported the task FAILED; `error_message` is its reason."""

    def __init__(self, message: str, *, task_id: str, error_message: str | None) -> None:
        super().__init__(message, task_id=task_id)
        self.error_message = error_message


class TaskTimeoutError(TaskError):
    """The task was still running when the polling deadline passed (the task itself keeps running)."""


class TaskCancelledError(TaskError):
    """Polling was cancelled by the caller (the task itself keeps running on the gateway)."""


class BatchError(TradePoseError):
    """A batch as a whole did not finish as asked (its periods keep their own errors)."""


class BatchFailedError(BatchError):
    """Raised by `BatchResults.raise_for_failures()`; `failed` lists the failed periods."""

    def __init__(self, message: str, *, failed: Sequence[Any]) -> None:
        super().__init__(message)
        self.failed = list(failed)


class BatchTimeoutError(BatchError, TimeoutError):
    """`BatchResults.wait(timeout=...)` ran out of time; the batch keeps running."""


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _decode_body(response: httpx.Response) -> Any:
    text = response.text
    try:
        return json.loads(text)
    except ValueError:
        return text


def _field_errors(body: Any) -> list[FieldError]:
    detail = body.get("detail") if isinstance(body, dict) else None
    if not isinstance(detail, list):
        return []
    out: list[FieldError] = []
    for item in detail:
        if isinstance(item, dict):
            loc = item.get("loc")
            out.append(
                FieldError(
                    loc=tuple(p for p in loc if isinstance(p, str | int)) if isinstance(loc, list) else (),
                    msg=str(item.get("msg", "")),
                    type=str(item.get("type", "")),
                )
            )
    return out


def _summary(status: int, body: Any) -> str:
    if isinstance(body, dict):
        detail = body.get("detail", body.get("error", body.get("message")))
        if isinstance(detail, str):
            return f"{status}: {detail}"
        fields = _field_errors(body)
        if fields:
            return f"{status}: " + "; ".join(f"{f.field or '<request>'}: {f.msg}" for f in fields)
    text = body if isinstance(body, str) else json.dumps(body)
    text = " ".join(text.split())
    if len(text) > _MAX_MESSAGE_BODY:
        text = text[:_MAX_MESSAGE_BODY] + "…"
    return f"{status}: {text}" if text else f"{status}"


def status_error_from_response(
    response: httpx.Response, *, retries_taken: int = 0, retry_after: float | None = None
) -> APIStatusError:
    """Build the typed error for a non-2xx response whose body has been read."""
    status = response.status_code
    body = _decode_body(response)
    message = f"{response.request.method} {response.request.url.path} -> {_summary(status, body)}"
    if status == 429:
        return RateLimitError(
            message, response=response, body=body, retries_taken=retries_taken, retry_after=retry_after
        )
    cls = _STATUS_CLASSES.get(status)
    if cls is None:
        cls = InternalServerError if 500 <= status < 600 else APIStatusError
    return cls(message, response=response, body=body, retries_taken=retries_taken)
