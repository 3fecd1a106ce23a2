from enum import StrEnum


class TemplateId(StrEnum):
    SYS_DATA_ANALYSE = "sys_data_analyse"
    SYS_DATA_AUGMENTATION = "sys_data_augmentation"
    SYS_DATA_CLEANING = "sys_data_cleaning"
    SYS_DATA_SELECTION = "sys_data_selection"
    SYS_DATA_VALIDATION = "sys_data_validation"

    def __str__(self) -> str:
        return str(self.value)
