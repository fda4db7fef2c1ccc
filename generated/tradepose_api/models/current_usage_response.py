from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CurrentUsageResponse")


@_attrs_define
class CurrentUsageResponse:
    """
    Attributes:
        user_id (str):
        current_month (str): `YYYY-MM`.
        usage (int):
        limit (int):
        remaining (int):
        percentage_used (float):
    """

    user_id: str
    current_month: str
    usage: int
    limit: int
    remaining: int
    percentage_used: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        current_month = self.current_month

        usage = self.usage

        limit = self.limit

        remaining = self.remaining

        percentage_used = self.percentage_used

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "current_month": current_month,
                "usage": usage,
                "limit": limit,
                "remaining": remaining,
                "percentage_used": percentage_used,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        current_month = d.pop("current_month")

        usage = d.pop("usage")

        limit = d.pop("limit")

        remaining = d.pop("remaining")

        percentage_used = d.pop("percentage_used")

        current_usage_response = cls(
            user_id=user_id,
            current_month=current_month,
            usage=usage,
            limit=limit,
            remaining=remaining,
            percentage_used=percentage_used,
        )

        current_usage_response.additional_properties = d
        return current_usage_response

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
