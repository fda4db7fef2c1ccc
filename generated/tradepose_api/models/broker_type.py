from enum import StrEnum


class BrokerType(StrEnum):
    BINANCE = "binance"
    CCXT = "ccxt"
    IB = "ib"
    MT5 = "mt5"
    OKX = "okx"
    SHIOAJI = "shioaji"
    TRADEPOSE_MOCK = "tradepose_mock"

    def __str__(self) -> str:
        return str(self.value)
