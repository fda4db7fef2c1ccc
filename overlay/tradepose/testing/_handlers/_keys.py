"""The `keys` operations: create, list and revoke API keys (revoking one refuses it at once)."""

from __future__ import annotations

from typing import Final

from starlette.responses import Response

from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations
from tradepose.testing._handlers._records import find

__all__ = ["HANDLERS"]


async def create_api_key(ctx: Ctx) -> Response:
    key = ctx.runtime.auth.new_key()
    record = ctx.runtime.state.add_key(ctx.body["name"], key)
    ctx.runtime.auth.api_keys[key] = record["id"]
    fields = ("id", "user_id", "name", "api_key", "created_at")
    return json_response({k: record[k] for k in fields})


async def list_api_keys(ctx: Ctx) -> Response:
    fields = ("id", "user_id", "name", "revoked", "last_used", "created_at")
    keys = [{k: record[k] for k in fields} for record in ctx.runtime.state.keys.values()]
    return json_response({"keys": keys, "total": len(keys)})


async def revoke_api_key(ctx: Ctx) -> Response:
    key_id = ctx.params["key_id"]
    record = find(ctx.runtime.state.keys, str(key_id).lower(), f"API key {key_id} not found")
    record["revoked"] = True
    ctx.runtime.auth.api_keys.pop(record["api_key"], None)
    return Response(status_code=204)


HANDLERS: Final[dict[str, Handler]] = operations(create_api_key, list_api_keys, revoke_api_key)
