from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.processor_data_source import ProcessorDataSource
    from ..models.template_param import TemplateParam
    from ..models.work_path import WorkPath


T = TypeVar("T", bound="DescTaskVersionResp")


@_attrs_define
class DescTaskVersionResp:
    """A version of a data processing task: the body of DescProcessorTaskVersion and each item of
    ListProcessorTaskVersions `versions`.
    Every field may be absent (the sample counts, for one, appear only once a version has run).

    Source: OTC *Querying the Details About the Version of a Data Processing Task* and *Querying the Version List of a
    Data Processing Task*, table *DescTaskVersionResp*; Huawei (huaweicloudDocs) 查询数据处理任务的版本详情, 查询数据处理任务的版本列表.

        Attributes:
            add_sample_count (int | Unset): Number of added images after processing.
            create_time (int | Unset): Time when a data processing task is created (Long; Unix time in milliseconds in every
                example, *inferred*).
            deleted_sample_count (int | Unset): Number of deleted images after processing.
            description (str | Unset): Version description of a data processing task.
            duration_seconds (int | Unset): Running time of a data processing task, in seconds.
            inputs (list[ProcessorDataSource] | Unset): Input channel of a data processing task.
            modified_sample_count (int | Unset): Number of modified images after processing.
            origin_sample_count (int | Unset): Number of images before processing.
            status (TaskStatus | Unset): Status of a data processing task or of one of its versions:

                - `0`: initialized
                - `1`: running
                - `2`: completed
                - `3`: failed (the task's `error_msg` says why)
                - `4`: stopped

                Source: OTC and Huawei (huaweicloudDocs), every page that has it: *Querying the List of a Processing Task* /
                查询处理任务列表, *Querying Details About a Processing Task* / 查询处理任务详情, and the version pages.
            task_id (str | Unset): ID of a data processing task.
            task_version_id (str | Unset): Version ID of a data processing task.
            template (TemplateParam | Unset): Data processing template, such as the algorithm ID and parameters.

                Source: OTC and Huawei (huaweicloudDocs), table *TemplateParam*.
            unmodified_sample_count (int | Unset): Number of unmodified images after processing.
            update_time (int | Unset): Long. Both sources describe it as "Time when a data processing task is created.", the
                same text as `create_time`; that it is the
                time of the last update is *inferred* from its name. No example shows it.

                Source: OTC; Huawei (huaweicloudDocs): 数据处理任务的创建时间.
            version_name (str | Unset): Version name of a data processing task.
            work_path (WorkPath | Unset): Working directory (output channel) of a data processing task.

                Source: OTC and Huawei (huaweicloudDocs), table *WorkPath*.
    """

    add_sample_count: int | Unset = UNSET
    create_time: int | Unset = UNSET
    deleted_sample_count: int | Unset = UNSET
    description: str | Unset = UNSET
    duration_seconds: int | Unset = UNSET
    inputs: list[ProcessorDataSource] | Unset = UNSET
    modified_sample_count: int | Unset = UNSET
    origin_sample_count: int | Unset = UNSET
    status: TaskStatus | Unset = UNSET
    task_id: str | Unset = UNSET
    task_version_id: str | Unset = UNSET
    template: TemplateParam | Unset = UNSET
    unmodified_sample_count: int | Unset = UNSET
    update_time: int | Unset = UNSET
    version_name: str | Unset = UNSET
    work_path: WorkPath | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        add_sample_count = self.add_sample_count

        create_time = self.create_time

        deleted_sample_count = self.deleted_sample_count

        description = self.description

        duration_seconds = self.duration_seconds

        inputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = []
            for inputs_item_data in self.inputs:
                inputs_item = inputs_item_data.to_dict()
                inputs.append(inputs_item)

        modified_sample_count = self.modified_sample_count

        origin_sample_count = self.origin_sample_count

        status: int | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        task_id = self.task_id

        task_version_id = self.task_version_id

        template: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template, Unset):
            template = self.template.to_dict()

        unmodified_sample_count = self.unmodified_sample_count

        update_time = self.update_time

        version_name = self.version_name

        work_path: dict[str, Any] | Unset = UNSET
        if not isinstance(self.work_path, Unset):
            work_path = self.work_path.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if add_sample_count is not UNSET:
            field_dict["add_sample_count"] = add_sample_count
        if create_time is not UNSET:
            field_dict["create_time"] = create_time
        if deleted_sample_count is not UNSET:
            field_dict["deleted_sample_count"] = deleted_sample_count
        if description is not UNSET:
            field_dict["description"] = description
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if modified_sample_count is not UNSET:
            field_dict["modified_sample_count"] = modified_sample_count
        if origin_sample_count is not UNSET:
            field_dict["origin_sample_count"] = origin_sample_count
        if status is not UNSET:
            field_dict["status"] = status
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if task_version_id is not UNSET:
            field_dict["task_version_id"] = task_version_id
        if template is not UNSET:
            field_dict["template"] = template
        if unmodified_sample_count is not UNSET:
            field_dict["unmodified_sample_count"] = unmodified_sample_count
        if update_time is not UNSET:
            field_dict["update_time"] = update_time
        if version_name is not UNSET:
            field_dict["version_name"] = version_name
        if work_path is not UNSET:
            field_dict["work_path"] = work_path

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.processor_data_source import ProcessorDataSource
        from ..models.template_param import TemplateParam
        from ..models.work_path import WorkPath

        d = dict(src_dict)
        add_sample_count = d.pop("add_sample_count", UNSET)

        create_time = d.pop("create_time", UNSET)

        deleted_sample_count = d.pop("deleted_sample_count", UNSET)

        description = d.pop("description", UNSET)

        duration_seconds = d.pop("duration_seconds", UNSET)

        _inputs = d.pop("inputs", UNSET)
        inputs: list[ProcessorDataSource] | Unset = UNSET
        if _inputs is not UNSET:
            inputs = []
            for inputs_item_data in _inputs:
                inputs_item = ProcessorDataSource.from_dict(inputs_item_data)

                inputs.append(inputs_item)

        modified_sample_count = d.pop("modified_sample_count", UNSET)

        origin_sample_count = d.pop("origin_sample_count", UNSET)

        _status = d.pop("status", UNSET)
        status: TaskStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskStatus(_status)

        task_id = d.pop("task_id", UNSET)

        task_version_id = d.pop("task_version_id", UNSET)

        _template = d.pop("template", UNSET)
        template: TemplateParam | Unset
        if isinstance(_template, Unset):
            template = UNSET
        else:
            template = TemplateParam.from_dict(_template)

        unmodified_sample_count = d.pop("unmodified_sample_count", UNSET)

        update_time = d.pop("update_time", UNSET)

        version_name = d.pop("version_name", UNSET)

        _work_path = d.pop("work_path", UNSET)
        work_path: WorkPath | Unset
        if isinstance(_work_path, Unset):
            work_path = UNSET
        else:
            work_path = WorkPath.from_dict(_work_path)

        desc_task_version_resp = cls(
            add_sample_count=add_sample_count,
            create_time=create_time,
            deleted_sample_count=deleted_sample_count,
            description=description,
            duration_seconds=duration_seconds,
            inputs=inputs,
            modified_sample_count=modified_sample_count,
            origin_sample_count=origin_sample_count,
            status=status,
            task_id=task_id,
            task_version_id=task_version_id,
            template=template,
            unmodified_sample_count=unmodified_sample_count,
            update_time=update_time,
            version_name=version_name,
            work_path=work_path,
        )

        desc_task_version_resp.additional_properties = d
        return desc_task_version_resp

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
