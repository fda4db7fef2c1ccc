from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trade_direction import TradeDirection
from ..models.trend_type import TrendType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trigger import Trigger


T = TypeVar("T", bound="Blueprint")


@_attrs_define
class Blueprint:
    """A set of entry and exit triggers.

    Attributes:
        name (str):
        direction (TradeDirection): Direction a blueprint trades.
        trend_type (TrendType): Market regime a blueprint is written for.
        entry_first (bool):
        entry_triggers (list[Trigger]):
        exit_triggers (list[Trigger]):
        id (None | Unset | UUID):
        note (str | Unset):  Default: ''.
    """

    name: str
    direction: TradeDirection
    trend_type: TrendType
    entry_first: bool
    entry_triggers: list[Trigger]
    exit_triggers: list[Trigger]
    id: None | Unset | UUID = UNSET
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        direction = self.direction.value

        trend_type = self.trend_type.value

        entry_first = self.entry_first

        entry_triggers = []
        for entry_triggers_item_data in self.entry_triggers:
            entry_triggers_item = entry_triggers_item_data.to_dict()
            entry_triggers.append(entry_triggers_item)

        exit_triggers = []
        for exit_triggers_item_data in self.exit_triggers:
            exit_triggers_item = exit_triggers_item_data.to_dict()
            exit_triggers.append(exit_triggers_item)

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "direction": direction,
                "trend_type": trend_type,
                "entry_first": entry_first,
                "entry_triggers": entry_triggers,
                "exit_triggers": exit_triggers,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trigger import Trigger  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        direction = TradeDirection(d.pop("direction"))

        trend_type = TrendType(d.pop("trend_type"))

        entry_first = d.pop("entry_first")

        entry_triggers = []
        _entry_triggers = d.pop("entry_triggers")
        for entry_triggers_item_data in _entry_triggers:
            entry_triggers_item = Trigger.from_dict(entry_triggers_item_data)

            entry_triggers.append(entry_triggers_item)

        exit_triggers = []
        _exit_triggers = d.pop("exit_triggers")
        for exit_triggers_item_data in _exit_triggers:
            exit_triggers_item = Trigger.from_dict(exit_triggers_item_data)

            exit_triggers.append(exit_triggers_item)

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        note = d.pop("note", UNSET)

        blueprint = cls(
            name=name,
            direction=direction,
            trend_type=trend_type,
            entry_first=entry_first,
            entry_triggers=entry_triggers,
            exit_triggers=exit_triggers,
            id=id,
            note=note,
        )

        blueprint.additional_properties = d
        return blueprint

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
