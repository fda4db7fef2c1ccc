"""The operations of openapi.json, one async handler each, keyed by operationId in `HANDLERS`.

One module per API group, named as the tags of openapi.json (and `generated/tradepose_api/api/<tag>/`);
`_common` holds what every handler shares (`Ctx`, the responses), `_records` the record logic that
several groups share (lookup, listing, archive-or-delete).
"""

from __future__ import annotations

from typing import Final

from tradepose.testing._handlers import (
    _accounts,
    _billing,
    _bindings,
    _export,
    _health,
    _instruments,
    _keys,
    _portfolios,
    _slots,
    _strategies,
    _tasks,
    _trades,
    _usage,
)
from tradepose.testing._handlers._common import PARQUET, Ctx, Handler, error_response, json_response

__all__ = ["GROUPS", "HANDLERS", "PARQUET", "Ctx", "error_response", "json_response"]

# Each group's handlers by tag; an operationId belongs to exactly one group.
GROUPS: Final[dict[str, dict[str, Handler]]] = {
    "accounts": _accounts.HANDLERS,
    "billing": _billing.HANDLERS,
    "bindings": _bindings.HANDLERS,
    "export": _export.HANDLERS,
    "health": _health.HANDLERS,
    "instruments": _instruments.HANDLERS,
    "keys": _keys.HANDLERS,
    "portfolios": _portfolios.HANDLERS,
    "slots": _slots.HANDLERS,
    "strategies": _strategies.HANDLERS,
    "tasks": _tasks.HANDLERS,
    "trades": _trades.HANDLERS,
    "usage": _usage.HANDLERS,
}

HANDLERS: Final[dict[str, Handler]] = {name: handler for group in GROUPS.values() for name, handler in group.items()}
