"""Typed, safe Python client for Huawei Cloud ModelArts processor tasks.

from modelarts_processor_tasks import ProcessorTasksClient
from modelarts_processor_tasks_client.api.processor_tasks import delete_processor_task

client = ProcessorTasksClient(region="cn-north-4")  # credentials and project from the environment
result = client.call(delete_processor_task.sync_detailed, task_id="SNEJua7qdZZN8GvkcEr")
"""

from .client import ProcessorTasksClient, Result, __version__
from .credentials import AkSkCredentials, Credentials, TokenCredentials
from .errors import (
    ClientRequestError,
    ConnectionError,
    InvalidResponseError,
    ModelArtsError,
    RedirectError,
    RequestTimeoutError,
    ServerResponseError,
    ServiceResponseError,
    ValidationError,
    is_auth_error,
    is_task_not_found,
)
from .regions import MODELARTS_REGIONS, region_endpoint
from .retry import RetryPolicy
from .signer import sign_request

__all__ = [
    "MODELARTS_REGIONS",
    "AkSkCredentials",
    "ClientRequestError",
    "ConnectionError",
    "Credentials",
    "InvalidResponseError",
    "ModelArtsError",
    "ProcessorTasksClient",
    "RedirectError",
    "RequestTimeoutError",
    "Result",
    "RetryPolicy",
    "ServerResponseError",
    "ServiceResponseError",
    "TokenCredentials",
    "ValidationError",
    "__version__",
    "is_auth_error",
    "is_task_not_found",
    "region_endpoint",
    "sign_request",
]
