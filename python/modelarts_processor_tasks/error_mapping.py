"""Maps an error response to its typed error, as src/error-mapping.ts does.

Bodies come in many shapes: ModelArts' ``error_code``/``error_msg``, the gateway's with
``request_id``, other Huawei services' ``errorCode``/``errorMsg`` or ``code``/``message`` (also
nested under ``error``), HTML from a proxy, plain text, or nothing. Every shape gives a useful
message; none can leak a secret.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import ClientRequestError, RedirectError, ServerResponseError, ServiceResponseError
from .redaction import redact

MAX_MESSAGE = 500


def _pick(obj: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
    return None


def _fields(body: object) -> dict[str, str | None]:
    if not isinstance(body, Mapping):
        return {}
    fields = {
        "code": _pick(body, "error_code", "errorCode", "code"),
        "msg": _pick(body, "error_msg", "errorMsg", "message", "msg"),
        "request_id": _pick(body, "request_id", "requestId"),
    }
    nested = body.get("error")
    if (not fields["code"] or not fields["msg"]) and isinstance(nested, Mapping):
        inner = _fields(nested)
        fields["code"] = fields["code"] or inner.get("code")
        fields["msg"] = fields["msg"] or inner.get("msg")
    return fields


_STRING_FIELD = re.compile(r'"([A-Za-z_]{1,32})"\s*:\s*"((?:[^"\\\n]|\\.)*)"')


def _salvage(text: str) -> dict[str, str | None]:
    """Fields of a JSON text that does not parse (often a body cut at its size limit)."""
    found: dict[str, str] = {}
    for m in _STRING_FIELD.finditer(text):
        if m.group(1) not in found:
            with contextlib.suppress(ValueError):  # a bad escape: skip the field
                found[m.group(1)] = json.loads(f'"{m.group(2)}"')
    return _fields(found)


def _excerpt(text: str) -> str:
    plain = re.sub(r"<(script|style)[\s\S]*?</\1>", " ", text, flags=re.IGNORECASE)
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", plain)).strip()
    return plain[:200] + "…" if len(plain) > 200 else plain


def to_service_error(
    *,
    status_code: int,
    reason: str,
    headers: Mapping[str, str],
    content: bytes,
    attempts: int,
    secrets: Sequence[str],
) -> ServiceResponseError:
    # Redacted before anything is cut: a secret cut in two would no longer match.
    text = redact(content.decode("utf-8", "replace"), secrets)
    fields: dict[str, str | None] = {}
    parsed: object = None
    if re.match(r"\s*[\[{]", text):
        try:
            parsed = json.loads(text)
            fields = _fields(parsed)
        except ValueError:
            fields = _salvage(text)
    msg = fields.get("msg")
    if msg is None and parsed is None and text.strip():
        msg = _excerpt(text)
    if msg is None:
        msg = reason or "no error message in the response"
    code = fields.get("code")
    details: dict[str, Any] = {
        "status_code": status_code,
        "error_code": None if code is None else redact(code, secrets)[:64],
        "error_msg": redact(msg, secrets)[:MAX_MESSAGE],
        "request_id": headers.get("x-request-id") or fields.get("request_id"),
        "attempts": attempts,
    }
    if 300 <= status_code < 400:
        location = headers.get("location")
        details["error_msg"] = f"redirect to {location or '(no location)'} not followed"
        return RedirectError(location=location, **details)
    return ServerResponseError(**details) if status_code >= 500 else ClientRequestError(**details)
