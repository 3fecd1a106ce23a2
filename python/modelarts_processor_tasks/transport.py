"""Beneath every call: one request in, as many attempts as the retry policy allows out.

An httpx transport wrapping httpx's own, so that everything built on the httpx client (the
generated functions, or a raw ``client.httpx.get(...)``) gets the same behaviour: the request is
held to the spec's routes (``routes.py``) and its query and body to the spec's schemas
(``input_rules.py``) before anything is sent; each attempt is authenticated afresh (a new
``X-Sdk-Date`` and signature), bounded by the per-attempt timeout and the total deadline, never
follows a redirect, and reads its body up to a size limit. Status codes are not turned into
errors here: the generated code parses every documented response, and ``call`` raises.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sys
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from .credentials import Credentials
from .errors import ConnectionError, InvalidResponseError, RequestTimeoutError, ValidationError
from .input_rules import InputRules, spec_input_rules
from .redaction import redact
from .retry import RetryPolicy, parse_retry_after
from .routes import Routes

log = logging.getLogger("modelarts_processor_tasks")

ATTEMPTS = "modelarts_attempts"
# The call in progress, so that `call` can tell a body that broke the generated parser (after
# a response came) from bad arguments (before anything was sent).
current_exchange: ContextVar[dict[str, Any] | None] = ContextVar("modelarts_exchange", default=None)

_AUTH_HEADERS = ("authorization", "x-auth-token", "x-sdk-date", "x-security-token", "x-project-id")


@dataclass
class TransportConfig:
    credentials: Credentials
    retry: RetryPolicy
    routes: Routes
    endpoint: str
    inputs: InputRules = field(default_factory=spec_input_rules)
    timeout: float = 30.0
    total_timeout: float = 120.0
    max_body_bytes: int = 1024 * 1024
    max_error_body_bytes: int = 64 * 1024
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    @property
    def path_prefix(self) -> str:
        return urlsplit(self.endpoint).path.rstrip("/")


@dataclass
class _Body:
    """A response body read up to a size limit, within the attempt's deadline."""

    limit: int
    deadline: float
    clock: Callable[[], float]
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0

    def add(self, chunk: bytes) -> bool:
        """Keeps the chunk; False once past the limit (stop reading)."""
        if self.clock() > self.deadline:
            raise httpx.ReadTimeout("the body did not arrive within the attempt's timeout")
        self.chunks.append(chunk)
        self.size += len(chunk)
        return self.size <= self.limit

    def result(self) -> tuple[bytes, bool]:
        return b"".join(self.chunks)[: self.limit], self.size <= self.limit


@dataclass
class _Outcome:
    response: httpx.Response | None = None
    failure: Exception | None = None
    delay: float | None = None

    def result(self) -> httpx.Response:
        if self.failure is not None:
            raise self.failure
        assert self.response is not None
        return self.response


_GENERATED_API = "modelarts_processor_tasks_client.api."


def intended_operation() -> str | None:
    """The operationId of the generated function that built the request being sent.

    URL parsing resolves dot segments before a transport sees the path (a task id of "." turns
    describe-task into list-tasks), so the path alone cannot show what the caller asked for;
    the generated module on the stack can. ``call`` says it explicitly; a generated function
    called directly is found among the callers (for a coroutine, its awaiting frames).
    """
    exchange = current_exchange.get()
    if exchange is not None and exchange.get("operation_id"):
        return str(exchange["operation_id"])
    frame = sys._getframe(1)
    for _ in range(40):
        if frame is None:
            break
        module = frame.f_globals.get("__name__", "")
        if module.startswith(_GENERATED_API):
            snake = module.rsplit(".", 1)[-1]
            return re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), snake)
        frame = frame.f_back
    return None


class _Call:
    """The state of one call across its attempts: what to send, and what each outcome means."""

    def __init__(self, config: TransportConfig, request: httpx.Request, body: bytes) -> None:
        self.config = config
        self.method = request.method
        self.url = request.url
        raw = request.url.raw_path.decode("ascii")
        self.path, _, self.query = raw.partition("?")
        prefix = config.path_prefix
        if not self.path.startswith(prefix + "/"):
            raise ValidationError("path", f"{self.path} is not under the endpoint {config.endpoint}")
        route, params = config.routes.match(self.method, self.path[len(prefix) :], intended_operation())
        self.secrets = config.credentials.secrets()
        content_type = request.headers.get("content-type")
        config.inputs.check_request(route.operation_id, self.query, body, content_type, self.secrets)
        self.project_id = params.get("project_id")
        self.body = body
        self.headers = httpx.Headers(
            [(k, v) for k, v in request.headers.multi_items() if k.lower() not in _AUTH_HEADERS]
        )
        self.extensions = dict(request.extensions)
        self.deadline = config.clock() + config.total_timeout
        self.attempt = 0
        self.attempt_deadline = 0.0
        self.retryable = config.retry.limit > 0 and self.method in config.retry.methods

    def next_request(self) -> httpx.Request:
        self.attempt += 1
        now = self.config.clock()
        budget = min(self.config.timeout, max(0.0, self.deadline - now))
        self.attempt_deadline = now + budget
        # Outside any retry: a signing failure is a bug or bad input, never a reason to retry.
        auth = self.config.credentials.auth_headers(
            method=self.method,
            host=self.headers["host"],
            path=self.path,
            query=self.query,
            body=self.body,
            content_type=self.headers.get("content-type"),
            project_id=self.project_id,
            now=self.config.now(),
        )
        headers = self.headers.copy()
        headers.update(auth)
        timeout = {"connect": budget, "read": budget, "write": budget, "pool": budget}
        log.debug("request", extra={"method": self.method, "url": str(self.url), "attempt": self.attempt})
        return httpx.Request(
            self.method,
            self.url,
            headers=headers,
            content=self.body,
            extensions={**self.extensions, "timeout": timeout},
        )

    def body_of(self, response: httpx.Response) -> _Body:
        ok = 200 <= response.status_code < 300
        limit = self.config.max_body_bytes if ok else self.config.max_error_body_bytes
        return _Body(limit, self.attempt_deadline, self.config.clock)

    def answered(self, response: httpx.Response, read: _Body) -> _Outcome:
        body, complete = read.result()
        status = response.status_code
        request_id = response.headers.get("x-request-id")
        if not complete and 200 <= status < 300:
            message = f"HTTP {status} body is larger than {self.config.max_body_bytes} bytes; not read"
            return _Outcome(
                failure=InvalidResponseError(message, status_code=status, request_id=request_id, attempts=self.attempt)
            )
        headers = response.headers.copy()
        if not complete:
            headers.pop("content-encoding", None)  # a cut compressed body cannot be decoded
        log.debug(
            "response",
            extra={"method": self.method, "status": status, "attempt": self.attempt, "request_id": request_id},
        )
        out = httpx.Response(
            status, headers=headers, content=body, extensions={**response.extensions, ATTEMPTS: self.attempt}
        )
        exchange = current_exchange.get()
        if exchange is not None:
            exchange["attempts"] = self.attempt
            exchange["response"] = out
        delay = None
        if self.retryable and self.attempt <= self.config.retry.limit and status in self.config.retry.status_codes:
            after = parse_retry_after(response.headers.get("retry-after"), time.time())
            delay = self.config.retry.delay(self.attempt, after)
        return self._unless_past_deadline(_Outcome(response=out, delay=delay))

    def failed(self, exc: httpx.TransportError) -> _Outcome:
        failure: Exception
        retried = False
        if isinstance(exc, httpx.TimeoutException):
            total = self.config.clock() >= self.deadline
            kind, limit = ("total", self.config.total_timeout) if total else ("attempt", self.config.timeout)
            failure = RequestTimeoutError(kind, limit, attempts=self.attempt)
            retried = not total and self.config.retry.retry_on_timeout
        else:
            origin = f"{self.url.scheme}://{self.url.netloc.decode('ascii')}"
            detail = redact(f"{type(exc).__name__}: {exc}", self.secrets)
            failure = ConnectionError(f"could not complete {self.method} {origin}: {detail}", attempts=self.attempt)
            retried = True
        log.debug("failure", extra={"method": self.method, "attempt": self.attempt, "error": str(failure)})
        delay = None
        if retried and self.retryable and self.attempt <= self.config.retry.limit:
            delay = self.config.retry.delay(self.attempt, None)
        return self._unless_past_deadline(_Outcome(failure=failure, delay=delay))

    def _unless_past_deadline(self, outcome: _Outcome) -> _Outcome:
        if outcome.delay is not None and self.config.clock() + outcome.delay >= self.deadline:
            outcome.delay = None
        if outcome.delay is not None:
            log.debug("retry", extra={"method": self.method, "attempt": self.attempt, "delay_s": outcome.delay})
        return outcome


class SigningTransport(httpx.BaseTransport):
    def __init__(self, config: TransportConfig, inner: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        call = _Call(self.config, request, request.read())
        while True:
            try:
                response = self.inner.handle_request(call.next_request())
                body = call.body_of(response)
                try:
                    for chunk in response.stream:  # type: ignore[union-attr]
                        if not body.add(chunk):
                            break
                finally:
                    response.close()
                outcome = call.answered(response, body)
            except httpx.TransportError as exc:
                outcome = call.failed(exc)
            if outcome.delay is None:
                return outcome.result()
            time.sleep(outcome.delay)

    def close(self) -> None:
        self.inner.close()


class AsyncSigningTransport(httpx.AsyncBaseTransport):
    def __init__(self, config: TransportConfig, inner: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config
        self.inner = inner or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        call = _Call(self.config, request, await request.aread())
        while True:
            try:
                response = await self.inner.handle_async_request(call.next_request())
                body = call.body_of(response)
                try:
                    async for chunk in response.stream:  # type: ignore[union-attr]
                        if not body.add(chunk):
                            break
                finally:
                    await response.aclose()
                outcome = call.answered(response, body)
            except httpx.TransportError as exc:
                outcome = call.failed(exc)
            if outcome.delay is None:
                return outcome.result()
            await asyncio.sleep(outcome.delay)

    async def aclose(self) -> None:
        await self.inner.aclose()
