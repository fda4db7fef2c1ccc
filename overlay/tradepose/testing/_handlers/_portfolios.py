"""The `portfolios` operations: named portfolios of strategy × blueprint selections, archive or delete."""

from __future__ import annotations

import uuid
from typing import Any, Final

from starlette.responses import Response

from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations
from tradepose.testing._handlers._records import archive_or_delete, find, list_by_archived, public
from tradepose.testing._state import ApiError, GatewayState

__all__ = ["HANDLERS", "portfolio_by_name"]


def portfolio_by_name(state: GatewayState, name: str) -> dict[str, Any]:
    """The portfolio `name`, or a 404."""
    return find(state.portfolios, name, f"Portfolio '{name}' not found")


async def create_portfolio(ctx: Ctx) -> Response:
    body = ctx.body
    portfolios = ctx.runtime.state.portfolios
    if body["name"] in portfolios:
        raise ApiError(409, f"Portfolio '{body['name']}' already exists")
    portfolio = {
        "name": body["name"],
        "capital": body["capital"],
        "currency": body["currency"],
        "account_source": body["account_source"],
        "selections": body.get("selections", []),
        "instrument_mapping": body.get("instrument_mapping"),
        "_id": str(uuid.uuid4()),
        "_archived": False,
    }
    portfolios[portfolio["name"]] = portfolio
    return json_response(public(portfolio))


async def list_portfolios(ctx: Ctx) -> Response:
    return list_by_archived(
        ctx.runtime.state.portfolios.values(), archived=ctx.params["archived"], flag="_archived", plural="portfolios"
    )


async def get_portfolio(ctx: Ctx) -> Response:
    return json_response(public(portfolio_by_name(ctx.runtime.state, ctx.params["name"])))


async def update_portfolio(ctx: Ctx) -> Response:
    portfolio = portfolio_by_name(ctx.runtime.state, ctx.params["name"])
    for key in ("capital", "selections", "instrument_mapping"):
        if ctx.body.get(key) is not None:
            portfolio[key] = ctx.body[key]
    return json_response(public(portfolio))


async def delete_portfolio(ctx: Ctx) -> Response:
    name = portfolio_by_name(ctx.runtime.state, ctx.params["name"])["name"]
    return archive_or_delete(
        ctx.runtime.state.portfolios, name, archive=ctx.params["archive"], flag="_archived", label=f"Portfolio '{name}'"
    )


HANDLERS: Final[dict[str, Handler]] = operations(
    create_portfolio, list_portfolios, get_portfolio, update_portfolio, delete_portfolio
)
