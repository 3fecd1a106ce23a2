"""Every case of generated/signing-vectors.json (written from the TypeScript signer) is signed
byte for byte the same here."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from conftest import REPO

from modelarts_processor_tasks.signer import canonical_query, canonical_uri, format_sdk_date, sign_request

VECTORS = json.loads((REPO / "generated/signing-vectors.json").read_text(encoding="utf-8"))
CASES = VECTORS["cases"]


def test_the_file_is_complete() -> None:
    assert VECTORS["algorithm"] == "SDK-HMAC-SHA256"
    assert len(CASES) == VECTORS["count"] >= 400
    assert CASES[0]["expected"]["Authorization"].endswith(
        "Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_vector(case: dict) -> None:
    body = (
        base64.b64decode(case["bodyBase64"])
        if case["bodyBase64"] is not None
        else (case["body"].encode("utf-8") if case["body"] is not None else None)
    )
    date = datetime.fromisoformat(case["date"].replace("Z", "+00:00"))
    got = sign_request(
        method=case["method"],
        host=case["host"],
        path=case["path"],
        query=case["query"],
        headers=[tuple(h) for h in case["headers"]],
        body=body,
        access_key=case["accessKey"],
        secret_key=case["secretKey"],
        security_token=case["securityToken"],
        project_id=case["projectId"],
        date=date,
    )
    assert got == case["expected"]


def test_pieces() -> None:
    assert format_sdk_date(datetime(2020, 6, 8, 2, 39, 0, 123000, tzinfo=UTC)) == "20200608T023900Z"
    assert canonical_uri("") == "/"
    assert canonical_uri("/a%2Fb") == "/a/b/"
    assert canonical_query("?b=2&a=z&a=&a=1&flag&sp=a+b") == "a=&a=1&a=z&b=2&flag=&sp=a%20b"


def test_secret_never_in_errors() -> None:
    secret = "sk-DO-NOT-LEAK-7f3a9c"
    for bad in ({"access_key": ""}, {"method": ""}):
        args = {
            "method": "GET",
            "host": "h",
            "path": "/",
            "access_key": "AK",
            "secret_key": secret,
            "date": datetime.now(UTC),
        }
        args.update(bad)
        with pytest.raises(TypeError) as info:
            sign_request(**args)
        assert secret not in repr(info.value) and secret not in str(info.value)
