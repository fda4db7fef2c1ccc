from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StrategyValidationError")


@_attrs_define
class StrategyValidationError:
    """
    Attributes:
        strategy_name (None | str):
        field_path (str):
        message (str):
    """

    strategy_name: None | str
    field_path: str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        strategy_name: None | str
        strategy_name = self.strategy_name

        field_path = self.field_path

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "strategy_name": strategy_name,
                "field_path": field_path,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_strategy_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        strategy_name = _parse_strategy_name(d.pop("strategy_name"))

        field_path = d.pop("field_path")

        message = d.pop("message")

        strategy_validation_error = cls(
            strategy_name=strategy_name,
            field_path=field_path,
            message=message,
        )

        strategy_validation_error.additional_properties = d
        return strategy_validation_error

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
