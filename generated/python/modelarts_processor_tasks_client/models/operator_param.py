from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.operator_param_params import OperatorParamParams


T = TypeVar("T", bound="OperatorParam")


@_attrs_define
class OperatorParam:
    """An operator of a data processing template and its parameters. No page lists the operators of each template; the
    examples show `sys_data_analyse` (feature analysis), `MetaValidation` (validation), `PCC`
    (cleansing), `SimDeduplication` (filtering) and `AddNoise` (augmentation).

    Source: OTC and Huawei (huaweicloudDocs), table *OperatorParam*.

        Attributes:
            advanced_params_switch (bool | Unset): Advanced parameter switch.
            id (str | Unset): ID of an operator.
            name (str | Unset): Name of an operator.
            params (OperatorParamParams | Unset): Operator parameter. The parameter type is map<string,object>. Currently,
                object only
                supports the types of Boolean, Integer, Long, String, List and Map<String,String>. For two
                special scenarios of object detection and image classification in a data preprocessing
                task, the value of `task_type` is `object_detection` or `image_classification`.

                (Text of the OTC page before 2024-06-17, which matches Huawei (huaweicloudDocs) 创建处理任务;
                OTC HEAD has a conversion artefact in place of "List".) Every value in the published
                examples is a string (e.g. `"image_max_width" : "1920"`), except `op_list` (an array) and
                `is_normed` (a boolean).
    """

    advanced_params_switch: bool | Unset = UNSET
    id: str | Unset = UNSET
    name: str | Unset = UNSET
    params: OperatorParamParams | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        advanced_params_switch = self.advanced_params_switch

        id = self.id

        name = self.name

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if advanced_params_switch is not UNSET:
            field_dict["advanced_params_switch"] = advanced_params_switch
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.operator_param_params import OperatorParamParams

        d = dict(src_dict)
        advanced_params_switch = d.pop("advanced_params_switch", UNSET)

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        _params = d.pop("params", UNSET)
        params: OperatorParamParams | Unset
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = OperatorParamParams.from_dict(_params)

        operator_param = cls(
            advanced_params_switch=advanced_params_switch,
            id=id,
            name=name,
            params=params,
        )

        operator_param.additional_properties = d
        return operator_param

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
