from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.blueprint_selection import BlueprintSelection
    from ..models.portfolio_update_instrument_mapping import (
        PortfolioUpdateInstrumentMapping,
    )


T = TypeVar("T", bound="PortfolioUpdateRequest")


@_attrs_define
class PortfolioUpdateRequest:
    """Partial update; `selections` replaces all selections.

    Attributes:
        capital (float | None | str | Unset):
        selections (list[BlueprintSelection] | None | Unset):
        instrument_mapping (None | PortfolioUpdateInstrumentMapping | Unset):
    """

    capital: float | None | str | Unset = UNSET
    selections: list[BlueprintSelection] | None | Unset = UNSET
    instrument_mapping: None | PortfolioUpdateInstrumentMapping | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.portfolio_update_instrument_mapping import (
            PortfolioUpdateInstrumentMapping,  # noqa: PLC0415
        )

        capital: float | None | str | Unset
        if isinstance(self.capital, Unset):
            capital = UNSET
        else:
            capital = self.capital

        selections: list[dict[str, Any]] | None | Unset
        if isinstance(self.selections, Unset):
            selections = UNSET
        elif isinstance(self.selections, list):
            selections = []
            for selections_type_0_item_data in self.selections:
                selections_type_0_item = selections_type_0_item_data.to_dict()
                selections.append(selections_type_0_item)

        else:
            selections = self.selections

        instrument_mapping: dict[str, Any] | None | Unset
        if isinstance(self.instrument_mapping, Unset):
            instrument_mapping = UNSET
        elif isinstance(self.instrument_mapping, PortfolioUpdateInstrumentMapping):
            instrument_mapping = self.instrument_mapping.to_dict()
        else:
            instrument_mapping = self.instrument_mapping

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if capital is not UNSET:
            field_dict["capital"] = capital
        if selections is not UNSET:
            field_dict["selections"] = selections
        if instrument_mapping is not UNSET:
            field_dict["instrument_mapping"] = instrument_mapping

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.blueprint_selection import BlueprintSelection  # noqa: PLC0415
        from ..models.portfolio_update_instrument_mapping import (
            PortfolioUpdateInstrumentMapping,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_capital(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        capital = _parse_capital(d.pop("capital", UNSET))

        def _parse_selections(data: object) -> list[BlueprintSelection] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                selections_type_0 = []
                _selections_type_0 = data
                for selections_type_0_item_data in _selections_type_0:
                    selections_type_0_item = BlueprintSelection.from_dict(
                        selections_type_0_item_data
                    )

                    selections_type_0.append(selections_type_0_item)

                return selections_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[BlueprintSelection] | None | Unset, data)

        selections = _parse_selections(d.pop("selections", UNSET))

        def _parse_instrument_mapping(
            data: object,
        ) -> None | PortfolioUpdateInstrumentMapping | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                instrument_mapping_type_0 = PortfolioUpdateInstrumentMapping.from_dict(
                    data
                )

                return instrument_mapping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PortfolioUpdateInstrumentMapping | Unset, data)

        instrument_mapping = _parse_instrument_mapping(
            d.pop("instrument_mapping", UNSET)
        )

        portfolio_update_request = cls(
            capital=capital,
            selections=selections,
            instrument_mapping=instrument_mapping,
        )

        portfolio_update_request.additional_properties = d
        return portfolio_update_request

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
