from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    project_id: str,
    task_id: str,
    version_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}".format(
            project_id=quote(str(project_id), safe=""),
            task_id=quote(str(task_id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | Error]:
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
) -> Response[Any | Error]:
    """Delete a version of a data processing task

     Deletes a version of a data processing task. Sources: OTC *Deleting a Data Processing Task
    Version* (`deleting_a_data_processing_task_version.rst`) and Huawei (huaweicloudDocs)
    删除数据处理任务的版本 (`cn.zh-cn/API参考/删除数据处理任务的版本.md`). No request body, no query
    parameters. Example request of the pages:
    `DELETE https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}`.

    Success is 204 No Content in both sources' status tables. Both also print `{ }` as the
    example body of that 204, which a 204 cannot carry: this document follows the status code
    and documents no content. (Deleting a task, by contrast, answers 200 with `{ }`.)

    Idempotent in effect, like deleting a task: a version already gone fails with 400
    `ModelArts.4851` and changes nothing (*inferred*).

    IAM action: `modelarts:processTask:deleteProcessTask`, with the OBS actions
    `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`, `obs:bucket:GetBucketPolicy`,
    `obs:bucket:DeleteBucketPolicy`, `obs:bucket:ListBucket`, `obs:bucket:ListAllMyBuckets`,
    `obs:object:DeleteObject`.

    Status codes on the pages: 204, 401, 403 (no 404, like the seed). The 400, 429, 500 and 503
    responses come from OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
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
) -> Any | Error | None:
    """Delete a version of a data processing task

     Deletes a version of a data processing task. Sources: OTC *Deleting a Data Processing Task
    Version* (`deleting_a_data_processing_task_version.rst`) and Huawei (huaweicloudDocs)
    删除数据处理任务的版本 (`cn.zh-cn/API参考/删除数据处理任务的版本.md`). No request body, no query
    parameters. Example request of the pages:
    `DELETE https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}`.

    Success is 204 No Content in both sources' status tables. Both also print `{ }` as the
    example body of that 204, which a 204 cannot carry: this document follows the status code
    and documents no content. (Deleting a task, by contrast, answers 200 with `{ }`.)

    Idempotent in effect, like deleting a task: a version already gone fails with 400
    `ModelArts.4851` and changes nothing (*inferred*).

    IAM action: `modelarts:processTask:deleteProcessTask`, with the OBS actions
    `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`, `obs:bucket:GetBucketPolicy`,
    `obs:bucket:DeleteBucketPolicy`, `obs:bucket:ListBucket`, `obs:bucket:ListAllMyBuckets`,
    `obs:object:DeleteObject`.

    Status codes on the pages: 204, 401, 403 (no 404, like the seed). The 400, 429, 500 and 503
    responses come from OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
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
) -> Response[Any | Error]:
    """Delete a version of a data processing task

     Deletes a version of a data processing task. Sources: OTC *Deleting a Data Processing Task
    Version* (`deleting_a_data_processing_task_version.rst`) and Huawei (huaweicloudDocs)
    删除数据处理任务的版本 (`cn.zh-cn/API参考/删除数据处理任务的版本.md`). No request body, no query
    parameters. Example request of the pages:
    `DELETE https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}`.

    Success is 204 No Content in both sources' status tables. Both also print `{ }` as the
    example body of that 204, which a 204 cannot carry: this document follows the status code
    and documents no content. (Deleting a task, by contrast, answers 200 with `{ }`.)

    Idempotent in effect, like deleting a task: a version already gone fails with 400
    `ModelArts.4851` and changes nothing (*inferred*).

    IAM action: `modelarts:processTask:deleteProcessTask`, with the OBS actions
    `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`, `obs:bucket:GetBucketPolicy`,
    `obs:bucket:DeleteBucketPolicy`, `obs:bucket:ListBucket`, `obs:bucket:ListAllMyBuckets`,
    `obs:object:DeleteObject`.

    Status codes on the pages: 204, 401, 403 (no 404, like the seed). The 400, 429, 500 and 503
    responses come from OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
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
) -> Any | Error | None:
    """Delete a version of a data processing task

     Deletes a version of a data processing task. Sources: OTC *Deleting a Data Processing Task
    Version* (`deleting_a_data_processing_task_version.rst`) and Huawei (huaweicloudDocs)
    删除数据处理任务的版本 (`cn.zh-cn/API参考/删除数据处理任务的版本.md`). No request body, no query
    parameters. Example request of the pages:
    `DELETE https://{endpoint}/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}`.

    Success is 204 No Content in both sources' status tables. Both also print `{ }` as the
    example body of that 204, which a 204 cannot carry: this document follows the status code
    and documents no content. (Deleting a task, by contrast, answers 200 with `{ }`.)

    Idempotent in effect, like deleting a task: a version already gone fails with 400
    `ModelArts.4851` and changes nothing (*inferred*).

    IAM action: `modelarts:processTask:deleteProcessTask`, with the OBS actions
    `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`, `obs:bucket:GetBucketPolicy`,
    `obs:bucket:DeleteBucketPolicy`, `obs:bucket:ListBucket`, `obs:bucket:ListAllMyBuckets`,
    `obs:object:DeleteObject`.

    Status codes on the pages: 204, 401, 403 (no 404, like the seed). The 400, 429, 500 and 503
    responses come from OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            task_id=task_id,
            version_id=version_id,
            client=client,
        )
    ).parsed
