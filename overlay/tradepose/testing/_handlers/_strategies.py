"""The `strategies` operations: register (idempotent by name), list, get by id, archive or delete by name."""

from __future__ import annotations

import uuid
from typing import Any, Final

from starlette.responses import Response

from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations
from tradepose.testing._handlers._records import archive_or_delete, find, list_by_archived, public
from tradepose.testing._state import ApiError

__all__ = ["HANDLERS"]


def _list_item(strategy: dict[str, Any]) -> dict[str, Any]:
    base = strategy["base_blueprint"]
    return {
        "id": strategy["id"],
        "name": strategy["name"],
        "base_instrument": strategy["base_instrument"],
        "base_freq": strategy["base_freq"],
        "note": strategy.get("note") or "",
        "base_blueprint": {"id": base["id"], "name": base["name"]},
        "advanced_blueprints": [{"id": bp["id"], "name": bp["name"]} for bp in strategy["advanced_blueprints"]],
    }


async def create_strategy(ctx: Ctx) -> Response:
    body = ctx.body
    strategies = ctx.runtime.state.strategies
    existing = strategies.get(body["name"])
    if existing is not None:
        return json_response(public(existing))
    strategy = dict(body)
    strategy["id"] = str(uuid.uuid4())
    strategy.setdefault("note", "")
    strategy.setdefault("indicators", [])
    strategy["base_blueprint"] = {**body["base_blueprint"], "id": str(uuid.uuid4())}
    strategy["advanced_blueprints"] = [{**bp, "id": str(uuid.uuid4())} for bp in body.get("advanced_blueprints", [])]
    strategy["_archived"] = False
    strategies[strategy["name"]] = strategy
    return json_response(public(strategy))


async def list_strategies(ctx: Ctx) -> Response:
    return list_by_archived(
        ctx.runtime.state.strategies.values(),
        archived=ctx.params["archived"],
        flag="_archived",
        plural="strategies",
        item=_list_item,
    )


async def get_strategy(ctx: Ctx) -> Response:
    # Strategies are stored by name; GET addresses one by its id.
    wanted = str(ctx.params["strategy"]).lower()
    for strategy in ctx.runtime.state.strategies.values():
        if strategy["id"] == wanted:
            return json_response(public(strategy))
    raise ApiError(404, f"Strategy {ctx.params['strategy']} not found")


async def delete_strategy(ctx: Ctx) -> Response:
    name = ctx.params["strategy"]
    strategies = ctx.runtime.state.strategies
    find(strategies, name, f"Strategy '{name}' not found")
    return archive_or_delete(
        strategies, name, archive=ctx.params["archive"], flag="_archived", label=f"Strategy '{name}'"
    )


HANDLERS: Final[dict[str, Handler]] = operations(create_strategy, list_strategies, get_strategy, delete_strategy)
