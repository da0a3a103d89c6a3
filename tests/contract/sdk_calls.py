"""Calling any operation through ``ThredfiClient``, and recording what Prism said about it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import httpx

from thredfi_client import ThredfiClient
from thredfi_client._generated import OPERATION_NAMES

from ..support import API_KEY, PARTNER_ID, record_for_leak_scan
from .spec_examples import SpecOperation, example, path_arguments, query_arguments


@attrs.frozen
class Exchange:
    """One request the client sent (token requests included) and Prism's verdict on it."""

    method: str
    path: str
    status_code: int
    #: The ``sl-violations`` header: Prism's list of request (and response) violations.
    violations: str | None
    body: str

    def problem(self) -> str | None:
        """Why Prism objected to this exchange, or None if it did not."""
        if self.violations:
            return f"{self.method} {self.path}: sl-violations {self.violations}"
        if 400 <= self.status_code < 500:
            # Prism answers 400/401/422 (problem+json or the spec's error body) to a violation.
            return f"{self.method} {self.path}: HTTP {self.status_code} {self.body[:300]}"
        return None


@attrs.define
class Recorder:
    """An httpx response hook: sees every response the client receives, token ones included."""

    exchanges: list[Exchange] = attrs.Factory(list)

    async def __call__(self, response: httpx.Response) -> None:
        await response.aread()
        body = response.text if response.status_code >= 400 else ""
        self.exchanges.append(
            Exchange(
                method=response.request.method,
                path=response.request.url.path,
                status_code=response.status_code,
                violations=response.headers.get("sl-violations"),
                body=body,
            )
        )

    def problems(self) -> list[str]:
        return [p for p in (e.problem() for e in self.exchanges) if p is not None]


def make_client(base_url: str, *, token_scope: str = "partner", **options: Any) -> ThredfiClient:
    client = ThredfiClient(
        partner_id=PARTNER_ID,
        api_key=API_KEY,
        base_url=base_url,
        token_scope="business" if token_scope == "business" else "partner",
        max_retries=0,  # Prism never fails transiently; a retry would only hide an answer
        timeout=30.0,
        **options,
    )
    record_for_leak_scan("client repr", repr(client))
    return client


def token_http(client: ThredfiClient) -> httpx.AsyncClient:
    """The client's token requests go through an ``httpx.AsyncClient`` of the token source."""
    http: httpx.AsyncClient = client.auth._tokens._http
    return http


def recorded(client: ThredfiClient) -> Recorder:
    recorder = Recorder()
    client.http_client.event_hooks["response"].append(recorder)
    token_http(client).event_hooks["response"].append(recorder)
    return recorder


def sdk_arguments(operation: SpecOperation) -> dict[str, Any]:
    """Keyword arguments for ``client.<resource>.<method>``, generated from the spec: path and
    query parameters (every filter of a list, so their serialisation is checked) and the body."""
    arguments = {**path_arguments(operation), **query_arguments(operation)}
    if operation.body is not None:
        arguments["body"] = example(operation.body[1], python=True)
    return arguments


async def call(
    client: ThredfiClient, operation_id: str, arguments: Mapping[str, Any], *, raw: bool = False
) -> Any:
    """``await client.<resource>[.with_raw_response].<method>(**arguments)``."""
    resource_name, method = OPERATION_NAMES[operation_id]
    resource = getattr(client, resource_name)
    if raw:
        resource = resource.with_raw_response
    return await getattr(resource, method)(**arguments)
