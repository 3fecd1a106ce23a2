from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_processor_task_version_req import CreateProcessorTaskVersionReq
from ...models.create_processor_task_version_resp import CreateProcessorTaskVersionResp
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    project_id: str,
    task_id: str,
    *,
    body: CreateProcessorTaskVersionReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/{project_id}/processor-tasks/{task_id}/versions".format(
            project_id=quote(str(project_id), safe=""),
            task_id=quote(str(task_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateProcessorTaskVersionResp | Error | None:
    if response.status_code == 200:
        response_200 = CreateProcessorTaskVersionResp.from_dict(response.json())

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
) -> Response[CreateProcessorTaskVersionResp | Error]:
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
    body: CreateProcessorTaskVersionReq,
) -> Response[CreateProcessorTaskVersionResp | Error]:
    """Create a version of a data processing task

     Creates a version of the data processing task named by `task_id`. Sources: OTC *Creating a
    Data Processing Task Version* (`creating_a_data_processing_task_version.rst`) and Huawei
    (huaweicloudDocs) 创建数据处理任务版本 (`cn.zh-cn/API参考/创建数据处理任务版本.md`).

    The body repeats the task id: Huawei's page lists `task_id` as a mandatory body field, OTC's
    page does not have it; this document follows Huawei and requires it (send the path's
    `task_id`). Both pages' example request omits it; the example here adds it, see there.

    Not idempotent: a retry after a lost response may create a second version.

    IAM action: `modelarts:processTask:createProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        body (CreateProcessorTaskVersionReq): Request body of CreateProcessorTaskVersion. Give
            either `data_source` or `inputs`.

            `task_id` is required: Huawei's page lists it as a mandatory body field (是), OTC's page
            does
            not list it at all; this document follows Huawei. Send the same id as the `task_id` path
            parameter (*inferred*: both are described as 数据处理任务ID, "data processing task ID").

            Source: OTC *Creating a Data Processing Task Version*; Huawei (huaweicloudDocs)
            创建数据处理任务版本.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateProcessorTaskVersionResp | Error]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        task_id=task_id,
        body=body,
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
    body: CreateProcessorTaskVersionReq,
) -> CreateProcessorTaskVersionResp | Error | None:
    """Create a version of a data processing task

     Creates a version of the data processing task named by `task_id`. Sources: OTC *Creating a
    Data Processing Task Version* (`creating_a_data_processing_task_version.rst`) and Huawei
    (huaweicloudDocs) 创建数据处理任务版本 (`cn.zh-cn/API参考/创建数据处理任务版本.md`).

    The body repeats the task id: Huawei's page lists `task_id` as a mandatory body field, OTC's
    page does not have it; this document follows Huawei and requires it (send the path's
    `task_id`). Both pages' example request omits it; the example here adds it, see there.

    Not idempotent: a retry after a lost response may create a second version.

    IAM action: `modelarts:processTask:createProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        body (CreateProcessorTaskVersionReq): Request body of CreateProcessorTaskVersion. Give
            either `data_source` or `inputs`.

            `task_id` is required: Huawei's page lists it as a mandatory body field (是), OTC's page
            does
            not list it at all; this document follows Huawei. Send the same id as the `task_id` path
            parameter (*inferred*: both are described as 数据处理任务ID, "data processing task ID").

            Source: OTC *Creating a Data Processing Task Version*; Huawei (huaweicloudDocs)
            创建数据处理任务版本.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateProcessorTaskVersionResp | Error
    """

    return sync_detailed(
        project_id=project_id,
        task_id=task_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateProcessorTaskVersionReq,
) -> Response[CreateProcessorTaskVersionResp | Error]:
    """Create a version of a data processing task

     Creates a version of the data processing task named by `task_id`. Sources: OTC *Creating a
    Data Processing Task Version* (`creating_a_data_processing_task_version.rst`) and Huawei
    (huaweicloudDocs) 创建数据处理任务版本 (`cn.zh-cn/API参考/创建数据处理任务版本.md`).

    The body repeats the task id: Huawei's page lists `task_id` as a mandatory body field, OTC's
    page does not have it; this document follows Huawei and requires it (send the path's
    `task_id`). Both pages' example request omits it; the example here adds it, see there.

    Not idempotent: a retry after a lost response may create a second version.

    IAM action: `modelarts:processTask:createProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        body (CreateProcessorTaskVersionReq): Request body of CreateProcessorTaskVersion. Give
            either `data_source` or `inputs`.

            `task_id` is required: Huawei's page lists it as a mandatory body field (是), OTC's page
            does
            not list it at all; this document follows Huawei. Send the same id as the `task_id` path
            parameter (*inferred*: both are described as 数据处理任务ID, "data processing task ID").

            Source: OTC *Creating a Data Processing Task Version*; Huawei (huaweicloudDocs)
            创建数据处理任务版本.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateProcessorTaskVersionResp | Error]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        task_id=task_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateProcessorTaskVersionReq,
) -> CreateProcessorTaskVersionResp | Error | None:
    """Create a version of a data processing task

     Creates a version of the data processing task named by `task_id`. Sources: OTC *Creating a
    Data Processing Task Version* (`creating_a_data_processing_task_version.rst`) and Huawei
    (huaweicloudDocs) 创建数据处理任务版本 (`cn.zh-cn/API参考/创建数据处理任务版本.md`).

    The body repeats the task id: Huawei's page lists `task_id` as a mandatory body field, OTC's
    page does not have it; this document follows Huawei and requires it (send the path's
    `task_id`). Both pages' example request omits it; the example here adds it, see there.

    Not idempotent: a retry after a lost response may create a second version.

    IAM action: `modelarts:processTask:createProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        body (CreateProcessorTaskVersionReq): Request body of CreateProcessorTaskVersion. Give
            either `data_source` or `inputs`.

            `task_id` is required: Huawei's page lists it as a mandatory body field (是), OTC's page
            does
            not list it at all; this document follows Huawei. Send the same id as the `task_id` path
            parameter (*inferred*: both are described as 数据处理任务ID, "data processing task ID").

            Source: OTC *Creating a Data Processing Task Version*; Huawei (huaweicloudDocs)
            创建数据处理任务版本.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateProcessorTaskVersionResp | Error
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            task_id=task_id,
            client=client,
            body=body,
        )
    ).parsed
