"""Huawei Cloud ``SDK-HMAC-SHA256`` (AK/SK) request signing, as pure functions.

The same algorithm, byte for byte, as the TypeScript signer (``src/signer.ts``); every case in
``generated/signing-vectors.json`` is reproduced by the tests. Everything the signature depends
on is an argument, the date included. The request is given as it goes on the wire (Host, the
percent-encoded path, the raw query), which is what httpx hands a transport.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

ALGORITHM = "SDK-HMAC-SHA256"
EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_HEX = b"0123456789abcdefABCDEF"
_STANDARD_METHODS = frozenset({"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"})
_HTTP_WS = " \t\r\n"


def format_sdk_date(date: datetime) -> str:
    """``2020-06-08T02:39:00Z`` -> ``20200608T023900Z`` (UTC; a naive datetime is taken as UTC)."""
    if date.tzinfo is not None:
        date = date.astimezone(UTC)
    return f"{date.year:04d}{date.month:02d}{date.day:02d}T{date.hour:02d}{date.minute:02d}{date.second:02d}Z"


def _encode(data: bytes, keep_slash: bool) -> str:
    out = []
    for b in data:
        if b in _UNRESERVED or (keep_slash and b == 0x2F):
            out.append(chr(b))
        else:
            out.append(f"%{b:02X}")
    return "".join(out)


def _percent_decode(text: bytes) -> bytes:
    """WHATWG percent-decode: ``%XX`` becomes the byte, any other ``%`` stays as it is."""
    out = bytearray()
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == 0x25 and i + 2 < n and text[i + 1] in _HEX and text[i + 2] in _HEX:
            out.append(int(text[i + 1 : i + 3], 16))
            i += 3
        else:
            out.append(c)
            i += 1
    return bytes(out)


def canonical_uri(path: str) -> str:
    """Escapes decoded, every byte outside RFC 3986 unreserved and ``/`` encoded, ``/`` appended."""
    encoded = _encode(_percent_decode(path.encode("utf-8")), keep_slash=True)
    return encoded if encoded.endswith("/") else encoded + "/"


def _utf16_key(text: str) -> bytes:
    # JavaScript compares strings by UTF-16 code unit, which puts astral characters before
    # U+E000..U+FFFF; comparing UTF-16BE bytes gives the same order.
    return text.encode("utf-16-be", "surrogatepass")


def _form_decode(raw: bytes) -> str:
    return _percent_decode(raw.replace(b"+", b" ")).decode("utf-8", "replace")


def canonical_query(query: str) -> str:
    """Decoded as ``application/x-www-form-urlencoded``, sorted by key then value, RFC 3986 encoded."""
    query = query.removeprefix("?")
    if not query:
        return ""
    pairs: list[tuple[str, str]] = []
    for part in query.encode("utf-8").split(b"&"):
        if not part:
            continue
        key, sep, value = part.partition(b"=")
        pairs.append((_form_decode(key), _form_decode(value) if sep else ""))
    pairs.sort(key=lambda kv: (_utf16_key(kv[0]), _utf16_key(kv[1])))
    return "&".join(_encode(k.encode("utf-8"), False) + "=" + _encode(v.encode("utf-8"), False) for k, v in pairs)


HeaderInput = Mapping[str, str] | Iterable[tuple[str, str]]


def _collect(headers: HeaderInput | None) -> tuple[list[str], list[str]]:
    names: list[str] = []
    values: list[str] = []
    if headers is None:
        return names, values
    items = headers.items() if isinstance(headers, Mapping) else headers
    for name, value in items:
        if value is None:
            continue
        lower = name.lower()
        trimmed = value.strip(_HTTP_WS)
        if lower in names:
            # Case-variant repeats go on the wire as one header, joined with ", ".
            values[names.index(lower)] += ", " + trimmed
        else:
            names.append(lower)
            values.append(trimmed)
    return names, values


def canonical_headers(names: list[str], values: list[str]) -> tuple[str, str]:
    """CanonicalHeaders and SignedHeaders, ordered by UTF-16 code unit as in TypeScript."""
    order = sorted(range(len(names)), key=lambda i: _utf16_key(names[i]))
    canonical = "".join(f"{names[i]}:{values[i]}\n" for i in order)
    return canonical, ";".join(names[i] for i in order)


def payload_hash(body: bytes | None) -> str:
    return EMPTY_BODY_SHA256 if not body else hashlib.sha256(body).hexdigest()


def string_to_sign(sdk_date: str, canonical_request: str) -> str:
    return f"{ALGORITHM}\n{sdk_date}\n{hashlib.sha256(canonical_request.encode('utf-8')).hexdigest()}"


def signature(secret_key: str, text: str) -> str:
    return hmac.new(secret_key.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()


def _normalize_method(method: str) -> str:
    upper = method.upper()
    return upper if upper in _STANDARD_METHODS else method


def sign_request(
    *,
    method: str,
    host: str,
    path: str,
    query: str = "",
    headers: HeaderInput | None = None,
    body: bytes | None = None,
    access_key: str,
    secret_key: str,
    security_token: str | None = None,
    project_id: str | None = None,
    date: datetime,
) -> dict[str, str]:
    """The headers to add: ``X-Sdk-Date``, ``Authorization``, and ``X-Security-Token`` /
    ``X-Project-Id`` when given.

    Signed: ``host`` (unless a non-empty ``Host`` header is passed), ``x-sdk-date``, the two
    above, and every header passed in, except a passed ``Authorization``/``X-Sdk-Date`` (ours
    replace them), a passed ``X-Security-Token``/``X-Project-Id`` when the option is given, and
    a multipart ``Content-Type`` (its boundary is chosen after signing). A non-empty
    ``X-Sdk-Content-Sha256`` header replaces the body hash.
    """
    for field, value in (("method", method), ("access_key", access_key), ("secret_key", secret_key)):
        # The message names the field only: the value may be the secret key.
        if not isinstance(value, str) or not value:
            raise TypeError(f"sign_request: {field} must be a non-empty string")
    sdk_date = format_sdk_date(date)
    token = security_token or None
    project = project_id or None
    names, values = _collect(headers)
    kept_names: list[str] = []
    kept_values: list[str] = []
    content_sha: str | None = None
    has_host = False
    for name, value in zip(names, values, strict=True):
        if name in ("authorization", "x-sdk-date"):
            continue
        if (name == "x-security-token" and token) or (name == "x-project-id" and project):
            continue
        if name == "content-type" and "multipart/form-data" in value:
            continue
        if name == "x-sdk-content-sha256" and value:
            content_sha = value
        if name == "host":
            if not value:
                continue
            has_host = True
        kept_names.append(name)
        kept_values.append(value)
    if not has_host:
        kept_names.append("host")
        kept_values.append(host)
    kept_names.append("x-sdk-date")
    kept_values.append(sdk_date)
    if token:
        kept_names.append("x-security-token")
        kept_values.append(token)
    if project:
        kept_names.append("x-project-id")
        kept_values.append(project)
    canonical, signed = canonical_headers(kept_names, kept_values)
    request = "\n".join(
        (
            _normalize_method(method),
            canonical_uri(path),
            canonical_query(query),
            canonical,
            signed,
            content_sha or payload_hash(body),
        )
    )
    sig = signature(secret_key, string_to_sign(sdk_date, request))
    out = {"X-Sdk-Date": sdk_date}
    if token:
        out["X-Security-Token"] = token
    if project:
        out["X-Project-Id"] = project
    out["Authorization"] = f"{ALGORITHM} Access={access_key}, SignedHeaders={signed}, Signature={sig}"
    return out
