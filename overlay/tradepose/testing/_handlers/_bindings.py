"""The `bindings` operations: bind a portfolio to an account for execution, list, delete."""

from __future__ import annotations

import uuid
from typing import Final

from starlette.responses import Response

from tradepose.testing._auth import USER_ID
from tradepose.testing._handlers._accounts import account_by_id
from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations
from tradepose.testing._handlers._portfolios import portfolio_by_name
from tradepose.testing._state import ApiError, now

__all__ = ["HANDLERS"]


async def create_binding(ctx: Ctx) -> Response:
    body = ctx.body
    state = ctx.runtime.state
    account = account_by_id(state, body["account_id"])
    portfolio = portfolio_by_name(state, body["portfolio_name"])
    created = now()
    binding = {
        "id": str(uuid.uuid4()),
        "user_id": USER_ID,
        "account_id": account["id"],
        "portfolio_id": portfolio["_id"],
        "execution_mode": body.get("execution_mode", "signal_priority"),
        "is_active": True,
        "created_at": created,
        "updated_at": created,
    }
    state.bindings[binding["id"]] = binding
    return json_response(binding)


async def list_bindings(ctx: Ctx) -> Response:
    items = list(ctx.runtime.state.bindings.values())
    return json_response({"bindings": items, "count": len(items)})


async def delete_binding(ctx: Ctx) -> Response:
    binding_id = str(ctx.params["binding_id"]).lower()
    if ctx.runtime.state.bindings.pop(binding_id, None) is None:
        raise ApiError(404, f"Binding {ctx.params['binding_id']} not found")
    return json_response({"message": f"Binding {binding_id} deleted"})


HANDLERS: Final[dict[str, Handler]] = operations(create_binding, list_bindings, delete_binding)
