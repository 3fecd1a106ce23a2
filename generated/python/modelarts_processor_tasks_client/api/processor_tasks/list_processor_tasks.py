from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.data_source_type import DataSourceType
from ...models.error import Error
from ...models.list_processor_tasks_order import ListProcessorTasksOrder
from ...models.list_processor_tasks_resp import ListProcessorTasksResp
from ...models.list_processor_tasks_sort_by import ListProcessorTasksSortBy
from ...models.task_status import TaskStatus
from ...models.template_id import TemplateId
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    *,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    order: ListProcessorTasksOrder | Unset = ListProcessorTasksOrder.DESC,
    query_current: bool | Unset = False,
    return_result: bool | Unset = True,
    sort_by: ListProcessorTasksSortBy | Unset = ListProcessorTasksSortBy.CREATE_TIME,
    source: str | Unset = UNSET,
    source_type: DataSourceType | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    task_name: str | Unset = UNSET,
    task_type: TemplateId | Unset = UNSET,
    version_id: list[str] | Unset = UNSET,
    workspace_id: str | Unset = "0",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params["query_current"] = query_current

    params["return_result"] = return_result

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    params["source"] = source

    json_source_type: str | Unset = UNSET
    if not isinstance(source_type, Unset):
        json_source_type = source_type.value

    params["source_type"] = json_source_type

    json_status: int | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["task_name"] = task_name

    json_task_type: str | Unset = UNSET
    if not isinstance(task_type, Unset):
        json_task_type = task_type.value

    params["task_type"] = json_task_type

    json_version_id: list[str] | Unset = UNSET
    if not isinstance(version_id, Unset):
        json_version_id = version_id

    params["version_id"] = json_version_id

    params["workspace_id"] = workspace_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/{project_id}/processor-tasks".format(
            project_id=quote(str(project_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ListProcessorTasksResp | None:
    if response.status_code == 200:
        response_200 = ListProcessorTasksResp.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ListProcessorTasksResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    order: ListProcessorTasksOrder | Unset = ListProcessorTasksOrder.DESC,
    query_current: bool | Unset = False,
    return_result: bool | Unset = True,
    sort_by: ListProcessorTasksSortBy | Unset = ListProcessorTasksSortBy.CREATE_TIME,
    source: str | Unset = UNSET,
    source_type: DataSourceType | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    task_name: str | Unset = UNSET,
    task_type: TemplateId | Unset = UNSET,
    version_id: list[str] | Unset = UNSET,
    workspace_id: str | Unset = "0",
) -> Response[Error | ListProcessorTasksResp]:
    """List processing tasks

     Lists processing tasks, feature analysis tasks and data processing tasks, one page at a time;
    `task_type` restricts the list to one type. Sources: OTC *Querying the List of a Processing
    Task* (`querying_the_list_of_a_processing_task.rst`) and Huawei (huaweicloudDocs)
    查询处理任务列表 (`cn.zh-cn/API参考/查询处理任务列表.md`). Every query parameter is optional.

    Paging: `offset` is a 0-based page index, not a record offset (*inferred*, see `offset`), and
    `limit` the page size (1 to 100, default 10); `count` in the response is the total over all
    pages.

    Example requests of the pages, verbatim:

    - Querying the Historical List of Feature Analysis Tasks of a Dataset:
      `GET https://{endpoint}/v2/{project_id}/processor-tasks?offset=0&limit=10&sort_by=create_time&orde
    r=desc&source_type=DATASET&source=X6c3N3eztX7cr3Arvqu&task_type=sys_data_analyse&return_result=false
    &query_current=false`
    - Querying the Latest Feature Analysis Task Result for the Specified Version List of a Dataset:
      `GET https://{endpoint}/v2/{project_id}/processor-tasks?offset=0&limit=100&source_type=DATASET&sou
    rce=X6c3N3eztX7cr3Arvqu&version_id=XwTuRqI9En7xuZskW70%2CJ4Eh2FDEWH1qnDlD3hQ&task_type=sys_data_anal
    yse&return_result=true&query_current=true`

    IAM action: `modelarts:processTask:listProcessTasks`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        order (ListProcessorTasksOrder | Unset):  Default: ListProcessorTasksOrder.DESC.
        query_current (bool | Unset):  Default: False.
        return_result (bool | Unset):  Default: True.
        sort_by (ListProcessorTasksSortBy | Unset):  Default:
            ListProcessorTasksSortBy.CREATE_TIME.
        source (str | Unset):
        source_type (DataSourceType | Unset): Data source type:

            - `OBS`: data obtained from OBS
            - `TASK`: data processing task
            - `DATASET`: dataset
            - `CUSTOM`: data called by resource tenants

            Source: OTC and Huawei (huaweicloudDocs), ProcessorDataSource on every page that has it;
            ListProcessorTasks `source_type`.
        status (TaskStatus | Unset): Status of a data processing task or of one of its versions:

            - `0`: initialized
            - `1`: running
            - `2`: completed
            - `3`: failed (the task's `error_msg` says why)
            - `4`: stopped

            Source: OTC and Huawei (huaweicloudDocs), every page that has it: *Querying the List of a
            Processing Task* / 查询处理任务列表, *Querying Details About a Processing Task* / 查询处理任务详情, and
            the version pages.
        task_name (str | Unset):
        task_type (TemplateId | Unset): Task type, which is the ID of a data processing template:

            - `sys_data_analyse`: feature analysis
            - `sys_data_cleaning`: data cleansing
            - `sys_data_augmentation`: data augmentation
            - `sys_data_validation`: data validation
            - `sys_data_selection`: data filtering

            "Feature analysis" is `sys_data_analyse`; the other four are the "data processing" tasks.

            Source: OTC *Creating a Processing Task*, TemplateParam; Huawei (huaweicloudDocs) 创建处理任务;
            OTC HEAD "data filtering", older OTC pages "data selection"; Huawei 数据筛选, filtering.
        version_id (list[str] | Unset):
        workspace_id (str | Unset):  Default: '0'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListProcessorTasksResp]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        limit=limit,
        offset=offset,
        order=order,
        query_current=query_current,
        return_result=return_result,
        sort_by=sort_by,
        source=source,
        source_type=source_type,
        status=status,
        task_name=task_name,
        task_type=task_type,
        version_id=version_id,
        workspace_id=workspace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    order: ListProcessorTasksOrder | Unset = ListProcessorTasksOrder.DESC,
    query_current: bool | Unset = False,
    return_result: bool | Unset = True,
    sort_by: ListProcessorTasksSortBy | Unset = ListProcessorTasksSortBy.CREATE_TIME,
    source: str | Unset = UNSET,
    source_type: DataSourceType | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    task_name: str | Unset = UNSET,
    task_type: TemplateId | Unset = UNSET,
    version_id: list[str] | Unset = UNSET,
    workspace_id: str | Unset = "0",
) -> Error | ListProcessorTasksResp | None:
    """List processing tasks

     Lists processing tasks, feature analysis tasks and data processing tasks, one page at a time;
    `task_type` restricts the list to one type. Sources: OTC *Querying the List of a Processing
    Task* (`querying_the_list_of_a_processing_task.rst`) and Huawei (huaweicloudDocs)
    查询处理任务列表 (`cn.zh-cn/API参考/查询处理任务列表.md`). Every query parameter is optional.

    Paging: `offset` is a 0-based page index, not a record offset (*inferred*, see `offset`), and
    `limit` the page size (1 to 100, default 10); `count` in the response is the total over all
    pages.

    Example requests of the pages, verbatim:

    - Querying the Historical List of Feature Analysis Tasks of a Dataset:
      `GET https://{endpoint}/v2/{project_id}/processor-tasks?offset=0&limit=10&sort_by=create_time&orde
    r=desc&source_type=DATASET&source=X6c3N3eztX7cr3Arvqu&task_type=sys_data_analyse&return_result=false
    &query_current=false`
    - Querying the Latest Feature Analysis Task Result for the Specified Version List of a Dataset:
      `GET https://{endpoint}/v2/{project_id}/processor-tasks?offset=0&limit=100&source_type=DATASET&sou
    rce=X6c3N3eztX7cr3Arvqu&version_id=XwTuRqI9En7xuZskW70%2CJ4Eh2FDEWH1qnDlD3hQ&task_type=sys_data_anal
    yse&return_result=true&query_current=true`

    IAM action: `modelarts:processTask:listProcessTasks`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        order (ListProcessorTasksOrder | Unset):  Default: ListProcessorTasksOrder.DESC.
        query_current (bool | Unset):  Default: False.
        return_result (bool | Unset):  Default: True.
        sort_by (ListProcessorTasksSortBy | Unset):  Default:
            ListProcessorTasksSortBy.CREATE_TIME.
        source (str | Unset):
        source_type (DataSourceType | Unset): Data source type:

            - `OBS`: data obtained from OBS
            - `TASK`: data processing task
            - `DATASET`: dataset
            - `CUSTOM`: data called by resource tenants

            Source: OTC and Huawei (huaweicloudDocs), ProcessorDataSource on every page that has it;
            ListProcessorTasks `source_type`.
        status (TaskStatus | Unset): Status of a data processing task or of one of its versions:

            - `0`: initialized
            - `1`: running
            - `2`: completed
            - `3`: failed (the task's `error_msg` says why)
            - `4`: stopped

            Source: OTC and Huawei (huaweicloudDocs), every page that has it: *Querying the List of a
            Processing Task* / 查询处理任务列表, *Querying Details About a Processing Task* / 查询处理任务详情, and
            the version pages.
        task_name (str | Unset):
        task_type (TemplateId | Unset): Task type, which is the ID of a data processing template:

            - `sys_data_analyse`: feature analysis
            - `sys_data_cleaning`: data cleansing
            - `sys_data_augmentation`: data augmentation
            - `sys_data_validation`: data validation
            - `sys_data_selection`: data filtering

            "Feature analysis" is `sys_data_analyse`; the other four are the "data processing" tasks.

            Source: OTC *Creating a Processing Task*, TemplateParam; Huawei (huaweicloudDocs) 创建处理任务;
            OTC HEAD "data filtering", older OTC pages "data selection"; Huawei 数据筛选, filtering.
        version_id (list[str] | Unset):
        workspace_id (str | Unset):  Default: '0'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListProcessorTasksResp
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        limit=limit,
        offset=offset,
        order=order,
        query_current=query_current,
        return_result=return_result,
        sort_by=sort_by,
        source=source,
        source_type=source_type,
        status=status,
        task_name=task_name,
        task_type=task_type,
        version_id=version_id,
        workspace_id=workspace_id,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    order: ListProcessorTasksOrder | Unset = ListProcessorTasksOrder.DESC,
    query_current: bool | Unset = False,
    return_result: bool | Unset = True,
    sort_by: ListProcessorTasksSortBy | Unset = ListProcessorTasksSortBy.CREATE_TIME,
    source: str | Unset = UNSET,
    source_type: DataSourceType | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    task_name: str | Unset = UNSET,
    task_type: TemplateId | Unset = UNSET,
    version_id: list[str] | Unset = UNSET,
    workspace_id: str | Unset = "0",
) -> Response[Error | ListProcessorTasksResp]:
    """List processing tasks

     Lists processing tasks, feature analysis tasks and data processing tasks, one page at a time;
    `task_type` restricts the list to one type. Sources: OTC *Querying the List of a Processing
    Task* (`querying_the_list_of_a_processing_task.rst`) and Huawei (huaweicloudDocs)
    查询处理任务列表 (`cn.zh-cn/API参考/查询处理任务列表.md`). Every query parameter is optional.

    Paging: `offset` is a 0-based page index, not a record offset (*inferred*, see `offset`), and
    `limit` the page size (1 to 100, default 10); `count` in the response is the total over all
    pages.

    Example requests of the pages, verbatim:

    - Querying the Historical List of Feature Analysis Tasks of a Dataset:
      `GET https://{endpoint}/v2/{project_id}/processor-tasks?offset=0&limit=10&sort_by=create_time&orde
    r=desc&source_type=DATASET&source=X6c3N3eztX7cr3Arvqu&task_type=sys_data_analyse&return_result=false
    &query_current=false`
    - Querying the Latest Feature Analysis Task Result for the Specified Version List of a Dataset:
      `GET https://{endpoint}/v2/{project_id}/processor-tasks?offset=0&limit=100&source_type=DATASET&sou
    rce=X6c3N3eztX7cr3Arvqu&version_id=XwTuRqI9En7xuZskW70%2CJ4Eh2FDEWH1qnDlD3hQ&task_type=sys_data_anal
    yse&return_result=true&query_current=true`

    IAM action: `modelarts:processTask:listProcessTasks`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        order (ListProcessorTasksOrder | Unset):  Default: ListProcessorTasksOrder.DESC.
        query_current (bool | Unset):  Default: False.
        return_result (bool | Unset):  Default: True.
        sort_by (ListProcessorTasksSortBy | Unset):  Default:
            ListProcessorTasksSortBy.CREATE_TIME.
        source (str | Unset):
        source_type (DataSourceType | Unset): Data source type:

            - `OBS`: data obtained from OBS
            - `TASK`: data processing task
            - `DATASET`: dataset
            - `CUSTOM`: data called by resource tenants

            Source: OTC and Huawei (huaweicloudDocs), ProcessorDataSource on every page that has it;
            ListProcessorTasks `source_type`.
        status (TaskStatus | Unset): Status of a data processing task or of one of its versions:

            - `0`: initialized
            - `1`: running
            - `2`: completed
            - `3`: failed (the task's `error_msg` says why)
            - `4`: stopped

            Source: OTC and Huawei (huaweicloudDocs), every page that has it: *Querying the List of a
            Processing Task* / 查询处理任务列表, *Querying Details About a Processing Task* / 查询处理任务详情, and
            the version pages.
        task_name (str | Unset):
        task_type (TemplateId | Unset): Task type, which is the ID of a data processing template:

            - `sys_data_analyse`: feature analysis
            - `sys_data_cleaning`: data cleansing
            - `sys_data_augmentation`: data augmentation
            - `sys_data_validation`: data validation
            - `sys_data_selection`: data filtering

            "Feature analysis" is `sys_data_analyse`; the other four are the "data processing" tasks.

            Source: OTC *Creating a Processing Task*, TemplateParam; Huawei (huaweicloudDocs) 创建处理任务;
            OTC HEAD "data filtering", older OTC pages "data selection"; Huawei 数据筛选, filtering.
        version_id (list[str] | Unset):
        workspace_id (str | Unset):  Default: '0'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListProcessorTasksResp]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        limit=limit,
        offset=offset,
        order=order,
        query_current=query_current,
        return_result=return_result,
        sort_by=sort_by,
        source=source,
        source_type=source_type,
        status=status,
        task_name=task_name,
        task_type=task_type,
        version_id=version_id,
        workspace_id=workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    order: ListProcessorTasksOrder | Unset = ListProcessorTasksOrder.DESC,
    query_current: bool | Unset = False,
    return_result: bool | Unset = True,
    sort_by: ListProcessorTasksSortBy | Unset = ListProcessorTasksSortBy.CREATE_TIME,
    source: str | Unset = UNSET,
    source_type: DataSourceType | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    task_name: str | Unset = UNSET,
    task_type: TemplateId | Unset = UNSET,
    version_id: list[str] | Unset = UNSET,
    workspace_id: str | Unset = "0",
) -> Error | ListProcessorTasksResp | None:
    """List processing tasks

     Lists processing tasks, feature analysis tasks and data processing tasks, one page at a time;
    `task_type` restricts the list to one type. Sources: OTC *Querying the List of a Processing
    Task* (`querying_the_list_of_a_processing_task.rst`) and Huawei (huaweicloudDocs)
    查询处理任务列表 (`cn.zh-cn/API参考/查询处理任务列表.md`). Every query parameter is optional.

    Paging: `offset` is a 0-based page index, not a record offset (*inferred*, see `offset`), and
    `limit` the page size (1 to 100, default 10); `count` in the response is the total over all
    pages.

    Example requests of the pages, verbatim:

    - Querying the Historical List of Feature Analysis Tasks of a Dataset:
      `GET https://{endpoint}/v2/{project_id}/processor-tasks?offset=0&limit=10&sort_by=create_time&orde
    r=desc&source_type=DATASET&source=X6c3N3eztX7cr3Arvqu&task_type=sys_data_analyse&return_result=false
    &query_current=false`
    - Querying the Latest Feature Analysis Task Result for the Specified Version List of a Dataset:
      `GET https://{endpoint}/v2/{project_id}/processor-tasks?offset=0&limit=100&source_type=DATASET&sou
    rce=X6c3N3eztX7cr3Arvqu&version_id=XwTuRqI9En7xuZskW70%2CJ4Eh2FDEWH1qnDlD3hQ&task_type=sys_data_anal
    yse&return_result=true&query_current=true`

    IAM action: `modelarts:processTask:listProcessTasks`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        order (ListProcessorTasksOrder | Unset):  Default: ListProcessorTasksOrder.DESC.
        query_current (bool | Unset):  Default: False.
        return_result (bool | Unset):  Default: True.
        sort_by (ListProcessorTasksSortBy | Unset):  Default:
            ListProcessorTasksSortBy.CREATE_TIME.
        source (str | Unset):
        source_type (DataSourceType | Unset): Data source type:

            - `OBS`: data obtained from OBS
            - `TASK`: data processing task
            - `DATASET`: dataset
            - `CUSTOM`: data called by resource tenants

            Source: OTC and Huawei (huaweicloudDocs), ProcessorDataSource on every page that has it;
            ListProcessorTasks `source_type`.
        status (TaskStatus | Unset): Status of a data processing task or of one of its versions:

            - `0`: initialized
            - `1`: running
            - `2`: completed
            - `3`: failed (the task's `error_msg` says why)
            - `4`: stopped

            Source: OTC and Huawei (huaweicloudDocs), every page that has it: *Querying the List of a
            Processing Task* / 查询处理任务列表, *Querying Details About a Processing Task* / 查询处理任务详情, and
            the version pages.
        task_name (str | Unset):
        task_type (TemplateId | Unset): Task type, which is the ID of a data processing template:

            - `sys_data_analyse`: feature analysis
            - `sys_data_cleaning`: data cleansing
            - `sys_data_augmentation`: data augmentation
            - `sys_data_validation`: data validation
            - `sys_data_selection`: data filtering

            "Feature analysis" is `sys_data_analyse`; the other four are the "data processing" tasks.

            Source: OTC *Creating a Processing Task*, TemplateParam; Huawei (huaweicloudDocs) 创建处理任务;
            OTC HEAD "data filtering", older OTC pages "data selection"; Huawei 数据筛选, filtering.
        version_id (list[str] | Unset):
        workspace_id (str | Unset):  Default: '0'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListProcessorTasksResp
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            limit=limit,
            offset=offset,
            order=order,
            query_current=query_current,
            return_result=return_result,
            sort_by=sort_by,
            source=source,
            source_type=source_type,
            status=status,
            task_name=task_name,
            task_type=task_type,
            version_id=version_id,
            workspace_id=workspace_id,
        )
    ).parsed
