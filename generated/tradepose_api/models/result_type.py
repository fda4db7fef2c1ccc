from enum import StrEnum


class ResultType(StrEnum):
    ENHANCED_OHLCV = "enhanced_ohlcv"
    ON_DEMAND_OHLCV = "on_demand_ohlcv"
    PERFORMANCE = "performance"
    TRADES = "trades"

    def __str__(self) -> str:
        return str(self.value)
