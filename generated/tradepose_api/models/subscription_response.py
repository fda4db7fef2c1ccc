from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionResponse")


@_attrs_define
class SubscriptionResponse:
    """
    Attributes:
        id (UUID):
        user_id (UUID):
        plan (str):
        status (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        lemonsqueezy_subscription_id (None | str | Unset):
        lemonsqueezy_customer_id (None | str | Unset):
        current_period_start (datetime.datetime | None | Unset):
        current_period_end (datetime.datetime | None | Unset):
    """

    id: UUID
    user_id: UUID
    plan: str
    status: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    lemonsqueezy_subscription_id: None | str | Unset = UNSET
    lemonsqueezy_customer_id: None | str | Unset = UNSET
    current_period_start: datetime.datetime | None | Unset = UNSET
    current_period_end: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        user_id = str(self.user_id)

        plan = self.plan

        status = self.status

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        lemonsqueezy_subscription_id: None | str | Unset
        if isinstance(self.lemonsqueezy_subscription_id, Unset):
            lemonsqueezy_subscription_id = UNSET
        else:
            lemonsqueezy_subscription_id = self.lemonsqueezy_subscription_id

        lemonsqueezy_customer_id: None | str | Unset
        if isinstance(self.lemonsqueezy_customer_id, Unset):
            lemonsqueezy_customer_id = UNSET
        else:
            lemonsqueezy_customer_id = self.lemonsqueezy_customer_id

        current_period_start: None | str | Unset
        if isinstance(self.current_period_start, Unset):
            current_period_start = UNSET
        elif isinstance(self.current_period_start, datetime.datetime):
            current_period_start = self.current_period_start.isoformat()
        else:
            current_period_start = self.current_period_start

        current_period_end: None | str | Unset
        if isinstance(self.current_period_end, Unset):
            current_period_end = UNSET
        elif isinstance(self.current_period_end, datetime.datetime):
            current_period_end = self.current_period_end.isoformat()
        else:
            current_period_end = self.current_period_end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "user_id": user_id,
                "plan": plan,
                "status": status,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if lemonsqueezy_subscription_id is not UNSET:
            field_dict["lemonsqueezy_subscription_id"] = lemonsqueezy_subscription_id
        if lemonsqueezy_customer_id is not UNSET:
            field_dict["lemonsqueezy_customer_id"] = lemonsqueezy_customer_id
        if current_period_start is not UNSET:
            field_dict["current_period_start"] = current_period_start
        if current_period_end is not UNSET:
            field_dict["current_period_end"] = current_period_end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        user_id = UUID(d.pop("user_id"))

        plan = d.pop("plan")

        status = d.pop("status")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_lemonsqueezy_subscription_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lemonsqueezy_subscription_id = _parse_lemonsqueezy_subscription_id(
            d.pop("lemonsqueezy_subscription_id", UNSET)
        )

        def _parse_lemonsqueezy_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lemonsqueezy_customer_id = _parse_lemonsqueezy_customer_id(
            d.pop("lemonsqueezy_customer_id", UNSET)
        )

        def _parse_current_period_start(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_period_start_type_0 = datetime.datetime.fromisoformat(data)

                return current_period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        current_period_start = _parse_current_period_start(
            d.pop("current_period_start", UNSET)
        )

        def _parse_current_period_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_period_end_type_0 = datetime.datetime.fromisoformat(data)

                return current_period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        current_period_end = _parse_current_period_end(
            d.pop("current_period_end", UNSET)
        )

        subscription_response = cls(
            id=id,
            user_id=user_id,
            plan=plan,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            lemonsqueezy_subscription_id=lemonsqueezy_subscription_id,
            lemonsqueezy_customer_id=lemonsqueezy_customer_id,
            current_period_start=current_period_start,
            current_period_end=current_period_end,
        )

        subscription_response.additional_properties = d
        return subscription_response

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
