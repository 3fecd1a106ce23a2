"""Every operation of the spec against the mock (MODELARTS_TEST_BASE_URL, started by
`npm run test:python`): typed success with both kinds of credentials, and the typed error of
every documented error example. Operations are read from the spec and their generated
functions found by name, so an operation added to the spec is tested with no new test code."""

from __future__ import annotations

import asyncio

import pytest
from conftest import OPERATIONS, PROJECT, Operation, error_examples

from modelarts_processor_tasks import (
    AkSkCredentials,
    ClientRequestError,
    ProcessorTasksClient,
    RetryPolicy,
    ServerResponseError,
    TokenCredentials,
)

CREDENTIALS = {
    "token": TokenCredentials("test-token"),
    "aksk": AkSkCredentials("AK", "SK-secret", "temporary-token"),
}


def client(base_url: str, kind: str = "token", **options: object) -> ProcessorTasksClient:
    return ProcessorTasksClient(endpoint=base_url, credentials=CREDENTIALS[kind], project_id=PROJECT, env={}, **options)


def test_the_spec_has_operations() -> None:
    assert OPERATIONS


@pytest.mark.parametrize("kind", CREDENTIALS)
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda o: o.operation_id)
def test_success_is_typed(base_url: str, op: Operation, kind: str) -> None:
    with client(base_url, kind) as c:
        result = c.call(op.module.sync_detailed, **op.example_kwargs())
    assert 200 <= result.status < 300 and str(result.status) in op.responses()
    types = op.success_types()
    if types:
        assert isinstance(result.data, types), (type(result.data), types)
    assert result.request_id and result.attempts == 1 and not result.missing


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda o: o.operation_id)
def test_async_call(base_url: str, op: Operation) -> None:
    async def run() -> int:
        c = client(base_url)
        try:
            return (await c.acall(op.module.asyncio_detailed, **op.example_kwargs())).status
        finally:
            await c.aclose()

    assert 200 <= asyncio.run(run()) < 300


CASES = [(op, status, name, value) for op in OPERATIONS for status, name, value in error_examples(op)]


@pytest.mark.parametrize(
    ("op", "status", "name", "value"), CASES, ids=[f"{o.operation_id}-{s}-{n}" for o, s, n, _ in CASES]
)
def test_documented_error_is_typed(base_url: str, op: Operation, status: int, name: str, value: dict) -> None:
    expected = ServerResponseError if status >= 500 else ClientRequestError
    with (
        client(base_url, retry=False, headers={"Prefer": f"code={status}, example={name}"}) as c,
        pytest.raises(expected) as info,
    ):
        c.call(op.module.sync_detailed, **op.example_kwargs())
    err = info.value
    assert (err.status_code, err.error_code, err.error_msg) == (status, value["error_code"], value["error_msg"])
    assert err.request_id and err.attempts == 1


MISSING = [(op, name, value) for op, status, name, value in CASES if status == 400 and name.endswith("NotFound")]


@pytest.mark.parametrize(("op", "name", "value"), MISSING, ids=[f"{o.operation_id}-{n}" for o, n, _ in MISSING])
def test_ignore_missing(base_url: str, op: Operation, name: str, value: dict) -> None:
    with client(base_url, retry=False, headers={"Prefer": f"code=400, example={name}"}) as c:
        result = c.call(op.module.sync_detailed, ignore_missing=True, **op.example_kwargs())
    assert result.missing and result.data is None and result.error_code == value["error_code"] and result.status == 400


@pytest.mark.parametrize("op", [o for o in OPERATIONS if "500" in o.responses()], ids=lambda o: o.operation_id)
def test_server_errors_are_retried_on_idempotent_calls(base_url: str, op: Operation) -> None:
    policy = RetryPolicy(backoff_base=0.001, backoff_limit=0.05)
    with (
        client(base_url, retry=policy, headers={"Prefer": "code=500"}) as c,
        pytest.raises(ServerResponseError) as info,
    ):
        c.call(op.module.sync_detailed, **op.example_kwargs())
    assert info.value.attempts == (1 if op.method == "POST" else 3)
