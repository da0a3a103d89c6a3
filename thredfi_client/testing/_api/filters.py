"""Reading a list's filters from the query string, each as the contract types it.

Every bad value is reported at once, like a bad body: a 400 ``validation_error`` whose
``field_errors`` name each parameter. Comma-separated lists (``style: form, explode: false``)
are split on commas; lower-case choices are compared as given. An empty value is no filter for
a text parameter or a list (a list of no items), and a bad value for any other
(``sent_at_start=`` is not a date).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from starlette.requests import Request

from .._store import Settings
from .._validation import FieldErrors, parse_date, parse_datetime
from .responses import Denied, invalid

__all__ = ["Filters"]

_INTEGER = re.compile(r"-?[0-9]+")


class Filters:
    """The query parameters of one list request; :meth:`check` answers 400 for bad ones."""

    def __init__(self, settings: Settings, request: Request) -> None:
        self._settings = settings
        self._request = request
        self._query = request.query_params
        self.errors: FieldErrors = {}

    def _raw(self, name: str) -> str | None:
        return self._query.get(name)

    def _bad(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def text(self, name: str) -> str | None:
        """A string filter, as given (empty: no filter)."""
        return self._raw(name) or None

    def integer(self, name: str) -> int | None:
        raw = self._raw(name)
        if raw is None:
            return None
        if _INTEGER.fullmatch(raw) is None:
            self._bad(name, "A valid integer is required.")
            return None
        return int(raw)

    def boolean(self, name: str) -> bool | None:
        raw = self._raw(name)
        if raw is None:
            return None
        if raw.lower() in ("true", "1"):
            return True
        if raw.lower() in ("false", "0"):
            return False
        self._bad(name, "Must be a valid boolean.")
        return None

    def day(self, name: str) -> date | None:
        raw = self._raw(name)
        if raw is None:
            return None
        parsed = parse_date(raw)
        if parsed is None:
            self._bad(name, "Date has wrong format. Use YYYY-MM-DD.")
        return parsed

    def moment(self, name: str) -> datetime | None:
        raw = self._raw(name)
        if raw is None:
            return None
        parsed = parse_datetime(raw)
        if parsed is None:
            self._bad(name, "Datetime has wrong format. Use ISO 8601.")
        return parsed

    def uuids(self, name: str, *, many: bool = True) -> set[str] | None:
        """UUIDs, comma-separated when ``many`` (canonical spellings)."""
        raw = self._raw(name)
        if raw is None or (many and raw == ""):
            return None
        found: set[str] = set()
        for part in raw.split(",") if many else [raw]:
            try:
                found.add(str(uuid.UUID(part.strip())))
            except ValueError:
                self._bad(name, f"{part!r} is not a valid UUID.")
        return found

    def choices(
        self, name: str, allowed: Collection[str], *, many: bool = False
    ) -> set[str] | None:
        """Values of a closed set, comma-separated when ``many``."""
        raw = self._raw(name)
        if raw is None or (many and raw == ""):
            return None
        chosen = {part.strip() for part in raw.split(",")} if many else {raw}
        for value in sorted(chosen - set(allowed)):
            self._bad(name, f"{value!r} is not a valid choice: {', '.join(allowed)}.")
        return chosen

    def typed(self, name: str, schema: dict[str, Any], *, explode: bool = True) -> Any:
        """A parameter read as the contract types it (None when absent): an array not exploded
        is comma-separated; uuids, enums, dates, date-times, integers and booleans are checked."""
        kind, fmt = schema.get("type"), schema.get("format")
        if kind == "array":
            items = schema.get("items", {})
            if items.get("format") == "uuid":
                return self.uuids(name, many=not explode)
            if "enum" in items:
                return self.choices(name, items["enum"], many=not explode)
            raw = self.text(name)
            return None if raw is None else {part.strip() for part in raw.split(",")}
        if fmt == "uuid":
            return self.uuids(name, many=False)
        if "enum" in schema:
            return self.choices(name, schema["enum"])
        readers = {"date": self.day, "date-time": self.moment}
        if fmt in readers:
            return readers[fmt](name)
        if kind == "integer":
            return self.integer(name)
        if kind == "boolean":
            return self.boolean(name)
        return self.text(name)

    def check(self) -> None:
        """Answer 400 listing every bad parameter, if there is one."""
        if self.errors:
            raise Denied(invalid(self._settings, self._request, self.errors))
