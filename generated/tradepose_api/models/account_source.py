from enum import StrEnum


class AccountSource(StrEnum):
    BINANCE = "BINANCE"
    FIVEPERCENT = "FIVEPERCENT"
    FTMO = "FTMO"
    IB = "IB"
    SHIOAJI = "SHIOAJI"

    def __str__(self) -> str:
        return str(self.value)
