"""Shared fixtures: the mock's URL, the bundled spec and its operations, and a generic way to
call any operation of the spec through the generated client (so every operation the spec
gains is tested without a line of test code per operation), and a client whose server is a
script that records every request it receives."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import modelarts_processor_tasks_client.api as generated_api
import pytest

from modelarts_processor_tasks import ProcessorTasksClient, RetryPolicy, TokenCredentials
from modelarts_processor_tasks.routes import resolve as resolve_ref

REPO = Path(__file__).resolve().parents[2]
SPEC = json.loads((REPO / "generated/openapi.json").read_text(encoding="utf-8"))
PROJECT = "a4a5d4098fb4474fa22cd05f897d6b99"


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    return resolve_ref(SPEC, node)


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclass
class Operation:
    operation_id: str
    method: str
    path: str
    spec: dict[str, Any]

    @property
    def module(self) -> Any:
        for info in pkgutil.iter_modules(generated_api.__path__):
            try:
                return importlib.import_module(f"{generated_api.__name__}.{info.name}.{snake(self.operation_id)}")
            except ModuleNotFoundError:
                continue
        raise AssertionError(f"no generated module for {self.operation_id}")

    @property
    def params(self) -> list[dict[str, Any]]:
        item = SPEC["paths"][self.path]
        return [resolve(p) for p in item.get("parameters", []) + self.spec.get("parameters", [])]

    def example_kwargs(self) -> dict[str, Any]:
        """Path parameters (project_id left to the client), required query parameters and the
        request body, from the spec's examples."""
        fn = self.module.sync_detailed
        hints = typing.get_type_hints(fn)
        kwargs: dict[str, Any] = {}
        for p in self.params:
            if p["in"] == "path" and p["name"] != "project_id":
                kwargs[p["name"]] = p.get("example", p.get("schema", {}).get("example"))
            elif p["in"] == "query" and p.get("required"):
                kwargs[snake(p["name"])] = p.get("example", p.get("schema", {}).get("example"))
        body = self.spec.get("requestBody")
        if body is not None:
            media = resolve(body)["content"]["application/json"]
            example = media.get("example")
            if example is None and media.get("examples"):
                example = resolve(next(iter(media["examples"].values())))["value"]
            body_type = (
                next(t for t in typing.get_args(hints["body"]) if hasattr(t, "from_dict"))
                if typing.get_args(hints["body"])
                else hints["body"]
            )
            kwargs["body"] = body_type.from_dict(example)
        return kwargs

    def responses(self) -> dict[str, dict[str, Any]]:
        return {code: resolve(r) for code, r in self.spec["responses"].items()}

    def success_types(self) -> tuple[type, ...]:
        ret = typing.get_type_hints(self.module.sync_detailed)["return"]
        members = typing.get_args(typing.get_args(ret)[0]) or (typing.get_args(ret)[0],)
        return tuple(t for t in members if isinstance(t, type) and t is not Any and t.__name__ != "Error")


def operations() -> list[Operation]:
    ops = []
    for path, item in SPEC["paths"].items():
        for method in ("get", "put", "post", "delete", "patch"):
            if method in item:
                ops.append(Operation(item[method]["operationId"], method.upper(), path, item[method]))
    return ops


OPERATIONS = operations()


@pytest.fixture(scope="session")
def base_url() -> str:
    url = os.environ.get("MODELARTS_TEST_BASE_URL")
    if not url:
        raise RuntimeError("MODELARTS_TEST_BASE_URL is not set: run the suite with `npm run test:python`")
    return url.rstrip("/")


def error_examples(op: Operation) -> list[tuple[int, str, dict[str, Any]]]:
    """(status, example name, example value) of every documented error example of an operation."""
    out = []
    for code, response in op.responses().items():
        if code[0] not in "45":
            continue
        for name, example in response.get("content", {}).get("application/json", {}).get("examples", {}).items():
            out.append((int(code), name, resolve(example)["value"]))
    return out


Call = Callable[..., Any]

FAST = RetryPolicy(backoff_base=0.001, backoff_limit=0.05)


def scripted(handler, credentials=None, **options) -> tuple[ProcessorTasksClient, list[httpx.Request]]:
    """A client whose server is ``handler(n, request)`` for the n-th request; ``seen`` holds
    every request that reached it, so an empty one proves nothing was sent."""
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(len(seen), request)

    c = ProcessorTasksClient(
        endpoint="https://modelarts.cn-north-4.myhuaweicloud.com",
        credentials=credentials or TokenCredentials("test-token"),
        project_id=PROJECT,
        env={},
        retry=options.pop("retry", FAST),
        transport=httpx.MockTransport(record),
        async_transport=httpx.MockTransport(record),
        **options,
    )
    return c, seen
