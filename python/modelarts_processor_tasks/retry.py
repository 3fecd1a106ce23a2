"""The retry policy of src/retry.ts, readable in one line of options:

    RetryPolicy(limit=2, methods={"DELETE", "GET", "HEAD", "OPTIONS", "PUT"},
                status_codes={429, 500, 502, 503, 504}, backoff_base=0.1, backoff_limit=20.0)

Only idempotent methods are retried (POST never: once sent, it may have taken effect), only on
the statuses above and on connection errors, with full-jitter exponential backoff. Retry-After
(seconds or HTTP date) is honoured when within ``backoff_limit``; beyond it the call fails at
once rather than retrying early into another 429. Times are in seconds.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC
from email.utils import parsedate_to_datetime

from .errors import ValidationError

DEFAULT_METHODS = frozenset({"DELETE", "GET", "HEAD", "OPTIONS", "PUT"})
DEFAULT_STATUS_CODES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    limit: int = 2
    """Retries after the first attempt (3 attempts in all). 0 disables retries."""
    methods: frozenset[str] = DEFAULT_METHODS
    status_codes: frozenset[int] = DEFAULT_STATUS_CODES
    backoff_base: float = 0.1
    """First backoff ceiling, seconds; doubles each retry."""
    backoff_limit: float = 20.0
    """Cap on any one wait, backoff or Retry-After, seconds."""
    retry_on_timeout: bool = False
    """Retry an attempt that hit the per-attempt timeout (as in ky, off by default)."""
    random: Callable[[], float] = field(default=random.random, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.limit, int) or isinstance(self.limit, bool) or not 0 <= self.limit <= 100:
            raise ValidationError("retry.limit", f"must be an integer from 0 to 100, got {self.limit!r}")
        for name in ("backoff_base", "backoff_limit"):
            value = getattr(self, name)
            if (
                not isinstance(value, (int, float))
                or isinstance(value, bool)
                or not value >= 0
                or value == float("inf")
            ):
                raise ValidationError(f"retry.{name}", f"must be a number of seconds >= 0, got {value!r}")
        methods: Iterable[object] = self.methods
        if isinstance(methods, str) or not all(isinstance(m, str) and m.isalpha() for m in methods):
            raise ValidationError("retry.methods", "must be a set of method names")
        if not all(isinstance(c, int) and 100 <= c <= 599 for c in self.status_codes):
            raise ValidationError("retry.status_codes", "must be a set of HTTP statuses")
        object.__setattr__(self, "methods", frozenset(m.upper() for m in self.methods))  # type: ignore[union-attr]
        object.__setattr__(self, "status_codes", frozenset(self.status_codes))

    @classmethod
    def of(cls, option: RetryPolicy | int | bool | None) -> RetryPolicy:
        """``retry`` accepts a policy, a number (the limit), False (no retries) or None (default)."""
        if option is None or option is True:
            return cls()
        if option is False:
            return cls(limit=0)
        if isinstance(option, int):
            return cls(limit=option)
        if isinstance(option, cls):
            return option
        raise ValidationError("retry", "must be a RetryPolicy, a retry limit, or False")

    def delay(self, retry: int, retry_after: float | None) -> float | None:
        """Seconds before retry number ``retry`` (1-based), or None when the server asks for longer
        than the policy allows. Full jitter: uniform in [0, min(cap, base * 2^(retry-1))]."""
        if retry_after is not None:
            return retry_after if retry_after <= self.backoff_limit else None
        ceiling = min(self.backoff_limit, self.backoff_base * 2 ** (retry - 1))
        return self.random() * ceiling


# The three HTTP-date forms (RFC 9110 section 5.6.7); anything else is unreadable, not "now".
_IMF_FIXDATE = re.compile(r"[a-z]{3},\s+\d{2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT", re.IGNORECASE)
_RFC850_DATE = re.compile(r"[a-z]{6,9},\s+\d{2}-[a-z]{3}-\d{2}\s+\d{2}:\d{2}:\d{2}\s+GMT", re.IGNORECASE)
_ASCTIME_DATE = re.compile(r"[a-z]{3}\s+[a-z]{3}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}", re.IGNORECASE)


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Retry-After in seconds: delay-seconds (RFC 9110 10.2.3) or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return float(int(text))
    if not (_IMF_FIXDATE.fullmatch(text) or _RFC850_DATE.fullmatch(text) or _ASCTIME_DATE.fullmatch(text)):
        return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, OverflowError):
        return None
    # asctime carries no zone; HTTP dates are GMT.
    when = (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).timestamp()
    return max(0.0, when - now)
