from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.desc_task_version_resp import DescTaskVersionResp
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    project_id: str,
    task_id: str,
    version_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}".format(
            project_id=quote(str(project_id), safe=""),
            task_id=quote(str(task_id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DescTaskVersionResp | Error | None:
    if response.status_code == 200:
        response_200 = DescTaskVersionResp.from_dict(response.json())

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
) -> Response[DescTaskVersionResp | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str,
    task_id: str,
    version_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DescTaskVersionResp | Error]:
    """Get a version of a data processing task

     Returns the details of one version of a data processing task. Sources: OTC *Querying the
    Details About the Version of a Data Processing Task*
    (`querying_the_details_about_the_version_of_a_data_processing_task.rst`) and Huawei
    (huaweicloudDocs) 查询数据处理任务的版本详情 (`cn.zh-cn/API参考/查询数据处理任务的版本详情.md`). Example
    request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}`.

    A version that does not exist is 400 `ModelArts.4851`, not 404.
    `update_time` is described by both sources as the creation time (see the schema).

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: OTC's error-code appendix; Huawei (huaweicloudDocs) 数据管理权限, whose row for this call prints
    the URI of ListProcessorTaskVersions by mistake; the action is the same.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DescTaskVersionResp | Error]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        task_id=task_id,
        version_id=version_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    task_id: str,
    version_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> DescTaskVersionResp | Error | None:
    """Get a version of a data processing task

     Returns the details of one version of a data processing task. Sources: OTC *Querying the
    Details About the Version of a Data Processing Task*
    (`querying_the_details_about_the_version_of_a_data_processing_task.rst`) and Huawei
    (huaweicloudDocs) 查询数据处理任务的版本详情 (`cn.zh-cn/API参考/查询数据处理任务的版本详情.md`). Example
    request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}`.

    A version that does not exist is 400 `ModelArts.4851`, not 404.
    `update_time` is described by both sources as the creation time (see the schema).

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: OTC's error-code appendix; Huawei (huaweicloudDocs) 数据管理权限, whose row for this call prints
    the URI of ListProcessorTaskVersions by mistake; the action is the same.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DescTaskVersionResp | Error
    """

    return sync_detailed(
        project_id=project_id,
        task_id=task_id,
        version_id=version_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    task_id: str,
    version_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DescTaskVersionResp | Error]:
    """Get a version of a data processing task

     Returns the details of one version of a data processing task. Sources: OTC *Querying the
    Details About the Version of a Data Processing Task*
    (`querying_the_details_about_the_version_of_a_data_processing_task.rst`) and Huawei
    (huaweicloudDocs) 查询数据处理任务的版本详情 (`cn.zh-cn/API参考/查询数据处理任务的版本详情.md`). Example
    request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}`.

    A version that does not exist is 400 `ModelArts.4851`, not 404.
    `update_time` is described by both sources as the creation time (see the schema).

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: OTC's error-code appendix; Huawei (huaweicloudDocs) 数据管理权限, whose row for this call prints
    the URI of ListProcessorTaskVersions by mistake; the action is the same.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DescTaskVersionResp | Error]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        task_id=task_id,
        version_id=version_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    task_id: str,
    version_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> DescTaskVersionResp | Error | None:
    """Get a version of a data processing task

     Returns the details of one version of a data processing task. Sources: OTC *Querying the
    Details About the Version of a Data Processing Task*
    (`querying_the_details_about_the_version_of_a_data_processing_task.rst`) and Huawei
    (huaweicloudDocs) 查询数据处理任务的版本详情 (`cn.zh-cn/API参考/查询数据处理任务的版本详情.md`). Example
    request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}`.

    A version that does not exist is 400 `ModelArts.4851`, not 404.
    `update_time` is described by both sources as the creation time (see the schema).

    IAM action: `modelarts:processTask:getProcessTask`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: OTC's error-code appendix; Huawei (huaweicloudDocs) 数据管理权限, whose row for this call prints
    the URI of ListProcessorTaskVersions by mistake; the action is the same.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DescTaskVersionResp | Error
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            task_id=task_id,
            version_id=version_id,
            client=client,
        )
    ).parsed
