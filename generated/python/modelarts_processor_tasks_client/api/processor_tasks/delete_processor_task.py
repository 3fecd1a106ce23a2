from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.empty import Empty
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    project_id: str,
    task_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v2/{project_id}/processor-tasks/{task_id}".format(
            project_id=quote(str(project_id), safe=""),
            task_id=quote(str(task_id), safe=""),
        ),
    }

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
) -> Response[Empty | Error]:
    """Delete a processing task

     Deletes a processing task, either a feature analysis task or a data processing task,
    named by `task_id`. No request body and no
    query parameters.

    IAM action: `modelarts:processTask:deleteProcessTask`, with the OBS actions
    `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`, `obs:bucket:GetBucketPolicy`,
    `obs:bucket:DeleteBucketPolicy`, `obs:bucket:ListBucket`, `obs:bucket:ListAllMyBuckets`,
    `obs:object:DeleteObject`.

    The call is idempotent in effect: deleting a task that is already gone fails with
    400 `ModelArts.4700` and changes nothing, so a client may retry it safely and may treat
    `ModelArts.4700` as success when cleaning up (*inferred*). A task that is still initializing
    cannot be deleted yet: 403 `ModelArts.4850`.

    The seed lists the status codes 200, 401 and 403. The other responses below come from
    OTC's error-code appendix and the API gateway; each says so.

    Source: seed: OTC *Deleting a Processing Task*, `deleting_a_processing_task.rst`, byte-identical to
    the seed; Huawei (huaweicloudDocs) 删除处理任务; seed: "Request Parameters: None"; Huawei
    (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | Error]
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
) -> Empty | Error | None:
    """Delete a processing task

     Deletes a processing task, either a feature analysis task or a data processing task,
    named by `task_id`. No request body and no
    query parameters.

    IAM action: `modelarts:processTask:deleteProcessTask`, with the OBS actions
    `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`, `obs:bucket:GetBucketPolicy`,
    `obs:bucket:DeleteBucketPolicy`, `obs:bucket:ListBucket`, `obs:bucket:ListAllMyBuckets`,
    `obs:object:DeleteObject`.

    The call is idempotent in effect: deleting a task that is already gone fails with
    400 `ModelArts.4700` and changes nothing, so a client may retry it safely and may treat
    `ModelArts.4700` as success when cleaning up (*inferred*). A task that is still initializing
    cannot be deleted yet: 403 `ModelArts.4850`.

    The seed lists the status codes 200, 401 and 403. The other responses below come from
    OTC's error-code appendix and the API gateway; each says so.

    Source: seed: OTC *Deleting a Processing Task*, `deleting_a_processing_task.rst`, byte-identical to
    the seed; Huawei (huaweicloudDocs) 删除处理任务; seed: "Request Parameters: None"; Huawei
    (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):

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
    ).parsed


async def asyncio_detailed(
    project_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Empty | Error]:
    """Delete a processing task

     Deletes a processing task, either a feature analysis task or a data processing task,
    named by `task_id`. No request body and no
    query parameters.

    IAM action: `modelarts:processTask:deleteProcessTask`, with the OBS actions
    `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`, `obs:bucket:GetBucketPolicy`,
    `obs:bucket:DeleteBucketPolicy`, `obs:bucket:ListBucket`, `obs:bucket:ListAllMyBuckets`,
    `obs:object:DeleteObject`.

    The call is idempotent in effect: deleting a task that is already gone fails with
    400 `ModelArts.4700` and changes nothing, so a client may retry it safely and may treat
    `ModelArts.4700` as success when cleaning up (*inferred*). A task that is still initializing
    cannot be deleted yet: 403 `ModelArts.4850`.

    The seed lists the status codes 200, 401 and 403. The other responses below come from
    OTC's error-code appendix and the API gateway; each says so.

    Source: seed: OTC *Deleting a Processing Task*, `deleting_a_processing_task.rst`, byte-identical to
    the seed; Huawei (huaweicloudDocs) 删除处理任务; seed: "Request Parameters: None"; Huawei
    (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | Error]
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
) -> Empty | Error | None:
    """Delete a processing task

     Deletes a processing task, either a feature analysis task or a data processing task,
    named by `task_id`. No request body and no
    query parameters.

    IAM action: `modelarts:processTask:deleteProcessTask`, with the OBS actions
    `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`, `obs:bucket:GetBucketPolicy`,
    `obs:bucket:DeleteBucketPolicy`, `obs:bucket:ListBucket`, `obs:bucket:ListAllMyBuckets`,
    `obs:object:DeleteObject`.

    The call is idempotent in effect: deleting a task that is already gone fails with
    400 `ModelArts.4700` and changes nothing, so a client may retry it safely and may treat
    `ModelArts.4700` as success when cleaning up (*inferred*). A task that is still initializing
    cannot be deleted yet: 403 `ModelArts.4850`.

    The seed lists the status codes 200, 401 and 403. The other responses below come from
    OTC's error-code appendix and the API gateway; each says so.

    Source: seed: OTC *Deleting a Processing Task*, `deleting_a_processing_task.rst`, byte-identical to
    the seed; Huawei (huaweicloudDocs) 删除处理任务; seed: "Request Parameters: None"; Huawei
    (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        task_id (str):

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
        )
    ).parsed
