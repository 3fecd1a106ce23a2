from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_id import TemplateId
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProcessorTaskItem")


@_attrs_define
class ProcessorTaskItem:
    """An algorithm type for data processing.

    Source: OTC *Querying the Algorithm Type for Data Processing*, table *ProcessorTaskItem*; Huawei (huaweicloudDocs)
    查询数据处理的算法类别.

        Attributes:
            label_en (str | Unset): English name of an algorithm type.
            label_zh (str | Unset): Chinese name of an algorithm type. The published example shows the placeholder
                `label_zh to translate`.

                Source: Huawei (huaweicloudDocs): 算法类别的中文名称, and OTC before 2024-06-17; OTC HEAD: "Algorithm type name".
            template_id (TemplateId | Unset): Task type, which is the ID of a data processing template:

                - `sys_data_analyse`: feature analysis
                - `sys_data_cleaning`: data cleansing
                - `sys_data_augmentation`: data augmentation
                - `sys_data_validation`: data validation
                - `sys_data_selection`: data filtering

                "Feature analysis" is `sys_data_analyse`; the other four are the "data processing" tasks.

                Source: OTC *Creating a Processing Task*, TemplateParam; Huawei (huaweicloudDocs) 创建处理任务; OTC HEAD "data
                filtering", older OTC pages "data selection"; Huawei 数据筛选, filtering.
    """

    label_en: str | Unset = UNSET
    label_zh: str | Unset = UNSET
    template_id: TemplateId | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label_en = self.label_en

        label_zh = self.label_zh

        template_id: str | Unset = UNSET
        if not isinstance(self.template_id, Unset):
            template_id = self.template_id.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if label_en is not UNSET:
            field_dict["label_en"] = label_en
        if label_zh is not UNSET:
            field_dict["label_zh"] = label_zh
        if template_id is not UNSET:
            field_dict["template_id"] = template_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        label_en = d.pop("label_en", UNSET)

        label_zh = d.pop("label_zh", UNSET)

        _template_id = d.pop("template_id", UNSET)
        template_id: TemplateId | Unset
        if isinstance(_template_id, Unset):
            template_id = UNSET
        else:
            template_id = TemplateId(_template_id)

        processor_task_item = cls(
            label_en=label_en,
            label_zh=label_zh,
            template_id=template_id,
        )

        processor_task_item.additional_properties = d
        return processor_task_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
