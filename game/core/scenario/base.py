"""The base of every scenario model and the small field types they share."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

PartyId = Annotated[str, Field(pattern=r"^[A-Z]{2,3}$", examples=["US", "MX", "CA"])]
"""A party's short code: two or three capital letters."""

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
"""An identifier: lower case letters, digits and underscores, starting with a letter."""

Share = Annotated[float, Field(ge=0.0, le=1.0)]
"""A fraction between 0 and 1."""

Percent = Annotated[float, Field(ge=0.0, le=100.0)]
"""A number between 0 and 100."""

Delta = Annotated[float, Field(ge=-100.0, le=100.0)]
"""A change in points, from -100 to 100: whatever it moves runs from 0 to 100 (and is kept
there), so a larger change could do no more."""

Points = Annotated[float, Field(ge=0.0, le=1000.0)]
"""Value points an option costs or a principle takes away, from 0 to 1000: the most a threat
can be worth (priority 100, fully addressed, threat_scale 10) is 1000, and bounded terms keep
every sum, and so every score, a finite number."""

Source = Annotated[str, Field(min_length=1, examples=["B) Threats", "Policies B) US-MX"])]
"""Where a fact comes from: the chapter section it rests on (e.g. "B) Threats")."""

Day = Annotated[dt.date, Field(strict=False)]
"""A date, written YYYY-MM-DD (YAML reads it as a date; the same in quotes is read too)."""

Pair = Annotated[tuple[PartyId, PartyId], Field(strict=False)]
"""Two party codes, written as a list: [US, MX]."""


def columns(text: str) -> int:
    """How many columns a text takes on a terminal: two for a wide or full-width character
    (Chinese, Japanese, Korean, most emoji), none for a combining or zero-width mark, one for
    any other; as the screens measure it (the core may not use their library)."""
    width = 0
    for character in text:
        if unicodedata.combining(character) or unicodedata.category(character) in NO_WIDTH:
            continue
        width += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return width


NO_WIDTH = frozenset({"Mn", "Me", "Cf"})
"""Unicode categories that take no column: marks set on the character before, and format
characters (a zero-width joiner)."""


SHORT_COLUMNS = 12
"""The most columns an issue's short name takes: the agenda beside the table's panels gives
its names 12 columns at 80x24."""


def _narrow(text: str) -> str:
    width = columns(text)
    if width > SHORT_COLUMNS:
        raise PydanticCustomError(
            "text_too_wide",
            "at most {limit} columns wide on screen (the agenda's names have 12 at 80x24), "
            "where a Chinese, Japanese or Korean character or an emoji takes two: this one "
            "takes {width}",
            {"limit": SHORT_COLUMNS, "width": width},
        )
    return text


ShortName = Annotated[
    str, AfterValidator(_narrow), Field(json_schema_extra={"maxLength": SHORT_COLUMNS})
]
"""A name for narrow screens, at most 12 columns wide (a wide character takes two)."""


def whole_number(expected: str) -> BeforeValidator:
    """A check for a Literal of whole numbers (a format version) that refuses `true` and `1.0`:
    pydantic checks a Literal by equality, and in Python True == 1 == 1.0, so it would take
    them for version 1 even in strict mode (the saves' format version had the same flaw)."""

    def check(value: Any) -> Any:
        if isinstance(value, bool | float):
            raise PydanticCustomError(
                "literal_error", "Input should be {expected}", {"expected": expected}
            )
        return value

    return BeforeValidator(check)


class Model(BaseModel):
    """Base of every scenario model: frozen, unknown keys rejected, docstrings as descriptions,
    no infinite or not-a-number values (.inf and .nan would turn every score into nan), and
    strict types: a number is a number, not `true` or "45", and a flag is true or false, not
    "true", yes or 1 (pydantic would otherwise convert them without a word). Dates and pairs
    of parties are read as `Day` and `Pair` say."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        allow_inf_nan=False,
        strict=True,
    )
