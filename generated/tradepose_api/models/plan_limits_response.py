from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanLimitsResponse")


@_attrs_define
class PlanLimitsResponse:
    """
    Attributes:
        requests_per_minute (int):
        monthly_quota (int):
        max_concurrent_tasks (int):
        max_strategies (int):
        priority_queue (bool):
        support_level (str):
    """

    requests_per_minute: int
    monthly_quota: int
    max_concurrent_tasks: int
    max_strategies: int
    priority_queue: bool
    support_level: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requests_per_minute = self.requests_per_minute

        monthly_quota = self.monthly_quota

        max_concurrent_tasks = self.max_concurrent_tasks

        max_strategies = self.max_strategies

        priority_queue = self.priority_queue

        support_level = self.support_level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requests_per_minute": requests_per_minute,
                "monthly_quota": monthly_quota,
                "max_concurrent_tasks": max_concurrent_tasks,
                "max_strategies": max_strategies,
                "priority_queue": priority_queue,
                "support_level": support_level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requests_per_minute = d.pop("requests_per_minute")

        monthly_quota = d.pop("monthly_quota")

        max_concurrent_tasks = d.pop("max_concurrent_tasks")

        max_strategies = d.pop("max_strategies")

        priority_queue = d.pop("priority_queue")

        support_level = d.pop("support_level")

        plan_limits_response = cls(
            requests_per_minute=requests_per_minute,
            monthly_quota=monthly_quota,
            max_concurrent_tasks=max_concurrent_tasks,
            max_strategies=max_strategies,
            priority_queue=priority_queue,
            support_level=support_level,
        )

        plan_limits_response.additional_properties = d
        return plan_limits_response

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
