"""Credentials: an IAM token, or AK/SK (with a security token when temporary).

Secrets sit in name-mangled slots; ``repr``, ``str`` and pickling say what kind of credential it
is and nothing more, so a credential in a log line or a traceback never shows its secret.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any, NoReturn

from .errors import ValidationError
from .signer import sign_request

_HEADER_SAFE = re.compile(r"[\x21-\x7e]+")


def _non_empty(field: str, value: object) -> str:
    # Messages name the field, never the value: the value may be the secret.
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(field, "must be a non-empty string")
    if any(c in value for c in "\r\n\0"):
        raise ValidationError(field, "must not contain line breaks or NUL")
    return value


def _header_safe(field: str, value: object) -> str:
    text = _non_empty(field, value)
    if not _HEADER_SAFE.fullmatch(text):
        raise ValidationError(field, "must be printable ASCII without spaces (the value is not shown)")
    return text


class Credentials:
    """Base of both kinds. ``auth_headers`` authenticates one attempt; AK/SK signs afresh each time."""

    __slots__ = ()

    def auth_headers(
        self, *, method: str, host: str, path: str, query: str, body: bytes | None,
        content_type: str | None, project_id: str | None, now: datetime,
    ) -> dict[str, str]:  # fmt: skip
        raise NotImplementedError

    def secrets(self) -> tuple[str, ...]:
        raise NotImplementedError

    def __reduce__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} cannot be pickled: it holds a secret")

    def __str__(self) -> str:
        return repr(self)


class TokenCredentials(Credentials):
    __slots__ = ("__token",)

    def __init__(self, token: str) -> None:
        self.__token = _header_safe("credentials.token", token)

    def auth_headers(self, **_: Any) -> dict[str, str]:
        return {"X-Auth-Token": self.__token}

    def secrets(self) -> tuple[str, ...]:
        return (self.__token,)

    def __repr__(self) -> str:
        return "TokenCredentials(token=[redacted])"


class AkSkCredentials(Credentials):
    __slots__ = ("__secret_key", "__security_token", "access_key")

    def __init__(self, access_key: str, secret_key: str, security_token: str | None = None) -> None:
        self.access_key = _header_safe("credentials.access_key", access_key)
        self.__secret_key = _non_empty("credentials.secret_key", secret_key)
        self.__security_token = (
            None if security_token is None else _header_safe("credentials.security_token", security_token)
        )

    def auth_headers(
        self, *, method: str, host: str, path: str, query: str, body: bytes | None,
        content_type: str | None, project_id: str | None, now: datetime,
    ) -> dict[str, str]:  # fmt: skip
        return sign_request(
            method=method,
            host=host,
            path=path,
            query=query,
            headers={"content-type": content_type} if content_type and body else None,
            body=body,
            access_key=self.access_key,
            secret_key=self.__secret_key,
            security_token=self.__security_token,
            project_id=project_id,
            date=now,
        )

    def secrets(self) -> tuple[str, ...]:
        return (self.__secret_key,) if self.__security_token is None else (self.__secret_key, self.__security_token)

    def __repr__(self) -> str:
        kind = "AK/SK" if self.__security_token is None else "temporary AK/SK"
        return f"AkSkCredentials({kind}, access_key={self.access_key!r}, secret_key=[redacted])"


def resolve_credentials(given: Credentials | Mapping[str, str] | None, env: Mapping[str, str]) -> Credentials:
    """From the argument, else HUAWEICLOUD_SDK_AK + _SK (+ _SECURITY_TOKEN), else HUAWEICLOUD_SDK_TOKEN."""
    if isinstance(given, Credentials):
        return given
    if given is not None:
        if not isinstance(given, Mapping):
            raise ValidationError("credentials", "must be {'token'} or {'access_key', 'secret_key', 'security_token'?}")
        if "token" in given:
            return TokenCredentials(given["token"])
        return AkSkCredentials(given.get("access_key", ""), given.get("secret_key", ""), given.get("security_token"))
    ak, sk = env.get("HUAWEICLOUD_SDK_AK"), env.get("HUAWEICLOUD_SDK_SK")
    if ak and sk:
        return AkSkCredentials(ak, sk, env.get("HUAWEICLOUD_SDK_SECURITY_TOKEN") or None)
    if env.get("HUAWEICLOUD_SDK_TOKEN"):
        return TokenCredentials(env["HUAWEICLOUD_SDK_TOKEN"])
    raise ValidationError(
        "credentials",
        "none given: pass TokenCredentials or AkSkCredentials, or set HUAWEICLOUD_SDK_AK and "
        "HUAWEICLOUD_SDK_SK (or HUAWEICLOUD_SDK_TOKEN)",
    )
