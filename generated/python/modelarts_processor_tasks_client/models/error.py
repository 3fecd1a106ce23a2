from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Error body of ModelArts and of the API gateway in front of it. No processor-task page documents
    an error body ("Error Codes: See Error Codes"); the two fields are those of OTC's error-code
    appendix *Error Codes* (`modelarts_03_0095`) and Huawei's shared reference. ModelArts errors carry
    `error_code` and `error_msg`; gateway errors (`APIGW.*`) add `request_id`.

        Attributes:
            error_code (str): Error code, `ModelArts.XXXX` from the service or `APIGW.XXXX` from the API gateway.
            error_msg (str): Human-readable error message. The appendix gives some messages as templates (`{0}`, `%s`)
                that the service fills in.
            request_id (str | Unset): Request id, sent by the API gateway in its own error bodies.
    """

    error_code: str
    error_msg: str
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        error_msg = self.error_msg

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error_code": error_code,
                "error_msg": error_msg,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error_code = d.pop("error_code")

        error_msg = d.pop("error_msg")

        request_id = d.pop("request_id", UNSET)

        error = cls(
            error_code=error_code,
            error_msg=error_msg,
            request_id=request_id,
        )

        error.additional_properties = d
        return error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
