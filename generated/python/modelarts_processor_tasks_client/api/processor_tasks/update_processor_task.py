from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.empty import Empty
from ...models.error import Error
from ...models.update_processor_task_req import UpdateProcessorTaskReq
from ...types import Response


def _get_kwargs(
    project_id: str,
    task_id: str,
    *,
    body: UpdateProcessorTaskReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v2/{project_id}/processor-tasks/{task_id}".format(
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
) -> Empty | Error | None:
    if response.status_code == 200:
        response_200 = Empty.from_dict(response.json())

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
) -> Response[Empty | Error]:
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
    body: UpdateProcessorTaskReq,
) -> Response[Empty | Error]:
    """Update a processing task

     Updates a processing task (feature analysis or data processing) named by `task_id`. Only the
    description of tasks can be updated. Sources: OTC *Updating a Processing Task*
    (`updating_a_processing_task.rst`) and Huawei (huaweicloudDocs) 更新处理任务
    (`cn.zh-cn/API参考/更新处理任务.md`). The response has no parameters; its example body is `{ }`.

    Idempotent: sending the same description again leaves the task as it is.

    IAM action: `modelarts:processTask:updateProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        body (UpdateProcessorTaskReq): Request body of UpdateProcessorTask: "Only the description
            of tasks can be updated."

            Source: OTC *Updating a Processing Task*; Huawei (huaweicloudDocs) 更新处理任务.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | Error]
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
    body: UpdateProcessorTaskReq,
) -> Empty | Error | None:
    """Update a processing task

     Updates a processing task (feature analysis or data processing) named by `task_id`. Only the
    description of tasks can be updated. Sources: OTC *Updating a Processing Task*
    (`updating_a_processing_task.rst`) and Huawei (huaweicloudDocs) 更新处理任务
    (`cn.zh-cn/API参考/更新处理任务.md`). The response has no parameters; its example body is `{ }`.

    Idempotent: sending the same description again leaves the task as it is.

    IAM action: `modelarts:processTask:updateProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        body (UpdateProcessorTaskReq): Request body of UpdateProcessorTask: "Only the description
            of tasks can be updated."

            Source: OTC *Updating a Processing Task*; Huawei (huaweicloudDocs) 更新处理任务.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Empty | Error
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
    body: UpdateProcessorTaskReq,
) -> Response[Empty | Error]:
    """Update a processing task

     Updates a processing task (feature analysis or data processing) named by `task_id`. Only the
    description of tasks can be updated. Sources: OTC *Updating a Processing Task*
    (`updating_a_processing_task.rst`) and Huawei (huaweicloudDocs) 更新处理任务
    (`cn.zh-cn/API参考/更新处理任务.md`). The response has no parameters; its example body is `{ }`.

    Idempotent: sending the same description again leaves the task as it is.

    IAM action: `modelarts:processTask:updateProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        body (UpdateProcessorTaskReq): Request body of UpdateProcessorTask: "Only the description
            of tasks can be updated."

            Source: OTC *Updating a Processing Task*; Huawei (huaweicloudDocs) 更新处理任务.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | Error]
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
    body: UpdateProcessorTaskReq,
) -> Empty | Error | None:
    """Update a processing task

     Updates a processing task (feature analysis or data processing) named by `task_id`. Only the
    description of tasks can be updated. Sources: OTC *Updating a Processing Task*
    (`updating_a_processing_task.rst`) and Huawei (huaweicloudDocs) 更新处理任务
    (`cn.zh-cn/API参考/更新处理任务.md`). The response has no parameters; its example body is `{ }`.

    Idempotent: sending the same description again leaves the task as it is.

    IAM action: `modelarts:processTask:updateProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        body (UpdateProcessorTaskReq): Request body of UpdateProcessorTask: "Only the description
            of tasks can be updated."

            Source: OTC *Updating a Processing Task*; Huawei (huaweicloudDocs) 更新处理任务.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Empty | Error
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            task_id=task_id,
            client=client,
            body=body,
        )
    ).parsed
