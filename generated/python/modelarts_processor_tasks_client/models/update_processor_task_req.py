from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateProcessorTaskReq")


@_attrs_define
class UpdateProcessorTaskReq:
    """Request body of UpdateProcessorTask: "Only the description of tasks can be updated."

    Source: OTC *Updating a Processing Task*; Huawei (huaweicloudDocs) 更新处理任务.

        Attributes:
            description (str | Unset): Description of a data processing task: "The description contains 0 to 256 characters
                and does not
                support the following special characters: ``^!<>=&"'``". Request bodies only: descriptions the
                service returns are not constrained here.

                Source: OTC *Creating a Processing Task*, *Updating a Processing Task*, *Creating a Data Processing Task
                Version*; Huawei (huaweicloudDocs) 创建处理任务, 更新处理任务, 创建数据处理任务版本.
    """

    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        update_processor_task_req = cls(
            description=description,
        )

        update_processor_task_req.additional_properties = d
        return update_processor_task_req

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
