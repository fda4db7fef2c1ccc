from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.portfolio_response import PortfolioResponse


T = TypeVar("T", bound="PortfolioListResponse")


@_attrs_define
class PortfolioListResponse:
    """
    Attributes:
        portfolios (list[PortfolioResponse]):
        count (int):
    """

    portfolios: list[PortfolioResponse]
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        portfolios = []
        for portfolios_item_data in self.portfolios:
            portfolios_item = portfolios_item_data.to_dict()
            portfolios.append(portfolios_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "portfolios": portfolios,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.portfolio_response import PortfolioResponse  # noqa: PLC0415

        d = dict(src_dict)
        portfolios = []
        _portfolios = d.pop("portfolios")
        for portfolios_item_data in _portfolios:
            portfolios_item = PortfolioResponse.from_dict(portfolios_item_data)

            portfolios.append(portfolios_item)

        count = d.pop("count")

        portfolio_list_response = cls(
            portfolios=portfolios,
            count=count,
        )

        portfolio_list_response.additional_properties = d
        return portfolio_list_response

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
