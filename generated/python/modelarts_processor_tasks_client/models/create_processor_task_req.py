from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.processor_data_source import ProcessorDataSource
    from ..models.template_param import TemplateParam
    from ..models.work_path import WorkPath


T = TypeVar("T", bound="CreateProcessorTaskReq")


@_attrs_define
class CreateProcessorTaskReq:
    """Request body of CreateProcessorTask. Give either `data_source` or `inputs`. Only `name` is required:
    `template` is mandatory on OTC's page since 2024-06-17 but optional on Huawei's page (and on
    OTC's before); this document follows Huawei. A task without `template` is accepted here; which
    task type the service then creates is not documented.

    Source: OTC *Creating a Processing Task*, Table 2; Huawei (huaweicloudDocs) 创建处理任务.

        Attributes:
            name (str): Name of a data processing task. No length or character rule is published. A name already
                in use is refused with 400 `ModelArts.4709`.

                Source: OTC's error-code appendix.
            create_version (bool | Unset): Whether to synchronously create a task version when creating a task. Set this
                parameter to
                `true` only when creating a data processing task. For other types of tasks, this parameter
                is set to `false` or left blank. `true`: create a task version when creating a task;
                `false` (default): do not.
                 Default: False.
            data_source (ProcessorDataSource | Unset): Data source of a data processing task.

                Source: OTC and Huawei (huaweicloudDocs), table *ProcessorDataSource*, identical on every page that has it;
                every field optional in requests.
            description (str | Unset): Description of a data processing task: "The description contains 0 to 256 characters
                and does not
                support the following special characters: ``^!<>=&"'``". Request bodies only: descriptions the
                service returns are not constrained here.

                Source: OTC *Creating a Processing Task*, *Updating a Processing Task*, *Creating a Data Processing Task
                Version*; Huawei (huaweicloudDocs) 创建处理任务, 更新处理任务, 创建数据处理任务版本.
            inputs (list[ProcessorDataSource] | Unset): Data sources. Either this parameter or `data_source` is used. A data
                source path cannot be
                an OBS path in a KMS-encrypted bucket.
            template (TemplateParam | Unset): Data processing template, such as the algorithm ID and parameters.

                Source: OTC and Huawei (huaweicloudDocs), table *TemplateParam*.
            version_id (str | Unset): Dataset version ID.
            work_path (WorkPath | Unset): Working directory (output channel) of a data processing task.

                Source: OTC and Huawei (huaweicloudDocs), table *WorkPath*.
            workspace_id (str | Unset): Workspace ID. If no workspace is created, the default value is `0`. If a workspace
                is
                created and used, use the actual value.
                 Default: '0'.
    """

    name: str
    create_version: bool | Unset = False
    data_source: ProcessorDataSource | Unset = UNSET
    description: str | Unset = UNSET
    inputs: list[ProcessorDataSource] | Unset = UNSET
    template: TemplateParam | Unset = UNSET
    version_id: str | Unset = UNSET
    work_path: WorkPath | Unset = UNSET
    workspace_id: str | Unset = "0"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        create_version = self.create_version

        data_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_source, Unset):
            data_source = self.data_source.to_dict()

        description = self.description

        inputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = []
            for inputs_item_data in self.inputs:
                inputs_item = inputs_item_data.to_dict()
                inputs.append(inputs_item)

        template: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template, Unset):
            template = self.template.to_dict()

        version_id = self.version_id

        work_path: dict[str, Any] | Unset = UNSET
        if not isinstance(self.work_path, Unset):
            work_path = self.work_path.to_dict()

        workspace_id = self.workspace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if create_version is not UNSET:
            field_dict["create_version"] = create_version
        if data_source is not UNSET:
            field_dict["data_source"] = data_source
        if description is not UNSET:
            field_dict["description"] = description
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if template is not UNSET:
            field_dict["template"] = template
        if version_id is not UNSET:
            field_dict["version_id"] = version_id
        if work_path is not UNSET:
            field_dict["work_path"] = work_path
        if workspace_id is not UNSET:
            field_dict["workspace_id"] = workspace_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.processor_data_source import ProcessorDataSource
        from ..models.template_param import TemplateParam
        from ..models.work_path import WorkPath

        d = dict(src_dict)
        name = d.pop("name")

        create_version = d.pop("create_version", UNSET)

        _data_source = d.pop("data_source", UNSET)
        data_source: ProcessorDataSource | Unset
        if isinstance(_data_source, Unset):
            data_source = UNSET
        else:
            data_source = ProcessorDataSource.from_dict(_data_source)

        description = d.pop("description", UNSET)

        _inputs = d.pop("inputs", UNSET)
        inputs: list[ProcessorDataSource] | Unset = UNSET
        if _inputs is not UNSET:
            inputs = []
            for inputs_item_data in _inputs:
                inputs_item = ProcessorDataSource.from_dict(inputs_item_data)

                inputs.append(inputs_item)

        _template = d.pop("template", UNSET)
        template: TemplateParam | Unset
        if isinstance(_template, Unset):
            template = UNSET
        else:
            template = TemplateParam.from_dict(_template)

        version_id = d.pop("version_id", UNSET)

        _work_path = d.pop("work_path", UNSET)
        work_path: WorkPath | Unset
        if isinstance(_work_path, Unset):
            work_path = UNSET
        else:
            work_path = WorkPath.from_dict(_work_path)

        workspace_id = d.pop("workspace_id", UNSET)

        create_processor_task_req = cls(
            name=name,
            create_version=create_version,
            data_source=data_source,
            description=description,
            inputs=inputs,
            template=template,
            version_id=version_id,
            work_path=work_path,
            workspace_id=workspace_id,
        )

        create_processor_task_req.additional_properties = d
        return create_processor_task_req

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
