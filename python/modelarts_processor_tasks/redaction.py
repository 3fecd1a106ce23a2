"""Secrets out of whatever comes back: a server may echo a token or key in a body or header."""

from __future__ import annotations

from collections.abc import Iterable


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replaces every occurrence of each secret (4 characters or more) with ``[redacted]``."""
    for secret in secrets:
        if len(secret) >= 4:
            text = text.replace(secret, "[redacted]")
    return text
