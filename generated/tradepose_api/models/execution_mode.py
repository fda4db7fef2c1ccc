from enum import StrEnum


class ExecutionMode(StrEnum):
    PRICE_PRIORITY = "price_priority"
    SIGNAL_PRIORITY = "signal_priority"

    def __str__(self) -> str:
        return str(self.value)
