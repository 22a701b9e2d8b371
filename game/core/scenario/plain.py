"""The schema's complaints in an author's words: what is wrong and what would be right, with the
allowed range of a number, and none of the validation library's own vocabulary."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

import annotated_types
from pydantic_core import ErrorDetails

from game.core.scenario.problems import did_you_mean


@dataclass(frozen=True)
class Bounds:
    """The documented range of a number field, as far as it has one."""

    low: float | None = None
    low_open: bool = False
    high: float | None = None
    high_open: bool = False
    whole: bool = False

    def narrowed(self, constraint: Any) -> Bounds:
        """These bounds with one more constraint object (annotated_types' Ge, Gt, Le, Lt)."""
        if isinstance(constraint, annotated_types.Ge):
            return replace(self, low=float(constraint.ge), low_open=False)  # type: ignore[arg-type]
        if isinstance(constraint, annotated_types.Gt):
            return replace(self, low=float(constraint.gt), low_open=True)  # type: ignore[arg-type]
        if isinstance(constraint, annotated_types.Le):
            return replace(self, high=float(constraint.le), high_open=False)  # type: ignore[arg-type]
        if isinstance(constraint, annotated_types.Lt):
            return replace(self, high=float(constraint.lt), high_open=True)  # type: ignore[arg-type]
        return self

    def of_type(self, tp: Any) -> Bounds:
        """These bounds, knowing the field holds whole numbers or any number."""
        return replace(self, whole=tp is int)

    def words(self) -> str:
        """ "a number from 0 to 100", "a whole number from -3 to 3", "a number above 0"..."""
        kind = "a whole number" if self.whole else "a number"
        low, high = self.low, self.high
        if low is not None and high is not None:
            if self.low_open:
                return f"{kind} above {low:g} and at most {high:g}"
            return f"{kind} from {low:g} to {high:g}"
        if low is not None:
            return f"{kind} {'above' if self.low_open else 'of at least'} {low:g}"
        if high is not None:
            return f"{kind} {'below' if self.high_open else 'of at most'} {high:g}"
        return kind


_PATTERN_WORDS = {
    r"^[A-Z]{2,3}$": "expected a party code of two or three capital letters (A to Z), e.g. 'US'",
    r"^[a-z][a-z0-9_]*$": "ids use lowercase ASCII letters, digits and _, starting with a letter",
    r"^[a-z0-9][a-z0-9-]*$": "a scenario id uses lowercase ASCII letters, digits and hyphens, "
    "e.g. 'spp-2005'",
    r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$": "expected ISSUE.OPTION, e.g. 'migration.free_movement'",
}

_DATE = "expected a date written YYYY-MM-DD, e.g. 2005-03-23"

_DATE_TIME = (
    "expected a date and time written YYYY-MM-DDTHH:MM:SS, as saves write them, e.g. "
    "'2026-11-28T16:42:39.436+00:00' (the fraction of a second and the offset from UTC "
    "may be left out)"
)

_LIST = "expected a list: one '- ' line per entry, or [a, b] on one line"

_MAPPING = "expected a mapping: 'key: value' lines, indented under this key"

_WORDS = {
    "string_type": "expected text",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": _LIST,
    "tuple_type": _LIST,
    "set_type": _LIST,
    "dict_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "string_too_short": "this text may not be empty",
    "missing": "a value is missing here (a pair such as [US, MX] needs both)",
}
"""Plain words for the error types the scenario and save models can raise."""

_NUMBER_TYPE_ERRORS = {"float_type", "float_parsing", "int_type", "int_parsing"}
"""A number field given something else: the scenario's types are strict, so `true` and "45"
are refused there, as `1.0` is where a whole number belongs."""

_NUMBER_TEXT = re.compile(r"^\s*[+-]?\d+(\.\d+)?\s*$")
"""Text that holds nothing but a number, as `"45"` in quotes does."""

_NUMBER_ERRORS = {
    "finite_number",
    "greater_than",
    "greater_than_equal",
    "less_than",
    "less_than_equal",
}


def _offending(value: str) -> str:
    """What in an id breaks the rule: a space, a character outside ASCII, a capital."""
    if " " in value:
        return "; no spaces"
    odd = next((c for c in value if not c.isascii()), None)
    if odd is not None:
        return f"; {odd!r} is not ASCII"
    return ""


def _length_words(kind: str, ctx: dict[str, Any], value: object) -> str:
    """A list too short or too long, said plainly."""
    count = len(value) if isinstance(value, list | dict | str | tuple) else ctx.get("actual_length")
    if kind == "too_long":
        return f"at most {ctx.get('max_length')} entries are allowed here, not {count}"
    return f"at least {ctx.get('min_length')} entries are needed here, not {count}"


def _shown(value: object) -> str:
    """A value as read, shortened (the saves' messages show numbers and booleans this way)."""
    if isinstance(value, str) and len(value) > 40:
        return repr(value[:37] + "...")
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def _words(error: ErrorDetails, bounds: Bounds) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in _PATTERN_WORDS:
        extra = _offending(value) if isinstance(value, str) else ""
        return _PATTERN_WORDS[ctx["pattern"]] + extra
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"]))
    if kind in ("too_short", "too_long"):
        return _length_words(kind, ctx, value)
    if kind in _NUMBER_ERRORS or kind == "int_from_float":
        if kind != "finite_number" and bounds.low is None and bounds.high is None:
            bounds = Bounds().narrowed(_constraint(kind, ctx))
        return f"expected {bounds.words()}"
    if kind in _NUMBER_TYPE_ERRORS:
        return f"expected {bounds.words()}{_number_hint(value)}"
    if kind == "bool_type" and isinstance(value, str) and value.lower() in ("true", "false"):
        return "expected true or false, without quotes"
    if kind == "bool_type" and isinstance(value, int | float) and not isinstance(value, bool):
        return "expected true or false, not a number"
    if kind.startswith("datetime"):
        return _DATE_TIME
    if kind.startswith("date"):
        return _DATE
    if kind == "string_type" and isinstance(value, int | float | dt.date):
        # A boolean as the author typed it (YAML reads only true and false as booleans).
        typed = str(value).lower() if isinstance(value, bool) else value
        return f'expected text; put it in quotes: "{typed}"'
    if kind == "string_type" and isinstance(value, list | dict):
        what = "a list" if isinstance(value, list) else "a mapping"
        return f"expected text, not {what}; put it in quotes if the brackets or ': ' belong to it"
    if kind == "string_too_long":
        return f"at most {ctx.get('max_length')} characters are allowed here"
    if kind == "literal_error":
        return f"input should be {ctx.get('expected')}"
    key = str(ctx.get("discriminator", "kind")).strip("'")
    if kind == "union_tag_invalid":
        tag, expected = str(ctx.get("tag")), str(ctx.get("expected_tags"))
        hint = did_you_mean(tag, re.findall(r"'([^']+)'", expected))
        if not hint.startswith("did you mean"):
            hint = f"expected one of {expected}"  # in the schema's order, not sorted
        return f"unknown {key} {tag!r}; {hint}"
    if kind == "union_tag_not_found":
        return f"required key {key!r} is missing: it says which kind of entry this is"
    if kind in _WORDS:
        return _WORDS[kind]
    message = error["msg"]
    return message[0].lower() + message[1:]


def _number_hint(value: object) -> str:
    """What to change in a value given where a number belongs: a flag, or a number in quotes."""
    if isinstance(value, bool):
        return ", not true or false"
    if isinstance(value, str) and _NUMBER_TEXT.match(value):
        return f"; write it without quotes: {value.strip()}"
    return ""


def _constraint(kind: str, ctx: dict[str, Any]) -> Any:
    limit = next(iter(ctx.values()), None)
    if not isinstance(limit, int | float):
        return None
    return {
        "greater_than": annotated_types.Gt,
        "greater_than_equal": annotated_types.Ge,
        "less_than": annotated_types.Lt,
        "less_than_equal": annotated_types.Le,
    }[kind](limit)


def plain_message(
    error: ErrorDetails, bounds: Bounds = Bounds(), written: str | None = None
) -> str:
    """A schema error in plain words, with the value that was given. `written`: how the file
    writes a value YAML reads as nothing (`null`, `~`; "" or None where nothing is written)."""
    message = _words(error, bounds)
    value = error.get("input")
    if value is None and error["type"].endswith("_type"):
        if written:
            # The author wrote a word YAML reads as nothing: say so, not "nothing is written".
            meant = "the word" if written.isalpha() else "it"
            text = error["type"] == "string_type"
            quote = f": put it in quotes if you meant {meant}" if text else ""
            return f"{message}; YAML reads {written} as nothing{quote}"
        return message + " (nothing is written here)"
    if isinstance(value, str | int | float | bool | dt.date) and error["type"] not in (
        "value_error",
        "assertion_error",
    ):
        message += f" (got {_shown(value)})"
    return message
