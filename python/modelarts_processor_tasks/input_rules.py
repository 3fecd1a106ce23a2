"""Input rules from the spec for what a request carries beside its path: each query value and
the JSON request body.

Each value is validated against its parameter's or the body's schema in the bundled spec
(``openapi.json``), its ``#/components/...`` references put in place, by a validator that
fastjsonschema compiles once per schema into Python code: jsonschema's interpreter cost more per
call than the rest of the call (about 230 µs for CreateProcessorTask's body, against 7 µs). The
request-side schemas hold only keywords JSON Schema drafts 7 and 2020-12 read alike
(``scripts/render-client.ts`` stops generation on any other); the ranges of the integer
formats ``int32`` and ``int64`` are checked too. A query parameter the operation does not have
is refused, not dropped, as is a body on an operation that takes none, or a required body left
out. Checked twice, as the path is (``routes.py``): on the arguments of ``call`` (typed values),
and in the transport on the query string and body about to be sent, so that a request built by
the generated code directly, or sent with the raw httpx client, is held to the same rules. There
a query value is text, decoded by its schema first: an integer, a number, ``true`` or
``false``, an array comma-joined (``style: form, explode: false``) or repeated (``explode:
true``); text that does not decode is refused. Errors name the field by wire name
(``query.limit``, ``body.inputs[0].type``, ``body``); no message quotes a credential.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any
from urllib.parse import parse_qsl

import fastjsonschema

from .errors import ValidationError
from .redaction import redact
from .routes import operations, resolve, spec_document

_JSON = "application/json"
_INTEGER = re.compile(r"-?[0-9]+")
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_SHOWN = 40

_DRAFT = "http://json-schema.org/draft-07/schema#"
# The range of OpenAPI's integer formats, which JSON Schema leaves unchecked (and fastjsonschema
# checks formats on strings only): written into the schema as bounds.
_INTEGER_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
# fastjsonschema refuses a format it does not know; these it would apply to strings only, which
# an integer's `type` already refuses.
_FORMATS = {name: lambda _value: True for name in _INTEGER_RANGES}

Validator = Callable[[Any], Any]


@dataclass(frozen=True)
class QueryRule:
    required: bool
    # The JSON type the text decodes to (None: kept as text), and for an array its items'.
    kind: str | None
    item_kind: str | None
    explode: bool
    validator: Validator


@dataclass(frozen=True)
class BodyRule:
    required: bool
    media_types: frozenset[str]
    # The JSON body's schema; None for a body of another media type, only its presence checked.
    validator: Validator | None


@dataclass(frozen=True)
class OperationInput:
    operation_id: str
    query: Mapping[str, QueryRule]
    body: BodyRule | None


def _inline(spec: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """``node`` with every local reference replaced by what it names (request schemas are not
    recursive; a cycle would stop at the depth limit rather than loop)."""
    if depth > 64:
        raise ValueError("the spec's request schemas nest more than 64 levels (a $ref cycle?)")
    if isinstance(node, dict):
        out = {k: _inline(spec, v, depth + 1) for k, v in resolve(spec, node).items()}
        bounds = _INTEGER_RANGES.get(out.get("format")) if out.get("type") == "integer" else None
        if bounds is not None:
            low, high = bounds
            out["minimum"] = max(out.get("minimum", low), low)
            out["maximum"] = min(out.get("maximum", high), high)
        return out
    if isinstance(node, list):
        return [_inline(spec, v, depth + 1) for v in node]
    return node


def _type_of(spec: dict[str, Any], schema: dict[str, Any]) -> str | None:
    kind = resolve(spec, schema).get("type")
    return kind if isinstance(kind, str) else None


class InputRules:
    def __init__(self, spec: dict[str, Any]) -> None:
        def validator(schema: dict[str, Any]) -> Validator:
            return fastjsonschema.compile({"$schema": _DRAFT, **_inline(spec, schema)}, formats=_FORMATS)

        self.operations: dict[str, OperationInput] = {}
        for _template, _method, item, operation in operations(spec):
            query: dict[str, QueryRule] = {}
            # The operation's own parameters after the path's, overriding them.
            for raw in [*item.get("parameters", []), *operation.get("parameters", [])]:
                param = resolve(spec, raw)
                if param.get("in") != "query":
                    continue
                schema = param.get("schema", {})
                query[param["name"]] = QueryRule(
                    required=bool(param.get("required")),
                    kind=_type_of(spec, schema),
                    item_kind=_type_of(spec, resolve(spec, schema).get("items", {})),
                    explode=bool(param.get("explode", param.get("style", "form") == "form")),
                    validator=validator(schema),
                )
            body = None
            if "requestBody" in operation:
                request_body = resolve(spec, operation["requestBody"])
                content = request_body.get("content", {})
                body = BodyRule(
                    required=bool(request_body.get("required")),
                    media_types=frozenset(content),
                    validator=validator(content[_JSON].get("schema", {})) if _JSON in content else None,
                )
            self.operations[operation["operationId"]] = OperationInput(operation["operationId"], query, body)

    def check_arguments(
        self, operation_id: str, query: Mapping[str, Any], body_given: bool, body: Any, secrets: Sequence[str]
    ) -> None:
        """The typed arguments of a call: query values by wire name (generated enums and models
        are read as what they send), and the body if given. Any other argument than a path
        parameter and the body is meant for the query: one the operation does not have is
        refused, as the transport refuses it."""
        op = self.operations[operation_id]
        for name in query:
            if name not in op.query:
                raise _unknown_query(op, name, secrets)
        self._check_query(op, {name: _wire(v) for name, v in query.items()}, secrets)
        self._check_body(op, body_given, _wire(body) if body_given else None, secrets)

    def check_request(
        self, operation_id: str, query: str, content: bytes, content_type: str | None, secrets: Sequence[str]
    ) -> None:
        """A request about to be sent: its raw query string and its body."""
        op = self.operations[operation_id]
        self._check_query(op, _decode_query(op, query, secrets), secrets)
        if not content or op.body is None:
            self._check_body(op, bool(content), None, secrets)
            return
        media = (content_type or "").partition(";")[0].strip().lower()
        if media not in op.body.media_types:
            wanted = ", ".join(sorted(op.body.media_types))
            got = redact(repr(media), secrets) if media else "none"
            raise ValidationError("body", f"must be sent as {wanted}; Content-Type {got}")
        if media != _JSON:
            return
        try:
            value = json.loads(content.decode("utf-8"), parse_constant=_not_json)
        except (ValueError, RecursionError):
            raise ValidationError("body", "is not JSON text in UTF-8") from None
        self._check_body(op, True, value, secrets)

    def _check_query(self, op: OperationInput, values: Mapping[str, Any], secrets: Sequence[str]) -> None:
        for name, rule in op.query.items():
            if name not in values:
                if rule.required:
                    raise ValidationError(f"query.{name}", "is required")
                continue
            _validate(rule.validator, values[name], f"query.{name}", secrets)

    def _check_body(self, op: OperationInput, given: bool, value: Any, secrets: Sequence[str]) -> None:
        if op.body is None:
            if given:
                raise ValidationError("body", f"{op.operation_id} takes no request body")
        elif not given:
            if op.body.required:
                raise ValidationError("body", f"is required by {op.operation_id}")
        elif op.body.validator is not None:
            _validate(op.body.validator, value, "body", secrets)


def _not_json(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def _wire(value: Any) -> Any:
    """What a generated value is sent as: an enum's value, a model's ``to_dict()``."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_wire(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def _decode_query(op: OperationInput, query: str, secrets: Sequence[str]) -> dict[str, Any]:
    texts: dict[str, list[str]] = {}
    try:
        for name, text in parse_qsl(query, keep_blank_values=True, errors="strict"):
            texts.setdefault(name, []).append(text)
    except UnicodeDecodeError:
        raise ValidationError("query", "is not UTF-8 text once percent-decoded") from None
    values: dict[str, Any] = {}
    for name, given in texts.items():
        field = f"query.{redact(name, secrets)}"
        rule = op.query.get(name)
        if rule is None:
            raise _unknown_query(op, name, secrets)
        if rule.kind == "array":
            # A repeated name is read for `explode: false` too: the generated code sends a list so.
            parts = given if rule.explode else [part for text in given if text for part in text.split(",")]
            values[name] = [_decode(part, rule.item_kind, field, secrets) for part in parts]
        elif len(given) > 1:
            raise ValidationError(field, f"is given {len(given)} times; it takes one value")
        else:
            values[name] = _decode(given[0], rule.kind, field, secrets)
    return values


def _unknown_query(op: OperationInput, name: str, secrets: Sequence[str]) -> ValidationError:
    known = ", ".join(op.query) or "none"
    return ValidationError(
        f"query.{redact(name, secrets)}", f"is not a query parameter of {op.operation_id} (its parameters: {known})"
    )


def _decode(text: str, kind: str | None, field: str, secrets: Sequence[str]) -> Any:
    try:
        if kind == "integer" and _INTEGER.fullmatch(text):
            return int(text)
        if kind == "number" and _NUMBER.fullmatch(text):
            return json.loads(text)
    except ValueError:  # beyond the digits Python converts
        pass
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    if kind in ("integer", "number", "boolean"):
        expected = {"integer": "an integer", "number": "a number", "boolean": "true or false"}[kind]
        raise ValidationError(field, f"must be {expected}; got {_show(text, secrets)}")
    return text


def _validate(validator: Validator, value: Any, field: str, secrets: Sequence[str]) -> None:
    try:
        validator(value)
    except fastjsonschema.JsonSchemaValueException as error:
        path: list[str | int] = []
        node = value
        # The path's first element names the root ("data"); an index comes as text.
        for part in (error.path or [])[1:]:
            if isinstance(node, list):
                index = int(part)
                path.append(index)
                node = node[index] if 0 <= index < len(node) else None
            else:
                path.append(str(part))
                node = node.get(part) if isinstance(node, dict) else None
        reason = _reason(error, secrets)
        if error.rule == "required" and isinstance(node, dict):
            path.append(next(p for p in error.rule_definition if p not in node))
            reason = "is required"
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{redact(p, secrets)}" for p in path)
        raise ValidationError(field + where, reason) from None


def _reason(error: fastjsonschema.JsonSchemaValueException, secrets: Sequence[str]) -> str:
    # "data.inputs[0].type must be one of [...]": the field says where, the rest says why.
    reason = error.message.split(" ", 1)[1] if " " in error.message else error.message
    if error.rule in ("type", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "not"):
        reason += f"; got {_show(error.value, secrets)}"
    return redact(reason, secrets)


def _show(value: Any, secrets: Sequence[str]) -> str:
    if isinstance(value, str):
        clean = redact(value, secrets)
        if len(clean) <= _SHOWN:
            return repr(clean)
        return f"{clean[:_SHOWN]!r}... ({len(value)} characters)"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if value is None or isinstance(value, (bool, int, float)):
        return json.dumps(value)
    return f"a {type(value).__name__}"


@cache
def spec_input_rules() -> InputRules:
    return InputRules(spec_document())
