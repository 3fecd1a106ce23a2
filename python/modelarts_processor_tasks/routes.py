"""Input safety from the spec: every request must be exactly one operation of the spec, and no
path parameter may change the path.

The rules come from the bundled spec (``openapi.json``, packaged beside this module): each
operation's path template and its parameters' schemas. A path parameter must be a non-empty
string, not ``.`` or ``..``, free of ``/ \\ ? # %``, white space and control characters, not
equal to a fixed segment of any path (``items``, ``versions``: such a value would reach another
operation), and match its schema's pattern and length. Checked twice: on the arguments of a
call (naming the field), and on the URL the transport is about to send, so that a request
built by the generated code directly is held to the same rules. Query values and the request
body are held to their schemas likewise, by ``input_rules.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import unquote

from .errors import ValidationError

_UNSAFE = re.compile(r"[/\\?#%\s\x00-\x1f\x7f]")
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


@dataclass(frozen=True)
class ParamRule:
    name: str
    pattern: re.Pattern[str] | None
    min_length: int
    max_length: int | None


@dataclass(frozen=True)
class Route:
    method: str
    template: str
    operation_id: str
    # A fixed segment as str, a parameter as its rule.
    segments: tuple[str | ParamRule, ...]
    # error_code of each documented 400 example whose name ends in "NotFound".
    missing_codes: frozenset[str]
    # For an operation with `offset` (page index) and `limit`: the array property of its success
    # body and the property holding the total ("count", or "total" for items).
    page: Page | None = None


@dataclass(frozen=True)
class Page:
    items: str
    total: str | None


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The object a ``$ref`` (local, possibly chained) points to; ``node`` itself when it is no reference."""
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _page(spec: dict[str, Any], operation: dict[str, Any], params: list[dict[str, Any]]) -> Page | None:
    if not {"offset", "limit"} <= {p["name"] for p in params if p.get("in") == "query"}:
        return None
    response = resolve(spec, operation.get("responses", {}).get("200", {}))
    schema = resolve(spec, response.get("content", {}).get("application/json", {}).get("schema", {}))
    props = {name: resolve(spec, p) for name, p in schema.get("properties", {}).items()}
    arrays = [name for name, p in props.items() if p.get("type") == "array"]
    if len(arrays) != 1:
        return None
    total = next((name for name in ("count", "total") if name in props), None)
    return Page(arrays[0], total)


def _missing_codes(spec: dict[str, Any], operation: dict[str, Any]) -> frozenset[str]:
    response = resolve(spec, operation.get("responses", {}).get("400", {}))
    examples = response.get("content", {}).get("application/json", {}).get("examples", {})
    codes = set()
    for name, example in examples.items():
        value = resolve(spec, example).get("value", {})
        if name.endswith("NotFound") and isinstance(value, dict) and isinstance(value.get("error_code"), str):
            codes.add(value["error_code"])
    return frozenset(codes)


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(path template, method, path item, operation) of every operation of the spec."""
    for template, item in spec.get("paths", {}).items():
        for method in _METHODS:
            if method in item:
                yield template, method, item, item[method]


class Routes:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.routes: list[Route] = []
        self.params: dict[str, ParamRule] = {}
        for template, method, item, operation in operations(spec):
            shared = [resolve(spec, p) for p in item.get("parameters", [])]
            own = [resolve(spec, p) for p in operation.get("parameters", [])]
            by_name = {p["name"]: p for p in shared + own if p.get("in") == "path"}
            segments: list[str | ParamRule] = []
            for seg in template.strip("/").split("/"):
                if seg.startswith("{") and seg.endswith("}"):
                    schema = by_name[seg[1:-1]].get("schema", {})
                    rule = ParamRule(
                        name=seg[1:-1],
                        pattern=re.compile(schema["pattern"]) if "pattern" in schema else None,
                        min_length=int(schema.get("minLength", 1)),
                        max_length=schema.get("maxLength"),
                    )
                    self.params.setdefault(rule.name, rule)
                    segments.append(rule)
                else:
                    segments.append(seg)
            self.routes.append(
                Route(
                    method.upper(),
                    template,
                    operation["operationId"],
                    tuple(segments),
                    _missing_codes(spec, operation),
                    _page(spec, operation, shared + own),
                )
            )
        self.literals = frozenset(s for r in self.routes for s in r.segments if isinstance(s, str))
        self.by_operation = {r.operation_id: r for r in self.routes}

    def check_param(self, name: str, value: object, rule: ParamRule | None = None) -> str:
        """The value of path parameter ``name`` if it is safe and matches the spec, else ValidationError."""
        rule = rule or self.params.get(name)
        if not isinstance(value, str):
            raise ValidationError(name, f"must be a string, got {type(value).__name__}")
        shown = repr(value if len(value) <= 40 else value[:40] + "...")
        if value in ("", ".", "..") or _UNSAFE.search(value):
            raise ValidationError(
                name, f"must not be empty, '.' or '..', nor contain / \\ ? # % or white space; got {shown}"
            )
        if value in self.literals:
            raise ValidationError(name, f"{shown} is a fixed segment of another path of the API")
        if rule is not None:
            too_long = rule.max_length is not None and len(value) > rule.max_length
            if len(value) < rule.min_length or too_long or (rule.pattern and not rule.pattern.search(value)):
                pattern = rule.pattern.pattern if rule.pattern else "its schema"
                raise ValidationError(name, f"must match {pattern}; got {shown}")
        return value

    def match(self, method: str, path: str, operation_id: str | None = None) -> tuple[Route, dict[str, str]]:
        """The route a request goes to, with its path parameters; ValidationError if it is not
        exactly one route, or, when ``operation_id`` names the operation that built the request,
        not exactly that operation's route."""
        # A trailing slash or a doubled one leaves an empty segment, which matches nothing.
        parts = [unquote(p) for p in path.removeprefix("/").split("/")]
        intended = self.by_operation.get(operation_id) if operation_id else None
        first_error: ValidationError | None = None
        for route in [intended] if intended else self.routes:
            if route.method != method.upper() or len(route.segments) != len(parts):
                continue
            values: dict[str, str] = {}
            try:
                for seg, part in zip(route.segments, parts, strict=True):
                    if isinstance(seg, str):
                        if seg != part:
                            raise LookupError
                    else:
                        values[seg.name] = self.check_param(seg.name, part, seg)
            except LookupError:
                continue
            except ValidationError as err:
                first_error = first_error or err
                continue
            return route, values
        if first_error is not None:
            raise first_error
        if intended:
            # URL parsing resolved a "." or ".." parameter: the path is no longer the operation's.
            raise ValidationError(
                "path",
                f"{method.upper()} {path} is not the path of {intended.operation_id} ({intended.template}): "
                "a path parameter must not be empty, '.' or '..', nor contain '/'",
            )
        raise ValidationError(
            "path",
            f"{method.upper()} {path} is no operation of the spec; a path parameter must not be "
            "empty, '.' or '..', nor contain '/'",
        )


@cache
def spec_document() -> dict[str, Any]:
    """The bundled spec packaged beside this module; shared, never to be changed."""
    text = resources.files(__package__).joinpath("openapi.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def spec_routes() -> Routes:
    return Routes(spec_document())
