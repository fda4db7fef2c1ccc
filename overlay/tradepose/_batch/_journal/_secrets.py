"""Credentials never reach the journal: refuse secret-looking options, scrub error texts."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Final

from ..._errors import JournalError, scrub

__all__ = ["check_options", "redact", "refuse_secret_values"]

_SECRET_HINTS: Final = (
    "api_key",
    "apikey",
    "private_key",
    "token",
    "secret",
    "password",
    "passwd",
    "authorization",
    "credential",
    "jwt",
    "cookie",
    "bearer",
)
# Error texts come from exceptions; scrub anything that looks like a credential before storing them.
_SECRET_TEXT: Final = re.compile(
    r"(tp_(?:live|test)_)[A-Za-z0-9_\-]+|(bearer\s+)[A-Za-z0-9._~+/=\-]+|(x-api-key[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """`text` without the configured credentials, and with key-, token- and X-API-Key-like values as `***`."""
    return _SECRET_TEXT.sub(lambda m: f"{m.group(1) or m.group(2) or m.group(3)}***", scrub(text))


def check_options(options: Mapping[str, Any]) -> str:
    for key in options:
        if not isinstance(key, str):
            raise JournalError(f"batch option name {key!r} is not a string")
        if any(hint in key.lower().replace("-", "_") for hint in _SECRET_HINTS):
            raise JournalError(
                f"batch option {key!r} looks like a credential: credentials are never written to the "
                f"journal, so pass them to the client instead"
            )
    try:
        text = json.dumps(dict(options), sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise JournalError(
            f"batch options are not JSON ({exc}): use strings, numbers, booleans, lists and dicts"
        ) from None
    refuse_secret_values(text, "batch options")
    return text


def refuse_secret_values(text: str, what: str) -> None:
    if _SECRET_TEXT.search(text):
        raise JournalError(
            f"{what} contain what looks like an API key or token: credentials are never written to the "
            f"journal, so remove it and pass it to the client instead"
        )
