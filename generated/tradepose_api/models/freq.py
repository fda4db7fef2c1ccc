from enum import StrEnum


class Freq(StrEnum):
    VALUE_0 = "1min"
    VALUE_1 = "5min"
    VALUE_2 = "15min"
    VALUE_3 = "30min"
    VALUE_4 = "1h"
    VALUE_5 = "4h"
    VALUE_6 = "1D"
    VALUE_7 = "1W"
    VALUE_8 = "1M"

    def __str__(self) -> str:
        return str(self.value)
