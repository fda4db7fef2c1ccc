from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_limits_response import PlanLimitsResponse


T = TypeVar("T", bound="PlanResponse")


@_attrs_define
class PlanResponse:
    """
    Attributes:
        tier (str):
        name (str):
        description (str):
        price_monthly (float):
        price_yearly (float):
        limits (PlanLimitsResponse):
        features (list[str]):
    """

    tier: str
    name: str
    description: str
    price_monthly: float
    price_yearly: float
    limits: PlanLimitsResponse
    features: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tier = self.tier

        name = self.name

        description = self.description

        price_monthly = self.price_monthly

        price_yearly = self.price_yearly

        limits = self.limits.to_dict()

        features = self.features

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tier": tier,
                "name": name,
                "description": description,
                "price_monthly": price_monthly,
                "price_yearly": price_yearly,
                "limits": limits,
                "features": features,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_limits_response import PlanLimitsResponse  # noqa: PLC0415

        d = dict(src_dict)
        tier = d.pop("tier")

        name = d.pop("name")

        description = d.pop("description")

        price_monthly = d.pop("price_monthly")

        price_yearly = d.pop("price_yearly")

        limits = PlanLimitsResponse.from_dict(d.pop("limits"))

        features = cast(list[str], d.pop("features"))

        plan_response = cls(
            tier=tier,
            name=name,
            description=description,
            price_monthly=price_monthly,
            price_yearly=price_yearly,
            limits=limits,
            features=features,
        )

        plan_response.additional_properties = d
        return plan_response

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
