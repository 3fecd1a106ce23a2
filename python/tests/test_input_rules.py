"""The shared input-rule table (test/shared/input-rules.json) held against the Python client, as
test/input-rules.test.ts holds it against the TypeScript one: each refused request must fail
with a ValidationError at the table's field (a wire name: ``query.limit``, ``body.inputs[0].type``)
with nothing sent; each accepted one must be sent once, carrying the query and body given.

The rules live in the transport, so the table goes through the lowest door a user has: the
client's own httpx client (``client.httpx``), which takes any method, path, query and body. It
goes through the typed door too (``call`` with the generated functions and models, and those
functions called directly) wherever that door can express the case at all. The server is a
script that records what reaches it (``scripted``): an empty record proves nothing was sent.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import typing
from enum import Enum
from typing import Any

import httpx
import pytest
from conftest import OPERATIONS, PROJECT, REPO, Operation, scripted, snake

from modelarts_processor_tasks import TokenCredentials, ValidationError

TABLE = json.loads((REPO / "test/shared/input-rules.json").read_text(encoding="utf-8"))
BY_ID = {op.operation_id: op for op in OPERATIONS}
INVALID = TABLE["invalid"]
VALID = TABLE["valid"]


def label(case: dict[str, Any]) -> str:
    return f"{case['operation']}-{case.get('field', 'sent')}-{case.get('why', '')}".replace(" ", "_")


def ok(n: int, request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={})


def url(op: Operation) -> str:
    path = op.path
    for name, value in TABLE["ids"].items():
        path = path.replace(f"{{{name}}}", value)
    return path


def wire(value: Any) -> str:
    """A query value as the spec puts it in the URL: arrays comma-joined (``explode: false``)."""
    if isinstance(value, list):
        return ",".join(wire(v) for v in value)
    return json.dumps(value) if isinstance(value, bool) else str(value)


def send_raw(case: dict[str, Any], door: str = "sync") -> tuple[Exception | None, list[httpx.Request]]:
    op = BY_ID[case["operation"]]
    c, seen = scripted(ok, retry=False)
    params = {name: wire(value) for name, value in case.get("query", {}).items()}
    body = {"json": case["body"]} if "body" in case else {}
    try:
        if door == "sync":
            c.httpx.request(op.method, url(op), params=params, **body)
        else:
            asyncio.run(c.async_httpx.request(op.method, url(op), params=params, **body))
    except Exception as err:
        return err, seen
    return None, seen


def test_the_table_covers_every_operation_with_query_parameters_or_a_body() -> None:
    covered = {case["operation"] for case in INVALID}
    for op in OPERATIONS:
        if op.spec.get("requestBody") or any(p["in"] == "query" for p in op.params):
            assert op.operation_id in covered
    assert len(INVALID) >= 25 and VALID


@pytest.mark.parametrize("door", ["sync", "async"])
@pytest.mark.parametrize("case", INVALID, ids=label)
def test_refused_at_the_raw_door(case: dict[str, Any], door: str) -> None:
    error, seen = send_raw(case, door)
    assert isinstance(error, ValidationError), error
    assert error.field == case["field"], str(error)
    assert not seen


@pytest.mark.parametrize("door", ["sync", "async"])
@pytest.mark.parametrize("case", VALID, ids=label)
def test_sent_at_the_raw_door(case: dict[str, Any], door: str) -> None:
    error, seen = send_raw(case, door)
    assert error is None, error
    assert len(seen) == 1
    sent = seen[0]
    for name, value in case.get("query", {}).items():
        assert sent.url.params.get(name) == wire(value), name
    if "body" in case:
        assert json.loads(sent.content) == case["body"]
    else:
        assert sent.content == b""


class Inexpressible(Exception):
    """The typed door cannot carry the value: an enum class or a model's ``from_dict`` raises on
    it, or the model turns it into another value (``dict([])`` makes an empty object of an
    empty list). Such a case is held only at the raw door, which can send it as it is."""


def typed(hint: Any, value: Any) -> Any:
    members = [t for t in typing.get_args(hint) or (hint,) if isinstance(t, type) and t.__name__ != "Unset"]
    kind = members[0] if members else None
    try:
        if kind is not None and issubclass(kind, Enum):
            return kind(value)
        if kind is not None and hasattr(kind, "from_dict"):
            model = kind.from_dict(value)
            if model.to_dict() != value:
                raise Inexpressible(f"{kind.__name__} sends {model.to_dict()!r} for {value!r}")
            return model
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        raise Inexpressible(f"{kind.__name__} refuses {value!r}: {err}") from err
    return value


def typed_kwargs(case: dict[str, Any]) -> dict[str, Any]:
    """The case as keyword arguments of the generated function, values built as its types say
    (project_id left to the client)."""
    op = BY_ID[case["operation"]]
    hints = typing.get_type_hints(op.module.sync_detailed)
    kwargs: dict[str, Any] = {
        p["name"]: TABLE["ids"][p["name"]] for p in op.params if p["in"] == "path" and p["name"] != "project_id"
    }
    for name, value in case.get("query", {}).items():
        kwargs[snake(name)] = typed(hints.get(snake(name)), value)
    if "body" in case:
        # An operation without a body has no `body` argument: given anyway, it is passed as it is.
        kwargs["body"] = typed(hints.get("body"), case["body"])
    return kwargs


def expressible(case: dict[str, Any]) -> bool:
    try:
        typed_kwargs(case)
    except Inexpressible:
        return False
    return True


# A value the generated types refuse to build (not a template id, a status outside the enum, an
# object where the model has a list) or turn into another cannot reach the typed door at all;
# test_refused_at_the_raw_door holds the rule for those, and only the others are run here.
TYPED_INVALID = [case for case in INVALID if expressible(case)]


# Each is a claim about the generated types: an enum class or a model that refuses (or rewrites)
# the value. A case that leaves this list reaches the typed door and is tested there.
INEXPRESSIBLE = {
    ("listProcessorTasks", "query.order", "not in the enum"),
    ("listProcessorTasks", "query.sort_by", "not in the enum"),
    ("listProcessorTasks", "query.task_type", "not a template id"),
    ("listProcessorTasks", "query.status", "not a task status"),
    ("listProcessorTasks", "query.source_type", "not a data source type"),
    ("listProcessorTaskVersions", "query.sort_by", "valid for tasks, not for versions"),
    ("listProcessorTaskVersionResults", "query.result_property", "not in the enum"),
    ("createProcessorTask", "body.name", "a required property is missing"),
    ("createProcessorTask", "body.template.id", "not a template id"),
    ("createProcessorTask", "body.inputs[0].type", "not a data source type"),
    ("createProcessorTask", "body.inputs", "an object where an array belongs"),
    ("createProcessorTask", "body.template.operator_params[0].params", "an array where an object belongs"),
    ("createProcessorTask", "body", "an array where an object belongs"),
    ("createProcessorTaskVersion", "body.task_id", "a required property is missing"),
}


def test_only_the_cases_the_generated_types_refuse_skip_the_typed_door() -> None:
    skipped = {(c["operation"], c["field"], c["why"]) for c in INVALID if c not in TYPED_INVALID}
    assert skipped == INEXPRESSIBLE


@pytest.mark.parametrize("case", TYPED_INVALID, ids=label)
def test_refused_at_the_typed_door(case: dict[str, Any]) -> None:
    op = BY_ID[case["operation"]]
    fn = op.module.sync_detailed
    kwargs = typed_kwargs(case)
    c, seen = scripted(ok, retry=False)
    with pytest.raises(ValidationError) as info:
        c.call(fn, **kwargs)
    assert info.value.field == case["field"], str(info.value)
    # The generated function called directly: the transport refuses the request it builds.
    direct = {"client": c.generated, "project_id": PROJECT, **kwargs}
    try:
        inspect.signature(fn).bind(**direct)
    except TypeError:
        # A required body left out, or a body given to an operation without one: the
        # function's own signature refuses the call, so nothing can be sent.
        pass
    else:
        with pytest.raises(ValidationError) as info:
            fn(**direct)
        assert info.value.field == case["field"], str(info.value)
    assert not seen


@pytest.mark.parametrize("case", VALID, ids=label)
def test_sent_at_the_typed_door(case: dict[str, Any]) -> None:
    op = BY_ID[case["operation"]]
    c, seen = scripted(ok, retry=False)
    c.call(op.module.sync_detailed, **typed_kwargs(case))
    assert len(seen) == 1
    sent = seen[0]
    for name, value in case.get("query", {}).items():
        # The generated code repeats a list's name rather than comma-joining it.
        got = sent.url.params.get_list(name) if isinstance(value, list) else sent.url.params.get(name)
        assert got == ([wire(v) for v in value] if isinstance(value, list) else wire(value)), name
    if "body" in case:
        assert json.loads(sent.content) == case["body"]


# Beyond the table: what a raw request can get wrong that typed values cannot.
LIST = "/v2/a4a5d4098fb4474fa22cd05f897d6b99/processor-tasks"
RAW = [
    ("GET", LIST, {"params": {"bogus": "1"}}, "query.bogus"),  # refused, not dropped
    ("GET", LIST, {"params": [("limit", "1"), ("limit", "500")]}, "query.limit"),
    ("GET", LIST, {"params": {"limit": ""}}, "query.limit"),
    ("GET", LIST, {"params": {"offset": str(2**31)}}, "query.offset"),  # int32
    ("GET", LIST, {"params": {"query_current": "True"}}, "query.query_current"),
    ("GET", LIST + "?limit=%FF", {}, "query"),
    ("POST", LIST, {"content": b'{"name": "t"}'}, "body"),  # no JSON media type
    ("POST", LIST, {"content": b"{", "headers": {"content-type": "application/json"}}, "body"),
    ("POST", LIST, {"content": b'{"name": NaN}', "headers": {"content-type": "application/json"}}, "body"),
    ("POST", LIST + "/SNEJua7qdZZN8GvkcEr/versions/qSaudx2sbPvthHygckA/stop", {"json": {}}, "body"),
]


@pytest.mark.parametrize(("method", "path", "given", "field"), RAW, ids=[f"{f}-{g}" for _, _, g, f in RAW])
def test_raw_requests_beyond_the_table(method: str, path: str, given: dict[str, Any], field: str) -> None:
    c, seen = scripted(ok, retry=False)
    with pytest.raises(ValidationError) as info:
        c.httpx.request(method, path, **given)
    assert info.value.field == field and not seen


def test_repeated_or_joined_lists_and_defaults_are_sent() -> None:
    c, seen = scripted(ok, retry=False)
    c.httpx.get(LIST, params=[("version_id", "a"), ("version_id", "b,c"), ("version_id", "")])
    c.httpx.get(LIST + "?version_id=&limit=100&query_current=true")
    assert len(seen) == 2


def test_the_typed_door_names_the_query_field_of_a_value_given_as_text() -> None:
    from modelarts_processor_tasks_client.api.processor_tasks import list_processor_tasks

    c, seen = scripted(ok, retry=False)
    for kwargs, field in (({"order": "up"}, "query.order"), ({"offset": 2**31}, "query.offset")):
        with pytest.raises(ValidationError) as info:
            c.call(list_processor_tasks.sync_detailed, **kwargs)
        assert info.value.field == field
    assert not seen


def test_no_message_quotes_a_credential() -> None:
    secret = "very-secret-token-value"
    c, seen = scripted(ok, TokenCredentials(secret), retry=False)
    attempts = [
        {"params": {"limit": secret}},
        {"params": {secret: "1"}},
        {"params": {"order": "x" * 50 + secret}},
    ]
    bodies = [{"name": "t", "inputs": [{"type": secret}]}, {"name": secret * 3, "description": "<" + secret}]
    for request in [*attempts, *({"json": b} for b in bodies)]:
        method = "POST" if "json" in request else "GET"
        with pytest.raises(ValidationError) as info:
            c.httpx.request(method, LIST, **request)
        assert secret not in str(info.value) and secret not in info.value.field, str(info.value)
    assert not seen
