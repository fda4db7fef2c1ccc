"""The stored-record logic that several resource groups share: lookup, listing, archive-or-delete.

Records are plain dicts; keys starting with `_` are gateway-internal (ids the wire does not show,
credentials, archive flags) and never leave the gateway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from typing import Any, TypeVar

from starlette.responses import Response

from tradepose.testing._handlers._common import json_response
from tradepose.testing._state import ApiError

__all__ = ["archive_or_delete", "find", "list_by_archived", "public"]

K = TypeVar("K")
V = TypeVar("V")


def public(record: dict[str, Any]) -> dict[str, Any]:
    """`record` without its gateway-internal (`_`-prefixed) fields."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


def find(table: MutableMapping[K, V], key: K, missing: str) -> V:
    """`table[key]`, or a 404 with detail `missing`."""
    record = table.get(key)
    if record is None:
        raise ApiError(404, missing)
    return record


def list_by_archived(
    records: Iterable[dict[str, Any]],
    *,
    archived: bool,
    flag: str,
    plural: str,
    item: Callable[[dict[str, Any]], dict[str, Any]] = public,
) -> Response:
    """`{plural: [...], "count": n}` of the records whose archive `flag` equals `archived`."""
    items = [item(record) for record in records if record[flag] == archived]
    return json_response({plural: items, "count": len(items)})


def archive_or_delete(
    table: MutableMapping[K, dict[str, Any]], key: K, *, archive: bool, flag: str, label: str
) -> Response:
    """Set the record's archive `flag` (`archive`) or remove it from `table`; says which, as `label …`."""
    if archive:
        table[key][flag] = True
        return json_response({"message": f"{label} archived"})
    del table[key]
    return json_response({"message": f"{label} deleted"})
