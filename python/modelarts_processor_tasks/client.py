"""The entry point: ``ProcessorTasksClient``, one generic layer over the generated client.

Every operation is a function generated from the spec (``modelarts_processor_tasks_client.api``);
``client.call(fn, **params)`` runs it with this client's endpoint, credentials, retries and
input safety (path parameters, query values and the body checked against the spec before the
generated code runs, and again in the transport), fills in the default project id, and returns
a ``Result`` with the typed body, or raises a typed error. No operation has hand-written code here.
"""

from __future__ import annotations

import inspect
import os
import re
import ssl
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

import certifi
import httpx
from modelarts_processor_tasks_client import Client as GeneratedClient
from modelarts_processor_tasks_client.types import UNSET, Response, Unset

from .credentials import Credentials, resolve_credentials
from .error_mapping import to_service_error
from .errors import InvalidResponseError, RequestTimeoutError, ServiceResponseError, ValidationError
from .input_rules import spec_input_rules
from .regions import check_endpoint, region_endpoint
from .retry import RetryPolicy
from .routes import Page, Route, spec_routes
from .transport import AsyncSigningTransport, SigningTransport, TransportConfig, current_exchange

__version__ = "0.2.0"

T = TypeVar("T")

# What the generated code raises when a body is not what the spec says (or, before sending,
# when an argument has the wrong type).
_GENERATED_FAILURES = (KeyError, ValueError, TypeError, AttributeError)

_USER_AGENT = re.compile(r"[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?")


@dataclass(frozen=True)
class Result(Generic[T]):
    """What a call returns: the decoded success body, typed from the spec (None for a missing
    resource with ``ignore_missing``), and facts about the exchange."""

    data: T | None
    status: int
    request_id: str | None
    attempts: int
    missing: bool = False
    error_code: str | None = None


@cache
def _tls_context() -> ssl.SSLContext:
    # Loading the CA bundle is most of the cost of a new httpx client: do it once per process.
    return ssl.create_default_context(cafile=certifi.where())


@cache
def _path_params(fn: Callable[..., Any]) -> tuple[str, ...]:
    # The generator puts path parameters first, before `*`: positional-or-keyword.
    return tuple(
        name
        for name, p in inspect.signature(fn).parameters.items()
        if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and name != "client"
    )


def _operation_id(fn: Callable[..., Any]) -> str:
    # Module `...api.<tag>.<snake_case operationId>`; the spec's operationIds are lowerCamel.
    snake = fn.__module__.rsplit(".", 1)[-1]
    return re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), snake)


class ProcessorTasksClient:
    """A configured client for the processor-task API.

    ``region`` or ``endpoint`` (the endpoint wins); ``credentials`` (TokenCredentials,
    AkSkCredentials, or a mapping), else from HUAWEICLOUD_SDK_AK / _SK / _SECURITY_TOKEN or
    HUAWEICLOUD_SDK_TOKEN; ``project_id`` else HUAWEICLOUD_SDK_PROJECT_ID. ``timeout`` bounds each
    attempt and ``total_timeout`` the whole call, retries and waits included (seconds).
    """

    def __init__(
        self,
        *,
        region: str | None = None,
        endpoint: str | None = None,
        credentials: Credentials | Mapping[str, str] | None = None,
        project_id: str | None = None,
        retry: RetryPolicy | int | bool | None = None,
        timeout: float = 30.0,
        total_timeout: float = 120.0,
        headers: Mapping[str, str] | None = None,
        user_agent: str | None = None,
        allow_insecure_http: bool = False,
        env: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        env = os.environ if env is None else env
        if endpoint is not None:
            self.endpoint = check_endpoint(endpoint, allow_insecure_http)
        elif region is not None:
            self.endpoint = check_endpoint(region_endpoint(region, env), allow_insecure_http)
        else:
            raise ValidationError("region", 'give a region (e.g. "cn-north-4") or an endpoint')
        self.region = region
        self.routes = spec_routes()
        self.inputs = spec_input_rules()
        project = project_id if project_id is not None else (env.get("HUAWEICLOUD_SDK_PROJECT_ID") or None)
        self.project_id = None if project is None else self.routes.check_param("project_id", project)
        self._credentials = resolve_credentials(credentials, env)
        for name, value in (("timeout", timeout), ("total_timeout", total_timeout)):
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value < float("inf"):
                raise ValidationError(name, f"must be a number of seconds above 0, got {value!r}")
        if user_agent is not None and not (isinstance(user_agent, str) and _USER_AGENT.fullmatch(user_agent)):
            raise ValidationError("user_agent", "must be printable ASCII, not empty, without surrounding spaces")
        config = TransportConfig(
            credentials=self._credentials,
            retry=RetryPolicy.of(retry),
            routes=self.routes,
            endpoint=self.endpoint,
            inputs=self.inputs,
            timeout=float(timeout),
            total_timeout=float(total_timeout),
        )
        py = f"{sys.version_info.major}.{sys.version_info.minor}"
        common: dict[str, Any] = {
            "base_url": self.endpoint,
            "headers": {
                "user-agent": user_agent or f"modelarts-processor-tasks-python/{__version__} python/{py}",
                **(headers or {}),
            },
            "timeout": httpx.Timeout(timeout),
            "follow_redirects": False,
        }
        tls = _tls_context()
        sync_inner = transport or httpx.HTTPTransport(verify=tls)
        async_inner = async_transport or httpx.AsyncHTTPTransport(verify=tls)
        self.httpx = httpx.Client(transport=SigningTransport(config, sync_inner), **common)
        self.async_httpx = httpx.AsyncClient(transport=AsyncSigningTransport(config, async_inner), **common)
        #: The generated client, for calling its functions directly; same auth, retries and safety.
        self.generated = GeneratedClient(base_url=self.endpoint)
        self.generated.set_httpx_client(self.httpx)
        self.generated.set_async_httpx_client(self.async_httpx)

    def __repr__(self) -> str:
        return (
            f"ProcessorTasksClient(endpoint={self.endpoint!r}, project_id={self.project_id!r}, "
            f"credentials={self._credentials!r})"
        )

    def __enter__(self) -> ProcessorTasksClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.httpx.close()

    async def aclose(self) -> None:
        await self.async_httpx.aclose()

    def call(self, fn: Callable[..., Response[T]], /, *, ignore_missing: bool = False, **params: Any) -> Result[T]:
        """Runs a generated ``sync_detailed`` function:
        ``client.call(delete_processor_task.sync_detailed, task_id=...)``."""
        route, kwargs = self._prepare(fn, "sync_detailed", ignore_missing, params)
        exchange: dict[str, Any] = {"operation_id": route.operation_id}
        token = current_exchange.set(exchange)
        try:
            response = fn(**kwargs)
        except _GENERATED_FAILURES as err:
            return self._settle(route, ignore_missing, exchange, err)
        finally:
            current_exchange.reset(token)
        return self._finish(route, response, ignore_missing, exchange)

    async def acall(
        self, fn: Callable[..., Awaitable[Response[T]]], /, *, ignore_missing: bool = False, **params: Any
    ) -> Result[T]:
        """Runs a generated ``asyncio_detailed`` function, as ``call`` does."""
        route, kwargs = self._prepare(fn, "asyncio_detailed", ignore_missing, params)
        exchange: dict[str, Any] = {"operation_id": route.operation_id}
        token = current_exchange.set(exchange)
        try:
            response = await fn(**kwargs)
        except _GENERATED_FAILURES as err:
            return self._settle(route, ignore_missing, exchange, err)
        finally:
            current_exchange.reset(token)
        return self._finish(route, response, ignore_missing, exchange)

    def _settle(self, route: Route, ignore_missing: bool, exchange: dict[str, Any], err: Exception) -> Result[Any]:
        if isinstance(err, ValidationError):  # the transport refused the request: nothing was sent
            raise err
        failure = self._broken_body(exchange, err)
        if isinstance(failure, ServiceResponseError) and ignore_missing and _is_missing(failure, route):
            return self._missing(failure)
        raise failure from err

    def paginate(self, fn: Callable[..., Response[Any]], /, **params: Any) -> Iterator[Any]:
        """Every record of a pageable operation, page after page: ``offset`` is the page index
        (0 = first page), ``limit`` the page size; stops at the reported total, or at an empty
        or short page."""
        pages = _Pages(self._page_of(fn), params)
        while not pages.done:
            yield from pages.take(self.call(fn, offset=pages.index, **params))

    async def apaginate(self, fn: Callable[..., Awaitable[Response[Any]]], /, **params: Any) -> AsyncIterator[Any]:
        """``paginate`` for the ``asyncio_detailed`` functions."""
        pages = _Pages(self._page_of(fn), params)
        while not pages.done:
            for item in pages.take(await self.acall(fn, offset=pages.index, **params)):
                yield item

    def _page_of(self, fn: Callable[..., Any]) -> Page:
        route = self.routes.by_operation.get(_operation_id(fn))
        if route is None or route.page is None:
            raise ValidationError("fn", "must be the function of a pageable operation (with offset and limit)")
        return route.page

    def wait_until(
        self, fn: Callable[..., Response[T]], until: Callable[[Result[T]], bool], /, *,
        timeout: float = 60.0, interval: float = 2.0, ignore_missing: bool = False, **params: Any,
    ) -> Result[T]:  # fmt: skip
        """Calls ``fn`` every ``interval`` seconds until ``until(result)`` holds, and returns that
        result; RequestTimeoutError(kind="waiter") after ``timeout``. For example, a task is gone
        when ``wait_until(describe_processor_task.sync_detailed, lambda r: r.missing,
        ignore_missing=True, task_id=...)`` returns."""
        deadline = time.monotonic() + timeout
        attempts = 0
        while True:
            result = self.call(fn, ignore_missing=ignore_missing, **params)
            attempts += 1
            if until(result):
                return result
            if time.monotonic() + interval > deadline:
                raise RequestTimeoutError("waiter", timeout, attempts=attempts)
            time.sleep(interval)

    def _prepare(
        self, fn: Callable[..., Any], kind: str, ignore_missing: bool, params: dict[str, Any]
    ) -> tuple[Route, dict[str, Any]]:
        route = self.routes.by_operation.get(_operation_id(fn))
        if route is None or getattr(fn, "__name__", None) != kind:
            raise ValidationError("fn", f"must be the {kind} function of a generated operation module")
        if "client" in params:
            raise ValidationError("client", "is this client's; do not pass it")
        kwargs = dict(params)
        path = _path_params(fn)
        for name in path:
            if name == "project_id" and kwargs.get(name) is None:
                if self.project_id is None:
                    raise ValidationError(
                        "project_id",
                        "none given: pass project_id, set it on the client, or set HUAWEICLOUD_SDK_PROJECT_ID",
                    )
                kwargs[name] = self.project_id
            if name not in kwargs:
                raise ValidationError(name, "is required")
            self.routes.check_param(name, kwargs[name])
        body = kwargs.get("body", UNSET)
        # The generated code leaves None and UNSET out of the query.
        query = {
            k: v for k, v in kwargs.items() if k not in (*path, "body") and v is not None and not isinstance(v, Unset)
        }
        secrets = self._credentials.secrets()
        self.inputs.check_arguments(route.operation_id, query, not isinstance(body, Unset), body, secrets)
        if ignore_missing and not route.missing_codes:
            raise ValidationError("ignore_missing", f"{route.operation_id} documents no missing-resource error")
        try:
            inspect.signature(fn).bind(client=self.generated, **kwargs)
        except TypeError as err:
            raise ValidationError("params", str(err)) from None
        kwargs["client"] = self.generated
        return route, kwargs

    def _broken_body(self, exchange: dict[str, Any], err: Exception) -> Exception:
        """What a failure inside the generated function means: bad arguments when nothing was
        received; the service's error when an error status had a body the spec does not
        describe (HTML from a proxy, another service's shape); else an invalid success body."""
        response: httpx.Response | None = exchange.get("response")
        if response is None:
            return ValidationError("params", f"{type(err).__name__}: {err}")
        attempts = int(exchange.get("attempts", 1))
        if not 200 <= response.status_code < 300:
            return self._service_error(
                response.status_code, response.reason_phrase, response.headers, response.content, attempts
            )
        return InvalidResponseError(
            f"HTTP {response.status_code} body is not what the spec says: {type(err).__name__}",
            status_code=response.status_code,
            request_id=response.headers.get("x-request-id"),
            attempts=attempts,
        )

    def _service_error(
        self, status: int, reason: str, headers: Mapping[str, str], content: bytes, attempts: int
    ) -> ServiceResponseError:
        return to_service_error(
            status_code=status, reason=reason, headers=headers, content=content, attempts=attempts,
            secrets=self._credentials.secrets(),
        )  # fmt: skip

    def _finish(self, route: Route, response: Response[T], ignore_missing: bool, exchange: dict[str, Any]) -> Result[T]:
        status = int(response.status_code)
        request_id = response.headers.get("x-request-id")
        attempts = int(exchange.get("attempts", 1))
        if 200 <= status < 300:
            return Result(data=response.parsed, status=status, request_id=request_id, attempts=attempts)
        err = self._service_error(
            status, getattr(response.status_code, "phrase", ""), response.headers, response.content, attempts
        )
        if ignore_missing and _is_missing(err, route):
            return self._missing(err)
        raise err

    @staticmethod
    def _missing(err: ServiceResponseError) -> Result[Any]:
        return Result(
            data=None,
            status=err.status_code,
            request_id=err.request_id,
            attempts=err.attempts,
            missing=True,
            error_code=err.error_code,
        )


class _Pages:
    """Where paging is: page index, records so far, and whether the last page was reached."""

    def __init__(self, page: Page, params: dict[str, Any]) -> None:
        self.page = page
        self.index = int(params.pop("offset", 0) or 0)
        self.limit = params.get("limit")
        self.from_start = self.index == 0
        self.seen = 0
        self.done = False

    def take(self, result: Result[Any]) -> list[Any]:
        items = list(getattr(result.data, self.page.items, None) or [])
        total = getattr(result.data, self.page.total, None) if self.page.total else None
        size = self.limit if isinstance(self.limit, int) else None
        self.index += 1
        self.seen += len(items)
        # Page n holds records n*limit .. n*limit+limit-1 (the contract's paging).
        reached = isinstance(total, int) and (
            (size is not None and self.index * size >= total) or (self.from_start and self.seen >= total)
        )
        self.done = not items or reached or (size is not None and len(items) < size)
        return items


def _is_missing(err: ServiceResponseError, route: Route) -> bool:
    return err.status_code == 400 and err.error_code in route.missing_codes
