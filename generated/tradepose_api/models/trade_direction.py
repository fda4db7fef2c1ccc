from enum import StrEnum


class TradeDirection(StrEnum):
    BOTH = "Both"
    LONG = "Long"
    SHORT = "Short"

    def __str__(self) -> str:
        return str(self.value)
