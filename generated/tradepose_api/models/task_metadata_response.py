from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.export_type import ExportType
from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskMetadataResponse")


@_attrs_define
class TaskMetadataResponse:
    """State of an export task.

    Attributes:
        task_id (UUID):
        user_id (UUID):
        export_type (ExportType): What an export task produces, sent as an integer.
        created_at (datetime.datetime):
        status (TaskStatus | Unset): Lifecycle state of an export task, sent as an integer: 0 pending, 1 processing, 2
            completed, 3 failed.
        started_at (datetime.datetime | None | Unset):
        completed_at (datetime.datetime | None | Unset):
        worker_id (None | str | Unset):
        strategy_counts (int | Unset):  Default: 0.
        blueprint_counts (int | Unset):  Default: 0.
        indicator_counts (int | Unset):  Default: 0.
        trigger_counts (int | Unset):  Default: 0.
        input_rows (int | Unset):  Default: 0.
        error_message (None | str | Unset): Why the task failed.
    """

    task_id: UUID
    user_id: UUID
    export_type: ExportType
    created_at: datetime.datetime
    status: TaskStatus | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    worker_id: None | str | Unset = UNSET
    strategy_counts: int | Unset = 0
    blueprint_counts: int | Unset = 0
    indicator_counts: int | Unset = 0
    trigger_counts: int | Unset = 0
    input_rows: int | Unset = 0
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = str(self.task_id)

        user_id = str(self.user_id)

        export_type = self.export_type.value

        created_at = self.created_at.isoformat()

        status: int | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        worker_id: None | str | Unset
        if isinstance(self.worker_id, Unset):
            worker_id = UNSET
        else:
            worker_id = self.worker_id

        strategy_counts = self.strategy_counts

        blueprint_counts = self.blueprint_counts

        indicator_counts = self.indicator_counts

        trigger_counts = self.trigger_counts

        input_rows = self.input_rows

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "user_id": user_id,
                "export_type": export_type,
                "created_at": created_at,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if worker_id is not UNSET:
            field_dict["worker_id"] = worker_id
        if strategy_counts is not UNSET:
            field_dict["strategy_counts"] = strategy_counts
        if blueprint_counts is not UNSET:
            field_dict["blueprint_counts"] = blueprint_counts
        if indicator_counts is not UNSET:
            field_dict["indicator_counts"] = indicator_counts
        if trigger_counts is not UNSET:
            field_dict["trigger_counts"] = trigger_counts
        if input_rows is not UNSET:
            field_dict["input_rows"] = input_rows
        if error_message is not UNSET:
            field_dict["error_message"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = UUID(d.pop("task_id"))

        user_id = UUID(d.pop("user_id"))

        export_type = ExportType(d.pop("export_type"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _status = d.pop("status", UNSET)
        status: TaskStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskStatus(_status)

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_worker_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        worker_id = _parse_worker_id(d.pop("worker_id", UNSET))

        strategy_counts = d.pop("strategy_counts", UNSET)

        blueprint_counts = d.pop("blueprint_counts", UNSET)

        indicator_counts = d.pop("indicator_counts", UNSET)

        trigger_counts = d.pop("trigger_counts", UNSET)

        input_rows = d.pop("input_rows", UNSET)

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        task_metadata_response = cls(
            task_id=task_id,
            user_id=user_id,
            export_type=export_type,
            created_at=created_at,
            status=status,
            started_at=started_at,
            completed_at=completed_at,
            worker_id=worker_id,
            strategy_counts=strategy_counts,
            blueprint_counts=blueprint_counts,
            indicator_counts=indicator_counts,
            trigger_counts=trigger_counts,
            input_rows=input_rows,
            error_message=error_message,
        )

        task_metadata_response.additional_properties = d
        return task_metadata_response

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
