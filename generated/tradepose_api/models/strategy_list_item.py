from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.blueprint_ref import BlueprintRef


T = TypeVar("T", bound="StrategyListItem")


@_attrs_define
class StrategyListItem:
    """
    Attributes:
        id (str):
        name (str):
        base_instrument (str):
        base_freq (str):
        note (str):
        base_blueprint (BlueprintRef): Id and name of a stored blueprint.
        advanced_blueprints (list[BlueprintRef]):
    """

    id: str
    name: str
    base_instrument: str
    base_freq: str
    note: str
    base_blueprint: BlueprintRef
    advanced_blueprints: list[BlueprintRef]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        base_instrument = self.base_instrument

        base_freq = self.base_freq

        note = self.note

        base_blueprint = self.base_blueprint.to_dict()

        advanced_blueprints = []
        for advanced_blueprints_item_data in self.advanced_blueprints:
            advanced_blueprints_item = advanced_blueprints_item_data.to_dict()
            advanced_blueprints.append(advanced_blueprints_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "base_instrument": base_instrument,
                "base_freq": base_freq,
                "note": note,
                "base_blueprint": base_blueprint,
                "advanced_blueprints": advanced_blueprints,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.blueprint_ref import BlueprintRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        base_instrument = d.pop("base_instrument")

        base_freq = d.pop("base_freq")

        note = d.pop("note")

        base_blueprint = BlueprintRef.from_dict(d.pop("base_blueprint"))

        advanced_blueprints = []
        _advanced_blueprints = d.pop("advanced_blueprints")
        for advanced_blueprints_item_data in _advanced_blueprints:
            advanced_blueprints_item = BlueprintRef.from_dict(
                advanced_blueprints_item_data
            )

            advanced_blueprints.append(advanced_blueprints_item)

        strategy_list_item = cls(
            id=id,
            name=name,
            base_instrument=base_instrument,
            base_freq=base_freq,
            note=note,
            base_blueprint=base_blueprint,
            advanced_blueprints=advanced_blueprints,
        )

        strategy_list_item.additional_properties = d
        return strategy_list_item

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
