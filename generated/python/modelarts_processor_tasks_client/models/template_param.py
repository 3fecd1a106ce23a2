from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_id import TemplateId
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.operator_param import OperatorParam


T = TypeVar("T", bound="TemplateParam")


@_attrs_define
class TemplateParam:
    """Data processing template, such as the algorithm ID and parameters.

    Source: OTC and Huawei (huaweicloudDocs), table *TemplateParam*.

        Attributes:
            id (TemplateId | Unset): Task type, which is the ID of a data processing template:

                - `sys_data_analyse`: feature analysis
                - `sys_data_cleaning`: data cleansing
                - `sys_data_augmentation`: data augmentation
                - `sys_data_validation`: data validation
                - `sys_data_selection`: data filtering

                "Feature analysis" is `sys_data_analyse`; the other four are the "data processing" tasks.

                Source: OTC *Creating a Processing Task*, TemplateParam; Huawei (huaweicloudDocs) 创建处理任务; OTC HEAD "data
                filtering", older OTC pages "data selection"; Huawei 数据筛选, filtering.
            name (str | Unset): Template name.
            operator_params (list[OperatorParam] | Unset): Operator parameter list.
    """

    id: TemplateId | Unset = UNSET
    name: str | Unset = UNSET
    operator_params: list[OperatorParam] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = self.id.value

        name = self.name

        operator_params: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.operator_params, Unset):
            operator_params = []
            for operator_params_item_data in self.operator_params:
                operator_params_item = operator_params_item_data.to_dict()
                operator_params.append(operator_params_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if operator_params is not UNSET:
            field_dict["operator_params"] = operator_params

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.operator_param import OperatorParam

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: TemplateId | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = TemplateId(_id)

        name = d.pop("name", UNSET)

        _operator_params = d.pop("operator_params", UNSET)
        operator_params: list[OperatorParam] | Unset = UNSET
        if _operator_params is not UNSET:
            operator_params = []
            for operator_params_item_data in _operator_params:
                operator_params_item = OperatorParam.from_dict(
                    operator_params_item_data
                )

                operator_params.append(operator_params_item)

        template_param = cls(
            id=id,
            name=name,
            operator_params=operator_params,
        )

        template_param.additional_properties = d
        return template_param

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
