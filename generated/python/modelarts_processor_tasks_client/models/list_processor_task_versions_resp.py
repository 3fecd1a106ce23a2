from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.desc_task_version_resp import DescTaskVersionResp


T = TypeVar("T", bound="ListProcessorTaskVersionsResp")


@_attrs_define
class ListProcessorTaskVersionsResp:
    """Response body of ListProcessorTaskVersions.

    Source: OTC *Querying the Version List of a Data Processing Task*, Table 3; Huawei (huaweicloudDocs) 查询数据处理任务的版本列表.

        Attributes:
            count (int | Unset): Total number of versions (all pages).
            versions (list[DescTaskVersionResp] | Unset): Version list of a data processing task queried by page.
    """

    count: int | Unset = UNSET
    versions: list[DescTaskVersionResp] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.versions, Unset):
            versions = []
            for versions_item_data in self.versions:
                versions_item = versions_item_data.to_dict()
                versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if versions is not UNSET:
            field_dict["versions"] = versions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.desc_task_version_resp import DescTaskVersionResp

        d = dict(src_dict)
        count = d.pop("count", UNSET)

        _versions = d.pop("versions", UNSET)
        versions: list[DescTaskVersionResp] | Unset = UNSET
        if _versions is not UNSET:
            versions = []
            for versions_item_data in _versions:
                versions_item = DescTaskVersionResp.from_dict(versions_item_data)

                versions.append(versions_item)

        list_processor_task_versions_resp = cls(
            count=count,
            versions=versions,
        )

        list_processor_task_versions_resp.additional_properties = d
        return list_processor_task_versions_resp

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
