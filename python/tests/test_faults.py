"""The generic layer against scripted responses (httpx.MockTransport beneath our transport):
retries, Retry-After, connection failures, timeouts, redirects, body limits, secrets, the
signature the server receives, and input safety (nothing reaches the server)."""

from __future__ import annotations

import json
import pickle
from datetime import UTC, datetime

import httpx
import pytest
from conftest import OPERATIONS, PROJECT, scripted
from modelarts_processor_tasks_client.api.processor_tasks import delete_processor_task

from modelarts_processor_tasks import (
    AkSkCredentials,
    ConnectionError,
    InvalidResponseError,
    ProcessorTasksClient,
    RedirectError,
    RequestTimeoutError,
    RetryPolicy,
    ServiceResponseError,
    TokenCredentials,
    ValidationError,
    is_task_not_found,
)
from modelarts_processor_tasks.routes import spec_routes
from modelarts_processor_tasks.signer import sign_request

TASK = "SNEJua7qdZZN8GvkcEr"


def delete(c: ProcessorTasksClient, **kw):
    return c.call(delete_processor_task.sync_detailed, task_id=TASK, **kw)


def test_retries_then_succeeds() -> None:
    c, seen = scripted(
        lambda n, _: httpx.Response(503) if n < 3 else httpx.Response(200, json={}, headers={"x-request-id": "r3"})
    )
    result = delete(c)
    assert (result.attempts, result.request_id, len(seen)) == (3, "r3", 3)
    # Each attempt is signed afresh.
    assert all("x-auth-token" in r.headers for r in seen)


@pytest.mark.parametrize(("header", "attempts"), [("0", 3), ("100", 1), ("soon", 3)])
def test_retry_after(header: str, attempts: int) -> None:
    c, seen = scripted(lambda n, _: httpx.Response(429, headers={"retry-after": header}))
    with pytest.raises(ServiceResponseError) as info:
        delete(c)
    assert info.value.status_code == 429 and info.value.attempts == attempts == len(seen)


def test_connection_errors_are_retried() -> None:
    def refuse(n, request):
        raise httpx.ConnectError("connection refused", request=request)

    c, seen = scripted(refuse)
    with pytest.raises(ConnectionError) as info:
        delete(c)
    assert info.value.attempts == 3 == len(seen)
    assert isinstance(
        info.value, __builtins__["ConnectionError"] if isinstance(__builtins__, dict) else __builtins__.ConnectionError
    )


def test_attempt_timeouts_are_not_retried_by_default() -> None:
    def slow(n, request):
        raise httpx.ReadTimeout("slow", request=request)

    c, seen = scripted(slow)
    with pytest.raises(RequestTimeoutError) as info:
        delete(c)
    assert info.value.kind == "attempt" and len(seen) == 1 and isinstance(info.value, TimeoutError)


def test_redirects_are_not_followed() -> None:
    c, seen = scripted(lambda n, _: httpx.Response(302, headers={"location": "https://elsewhere.example/"}))
    with pytest.raises(RedirectError) as info:
        delete(c)
    assert info.value.location == "https://elsewhere.example/" and len(seen) == 1


def test_oversized_success_body() -> None:
    c, _ = scripted(lambda n, _: httpx.Response(200, content=b'{"x":"' + b"a" * (2 << 20) + b'"}'))
    with pytest.raises(InvalidResponseError):
        delete(c)


def test_a_body_that_breaks_the_spec_is_an_invalid_response() -> None:
    c, _ = scripted(lambda n, _: httpx.Response(200, content=b"not json", headers={"content-type": "application/json"}))
    with pytest.raises(InvalidResponseError):
        delete(c)


@pytest.mark.parametrize(
    ("body", "code", "msg"),
    [
        (b'{"error_code":"ModelArts.4700","error_msg":"gone"}', "ModelArts.4700", "gone"),
        (b'{"errorCode":"X.1","errorMsg":"camel"}', "X.1", "camel"),
        (b'{"error":{"code":"Y.2","message":"nested"}}', "Y.2", "nested"),
        (b'{"error_code":"ModelArts.4700","error_msg":"cut', "ModelArts.4700", None),
        (b"<html><body><h1>Bad gateway</h1></body></html>", None, "Bad gateway"),
        (b"", None, "Bad Request"),
    ],
)
def test_error_body_shapes(body: bytes, code: str | None, msg: str | None) -> None:
    c, _ = scripted(lambda n, _: httpx.Response(400, content=body), retry=False)
    with pytest.raises(ServiceResponseError) as info:
        delete(c)
    assert info.value.error_code == code
    if msg is not None:
        assert info.value.error_msg == msg
    assert is_task_not_found(info.value) == (code == "ModelArts.4700")


def test_echoed_secrets_are_redacted() -> None:
    token = TokenCredentials("very-secret-token")
    c, _ = scripted(
        lambda n, r: httpx.Response(
            400, json={"error_code": "ModelArts.0101", "error_msg": "bad " + r.headers["x-auth-token"]}
        ),
        token,
    )
    with pytest.raises(ServiceResponseError) as info:
        delete(c)
    assert "very-secret-token" not in str(info.value) and "[redacted]" in info.value.error_msg
    for text in (repr(token), str(token), repr(c), repr(AkSkCredentials("AK", "very-secret-key"))):
        assert "very-secret" not in text
    with pytest.raises(TypeError):
        pickle.dumps(token)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda o: o.operation_id)
def test_the_server_can_verify_the_signature(op) -> None:
    """The server recomputes the signature from what it received (path, query, Content-Type,
    body): the bytes signed are the bytes sent, for every operation."""
    verdicts: list[bool] = []

    def verify(n, r: httpx.Request) -> httpx.Response:
        path, _, query = r.url.raw_path.decode().partition("?")
        date = datetime.strptime(r.headers["x-sdk-date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        body = r.read()
        headers = {"content-type": r.headers["content-type"]} if body else None
        want = sign_request(
            method=r.method, host=r.headers["host"], path=path, query=query, headers=headers, body=body,
            access_key="AK", secret_key="SK-secret", security_token=r.headers.get("x-security-token"),
            project_id=r.headers.get("x-project-id"), date=date,
        )  # fmt: skip
        verdicts.append(r.headers["authorization"] == want["Authorization"] and r.headers["x-project-id"] == PROJECT)
        return httpx.Response(401, json={"error_code": "APIGW.0301", "error_msg": "checked"})

    c, _ = scripted(verify, AkSkCredentials("AK", "SK-secret", "sts-token"))
    with pytest.raises(ServiceResponseError):
        c.call(op.module.sync_detailed, **op.example_kwargs())
    assert verdicts == [True]


BAD = ["", ".", "..", "a/b", "../x", "a%2Fb", "a?b", "a#b", "a b", "a\\b", "ümlaut", "a" * 65]


def _path_params(op) -> list[str]:
    return [seg[1:-1] for seg in op.path.split("/") if seg.startswith("{")]


CASES = [
    (op, name, value)
    for op in OPERATIONS
    for name in _path_params(op)
    for value in BAD + sorted(spec_routes().literals)
    if not (name == "project_id" and value == "")
]


@pytest.mark.parametrize(("op", "name", "value"), CASES, ids=[f"{o.operation_id}-{n}-{v!r}" for o, n, v in CASES])
def test_path_parameters_cannot_change_the_path(op, name: str, value: str) -> None:
    c, seen = scripted(lambda n, _: httpx.Response(200, json={}))
    kwargs = op.example_kwargs()
    kwargs[name] = value
    with pytest.raises(ValidationError) as info:
        c.call(op.module.sync_detailed, **kwargs)
    assert info.value.field == name and not seen
    # The generated function called directly meets the same rules in the transport.
    kwargs.setdefault("project_id", PROJECT)
    with pytest.raises(ValidationError):
        op.module.sync_detailed(client=c.generated, **kwargs)
    assert not seen


def test_configuration() -> None:
    env = {
        "HUAWEICLOUD_SDK_AK": "AK",
        "HUAWEICLOUD_SDK_SK": "SK-x",
        "HUAWEICLOUD_SDK_PROJECT_ID": PROJECT,
        "HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_9": "https://proxy.example",
    }
    c = ProcessorTasksClient(region="cn-north-4", env=env)
    assert (c.endpoint, c.project_id) == ("https://modelarts.cn-north-4.myhuaweicloud.com", PROJECT)
    assert "AK/SK" in repr(c) and "SK-x" not in repr(c)
    assert (
        ProcessorTasksClient(region="ap-southeast-1", env=env).endpoint
        == "https://modelarts.ap-southeast-1.myhuaweicloud.cn"
    )
    assert ProcessorTasksClient(region="cn-north-9", env=env).endpoint == "https://proxy.example"
    assert "X-Auth-Token" in repr(
        type(
            ProcessorTasksClient(region="cn-north-4", env={"HUAWEICLOUD_SDK_TOKEN": "t0k3n"})._credentials
        ).auth_headers(TokenCredentials("t0k3n"))
    )
    for bad in (
        {"region": "mars-1"},
        {"endpoint": "http://remote.example"},
        {},
        {"region": "cn-north-4", "project_id": "UPPER"},
        {"region": "cn-north-4", "timeout": 0},
    ):
        with pytest.raises(ValidationError):
            ProcessorTasksClient(env=env, **bad)
    with pytest.raises(ValidationError):
        ProcessorTasksClient(region="cn-north-4", env={})
    with pytest.raises(ValidationError):
        RetryPolicy(limit=-1)


def test_installed_package_carries_the_generated_client_and_the_spec() -> None:
    import importlib.resources

    import modelarts_processor_tasks_client

    import modelarts_processor_tasks

    assert (
        "site-packages" in modelarts_processor_tasks.__file__
        and "site-packages" in modelarts_processor_tasks_client.__file__
    )
    assert importlib.resources.files("modelarts_processor_tasks").joinpath("openapi.json").is_file()


def test_region_table_is_the_typescript_one() -> None:
    from conftest import REPO

    from modelarts_processor_tasks import MODELARTS_REGIONS, region_endpoint

    table = json.loads((REPO / "generated/regions.json").read_text(encoding="utf-8"))["regions"]
    assert list(MODELARTS_REGIONS) == list(table)
    assert {r: region_endpoint(r, {}) for r in MODELARTS_REGIONS} == table


def test_paginate_walks_page_indexes_to_the_total() -> None:
    from modelarts_processor_tasks_client.api.processor_tasks import list_processor_tasks

    records = [f"task{i:015d}abcd" for i in range(5)]

    def page(n, request: httpx.Request) -> httpx.Response:
        index, limit = int(request.url.params["offset"]), int(request.url.params["limit"])
        chunk = records[index * limit : index * limit + limit]
        return httpx.Response(200, json={"count": len(records), "tasks": [{"task_id": t} for t in chunk]})

    c, seen = scripted(page)
    got = [t.task_id for t in c.paginate(list_processor_tasks.sync_detailed, limit=2)]
    assert got == records
    assert [r.url.params["offset"] for r in seen] == ["0", "1", "2"]
    with pytest.raises(ValidationError):
        next(c.paginate(delete_processor_task.sync_detailed, task_id=TASK))


def test_wait_until() -> None:
    from modelarts_processor_tasks_client.api.processor_tasks import describe_processor_task

    gone = {"error_code": "ModelArts.4700", "error_msg": "The task does not exist."}
    c, seen = scripted(
        lambda n, _: httpx.Response(200, json={"task_id": TASK}) if n < 3 else httpx.Response(400, json=gone)
    )
    result = c.wait_until(
        describe_processor_task.sync_detailed, lambda r: r.missing, ignore_missing=True, interval=0.001, task_id=TASK
    )
    assert result.missing and len(seen) == 3
    c, _ = scripted(lambda n, _: httpx.Response(200, json={"task_id": TASK}))
    with pytest.raises(RequestTimeoutError) as info:
        c.wait_until(describe_processor_task.sync_detailed, lambda r: False, timeout=0.02, interval=0.005, task_id="x1")
    assert info.value.kind == "waiter"


def test_call_takes_the_generated_function_of_its_kind() -> None:
    c, seen = scripted(lambda n, _: httpx.Response(200, json={}))
    for wrong in (delete_processor_task.asyncio_detailed, delete_processor_task.sync, print):
        with pytest.raises(ValidationError) as info:
            c.call(wrong, task_id=TASK)
        assert info.value.field == "fn"
    with pytest.raises(ValidationError) as info:
        c.call(delete_processor_task.sync_detailed, task_id=TASK, unknown=1)
    # Neither a path parameter nor the body: meant for the query, where the operation has none.
    assert info.value.field == "query.unknown" and "is not a query parameter" in str(info.value) and not seen
