from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.work_path_type import WorkPathType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkPath")


@_attrs_define
class WorkPath:
    """Working directory (output channel) of a data processing task.

    Source: OTC and Huawei (huaweicloudDocs), table *WorkPath*.

        Attributes:
            name (str | Unset): Dataset name.
            output_path (str | Unset): Output path, for example, /datasets/demo.

                Source: Huawei (huaweicloudDocs) 输出路径, "output path".
            path (str | Unset): Working path. If `type` is `OBS`, an OBS path; if `type` is `DATASET`, a dataset ID.
            type_ (WorkPathType | Unset): Type of a working path:

                - `OBS`: OBS path
                - `DATASET`: dataset

                Source: OTC and Huawei (huaweicloudDocs), WorkPath.
            version_id (str | Unset): Version of a dataset.
            version_name (str | Unset): Name of a dataset version. "The value can contain 0 to 32 characters. Only digits,
                letters,
                underscores (_), and hyphens (-) are allowed."

                Source: OTC; Huawei (huaweicloudDocs) 创建处理任务 and 创建数据处理任务版本 say the same.
    """

    name: str | Unset = UNSET
    output_path: str | Unset = UNSET
    path: str | Unset = UNSET
    type_: WorkPathType | Unset = UNSET
    version_id: str | Unset = UNSET
    version_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        output_path = self.output_path

        path = self.path

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        version_id = self.version_id

        version_name = self.version_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if output_path is not UNSET:
            field_dict["output_path"] = output_path
        if path is not UNSET:
            field_dict["path"] = path
        if type_ is not UNSET:
            field_dict["type"] = type_
        if version_id is not UNSET:
            field_dict["version_id"] = version_id
        if version_name is not UNSET:
            field_dict["version_name"] = version_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        output_path = d.pop("output_path", UNSET)

        path = d.pop("path", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: WorkPathType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = WorkPathType(_type_)

        version_id = d.pop("version_id", UNSET)

        version_name = d.pop("version_name", UNSET)

        work_path = cls(
            name=name,
            output_path=output_path,
            path=path,
            type_=type_,
            version_id=version_id,
            version_name=version_name,
        )

        work_path.additional_properties = d
        return work_path

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
