from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UsageWindowResponse")


@_attrs_define
class UsageWindowResponse:
    """
    Attributes:
        total_requests (int):
        completed_tasks (int):
        failed_tasks (int):
    """

    total_requests: int
    completed_tasks: int
    failed_tasks: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_requests = self.total_requests

        completed_tasks = self.completed_tasks

        failed_tasks = self.failed_tasks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_requests": total_requests,
                "completed_tasks": completed_tasks,
                "failed_tasks": failed_tasks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_requests = d.pop("total_requests")

        completed_tasks = d.pop("completed_tasks")

        failed_tasks = d.pop("failed_tasks")

        usage_window_response = cls(
            total_requests=total_requests,
            completed_tasks=completed_tasks,
            failed_tasks=failed_tasks,
        )

        usage_window_response.additional_properties = d
        return usage_window_response

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
