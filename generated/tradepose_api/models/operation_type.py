from enum import StrEnum


class OperationType(StrEnum):
    BACKTEST_RESULTS = "backtest-results"
    DELETE_STRATEGY = "delete_strategy"
    ENHANCED_OHLCV = "enhanced-ohlcv"
    GET_STRATEGY = "get_strategy"
    LATEST_TRADES = "latest-trades"
    LIST_STRATEGIES = "list_strategies"
    ON_DEMAND_OHLCV = "on-demand-ohlcv"
    REGISTER_STRATEGY = "register_strategy"
    VALIDATE_STRATEGY = "validate-strategy"

    def __str__(self) -> str:
        return str(self.value)
