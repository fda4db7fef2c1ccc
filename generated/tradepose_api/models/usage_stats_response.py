from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.current_usage_response import CurrentUsageResponse


T = TypeVar("T", bound="UsageStatsResponse")


@_attrs_define
class UsageStatsResponse:
    """
    Attributes:
        current_month (CurrentUsageResponse):
        plan_name (str):
        plan_tier (str):
        rate_limit_per_minute (int):
        monthly_quota (int):
    """

    current_month: CurrentUsageResponse
    plan_name: str
    plan_tier: str
    rate_limit_per_minute: int
    monthly_quota: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current_month = self.current_month.to_dict()

        plan_name = self.plan_name

        plan_tier = self.plan_tier

        rate_limit_per_minute = self.rate_limit_per_minute

        monthly_quota = self.monthly_quota

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current_month": current_month,
                "plan_name": plan_name,
                "plan_tier": plan_tier,
                "rate_limit_per_minute": rate_limit_per_minute,
                "monthly_quota": monthly_quota,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.current_usage_response import CurrentUsageResponse  # noqa: PLC0415

        d = dict(src_dict)
        current_month = CurrentUsageResponse.from_dict(d.pop("current_month"))

        plan_name = d.pop("plan_name")

        plan_tier = d.pop("plan_tier")

        rate_limit_per_minute = d.pop("rate_limit_per_minute")

        monthly_quota = d.pop("monthly_quota")

        usage_stats_response = cls(
            current_month=current_month,
            plan_name=plan_name,
            plan_tier=plan_tier,
            rate_limit_per_minute=rate_limit_per_minute,
            monthly_quota=monthly_quota,
        )

        usage_stats_response.additional_properties = d
        return usage_stats_response

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
