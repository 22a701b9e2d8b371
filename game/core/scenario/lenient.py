"""Reading scenario data that may not have passed the schema: each reader keeps what is usable."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

# The cross-checks read the data as written whenever the schema refused part of it, so that a
# file's type errors and reference errors come out in one run. Anything of the wrong type is
# skipped here: the schema has already reported it.


class Refused:
    """Stands in the data for a value the schema refused: neither missing nor usable, so no
    check reads it, and none mistakes it for a value left out."""

    def __repr__(self) -> str:
        return "REFUSED"


REFUSED = Refused()


def mapping(value: Any) -> Mapping[str, Any]:
    """The value if it is a mapping, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def entries(data: Any, key: str) -> list[tuple[int, Mapping[str, Any]]]:
    """The mappings listed under a key, each with its position in the list."""
    items = mapping(data).get(key)
    if not isinstance(items, list | tuple):
        return []
    return [(n, item) for n, item in enumerate(items) if isinstance(item, Mapping)]


def items(value: Any) -> list[tuple[int, Any]]:
    """A list's values with their positions (nothing when it is not a list)."""
    return list(enumerate(value)) if isinstance(value, list | tuple) else []


def text(value: Any) -> str | None:
    """The value if it is text."""
    return value if isinstance(value, str) else None


def number(value: Any) -> float | None:
    """The value if it is a finite number (true and false are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def date(value: Any) -> dt.date | None:
    """The value as a date, if it is one (or text the schema would read as one)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def ids(data: Any, section: str, required: bool = False) -> set[str] | None:
    """The ids of a section's entries; None when they cannot all be read (the section is not a
    list, an entry has no id, or a required section is missing), so that references to them
    are not called unknown because of a problem already reported."""
    found = mapping(data).get(section)
    if found is None and not required:
        return set()
    if not isinstance(found, list | tuple):
        return None
    known = set()
    for item in found:
        ident = mapping(item).get("id")
        if not isinstance(ident, str):
            return None
        known.add(ident)
    return known
