from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.blueprint_selection import BlueprintSelection
    from ..models.portfolio_instrument_mapping import PortfolioInstrumentMapping


T = TypeVar("T", bound="PortfolioResponse")


@_attrs_define
class PortfolioResponse:
    """
    Attributes:
        name (str):
        capital (float | str): Decimal; sent as a string.
        currency (str):
        account_source (str):
        selections (list[BlueprintSelection]):
        instrument_mapping (None | PortfolioInstrumentMapping | Unset):
    """

    name: str
    capital: float | str
    currency: str
    account_source: str
    selections: list[BlueprintSelection]
    instrument_mapping: None | PortfolioInstrumentMapping | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.portfolio_instrument_mapping import PortfolioInstrumentMapping  # noqa: PLC0415

        name = self.name

        capital: float | str
        capital = self.capital

        currency = self.currency

        account_source = self.account_source

        selections = []
        for selections_item_data in self.selections:
            selections_item = selections_item_data.to_dict()
            selections.append(selections_item)

        instrument_mapping: dict[str, Any] | None | Unset
        if isinstance(self.instrument_mapping, Unset):
            instrument_mapping = UNSET
        elif isinstance(self.instrument_mapping, PortfolioInstrumentMapping):
            instrument_mapping = self.instrument_mapping.to_dict()
        else:
            instrument_mapping = self.instrument_mapping

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "capital": capital,
                "currency": currency,
                "account_source": account_source,
                "selections": selections,
            }
        )
        if instrument_mapping is not UNSET:
            field_dict["instrument_mapping"] = instrument_mapping

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.blueprint_selection import BlueprintSelection  # noqa: PLC0415
        from ..models.portfolio_instrument_mapping import PortfolioInstrumentMapping  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_capital(data: object) -> float | str:
            return cast(float | str, data)

        capital = _parse_capital(d.pop("capital"))

        currency = d.pop("currency")

        account_source = d.pop("account_source")

        selections = []
        _selections = d.pop("selections")
        for selections_item_data in _selections:
            selections_item = BlueprintSelection.from_dict(selections_item_data)

            selections.append(selections_item)

        def _parse_instrument_mapping(
            data: object,
        ) -> None | PortfolioInstrumentMapping | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                instrument_mapping_type_0 = PortfolioInstrumentMapping.from_dict(data)

                return instrument_mapping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PortfolioInstrumentMapping | Unset, data)

        instrument_mapping = _parse_instrument_mapping(
            d.pop("instrument_mapping", UNSET)
        )

        portfolio_response = cls(
            name=name,
            capital=capital,
            currency=currency,
            account_source=account_source,
            selections=selections,
            instrument_mapping=instrument_mapping,
        )

        portfolio_response.additional_properties = d
        return portfolio_response

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
