from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.instrument_response import InstrumentResponse


T = TypeVar("T", bound="InstrumentListResponse")


@_attrs_define
class InstrumentListResponse:
    """
    Attributes:
        instruments (list[InstrumentResponse]):
        count (int):
        total (int):
        limit (int):
        offset (int):
    """

    instruments: list[InstrumentResponse]
    count: int
    total: int
    limit: int
    offset: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instruments = []
        for instruments_item_data in self.instruments:
            instruments_item = instruments_item_data.to_dict()
            instruments.append(instruments_item)

        count = self.count

        total = self.total

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instruments": instruments,
                "count": count,
                "total": total,
                "limit": limit,
                "offset": offset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instrument_response import InstrumentResponse  # noqa: PLC0415

        d = dict(src_dict)
        instruments = []
        _instruments = d.pop("instruments")
        for instruments_item_data in _instruments:
            instruments_item = InstrumentResponse.from_dict(instruments_item_data)

            instruments.append(instruments_item)

        count = d.pop("count")

        total = d.pop("total")

        limit = d.pop("limit")

        offset = d.pop("offset")

        instrument_list_response = cls(
            instruments=instruments,
            count=count,
            total=total,
            limit=limit,
            offset=offset,
        )

        instrument_list_response.additional_properties = d
        return instrument_list_response

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
