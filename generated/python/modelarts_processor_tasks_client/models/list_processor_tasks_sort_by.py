from enum import StrEnum


class ListProcessorTasksSortBy(StrEnum):
    CREATE_TIME = "create_time"
    DURATION_SECONDS = "duration_seconds"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
