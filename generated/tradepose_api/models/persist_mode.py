from enum import IntEnum


class PersistMode(IntEnum):
    REDIS = 0
    PSQL = 1

    def __str__(self) -> str:
        return str(self.value)
