from enum import IntEnum


class TaskStatus(IntEnum):
    PENDING = 0
    PROCESSING = 1
    COMPLETED = 2
    FAILED = 3

    def __str__(self) -> str:
        return str(self.value)
