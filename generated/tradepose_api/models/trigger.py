from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_strategy import OrderStrategy
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.polars_expr import PolarsExpr


T = TypeVar("T", bound="Trigger")


@_attrs_define
class Trigger:
    """An entry or exit rule.

    Attributes:
        name (str):
        order_strategy (OrderStrategy): How a trigger places its order.
        priority (int): Lower numbers win.
        conditions (list[PolarsExpr]): Boolean Polars expressions, combined with AND.
        price_expr (PolarsExpr): A Polars expression in Polars' own JSON serialisation, e.g. {"Column": "close"}.
        note (None | str | Unset):
    """

    name: str
    order_strategy: OrderStrategy
    priority: int
    conditions: list[PolarsExpr]
    price_expr: PolarsExpr
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        order_strategy = self.order_strategy.value

        priority = self.priority

        conditions = []
        for conditions_item_data in self.conditions:
            conditions_item = conditions_item_data.to_dict()
            conditions.append(conditions_item)

        price_expr = self.price_expr.to_dict()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "order_strategy": order_strategy,
                "priority": priority,
                "conditions": conditions,
                "price_expr": price_expr,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.polars_expr import PolarsExpr  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        order_strategy = OrderStrategy(d.pop("order_strategy"))

        priority = d.pop("priority")

        conditions = []
        _conditions = d.pop("conditions")
        for conditions_item_data in _conditions:
            conditions_item = PolarsExpr.from_dict(conditions_item_data)

            conditions.append(conditions_item)

        price_expr = PolarsExpr.from_dict(d.pop("price_expr"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        trigger = cls(
            name=name,
            order_strategy=order_strategy,
            priority=priority,
            conditions=conditions,
            price_expr=price_expr,
            note=note,
        )

        trigger.additional_properties = d
        return trigger

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
