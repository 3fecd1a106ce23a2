from enum import StrEnum


class ListProcessorTaskVersionResultsResultProperty(StrEnum):
    VALUE_0 = "-1"
    VALUE_1 = "0"
    VALUE_2 = "1"
    VALUE_3 = "2"
    VALUE_4 = "3"

    def __str__(self) -> str:
        return str(self.value)
