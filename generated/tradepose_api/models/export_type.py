from enum import IntEnum


class ExportType(IntEnum):
    BACKTEST_RESULTS = 0
    LATEST_TRADES = 1
    ENHANCED_OHLCV = 2
    ON_DEMAND_OHLCV = 3
    VALIDATE_STRATEGY = 4

    def __str__(self) -> str:
        return str(self.value)
