from enum import StrEnum


class WorkPathType(StrEnum):
    DATASET = "DATASET"
    OBS = "OBS"

    def __str__(self) -> str:
        return str(self.value)
