"""The `slots` operations: execution slots addressed by (node_seq, slot_idx), bound to an account or not."""

from __future__ import annotations

import uuid
from typing import Any, Final

from starlette.responses import Response

from tradepose.testing._auth import CLERK_USER_ID
from tradepose.testing._handlers._accounts import account_by_id
from tradepose.testing._handlers._common import Ctx, Handler, json_response, operations
from tradepose.testing._handlers._records import find
from tradepose.testing._state import now

__all__ = ["HANDLERS"]


def _slot_key(ctx: Ctx) -> tuple[int, int]:
    return int(ctx.params["node_seq"]), int(ctx.params["slot_idx"])


def _slot(ctx: Ctx) -> dict[str, Any]:
    key = _slot_key(ctx)
    return find(ctx.runtime.state.slots, key, "Slot {}/{} not found".format(*key))


async def list_slots(ctx: Ctx) -> Response:
    slots = [ctx.runtime.state.slots[key] for key in sorted(ctx.runtime.state.slots)]
    return json_response({"slots": slots, "total": len(slots)})


async def get_slot(ctx: Ctx) -> Response:
    return json_response(_slot(ctx))


async def bind_slot(ctx: Ctx) -> Response:
    state = ctx.runtime.state
    account_id = account_by_id(state, ctx.body["account_id"])["id"]
    key = _slot_key(ctx)
    moment = now()
    slot = state.slots.get(key)
    if slot is None:
        slot = {
            "id": str(uuid.uuid4()),
            "user_id": CLERK_USER_ID,
            "node_seq": key[0],
            "slot_idx": key[1],
            "created_at": moment,
        }
        state.slots[key] = slot
    slot.update(account_id=account_id, bound_at=moment, updated_at=moment)
    return json_response(slot)


async def unbind_slot(ctx: Ctx) -> Response:
    slot = _slot(ctx)
    slot.update(account_id=None, bound_at=None, updated_at=now())
    return json_response(slot)


HANDLERS: Final[dict[str, Handler]] = operations(list_slots, get_slot, bind_slot, unbind_slot)
