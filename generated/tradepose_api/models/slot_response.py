from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SlotResponse")


@_attrs_define
class SlotResponse:
    """
    Attributes:
        id (str):
        user_id (str):
        node_seq (int):
        slot_idx (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        account_id (None | str | Unset):
        bound_at (datetime.datetime | None | Unset):
    """

    id: str
    user_id: str
    node_seq: int
    slot_idx: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    account_id: None | str | Unset = UNSET
    bound_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id = self.user_id

        node_seq = self.node_seq

        slot_idx = self.slot_idx

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        bound_at: None | str | Unset
        if isinstance(self.bound_at, Unset):
            bound_at = UNSET
        elif isinstance(self.bound_at, datetime.datetime):
            bound_at = self.bound_at.isoformat()
        else:
            bound_at = self.bound_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "user_id": user_id,
                "node_seq": node_seq,
                "slot_idx": slot_idx,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if bound_at is not UNSET:
            field_dict["bound_at"] = bound_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        user_id = d.pop("user_id")

        node_seq = d.pop("node_seq")

        slot_idx = d.pop("slot_idx")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_bound_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bound_at_type_0 = datetime.datetime.fromisoformat(data)

                return bound_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        bound_at = _parse_bound_at(d.pop("bound_at", UNSET))

        slot_response = cls(
            id=id,
            user_id=user_id,
            node_seq=node_seq,
            slot_idx=slot_idx,
            created_at=created_at,
            updated_at=updated_at,
            account_id=account_id,
            bound_at=bound_at,
        )

        slot_response.additional_properties = d
        return slot_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
