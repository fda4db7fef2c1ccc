from enum import StrEnum


class OrderStrategy(StrEnum):
    ADVERSEDELAYENTRY = "AdverseDelayEntry"
    BREAKEVEN = "Breakeven"
    FAVORABLEDELAYENTRY = "FavorableDelayEntry"
    IMMEDIATEENTRY = "ImmediateEntry"
    IMMEDIATEEXIT = "ImmediateExit"
    STOPLOSS = "StopLoss"
    TAKEPROFIT = "TakeProfit"
    TIMEOUTEXIT = "TimeoutExit"
    TRAILINGSTOP = "TrailingStop"

    def __str__(self) -> str:
        return str(self.value)
