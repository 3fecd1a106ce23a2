"""Contains all the data models used in inputs/outputs"""

from .create_processor_task_req import CreateProcessorTaskReq
from .create_processor_task_resp import CreateProcessorTaskResp
from .create_processor_task_version_req import CreateProcessorTaskVersionReq
from .create_processor_task_version_resp import CreateProcessorTaskVersionResp
from .data_source_type import DataSourceType
from .desc_processor_task_version_results_resp import (
    DescProcessorTaskVersionResultsResp,
)
from .desc_processor_task_version_results_resp_result_description_item_type_0 import (
    DescProcessorTaskVersionResultsRespResultDescriptionItemType0,
)
from .desc_task_version_resp import DescTaskVersionResp
from .describe_processor_task_resp import DescribeProcessorTaskResp
from .describe_processor_task_resp_result_type_0 import (
    DescribeProcessorTaskRespResultType0,
)
from .empty import Empty
from .error import Error
from .get_processor_task_items_resp import GetProcessorTaskItemsResp
from .list_processor_task_version_results_resp import (
    ListProcessorTaskVersionResultsResp,
)
from .list_processor_task_version_results_result_property import (
    ListProcessorTaskVersionResultsResultProperty,
)
from .list_processor_task_versions_order import ListProcessorTaskVersionsOrder
from .list_processor_task_versions_resp import ListProcessorTaskVersionsResp
from .list_processor_task_versions_sort_by import ListProcessorTaskVersionsSortBy
from .list_processor_tasks_order import ListProcessorTasksOrder
from .list_processor_tasks_resp import ListProcessorTasksResp
from .list_processor_tasks_sort_by import ListProcessorTasksSortBy
from .operator_param import OperatorParam
from .operator_param_params import OperatorParamParams
from .processor_data_source import ProcessorDataSource
from .processor_task_item import ProcessorTaskItem
from .result_property import ResultProperty
from .task_status import TaskStatus
from .template_id import TemplateId
from .template_param import TemplateParam
from .update_processor_task_req import UpdateProcessorTaskReq
from .work_path import WorkPath
from .work_path_type import WorkPathType

__all__ = (
    "CreateProcessorTaskReq",
    "CreateProcessorTaskResp",
    "CreateProcessorTaskVersionReq",
    "CreateProcessorTaskVersionResp",
    "DataSourceType",
    "DescProcessorTaskVersionResultsResp",
    "DescProcessorTaskVersionResultsRespResultDescriptionItemType0",
    "DescTaskVersionResp",
    "DescribeProcessorTaskResp",
    "DescribeProcessorTaskRespResultType0",
    "Empty",
    "Error",
    "GetProcessorTaskItemsResp",
    "ListProcessorTaskVersionResultsResp",
    "ListProcessorTaskVersionResultsResultProperty",
    "ListProcessorTaskVersionsOrder",
    "ListProcessorTaskVersionsResp",
    "ListProcessorTaskVersionsSortBy",
    "ListProcessorTasksOrder",
    "ListProcessorTasksResp",
    "ListProcessorTasksSortBy",
    "OperatorParam",
    "OperatorParamParams",
    "ProcessorDataSource",
    "ProcessorTaskItem",
    "ResultProperty",
    "TaskStatus",
    "TemplateId",
    "TemplateParam",
    "UpdateProcessorTaskReq",
    "WorkPath",
    "WorkPathType",
)
