"""The hand-written runtime of the generated operations (thredfi_client/_operation.py)."""

from __future__ import annotations

import copy
import datetime
import uuid
from typing import Any

import pytest

from thredfi_client import NOT_GIVEN, NotGiven
from thredfi_client._generated import OPERATIONS
from thredfi_client._generated.types import UNSET as GENERATED_UNSET
from thredfi_client._operation import (
    UNSET,
    Operation,
    Unset,
    coerce_model,
    path_segment,
    request_body,
)
from thredfi_client.models import (
    CustomerCreate,
    CustomerCreateStatus,
    InvoiceCreate,
    InvoiceLineItemCreate,
    PartnerTokenRequest,
)

CREATE_CUSTOMER = next(op for op in OPERATIONS if op.operation_id == "create_customer")
CREATE_INVOICE = next(op for op in OPERATIONS if op.operation_id == "create_invoice")
GET_CUSTOMER = next(op for op in OPERATIONS if op.operation_id == "get_customer")


def test_markers_are_falsy_singletons_with_readable_reprs() -> None:
    assert NotGiven() is NOT_GIVEN
    assert copy.copy(NOT_GIVEN) is NOT_GIVEN
    assert not NOT_GIVEN
    assert not UNSET
    assert (repr(NOT_GIVEN), repr(UNSET)) == ("NOT_GIVEN", "UNSET")
    # The generated models and the runtime share one marker.
    assert GENERATED_UNSET is UNSET


def test_operations_know_their_request_models() -> None:
    assert CREATE_CUSTOMER.body_model is not None
    assert CREATE_CUSTOMER.body_model() is CustomerCreate
    assert GET_CUSTOMER.body_model is None


def test_request_body_from_keywords_leaves_out_what_was_not_given() -> None:
    fields: dict[str, Any] = {"company_name": "Acme", "email": UNSET, "status": "active"}
    body = request_body(CREATE_CUSTOMER, None, fields)
    assert isinstance(body, CustomerCreate)
    assert body.to_dict() == {"company_name": "Acme", "status": "active"}
    assert body.status is CustomerCreateStatus.ACTIVE


def test_request_body_from_a_model_or_a_mapping() -> None:
    model = CustomerCreate(company_name="Acme")
    assert request_body(CREATE_CUSTOMER, model, {"email": UNSET}) is model
    from_dict = request_body(CREATE_CUSTOMER, {"company_name": "Acme"}, {})
    assert from_dict.to_dict() == {"company_name": "Acme"}


def test_request_body_refuses_both_ways_at_once() -> None:
    with pytest.raises(TypeError, match=r"create_customer: pass the body either as body= or as"):
        request_body(CREATE_CUSTOMER, {"company_name": "A"}, {"email": "x@y.z"})


def test_request_body_refuses_a_body_of_another_type() -> None:
    with pytest.raises(TypeError, match="body: expected CustomerCreate or a mapping, got list"):
        request_body(CREATE_CUSTOMER, ["company_name"], {})


def test_request_body_needs_an_operation_with_a_model() -> None:
    with pytest.raises(TypeError, match="get_customer has no request model"):
        request_body(GET_CUSTOMER, None, {})


def test_nested_models_resolve_from_their_own_module() -> None:
    body = coerce_model(
        InvoiceCreate,
        {
            "external_id": "inv-1",
            "sent_at": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            "line_items": [{"quantity": 1, "unit_price": 100, "sales_taxes": [{"amount": 5}]}],
            "customer_id": str(uuid.UUID(int=7)),
            "invoice_type": "receipt",
        },
        "",
    )
    assert isinstance(body.line_items[0], InvoiceLineItemCreate)
    assert body.customer_id == uuid.UUID(int=7)


@pytest.mark.parametrize(
    ("values", "error", "message"),
    [
        (
            {"line_items": [{"quantity": "2", "unit_price": 1}]},
            TypeError,
            r"line_items\[0\].quantity",
        ),
        ({"line_items": "nope"}, TypeError, "line_items: expected list"),
        ({"invoice_type": "bill"}, ValueError, "'bill' is not one of 'invoice', 'receipt'"),
        ({"invoice_type": 3}, TypeError, "invoice_type: expected"),
        ({"customer_id": "not-a-uuid"}, ValueError, "customer_id: 'not-a-uuid' is not a UUID"),
        ({"customer_id": 12}, TypeError, "customer_id: expected"),
        ({"sent_at": datetime.date(2026, 1, 1)}, TypeError, "sent_at: expected datetime"),
        ({"document": "file"}, TypeError, "document: expected"),
        ({"line_items": [{"quantity": True, "unit_price": 1}]}, TypeError, "quantity"),
        ({"colour": "red"}, TypeError, "unknown field"),
    ],
)
def test_wrong_values_are_named(
    values: dict[str, Any], error: type[Exception], message: str
) -> None:
    base: dict[str, Any] = {
        "external_id": "inv-1",
        "sent_at": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        "line_items": [{"quantity": 1, "unit_price": 1}],  # the contract wants one line
    }
    with pytest.raises(error, match=message):
        coerce_model(InvoiceCreate, {**base, **values}, "")


def test_missing_required_field_is_named() -> None:
    with pytest.raises(TypeError, match="PartnerTokenRequest: missing required field 'client_id'"):
        coerce_model(PartnerTokenRequest, {"grant_type": "client_credentials"}, "")


def test_given_models_and_enum_members_pass_through() -> None:
    line = InvoiceLineItemCreate(quantity=1, unit_price=1)
    body = coerce_model(
        CustomerCreate, {"status": CustomerCreateStatus.SUSPENDED, "email": UNSET}, "body"
    )
    assert body.status is CustomerCreateStatus.SUSPENDED
    assert isinstance(body.email, Unset)
    invoice = coerce_model(
        InvoiceCreate,
        {
            "external_id": "i",
            "sent_at": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
            "line_items": [line],
            "customer_id": uuid.UUID(int=1),
            "customer_external_id": "c",
        },
        "",
    )
    assert invoice.line_items[0] is line


def test_an_operation_is_a_frozen_value() -> None:
    operation: Operation[Any] = CREATE_INVOICE
    with pytest.raises(AttributeError):
        operation.idempotent = True  # type: ignore[misc]


# -- the query string and wrapped responses (issue 11) ---------------------------------------------


def test_query_parameters_are_sent_as_the_contract_spells_them() -> None:
    from thredfi_client._operation import query_params
    from thredfi_client.models import InvoiceStatusFilter

    ids = [uuid.UUID(int=1), "00000000-0000-0000-0000-000000000002"]
    day = datetime.date(2026, 1, 31)
    moment = datetime.datetime(2026, 1, 31, 9, 30, tzinfo=datetime.UTC)
    params = query_params(
        {
            "status": [InvoiceStatusFilter.SENT, "overdue"],
            "customer_id": ids,
            "tags": ["a", "b"],
            "sent_at_start": day,
            "due_at_end": moment,
            "include_archived": False,
            "page": 2,
            "ratio": 0.5,
            "search": None,
            "memo_contains": UNSET,
        },
        comma_separated=("status", "customer_id"),
    )
    assert params == {
        "status": "sent,overdue",
        "customer_id": f"{ids[0]},{ids[1]}",
        "tags": ["a", "b"],  # not comma-separated: repeated
        "sent_at_start": "2026-01-31",
        "due_at_end": "2026-01-31T09:30:00+00:00",
        "include_archived": "false",
        "page": "2",
        "ratio": "0.5",
    }


@pytest.mark.parametrize("value", [{"a": 1}, float("nan"), b"raw", object()])
def test_a_value_no_query_can_carry_is_refused_by_name(value: object) -> None:
    from thredfi_client._operation import query_params

    with pytest.raises(TypeError, match=r"^search: .* cannot be sent in a query"):
        query_params({"search": value})


def test_a_wrapped_body_gives_its_property_or_a_clear_error() -> None:
    from thredfi_client._operation import unwrapped

    assert unwrapped({"payment": {"id": 1}}, "payment") == {"id": 1}
    for body in ({"id": 1}, [1], None):
        with pytest.raises(ValueError, match=r"not the documented \{'payment': \.\.\.\} envelope"):
            unwrapped(body, "payment")


def test_a_whole_file_body_is_read_once_as_bytes() -> None:
    import io

    from thredfi_client import ArgumentTypeError
    from thredfi_client._generated.types import File
    from thredfi_client._operation import file_payload

    assert file_payload(File(payload=io.BytesIO(b"%PDF"))) == b"%PDF"
    assert file_payload(b"raw") == b"raw"
    with pytest.raises(ArgumentTypeError, match=r"read as str, not bytes \(open the file in"):
        file_payload(File(payload=io.StringIO("text")))  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match=r"body: expected a File whose payload is bytes"):
        file_payload(File(payload=42))  # type: ignore[arg-type]


def test_path_segments_are_quoted_except_a_uuid_which_needs_none() -> None:
    value = uuid.UUID("3c90c3cc-0d44-4b50-8888-8dd25736052a")
    assert path_segment(value) == "3c90c3cc-0d44-4b50-8888-8dd25736052a"
    assert path_segment("a/b c?d") == "a%2Fb%20c%3Fd"
    assert path_segment(42) == "42"

    class Sneaky(uuid.UUID):  # only uuid.UUID itself is trusted to print hex and hyphens
        def __str__(self) -> str:
            return "../../other-business"

    assert path_segment(Sneaky(int=1)) == "..%2F..%2Fother-business"
