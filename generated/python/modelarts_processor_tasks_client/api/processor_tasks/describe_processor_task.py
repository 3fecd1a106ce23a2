from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.describe_processor_task_resp import DescribeProcessorTaskResp
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    project_id: str,
    task_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/{project_id}/processor-tasks/{task_id}".format(
            project_id=quote(str(project_id), safe=""),
            task_id=quote(str(task_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DescribeProcessorTaskResp | Error | None:
    if response.status_code == 200:
        response_200 = DescribeProcessorTaskResp.from_dict(response.json())

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
) -> Response[DescribeProcessorTaskResp | Error]:
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
) -> Response[DescribeProcessorTaskResp | Error]:
    """Get a processing task

     Returns the details of one processing task (feature analysis or data processing), named by
    `task_id`. Sources: OTC *Querying Details About a Processing Task*
    (`querying_details_about_a_processing_task.rst`) and Huawei (huaweicloudDocs) 查询处理任务详情
    (`cn.zh-cn/API参考/查询处理任务详情.md`). Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}`.

    `result` (feature analysis output, once `status` is 2) is typed Object by both sources but a
    string in their example: both are accepted (see the schema). `version_count` is the number
    of versions (Huawei's wording, followed here; OTC says "Version number").

    A task that does not exist is 400 `ModelArts.4700`, not 404.

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: OTC's error-code appendix; Huawei (huaweicloudDocs) 数据管理权限, whose row for this call prints
    the URI of DescProcessorTaskVersion by mistake; the action is the same.

    Args:
        project_id (str):
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DescribeProcessorTaskResp | Error]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        task_id=task_id,
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
) -> DescribeProcessorTaskResp | Error | None:
    """Get a processing task

     Returns the details of one processing task (feature analysis or data processing), named by
    `task_id`. Sources: OTC *Querying Details About a Processing Task*
    (`querying_details_about_a_processing_task.rst`) and Huawei (huaweicloudDocs) 查询处理任务详情
    (`cn.zh-cn/API参考/查询处理任务详情.md`). Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}`.

    `result` (feature analysis output, once `status` is 2) is typed Object by both sources but a
    string in their example: both are accepted (see the schema). `version_count` is the number
    of versions (Huawei's wording, followed here; OTC says "Version number").

    A task that does not exist is 400 `ModelArts.4700`, not 404.

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: OTC's error-code appendix; Huawei (huaweicloudDocs) 数据管理权限, whose row for this call prints
    the URI of DescProcessorTaskVersion by mistake; the action is the same.

    Args:
        project_id (str):
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DescribeProcessorTaskResp | Error
    """

    return sync_detailed(
        project_id=project_id,
        task_id=task_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DescribeProcessorTaskResp | Error]:
    """Get a processing task

     Returns the details of one processing task (feature analysis or data processing), named by
    `task_id`. Sources: OTC *Querying Details About a Processing Task*
    (`querying_details_about_a_processing_task.rst`) and Huawei (huaweicloudDocs) 查询处理任务详情
    (`cn.zh-cn/API参考/查询处理任务详情.md`). Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}`.

    `result` (feature analysis output, once `status` is 2) is typed Object by both sources but a
    string in their example: both are accepted (see the schema). `version_count` is the number
    of versions (Huawei's wording, followed here; OTC says "Version number").

    A task that does not exist is 400 `ModelArts.4700`, not 404.

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: OTC's error-code appendix; Huawei (huaweicloudDocs) 数据管理权限, whose row for this call prints
    the URI of DescProcessorTaskVersion by mistake; the action is the same.

    Args:
        project_id (str):
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DescribeProcessorTaskResp | Error]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        task_id=task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> DescribeProcessorTaskResp | Error | None:
    """Get a processing task

     Returns the details of one processing task (feature analysis or data processing), named by
    `task_id`. Sources: OTC *Querying Details About a Processing Task*
    (`querying_details_about_a_processing_task.rst`) and Huawei (huaweicloudDocs) 查询处理任务详情
    (`cn.zh-cn/API参考/查询处理任务详情.md`). Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}`.

    `result` (feature analysis output, once `status` is 2) is typed Object by both sources but a
    string in their example: both are accepted (see the schema). `version_count` is the number
    of versions (Huawei's wording, followed here; OTC says "Version number").

    A task that does not exist is 400 `ModelArts.4700`, not 404.

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: OTC's error-code appendix; Huawei (huaweicloudDocs) 数据管理权限, whose row for this call prints
    the URI of DescProcessorTaskVersion by mistake; the action is the same.

    Args:
        project_id (str):
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DescribeProcessorTaskResp | Error
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            task_id=task_id,
            client=client,
        )
    ).parsed
