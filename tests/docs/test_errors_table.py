"""The tables of docs/errors.md are rebuilt here from the real mapping, so they cannot drift.

The page holds each table between ``<!-- BEGIN <name> -->`` and ``<!-- END <name> -->`` markers.
After changing ``thredfi_client._errors`` or the default ``RetryPolicy``, rewrite them with::

    .venv/bin/python tests/docs/test_errors_table.py --write
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from thredfi_client import (
    STATUS_ERRORS,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    EventLoopError,
    ResponseTooLargeError,
    RetryPolicy,
    ThredfiError,
)
from thredfi_client._errors import AUTH_FAILURE_STATUSES, error_class_for_status

PAGE = Path(__file__).resolve().parents[2] / "docs" / "errors.md"

#: Statuses without an entry in STATUS_ERRORS, shown as examples of "any other 4xx".
OTHER_4XX_EXAMPLES = (402, 405, 410, 418)


def _summary(cls: type[BaseException]) -> str:
    """The first line of a class docstring, in Markdown (reST ``literals`` -> `literals`)."""
    first = (cls.__doc__ or "").strip().splitlines()[0]
    first = re.sub(r"^\d{3}: ", "", first)  # the Status column already says it
    first = re.sub(r":(?:class|data|meth):`~?([^`]+)`", r"`\1`", first)
    first = first.replace("``", "`")
    return first[:1].upper() + first[1:]


def _retried(statuses: list[int]) -> str:
    if statuses == [401]:
        return "replayed once with a fresh token, by the auth flow"
    retried = sorted(set(statuses) & RetryPolicy().retry_statuses)
    if not retried:
        return "no"
    if retried == sorted(statuses):
        return "yes, if the request is repeatable"
    codes = ", ".join(f"`{s}`" for s in retried)
    return f"{codes} if the request is repeatable; the others no"


def _status_label(status: int) -> str:
    return "`>= 500` (every 5xx)" if status == 500 else f"`{status}`"


def _attributes(cls: type[ThredfiError]) -> list[str]:
    """Public attributes declared on ``cls`` and its bases, base class first."""
    names: list[str] = []
    for klass in reversed(cls.__mro__):
        for name in getattr(klass, "__annotations__", {}):
            if not name.startswith("_") and name not in names:
                names.append(name)
    return names


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def render_status_table() -> str:
    """Status -> exception class, as ``error_class_for_status`` decides it."""
    lines = [
        _row("Status", "Exception", "Subclass of", "Retried by default", "Meaning"),
        _row(*["---"] * 5),
    ]
    for status, cls in sorted(STATUS_ERRORS.items()):
        statuses = list(range(500, 600)) if status == 500 else [status]
        lines.append(
            _row(
                _status_label(status),
                f"`{cls.__name__}`",
                f"`{cls.__mro__[1].__name__}`",
                _retried(statuses),
                _summary(cls),
            )
        )
    others = ", ".join(f"`{s}`" for s in OTHER_4XX_EXAMPLES)
    lines.append(
        _row(
            f"any other 4xx ({others}, ...)",
            f"`{APIStatusError.__name__}`",
            f"`{APIStatusError.__mro__[1].__name__}`",
            _retried(list(OTHER_4XX_EXAMPLES)),
            "A status without a dedicated subclass.",
        )
    )
    auth = sorted(AUTH_FAILURE_STATUSES)
    auth_cls = {error_class_for_status(s, auth_failure=True) for s in auth}
    assert len(auth_cls) == 1, "token endpoint failures map to more than one class"
    (token_cls,) = auth_cls
    lines.append(
        _row(
            " / ".join(f"`{s}`" for s in auth) + " from a token endpoint",
            f"`{token_cls.__name__}`",
            f"`{token_cls.__mro__[1].__name__}`",
            "no",
            "Obtaining a token failed: the credentials were rejected.",
        )
    )
    other: list[type[ThredfiError]] = [
        APIConnectionError,
        APITimeoutError,
        ResponseTooLargeError,
        APIResponseValidationError,
        EventLoopError,
        ClientClosedError,
    ]
    for other_cls in other:
        if issubclass(other_cls, ResponseTooLargeError):
            when, retried = "any", "no (the same request would get the same answer)"
        elif issubclass(other_cls, APIConnectionError):
            when, retried = "none", "yes, if the request is repeatable or never reached the server"
        elif issubclass(other_cls, RuntimeError):
            # A call in flight when its client closes may have been sent.
            sent = "" if issubclass(other_cls, ClientClosedError) else " (nothing sent)"
            when, retried = f"none{sent}", "no"
        else:
            when, retried = "2xx", "no (nothing to retry: the body arrived)"
        lines.append(
            _row(
                when,
                f"`{other_cls.__name__}`",
                f"`{other_cls.__mro__[1].__name__}`",
                retried,
                _summary(other_cls),
            )
        )
    return "\n".join(lines)


def render_attributes_table() -> str:
    """Which attributes each family of exceptions carries."""
    families: list[tuple[str, type[ThredfiError]]] = [
        ("`APIStatusError` and every subclass above", APIStatusError),
        ("`APIConnectionError`, `APITimeoutError`", APIConnectionError),
        ("`ResponseTooLargeError`", ResponseTooLargeError),
        ("`APIResponseValidationError`", APIResponseValidationError),
    ]
    lines = [_row("Exception", "Attributes"), _row("---", "---")]
    for label, cls in families:
        lines.append(_row(label, ", ".join(f"`{name}`" for name in _attributes(cls))))
    return "\n".join(lines)


TABLES: dict[str, Callable[[], str]] = {
    "status-table": render_status_table,
    "attributes-table": render_attributes_table,
}


def _marked(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- BEGIN {re.escape(name)} [^>]*-->\n)(.*?)(<!-- END {re.escape(name)} -->)",
        re.DOTALL,
    )


def _current(text: str, name: str) -> str:
    match = _marked(name).search(text)
    assert match, f"docs/errors.md has no <!-- BEGIN {name} ... --> / <!-- END {name} --> markers"
    return match.group(2)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_errors_page_table_matches_the_mapping(name: str) -> None:
    expected = TABLES[name]() + "\n"
    assert _current(PAGE.read_text(encoding="utf-8"), name) == expected, (
        f"docs/errors.md's {name} is out of date; "
        "run: .venv/bin/python tests/docs/test_errors_table.py --write"
    )


def test_every_status_error_is_in_the_table() -> None:
    table = render_status_table()
    for cls in {*STATUS_ERRORS.values(), APIStatusError}:
        assert f"`{cls.__name__}`" in table


@pytest.mark.parametrize("status", [500, 501, 502, 503, 504, 507, 599])
def test_every_5xx_is_an_internal_server_error(status: int) -> None:
    assert error_class_for_status(status) is STATUS_ERRORS[500]


@pytest.mark.parametrize("status", OTHER_4XX_EXAMPLES)
def test_other_4xx_are_plain_status_errors(status: int) -> None:
    assert status not in STATUS_ERRORS
    assert error_class_for_status(status) is APIStatusError


def _response(status: int) -> httpx.Response:
    return httpx.Response(
        status, json={"error_code": "x"}, request=httpx.Request("GET", "https://h.test/")
    )


@pytest.mark.parametrize(
    ("cls", "make"),
    [
        (APIStatusError, lambda: APIStatusError("m", response=_response(404))),
        (APIConnectionError, lambda: APIConnectionError("m", request=None)),
        (APIResponseValidationError, lambda: APIResponseValidationError(_response(200), "m")),
    ],
)
def test_documented_attributes_exist(
    cls: type[ThredfiError], make: Callable[[], ThredfiError]
) -> None:
    exc = make()
    for name in _attributes(cls):
        assert hasattr(exc, name), f"{cls.__name__} documents {name!r} but has no such attribute"


def write() -> None:
    """Rewrite the generated tables of docs/errors.md in place."""
    text = PAGE.read_text(encoding="utf-8")
    for name, render in TABLES.items():
        _current(text, name)  # fail clearly when the markers are missing
        table = render()

        def replace(match: re.Match[str], table: str = table) -> str:
            return match.group(1) + table + "\n" + match.group(3)

        text = _marked(name).sub(replace, text)
    PAGE.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/docs/test_errors_table.py --write")
    write()
