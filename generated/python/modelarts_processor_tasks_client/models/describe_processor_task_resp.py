from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.describe_processor_task_resp_result_type_0 import (
        DescribeProcessorTaskRespResultType0,
    )
    from ..models.processor_data_source import ProcessorDataSource
    from ..models.template_param import TemplateParam
    from ..models.work_path import WorkPath


T = TypeVar("T", bound="DescribeProcessorTaskResp")


@_attrs_define
class DescribeProcessorTaskResp:
    """A data processing task: the body of DescribeProcessorTask and each item of ListProcessorTasks
    `tasks`.
    Every field may be absent: the pages mark none as always present, and the examples leave out
    several (`description`, `workspace_id`, `version_count`, `work_path`, ...). Older OTC examples
    also show an undocumented `"ai_project" : ""`; other fields are not refused.

    Source: OTC *Querying Details About a Processing Task* and *Querying the List of a Processing Task*, table
    *DescribeProcessorTaskResp*; Huawei (huaweicloudDocs) 查询处理任务详情, 查询处理任务列表.

        Attributes:
            create_time (int | Unset): Time when a data processing task is created (Long). Every example is a Unix time in
                milliseconds, e.g. `1606373999627` (*inferred* from the examples).
            data_source (ProcessorDataSource | Unset): Data source of a data processing task.

                Source: OTC and Huawei (huaweicloudDocs), table *ProcessorDataSource*, identical on every page that has it;
                every field optional in requests.
            description (str | Unset): Description of a data processing task.
            duration_seconds (int | Unset): Running time of data processing, in seconds.
            error_msg (str | Unset): Error message. This field is displayed when the value of `status` is `3` (failed).
            inputs (list[ProcessorDataSource] | Unset): Input channel list of a data processing task. Either this parameter
                or `data_source` is
                delivered (the examples show both).
            is_current (bool | Unset): Whether the current task is the latest of the same type of this version.
            name (str | Unset): Name of a data processing task.
            result (DescribeProcessorTaskRespResultType0 | str | Unset): Output result of a data processing task. This field
                is displayed when `status` is `2`
                (completed) and is valid for a feature analysis task.

                Both sources type it Object, yet the DescribeProcessorTask example of both gives `"result" : "xxx"`, a string.
                Which of the two the
                service sends is not known, so both are accepted: a client that assumed an object would
                fail on the one value ever published.

                Source: OTC and Huawei (huaweicloudDocs) 查询处理任务详情.
            status (TaskStatus | Unset): Status of a data processing task or of one of its versions:

                - `0`: initialized
                - `1`: running
                - `2`: completed
                - `3`: failed (the task's `error_msg` says why)
                - `4`: stopped

                Source: OTC and Huawei (huaweicloudDocs), every page that has it: *Querying the List of a Processing Task* /
                查询处理任务列表, *Querying Details About a Processing Task* / 查询处理任务详情, and the version pages.
            task_id (str | Unset): ID of a data processing task.
            template (TemplateParam | Unset): Data processing template, such as the algorithm ID and parameters.

                Source: OTC and Huawei (huaweicloudDocs), table *TemplateParam*.
            version_count (int | Unset): Number of versions of a data processing task. Huawei (huaweicloudDocs) 查询处理任务详情:
                数据处理任务的版本数量 ("number of versions"), followed here; OTC says "Version number of a data
                processing task."
            version_id (str | Unset): Dataset version ID corresponding to a data processing task.
            version_name (str | Unset): Dataset version name corresponding to a data processing task.
            work_path (WorkPath | Unset): Working directory (output channel) of a data processing task.

                Source: OTC and Huawei (huaweicloudDocs), table *WorkPath*.
            workspace_id (str | Unset): Workspace ID of a data processing task. If no workspace is created, the default
                value is
                `0`. If a workspace is created and used, use the actual value.
    """

    create_time: int | Unset = UNSET
    data_source: ProcessorDataSource | Unset = UNSET
    description: str | Unset = UNSET
    duration_seconds: int | Unset = UNSET
    error_msg: str | Unset = UNSET
    inputs: list[ProcessorDataSource] | Unset = UNSET
    is_current: bool | Unset = UNSET
    name: str | Unset = UNSET
    result: DescribeProcessorTaskRespResultType0 | str | Unset = UNSET
    status: TaskStatus | Unset = UNSET
    task_id: str | Unset = UNSET
    template: TemplateParam | Unset = UNSET
    version_count: int | Unset = UNSET
    version_id: str | Unset = UNSET
    version_name: str | Unset = UNSET
    work_path: WorkPath | Unset = UNSET
    workspace_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.describe_processor_task_resp_result_type_0 import (
            DescribeProcessorTaskRespResultType0,
        )

        create_time = self.create_time

        data_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_source, Unset):
            data_source = self.data_source.to_dict()

        description = self.description

        duration_seconds = self.duration_seconds

        error_msg = self.error_msg

        inputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = []
            for inputs_item_data in self.inputs:
                inputs_item = inputs_item_data.to_dict()
                inputs.append(inputs_item)

        is_current = self.is_current

        name = self.name

        result: dict[str, Any] | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, DescribeProcessorTaskRespResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        status: int | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        task_id = self.task_id

        template: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template, Unset):
            template = self.template.to_dict()

        version_count = self.version_count

        version_id = self.version_id

        version_name = self.version_name

        work_path: dict[str, Any] | Unset = UNSET
        if not isinstance(self.work_path, Unset):
            work_path = self.work_path.to_dict()

        workspace_id = self.workspace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if create_time is not UNSET:
            field_dict["create_time"] = create_time
        if data_source is not UNSET:
            field_dict["data_source"] = data_source
        if description is not UNSET:
            field_dict["description"] = description
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if error_msg is not UNSET:
            field_dict["error_msg"] = error_msg
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if is_current is not UNSET:
            field_dict["is_current"] = is_current
        if name is not UNSET:
            field_dict["name"] = name
        if result is not UNSET:
            field_dict["result"] = result
        if status is not UNSET:
            field_dict["status"] = status
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if template is not UNSET:
            field_dict["template"] = template
        if version_count is not UNSET:
            field_dict["version_count"] = version_count
        if version_id is not UNSET:
            field_dict["version_id"] = version_id
        if version_name is not UNSET:
            field_dict["version_name"] = version_name
        if work_path is not UNSET:
            field_dict["work_path"] = work_path
        if workspace_id is not UNSET:
            field_dict["workspace_id"] = workspace_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.describe_processor_task_resp_result_type_0 import (
            DescribeProcessorTaskRespResultType0,
        )
        from ..models.processor_data_source import ProcessorDataSource
        from ..models.template_param import TemplateParam
        from ..models.work_path import WorkPath

        d = dict(src_dict)
        create_time = d.pop("create_time", UNSET)

        _data_source = d.pop("data_source", UNSET)
        data_source: ProcessorDataSource | Unset
        if isinstance(_data_source, Unset):
            data_source = UNSET
        else:
            data_source = ProcessorDataSource.from_dict(_data_source)

        description = d.pop("description", UNSET)

        duration_seconds = d.pop("duration_seconds", UNSET)

        error_msg = d.pop("error_msg", UNSET)

        _inputs = d.pop("inputs", UNSET)
        inputs: list[ProcessorDataSource] | Unset = UNSET
        if _inputs is not UNSET:
            inputs = []
            for inputs_item_data in _inputs:
                inputs_item = ProcessorDataSource.from_dict(inputs_item_data)

                inputs.append(inputs_item)

        is_current = d.pop("is_current", UNSET)

        name = d.pop("name", UNSET)

        def _parse_result(
            data: object,
        ) -> DescribeProcessorTaskRespResultType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = DescribeProcessorTaskRespResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DescribeProcessorTaskRespResultType0 | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        _status = d.pop("status", UNSET)
        status: TaskStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskStatus(_status)

        task_id = d.pop("task_id", UNSET)

        _template = d.pop("template", UNSET)
        template: TemplateParam | Unset
        if isinstance(_template, Unset):
            template = UNSET
        else:
            template = TemplateParam.from_dict(_template)

        version_count = d.pop("version_count", UNSET)

        version_id = d.pop("version_id", UNSET)

        version_name = d.pop("version_name", UNSET)

        _work_path = d.pop("work_path", UNSET)
        work_path: WorkPath | Unset
        if isinstance(_work_path, Unset):
            work_path = UNSET
        else:
            work_path = WorkPath.from_dict(_work_path)

        workspace_id = d.pop("workspace_id", UNSET)

        describe_processor_task_resp = cls(
            create_time=create_time,
            data_source=data_source,
            description=description,
            duration_seconds=duration_seconds,
            error_msg=error_msg,
            inputs=inputs,
            is_current=is_current,
            name=name,
            result=result,
            status=status,
            task_id=task_id,
            template=template,
            version_count=version_count,
            version_id=version_id,
            version_name=version_name,
            work_path=work_path,
            workspace_id=workspace_id,
        )

        describe_processor_task_resp.additional_properties = d
        return describe_processor_task_resp

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
