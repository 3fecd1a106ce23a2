from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_processor_task_versions_order import ListProcessorTaskVersionsOrder
from ...models.list_processor_task_versions_resp import ListProcessorTaskVersionsResp
from ...models.list_processor_task_versions_sort_by import (
    ListProcessorTaskVersionsSortBy,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    task_id: str,
    *,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    order: ListProcessorTaskVersionsOrder | Unset = ListProcessorTaskVersionsOrder.DESC,
    sort_by: ListProcessorTaskVersionsSortBy
    | Unset = ListProcessorTaskVersionsSortBy.CREATE_TIME,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/{project_id}/processor-tasks/{task_id}/versions".format(
            project_id=quote(str(project_id), safe=""),
            task_id=quote(str(task_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ListProcessorTaskVersionsResp | None:
    if response.status_code == 200:
        response_200 = ListProcessorTaskVersionsResp.from_dict(response.json())

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
) -> Response[Error | ListProcessorTaskVersionsResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    order: ListProcessorTaskVersionsOrder | Unset = ListProcessorTaskVersionsOrder.DESC,
    sort_by: ListProcessorTaskVersionsSortBy
    | Unset = ListProcessorTaskVersionsSortBy.CREATE_TIME,
) -> Response[Error | ListProcessorTaskVersionsResp]:
    """List the versions of a data processing task

     Lists the versions of a data processing task, one page at a time. Sources: OTC *Querying the
    Version List of a Data Processing Task* (`querying_the_version_list_of_a_data_processing_task.rst`)
    and Huawei (huaweicloudDocs) 查询数据处理任务的版本列表 (`cn.zh-cn/API参考/查询数据处理任务的版本列表.md`).
    Every query parameter is optional. Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions?offset=0&limit=5`.

    Paging: `offset` is a 0-based page index (*inferred*, see `offset`), `limit` the page size (1
    to 100, default 100); `count` in the response is the total over all pages.

    IAM action: `modelarts:processTask:getProcessTask`, with the OBS actions
    `obs:bucket:HeadBucket`, `obs:bucket:ListBucket`, `obs:object:PutObject`,
    `obs:bucket:ListAllMyBuckets`, `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`,
    `obs:bucket:GetBucketPolicy`, `obs:bucket:DeleteBucketPolicy`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        order (ListProcessorTaskVersionsOrder | Unset):  Default:
            ListProcessorTaskVersionsOrder.DESC.
        sort_by (ListProcessorTaskVersionsSortBy | Unset):  Default:
            ListProcessorTaskVersionsSortBy.CREATE_TIME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListProcessorTaskVersionsResp]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        task_id=task_id,
        limit=limit,
        offset=offset,
        order=order,
        sort_by=sort_by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    order: ListProcessorTaskVersionsOrder | Unset = ListProcessorTaskVersionsOrder.DESC,
    sort_by: ListProcessorTaskVersionsSortBy
    | Unset = ListProcessorTaskVersionsSortBy.CREATE_TIME,
) -> Error | ListProcessorTaskVersionsResp | None:
    """List the versions of a data processing task

     Lists the versions of a data processing task, one page at a time. Sources: OTC *Querying the
    Version List of a Data Processing Task* (`querying_the_version_list_of_a_data_processing_task.rst`)
    and Huawei (huaweicloudDocs) 查询数据处理任务的版本列表 (`cn.zh-cn/API参考/查询数据处理任务的版本列表.md`).
    Every query parameter is optional. Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions?offset=0&limit=5`.

    Paging: `offset` is a 0-based page index (*inferred*, see `offset`), `limit` the page size (1
    to 100, default 100); `count` in the response is the total over all pages.

    IAM action: `modelarts:processTask:getProcessTask`, with the OBS actions
    `obs:bucket:HeadBucket`, `obs:bucket:ListBucket`, `obs:object:PutObject`,
    `obs:bucket:ListAllMyBuckets`, `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`,
    `obs:bucket:GetBucketPolicy`, `obs:bucket:DeleteBucketPolicy`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        order (ListProcessorTaskVersionsOrder | Unset):  Default:
            ListProcessorTaskVersionsOrder.DESC.
        sort_by (ListProcessorTaskVersionsSortBy | Unset):  Default:
            ListProcessorTaskVersionsSortBy.CREATE_TIME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListProcessorTaskVersionsResp
    """

    return sync_detailed(
        project_id=project_id,
        task_id=task_id,
        client=client,
        limit=limit,
        offset=offset,
        order=order,
        sort_by=sort_by,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    order: ListProcessorTaskVersionsOrder | Unset = ListProcessorTaskVersionsOrder.DESC,
    sort_by: ListProcessorTaskVersionsSortBy
    | Unset = ListProcessorTaskVersionsSortBy.CREATE_TIME,
) -> Response[Error | ListProcessorTaskVersionsResp]:
    """List the versions of a data processing task

     Lists the versions of a data processing task, one page at a time. Sources: OTC *Querying the
    Version List of a Data Processing Task* (`querying_the_version_list_of_a_data_processing_task.rst`)
    and Huawei (huaweicloudDocs) 查询数据处理任务的版本列表 (`cn.zh-cn/API参考/查询数据处理任务的版本列表.md`).
    Every query parameter is optional. Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions?offset=0&limit=5`.

    Paging: `offset` is a 0-based page index (*inferred*, see `offset`), `limit` the page size (1
    to 100, default 100); `count` in the response is the total over all pages.

    IAM action: `modelarts:processTask:getProcessTask`, with the OBS actions
    `obs:bucket:HeadBucket`, `obs:bucket:ListBucket`, `obs:object:PutObject`,
    `obs:bucket:ListAllMyBuckets`, `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`,
    `obs:bucket:GetBucketPolicy`, `obs:bucket:DeleteBucketPolicy`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        order (ListProcessorTaskVersionsOrder | Unset):  Default:
            ListProcessorTaskVersionsOrder.DESC.
        sort_by (ListProcessorTaskVersionsSortBy | Unset):  Default:
            ListProcessorTaskVersionsSortBy.CREATE_TIME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListProcessorTaskVersionsResp]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        task_id=task_id,
        limit=limit,
        offset=offset,
        order=order,
        sort_by=sort_by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    order: ListProcessorTaskVersionsOrder | Unset = ListProcessorTaskVersionsOrder.DESC,
    sort_by: ListProcessorTaskVersionsSortBy
    | Unset = ListProcessorTaskVersionsSortBy.CREATE_TIME,
) -> Error | ListProcessorTaskVersionsResp | None:
    """List the versions of a data processing task

     Lists the versions of a data processing task, one page at a time. Sources: OTC *Querying the
    Version List of a Data Processing Task* (`querying_the_version_list_of_a_data_processing_task.rst`)
    and Huawei (huaweicloudDocs) 查询数据处理任务的版本列表 (`cn.zh-cn/API参考/查询数据处理任务的版本列表.md`).
    Every query parameter is optional. Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions?offset=0&limit=5`.

    Paging: `offset` is a 0-based page index (*inferred*, see `offset`), `limit` the page size (1
    to 100, default 100); `count` in the response is the total over all pages.

    IAM action: `modelarts:processTask:getProcessTask`, with the OBS actions
    `obs:bucket:HeadBucket`, `obs:bucket:ListBucket`, `obs:object:PutObject`,
    `obs:bucket:ListAllMyBuckets`, `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`,
    `obs:bucket:GetBucketPolicy`, `obs:bucket:DeleteBucketPolicy`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        order (ListProcessorTaskVersionsOrder | Unset):  Default:
            ListProcessorTaskVersionsOrder.DESC.
        sort_by (ListProcessorTaskVersionsSortBy | Unset):  Default:
            ListProcessorTaskVersionsSortBy.CREATE_TIME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListProcessorTaskVersionsResp
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            task_id=task_id,
            client=client,
            limit=limit,
            offset=offset,
            order=order,
            sort_by=sort_by,
        )
    ).parsed
