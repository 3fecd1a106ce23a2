from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.data_source_type import DataSourceType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProcessorDataSource")


@_attrs_define
class ProcessorDataSource:
    """Data source of a data processing task.

    Source: OTC and Huawei (huaweicloudDocs), table *ProcessorDataSource*, identical on every page that has it; every
    field optional in requests.

        Attributes:
            name (str | Unset): Dataset name.
            source (str | Unset): Data source path:

                - If `type` is `OBS`, `source` is an OBS path.
                - If `type` is `TASK`, `source` is a task ID.
                - If `type` is `DATASET`, `source` is a dataset ID.
                - If `type` is `CUSTOM` and the API is called by resource tenants, `source` is the
                  `project_id` of the actual user. Otherwise, this field is left blank.
            type_ (DataSourceType | Unset): Data source type:

                - `OBS`: data obtained from OBS
                - `TASK`: data processing task
                - `DATASET`: dataset
                - `CUSTOM`: data called by resource tenants

                Source: OTC and Huawei (huaweicloudDocs), ProcessorDataSource on every page that has it; ListProcessorTasks
                `source_type`.
            version_id (str | Unset): Version of a dataset.
            version_name (str | Unset): Dataset version name.
    """

    name: str | Unset = UNSET
    source: str | Unset = UNSET
    type_: DataSourceType | Unset = UNSET
    version_id: str | Unset = UNSET
    version_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        source = self.source

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
        if source is not UNSET:
            field_dict["source"] = source
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

        source = d.pop("source", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: DataSourceType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = DataSourceType(_type_)

        version_id = d.pop("version_id", UNSET)

        version_name = d.pop("version_name", UNSET)

        processor_data_source = cls(
            name=name,
            source=source,
            type_=type_,
            version_id=version_id,
            version_name=version_name,
        )

        processor_data_source.additional_properties = d
        return processor_data_source

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
