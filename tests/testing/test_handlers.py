"""The handler registry: one module per API group of openapi.json, and the record logic they share."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tradepose.testing._handlers import GROUPS, HANDLERS
from tradepose.testing._handlers._records import archive_or_delete, find, list_by_archived, public
from tradepose.testing._state import ApiError

SPEC = Path(__file__).resolve().parents[2] / "openapi.json"


def _operations_by_tag() -> dict[str, set[str]]:
    by_tag: dict[str, set[str]] = {}
    for item in json.loads(SPEC.read_text())["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                (tag,) = operation["tags"]
                by_tag.setdefault(tag, set()).add(operation["operationId"])
    return by_tag


def test_each_group_holds_exactly_its_tags_operations() -> None:
    """Every tag of openapi.json has a handler module holding exactly that tag's operationIds."""
    assert {tag: set(group) for tag, group in GROUPS.items()} == _operations_by_tag()


def test_registry_is_the_disjoint_union_of_the_groups() -> None:
    """No operationId is handled by two groups, and HANDLERS holds each group's handlers."""
    assert len(HANDLERS) == sum(len(group) for group in GROUPS.values())
    for group in GROUPS.values():
        assert all(HANDLERS[name] is handler and handler.__name__ == name for name, handler in group.items())


def test_public_drops_internal_fields() -> None:
    """Fields starting with `_` never leave the gateway."""
    assert public({"id": "a", "_credentials": {"k": "v"}, "_archived": False}) == {"id": "a"}


def test_find_missing_is_404_with_the_given_detail() -> None:
    """A missing key raises ApiError(404) carrying the caller's message; a present one is returned."""
    table = {"a": {"id": "a"}}
    assert find(table, "a", "nope") is table["a"]
    with pytest.raises(ApiError) as raised:
        find(table, "b", "Thing b not found")
    assert (raised.value.status, raised.value.detail) == (404, "Thing b not found")


def test_list_by_archived_filters_on_the_flag() -> None:
    """Only records whose flag equals `archived` are listed, projected by `item`, with their count."""
    records: list[dict[str, Any]] = [{"n": 1, "_a": False}, {"n": 2, "_a": True}, {"n": 3, "_a": False}]
    live = json.loads(bytes(list_by_archived(records, archived=False, flag="_a", plural="things").body))
    assert live == {"things": [{"n": 1}, {"n": 3}], "count": 2}
    gone = list_by_archived(records, archived=True, flag="_a", plural="xs", item=lambda r: {"n": -r["n"]})
    assert json.loads(bytes(gone.body)) == {"xs": [{"n": -2}], "count": 1}


def test_archive_or_delete_archives_or_removes() -> None:
    """Archiving sets the flag and keeps the record; deleting removes it; the message says which."""
    table: dict[str, dict[str, Any]] = {"a": {"_a": False}, "b": {"_a": False}}
    archived = archive_or_delete(table, "a", archive=True, flag="_a", label="Thing 'a'")
    assert json.loads(bytes(archived.body)) == {"message": "Thing 'a' archived"} and table["a"]["_a"] is True
    deleted = archive_or_delete(table, "b", archive=False, flag="_a", label="Thing 'b'")
    assert json.loads(bytes(deleted.body)) == {"message": "Thing 'b' deleted"} and "b" not in table
