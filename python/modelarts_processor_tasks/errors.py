"""Typed errors, after Huawei SDKs' conventions.

A service error carries ``status_code``, ``error_code``, ``error_msg`` and ``request_id`` and
splits into client (< 500) and server (>= 500) errors; connection failures and timeouts are
their own classes (and also the built-in ``ConnectionError`` / ``TimeoutError``, so generic
handlers catch them). No error ever holds a secret: messages are built from the response and
redacted of every credential the client knows.
"""

from __future__ import annotations

import builtins


class ModelArtsError(Exception):
    """Base of every error this package raises."""


class ValidationError(ModelArtsError, ValueError):
    """Bad input, caught before anything is sent. ``field`` names the offending input."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class ServiceResponseError(ModelArtsError):
    """The service answered with an error status."""

    def __init__(
        self,
        *,
        status_code: int,
        error_code: str | None,
        error_msg: str,
        request_id: str | None,
        attempts: int,
    ) -> None:
        code = f" {error_code}" if error_code else ""
        rid = f" (request id {request_id})" if request_id else ""
        super().__init__(f"HTTP {status_code}{code}: {error_msg}{rid}")
        self.status_code = status_code
        self.error_code = error_code
        self.error_msg = error_msg
        self.request_id = request_id
        self.attempts = attempts

    @property
    def status(self) -> int:
        """Alias of ``status_code``, the TypeScript client's name."""
        return self.status_code


class ClientRequestError(ServiceResponseError):
    """4xx: the request cannot succeed as it is (bad id, missing task, no permission...)."""


class ServerResponseError(ServiceResponseError):
    """5xx: the service failed."""


class RedirectError(ServiceResponseError):
    """A redirect, never followed: credentials stay with the named host."""

    def __init__(self, *, location: str | None, **details: object) -> None:
        super().__init__(**details)  # type: ignore[arg-type]
        self.location = location


class InvalidResponseError(ModelArtsError):
    """The response could not be used (a success body over the size limit, or not the JSON the spec says)."""

    def __init__(self, message: str, *, status_code: int, request_id: str | None, attempts: int) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.request_id = request_id
        self.attempts = attempts


class ConnectionError(ModelArtsError, builtins.ConnectionError):
    """No HTTP response: refused, reset, DNS failure, TLS failure."""

    def __init__(self, message: str, *, attempts: int) -> None:
        super().__init__(message)
        self.attempts = attempts


class RequestTimeoutError(ModelArtsError, builtins.TimeoutError):
    """An attempt took longer than ``timeout``, or the whole call longer than ``total_timeout``."""

    def __init__(self, kind: str, timeout_s: float, *, attempts: int) -> None:
        what = {"attempt": "the per-attempt timeout", "waiter": "the waiter's timeout"}.get(kind, "its total timeout")
        super().__init__(f"the call did not complete within {what} of {timeout_s:g} s")
        self.kind = kind
        self.timeout_s = timeout_s
        self.attempts = attempts


def is_task_not_found(err: BaseException) -> bool:
    """A missing task: 400 ``ModelArts.4700`` (Huawei's error-code appendix)."""
    return isinstance(err, ServiceResponseError) and err.status_code == 400 and err.error_code == "ModelArts.4700"


def is_auth_error(err: BaseException) -> bool:
    """Credentials or permissions refused: 401, or 403 for any reason but a task still initializing."""
    return isinstance(err, ServiceResponseError) and (
        err.status_code == 401 or (err.status_code == 403 and err.error_code != "ModelArts.4850")
    )
