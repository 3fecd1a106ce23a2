from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.describe_processor_task_resp import DescribeProcessorTaskResp


T = TypeVar("T", bound="ListProcessorTasksResp")


@_attrs_define
class ListProcessorTasksResp:
    """Response body of ListProcessorTasks.

    Source: OTC *Querying the List of a Processing Task*, Table 3; Huawei (huaweicloudDocs) 查询处理任务列表.

        Attributes:
            count (int | Unset): Total number of data processing tasks (all pages).
            tasks (list[DescribeProcessorTaskResp] | Unset): Data processing task list queried by page.
    """

    count: int | Unset = UNSET
    tasks: list[DescribeProcessorTaskResp] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        tasks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tasks, Unset):
            tasks = []
            for tasks_item_data in self.tasks:
                tasks_item = tasks_item_data.to_dict()
                tasks.append(tasks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if tasks is not UNSET:
            field_dict["tasks"] = tasks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.describe_processor_task_resp import DescribeProcessorTaskResp

        d = dict(src_dict)
        count = d.pop("count", UNSET)

        _tasks = d.pop("tasks", UNSET)
        tasks: list[DescribeProcessorTaskResp] | Unset = UNSET
        if _tasks is not UNSET:
            tasks = []
            for tasks_item_data in _tasks:
                tasks_item = DescribeProcessorTaskResp.from_dict(tasks_item_data)

                tasks.append(tasks_item)

        list_processor_tasks_resp = cls(
            count=count,
            tasks=tasks,
        )

        list_processor_tasks_resp.additional_properties = d
        return list_processor_tasks_resp

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
