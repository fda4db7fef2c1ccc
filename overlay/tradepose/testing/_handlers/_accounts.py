"""The `accounts` operations: broker accounts (credentials kept, never shown), archive or delete."""

from __future__ import annotations

import uuid
from typing import Any, Final

from starlette.responses import Response

from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations
from tradepose.testing._handlers._records import archive_or_delete, find, list_by_archived, public
from tradepose.testing._state import ApiError, GatewayState, now

__all__ = ["HANDLERS", "account_by_id"]


def account_by_id(state: GatewayState, account_id: object) -> dict[str, Any]:
    """The account `account_id` (any case), or a 404."""
    return find(state.accounts, str(account_id).lower(), f"Account {account_id} not found")


async def create_account(ctx: Ctx) -> Response:
    body = ctx.body
    created = now()
    account = {
        "id": str(uuid.uuid4()),
        "name": body["name"],
        "broker_type": body["broker_type"],
        "available_markets": body.get("available_markets", ["spot"]),
        "default_market": body.get("default_market"),
        "environment": body.get("environment", "production"),
        "base_url": body.get("base_url"),
        "ws_url": body.get("ws_url"),
        "status": body.get("status", "inactive"),
        "account_source": body.get("account_source"),
        "is_archived": False,
        "last_validated_at": None,
        "validation_error": None,
        "created_at": created,
        "updated_at": created,
        "_credentials": body["credentials"],
    }
    ctx.runtime.state.accounts[account["id"]] = account
    return json_response(public(account))


async def list_accounts(ctx: Ctx) -> Response:
    return list_by_archived(
        ctx.runtime.state.accounts.values(), archived=ctx.params["archived"], flag="is_archived", plural="accounts"
    )


async def get_account(ctx: Ctx) -> Response:
    return json_response(public(account_by_id(ctx.runtime.state, ctx.params["account_id"])))


async def update_account(ctx: Ctx) -> Response:
    account = account_by_id(ctx.runtime.state, ctx.params["account_id"])
    for key, value in ctx.body.items():
        if value is None:
            continue
        if key == "credentials":
            account["_credentials"] = value
        elif key in account:
            account[key] = value
    account["updated_at"] = now()
    return json_response(public(account))


async def delete_account(ctx: Ctx) -> Response:
    state = ctx.runtime.state
    account = account_by_id(state, ctx.params["account_id"])
    archive = ctx.params["archive"]
    if archive:
        account["updated_at"] = now()
    elif any(b["account_id"] == account["id"] for b in state.bindings.values()):
        raise ApiError(409, f"Account {account['id']} has bindings; delete them first")
    elif any(s.get("account_id") == account["id"] for s in state.slots.values()):
        raise ApiError(409, f"Account {account['id']} is bound to a slot; unbind it first")
    return archive_or_delete(
        state.accounts, account["id"], archive=archive, flag="is_archived", label=f"Account {account['id']}"
    )


HANDLERS: Final[dict[str, Handler]] = operations(
    create_account, list_accounts, get_account, update_account, delete_account
)
