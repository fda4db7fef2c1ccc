from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execution_mode import ExecutionMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="BindingCreateRequest")


@_attrs_define
class BindingCreateRequest:
    """
    Attributes:
        account_id (UUID):
        portfolio_name (str):
        execution_mode (ExecutionMode | Unset): How a binding executes signals.
    """

    account_id: UUID
    portfolio_name: str
    execution_mode: ExecutionMode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        portfolio_name = self.portfolio_name

        execution_mode: str | Unset = UNSET
        if not isinstance(self.execution_mode, Unset):
            execution_mode = self.execution_mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "portfolio_name": portfolio_name,
            }
        )
        if execution_mode is not UNSET:
            field_dict["execution_mode"] = execution_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        portfolio_name = d.pop("portfolio_name")

        _execution_mode = d.pop("execution_mode", UNSET)
        execution_mode: ExecutionMode | Unset
        if isinstance(_execution_mode, Unset):
            execution_mode = UNSET
        else:
            execution_mode = ExecutionMode(_execution_mode)

        binding_create_request = cls(
            account_id=account_id,
            portfolio_name=portfolio_name,
            execution_mode=execution_mode,
        )

        binding_create_request.additional_properties = d
        return binding_create_request

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
