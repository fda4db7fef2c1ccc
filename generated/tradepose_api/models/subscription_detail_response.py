from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_response import PlanResponse
    from ..models.subscription_response import SubscriptionResponse


T = TypeVar("T", bound="SubscriptionDetailResponse")


@_attrs_define
class SubscriptionDetailResponse:
    """
    Attributes:
        subscription (None | SubscriptionResponse):
        current_plan (PlanResponse):
        usage_current_month (int | Unset):  Default: 0.
        usage_limit (int | Unset):  Default: 0.
    """

    subscription: None | SubscriptionResponse
    current_plan: PlanResponse
    usage_current_month: int | Unset = 0
    usage_limit: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.subscription_response import SubscriptionResponse  # noqa: PLC0415

        subscription: dict[str, Any] | None
        if isinstance(self.subscription, SubscriptionResponse):
            subscription = self.subscription.to_dict()
        else:
            subscription = self.subscription

        current_plan = self.current_plan.to_dict()

        usage_current_month = self.usage_current_month

        usage_limit = self.usage_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subscription": subscription,
                "current_plan": current_plan,
            }
        )
        if usage_current_month is not UNSET:
            field_dict["usage_current_month"] = usage_current_month
        if usage_limit is not UNSET:
            field_dict["usage_limit"] = usage_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_response import PlanResponse  # noqa: PLC0415
        from ..models.subscription_response import SubscriptionResponse  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_subscription(data: object) -> None | SubscriptionResponse:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subscription_type_0 = SubscriptionResponse.from_dict(data)

                return subscription_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionResponse, data)

        subscription = _parse_subscription(d.pop("subscription"))

        current_plan = PlanResponse.from_dict(d.pop("current_plan"))

        usage_current_month = d.pop("usage_current_month", UNSET)

        usage_limit = d.pop("usage_limit", UNSET)

        subscription_detail_response = cls(
            subscription=subscription,
            current_plan=current_plan,
            usage_current_month=usage_current_month,
            usage_limit=usage_limit,
        )

        subscription_detail_response.additional_properties = d
        return subscription_detail_response

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
