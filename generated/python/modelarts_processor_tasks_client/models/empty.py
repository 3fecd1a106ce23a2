from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Empty")


@_attrs_define
class Empty:
    """Empty JSON object. The example success body of DeleteProcessorTask, UpdateProcessorTask
    and StopProcessorTaskVersion is `{ }`.
    `additionalProperties: false` with no properties admits only `{}`.

    Source: seed; OTC and Huawei (huaweicloudDocs) pages of those operations.

    """

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        empty = cls()

        return empty
