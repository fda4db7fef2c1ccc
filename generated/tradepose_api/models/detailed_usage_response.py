from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.usage_window_response import UsageWindowResponse


T = TypeVar("T", bound="DetailedUsageResponse")


@_attrs_define
class DetailedUsageResponse:
    """
    Attributes:
        period_start (datetime.datetime):
        last_minute (UsageWindowResponse):
        last_hour (UsageWindowResponse):
        last_day (UsageWindowResponse):
        current_period (UsageWindowResponse):
        plan (str):
        monthly_quota (int):
        requests_per_minute (int):
        remaining_quota (int):
        quota_percentage_used (float):
        last_updated (datetime.datetime):
    """

    period_start: datetime.datetime
    last_minute: UsageWindowResponse
    last_hour: UsageWindowResponse
    last_day: UsageWindowResponse
    current_period: UsageWindowResponse
    plan: str
    monthly_quota: int
    requests_per_minute: int
    remaining_quota: int
    quota_percentage_used: float
    last_updated: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start.isoformat()

        last_minute = self.last_minute.to_dict()

        last_hour = self.last_hour.to_dict()

        last_day = self.last_day.to_dict()

        current_period = self.current_period.to_dict()

        plan = self.plan

        monthly_quota = self.monthly_quota

        requests_per_minute = self.requests_per_minute

        remaining_quota = self.remaining_quota

        quota_percentage_used = self.quota_percentage_used

        last_updated = self.last_updated.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period_start": period_start,
                "last_minute": last_minute,
                "last_hour": last_hour,
                "last_day": last_day,
                "current_period": current_period,
                "plan": plan,
                "monthly_quota": monthly_quota,
                "requests_per_minute": requests_per_minute,
                "remaining_quota": remaining_quota,
                "quota_percentage_used": quota_percentage_used,
                "last_updated": last_updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.usage_window_response import UsageWindowResponse  # noqa: PLC0415

        d = dict(src_dict)
        period_start = datetime.datetime.fromisoformat(d.pop("period_start"))

        last_minute = UsageWindowResponse.from_dict(d.pop("last_minute"))

        last_hour = UsageWindowResponse.from_dict(d.pop("last_hour"))

        last_day = UsageWindowResponse.from_dict(d.pop("last_day"))

        current_period = UsageWindowResponse.from_dict(d.pop("current_period"))

        plan = d.pop("plan")

        monthly_quota = d.pop("monthly_quota")

        requests_per_minute = d.pop("requests_per_minute")

        remaining_quota = d.pop("remaining_quota")

        quota_percentage_used = d.pop("quota_percentage_used")

        last_updated = datetime.datetime.fromisoformat(d.pop("last_updated"))

        detailed_usage_response = cls(
            period_start=period_start,
            last_minute=last_minute,
            last_hour=last_hour,
            last_day=last_day,
            current_period=current_period,
            plan=plan,
            monthly_quota=monthly_quota,
            requests_per_minute=requests_per_minute,
            remaining_quota=remaining_quota,
            quota_percentage_used=quota_percentage_used,
            last_updated=last_updated,
        )

        detailed_usage_response.additional_properties = d
        return detailed_usage_response

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
