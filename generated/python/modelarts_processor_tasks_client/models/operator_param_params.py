from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OperatorParamParams")


@_attrs_define
class OperatorParamParams:
    """Operator parameter. The parameter type is map<string,object>. Currently, object only
    supports the types of Boolean, Integer, Long, String, List and Map<String,String>. For two
    special scenarios of object detection and image classification in a data preprocessing
    task, the value of `task_type` is `object_detection` or `image_classification`.

    (Text of the OTC page before 2024-06-17, which matches Huawei (huaweicloudDocs) 创建处理任务;
    OTC HEAD has a conversion artefact in place of "List".) Every value in the published
    examples is a string (e.g. `"image_max_width" : "1920"`), except `op_list` (an array) and
    `is_normed` (a boolean).

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        operator_param_params = cls()

        operator_param_params.additional_properties = d
        return operator_param_params

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
