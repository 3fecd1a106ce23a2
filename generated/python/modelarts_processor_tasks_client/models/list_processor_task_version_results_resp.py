from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.desc_processor_task_version_results_resp import (
        DescProcessorTaskVersionResultsResp,
    )


T = TypeVar("T", bound="ListProcessorTaskVersionResultsResp")


@_attrs_define
class ListProcessorTaskVersionResultsResp:
    """Response body of ListProcessorTaskVersionResults.

    Source: OTC *Obtaining the Result of a Data Processing Task Version*, Table 3; Huawei (huaweicloudDocs)
    查询数据处理任务版本的结果展示.

        Attributes:
            count (int | Unset): Total number of results.
            has_more (bool | Unset): Whether all results are returned. The published example has `count` 3,
                three results and `has_more: true`, so the page does not settle which way round the flag
                reads.

                Source: OTC's wording.
            results (list[DescProcessorTaskVersionResultsResp] | Unset): Result displayed by page.
    """

    count: int | Unset = UNSET
    has_more: bool | Unset = UNSET
    results: list[DescProcessorTaskVersionResultsResp] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        has_more = self.has_more

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if has_more is not UNSET:
            field_dict["has_more"] = has_more
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.desc_processor_task_version_results_resp import (
            DescProcessorTaskVersionResultsResp,
        )

        d = dict(src_dict)
        count = d.pop("count", UNSET)

        has_more = d.pop("has_more", UNSET)

        _results = d.pop("results", UNSET)
        results: list[DescProcessorTaskVersionResultsResp] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = DescProcessorTaskVersionResultsResp.from_dict(
                    results_item_data
                )

                results.append(results_item)

        list_processor_task_version_results_resp = cls(
            count=count,
            has_more=has_more,
            results=results,
        )

        list_processor_task_version_results_resp.additional_properties = d
        return list_processor_task_version_results_resp

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
