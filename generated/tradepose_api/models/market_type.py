from enum import StrEnum


class MarketType(StrEnum):
    FOREX = "forex"
    FUTURES = "futures"
    MARGIN = "margin"
    OPTIONS = "options"
    SPOT = "spot"
    SWAP = "swap"

    def __str__(self) -> str:
        return str(self.value)
