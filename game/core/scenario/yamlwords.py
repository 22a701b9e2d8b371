"""The YAML reader's complaints in an author's words: indentation, quoting, tabs, brackets."""

from __future__ import annotations

import re

import yaml
from yaml.error import Mark

_KEY_THEN_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s#'\"][^:#]*:\s+(?P<value>\S.*)$")
"""A line holding a key and then a value (optionally as a list entry)."""


def _line(text: str, number: int) -> str:
    """Line `number` (0-based) of the text, or an empty string past the end."""
    lines = text.splitlines()
    return lines[number] if 0 <= number < len(lines) else ""


def _shown(line: str) -> str:
    line = line.strip()
    return repr(line if len(line) <= 50 else line[:47] + "...")


def _indentation(line: str) -> str:
    return (
        f"check the indentation of this line: {_shown(line)} (keys of one mapping, and the '- ' "
        "of one list, start in the same column; a line indented further continues the value "
        "above it)"
    )


def _unquoted_colon(line: str) -> str | None:
    """The advice for a value that holds ': ' unquoted, if the line has one."""
    found = _KEY_THEN_VALUE.match(line)
    if found is None or ": " not in found["value"] + " ":
        return None
    value = found["value"].split(" #", 1)[0].rstrip()
    return (
        f'put this text in quotes: "{value}" (a colon followed by a space starts a new key '
        "unless the text is quoted)"
    )


def plain_syntax_error(text: str, err: yaml.MarkedYAMLError) -> tuple[str, Mark | None]:
    """What is wrong in words an author knows, and where (the reader's own mark: 0-based)."""
    problem = str(err.problem or "")
    context = str(err.context or "")
    at = err.problem_mark or err.context_mark
    line = _line(text, at.line) if at is not None else ""
    if "tab" in problem or (line[: len(line) - len(line.lstrip())].count("\t")):
        return "a tab indents this line; indent with spaces only (YAML refuses tabs)", at
    if "mapping values are not allowed" in problem:
        # The colon at the mark either ends a second key on a line that already has one (an
        # unquoted colon in a value) or a key indented into the value above it.
        return _unquoted_colon(line) or _indentation(line), at
    if "quoted scalar" in context and "end of stream" in problem:
        return "a quote opened here is never closed", err.context_mark or at
    if "flow" in context:
        return (
            "a [list] or {mapping} written on one line is not closed, or holds an unquoted "
            "': ' (put such text in quotes)",
            at,
        )
    if "sequence entries are not allowed" in problem:
        return (
            "a '- ' list entry must start a line of its own, under its key; if the dash is part "
            "of the text, put the text in quotes",
            at,
        )
    if "expected key" in problem or "block end" in problem or "'-' indicator" in problem:
        if re.search(r""":\s+(['"]).*?\1\s*[^\s#]""", line):
            return (
                "text in quotes must end at its closing quote; for a quote inside, use the "
                "other kind of quotes around the text, or double a ' inside '...' ('it''s')",
                at,
            )
        return _indentation(line), at
    what = " ".join(x for x in (context, problem) if x)
    return what, at
