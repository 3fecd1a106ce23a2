"""Input rules from the spec for what a request carries beside its path: each query value and
the JSON request body.

Each value is validated with jsonschema (Draft 2020-12, the dialect of OpenAPI 3.1 schemas)
against its parameter's or the body's schema in the bundled spec (``openapi.json``), the spec's
``#/components/...`` references resolved by ``referencing`` in the spec itself; the integer
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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, quote

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema import ValidationError as SchemaError
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .errors import ValidationError
from .redaction import redact
from .routes import operations, resolve, spec_document

_SPEC_URI = "urn:modelarts-processor-tasks:openapi"
_JSON = "application/json"
_INTEGER = re.compile(r"-?[0-9]+")
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_SHOWN = 40

# JSON Schema leaves OpenAPI's integer formats unchecked; the service parses them as such.
_FORMATS = FormatChecker(formats=())


@_FORMATS.checks("int32")
def _int32(value: object) -> bool:
    return not isinstance(value, int) or -(2**31) <= value < 2**31


@_FORMATS.checks("int64")
def _int64(value: object) -> bool:
    return not isinstance(value, int) or -(2**63) <= value < 2**63


@dataclass(frozen=True)
class QueryRule:
    name: str
    required: bool
    # The JSON type the text decodes to (None: kept as text), and for an array its items'.
    kind: str | None
    item_kind: str | None
    explode: bool
    validator: Draft202012Validator


@dataclass(frozen=True)
class BodyRule:
    required: bool
    media_types: frozenset[str]
    # The JSON body's schema; None for a body of another media type, only its presence checked.
    validator: Draft202012Validator | None


@dataclass(frozen=True)
class OperationInput:
    operation_id: str
    query: Mapping[str, QueryRule]
    body: BodyRule | None


def _escape(part: str | int) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def _follow(spec: dict[str, Any], pointer: str) -> tuple[dict[str, Any], str]:
    """The object at JSON pointer ``pointer``, its ``$ref`` chain followed, and where that is."""
    while True:
        node: Any = spec
        for part in pointer.split("/")[1:]:
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[int(part)] if isinstance(node, list) else node[part]
        if "$ref" not in node:
            return node, pointer
        pointer = node["$ref"].removeprefix("#")


def _type_of(spec: dict[str, Any], schema: dict[str, Any]) -> str | None:
    kind = resolve(spec, schema).get("type")
    return kind if isinstance(kind, str) else None


class InputRules:
    def __init__(self, spec: dict[str, Any]) -> None:
        registry: Registry[Any] = Registry().with_resource(
            _SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT202012)
        )

        def validator(pointer: str) -> Draft202012Validator:
            # The schema stays where it is in the spec, so its relative references resolve there.
            ref = {"$ref": f"{_SPEC_URI}#{quote(pointer, safe='/~')}"}
            return Draft202012Validator(ref, registry=registry, format_checker=_FORMATS)

        self.operations: dict[str, OperationInput] = {}
        for template, method, item, operation in operations(spec):
            at = f"/paths/{_escape(template)}"
            entries = [f"{at}/parameters/{i}" for i in range(len(item.get("parameters", [])))]
            entries += [f"{at}/{method}/parameters/{i}" for i in range(len(operation.get("parameters", [])))]
            query: dict[str, QueryRule] = {}
            for entry in entries:  # the operation's own after the path's, overriding them
                param, where = _follow(spec, entry)
                if param.get("in") != "query":
                    continue
                schema = param.get("schema", {})
                query[param["name"]] = QueryRule(
                    name=param["name"],
                    required=bool(param.get("required")),
                    kind=_type_of(spec, schema),
                    item_kind=_type_of(spec, resolve(spec, schema).get("items", {})),
                    explode=bool(param.get("explode", param.get("style", "form") == "form")),
                    validator=validator(f"{where}/schema"),
                )
            body = None
            if "requestBody" in operation:
                request_body, where = _follow(spec, f"{at}/{method}/requestBody")
                content = request_body.get("content", {})
                body = BodyRule(
                    required=bool(request_body.get("required")),
                    media_types=frozenset(content),
                    validator=validator(f"{where}/content/{_escape(_JSON)}/schema") if _JSON in content else None,
                )
            self.operations[operation["operationId"]] = OperationInput(operation["operationId"], query, body)

    def check_arguments(
        self, operation_id: str, query: Mapping[str, Any], body_given: bool, body: Any, secrets: Sequence[str]
    ) -> None:
        """The typed arguments of a call: query values by wire name (generated enums and models
        are read as what they send; names that are no query parameter are left to the caller),
        and the body if given."""
        op = self.operations[operation_id]
        self._check_query(op, {name: _wire(v) for name, v in query.items() if name in op.query}, secrets)
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
            known = ", ".join(op.query) or "none"
            raise ValidationError(field, f"is not a query parameter of {op.operation_id} (its parameters: {known})")
        if rule.kind == "array":
            # A repeated name is read for `explode: false` too: the generated code sends a list so.
            parts = given if rule.explode else [part for text in given if text for part in text.split(",")]
            values[name] = [_decode(part, rule.item_kind, field, secrets) for part in parts]
        elif len(given) > 1:
            raise ValidationError(field, f"is given {len(given)} times; it takes one value")
        else:
            values[name] = _decode(given[0], rule.kind, field, secrets)
    return values


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


def _validate(validator: Draft202012Validator, value: Any, field: str, secrets: Sequence[str]) -> None:
    error = best_match(validator.iter_errors(value))
    if error is None:
        return
    path = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        path.append(next(p for p in error.validator_value if p not in error.instance))
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{redact(str(p), secrets)}" for p in path)
    raise ValidationError(field + where, _reason(error, secrets))


def _reason(error: SchemaError, secrets: Sequence[str]) -> str:
    # jsonschema quotes the whole value (any length, any secret in it): show a safe, short one.
    message = error.message.replace(repr(error.instance), _show(error.instance, secrets), 1)
    return redact(message, secrets)


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
