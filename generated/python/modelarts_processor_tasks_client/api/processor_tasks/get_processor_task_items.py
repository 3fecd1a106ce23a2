from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_processor_task_items_resp import GetProcessorTaskItemsResp
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    *,
    offset: int | Unset = 0,
    limit: int | Unset = 1000,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/{project_id}/processor-tasks/items".format(
            project_id=quote(str(project_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | GetProcessorTaskItemsResp | None:
    if response.status_code == 200:
        response_200 = GetProcessorTaskItemsResp.from_dict(response.json())

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
) -> Response[Error | GetProcessorTaskItemsResp]:
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
    offset: int | Unset = 0,
    limit: int | Unset = 1000,
) -> Response[Error | GetProcessorTaskItemsResp]:
    """List the algorithm types for data processing

     Queries the algorithm types for data processing (the data processing templates). Sources:
    OTC *Querying the Algorithm Type for Data Processing*
    (`querying_the_algorithm_type_for_data_processing.rst`) and Huawei (huaweicloudDocs)
    查询数据处理的算法类别 (`cn.zh-cn/API参考/查询数据处理的算法类别.md`). Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/items`.

    The query parameters `offset` and `limit` are on OTC's page since 2024-06-17 and on Huawei's
    live Chinese page (`support.huaweicloud.com/api-modelarts/GetProcessorTaskItems.md`, updated
    2025-06-30), not on Huawei (huaweicloudDocs) 2021 page; this document follows Huawei's live
    page and documents them. The response reports the total in `total`.

    This path shares its shape with DescribeProcessorTask (`/processor-tasks/{task_id}`): the
    literal `items` is matched here, and `task_id` refuses the value `items`, so no task id can
    reach this operation instead of a task (routing *inferred* from the URIs).

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GetProcessorTaskItemsResp]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        offset=offset,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 1000,
) -> Error | GetProcessorTaskItemsResp | None:
    """List the algorithm types for data processing

     Queries the algorithm types for data processing (the data processing templates). Sources:
    OTC *Querying the Algorithm Type for Data Processing*
    (`querying_the_algorithm_type_for_data_processing.rst`) and Huawei (huaweicloudDocs)
    查询数据处理的算法类别 (`cn.zh-cn/API参考/查询数据处理的算法类别.md`). Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/items`.

    The query parameters `offset` and `limit` are on OTC's page since 2024-06-17 and on Huawei's
    live Chinese page (`support.huaweicloud.com/api-modelarts/GetProcessorTaskItems.md`, updated
    2025-06-30), not on Huawei (huaweicloudDocs) 2021 page; this document follows Huawei's live
    page and documents them. The response reports the total in `total`.

    This path shares its shape with DescribeProcessorTask (`/processor-tasks/{task_id}`): the
    literal `items` is matched here, and `task_id` refuses the value `items`, so no task id can
    reach this operation instead of a task (routing *inferred* from the URIs).

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GetProcessorTaskItemsResp
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        offset=offset,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 1000,
) -> Response[Error | GetProcessorTaskItemsResp]:
    """List the algorithm types for data processing

     Queries the algorithm types for data processing (the data processing templates). Sources:
    OTC *Querying the Algorithm Type for Data Processing*
    (`querying_the_algorithm_type_for_data_processing.rst`) and Huawei (huaweicloudDocs)
    查询数据处理的算法类别 (`cn.zh-cn/API参考/查询数据处理的算法类别.md`). Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/items`.

    The query parameters `offset` and `limit` are on OTC's page since 2024-06-17 and on Huawei's
    live Chinese page (`support.huaweicloud.com/api-modelarts/GetProcessorTaskItems.md`, updated
    2025-06-30), not on Huawei (huaweicloudDocs) 2021 page; this document follows Huawei's live
    page and documents them. The response reports the total in `total`.

    This path shares its shape with DescribeProcessorTask (`/processor-tasks/{task_id}`): the
    literal `items` is matched here, and `task_id` refuses the value `items`, so no task id can
    reach this operation instead of a task (routing *inferred* from the URIs).

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GetProcessorTaskItemsResp]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        offset=offset,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 1000,
) -> Error | GetProcessorTaskItemsResp | None:
    """List the algorithm types for data processing

     Queries the algorithm types for data processing (the data processing templates). Sources:
    OTC *Querying the Algorithm Type for Data Processing*
    (`querying_the_algorithm_type_for_data_processing.rst`) and Huawei (huaweicloudDocs)
    查询数据处理的算法类别 (`cn.zh-cn/API参考/查询数据处理的算法类别.md`). Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/items`.

    The query parameters `offset` and `limit` are on OTC's page since 2024-06-17 and on Huawei's
    live Chinese page (`support.huaweicloud.com/api-modelarts/GetProcessorTaskItems.md`, updated
    2025-06-30), not on Huawei (huaweicloudDocs) 2021 page; this document follows Huawei's live
    page and documents them. The response reports the total in `total`.

    This path shares its shape with DescribeProcessorTask (`/processor-tasks/{task_id}`): the
    literal `items` is matched here, and `task_id` refuses the value `items`, so no task id can
    reach this operation instead of a task (routing *inferred* from the URIs).

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GetProcessorTaskItemsResp
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            offset=offset,
            limit=limit,
        )
    ).parsed
