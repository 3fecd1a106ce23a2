from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_processor_task_version_results_resp import (
    ListProcessorTaskVersionResultsResp,
)
from ...models.list_processor_task_version_results_result_property import (
    ListProcessorTaskVersionResultsResultProperty,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    task_id: str,
    version_id: str,
    *,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    process_parameter: str | Unset = UNSET,
    result_property: ListProcessorTaskVersionResultsResultProperty | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["process_parameter"] = process_parameter

    json_result_property: str | Unset = UNSET
    if not isinstance(result_property, Unset):
        json_result_property = result_property.value

    params["result_property"] = json_result_property

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}/results".format(
            project_id=quote(str(project_id), safe=""),
            task_id=quote(str(task_id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ListProcessorTaskVersionResultsResp | None:
    if response.status_code == 200:
        response_200 = ListProcessorTaskVersionResultsResp.from_dict(response.json())

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
) -> Response[Error | ListProcessorTaskVersionResultsResp]:
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
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    process_parameter: str | Unset = UNSET,
    result_property: ListProcessorTaskVersionResultsResultProperty | Unset = UNSET,
) -> Response[Error | ListProcessorTaskVersionResultsResp]:
    """List the results of a version of a data processing task

     Obtains the result of a data processing task version: one entry per sample, one page at a
    time. Sources: OTC *Obtaining the Result of a Data Processing Task Version*
    (`obtaining_the_result_of_a_data_processing_task_version.rst`; before 2024-06-10
    `querying_the_result_of_a_data_processing_task_version.rst`) and Huawei (huaweicloudDocs)
    查询数据处理任务版本的结果展示 (`cn.zh-cn/API参考/查询数据处理任务版本的结果展示.md`). Every query parameter
    is optional. Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-
    tasks/{task_id}/versions/{version_id}/results?offset=0&limit=14&result_property=-1`.

    Paging: `offset` is a 0-based page index (*inferred*, see `offset`), `limit` the page size (1
    to 100, default 10); `count` is the total.

    `result_property` is a String in the query and an Integer in the response, as the page types
    them: the query takes `"-1"` to `"3"`.

    IAM action: `modelarts:processTask:getProcessTask`, with `obs:object:GetObject` (Huawei
    (huaweicloudDocs) 数据管理权限).

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        process_parameter (str | Unset):
        result_property (ListProcessorTaskVersionResultsResultProperty | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListProcessorTaskVersionResultsResp]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        task_id=task_id,
        version_id=version_id,
        limit=limit,
        offset=offset,
        process_parameter=process_parameter,
        result_property=result_property,
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
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    process_parameter: str | Unset = UNSET,
    result_property: ListProcessorTaskVersionResultsResultProperty | Unset = UNSET,
) -> Error | ListProcessorTaskVersionResultsResp | None:
    """List the results of a version of a data processing task

     Obtains the result of a data processing task version: one entry per sample, one page at a
    time. Sources: OTC *Obtaining the Result of a Data Processing Task Version*
    (`obtaining_the_result_of_a_data_processing_task_version.rst`; before 2024-06-10
    `querying_the_result_of_a_data_processing_task_version.rst`) and Huawei (huaweicloudDocs)
    查询数据处理任务版本的结果展示 (`cn.zh-cn/API参考/查询数据处理任务版本的结果展示.md`). Every query parameter
    is optional. Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-
    tasks/{task_id}/versions/{version_id}/results?offset=0&limit=14&result_property=-1`.

    Paging: `offset` is a 0-based page index (*inferred*, see `offset`), `limit` the page size (1
    to 100, default 10); `count` is the total.

    `result_property` is a String in the query and an Integer in the response, as the page types
    them: the query takes `"-1"` to `"3"`.

    IAM action: `modelarts:processTask:getProcessTask`, with `obs:object:GetObject` (Huawei
    (huaweicloudDocs) 数据管理权限).

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        process_parameter (str | Unset):
        result_property (ListProcessorTaskVersionResultsResultProperty | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListProcessorTaskVersionResultsResp
    """

    return sync_detailed(
        project_id=project_id,
        task_id=task_id,
        version_id=version_id,
        client=client,
        limit=limit,
        offset=offset,
        process_parameter=process_parameter,
        result_property=result_property,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    task_id: str,
    version_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    process_parameter: str | Unset = UNSET,
    result_property: ListProcessorTaskVersionResultsResultProperty | Unset = UNSET,
) -> Response[Error | ListProcessorTaskVersionResultsResp]:
    """List the results of a version of a data processing task

     Obtains the result of a data processing task version: one entry per sample, one page at a
    time. Sources: OTC *Obtaining the Result of a Data Processing Task Version*
    (`obtaining_the_result_of_a_data_processing_task_version.rst`; before 2024-06-10
    `querying_the_result_of_a_data_processing_task_version.rst`) and Huawei (huaweicloudDocs)
    查询数据处理任务版本的结果展示 (`cn.zh-cn/API参考/查询数据处理任务版本的结果展示.md`). Every query parameter
    is optional. Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-
    tasks/{task_id}/versions/{version_id}/results?offset=0&limit=14&result_property=-1`.

    Paging: `offset` is a 0-based page index (*inferred*, see `offset`), `limit` the page size (1
    to 100, default 10); `count` is the total.

    `result_property` is a String in the query and an Integer in the response, as the page types
    them: the query takes `"-1"` to `"3"`.

    IAM action: `modelarts:processTask:getProcessTask`, with `obs:object:GetObject` (Huawei
    (huaweicloudDocs) 数据管理权限).

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        process_parameter (str | Unset):
        result_property (ListProcessorTaskVersionResultsResultProperty | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListProcessorTaskVersionResultsResp]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        task_id=task_id,
        version_id=version_id,
        limit=limit,
        offset=offset,
        process_parameter=process_parameter,
        result_property=result_property,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    task_id: str,
    version_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    process_parameter: str | Unset = UNSET,
    result_property: ListProcessorTaskVersionResultsResultProperty | Unset = UNSET,
) -> Error | ListProcessorTaskVersionResultsResp | None:
    """List the results of a version of a data processing task

     Obtains the result of a data processing task version: one entry per sample, one page at a
    time. Sources: OTC *Obtaining the Result of a Data Processing Task Version*
    (`obtaining_the_result_of_a_data_processing_task_version.rst`; before 2024-06-10
    `querying_the_result_of_a_data_processing_task_version.rst`) and Huawei (huaweicloudDocs)
    查询数据处理任务版本的结果展示 (`cn.zh-cn/API参考/查询数据处理任务版本的结果展示.md`). Every query parameter
    is optional. Example request of the pages:
    `GET https://{endpoint}/v2/{project_id}/processor-
    tasks/{task_id}/versions/{version_id}/results?offset=0&limit=14&result_property=-1`.

    Paging: `offset` is a 0-based page index (*inferred*, see `offset`), `limit` the page size (1
    to 100, default 10); `count` is the total.

    `result_property` is a String in the query and an Integer in the response, as the page types
    them: the query takes `"-1"` to `"3"`.

    IAM action: `modelarts:processTask:getProcessTask`, with `obs:object:GetObject` (Huawei
    (huaweicloudDocs) 数据管理权限).

    Status codes on the pages: 200, 401, 403, 404. The 400, 429, 500 and 503 responses come from
    OTC's error-code appendix; the 404 is the API gateway's.

    Args:
        project_id (str):
        task_id (str):
        version_id (str):
        limit (int | Unset):  Default: 10.
        offset (int | Unset):  Default: 0.
        process_parameter (str | Unset):
        result_property (ListProcessorTaskVersionResultsResultProperty | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListProcessorTaskVersionResultsResp
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            task_id=task_id,
            version_id=version_id,
            client=client,
            limit=limit,
            offset=offset,
            process_parameter=process_parameter,
            result_property=result_property,
        )
    ).parsed
