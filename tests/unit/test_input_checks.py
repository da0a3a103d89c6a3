"""Issue 13, defect 9: input the contract forbids is refused before anything is sent.

Every call here goes to a mock transport that records what reaches it; a refused call must
leave it empty. The errors are ``ThredfiError``s that are also ``ValueError``/``TypeError`` and
name the argument (docs/errors.md, "Invalid arguments"). The same checks over a real loopback
sandbox, on both transports: tests/integration/test_input_checks.py.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from thredfi_client import ThredfiClient, ThredfiError
from thredfi_client._operation import (
    UNSET,
    FieldConstraints,
    Operation,
    canonical_uuid,
    checked_arguments,
    coerce_model,
)
from thredfi_client.models import (
    CustomerCreate,
    InvoiceCreate,
    InvoiceLineItemCreate,
)

from ..support.constants import API_KEY, BUSINESS_ID, CUSTOMER_ID, PARTNER_ID

UTC_NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
NAIVE = datetime.datetime(2026, 1, 2, 3, 4, 5)
#: The contract wants at least one line on an invoice.
A_LINE: list[dict[str, Any]] = [{"quantity": 1, "unit_price": 100}]

#: Text that ``uuid.UUID()`` accepts and that is not a canonical UUID; the comment says what id
#: ``uuid.UUID()`` made of it (the first one is another business's id).
NOT_CANONICAL = {
    "crlf": BUSINESS_ID[:-2] + "\r\n",  # -> 000b6f6a-4e8e-2c4d-599f-3e6f1a2b3c4d
    "tab": "\t" + BUSINESS_ID[1:],
    "plus": "+" + BUSINESS_ID[1:],
    "underscore": BUSINESS_ID[:1] + "_" + BUSINESS_ID[2:],  # -> 006f6a4e-...
    "0x": "0x" + BUSINESS_ID[2:],  # -> 006f6a4e-...
    "braces": "{" + BUSINESS_ID + "}",
    "urn": "urn:uuid:" + BUSINESS_ID,
    "arabic-indic digit": BUSINESS_ID.replace("0", "\u0660"),
    "fullwidth digit": BUSINESS_ID.replace("4", "\uff14"),
}
CANONICAL = {
    "hyphenated": BUSINESS_ID,
    "upper case": BUSINESS_ID.upper(),
    "32 hex digits": BUSINESS_ID.replace("-", ""),
    "uuid.UUID": uuid.UUID(BUSINESS_ID),
}


def token_json() -> dict[str, Any]:
    return {"access_token": "tok_secret_input", "token_type": "Bearer", "expires_in": 3600}


@pytest.fixture
async def sent() -> AsyncIterator[tuple[ThredfiClient, list[httpx.Request]]]:
    """A client whose transport answers anything (201 + an empty object) and records it."""
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.url.path.endswith("/oauth2/token/"):
            return httpx.Response(200, json=token_json())
        return httpx.Response(500)  # never parsed by these tests: only what was sent matters

    client = ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url="https://api.thredfi.test",
        transport=httpx.MockTransport(handler),
        max_retries=0,
    )
    async with client:
        yield client, requests


def assert_refused(caught: pytest.ExceptionInfo[BaseException], argument: str) -> None:
    exc = caught.value
    assert isinstance(exc, ThredfiError), f"{type(exc).__name__} is not a ThredfiError"
    assert getattr(exc, "argument", None) == argument
    assert argument in str(exc)


# -- naive datetimes --------------------------------------------------------------------------


async def test_a_naive_datetime_is_refused_naming_the_field(
    sent: tuple[ThredfiClient, list[httpx.Request]],
) -> None:
    client, requests = sent
    with pytest.raises(
        ValueError, match=r"sent_at: .* is a naive datetime; give it a timezone"
    ) as c:
        await client.invoices.create(
            business_id=BUSINESS_ID, external_id="inv-1", sent_at=NAIVE, line_items=A_LINE
        )
    assert_refused(c, "sent_at")
    with pytest.raises(ValueError, match=r"body.due_at: .* naive") as c:
        await client.invoices.create(
            business_id=BUSINESS_ID,
            body={
                "external_id": "inv-1",
                "sent_at": UTC_NOW,
                "due_at": NAIVE,
                "line_items": A_LINE,
            },
        )
    assert_refused(c, "body.due_at")
    assert requests == []


async def test_a_naive_datetime_in_a_model_given_as_the_body_is_refused(
    sent: tuple[ThredfiClient, list[httpx.Request]],
) -> None:
    client, requests = sent
    body = InvoiceCreate(
        external_id="inv-1",
        sent_at=NAIVE,
        line_items=[InvoiceLineItemCreate(quantity=1, unit_price=1)],
    )
    with pytest.raises(ValueError, match=r"body.sent_at: .* naive") as c:
        await client.invoices.create(business_id=BUSINESS_ID, body=body)
    assert_refused(c, "body.sent_at")
    assert requests == []


async def test_an_aware_datetime_is_sent_with_its_offset(
    sent: tuple[ThredfiClient, list[httpx.Request]],
) -> None:
    client, requests = sent
    paris = datetime.timezone(datetime.timedelta(hours=1))
    with pytest.raises(ThredfiError):  # the mock answers 500; what was sent is the point
        await client.invoices.create(
            business_id=BUSINESS_ID,
            external_id="inv-1",
            sent_at=datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=paris),
            line_items=A_LINE,
        )
    assert b'"sent_at":"2026-01-02T03:04:05+01:00"' in requests[-1].content


# -- schema constraints -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "argument", "message"),
    [
        ({"credit_limit_cents": -5}, "credit_limit_cents", "-5 is less than the minimum, 0"),
        (
            {"payment_terms_days": 10**30},
            "payment_terms_days",
            "does not fit the contract's int64 integers",
        ),
        ({"credit_limit_cents": 2**63}, "credit_limit_cents", "int64"),
        ({"payment_terms_days": -(2**63) - 1}, "payment_terms_days", "int64"),
    ],
)
async def test_numbers_out_of_the_contract_are_refused(
    sent: tuple[ThredfiClient, list[httpx.Request]],
    kwargs: dict[str, Any],
    argument: str,
    message: str,
) -> None:
    client, requests = sent
    with pytest.raises(ValueError, match=f"{argument}: .*{message}") as c:
        await client.customers.create(business_id=BUSINESS_ID, company_name="Acme", **kwargs)
    assert_refused(c, argument)
    assert requests == []


async def test_an_empty_invoice_external_id_is_refused(
    sent: tuple[ThredfiClient, list[httpx.Request]],
) -> None:
    client, requests = sent
    with pytest.raises(ValueError, match="external_id: '' is shorter than 1 character") as c:
        await client.invoices.create(
            business_id=BUSINESS_ID, external_id="", sent_at=UTC_NOW, line_items=A_LINE
        )
    assert_refused(c, "external_id")
    assert requests == []


async def test_constraints_of_list_items_and_nested_models_name_the_item(
    sent: tuple[ThredfiClient, list[httpx.Request]],
) -> None:
    client, requests = sent
    with pytest.raises(ValueError, match=r"transaction_tags\[1\]: '' is shorter") as c:
        await client.invoices.create(
            business_id=BUSINESS_ID,
            external_id="inv-1",
            sent_at=UTC_NOW,
            line_items=A_LINE,
            transaction_tags=["vip", ""],
        )
    assert_refused(c, "transaction_tags[1]")
    with pytest.raises(ValueError, match=r"line_items\[0\].quantity: .* int64") as c:
        await client.invoices.create(
            business_id=BUSINESS_ID,
            external_id="inv-1",
            sent_at=UTC_NOW,
            line_items=[{"quantity": 2**64, "unit_price": 1}],
        )
    assert_refused(c, "line_items[0].quantity")
    assert requests == []


async def test_values_at_the_bounds_are_sent(
    sent: tuple[ThredfiClient, list[httpx.Request]],
) -> None:
    client, requests = sent
    with pytest.raises(ThredfiError):  # the mock's 500
        await client.customers.create(
            business_id=BUSINESS_ID,
            company_name="Acme",
            credit_limit_cents=0,
            payment_terms_days=2**63 - 1,
        )
    assert b'"credit_limit_cents":0' in requests[-1].content
    assert b'"payment_terms_days":9223372036854775807' in requests[-1].content


async def test_a_model_given_as_the_body_is_checked_and_left_unchanged(
    sent: tuple[ThredfiClient, list[httpx.Request]],
) -> None:
    client, requests = sent
    bad = CustomerCreate(company_name="Acme", credit_limit_cents=-5)
    with pytest.raises(ValueError, match=r"body.credit_limit_cents: -5 is less than") as c:
        await client.customers.create(business_id=BUSINESS_ID, body=bad)
    assert_refused(c, "body.credit_limit_cents")
    nested = InvoiceCreate(
        external_id="inv-1",
        sent_at=UTC_NOW,
        line_items=[InvoiceLineItemCreate(quantity=1, unit_price=-(2**70))],
    )
    with pytest.raises(ValueError, match=r"body.line_items\[0\].unit_price"):
        await client.invoices.create(business_id=BUSINESS_ID, body=nested)
    assert requests == []
    assert bad.credit_limit_cents == -5  # the caller's object is not touched


def test_a_valid_model_is_used_as_it_is_and_one_needing_conversion_is_copied() -> None:
    line = InvoiceLineItemCreate(quantity=1, unit_price=1)
    given = InvoiceCreate(external_id="i", sent_at=UTC_NOW, line_items=[line])
    given["x_extra"] = 1
    checked = coerce_model(
        InvoiceCreate, {"external_id": "i", "sent_at": UTC_NOW, "line_items": [line]}, ""
    )
    assert checked.line_items[0] is line
    # A UUID given as text in a model (mypy would object; at run time it happens): the caller's
    # model stays as it is, the one sent has the UUID, and keeps the extra field.
    given.customer_id = BUSINESS_ID.upper()  # type: ignore[assignment]
    from thredfi_client._operation import _checked_instance

    copy = _checked_instance(InvoiceCreate, given, "body")
    assert copy is not given
    assert copy.customer_id == uuid.UUID(BUSINESS_ID)
    assert given.customer_id == BUSINESS_ID.upper()
    assert copy["x_extra"] == 1
    assert _checked_instance(InvoiceCreate, copy, "body") is copy


async def test_free_form_fields_must_be_json(
    sent: tuple[ThredfiClient, list[httpx.Request]],
) -> None:
    client, requests = sent
    with pytest.raises(TypeError, match=r"metadata.when: datetime .* cannot be sent as JSON") as c:
        await client.customers.create(
            business_id=BUSINESS_ID, company_name="Acme", metadata={"when": UTC_NOW}
        )
    assert_refused(c, "metadata.when")
    with pytest.raises(ValueError, match=r"metadata\[0\]: nan is not a finite number"):
        await client.customers.create(
            business_id=BUSINESS_ID, company_name="Acme", metadata=[float("nan")]
        )
    assert requests == []


# -- UUIDs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", NOT_CANONICAL.values(), ids=NOT_CANONICAL.keys())
async def test_a_path_uuid_must_be_canonical(
    sent: tuple[ThredfiClient, list[httpx.Request]], text: str
) -> None:
    client, requests = sent
    with pytest.raises(ValueError, match="business_id must be a UUID") as c:
        await client.customers.get(business_id=text, customer_id=CUSTOMER_ID)
    assert_refused(c, "business_id")
    assert repr(text)[:20] in str(c.value)  # the value, as Python would write it (\r\n shows)
    assert requests == []


@pytest.mark.parametrize("text", NOT_CANONICAL.values(), ids=NOT_CANONICAL.keys())
async def test_a_body_uuid_must_be_canonical(
    sent: tuple[ThredfiClient, list[httpx.Request]], text: str
) -> None:
    client, requests = sent
    with pytest.raises(ValueError, match=r"customer_id: .* is not a UUID in canonical form") as c:
        await client.invoices.create(
            business_id=BUSINESS_ID,
            external_id="inv-1",
            sent_at=UTC_NOW,
            line_items=A_LINE,
            customer_id=text,
        )
    assert_refused(c, "customer_id")
    assert requests == []


@pytest.mark.parametrize("value", CANONICAL.values(), ids=CANONICAL.keys())
async def test_canonical_uuids_are_sent_in_canonical_form(
    sent: tuple[ThredfiClient, list[httpx.Request]], value: str | uuid.UUID
) -> None:
    client, requests = sent
    with pytest.raises(ThredfiError):  # the mock's 500
        await client.customers.get(business_id=value, customer_id=CUSTOMER_ID)
    assert (
        requests[-1].url.path == f"/v1/platform/businesses/{BUSINESS_ID}/customers/{CUSTOMER_ID}/"
    )


def test_canonical_uuid_accepts_exactly_the_canonical_forms() -> None:
    for text in NOT_CANONICAL.values():
        assert canonical_uuid(text) is None, repr(text)
    for text in ("", BUSINESS_ID + "0", BUSINESS_ID[:-1] + "g", BUSINESS_ID.replace("-", "_"),
                 BUSINESS_ID + "\n", BUSINESS_ID.replace("-", "", 1)):  # fmt: skip
        assert canonical_uuid(text) is None, repr(text)
    for value in CANONICAL.values():
        assert canonical_uuid(str(value)) == uuid.UUID(BUSINESS_ID)


# -- the error types ----------------------------------------------------------------------------


def test_argument_errors_are_thredfi_errors_and_builtin_ones() -> None:
    import thredfi_client

    value_error = thredfi_client.ArgumentValueError
    type_error = thredfi_client.ArgumentTypeError
    base = thredfi_client.InvalidArgumentError
    assert issubclass(value_error, base)
    assert issubclass(value_error, ValueError)
    assert issubclass(type_error, base)
    assert issubclass(type_error, TypeError)
    assert issubclass(base, ThredfiError)
    assert not issubclass(value_error, TypeError)
    assert not issubclass(type_error, ValueError)
    with pytest.raises(type_error) as caught:
        coerce_model(CustomerCreate, {"colour": "red"}, "")
    assert caught.value.argument == "colour"
    with pytest.raises(type_error, match="missing required field 'sent_at'") as caught:
        coerce_model(InvoiceCreate, {"external_id": "x", "line_items": A_LINE}, "body")
    assert caught.value.argument == "body.sent_at"
    assert repr(caught.value).startswith("ArgumentTypeError(")


# -- parameters (query, header, path) -----------------------------------------------------------


def _build(**params: Any) -> dict[str, Any]:
    return {"method": "get", "url": "/x/", "params": params}


PAGED: Operation[Any] = Operation(
    operation_id="list_things",
    method="GET",
    path="/x/{slug}/",
    idempotent=True,
    success_statuses=frozenset({200}),
    uuid_params=(),
    path_params=("slug",),
    build_request=_build,
    parse=lambda response: None,
    param_checks={
        "slug": ("path", "str", FieldConstraints(pattern="^[a-z]+$")),
        "page_size": ("query", "int | Unset", FieldConstraints(int_format="int64", maximum=100)),
        "since": ("query", "datetime.datetime | Unset", FieldConstraints()),
        "owner": ("query", "UUID | Unset", FieldConstraints()),
        "trace": ("header", "str | Unset", FieldConstraints(max_length=8)),
    },
)


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"page_size": 101}, ValueError, "page_size: 101 is more than the maximum, 100"),
        ({"page_size": "10"}, TypeError, "page_size: expected int"),
        ({"since": NAIVE}, ValueError, "since: .* naive datetime"),
        ({"owner": NOT_CANONICAL["crlf"]}, ValueError, "owner: .* not a UUID in canonical"),
        ({"trace": "123456789"}, ValueError, "trace: .* longer than 8"),
        ({"trace": "a\r\nX: 1"}, ValueError, "trace: a header value cannot contain a line"),
        ({"slug": "Abc"}, ValueError, "slug: 'Abc' does not match the pattern"),
    ],
)
def test_parameters_are_checked_against_their_type_and_constraints(
    arguments: dict[str, Any], error: type[Exception], message: str
) -> None:
    given = {"slug": "abc", "page_size": UNSET, "since": UNSET, "owner": UNSET, "trace": UNSET}
    with pytest.raises(error, match=message) as caught:
        checked_arguments(PAGED, {**given, **arguments})
    assert isinstance(caught.value, ThredfiError)


def test_valid_parameters_pass_and_uuid_text_becomes_a_uuid() -> None:
    checked = checked_arguments(
        PAGED,
        {"slug": "abc", "page_size": 100, "since": UTC_NOW, "owner": BUSINESS_ID, "trace": UNSET},
    )
    assert checked["owner"] == uuid.UUID(BUSINESS_ID)
    assert checked["page_size"] == 100
    assert checked["trace"] is UNSET


# -- the runtime checks, branch by branch --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "constraints", "message"),
    [
        (0, {"exclusive_minimum": 0}, "must be greater than 0"),
        (5, {"exclusive_maximum": 5}, "must be less than 5"),
        (7, {"multiple_of": 5}, "is not a multiple of 5"),
        (0.3, {"multiple_of": 0.25}, "is not a multiple of 0.25"),
        (2**31, {"int_format": "int32"}, "int32 integers"),
        ([], {"min_items": 1}, "0 item.*at least 1"),
        ([1, 2], {"max_items": 1}, "2 item.*at most 1"),
        ([1, 2, 1], {"unique_items": True}, r"f\[2\]: 1 repeats an earlier item"),
        (["ok", "x"], {"items": {"min_length": 2}}, r"f\[1\]: 'x' is shorter than 2"),
        ("abc", {"pattern": r"^\d+$"}, r"does not match the pattern"),
        ("\u0661\u0662", {"pattern": r"^\d+$"}, r"does not match"),  # \d is ASCII, as in ECMA-262
    ],
)
def test_each_constraint_is_checked(value: Any, constraints: Any, message: str) -> None:
    from thredfi_client._operation import _check_constraints

    with pytest.raises(ValueError, match=message) as caught:
        _check_constraints(value, constraints, "f")
    assert isinstance(caught.value, ThredfiError)


@pytest.mark.parametrize(
    ("value", "constraints"),
    [
        (None, {"minimum": 1}),
        (UNSET, {"min_length": 1}),
        (True, {"maximum": 0}),  # a bool is not a number here
        (10, {"multiple_of": 5, "exclusive_minimum": 9, "exclusive_maximum": 11}),
        (0.75, {"multiple_of": 0.25}),
        ([1, 2], {"unique_items": True, "min_items": 2, "max_items": 2}),
        ({"a": 1}, {"min_length": 5}),  # constraints of other kinds do not apply
    ],
)
def test_values_within_their_constraints_pass(value: Any, constraints: Any) -> None:
    from thredfi_client._operation import _check_constraints

    _check_constraints(value, constraints, "f")


def test_numbers_typed_float_must_be_finite() -> None:
    from thredfi_client._operation import _check_field

    assert _check_field({}, "float | Unset", 1.5, "rate") == 1.5
    assert _check_field({}, "float", 2, "rate") == 2
    with pytest.raises(ValueError, match="rate: inf is not a finite number"):
        _check_field({}, "float", float("inf"), "rate")
    with pytest.raises(TypeError, match="rate: expected float"):
        _check_field({}, "float", True, "rate")


def test_free_form_values_name_what_json_cannot_carry() -> None:
    from thredfi_client._operation import _check_json

    _check_json({"a": [1, 2.5, None, True, ("t", {"b": "c"})]}, "metadata")
    with pytest.raises(TypeError, match=r"metadata\.a: JSON object keys are text, got int 1"):
        _check_json({"a": {1: "x"}}, "metadata")
    with pytest.raises(ValueError, match=r"metadata\[1\]: -inf is not a finite number"):
        _check_json([0, float("-inf")], "metadata")
    with pytest.raises(TypeError, match=r"metadata\[0\]: bytes b'x' cannot be sent as JSON"):
        _check_json([b"x"], "metadata")


def test_a_model_given_with_a_required_field_unset_is_refused() -> None:
    from thredfi_client._generated.api.tokens import tokens_get_partner_token as partner
    from thredfi_client._operation import request_body
    from thredfi_client.models import PartnerTokenRequest

    body = PartnerTokenRequest.from_dict(
        {"grant_type": "client_credentials", "client_id": PARTNER_ID}
    )
    body.client_id = UNSET  # type: ignore[assignment]
    with pytest.raises(TypeError, match="body: missing required field 'client_id'") as caught:
        request_body(partner.OPERATION, body, {})
    assert isinstance(caught.value, ThredfiError)


def test_a_nested_model_given_as_something_else_is_named() -> None:
    with pytest.raises(TypeError, match=r"line_items\[0\]: expected InvoiceLineItemCreate"):
        coerce_model(
            InvoiceCreate,
            {"external_id": "i", "sent_at": UTC_NOW, "line_items": [("quantity", 1)]},
            "",
        )


def test_parameter_annotations_resolve_generated_models_on_first_use() -> None:
    """An endpoint module imports its models for type checking only; a parameter typed with
    one (an enum) still resolves, from the generated models package."""
    from thredfi_client._generated.api.customers import customers_create
    from thredfi_client._operation import _EndpointNames
    from thredfi_client.models import CustomerCreateStatus

    module = customers_create.__name__
    names = _EndpointNames(module)
    assert names.get("CustomerCreateStatus") is CustomerCreateStatus
    assert names["OPERATION"] is customers_create.OPERATION
    assert names.get("NoSuchName") is None
    assert len(names) == len(list(names)) > 0
    # Outside the generated package there is no models package to fall back on.
    assert _EndpointNames(__name__).get("CustomerCreateStatus", 1) == 1

    operation: Operation[Any] = Operation(
        operation_id="find_customers",
        method="GET",
        path="/x/",
        idempotent=True,
        success_statuses=frozenset({200}),
        uuid_params=(),
        path_params=(),
        build_request=customers_create._get_kwargs,
        parse=lambda response: None,
        param_checks={"status": ("query", "CustomerCreateStatus | Unset", FieldConstraints())},
    )
    assert checked_arguments(operation, {"status": "active"})["status"] is (
        CustomerCreateStatus.ACTIVE
    )
    with pytest.raises(ValueError, match="status: 'dormant' is not one of 'active'"):
        checked_arguments(operation, {"status": "dormant"})


def test_a_model_with_additional_properties_takes_fields_beyond_its_own() -> None:
    """Free-form metadata (``additionalProperties: {}``) takes any key; a typo in a model
    without additionalProperties is still refused (test_client's "unknown field" cases)."""
    from thredfi_client.models import InvoicePaymentCreateMetadata

    metadata = coerce_model(InvoicePaymentCreateMetadata, {"order": "A-1", "n": 2}, "metadata")
    assert metadata.to_dict() == {"order": "A-1", "n": 2}
    with pytest.raises(TypeError, match=r"metadata: field names are text, got 1"):
        coerce_model(InvoicePaymentCreateMetadata, {1: "x"}, "metadata")  # type: ignore[dict-item]
    with pytest.raises(TypeError, match=r"unknown field\(s\) 'nope'"):
        coerce_model(CustomerCreate, {"company_name": "A", "nope": 1}, "body")


def test_a_dict_for_a_union_of_models_becomes_the_first_it_fits() -> None:
    """A `oneOf` body: a model that refuses the dict is not the end, the next may take it; if
    none does, the first refusal names what is wrong (not a bare "expected A or B")."""
    import thredfi_client.models as models
    from thredfi_client._operation import _check

    union = "CustomerCreate | InvoiceLineItemCreate"
    line = _check(vars(models), union, {"quantity": 1, "unit_price": 100}, "body")
    assert isinstance(line, InvoiceLineItemCreate)
    with pytest.raises(TypeError, match=r"body: unknown field\(s\) 'nope'"):
        _check(vars(models), union, {"nope": 1}, "body")
