from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.usage_day_response import UsageDayResponse


T = TypeVar("T", bound="UsageHistoryResponse")


@_attrs_define
class UsageHistoryResponse:
    """
    Attributes:
        user_id (str):
        start_date (datetime.date):
        end_date (datetime.date):
        total_requests (int):
        daily_usage (list[UsageDayResponse] | Unset):
    """

    user_id: str
    start_date: datetime.date
    end_date: datetime.date
    total_requests: int
    daily_usage: list[UsageDayResponse] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        total_requests = self.total_requests

        daily_usage: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.daily_usage, Unset):
            daily_usage = []
            for daily_usage_item_data in self.daily_usage:
                daily_usage_item = daily_usage_item_data.to_dict()
                daily_usage.append(daily_usage_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "start_date": start_date,
                "end_date": end_date,
                "total_requests": total_requests,
            }
        )
        if daily_usage is not UNSET:
            field_dict["daily_usage"] = daily_usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.usage_day_response import UsageDayResponse  # noqa: PLC0415

        d = dict(src_dict)
        user_id = d.pop("user_id")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        total_requests = d.pop("total_requests")

        _daily_usage = d.pop("daily_usage", UNSET)
        daily_usage: list[UsageDayResponse] | Unset = UNSET
        if _daily_usage is not UNSET:
            daily_usage = []
            for daily_usage_item_data in _daily_usage:
                daily_usage_item = UsageDayResponse.from_dict(daily_usage_item_data)

                daily_usage.append(daily_usage_item)

        usage_history_response = cls(
            user_id=user_id,
            start_date=start_date,
            end_date=end_date,
            total_requests=total_requests,
            daily_usage=daily_usage,
        )

        usage_history_response.additional_properties = d
        return usage_history_response

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
