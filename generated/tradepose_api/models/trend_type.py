from enum import StrEnum


class TrendType(StrEnum):
    RANGE = "Range"
    REVERSAL = "Reversal"
    TREND = "Trend"

    def __str__(self) -> str:
        return str(self.value)
