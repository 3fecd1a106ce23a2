"""The region table and endpoint resolution, as in src/endpoints.ts.

Regions are those Huawei's SDKs list for ModelArts; ap-southeast-1 is served under
myhuaweicloud.cn. As in Huawei's SDKs, ``HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION>`` overrides
a region's endpoint.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from urllib.parse import urlsplit

from .errors import ValidationError

MODELARTS_REGIONS: tuple[str, ...] = (
    "cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-north-11", "cn-north-12",
    "cn-east-3", "cn-east-4", "cn-south-1", "cn-southwest-2", "cn-southwest-3",
    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
    "af-south-1", "af-north-1", "la-south-2", "la-north-2", "tr-west-1", "me-east-1", "sa-brazil-1",
    # Open Telekom Cloud, whose API reference documents this API (see src/endpoints.ts).
    "eu-de",
)  # fmt: skip
_DOMAIN_EXCEPTIONS = {"ap-southeast-1": "myhuaweicloud.cn", "eu-de": "otc.t-systems.com"}


def region_override_variable(region: str) -> str:
    return "HUAWEICLOUD_SDK_REGION_MODELARTS_" + region.upper().replace("-", "_")


def region_endpoint(region: str, env: Mapping[str, str]) -> str:
    """The endpoint of a region: the environment override if set, else the table."""
    if not isinstance(region, str) or not region:
        raise ValidationError("region", 'must be a non-empty string, e.g. "cn-north-4"')
    override = env.get(region_override_variable(region))
    if override:
        return override
    if region not in MODELARTS_REGIONS:
        raise ValidationError(
            "region",
            f"unknown region {region!r}; known: {', '.join(MODELARTS_REGIONS)} "
            f"(or set {region_override_variable(region)})",
        )
    return f"https://modelarts.{region}.{_DOMAIN_EXCEPTIONS.get(region, 'myhuaweicloud.com')}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_endpoint(endpoint: str, allow_insecure_http: bool = False) -> str:
    """Checks an endpoint and returns it without a trailing slash.

    Credentials travel in headers, so plain http is refused unless the host is loopback (a
    local mock) or the caller opts in.
    """
    if not isinstance(endpoint, str):
        raise ValidationError("endpoint", f"must be a URL string, got {type(endpoint).__name__}")
    try:
        url = urlsplit(endpoint)
        host = url.hostname
        url.port  # noqa: B018 - raises on a bad port
    except ValueError:
        raise ValidationError("endpoint", f"not an absolute URL: {endpoint!r}") from None
    if url.scheme not in ("https", "http") or not host:
        raise ValidationError("endpoint", f"must be an absolute https:// URL, got {endpoint!r}")
    if url.scheme == "http" and not allow_insecure_http and not _is_loopback(host):
        raise ValidationError(
            "endpoint",
            "plain http:// sends credentials in clear text; use https://, a loopback host, or allow_insecure_http=True",
        )
    if url.username is not None or url.password is not None:
        raise ValidationError("endpoint", "must not contain user information")
    if "?" in endpoint or "#" in endpoint:
        raise ValidationError("endpoint", "must not contain a query or a fragment")
    return f"{url.scheme}://{url.netloc}{url.path.rstrip('/')}"
