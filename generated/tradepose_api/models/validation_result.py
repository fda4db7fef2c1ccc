from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.strategy_validation_error import StrategyValidationError


T = TypeVar("T", bound="ValidationResult")


@_attrs_define
class ValidationResult:
    """Outcome of a validate-strategy task.

    Attributes:
        valid (bool):
        validated_strategies (list[str]):
        errors (list[StrategyValidationError]):
    """

    valid: bool
    validated_strategies: list[str]
    errors: list[StrategyValidationError]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        validated_strategies = self.validated_strategies

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "validated_strategies": validated_strategies,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.strategy_validation_error import StrategyValidationError  # noqa: PLC0415

        d = dict(src_dict)
        valid = d.pop("valid")

        validated_strategies = cast(list[str], d.pop("validated_strategies"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = StrategyValidationError.from_dict(errors_item_data)

            errors.append(errors_item)

        validation_result = cls(
            valid=valid,
            validated_strategies=validated_strategies,
            errors=errors,
        )

        validation_result.additional_properties = d
        return validation_result

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
