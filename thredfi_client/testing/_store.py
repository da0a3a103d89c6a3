"""The sandbox's state: settings, clock, identities, tokens, and one table per resource.

Nothing here knows HTTP: the API handlers (``_api/``) read and change the store, the admin API
(``_admin.py``) and the :class:`~thredfi_client.testing.Sandbox` facade inspect it. Each resource of
the contract has a :class:`Table` of records; one with rules of its own keeps its record class in
its hook module (``_api/resources/``).
"""

from __future__ import annotations

import asyncio
import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, Literal, Protocol, TypeVar

__all__ = [
    "Clock",
    "ErrorStyle",
    "IdempotentReply",
    "PageEnvelope",
    "PartnerCredentials",
    "Record",
    "Settings",
    "Store",
    "Table",
    "Token",
    "canonical_uuid",
    "iso",
]

ErrorStyle = Literal["spec", "guide"]
#: How list pages are shaped: the reference pages' ``page_info``, or the pagination guide's
#: ``next``/``previous`` links (API-NOTES "Pagination"; the contract allows both).
PageEnvelope = Literal["page_info", "links"]
Clock = Callable[[], datetime]


def canonical_uuid(value: str) -> str | None:
    """The canonical spelling of a UUID, or None when ``value`` is not one."""
    try:
        return str(uuid.UUID(value))
    except (ValueError, TypeError, AttributeError):
        return None


def iso(moment: datetime | None) -> str | None:
    """An aware datetime as the API writes it (UTC, ``Z``); None stays None."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class PartnerCredentials:
    """A partner's HTTP Basic credentials for the token endpoint."""

    partner_id: str
    api_key: str


@dataclass(kw_only=True)
class Settings:
    """How the sandbox behaves; every field can change between requests.

    Attributes:
        token_ttl: ``expires_in`` of issued tokens, in seconds (0: already expired).
        token_leeway: Seconds a token is still accepted after it expired, as servers allow for
            clock skew (0: expiry is exact).
        token_prefix: Text every issued token starts with (e.g. for a leak scanner to spot).
        require_business_token: Partner tokens get 403 on customer and invoice endpoints.
        error_style: ``"spec"`` or ``"guide"`` error bodies.
        currency: ISO 4217 code put on every invoice.
        page_envelope: ``"page_info"`` or ``"links"`` (``next``/``previous``) list pages.
    """

    token_ttl: int = 3600
    token_leeway: float = 0.0
    token_prefix: str = ""
    require_business_token: bool = False
    error_style: ErrorStyle = "spec"
    currency: str = "GBP"
    page_envelope: PageEnvelope = "page_info"

    def __post_init__(self) -> None:
        self.update(**{name: getattr(self, name) for name in self.__dataclass_fields__})

    def update(self, **changes: Any) -> None:
        """Change settings, checking each value; raises ``ValueError``/``TypeError`` naming it."""
        unknown = sorted(set(changes) - set(self.__dataclass_fields__))
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(unknown)}")
        checked: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "token_ttl":
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise ValueError(f"token_ttl must be an int >= 0, not {value!r}")
            elif name == "token_leeway":
                if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                    raise ValueError(f"token_leeway must be seconds >= 0, not {value!r}")
                value = float(value)
            elif name in ("token_prefix", "currency"):
                if not isinstance(value, str):
                    raise TypeError(f"{name} must be a str, not {value!r}")
            elif name == "require_business_token":
                if not isinstance(value, bool):
                    raise TypeError(f"require_business_token must be a bool, not {value!r}")
            elif name == "error_style" and value not in ("spec", "guide"):
                raise ValueError(f"error_style must be 'spec' or 'guide', not {value!r}")
            elif name == "page_envelope" and value not in ("page_info", "links"):
                raise ValueError(f"page_envelope must be 'page_info' or 'links', not {value!r}")
            checked[name] = value
        for name, value in checked.items():
            object.__setattr__(self, name, value)

    def as_dict(self) -> dict[str, Any]:
        """The settings as JSON-ready values."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(kw_only=True)
class Token:
    """An issued access token."""

    value: str = field(repr=False)
    partner_id: str
    business_id: str | None  # None: a partner (unscoped) token
    expires_at: datetime


@dataclass(kw_only=True)
class Record:
    """One record of a resource the contract describes, with no rules of its own.

    ``data`` is the record as the API answers it; ``business_id`` is its owner (the business,
    or for partner-level resources the partner); ``parents`` the path parameters above it.
    """

    id: str
    business_id: str
    external_id: str | None
    data: dict[str, Any]
    created_at: datetime
    parents: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class IdempotentReply:
    """What a request with an ``Idempotency-Key`` got, for replays of the same key."""

    fingerprint: str
    body: bytes


class _Record(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def business_id(self) -> str: ...
    @property
    def external_id(self) -> str | None: ...


R = TypeVar("R", bound=_Record)


class Table(Generic[R]):
    """The records of one resource, by id, in creation order."""

    def __init__(self) -> None:
        self._rows: dict[str, R] = {}

    def add(self, record: R) -> R:
        """Store ``record`` (its id must be new)."""
        self._rows[record.id] = record
        return record

    def get(self, raw_id: str, business_id: str | None = None) -> R | None:
        """The record with this id (any UUID spelling), if it exists in ``business_id``."""
        record = self._rows.get(canonical_uuid(raw_id) or "")
        if record is None or (business_id is not None and record.business_id != business_id):
            return None
        return record

    def of(self, business_id: str) -> list[R]:
        """Every record of a business, oldest first."""
        return [r for r in self._rows.values() if r.business_id == business_id]

    def by_external_id(self, business_id: str, external_id: str) -> R | None:
        """The record of a business with this ``external_id`` (the idempotency key)."""
        for record in self._rows.values():
            if record.business_id == business_id and record.external_id == external_id:
                return record
        return None

    def remove(self, record_id: str) -> None:
        """Forget one record."""
        self._rows.pop(record_id, None)

    def __iter__(self) -> Iterator[R]:
        return iter(list(self._rows.values()))

    def __len__(self) -> int:
        return len(self._rows)

    def clear(self) -> None:
        """Forget every record."""
        self._rows.clear()


class Store:
    """Everything the sandbox holds, and the clock it reads time from.

    Args:
        settings: How it behaves (see :class:`Settings`).
        clock: Returns the current time as an aware datetime; default: the system clock.
    """

    def __init__(self, settings: Settings, clock: Clock | None = None) -> None:
        self.settings = settings
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._clock_offset = timedelta()
        # Handlers never await while holding it, so it never blocks; it documents (and keeps
        # safe, should a handler ever await) the read-check-write of idempotent creates.
        self.lock = asyncio.Lock()
        self.partners: dict[str, str] = {}  # partner id -> API key
        self.businesses: dict[str, str] = {}  # business id -> partner id
        self.tokens: dict[str, Token] = {}
        #: One table per resource, by the resource's path (``invoices/payments``).
        self.tables: dict[str, Table[Any]] = {}
        #: (business id, Idempotency-Key) -> the first answer to that key.
        self.idempotency: dict[tuple[str, str], IdempotentReply] = {}
        #: Numbering sequences (e.g. invoice numbers), by name and business.
        self.counters: dict[tuple[str, str], int] = {}

    # -- time

    def now(self) -> datetime:
        """The sandbox's current time (the clock plus any :meth:`advance_clock`)."""
        return self._clock().astimezone(UTC) + self._clock_offset

    def advance_clock(self, seconds: float) -> None:
        """Move the sandbox's time forward."""
        self._clock_offset += timedelta(seconds=seconds)

    # -- identities

    def add_partner(
        self, *, partner_id: str | None = None, api_key: str | None = None
    ) -> PartnerCredentials:
        """Register a partner; random id and key unless given."""
        pid = partner_id or str(uuid.uuid4())
        key = api_key or f"sk_sandbox_{secrets.token_urlsafe(24)}"
        self.partners[pid] = key
        return PartnerCredentials(pid, key)

    def add_business(self, owner: str, business_id: str | None = None) -> str:
        """Create a business owned by partner ``owner``; its canonical id."""
        if owner not in self.partners:
            raise KeyError(f"unknown partner {owner!r}")
        bid = canonical_uuid(business_id) if business_id else str(uuid.uuid4())
        if bid is None:
            raise ValueError(f"business_id must be a UUID, not {business_id!r}")
        self.businesses[bid] = owner
        return bid

    # -- tokens

    def issue_token(self, partner_id: str, business_id: str | None) -> Token:
        """A new token for a partner (or one of its businesses), valid ``token_ttl`` seconds."""
        token = Token(
            value=f"{self.settings.token_prefix}{secrets.token_urlsafe(32)}",
            partner_id=partner_id,
            business_id=business_id,
            expires_at=self.now() + timedelta(seconds=self.settings.token_ttl),
        )
        self.tokens[token.value] = token
        return token

    def valid_token(self, value: str) -> Token | None:
        """The token, unless unknown, revoked, or expired (beyond ``token_leeway``)."""
        token = self.tokens.get(value)
        leeway = timedelta(seconds=self.settings.token_leeway)
        if token is None or self.now() >= token.expires_at + leeway:
            return None
        return token

    def revoke_tokens(self, value: str | None = None) -> int:
        """Forget one token, or every token; how many went."""
        if value is not None:
            return 1 if self.tokens.pop(value, None) is not None else 0
        count = len(self.tokens)
        self.tokens.clear()
        return count

    # -- resources

    def table(self, resource: str) -> Table[Any]:
        """The records of a resource (an empty table the first time it is asked for)."""
        return self.tables.setdefault(resource, Table())

    def next_number(self, sequence: str, business_id: str) -> int:
        """The next number (from 1) of a business's sequence."""
        key = (sequence, business_id)
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def reset(self) -> None:
        """Forget every resource and token (identities and settings stay)."""
        self.tokens.clear()
        self.tables.clear()
        self.idempotency.clear()
        self.counters.clear()
