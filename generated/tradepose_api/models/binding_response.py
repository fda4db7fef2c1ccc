from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BindingResponse")


@_attrs_define
class BindingResponse:
    """
    Attributes:
        id (UUID):
        user_id (UUID):
        account_id (UUID):
        portfolio_id (UUID):
        execution_mode (str):
        is_active (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    user_id: UUID
    account_id: UUID
    portfolio_id: UUID
    execution_mode: str
    is_active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        user_id = str(self.user_id)

        account_id = str(self.account_id)

        portfolio_id = str(self.portfolio_id)

        execution_mode = self.execution_mode

        is_active = self.is_active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "user_id": user_id,
                "account_id": account_id,
                "portfolio_id": portfolio_id,
                "execution_mode": execution_mode,
                "is_active": is_active,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        user_id = UUID(d.pop("user_id"))

        account_id = UUID(d.pop("account_id"))

        portfolio_id = UUID(d.pop("portfolio_id"))

        execution_mode = d.pop("execution_mode")

        is_active = d.pop("is_active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        binding_response = cls(
            id=id,
            user_id=user_id,
            account_id=account_id,
            portfolio_id=portfolio_id,
            execution_mode=execution_mode,
            is_active=is_active,
            created_at=created_at,
            updated_at=updated_at,
        )

        binding_response.additional_properties = d
        return binding_response

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
