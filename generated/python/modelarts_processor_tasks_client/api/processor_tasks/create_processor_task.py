from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_processor_task_req import CreateProcessorTaskReq
from ...models.create_processor_task_resp import CreateProcessorTaskResp
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    project_id: str,
    *,
    body: CreateProcessorTaskReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/{project_id}/processor-tasks".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateProcessorTaskResp | Error | None:
    if response.status_code == 200:
        response_200 = CreateProcessorTaskResp.from_dict(response.json())

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
) -> Response[CreateProcessorTaskResp | Error]:
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
    body: CreateProcessorTaskReq,
) -> Response[CreateProcessorTaskResp | Error]:
    """Create a processing task

     Creates a processing task: a feature analysis task or a data processing task (validation,
    cleansing, filtering or augmentation). The `id` of the `template` in the body picks the
    type. Sources: OTC *Creating a Processing Task*
    (`api-ref/source/historical_apis/data_management_old_version/creating_a_processing_task.rst`)
    and Huawei (huaweicloudDocs) 创建处理任务 (`cn.zh-cn/API参考/创建处理任务.md`).

    - *Feature analysis* (`sys_data_analyse`) analyses images or target boxes for features such
      as blurriness and brightness and draws visual curves.
    - *Data processing*: *data validation* (`sys_data_validation`) checks a dataset is valid;
      *data cleansing* (`sys_data_cleaning`) denoises, corrects or completes data; *data
      filtering* (`sys_data_selection`) selects a subset; *data augmentation*
      (`sys_data_augmentation`) adds data by scaling, cropping, transforming or synthesising.

    `template` is optional here: OTC's page makes it mandatory since 2024-06-17, Huawei's page
    (and OTC's before) does not; this document follows Huawei. Data sources and work directories
    cannot be OBS paths in a KMS-encrypted bucket. Set `create_version: true` only for data
    processing tasks.

    Not idempotent: a retry after a lost response may create a second task, or fail with 400
    `ModelArts.4709` (the name is taken) if the first attempt succeeded.

    IAM action: `modelarts:processTask:createProcessTask`, with the OBS actions
    `obs:bucket:HeadBucket`, `obs:bucket:ListBucket`, `obs:object:PutObject`,
    `obs:bucket:ListAllMyBuckets`, `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`,
    `obs:bucket:GetBucketPolicy`, `obs:bucket:DeleteBucketPolicy`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        body (CreateProcessorTaskReq): Request body of CreateProcessorTask. Give either
            `data_source` or `inputs`. Only `name` is required:
            `template` is mandatory on OTC's page since 2024-06-17 but optional on Huawei's page (and
            on
            OTC's before); this document follows Huawei. A task without `template` is accepted here;
            which
            task type the service then creates is not documented.

            Source: OTC *Creating a Processing Task*, Table 2; Huawei (huaweicloudDocs) 创建处理任务.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateProcessorTaskResp | Error]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateProcessorTaskReq,
) -> CreateProcessorTaskResp | Error | None:
    """Create a processing task

     Creates a processing task: a feature analysis task or a data processing task (validation,
    cleansing, filtering or augmentation). The `id` of the `template` in the body picks the
    type. Sources: OTC *Creating a Processing Task*
    (`api-ref/source/historical_apis/data_management_old_version/creating_a_processing_task.rst`)
    and Huawei (huaweicloudDocs) 创建处理任务 (`cn.zh-cn/API参考/创建处理任务.md`).

    - *Feature analysis* (`sys_data_analyse`) analyses images or target boxes for features such
      as blurriness and brightness and draws visual curves.
    - *Data processing*: *data validation* (`sys_data_validation`) checks a dataset is valid;
      *data cleansing* (`sys_data_cleaning`) denoises, corrects or completes data; *data
      filtering* (`sys_data_selection`) selects a subset; *data augmentation*
      (`sys_data_augmentation`) adds data by scaling, cropping, transforming or synthesising.

    `template` is optional here: OTC's page makes it mandatory since 2024-06-17, Huawei's page
    (and OTC's before) does not; this document follows Huawei. Data sources and work directories
    cannot be OBS paths in a KMS-encrypted bucket. Set `create_version: true` only for data
    processing tasks.

    Not idempotent: a retry after a lost response may create a second task, or fail with 400
    `ModelArts.4709` (the name is taken) if the first attempt succeeded.

    IAM action: `modelarts:processTask:createProcessTask`, with the OBS actions
    `obs:bucket:HeadBucket`, `obs:bucket:ListBucket`, `obs:object:PutObject`,
    `obs:bucket:ListAllMyBuckets`, `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`,
    `obs:bucket:GetBucketPolicy`, `obs:bucket:DeleteBucketPolicy`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        body (CreateProcessorTaskReq): Request body of CreateProcessorTask. Give either
            `data_source` or `inputs`. Only `name` is required:
            `template` is mandatory on OTC's page since 2024-06-17 but optional on Huawei's page (and
            on
            OTC's before); this document follows Huawei. A task without `template` is accepted here;
            which
            task type the service then creates is not documented.

            Source: OTC *Creating a Processing Task*, Table 2; Huawei (huaweicloudDocs) 创建处理任务.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateProcessorTaskResp | Error
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateProcessorTaskReq,
) -> Response[CreateProcessorTaskResp | Error]:
    """Create a processing task

     Creates a processing task: a feature analysis task or a data processing task (validation,
    cleansing, filtering or augmentation). The `id` of the `template` in the body picks the
    type. Sources: OTC *Creating a Processing Task*
    (`api-ref/source/historical_apis/data_management_old_version/creating_a_processing_task.rst`)
    and Huawei (huaweicloudDocs) 创建处理任务 (`cn.zh-cn/API参考/创建处理任务.md`).

    - *Feature analysis* (`sys_data_analyse`) analyses images or target boxes for features such
      as blurriness and brightness and draws visual curves.
    - *Data processing*: *data validation* (`sys_data_validation`) checks a dataset is valid;
      *data cleansing* (`sys_data_cleaning`) denoises, corrects or completes data; *data
      filtering* (`sys_data_selection`) selects a subset; *data augmentation*
      (`sys_data_augmentation`) adds data by scaling, cropping, transforming or synthesising.

    `template` is optional here: OTC's page makes it mandatory since 2024-06-17, Huawei's page
    (and OTC's before) does not; this document follows Huawei. Data sources and work directories
    cannot be OBS paths in a KMS-encrypted bucket. Set `create_version: true` only for data
    processing tasks.

    Not idempotent: a retry after a lost response may create a second task, or fail with 400
    `ModelArts.4709` (the name is taken) if the first attempt succeeded.

    IAM action: `modelarts:processTask:createProcessTask`, with the OBS actions
    `obs:bucket:HeadBucket`, `obs:bucket:ListBucket`, `obs:object:PutObject`,
    `obs:bucket:ListAllMyBuckets`, `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`,
    `obs:bucket:GetBucketPolicy`, `obs:bucket:DeleteBucketPolicy`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        body (CreateProcessorTaskReq): Request body of CreateProcessorTask. Give either
            `data_source` or `inputs`. Only `name` is required:
            `template` is mandatory on OTC's page since 2024-06-17 but optional on Huawei's page (and
            on
            OTC's before); this document follows Huawei. A task without `template` is accepted here;
            which
            task type the service then creates is not documented.

            Source: OTC *Creating a Processing Task*, Table 2; Huawei (huaweicloudDocs) 创建处理任务.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateProcessorTaskResp | Error]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateProcessorTaskReq,
) -> CreateProcessorTaskResp | Error | None:
    """Create a processing task

     Creates a processing task: a feature analysis task or a data processing task (validation,
    cleansing, filtering or augmentation). The `id` of the `template` in the body picks the
    type. Sources: OTC *Creating a Processing Task*
    (`api-ref/source/historical_apis/data_management_old_version/creating_a_processing_task.rst`)
    and Huawei (huaweicloudDocs) 创建处理任务 (`cn.zh-cn/API参考/创建处理任务.md`).

    - *Feature analysis* (`sys_data_analyse`) analyses images or target boxes for features such
      as blurriness and brightness and draws visual curves.
    - *Data processing*: *data validation* (`sys_data_validation`) checks a dataset is valid;
      *data cleansing* (`sys_data_cleaning`) denoises, corrects or completes data; *data
      filtering* (`sys_data_selection`) selects a subset; *data augmentation*
      (`sys_data_augmentation`) adds data by scaling, cropping, transforming or synthesising.

    `template` is optional here: OTC's page makes it mandatory since 2024-06-17, Huawei's page
    (and OTC's before) does not; this document follows Huawei. Data sources and work directories
    cannot be OBS paths in a KMS-encrypted bucket. Set `create_version: true` only for data
    processing tasks.

    Not idempotent: a retry after a lost response may create a second task, or fail with 400
    `ModelArts.4709` (the name is taken) if the first attempt succeeded.

    IAM action: `modelarts:processTask:createProcessTask`, with the OBS actions
    `obs:bucket:HeadBucket`, `obs:bucket:ListBucket`, `obs:object:PutObject`,
    `obs:bucket:ListAllMyBuckets`, `obs:bucket:PutBucketAcl`, `obs:bucket:GetBucketAcl`,
    `obs:bucket:GetBucketPolicy`, `obs:bucket:DeleteBucketPolicy`.

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Source: Huawei (huaweicloudDocs) 数据管理权限.

    Args:
        project_id (str):
        body (CreateProcessorTaskReq): Request body of CreateProcessorTask. Give either
            `data_source` or `inputs`. Only `name` is required:
            `template` is mandatory on OTC's page since 2024-06-17 but optional on Huawei's page (and
            on
            OTC's before); this document follows Huawei. A task without `template` is accepted here;
            which
            task type the service then creates is not documented.

            Source: OTC *Creating a Processing Task*, Table 2; Huawei (huaweicloudDocs) 创建处理任务.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateProcessorTaskResp | Error
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
        )
    ).parsed
